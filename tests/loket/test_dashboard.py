"""The loket dashboard: every table's figures, the period edges in local time, and a query
count that does not grow with the data."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from loket import selectors
from loket.models import Doorverwijzing, Gesprek
from tests.factories import GemeenteFactory, LocatieFactory, OrganisatieFactory
from tests.loket.factories import (
    DienstFactory,
    DoorverwijzingFactory,
    GesprekFactory,
    VraagFactory,
    doelgroep,
    thema,
)

pytestmark = pytest.mark.django_db
S = Doorverwijzing.Status
AMS = ZoneInfo("Europe/Amsterdam")
VAN, TOT = date(2026, 1, 1), date(2026, 3, 31)


def _lokaal(*args) -> datetime:
    return datetime(*args, tzinfo=AMS)


@pytest.fixture(autouse=True)
def _geen_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


@pytest.fixture
def coordinator(maak_gebruiker, regio_a):
    return maak_gebruiker("coordinator", regio=regio_a)


@pytest.fixture
def gegevens(regio_a, regio_b, coordinator):
    wijkhuis = LocatieFactory(regio=regio_a, naam="Wijkhuis")
    bieb = LocatieFactory(regio=regio_a, naam="Bibliotheek")
    werk, schulden = thema("werk-zoeken"), thema("schulden")
    haarlem = GemeenteFactory(regio=regio_a, naam="Haarlem")
    velsen = GemeenteFactory(regio=regio_a, naam="Velsen")
    L = Gesprek.Leeftijd
    for datum, kanaal, locatie, dg, themas, woont, leeftijd in [
        (
            date(2026, 1, 5),
            Gesprek.Kanaal.INLOOP,
            wijkhuis,
            "ww",
            [werk, schulden],
            haarlem,
            L.TOT_27,
        ),
        (date(2026, 1, 31), Gesprek.Kanaal.INLOOP, wijkhuis, "ww", [werk], haarlem, L.TOT_55),
        (date(2026, 2, 2), Gesprek.Kanaal.TELEFOON, None, "bijstand", [schulden], velsen, L.TOT_27),
        (date(2026, 3, 31), Gesprek.Kanaal.INLOOP, bieb, "ww", [werk], None, L.TOT_27),
        (date(2025, 12, 31), Gesprek.Kanaal.ONLINE, bieb, "ww", [werk], velsen, L.TOT_27),  # before
        (date(2026, 4, 1), Gesprek.Kanaal.ONLINE, bieb, "ww", [werk], velsen, L.TOT_27),  # after
    ]:
        GesprekFactory(
            regio=regio_a,
            gids=coordinator,
            datum=datum,
            kanaal=kanaal,
            locatie=locatie,
            doelgroep=doelgroep(dg),
            themas=themas,
            woongemeente=woont,
            leeftijdscategorie=leeftijd,
        )
    zonder = GesprekFactory(regio=regio_a, gids=coordinator, datum=date(2026, 2, 3), locatie=bieb)
    zonder.themas.clear()
    GesprekFactory(regio=regio_b, datum=date(2026, 2, 3))  # another regio

    uwv = OrganisatieFactory(regio=regio_a, naam="UWV")
    bibliotheek = OrganisatieFactory(regio=regio_a, naam="Bibliotheek")
    dienst_uwv = DienstFactory(regio=regio_a, organisatie=uwv)
    dienst_bieb = DienstFactory(regio=regio_a, organisatie=bibliotheek)
    for verstuurd, status, contact_na, tevreden in [
        # 00:30 local time on the first day is in the period (23:30 UTC the day before).
        (_lokaal(2026, 1, 1, 0, 30), S.AFGEROND, timedelta(days=1), True),
        (_lokaal(2026, 1, 10, 9), S.NIET_GELUKT, timedelta(days=2), False),
        (_lokaal(2026, 2, 10, 9), S.AFGEROND, timedelta(days=4, hours=12), None),
        (_lokaal(2026, 3, 10, 9), S.VERSTUURD, timedelta(days=10), None),
        (_lokaal(2026, 3, 31, 23, 30), S.VERSTUURD, None, None),  # last minutes of the period
        (_lokaal(2026, 4, 1, 0, 30), S.AFGEROND, timedelta(days=1), True),  # after it
    ]:
        DoorverwijzingFactory(
            regio=regio_a,
            dienst=dienst_uwv,
            verstuurd_op=verstuurd,
            status=status,
            contact_gelegd_op=verstuurd + contact_na if contact_na else None,
            reden_niet_gelukt="Niet bereikbaar" if status == S.NIET_GELUKT else "",
            # Both open ones were promised a reaction within a week: both are overdue.
            reactie_uiterlijk=verstuurd.date() + timedelta(days=7),
            tevredenheid_verstuurd_op=verstuurd if status in Doorverwijzing.GESLOTEN else None,
            tevreden=tevreden,
        )
    DoorverwijzingFactory(
        regio=regio_a,
        dienst=dienst_bieb,
        verstuurd_op=_lokaal(2026, 2, 1, 12),
        status=S.VERSTUURD,
    )
    for ontvangen, uiterlijk, beantwoord in [
        (_lokaal(2026, 1, 1, 0, 30), date(2026, 1, 8), _lokaal(2026, 1, 8, 23, 59)),  # on time
        (_lokaal(2026, 1, 20, 9), date(2026, 1, 27), _lokaal(2026, 1, 28, 0, 10)),  # late
        (_lokaal(2026, 1, 31, 23, 30), date(2026, 2, 7), None),  # January in local time
        (_lokaal(2026, 3, 2, 9), date(2026, 3, 9), _lokaal(2026, 3, 3, 9)),
        # Its term has not passed yet (a date far ahead): not judged on time or late.
        (_lokaal(2026, 3, 20, 9), date(2999, 1, 1), None),
        (_lokaal(2025, 12, 31, 23, 30), date(2026, 1, 7), None),  # before the period
    ]:
        VraagFactory(
            regio=regio_a,
            ontvangen_op=ontvangen,
            antwoord_uiterlijk=uiterlijk,
            beantwoord_op=beantwoord,
        )


def _zonder_totaal(rijen):
    *rijen, totaal = rijen
    assert totaal["naam"] == "Totaal" and totaal["totaal"] is True
    return rijen, {k: v for k, v in totaal.items() if k not in ("naam", "totaal")}


def test_dashboard_tables_count_the_regio_in_the_period(coordinator, gegevens):
    t = selectors.dashboard(user=coordinator, van=VAN, tot=TOT)
    gesprekken = {"aantal": 5}
    assert _zonder_totaal(t["locatie"]) == (
        [
            {"naam": "Bibliotheek", "aantal": 2},
            {"naam": "Wijkhuis", "aantal": 2},
            {"naam": "(geen)", "aantal": 1},
        ],
        gesprekken,
    )
    assert _zonder_totaal(t["kanaal"]) == (
        [{"naam": "Inloop", "aantal": 3}, {"naam": "Telefoon", "aantal": 2}],
        gesprekken,
    )
    assert _zonder_totaal(t["doelgroep"]) == (
        [
            {"naam": doelgroep("ww").naam, "aantal": 4},
            {"naam": doelgroep("bijstand").naam, "aantal": 1},
        ],
        gesprekken,
    )
    # A gesprek about two themas is in both rows: the total is still the number of gesprekken.
    assert _zonder_totaal(t["thema"]) == (
        [
            {"naam": thema("werk-zoeken").naam, "aantal": 3},
            {"naam": thema("schulden").naam, "aantal": 2},
            {"naam": "(geen)", "aantal": 1},
        ],
        gesprekken,
    )
    assert _zonder_totaal(t["woongemeente"]) == (
        [
            {"naam": "Haarlem", "aantal": 2},
            {"naam": "(buiten de regio of onbekend)", "aantal": 2},
            {"naam": "Velsen", "aantal": 1},
        ],
        gesprekken,
    )
    assert _zonder_totaal(t["leeftijd"]) == (
        [
            {"naam": "18 tot 27", "aantal": 3},
            {"naam": "45 tot 55", "aantal": 1},
            {"naam": "Onbekend", "aantal": 1},
        ],
        gesprekken,
    )
    assert _zonder_totaal(t["maand"]) == (
        [
            {"naam": "januari 2026", "aantal": 2},
            {"naam": "februari 2026", "aantal": 2},
            {"naam": "maart 2026", "aantal": 1},
        ],
        gesprekken,
    )
    # UWV: 2 afgerond out of its 5 (2 of them still open and overdue): 40%, not 67%.
    assert _zonder_totaal(t["partners"]) == (
        [
            {
                "naam": "Bibliotheek",
                "aantal": 1,
                "gelukt": 0,
                "niet_gelukt": 0,
                "open": 1,
                "te_laat": 0,
                "succes_pct": 0,
                "mediaan_dagen_tot_contact": None,
            },
            {
                "naam": "UWV",
                "aantal": 5,
                "gelukt": 2,
                "niet_gelukt": 1,
                "open": 2,
                "te_laat": 2,
                "succes_pct": 40,
                "mediaan_dagen_tot_contact": 3.2,  # median of 1, 2, 4.5 and 10 days: 3.25
            },
        ],
        {"aantal": 6, "gelukt": 2, "niet_gelukt": 1, "open": 3, "te_laat": 2, "succes_pct": 33},
    )
    assert _zonder_totaal(t["tevredenheid"]) == (
        [
            {
                "naam": "UWV",
                "gevraagd": 3,
                "beantwoord": 2,
                "tevreden": 1,
                "tevreden_pct": 50,
            }
        ],
        {"gevraagd": 3, "beantwoord": 2, "tevreden": 1, "tevreden_pct": 50},
    )
    assert _zonder_totaal(t["vragen"]) == (
        [
            {
                "naam": "januari 2026",
                "aantal": 3,
                "beantwoord": 2,
                "verstreken": 3,
                "op_tijd": 1,
                "op_tijd_pct": 33,
            },
            {
                "naam": "maart 2026",
                "aantal": 2,
                "beantwoord": 1,
                "verstreken": 1,
                "op_tijd": 1,
                "op_tijd_pct": 100,
            },
        ],
        {"aantal": 5, "beantwoord": 3, "verstreken": 4, "op_tijd": 2, "op_tijd_pct": 50},
    )


def test_the_page_says_how_each_figure_is_computed_and_totals_it(client, coordinator, gegevens):
    from loket.dashboard import KOLOMMEN

    client.force_login(coordinator)
    html = client.get(reverse("loket:dashboard") + "?van=2026-01-01&tot=2026-03-31").content
    html = html.decode()
    for code in KOLOMMEN:
        assert f'data-testid="uitleg-{code}"><strong>Hoe berekend:</strong>' in html
    assert "Succes = afgerond gedeeld door álle doorverwijzingen" in html
    assert html.count('data-testid="totaal"') == len(KOLOMMEN)
    assert '<td class="utrecht-table__cell">januari 2026</td>' in html
    assert '<td class="utrecht-table__cell">2026-01</td>' not in html


def test_the_figures_of_another_regio_are_not_counted(client, coordinator, gegevens, regio_b):
    t = selectors.dashboard(user=coordinator, van=VAN, tot=TOT)
    assert t["maand"][-1]["aantal"] == 5  # regio_b's gesprek of 3 February left out


def test_dashboard_query_count_does_not_grow_with_the_data(
    client, coordinator, gegevens, regio_a, django_assert_max_num_queries
):
    client.force_login(coordinator)
    url = reverse("loket:dashboard") + "?van=2026-01-01&tot=2026-03-31"
    client.get(url)
    with django_assert_max_num_queries(QUERIES_DASHBOARD) as ctx:
        assert client.get(url).status_code == 200
    per_pagina = len(ctx.captured_queries)
    for i in range(5):
        organisatie = OrganisatieFactory(regio=regio_a)
        DoorverwijzingFactory(
            regio=regio_a,
            dienst=DienstFactory(regio=regio_a, organisatie=organisatie),
            verstuurd_op=_lokaal(2026, 2, 1 + i, 9),
            contact_gelegd_op=_lokaal(2026, 2, 3 + i, 9),
        )
        GesprekFactory(
            regio=regio_a, gids=coordinator, datum=date(2026, 2, 1 + i), locatie=LocatieFactory()
        )
        VraagFactory(regio=regio_a, ontvangen_op=_lokaal(2026, 2, 1 + i, 9))
    client.get(url)  # again: new data may have emptied a cache
    with django_assert_max_num_queries(per_pagina):
        assert client.get(url).status_code == 200


# Session, user, groups and the session save (in a savepoint: 3 queries) plus the page's own:
# the gesprekken tables in one UNION, partners, vragen, the chain to the WSP (issue 23), and on
# SQLite the contact times for the median (PostgreSQL computes it in the partners query). It
# was 6 + 8.
QUERIES_DASHBOARD = 11


def test_the_figures_are_counted_again_after_a_few_minutes_and_say_when(
    client, coordinator, regio_a, time_machine
):
    """The figures are kept DASHBOARD_SECONDEN per regio, period and day; the page says when
    they were counted."""
    from loket.dashboard import DASHBOARD_SECONDEN

    time_machine.move_to("2026-04-01 10:00 +0200", tick=False)
    client.force_login(coordinator)
    url = reverse("loket:dashboard") + "?van=2026-01-01&tot=2026-03-31"
    GesprekFactory(regio=regio_a, gids=coordinator, datum=date(2026, 1, 5))
    eerst = client.get(url)
    assert "Cijfers van 1 april 2026, 10:00." in eerst.content.decode()
    GesprekFactory(regio=regio_a, gids=coordinator, datum=date(2026, 1, 6))
    cel = '<td class="utrecht-table__cell">2</td>'
    assert cel not in eerst.content.decode()
    time_machine.move_to(f"2026-04-01 10:{DASHBOARD_SECONDEN // 60 + 1:02d} +0200", tick=False)
    opnieuw = client.get(url)
    assert "Cijfers van 1 april 2026, 10:0" in opnieuw.content.decode()
    maand = next(t for t in opnieuw.context["tabellen"] if t["code"] == "maand")
    assert sum(rij[1] for rij in maand["rijen"]) == 2
    assert cel in opnieuw.content.decode()


def test_kept_figures_are_per_regio(client, coordinator, maak_gebruiker, regio_a, regio_b):
    """The kept figures are shared within a regio, never across: a coordinator of another
    regio asking for the same period gets their own."""
    url = reverse("loket:dashboard") + "?van=2026-01-01&tot=2026-03-31"
    GesprekFactory(regio=regio_a, gids=coordinator, datum=date(2026, 1, 5))
    client.force_login(coordinator)
    client.get(url)
    client.force_login(maak_gebruiker("coordinator", regio=regio_b))
    maand = next(t for t in client.get(url).context["tabellen"] if t["code"] == "maand")
    assert sum(rij[1] for rij in maand["rijen"]) == 0
