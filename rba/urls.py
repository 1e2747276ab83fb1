"""Staff pages of rba (login required, scoped to the user's regio)."""

from django.urls import path  # noqa: F401

app_name = "rba"

urlpatterns: list = []
