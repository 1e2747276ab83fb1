from django.urls import path

from . import privacy_views as v

app_name = "privacy"

urlpatterns = [
    path("logboek/", v.logboek_lijst, name="logboek"),
    path("logboek/export.<slug:formaat>", v.logboek_export, name="logboek_export"),
    path("personen/", v.personen_zoeken, name="personen"),
    path("personen/inzage/", v.inzage, name="inzage"),
    path("personen/inzage.<slug:formaat>", v.inzage_export, name="inzage_export"),
    path("personen/verwijderen/", v.verwijderen, name="verwijderen"),
]
