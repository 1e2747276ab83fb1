"""The whole-page cache of the public pages: the same page for every anonymous visitor of a
path, renewed as soon as what it shows changes, never for a logged-in user."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.factories import MedewerkerFactory
from tests.wsp.factories import VacatureFactory, WerkgeverFactory

pytestmark = pytest.mark.django_db

KRANT = "/zkij/vacatures/"


@pytest.fixture(autouse=True)
def _vandaag():
    with time_machine.travel("2025-03-15 10:00 +0100", tick=False):
        yield


@pytest.fixture
def werkgever(regio_a):
    return WerkgeverFactory(regio=regio_a, naam="Bakkerij Korenbloem")


def _vacature(werkgever, functie):
    return VacatureFactory(
        werkgever=werkgever, functie=functie, is_openbaar=True, sluitingsdatum=date(2025, 4, 30)
    )


def _queries(client, pad):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(pad)
    assert response.status_code == 200
    return response, len(queries.captured_queries)


def test_a_second_visitor_gets_the_page_without_queries(werkgever):
    _vacature(werkgever, "Bakker")
    eerste, aantal = _queries(Client(), KRANT)
    assert aantal > 0
    tweede, aantal = _queries(Client(), KRANT)
    assert aantal == 0
    assert tweede.content == eerste.content
    assert tweede["Content-Type"] == eerste["Content-Type"]
    # The middleware still adds its headers to a cached page.
    assert "default-src 'self'" in tweede["Content-Security-Policy"]


def test_each_path_and_language_is_its_own_page(werkgever):
    _vacature(werkgever, "Bakker")
    client = Client()
    nl = client.get(KRANT).content.decode()
    en = client.get("/en" + KRANT).content.decode()
    gezocht = client.get(KRANT, {"zoek": "loodgieter"}).content.decode()
    assert 'lang="nl"' in nl and 'lang="en"' in en
    assert "Bakker" in nl and "Bakker" not in gezocht


def test_a_change_shows_at_once(werkgever):
    _vacature(werkgever, "Bakker")
    client = Client()
    assert "Slager" not in client.get(KRANT).content.decode()
    vacature = _vacature(werkgever, "Slager")
    assert "Slager" in client.get(KRANT).content.decode()
    vacature.delete()
    assert "Slager" not in client.get(KRANT).content.decode()


def test_a_logged_in_user_never_gets_or_fills_the_cache(werkgever, regio_a, settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    _vacature(werkgever, "Bakker")
    medewerker = Client()
    medewerker.force_login(MedewerkerFactory(regio=regio_a, rollen=["gids"]))
    assert "Uitloggen" in medewerker.get(KRANT).content.decode()
    _response, aantal = _queries(Client(), KRANT)
    assert aantal > 0, "the logged-in user's page was cached"
    assert "Uitloggen" in medewerker.get(KRANT).content.decode()


def test_the_language_switch_is_a_link_to_the_same_page(werkgever):
    html = Client().get(KRANT + "?zoek=bakker").content.decode()
    assert 'href="/en/zkij/vacatures/?zoek=bakker"' in html
    html = Client().get("/en" + KRANT + "?zoek=bakker").content.decode()
    assert 'href="/zkij/vacatures/?zoek=bakker"' in html
    assert "csrfmiddlewaretoken" not in html


def test_an_unknown_regio_is_not_cached():
    assert Client().get("/xx/vacatures/").status_code == 404
    assert Client().get("/xx/vacatures/").status_code == 404
