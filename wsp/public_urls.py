"""Public pages of wsp under /<regio>/ (no login; only what is marked public)."""

from django.urls import path  # noqa: F401

app_name = "wsp_publiek"

urlpatterns: list = []
