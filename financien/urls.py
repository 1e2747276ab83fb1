"""Staff pages of financien (login required, scoped to the user's regio)."""

from django.urls import path  # noqa: F401

app_name = "financien"

urlpatterns: list = []
