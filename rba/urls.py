"""Staff pages of rba (login required, scoped to the user's regio)."""

from django.urls import path

from . import views, views_agenda

app_name = "rba"

urlpatterns = [
    path("", views.index, name="index"),
    path("vergaderingen/", views.vergaderingen, name="vergaderingen"),
    path("vergaderingen/nieuw/", views.vergadering_nieuw, name="vergadering_nieuw"),
    path("vergaderingen/<int:pk>/", views.vergadering, name="vergadering"),
    path(
        "vergaderingen/<int:pk>/wijzigen/", views.vergadering_wijzigen, name="vergadering_wijzigen"
    ),
    path(
        "vergaderingen/<int:pk>/agendapunt/",
        views.agendapunt_toevoegen,
        name="agendapunt_toevoegen",
    ),
    path("vergaderingen/<int:pk>/publiceren/", views.agenda_publiceren, name="agenda_publiceren"),
    path(
        "vergaderingen/<int:pk>/gehouden/", views.vergadering_gehouden, name="vergadering_gehouden"
    ),
    path("vergaderingen/<int:pk>/verslag/", views.verslag, name="verslag"),
    path("agendapunten/<int:pk>/stuk/", views.stuk_uploaden, name="stuk_uploaden"),
    path("stukken/<int:pk>/", views.stuk_downloaden, name="stuk_downloaden"),
    path("besluiten/", views.besluiten, name="besluiten"),
    path("besluiten/nieuw/", views.besluit_nieuw, name="besluit_nieuw"),
    path("besluiten/<int:pk>/", views.besluit, name="besluit"),
    path("besluiten/<int:pk>/wijzigen/", views.besluit_wijzigen, name="besluit_wijzigen"),
    path("besluiten/<int:pk>/status/", views.besluit_status, name="besluit_status"),
    path("besluiten/<int:pk>/corrigeren/", views.besluit_corrigeren, name="besluit_corrigeren"),
    path(
        "besluiten/<int:pk>/raadsinformatie/", views.besluit_raadsinformatie, name="raadsinformatie"
    ),
    path("acties/", views.acties, name="acties"),
    path("acties/nieuw/", views.actie_bewerken, name="actie_nieuw"),
    path("acties/<int:pk>/", views.actie_bewerken, name="actie"),
    path("organen/", views_agenda.organen, name="organen"),
    path("organen/nieuw/", views_agenda.orgaan_bewerken, name="orgaan_nieuw"),
    path("organen/<int:pk>/", views_agenda.orgaan, name="orgaan"),
    path("organen/<int:pk>/wijzigen/", views_agenda.orgaan_bewerken, name="orgaan_wijzigen"),
    path("organen/<int:orgaan_pk>/leden/nieuw/", views_agenda.lid_bewerken, name="lid_nieuw"),
    path("organen/<int:orgaan_pk>/leden/<int:pk>/", views_agenda.lid_bewerken, name="lid"),
    path("onderwerpen/", views_agenda.onderwerpen, name="onderwerpen"),
    path("onderwerpen/nieuw/", views_agenda.onderwerp_bewerken, name="onderwerp_nieuw"),
    path("onderwerpen/<int:pk>/", views_agenda.onderwerp, name="onderwerp"),
    path(
        "onderwerpen/<int:pk>/wijzigen/", views_agenda.onderwerp_bewerken, name="onderwerp_wijzigen"
    ),
    path("agenda/", views_agenda.monitoring, name="monitoring"),
    path("agenda/export.xlsx", views_agenda.monitoring_export, name="monitoring_export"),
    path("agenda/regels/nieuw/", views_agenda.regel_bewerken, name="regel_nieuw"),
    path("agenda/regels/<int:pk>/", views_agenda.regel, name="regel"),
    path("agenda/regels/<int:pk>/wijzigen/", views_agenda.regel_bewerken, name="regel_wijzigen"),
]
