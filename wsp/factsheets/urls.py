"""Factsheet URLs, included into the "wsp" namespace (no app_name here on purpose)."""

from django.urls import path

from . import views as v
from . import views_ontvangers as o

urlpatterns = [
    path("", v.factsheets, name="factsheets"),
    path("maken/", v.factsheet_maken, name="factsheet_maken"),
    path("dashboard/", v.dashboard, name="factsheet_dashboard"),
    path(
        "dashboard/<slug:tabel>.<slug:formaat>",
        v.dashboard_export,
        name="factsheet_export",
    ),
    path("versie/<int:pk>/pdf/", v.factsheet_pdf, name="factsheet_pdf"),
    path("versie/<int:pk>/teksten/", v.factsheet_teksten, name="factsheet_teksten"),
    path("versie/<int:pk>/publiceren/", v.factsheet_publiceren, name="factsheet_publiceren"),
    path("ontvangers/", o.ontvangers, name="factsheet_ontvangers"),
    path("ontvangers/nieuw/", o.ontvanger_nieuw, name="factsheet_ontvanger_nieuw"),
    path(
        "ontvangers/<int:pk>/bewerken/", o.ontvanger_bewerken, name="factsheet_ontvanger_bewerken"
    ),
    path(
        "ontvangers/<int:pk>/verwijderen/",
        o.ontvanger_verwijderen,
        name="factsheet_ontvanger_verwijderen",
    ),
    path("links/<int:pk>/intrekken/", v.factsheet_link_intrekken, name="factsheet_link_intrekken"),
    path("<str:periode>/", v.factsheet, name="factsheet"),
    path("<str:periode>/gemeente/<str:gemeente>/", v.factsheet, name="factsheet_gemeente"),
]
