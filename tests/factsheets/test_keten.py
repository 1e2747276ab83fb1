"""The half-year factsheet's "Warme overdracht" section (issue 23, point 6): the chain per
source, frozen with the factsheet, on the page and in the tagged PDF."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from tests.factories import OrganisatieFactory
from tests.factsheets.conftest import VANDAAG
from tests.factsheets.test_pdf import _info, _tekst
from tests.wsp.factories import KandidaatFactory, OverdrachtFactory, PlaatsingFactory
from werkcentrum.models import Organisatie
from wsp.factsheets import services
from wsp.factsheets.selectors import Periode, factsheet_cijfers
from wsp.models import Overdracht

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")
H1 = Periode(2025, 1)


@pytest.fixture(autouse=True)
def _geen_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


@pytest.fixture
def overdrachten(data, regio_b):
    """2025-H1: gemeente 2 offered (1 accepted and placed), Werkcentrum 1 (Haarlem).
    2024-H2: 1. Another regio: 1 (never counted)."""
    regio = data["regio"]
    gemeente = OrganisatieFactory(regio=regio, type=Organisatie.Type.GEMEENTE)
    kandidaat = KandidaatFactory(regio=regio)
    maart = datetime(2025, 3, 3, 10, tzinfo=AMS)
    OverdrachtFactory(
        regio=regio,
        bron=Overdracht.Bron.GEMEENTE,
        organisatie=gemeente,
        aangeboden_op=maart,
        status=Overdracht.Status.AANGENOMEN,
        kandidaat=kandidaat,
    )
    PlaatsingFactory(kandidaat=kandidaat, werkgever__regio=regio, startdatum=date(2025, 4, 1))
    OverdrachtFactory(
        regio=regio, bron=Overdracht.Bron.GEMEENTE, organisatie=gemeente, aangeboden_op=maart
    )
    OverdrachtFactory(regio=regio, aangeboden_op=maart, woongemeente=data["haarlem"])
    OverdrachtFactory(regio=regio, aangeboden_op=datetime(2024, 10, 1, 10, tzinfo=AMS))
    OverdrachtFactory(regio=regio_b, aangeboden_op=maart)
    return data


def _keten(cijfers: dict) -> dict:
    return next(t for t in cijfers["tabellen"] if t["code"] == "keten")


def test_factsheet_counts_the_chain_per_source_with_comparisons(overdrachten):
    keten = _keten(factsheet_cijfers(regio=overdrachten["regio"], periode=H1, vandaag=VANDAAG))
    assert keten["titel"].startswith("Warme overdracht")
    rijen = {r["naam"]: r for r in keten["rijen"]}
    assert (rijen["Overgedragen"]["waarde"], rijen["Overgedragen"]["vorig_halfjaar"]) == (3, 1)
    assert rijen["Overgedragen"]["vorig_jaar"] == 0
    assert (rijen["Aangenomen"]["waarde"], rijen["Geplaatst"]["waarde"]) == (1, 1)
    per_bron = {r["naam"]: r["waarden"] for r in keten["per_bron"]["rijen"]}
    assert per_bron["Gemeente"] == [2, 1, 0, 0, 1, 0]
    assert per_bron["Werkcentrum"] == [1, 0, 0, 0, 0, 0]
    assert per_bron["Totaal"] == [3, 1, 0, 0, 1, 0]
    assert keten["per_bron"]["kolommen"][-1] == "Duurzaam"
    assert any("nog in dienst" in tekst for _kop, tekst in keten["uitleg"])


def test_gemeente_factsheet_counts_only_its_woongemeente(overdrachten):
    cijfers = factsheet_cijfers(
        regio=overdrachten["regio"],
        periode=H1,
        gemeente=overdrachten["haarlem"],
        vandaag=VANDAAG,
    )
    assert _keten(cijfers)["per_bron"]["rijen"][-1]["waarden"] == [1, 0, 0, 0, 0, 0]


def test_a_cluster_filter_leaves_the_chain_out(overdrachten):
    cijfers = factsheet_cijfers(
        regio=overdrachten["regio"], periode=H1, cluster="zorg-welzijn", vandaag=VANDAAG
    )
    assert "keten" not in {t["code"] for t in cijfers["tabellen"]}


def test_the_chain_is_frozen_with_the_factsheet(overdrachten, manager):
    regio = overdrachten["regio"]
    fs, _n = services.factsheet_maken(regio=regio, periode=H1, user=manager, vandaag=VANDAAG)
    OverdrachtFactory(regio=regio, aangeboden_op=datetime(2025, 5, 5, 10, tzinfo=AMS))
    fs.refresh_from_db()
    assert _keten(fs.cijfers)["per_bron"]["rijen"][-1]["waarden"][0] == 3
    fs2, _n = services.factsheet_maken(regio=regio, periode=H1, user=manager, vandaag=VANDAAG)
    assert _keten(fs2.cijfers)["per_bron"]["rijen"][-1]["waarden"][0] == 4


def test_an_older_factsheet_without_the_chain_renders_as_it_was(client, overdrachten, manager):
    regio = overdrachten["regio"]
    fs, _n = services.factsheet_maken(regio=regio, periode=H1, user=manager, vandaag=VANDAAG)
    # A version frozen before issue 23 has no chain table: it stays without one.
    fs.cijfers["tabellen"] = [t for t in fs.cijfers["tabellen"] if t["code"] != "keten"]
    fs.save(update_fields=["cijfers"])
    client.force_login(manager)
    r = client.get(fs.get_absolute_url())
    assert r.status_code == 200
    assert "Warme overdracht" not in r.content.decode()


def test_page_and_tagged_pdf_show_the_warme_overdracht_section(client, overdrachten, manager):
    regio = overdrachten["regio"]
    fs, _n = services.factsheet_maken(regio=regio, periode=H1, user=manager, vandaag=VANDAAG)
    client.force_login(manager)
    html = client.get(fs.get_absolute_url()).content.decode()
    assert "Warme overdracht: van overdracht tot duurzame plaatsing" in html
    assert 'data-testid="factsheet-keten-per-bron"' in html
    r = client.get(reverse("wsp:factsheet_pdf", args=[fs.pk]))
    assert r.status_code == 200
    tekst = _tekst(r.content)
    assert "Warme overdracht: van overdracht tot duurzame plaatsing" in tekst
    assert "Gemeente 2 1 0 0 1 0" in tekst
    assert "Dit halfjaar per bron" in tekst
    assert "Tagged: yes" in " ".join(_info(r.content).split())


def test_factsheet_dashboard_exports_the_chain_totals_and_per_source(
    client, overdrachten, manager, time_machine
):
    import io

    from openpyxl import load_workbook

    time_machine.move_to("2025-07-15 10:00 +02:00", tick=False)
    client.force_login(manager)
    q = {"periode": "2025-H1"}
    html = client.get(reverse("wsp:factsheet_dashboard"), q).content.decode()
    per_bron = reverse("wsp:factsheet_export", args=["keten-per-bron", "csv"])
    assert f"{per_bron}?periode=2025-H1" in html
    r = client.get(per_bron, q)
    assert r.content.startswith(b"\xef\xbb\xbf")
    regels = r.content.decode("utf-8-sig").splitlines()
    assert regels[0].startswith("Bron;Overgedragen;Aangenomen;")
    assert "Gemeente;2;1;0;0;1;0" in regels and regels[-1] == "Totaal;3;1;0;0;1;0"
    r = client.get(reverse("wsp:factsheet_export", args=["keten-per-bron", "xlsx"]), q)
    rijen = list(load_workbook(io.BytesIO(r.content)).active.values)
    assert rijen[-1] == ("Totaal", 3, 1, 0, 0, 1, 0)  # typed numbers
    r = client.get(reverse("wsp:factsheet_export", args=["keten", "csv"]), q)
    assert "Overgedragen;3;1;0" in r.content.decode("utf-8-sig").splitlines()
    onbekend = reverse("wsp:factsheet_export", args=["reserve-per-bron", "csv"])
    assert client.get(onbekend, q).status_code == 404
