"""A wsp_manager reads the chain of handovers on the doelstellingen dashboard, opens the keten
page for one woongemeente and downloads it as Excel; the coordinator finds the same table on
the loket dashboard. The pages pass axe-core without serious violations (issue 23)."""

from __future__ import annotations

import io
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from tests.e2e.conftest import ernstige_schendingen
from tests.e2e.test_factsheet_journey import _inloggen
from tests.factories import GemeenteFactory, MedewerkerFactory, OrganisatieFactory


@pytest.fixture
def gegevens(browser, transactional_db, regio_a, settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    from importlib import import_module

    from django.apps import apps

    from tests.wsp.factories import KandidaatFactory, OverdrachtFactory, PlaatsingFactory
    from werkcentrum.models import Organisatie
    from werkcentrum.rollen import rollen_synchroniseren
    from wsp.models import Overdracht

    # transactional_db empties tables between tests, including clusters loaded by a migration.
    import_module("wsp.migrations.0002_clusters_en_sectoren").laden(apps, None)
    rollen_synchroniseren()
    haarlem = GemeenteFactory(regio=regio_a, naam="Haarlem", cbs_code="GM0392")
    velsen = GemeenteFactory(regio=regio_a, naam="Velsen", cbs_code="GM0453")
    uwv = OrganisatieFactory(regio=regio_a, naam="UWV", type=Organisatie.Type.UWV)
    op = timezone.now() - timedelta(days=3)
    kandidaat = KandidaatFactory(regio=regio_a, woongemeente=haarlem)
    OverdrachtFactory(
        regio=regio_a,
        bron=Overdracht.Bron.UWV,
        organisatie=uwv,
        woongemeente=haarlem,
        aangeboden_op=op,
        status=Overdracht.Status.AANGENOMEN,
        kandidaat=kandidaat,
    )
    PlaatsingFactory(kandidaat=kandidaat, werkgever__regio=regio_a)
    OverdrachtFactory(regio=regio_a, woongemeente=haarlem, aangeboden_op=op)
    OverdrachtFactory(regio=regio_a, woongemeente=velsen, aangeboden_op=op)
    return {
        "manager": MedewerkerFactory(regio=regio_a, rollen=["wsp_manager"]),
        "coordinator": MedewerkerFactory(regio=regio_a, rollen=["coordinator"]),
    }


def test_manager_and_coordinator_read_and_download_the_chain(browser, page, live_server, gegevens):
    _inloggen(page, live_server, gegevens["manager"])
    page.goto(f"{live_server.url}/wsp/doelstellingen/")
    assert page.get_by_role("heading", name="Keten: van overdracht tot duurzame plaatsing")
    totaal = page.get_by_test_id("keten-totaal")
    assert re.sub(r"\s+", " ", totaal.inner_text()).strip() == "Totaal 3 1 0 0 1 0"
    assert ernstige_schendingen(page) == []

    page.get_by_role("link", name="Ketencijfers per periode en woongemeente").click()
    page.get_by_label("Woongemeente").select_option(label="Haarlem")
    page.get_by_role("button", name="Filteren").click()
    page.wait_for_url(re.compile(r"gemeente="))
    totaal = page.get_by_test_id("keten-totaal")
    assert re.sub(r"\s+", " ", totaal.inner_text()).strip() == "Totaal 2 1 0 0 1 0"
    assert ernstige_schendingen(page) == []
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Ketencijfers als Excel").click()
    with open(download_info.value.path(), "rb") as f:
        rijen = list(load_workbook(io.BytesIO(f.read())).active.values)
    assert rijen[-1] == ("Totaal", 2, 1, 0, 0, 1, 0)

    context = browser.new_context(locale="nl-NL")
    loket = context.new_page()
    _inloggen(loket, live_server, gegevens["coordinator"])
    loket.goto(f"{live_server.url}/loket/dashboard/")
    kop = loket.get_by_role("heading", name="Keten: van overdracht tot duurzame plaatsing")
    assert kop.is_visible()
    assert loket.get_by_test_id("uitleg-kolommen-keten").is_visible()
    assert ernstige_schendingen(loket) == []
    context.close()
