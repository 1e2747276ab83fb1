"""A WSP-adviseur imports werkgevers from a WBS export without accounthouders: the preview
asks who becomes their accounthouder, refuses to go on without one, then imports; every page
passes axe-core."""

import os
import re
from pathlib import Path

import pytest

from tests.e2e.conftest import ernstige_schendingen
from tests.e2e.test_wsp_journey import _inloggen
from tests.factories import MedewerkerFactory
from wsp.models import Werkgever

DATA = Path(__file__).parent.parent / "wsp" / "data"
# Set to a folder to keep screenshots of the pages (390 and 1280 px wide) to look at.
SCHERMAFDRUKKEN = os.environ.get("WERKCENTRUM_SCHERMAFDRUKKEN")


@pytest.fixture
def adviseur(browser, transactional_db, regio_a, settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    from importlib import import_module

    from django.apps import apps

    # transactional_db empties tables between tests, including sectoren loaded by a migration.
    import_module("wsp.migrations.0002_clusters_en_sectoren").laden(apps, None)
    MedewerkerFactory(regio=regio_a, rollen=["wsp_manager"], first_name="Mila", last_name="Manager")
    return MedewerkerFactory(
        regio=regio_a, rollen=["wsp_adviseur"], first_name="Anouk", last_name="Adviseur"
    )


def _vastleggen(page, naam: str) -> None:
    if not SCHERMAFDRUKKEN:
        return
    for breedte in (390, 1280):
        page.set_viewport_size({"width": breedte, "height": 900})
        page.screenshot(path=f"{SCHERMAFDRUKKEN}/{naam}-{breedte}.png", full_page=True)
    page.set_viewport_size({"width": 1024, "height": 768})


def test_adviseur_imports_werkgevers_and_chooses_their_accounthouder(page, live_server, adviseur):
    _inloggen(page, live_server, adviseur)
    page.goto(f"{live_server.url}/wsp/importeren/")
    assert ernstige_schendingen(page) == []
    _vastleggen(page, "importeren")
    page.get_by_label("Wat importeer je?").select_option(label="Werkgevers")
    page.get_by_label("Bestand (CSV of XLSX)").set_input_files(str(DATA / "werkgevers.csv"))
    page.get_by_role("button", name="Controleren of importeren").click()

    # The check ran in the worker (eager in tests); the preview asks for the accounthouder.
    page.get_by_text("Controle geslaagd").wait_for()
    assert page.get_by_text("3 werkgevers hebben in het bestand geen accounthouder").is_visible()
    assert ernstige_schendingen(page) == []
    page.get_by_role("button", name="Import bevestigen").click()
    fout = page.get_by_text("Kies de accounthouder van de werkgevers zonder accounthouder.")
    fout.first.wait_for()
    assert ernstige_schendingen(page) == []
    _vastleggen(page, "importtaak-keuze")
    assert not Werkgever.objects.exists()

    page.get_by_label(re.compile("^Accounthouder van de werkgevers")).select_option(
        label="Mila Manager"
    )
    page.get_by_role("button", name="Import bevestigen").click()
    page.get_by_text("Geïmporteerd:").wait_for()
    assert ernstige_schendingen(page) == []
    assert set(Werkgever.objects.values_list("accounthouder__last_name", flat=True)) == {"Manager"}
