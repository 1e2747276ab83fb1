"""Public pages of wsp under /<regio>/vacatures/ (no login; only what is marked public)."""

from django.urls import path

from . import views_publiek as v

app_name = "wsp_publiek"

urlpatterns = [
    path("", v.vacaturekrant, name="vacaturekrant"),
    path("feed.json", v.vacaturekrant_json, name="vacaturekrant_json"),
    path("feed.rss", v.VacaturekrantFeed(), name="vacaturekrant_rss"),
    path("<int:pk>/", v.vacature_publiek, name="vacature"),
    path("ik-ben-werkgever/", v.ik_ben_werkgever, name="ik_ben_werkgever"),
    path("ik-ben-werkgever/ontvangen/", v.verzoek_ontvangen, name="verzoek_ontvangen"),
]
