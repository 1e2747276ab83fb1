"""Public pages of rba under /<regio>/ (no login; only what is marked public)."""

from django.urls import path  # noqa: F401

app_name = "rba_publiek"

urlpatterns: list = []
