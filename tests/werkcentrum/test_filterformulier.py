"""The filter form of a list page is rendered once and kept: its choices are not read again
until they change, and users, regio's, filters and errors never share a form."""

from __future__ import annotations

import pytest

from tests.factories import LocatieFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def gids_client(client, maak_gebruiker, settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False

    def inloggen(**kwargs):
        user = maak_gebruiker("gids", **kwargs)
        client.force_login(user)
        return client

    return inloggen


def _locatie_queries(queries) -> int:
    return sum('FROM "werkcentrum_locatie"' in q["sql"] for q in queries.captured_queries)


def _formulier(html: str) -> str:
    return html[
        html.index('<form method="get"') : html.index("</form>", html.index('role="search"'))
    ]


def test_a_new_choice_shows_at_once(gids_client, regio_a):
    LocatieFactory(regio=regio_a, naam="Bibliotheek Haarlem-Centrum")
    client = gids_client()
    assert "Bibliotheek Haarlem-Centrum" in client.get("/loket/gesprekken/").content.decode()
    LocatieFactory(regio=regio_a, naam="Stadskantoor Velsen")
    assert "Stadskantoor Velsen" in client.get("/loket/gesprekken/").content.decode()


def test_regios_keep_their_own_choices(gids_client, regio_a, regio_b):
    LocatieFactory(regio=regio_a, naam="Locatie Hier")
    LocatieFactory(regio=regio_b, naam="Locatie Daar")
    hier = gids_client().get("/loket/gesprekken/").content.decode()
    daar = gids_client(regio=regio_b).get("/loket/gesprekken/").content.decode()
    assert "Locatie Hier" in hier and "Locatie Daar" not in hier
    assert "Locatie Daar" in daar and "Locatie Hier" not in daar


def test_the_chosen_filter_and_an_error_are_shown_not_shared(gids_client, regio_a):
    locatie = LocatieFactory(regio=regio_a, naam="Locatie Hier")
    client = gids_client()
    gekozen = client.get("/loket/gesprekken/", {"locatie": locatie.pk}).content.decode()
    assert f'<option value="{locatie.pk}" selected>Locatie Hier</option>' in gekozen
    fout = client.get("/loket/gesprekken/", {"locatie": "999999"}).content.decode()
    assert "utrecht-form-field--invalid" in fout and f'"{locatie.pk}" selected' not in fout
    leeg = client.get("/loket/gesprekken/").content.decode()
    assert f'"{locatie.pk}" selected' not in leeg and "utrecht-form-field--invalid" not in leeg
