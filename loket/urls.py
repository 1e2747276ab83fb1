"""Staff pages of loket (login required, scoped to the user's regio)."""

from django.urls import path

from . import dashboard, views, views_keten, views_overdracht, views_werkgever

app_name = "loket"

urlpatterns = [
    path("vragen/", views.vragen, name="vragen"),
    path("vragen/<int:pk>/", views.vraag, name="vraag"),
    path("vragen/<int:pk>/toewijzen/", views.vraag_toewijzen, name="vraag_toewijzen"),
    path("vragen/<int:pk>/beantwoorden/", views.vraag_beantwoorden, name="vraag_beantwoorden"),
    path("vragen/<int:pk>/sluiten/", views.vraag_sluiten, name="vraag_sluiten"),
    path("vragen/<int:pk>/heropenen/", views.vraag_heropenen, name="vraag_heropenen"),
    path("toeleiding/", views.toeleiding_nieuw, name="toeleiding_nieuw"),
    path("gesprekken/", views.gesprekken, name="gesprekken"),
    path("gesprekken/nieuw/", views.gesprek_nieuw, name="gesprek_nieuw"),
    path("gesprekken/<int:pk>/", views.gesprek, name="gesprek"),
    path(
        "werkgeversverzoek/",
        views_werkgever.werkgeversverzoek_nieuw,
        name="werkgeversverzoek_nieuw",
    ),
    path("doorverwijzingen/", views.doorverwijzingen, name="doorverwijzingen"),
    path("doorverwijzingen/nieuw/", views.doorverwijzing_nieuw, name="doorverwijzing_nieuw"),
    path("doorverwijzingen/<int:pk>/", views.doorverwijzing, name="doorverwijzing"),
    path(
        "doorverwijzingen/bewaken/",
        views.doorverwijzingen_bewaken,
        name="doorverwijzingen_bewaken",
    ),
    path(
        "doorverwijzingen/<int:pk>/opnieuw/",
        views.doorverwijzing_opnieuw,
        name="doorverwijzing_opnieuw",
    ),
    path(
        "doorverwijzingen/<int:pk>/doorsturen/",
        views.doorverwijzing_doorsturen,
        name="doorverwijzing_doorsturen",
    ),
    path("sociale-kaart/", views.sociale_kaart, name="sociale_kaart"),
    path("sociale-kaart/nieuw/", views.dienst_bewerken, name="dienst_nieuw"),
    path("sociale-kaart/<int:pk>/", views.dienst_bewerken, name="dienst_bewerken"),
    path("trajecten/", views.trajecten, name="trajecten"),
    path("trajecten/nieuw/", views.traject_nieuw, name="traject_nieuw"),
    path("trajecten/<int:pk>/", views.traject, name="traject"),
    # Warme overdracht to the WSP, the offering side (issue 23 points 1 and 2).
    path("overdrachten/", views_overdracht.overdrachten, name="overdrachten"),
    path("overdrachten/nieuw/", views_overdracht.overdracht_nieuw, name="overdracht_nieuw"),
    path("overdrachten/<int:pk>/", views_overdracht.overdracht, name="overdracht"),
    path(
        "overdrachten/vacatures/",
        views_overdracht.overdracht_vacatures,
        name="overdracht_vacatures",
    ),
    # One person, one story (issue 23, keten-persoon).
    path(
        "overdrachten/<int:pk>/tijdlijn/",
        views_keten.overdracht_tijdlijn,
        name="overdracht_tijdlijn",
    ),
    path(
        "overdrachten/<int:pk>/toestemming-intrekken/",
        views_keten.overdracht_toestemming_intrekken,
        name="overdracht_toestemming_intrekken",
    ),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path(
        "dashboard/<slug:tabel>.<str:formaat>", dashboard.dashboard_export, name="dashboard_export"
    ),
]
