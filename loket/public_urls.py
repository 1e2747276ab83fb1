"""Public pages of loket under /<regio>/ (no login; only what is marked public)."""

from django.urls import path

from . import publiek

app_name = "loket_publiek"

urlpatterns = [
    path("", publiek.home, name="home"),
    path("thema/<slug:rubriek>/", publiek.rubriek, name="rubriek"),
    path("info/<slug:slug>/", publiek.pagina, name="pagina"),
    path("spreekuren/", publiek.spreekuren, name="spreekuren"),
    path("waar-kan-ik-terecht/", publiek.wegwijzer, name="wegwijzer"),
    path("vraag/", publiek.vraag_stellen, name="vraag"),
    path("vraag/ontvangen/", publiek.vraag_ontvangen, name="vraag_ontvangen"),
    path("tevredenheid/<str:token>/", publiek.tevredenheid, name="tevredenheid"),
    path("doorverwijzing/<str:token>/", publiek.doorverwijzing_link, name="doorverwijzing_link"),
]
