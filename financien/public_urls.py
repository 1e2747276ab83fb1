"""Public pages of financien under /<regio>/ (no login; only what is marked public)."""

from django.urls import path  # noqa: F401

app_name = "financien_publiek"

urlpatterns: list = []
