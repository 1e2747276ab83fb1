"""Pages: the frozen factsheet, PDF, texts, publishing, dashboard with exports; access."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest
import time_machine
from django.urls import reverse
from openpyxl import load_workbook

from tests.factsheets.conftest import VANDAAG
from wsp.factsheets import pdf, services
from wsp.factsheets.selectors import Periode
from wsp.factsheets.views import _context
from wsp.models import Factsheet

H1 = Periode(2025, 1)


@pytest.fixture(autouse=True)
def _geen_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


@pytest.fixture
def vandaag():
    with time_machine.travel("2025-07-15 10:00 +02:00", tick=False):
        yield


@pytest.fixture
def factsheet(data, manager):
    fs, _n = services.factsheet_maken(
        regio=data["regio"], periode=H1, user=manager, vandaag=VANDAAG
    )
    services.teksten_opslaan(factsheet=fs, user=manager, tekst_samenvatting="Samenvatting hier.")
    return fs


def test_rba_contract_url():
    assert reverse("wsp:factsheet", kwargs={"periode": "2025-H1"}) == "/wsp/factsheets/2025-H1/"


def test_manager_ziet_concept_met_svg_zonder_inline_style(client, manager, factsheet):
    client.force_login(manager)
    r = client.get(reverse("wsp:factsheet", kwargs={"periode": "2025-H1"}))
    assert r.status_code == 200
    html = r.content.decode()
    assert "<svg" in html and "fs-balk--nu" in html and "style=" not in html
    assert "Samenvatting hier." in html and "Concept" in html
    assert "Plaatsingen per doelgroep in het halfjaar" in html


def test_rba_lid_ziet_alleen_gepubliceerd(client, maak_gebruiker, manager, factsheet):
    lid = maak_gebruiker("rba_lid")
    client.force_login(lid)
    url = reverse("wsp:factsheet", kwargs={"periode": "2025-H1"})
    assert client.get(url).status_code == 404
    services.publiceren(factsheet=factsheet, user=manager)
    assert client.get(url).status_code == 200
    assert client.get(reverse("wsp:factsheet_teksten", args=[factsheet.pk])).status_code == 403


def test_andere_regio_en_onbekende_gemeente_404(client, maak_gebruiker, regio_b, factsheet):
    vreemde = maak_gebruiker("wsp_manager", regio=regio_b)
    client.force_login(vreemde)
    assert client.get(reverse("wsp:factsheet", kwargs={"periode": "2025-H1"})).status_code == 404
    assert client.get(reverse("wsp:factsheet_pdf", args=[factsheet.pk])).status_code == 404
    client.force_login(factsheet.gemaakt_door)
    url = reverse("wsp:factsheet_gemeente", kwargs={"periode": "2025-H1", "gemeente": "GM9999"})
    assert client.get(url).status_code == 404


def test_maken_via_formulier_en_fouten(client, manager, data, vandaag):
    client.force_login(manager)
    r = client.post(reverse("wsp:factsheet_maken"), {"periode": "2025-H1"})
    assert r.status_code == 302
    assert Factsheet.objects.filter(periode="2025-H1", versie=1).exists()
    r = client.post(reverse("wsp:factsheet_maken"), {"periode": "2025-H2"})
    assert r.status_code == 400 and "nog niet afgelopen" in r.content.decode()
    r = client.post(reverse("wsp:factsheet_maken"), {"periode": "2026-H1"})
    assert r.status_code == 400 and "ligt in de toekomst" in r.content.decode()
    r = client.post(reverse("wsp:factsheet_maken"), {"periode": "zomaar"})
    assert r.status_code == 400 and "Onbekende periode" in r.content.decode()


def test_teksten_en_publiceren_via_browser(client, manager, factsheet):
    client.force_login(manager)
    url = reverse("wsp:factsheet_teksten", args=[factsheet.pk])
    assert client.get(url).status_code == 200
    r = client.post(url, {"tekst_samenvatting": "Nieuw", "tekst_loket": "Loket liep goed."})
    assert r.status_code == 302
    r = client.post(reverse("wsp:factsheet_publiceren", args=[factsheet.pk]))
    assert r.status_code == 302
    factsheet.refresh_from_db()
    assert factsheet.gepubliceerd and factsheet.tekst_loket == "Loket liep goed."
    r = client.post(url, {"tekst_samenvatting": "Te laat"})
    assert r.status_code == 400 and "gepubliceerd" in r.content.decode()


def _weasyprint_of_reden():
    try:
        import weasyprint  # noqa: F401
    except OSError as fout:
        return str(fout)
    return None


def test_pdf_bevat_koppen_en_totalen(client, manager, factsheet, settings):
    reden = _weasyprint_of_reden()
    if reden:
        pytest.fail(f"WeasyPrint kan niet laden (systeembibliotheken ontbreken?): {reden}")
    client.force_login(manager)
    r = client.get(reverse("wsp:factsheet_pdf", args=[factsheet.pk]))
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    inhoud = r.content
    assert inhoud.startswith(b"%PDF")
    html = pdf.factsheet_html(_context(factsheet))
    koppen = [t["titel"] for t in factsheet.cijfers["tabellen"]]
    for kop in ["Inhoudelijke halfjaarrapportage", *koppen]:
        assert kop in html
    assert "Samenvatting hier." in html and "425" in html
    import weasyprint

    document = weasyprint.HTML(string=html).render()
    assert len(document.pages) >= 2
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed: the PDF text is not checked")
    tekst = subprocess.run(
        ["pdftotext", "-raw", "-", "-"], input=inhoud, capture_output=True, check=True
    ).stdout.decode()
    doorlopend = " ".join(tekst.split())  # long headings wrap over lines in the PDF
    for kop in ["Inhoudelijke halfjaarrapportage", *koppen]:
        assert kop in doorlopend, kop
    # The totals: 6 placements in 2025-H1 against the year's target of 425.
    assert "Samenvatting hier." in doorlopend
    assert "Doelstelling van het jaar: 425 plaatsingen" in doorlopend
    regels = [" ".join(r.split()) for r in tekst.splitlines()]
    assert any(r.startswith("Totaal 6 ") for r in regels), [r for r in regels if "Totaal" in r]


def test_dashboard_filters_en_exports(
    client, manager, data, vandaag, django_assert_max_num_queries
):
    client.force_login(manager)
    url = reverse("wsp:factsheet_dashboard")
    r = client.get(url, {"periode": "2025-H1"})
    assert r.status_code == 200 and "<svg" in r.content.decode()
    gemeente = data["haarlem"].pk
    with django_assert_max_num_queries(80):
        r = client.get(url, {"periode": "2025-H1", "gemeente": gemeente})
    assert "Gemeente: Haarlem" in r.content.decode()
    q = {"periode": "2025-H1", "gemeente": gemeente}
    r = client.get(reverse("wsp:factsheet_export", args=["doelgroep", "csv"]), q)
    regels = r.content.decode("utf-8-sig").splitlines()
    assert regels[0].startswith("Onderdeel;Dit halfjaar") and "WW;2;1;0" in regels
    r = client.get(
        reverse("wsp:factsheet_export", args=["doelgroep_jaar", "xlsx"]), {"periode": "2025-H1"}
    )
    blad = load_workbook(io.BytesIO(r.content)).active
    rijen = {row[0]: row for row in blad.iter_rows(min_row=2, values_only=True)}
    assert rijen["Totaal"][1] == 6 and rijen["Totaal"][4] == 425
    r = client.get(
        reverse("wsp:factsheet_export", args=["reserve", "xlsx"]), {"periode": "2025-H1"}
    )
    assert r.status_code == 200
    assert client.get(reverse("wsp:factsheet_export", args=["onbekend", "csv"])).status_code == 404


def test_dashboard_toegang(client, maak_gebruiker, data, vandaag):
    for rol, status in [("coordinator", 200), ("rba_lid", 200), ("gids", 403)]:
        client.force_login(maak_gebruiker(rol))
        assert client.get(reverse("wsp:factsheet_dashboard")).status_code == status


def test_dashboard_toekomstige_periode_geeft_melding(client, manager, data, vandaag):
    client.force_login(manager)
    url = reverse("wsp:factsheet_dashboard")
    r = client.get(url, {"periode": "2027-H1"})
    assert r.status_code == 400
    assert r.context["form"].errors["periode"] == ["De periode 2027-H1 ligt in de toekomst."]
    assert "De periode 2027-H1 ligt in de toekomst." in r.content.decode()
    r = client.get(url, {"periode": "2025-H3"})
    assert r.status_code == 400 and "Onbekende periode 2025-H3" in r.content.decode()
    # A half year older than the select's list is still a valid period.
    assert client.get(url, {"periode": "2020-H1"}).status_code == 200


def test_onbekende_gemeente_geeft_melding(client, manager, data, regio_b, vandaag):
    from tests.factories import GemeenteFactory

    vreemd = GemeenteFactory(regio=regio_b, naam="Amersfoort", cbs_code="GM0307")
    client.force_login(manager)
    r = client.get(reverse("wsp:factsheet_dashboard"), {"gemeente": vreemd.pk})
    assert r.status_code == 400
    assert r.context["form"].errors["gemeente"] == ["Onbekende gemeente in deze regio."]
    r = client.post(reverse("wsp:factsheet_maken"), {"periode": "2025-H1", "gemeente": "999999"})
    assert r.status_code == 400 and "Onbekende gemeente in deze regio." in r.content.decode()
    assert not Factsheet.objects.exists()


def test_dashboard_eigen_periode_en_einde_voor_begin(client, manager, data, vandaag):
    client.force_login(manager)
    url = reverse("wsp:factsheet_dashboard")
    r = client.get(url, {"periode": "2025-H1", "van": "2025-03-01", "tot": "2025-04-30"})
    assert r.status_code == 200
    r = client.get(
        reverse("wsp:factsheet_export", args=["doelgroep", "csv"]),
        {"periode": "2025-H1", "van": "2025-03-01", "tot": "2025-04-30"},
    )
    # March-April 2025: P-wet 2 (3 March, 4 April); six and twelve months earlier: none.
    assert "P-wet;2;0;0" in r.content.decode().splitlines()
    r = client.get(url, {"periode": "2025-H1", "van": "2025-04-30", "tot": "2025-03-01"})
    assert r.status_code == 400
    assert "De einddatum ligt vóór de begindatum." in r.content.decode()


def test_lijst_met_constant_aantal_queries(client, manager, data, django_assert_max_num_queries):
    for gemeente in (None, data["haarlem"], data["heemstede"]):
        for _i in range(2):
            services.factsheet_maken(
                regio=data["regio"], periode=H1, gemeente=gemeente, vandaag=VANDAAG
            )
    client.force_login(manager)
    with django_assert_max_num_queries(12):
        r = client.get(reverse("wsp:factsheets"))
    assert r.status_code == 200 and r.content.decode().count("?versie=") == 6
