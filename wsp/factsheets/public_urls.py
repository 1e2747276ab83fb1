"""The recipients' token links (no login): /factsheet/<token>/ and its PDF."""

from django.urls import path

from . import views_publiek as v

app_name = "factsheet_publiek"

urlpatterns = [
    path("<str:token>/", v.factsheet, name="factsheet"),
    path("<str:token>/pdf/", v.factsheet_pdf, name="pdf"),
]
