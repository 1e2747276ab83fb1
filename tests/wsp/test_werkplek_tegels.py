"""The WSP's tiles on the werkplek (issue 22 point 9): counted in SQL in a constant number of
queries, within the user's regio, each equal to the list it links to."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import MedewerkerFactory
from wsp.models import Contactmoment
from wsp.werkplek import einde_week

from .factories import (
    NazorgMomentFactory,
    OverdrachtFactory,
    PlaatsingFactory,
    VerzoekFactory,
    WerkgeverFactory,
)

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")
WOENSDAG = date(2025, 6, 11)


@pytest.fixture(autouse=True)
def _woensdag(settings, time_machine):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    time_machine.move_to(datetime(2025, 6, 11, 10, 0, tzinfo=AMS), tick=False)


def _opvolging(werkgever, medewerker, dag: date, *, afgerond: bool = False) -> Contactmoment:
    return Contactmoment.objects.create(
        werkgever=werkgever,
        datum=date(2025, 6, 1),
        type="telefoon",
        samenvatting="Belafspraak",
        opvolgdatum=dag,
        opvolging_afgerond=afgerond,
        medewerker=medewerker,
    )


def _nazorg(regio, dag: date, **kwargs):
    plaatsing = PlaatsingFactory(
        werkgever=WerkgeverFactory(regio=regio),
        nazorg_niet_meer_nodig=kwargs.pop("niet_meer_nodig", False),
    )
    return NazorgMomentFactory(plaatsing=plaatsing, vervaldatum=dag, **kwargs)


def _wat_er_wacht(adviseur, regio_a, regio_b, collega_b):
    """Rows of both regio's: in regio A two of each kind count, one nazorg is late."""
    werkgever = WerkgeverFactory(regio=regio_a, accounthouder=adviseur)
    VerzoekFactory(regio=regio_a)
    VerzoekFactory(regio=regio_a)
    VerzoekFactory(regio=regio_a, eerste_reactie_op=datetime(2025, 6, 10, 9, tzinfo=AMS))
    VerzoekFactory(regio=regio_b)

    _opvolging(werkgever, adviseur, date(2025, 6, 10))  # late
    _opvolging(werkgever, adviseur, WOENSDAG)  # today
    _opvolging(werkgever, adviseur, date(2025, 6, 12))  # tomorrow: not yet
    _opvolging(werkgever, adviseur, date(2025, 6, 9), afgerond=True)
    collega = MedewerkerFactory(regio=regio_a, rollen=["wsp_adviseur"])
    _opvolging(werkgever, collega, date(2025, 6, 10))  # a colleague's: not mine
    _opvolging(WerkgeverFactory(regio=regio_b), collega_b, date(2025, 6, 10))

    _nazorg(regio_a, date(2025, 6, 9))  # late
    _nazorg(regio_a, WOENSDAG)  # this week
    _nazorg(regio_a, date(2025, 6, 15))  # Sunday: this week
    _nazorg(regio_a, date(2025, 6, 16))  # next week
    _nazorg(regio_a, date(2025, 6, 12), afgerond_op=date(2025, 6, 10), uitkomst="goed")
    _nazorg(regio_a, date(2025, 6, 12), niet_meer_nodig=True)
    _nazorg(regio_b, date(2025, 6, 9))
    _nazorg(regio_b, date(2025, 6, 12))

    OverdrachtFactory(regio=regio_a)
    OverdrachtFactory(regio=regio_a)
    OverdrachtFactory(regio=regio_a, status="teruggegeven", reden_teruggave="Nog niet werkfit")
    OverdrachtFactory(regio=regio_b)


def _tegels(client) -> list:
    response = client.get(reverse("werkplek"))
    assert response.status_code == 200
    return response.context["tegels"]


def test_a_week_runs_to_sunday():
    assert einde_week(WOENSDAG) == date(2025, 6, 15)
    assert einde_week(date(2025, 6, 15)) == date(2025, 6, 15)
    assert einde_week(date(2025, 6, 16)) == date(2025, 6, 22)


def test_tiles_count_what_waits_in_the_users_regio_only(
    client, adviseur, regio_a, regio_b, maak_gebruiker
):
    collega_b = maak_gebruiker("wsp_adviseur", regio=regio_b)
    _wat_er_wacht(adviseur, regio_a, regio_b, collega_b)
    client.force_login(adviseur)
    tegels = _tegels(client)
    assert [(t.aantal, t.titel) for t in tegels] == [
        (2, "open werkgeversverzoeken"),
        (2, "opvolgingen voor vandaag"),
        (2, "nazorgmomenten deze week"),
        (1, "nazorgmoment te laat"),
        (2, "aangeboden kandidaten"),
    ]
    assert "15 juni" in tegels[2].omschrijving
    assert [t.dringend for t in tegels] == [False, False, False, True, False]

    # Regio B's adviseur sees regio B's rows only.
    client.force_login(collega_b)
    assert [t.aantal for t in _tegels(client)] == [1, 1, 1, 1, 1]


def test_each_tile_links_to_a_list_with_exactly_its_rows(
    client, adviseur, regio_a, regio_b, maak_gebruiker
):
    _wat_er_wacht(adviseur, regio_a, regio_b, maak_gebruiker("wsp_adviseur", regio=regio_b))
    client.force_login(adviseur)
    verzoeken, opvolgingen, week, te_laat, aangeboden = _tegels(client)
    assert len(client.get(verzoeken.url).context["open"]) == verzoeken.aantal
    for tegel in (opvolgingen, week, te_laat, aangeboden):
        response = client.get(tegel.url)
        assert response.status_code == 200, tegel.url
        assert response.context["page_obj"].paginator.count == tegel.aantal, tegel.url
    html = client.get(te_laat.url).content.decode()
    assert "1 open nazorgmoment" in html and "te laat" in html
    # Without a period the lists show everything open.
    assert client.get(reverse("wsp:nazorg")).context["page_obj"].paginator.count == 4
    assert client.get(reverse("wsp:opvolgingen")).context["page_obj"].paginator.count == 3


def test_the_werkplek_page_counts_in_a_constant_number_of_queries(
    client, adviseur, regio_a, regio_b, maak_gebruiker, django_assert_max_num_queries
):
    client.force_login(adviseur)
    _tegels(client)  # warm: session, sites, content types
    with CaptureQueriesContext(connection) as leeg:
        _tegels(client)
    _wat_er_wacht(adviseur, regio_a, regio_b, maak_gebruiker("wsp_adviseur", regio=regio_b))
    for _ in range(3):
        _wat_er_wacht(adviseur, regio_a, regio_b, maak_gebruiker("wsp_adviseur", regio=regio_b))
    with CaptureQueriesContext(connection) as vol:
        assert [t.aantal for t in _tegels(client)] == [8, 8, 8, 4, 8]
    assert len(vol) == len(leeg)
    with django_assert_max_num_queries(len(leeg)):
        _tegels(client)


def test_tiles_only_for_wsp_roles_and_not_when_the_module_is_off(
    client, maak_gebruiker, regio_a, superuser
):
    client.force_login(maak_gebruiker("gids"))
    assert _tegels(client) == []
    VerzoekFactory(regio=regio_a)
    client.force_login(superuser)  # every role, no regio: no regio's work to count
    assert _tegels(client) == []
    adviseur = maak_gebruiker("wsp_adviseur")
    regio_a.modules = ["rba"]
    regio_a.save()
    client.force_login(adviseur)
    assert _tegels(client) == []


def test_tile_shows_its_count_and_says_what_it_counts(client, adviseur, regio_a):
    for _ in range(3):
        VerzoekFactory(regio=regio_a)
    client.force_login(adviseur)
    html = client.get(reverse("werkplek")).content.decode()
    assert "Wat er op je wacht" in html
    assert (
        f'href="{reverse("wsp:nazorg")}?termijn=verlopen"' in html
        and '>3</span> <span class="wc-tegel__titel">open werkgeversverzoeken<' in html
    )


def test_opvolgingen_and_nazorg_refuse_an_unknown_period_next_to_the_field(client, adviseur):
    client.force_login(adviseur)
    for naam in ("wsp:opvolgingen", "wsp:nazorg"):
        response = client.get(reverse(naam), {"termijn": "gisteren"})
        assert response.status_code == 200
        assert "utrecht-form-field--invalid" in response.content.decode()
