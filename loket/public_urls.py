"""Public pages of loket under /<regio>/ (no login; only what is marked public)."""

from django.urls import path  # noqa: F401

app_name = "loket_publiek"

urlpatterns: list = []
