from django.urls import path

from . import platform_views as v

app_name = "platform"

urlpatterns = [
    path("", v.overzicht, name="overzicht"),
    path("regios/nieuw/", v.regio_nieuw, name="regio_nieuw"),
    path("regios/nieuw/bevestigen/", v.regio_bevestigen, name="regio_bevestigen"),
    path("regios/<slug:code>/", v.regio, name="regio"),
]
