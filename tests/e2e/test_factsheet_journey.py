"""A wsp_manager opens the live dashboard, filters a gemeente, downloads a table as XLSX and
opens the published factsheet; a recipient without an account opens the personal link from
the e-mail. The pages pass axe-core without serious violations."""

from __future__ import annotations

import io
import re
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
    fs, _n = services.factsheet_maken(regio=regio_a, periode=Periode(2025, 1), user=user)
    services.teksten_opslaan(
        factsheet=fs, user=user, tekst_samenvatting="Het eerste halfjaar liep volgens plan."
    )
    services.publiceren(factsheet=fs, user=user)
    return user


def test_manager_dashboard_filter_xlsx_and_published_factsheet(page, live_server, manager):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label(re.compile("e-mail", re.I)).fill(manager.email)
    page.get_by_label(re.compile("wachtwoord", re.I)).first.fill(WACHTWOORD)
    page.get_by_role("button", name=re.compile("inloggen|aanmelden", re.I)).click()
    page.wait_for_url(re.compile(r"/werkplek/$"))

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
