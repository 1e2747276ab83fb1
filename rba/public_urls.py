"""Public pages of rba under /<regio>/besluiten/ (no login; only what is marked public)."""

from django.urls import path

from . import views_publiek

app_name = "rba_publiek"

urlpatterns = [
    path("", views_publiek.besluiten, name="besluiten"),
    path("feed.rss", views_publiek.feed_rss, name="feed_rss"),
    path("feed.json", views_publiek.feed_json, name="feed_json"),
    path("<str:nummer>/", views_publiek.besluit, name="besluit"),
]
