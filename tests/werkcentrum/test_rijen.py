"""Kept list rows (werkcentrum.rijen): rendered once, shown again without the query, and rendered
anew as soon as anything they show changes, in a joined table, a subquery or a prefetch; never
shared between regio's, filters, pages or languages."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import time_machine
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.db.models.sql.query import Query
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from loket.models import Gesprek
from loket.selectors import gesprekkenlijst_voor
from tests.loket.factories import GesprekFactory
from tests.wsp.factories import NazorgMomentFactory, PlaatsingFactory, WerkgeverFactory
from werkcentrum import paginering, versies
from werkcentrum.models import AuditEvent
from werkcentrum.paginering import pagina
from werkcentrum.rijen import lijst, rijen
from wsp import selectors
from wsp.models import NazorgMoment, Plaatsing

pytestmark = pytest.mark.django_db


def _plaatsingen(user, grootte, **get):
    qs = selectors.met_duurzaam(
        Plaatsing.objects.voor(user).select_related("werkgever", "kandidaat")
    ).order_by("-startdatum", "-pk")
    return pagina(RequestFactory().get("/", get), qs, grootte)


def _getoond(user, grootte=25, **get):
    """The rendered rows and the number of row queries (the kept total aside)."""
    p = _plaatsingen(user, grootte, **get)
    p.paginator.count  # noqa: B018 - the total is kept apart; only the rows are counted here
    with CaptureQueriesContext(connection) as queries:
        uit = rijen(p, "wsp/_plaatsingen_tabel.html", ids="kandidaat_id")
    return uit, len(queries.captured_queries)


def test_rows_are_rendered_once_and_kept(maak_gebruiker, regio_a):
    adviseur = maak_gebruiker("wsp_adviseur")
    plaatsing = PlaatsingFactory(werkgever=WerkgeverFactory(regio=regio_a, naam="Bakkerij Bol"))
    eerst, gelezen = _getoond(adviseur)
    assert gelezen == 1
    assert "Bakkerij Bol" in eerst.html
    assert eerst.ids == (plaatsing.kandidaat_id,)
    daarna, gelezen = _getoond(adviseur)
    assert gelezen == 0
    assert (daarna.html, daarna.ids) == (eerst.html, eerst.ids)


def test_a_change_in_a_joined_table_or_a_subquery_shows_at_once(maak_gebruiker, regio_a):
    adviseur = maak_gebruiker("wsp_adviseur")
    plaatsing = PlaatsingFactory(werkgever=WerkgeverFactory(regio=regio_a, naam="Bakkerij Bol"))
    _getoond(adviseur)
    werkgever = plaatsing.werkgever
    werkgever.naam = "Bakkerij Brood"
    werkgever.save()
    uit, gelezen = _getoond(adviseur)
    assert gelezen == 1
    assert "Bakkerij Brood" in uit.html
    assert '<td class="utrecht-table__cell">nog niet</td>' in uit.html
    # `duurzaam` comes from a subquery on NazorgMoment, a table the outer query does not join.
    NazorgMomentFactory(
        plaatsing=plaatsing,
        soort=NazorgMoment.Soort.VIJF_MAANDEN,
        afgerond_op=date(2025, 8, 1),
        uitkomst=NazorgMoment.Uitkomst.GOED,
        nog_in_dienst=True,
    )
    uit, gelezen = _getoond(adviseur)
    assert gelezen == 1
    assert '<td class="utrecht-table__cell">ja</td>' in uit.html


def test_regios_filters_pages_and_languages_are_kept_apart(maak_gebruiker, regio_a, regio_b):
    hier = maak_gebruiker("wsp_adviseur")
    daar = maak_gebruiker("wsp_adviseur", regio=regio_b)
    PlaatsingFactory(werkgever=WerkgeverFactory(regio=regio_a, naam="Hier BV"))
    PlaatsingFactory(werkgever=WerkgeverFactory(regio=regio_a, naam="Ook hier BV"))
    PlaatsingFactory(werkgever=WerkgeverFactory(regio=regio_b, naam="Daar BV"))
    assert "Hier BV" in _getoond(hier)[0].html
    uit = _getoond(daar)[0]
    assert "Daar BV" in uit.html and "Hier BV" not in uit.html
    # Pages of one row: each page its own rows; a page beyond the last is the last one.
    eerste, tweede = _getoond(hier, 1)[0], _getoond(hier, 1, pagina="2")[0]
    assert eerste.ids != tweede.ids
    assert _getoond(hier, 1, pagina="9") == (tweede, 0)
    with translation.override("en"):
        assert _getoond(hier)[1] == 1


def test_prefetched_models_count_as_sources(maak_gebruiker, regio_a):
    gids = maak_gebruiker("gids")
    gesprek = GesprekFactory(regio=regio_a)
    qs = gesprekkenlijst_voor(user=gids).order_by("-datum", "-pk")
    assert {"loket.Gesprek", "loket.Thema", "werkcentrum.Locatie"} <= versies.bronnen(qs)
    assert gesprek.pk in {g.pk for g in Gesprek.objects.voor(gids)}


def test_the_plaatsingen_page_logs_the_kandidaten_it_shows_also_from_kept_rows(
    client, maak_gebruiker, regio_a, regio_b, settings
):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    adviseur = maak_gebruiker("wsp_adviseur")
    geplaatst = PlaatsingFactory(werkgever=WerkgeverFactory(regio=regio_a))
    open_nazorg = NazorgMomentFactory(plaatsing=PlaatsingFactory(werkgever=geplaatst.werkgever))
    PlaatsingFactory(werkgever=WerkgeverFactory(regio=regio_b))  # another regio: not shown
    client.force_login(adviseur)
    verwacht = sorted({geplaatst.kandidaat_id, open_nazorg.plaatsing.kandidaat_id})
    for _ in range(2):  # the second request shows kept rows: still logged
        assert client.get("/wsp/plaatsingen/").status_code == 200
    events = AuditEvent.objects.filter(event="wsp_kandidatenlijst_ingezien", gebruiker=adviseur)
    assert [e.details["kandidaten"] for e in events] == [verwacht, verwacht]
    assert {e.details["context"] for e in events} == {"plaatsingen"}


# --- lists kept under their inputs (werkcentrum.paginering.invoer) -------------------------


SJABLOON = "wsp/_plaatsingen_tabel.html"


def _verzoek(user, pad="/wsp/plaatsingen/", **get):
    request = RequestFactory().get(pad, get)
    request.user = user
    return request


def test_a_list_page_asked_again_is_served_without_compiling_its_query(
    client, maak_gebruiker, regio_a, settings, monkeypatch
):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    settings.WERKCENTRUM_LIJSTEN_CONTROLEREN = False  # the check itself compiles
    PlaatsingFactory(werkgever=WerkgeverFactory(regio=regio_a, naam="Bakkerij Bol"))
    client.force_login(maak_gebruiker("wsp_adviseur"))
    gecompileerd = []
    origineel = Query.sql_with_params

    def spion(self):
        gecompileerd.append(self.model)
        return origineel(self)

    monkeypatch.setattr(Query, "sql_with_params", spion)
    eerst = client.get("/wsp/plaatsingen/")
    assert Plaatsing in gecompileerd
    gecompileerd.clear()
    with CaptureQueriesContext(connection) as queries:
        daarna = client.get("/wsp/plaatsingen/")
    assert gecompileerd == []
    assert not [q for q in queries.captured_queries if "wsp_plaatsing" in q["sql"]]
    assert "Bakkerij Bol" in daarna.content.decode()
    assert daarna.content.count(b"<tr") == eerst.content.count(b"<tr")


def test_inputs_keep_users_regios_filters_pages_and_days_apart(
    client, maak_gebruiker, regio_a, regio_b, settings
):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    hier, daar = maak_gebruiker("wsp_adviseur"), maak_gebruiker("wsp_adviseur", regio=regio_b)
    WerkgeverFactory(regio=regio_a, naam="Hier BV")
    WerkgeverFactory(regio=regio_a, naam="Ook hier BV")
    WerkgeverFactory(regio=regio_b, naam="Daar BV")

    def getoond(user, **get) -> str:
        client.force_login(user)
        return client.get("/wsp/werkgevers/", get).content.decode()

    assert "Hier BV" in getoond(hier)
    daar_html = getoond(daar)
    assert "Daar BV" in daar_html and "Hier BV" not in daar_html
    gefilterd = getoond(hier, zoek="Ook")
    assert "Ook hier BV" in gefilterd and ">Hier BV<" not in gefilterd
    # The day is an input: a list keyed yesterday is not shown today.
    gisteren = paginering.invoer(_verzoek(hier))
    with time_machine.travel(timezone.now() + timedelta(days=1)):
        assert paginering.invoer(_verzoek(hier)) != gisteren
    assert paginering.invoer(_verzoek(hier, pagina="2")) != gisteren
    assert paginering.invoer(_verzoek(daar)) != gisteren


def test_a_list_whose_query_depends_on_more_than_its_inputs_fails_in_the_tests(
    maak_gebruiker, regio_a
):
    adviseur = maak_gebruiker("wsp_adviseur")
    PlaatsingFactory(werkgever=WerkgeverFactory(regio=regio_a))
    qs = Plaatsing.objects.voor(adviseur).order_by("-pk")
    assert lijst(_verzoek(adviseur), lambda: qs, SJABLOON).pagina.paginator.count == 1
    # Same inputs, another query (as a filter read from the session would give).
    anders = qs.filter(startdatum__year=2001)
    with pytest.raises(ImproperlyConfigured, match="meer dan zijn invoer"):
        lijst(_verzoek(adviseur), lambda: anders, SJABLOON)


def test_without_the_check_a_changed_query_is_counted_again(maak_gebruiker, regio_a, settings):
    """Outside the tests a kept list whose query changed (a new release) is computed anew."""
    settings.WERKCENTRUM_LIJSTEN_CONTROLEREN = False
    adviseur = maak_gebruiker("wsp_adviseur")
    PlaatsingFactory(werkgever=WerkgeverFactory(regio=regio_a))
    qs = Plaatsing.objects.voor(adviseur).order_by("-pk")
    assert lijst(_verzoek(adviseur), lambda: qs, SJABLOON).rijen.aantal == 1
    paginering._BRONNEN.clear()  # a new process of the new release
    anders = qs.filter(startdatum__year=2001)
    getoond = lijst(_verzoek(adviseur), lambda: anders, SJABLOON)
    assert (getoond.pagina.paginator.count, getoond.rijen.aantal) == (0, 0)


def test_a_kept_page_does_not_make_its_query_and_reads_its_objects_only_when_asked(
    maak_gebruiker, regio_a, settings
):
    settings.WERKCENTRUM_LIJSTEN_CONTROLEREN = False
    adviseur = maak_gebruiker("wsp_adviseur")
    plaatsing = PlaatsingFactory(werkgever=WerkgeverFactory(regio=regio_a))
    gemaakt = []

    def maken():
        gemaakt.append(True)
        return Plaatsing.objects.voor(adviseur).order_by("-pk")

    eerst = lijst(_verzoek(adviseur), maken, SJABLOON)
    assert len(gemaakt) == 1
    with CaptureQueriesContext(connection) as queries:
        daarna = lijst(_verzoek(adviseur), maken, SJABLOON)
    assert (len(gemaakt), len(queries.captured_queries)) == (1, 0)
    assert daarna.rijen == eerst.rijen
    assert (daarna.pagina.number, daarna.pagina.paginator.count) == (1, 1)
    assert [p.pk for p in daarna.pagina] == [plaatsing.pk]  # read when a template asks


def test_the_open_nazorg_kept_with_the_plaatsingen_shows_a_change_at_once(
    client, maak_gebruiker, regio_a, settings
):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    client.force_login(maak_gebruiker("wsp_adviseur"))
    moment = NazorgMomentFactory(
        plaatsing=PlaatsingFactory(werkgever=WerkgeverFactory(regio=regio_a, naam="Bakkerij Bol"))
    )

    def open_nazorg() -> str:
        html = client.get("/wsp/plaatsingen/").content.decode()
        return html[html.index("Open nazorg") : html.index(">Plaatsingen</h2>")]

    for _ in range(2):
        assert "Bakkerij Bol" in open_nazorg()
    NazorgMoment.objects.get(pk=moment.pk).delete()
    assert "Bakkerij Bol" not in open_nazorg()
