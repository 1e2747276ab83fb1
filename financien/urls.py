"""Staff pages of financien (login required, scoped to the user's regio)."""

from django.urls import path

from . import importeren, views

app_name = "financien"

urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("reserve/", views.reserve, name="reserve"),
    path("geldstromen/nieuw/", views.geldstroom_bewerken, name="geldstroom_nieuw"),
    path("geldstromen/<int:pk>/", views.geldstroom, name="geldstroom"),
    path("geldstromen/<int:pk>/wijzigen/", views.geldstroom_bewerken, name="geldstroom_wijzigen"),
    path("begroting/", views.begroting, name="begroting"),
    path("begroting/vaststellen/", views.begrotingsregel, name="begrotingsregel"),
    path("begroting/posten/nieuw/", views.begrotingspost_nieuw, name="begrotingspost_nieuw"),
    path("besluiten/", views.besluiten, name="besluiten"),
    path("grootboek/", views.mutaties, name="mutaties"),
    path("grootboek/storting/", views.storting_nieuw, name="storting_nieuw"),
    path("grootboek/verplichting/", views.verplichting_nieuw, name="verplichting_nieuw"),
    path("grootboek/<int:pk>/", views.mutatie, name="mutatie"),
    path("grootboek/<int:pk>/realisatie/", views.realisatie_nieuw, name="realisatie_nieuw"),
    path("grootboek/<int:pk>/vrijval/", views.vrijval_nieuw, name="vrijval_nieuw"),
    path("grootboek/<int:pk>/correctie/", views.correctie_nieuw, name="correctie_nieuw"),
    path("export/", views.exporteren, name="export"),
    path("importeren/", importeren.importeren, name="importeren"),
    path("importeren/voorbeeld/", importeren.voorbeeld, name="import_voorbeeld"),
]
