"""The front door leads to a regio: never a dead end."""

import pytest
from django.urls import reverse

from tests.factories import GemeenteFactory

pytestmark = pytest.mark.django_db


def test_one_regio_goes_straight_to_its_site(client, regio_a):
    antwoord = client.get("/")
    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse("loket_publiek:home", kwargs={"regio": regio_a.code})


def test_several_regios_are_a_list_of_links(client, regio_a, regio_b):
    GemeenteFactory(regio=regio_b, naam="Soest", cbs_code="GM0342")
    antwoord = client.get("/")
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    for regio in (regio_a, regio_b):
        assert reverse("loket_publiek:home", kwargs={"regio": regio.code}) in html
    assert "Soest" in html


def test_a_regio_host_name_leads_to_that_regio(client, settings, regio_a, regio_b):
    settings.ALLOWED_HOSTS = ["testserver", "werkcentrum-amersfoort.example.nl"]
    regio_b.hostnaam = "werkcentrum-amersfoort.example.nl"
    regio_b.save()
    antwoord = client.get("/", HTTP_HOST="werkcentrum-amersfoort.example.nl")
    assert antwoord["Location"] == reverse("loket_publiek:home", kwargs={"regio": regio_b.code})


def test_the_english_front_door_stays_english(client, regio_a):
    antwoord = client.get("/en/")
    assert antwoord["Location"] == f"/en/{regio_a.code}/"
