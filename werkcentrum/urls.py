from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from . import importtaak_views, views, websitegegevens
from .api_urls import router

# The admin logs in through allauth: same throttling, same two-factor.
admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = "Werkcentrum-portaal beheer"
admin.site.site_title = "Werkcentrum-portaal"

urlpatterns = [
    path("health/", views.health, name="health"),
    path("huisstijl/<slug:regio>.css", views.huisstijl, name="huisstijl"),
    path("huisstijl/id/<int:regio_id>.css", views.huisstijl, name="huisstijl_id"),
    path("huisstijl/logo/<slug:regio>/<str:bestand>", views.huisstijl_logo, name="huisstijl_logo"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/signup/", RedirectView.as_view(pattern_name="account_login")),
    path("accounts/", include("allauth.urls")),
    path("beheer/", admin.site.urls),
    path("werkplek/", views.werkplek, name="werkplek"),
    path("locaties/", views.locaties, name="locaties"),
    path("organisaties/", views.organisaties, name="organisaties"),
    path("importen/<int:pk>/", importtaak_views.importtaak, name="importtaak"),
    path(
        "importen/<int:pk>/bevestigen/",
        importtaak_views.importtaak_bevestigen,
        name="importtaak_bevestigen",
    ),
    path("zoeken/medewerkers/", views.medewerkers_zoeken, name="medewerkers_zoeken"),
    # Staff pages of the apps.
    path("loket/", include("loket.urls")),
    path("wsp/", include("wsp.urls")),
    path("rba/", include("rba.urls")),
    path("financien/", include("financien.urls")),
    # A factsheet recipient's personal token link (no account; wsp.factsheets.links).
    path("factsheet/", include("wsp.factsheets.public_urls")),
    path("privacy/", include("werkcentrum.privacy_urls")),
    path("platform/", include("werkcentrum.platform_urls")),
    path("api/v1/", include(router.urls)),
    path("api/v1/", include("loket.api_urls")),
    path("api/v1/", include("wsp.api_urls")),
    path("api/v1/", include("rba.api_urls")),
    path("api/v1/", include("financien.api_urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
]

# Public pages: Dutch without a prefix, English under /en/.
urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("<slug:regio>/", include("loket.public_urls")),
    path("<slug:regio>/vacatures/", include("wsp.public_urls")),
    path("<slug:regio>/besluiten/", include("rba.public_urls")),
    path(
        "<slug:regio>/<slug:soort>/",
        websitegegevens.verklaring,
        name="verklaring",
    ),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
