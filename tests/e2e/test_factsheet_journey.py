"""A wsp_manager opens the live dashboard, filters a gemeente, downloads a table as XLSX and
opens the published factsheet; a recipient without an account opens the personal link from
the e-mail. The pages pass axe-core without serious violations."""

from __future__ import annotations

import io
import re
import subprocess
from datetime import date

import pytest
from openpyxl import load_workbook

from tests.e2e.conftest import ernstige_schendingen
from tests.factories import WACHTWOORD, GemeenteFactory, MedewerkerFactory


@pytest.fixture
def manager(browser, transactional_db, regio_a, settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    from importlib import import_module

    from django.apps import apps

    from tests.wsp.factories import KandidaatFactory, PlaatsingFactory, WerkgeverFactory
    from werkcentrum.rollen import rollen_synchroniseren
    from wsp.factsheets import services
    from wsp.factsheets.selectors import Periode

    # transactional_db empties tables between tests, including clusters loaded by a migration.
    import_module("wsp.migrations.0002_clusters_en_sectoren").laden(apps, None)
    rollen_synchroniseren()
    haarlem = GemeenteFactory(regio=regio_a, naam="Haarlem", cbs_code="GM0392")
    zandvoort = GemeenteFactory(regio=regio_a, naam="Zandvoort", cbs_code="GM0473")
    werkgever = WerkgeverFactory(regio=regio_a)
    for gemeente, doelgroep in [(haarlem, "ww"), (haarlem, "ww"), (zandvoort, "pwet")]:
        k = KandidaatFactory(regio=regio_a, woongemeente=gemeente, doelgroep=doelgroep)
        PlaatsingFactory(werkgever=werkgever, kandidaat=k, startdatum=date(2025, 3, 3))
    user = MedewerkerFactory(
        regio=regio_a, rollen=["wsp_manager"], first_name="Mila", last_name="Manager"
    )
    from wsp.models import FactsheetOntvanger

    FactsheetOntvanger.objects.create(regio=regio_a, naam="UWV (test)", email="uwv@example.org")
    # The reserve's position at the end of 2025-H1: EUR 3.060.121 (whole euros, rounded).
    from decimal import Decimal

    from financien.models import Mutatie
    from tests.financien.factories import GeldstroomFactory

    Mutatie.objects.create(
        regio=regio_a,
        soort="storting",
        rubriek="storting",
        datum=date(2025, 2, 1),
        bedrag=Decimal("3060120.75"),
        geldstroom=GeldstroomFactory(regio=regio_a),
    )
    fs, _n = services.factsheet_maken(regio=regio_a, periode=Periode(2025, 1), user=user)
    services.teksten_opslaan(
        factsheet=fs, user=user, tekst_samenvatting="Het eerste halfjaar liep volgens plan."
    )
    services.publiceren(factsheet=fs, user=user)
    return user


def _inloggen(page, live_server, user) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label(re.compile("e-mail", re.I)).fill(user.email)
    page.get_by_label(re.compile("wachtwoord", re.I)).first.fill(WACHTWOORD)
    page.get_by_role("button", name=re.compile("inloggen|aanmelden", re.I)).click()
    page.wait_for_url(re.compile(r"/werkplek/$"))


def test_manager_dashboard_filter_xlsx_and_published_factsheet(page, live_server, manager):
    _inloggen(page, live_server, manager)

    page.get_by_role("link", name="Dashboard halfjaarcijfers").click()
    page.wait_for_url(re.compile(r"/factsheets/dashboard/"))
    page.get_by_label("Periode", exact=True).select_option("2025-H1")
    page.get_by_label("Gemeente", exact=True).select_option(label="Haarlem")
    page.get_by_role("button", name="Filteren").click()
    page.wait_for_url(re.compile(r"gemeente="))
    assert page.get_by_text("Gemeente: Haarlem").is_visible()
    assert ernstige_schendingen(page) == []

    link = page.get_by_role("link", name="Plaatsingen per doelgroep in het halfjaar als Excel")
    with page.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert download.suggested_filename == "factsheet-doelgroep-2025-H1.xlsx"
    with open(download.path(), "rb") as f:
        blad = load_workbook(io.BytesIO(f.read())).active
    rijen = {r[0]: r for r in blad.iter_rows(min_row=2, values_only=True)}
    assert rijen["WW"][1] == 2 and rijen["P-wet"][1] == 0 and rijen["Totaal"][1] == 2

    page.get_by_role("link", name="Naar de factsheets").click()
    page.get_by_role("link", name="2025-H1").first.click()
    assert page.get_by_role("heading", level=1, name="Factsheet 2025-H1 regio").is_visible()
    assert page.get_by_text("Het eerste halfjaar liep volgens plan.").is_visible()
    assert page.get_by_text("Gepubliceerd", exact=True).is_visible()
    assert page.locator("svg.fs-grafiek").count() >= 3
    assert ernstige_schendingen(page) == []


def test_recipient_opens_personal_link_without_account(browser, live_server, manager, settings):
    """The e-mail's token link opens the frozen page and its PDF in a fresh browser (no
    session), without staff navigation; a revoked link shows a Dutch page."""
    from django.core import mail

    from wsp.models import FactsheetLink

    (bericht,) = [m for m in mail.outbox if m.to == ["uwv@example.org"]]
    pad = re.search(r"/factsheet/[A-Za-z0-9_-]+/", bericht.body)[0]
    settings.ALLOWED_HOSTS = ["localhost", "127.0.0.1", "testserver"]
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    page.goto(live_server.url + pad)
    assert page.get_by_role("heading", level=1, name="Factsheet 2025-H1 regio").is_visible()
    assert page.get_by_text("Het eerste halfjaar liep volgens plan.").is_visible()
    assert page.locator("svg.fs-grafiek").count() >= 3
    assert page.get_by_role("navigation").count() == 0
    assert page.get_by_text("Mijn werkplek").count() == 0
    assert ernstige_schendingen(page) == []
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download als PDF").click()
    assert download_info.value.suggested_filename == "factsheet-2025-H1-regio-v1.pdf"
    link = FactsheetLink.objects.get(ontvanger__email="uwv@example.org")
    assert link.aantal_geopend == 2

    FactsheetLink.objects.filter(pk=link.pk).update(ingetrokken_op=link.verstuurd_op)
    response = page.goto(live_server.url + pad)
    assert response.status == 410
    assert page.get_by_role("heading", level=1, name="Deze link is ingetrokken").is_visible()
    assert ernstige_schendingen(page) == []
    context.close()


def test_manager_downloads_pdf_with_dutch_amounts_and_manages_recipients(
    page, live_server, manager
):
    """The PDF's text (pdftotext) shows the reserve as EUR 3.060.121, not 3060120.75; the
    manager then adds a gemeente's recipient in the UI and sees it listed."""
    _inloggen(page, live_server, manager)
    page.goto(f"{live_server.url}/wsp/factsheets/")
    page.get_by_role("link", name="2025-H1").first.click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download als PDF").click()
    with open(download_info.value.path(), "rb") as f:
        pdf = f.read()
    tekst = subprocess.run(
        ["pdftotext", "-raw", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    doorlopend = " ".join(tekst.split())
    assert "Gestort EUR 3.060.121" in doorlopend
    assert "3060120" not in doorlopend and "3060121" not in doorlopend
    assert "Uitstroom naar werk per doelgroep" in doorlopend
    assert "CONCEPT" not in doorlopend  # published

    page.goto(f"{live_server.url}/wsp/factsheets/")
    page.get_by_role("link", name="Ontvangers beheren").click()
    assert page.get_by_role("heading", level=1, name="Ontvangers van de factsheet").is_visible()
    assert ernstige_schendingen(page) == []
    page.get_by_role("link", name="Ontvanger toevoegen").click()
    page.get_by_label("Naam", exact=True).fill("Gemeente Zandvoort (fictief)")
    page.get_by_label("E-mailadres").fill("geen-adres")
    page.get_by_role("button", name="Ontvanger toevoegen").click()
    assert page.get_by_text("Vul een geldig e-mailadres in").first.is_visible()
    assert ernstige_schendingen(page) == []
    page.get_by_label("E-mailadres").fill("zandvoort@example.org")
    page.get_by_label("Gemeente").select_option(label="Zandvoort")
    page.get_by_role("button", name="Ontvanger toevoegen").click()
    page.wait_for_url(re.compile(r"/factsheets/ontvangers/$"))
    assert page.get_by_text("Gemeente Zandvoort (fictief) is toegevoegd.").is_visible()
    rij = page.get_by_role("row", name=re.compile("Gemeente Zandvoort"))
    assert rij.get_by_text("zandvoort@example.org").is_visible()
