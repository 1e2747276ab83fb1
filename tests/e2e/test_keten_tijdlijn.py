"""One person, one story: the adviseur opens a kandidaat's timeline (after saying why), the
gids follows the handover's chain, the person withdraws consent and every holder shows it.
Every page passes axe-core; screenshots at 390 and 1280 px go to the test's tmp_path."""

import re
from datetime import date
from pathlib import Path

import pytest

from tests.e2e.conftest import ernstige_schendingen
from tests.e2e.test_privacy_journey import _inloggen
from tests.factories import MedewerkerFactory, OrganisatieFactory

pytestmark = pytest.mark.e2e


@pytest.fixture
def keten(browser, transactional_db, regio_a, settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    from importlib import import_module

    from django.apps import apps

    from tests.factories import GemeenteFactory
    from tests.loket.factories import DoorverwijzingFactory, GesprekFactory
    from tests.wsp.factories import PlaatsingFactory, VacatureFactory, VoordrachtFactory
    from werkcentrum.models import Organisatie
    from wsp import services

    import_module("loket.migrations.0002_themas_doelgroepen").vullen(apps, None)
    import_module("wsp.migrations.0002_clusters_en_sectoren").laden(apps, None)
    werkcentrum = OrganisatieFactory(
        regio=regio_a, naam="Werkcentrum", type=Organisatie.Type.WERKCENTRUM
    )
    gids = MedewerkerFactory(
        regio=regio_a, rollen=["gids"], organisatie=werkcentrum, first_name="Gijs"
    )
    adviseur = MedewerkerFactory(regio=regio_a, rollen=["wsp_adviseur"], first_name="Anouk")
    haarlem = GemeenteFactory(regio=regio_a, naam="Haarlem", cbs_code="GM0392")
    gesprek = GesprekFactory(regio=regio_a, gids=gids)
    dv = DoorverwijzingFactory(regio=regio_a, gesprek=gesprek, naam="Sanne Voorbeeld")
    overdracht = services.overdracht_aanbieden(
        regio=regio_a,
        door=gids,
        toestemming=True,
        toestemming_gegevens="naam, contactgegevens, opleiding en wensen",
        doorverwijzing=dv,
        voornaam="Sanne",
        achternaam="Voorbeeld",
        email="sanne@example.org",
        woongemeente=haarlem,
        doelgroep="ww",
        opleidingsniveau="mbo3",
    )
    kandidaat = services.overdracht_aannemen(overdracht=overdracht, door=adviseur)
    vacature = VacatureFactory(regio=regio_a, werkgever__regio=regio_a, functie="Bezorger")
    VoordrachtFactory(vacature=vacature, kandidaat=kandidaat, status="gesprek")
    PlaatsingFactory(
        werkgever__regio=regio_a,
        werkgever__naam="Bakkerij Brood BV",
        kandidaat=kandidaat,
        startdatum=date(2025, 2, 3),
    )
    return {
        "gids": gids,
        "adviseur": adviseur,
        "overdracht": overdracht,
        "kandidaat": kandidaat,
        "dv": dv,
    }


def _schermen(page, tmp_path, naam):
    for breedte in (390, 1280):
        page.set_viewport_size({"width": breedte, "height": 900})
        page.screenshot(path=str(Path(tmp_path) / f"{naam}-{breedte}.png"), full_page=True)
    page.set_viewport_size({"width": 1024, "height": 768})


def _doel_kiezen(page, naam):
    page.get_by_label(naam).check()
    page.get_by_role("button", name=re.compile("openen|verder|doorgaan", re.I)).click()


def test_timeline_and_withdrawal_across_the_chain(page, live_server, keten, tmp_path):
    from wsp.models import Kandidaat, Overdracht

    kandidaat = keten["kandidaat"]
    _inloggen(page, live_server, keten["adviseur"])
    page.goto(f"{live_server.url}/wsp/kandidaten/{kandidaat.pk}/")
    _doel_kiezen(page, "Bemiddeling naar werk")
    page.get_by_role("link", name=re.compile("^Tijdlijn")).click()
    page.get_by_role("heading", level=1, name="Het verhaal van Sanne Voorbeeld").wait_for()
    tijdlijn = page.get_by_test_id("tijdlijn")
    assert "Gesprek op het loket" in tijdlijn.inner_text()
    assert "Bakkerij Brood BV" in tijdlijn.inner_text()
    assert ernstige_schendingen(page) == []
    _schermen(page, tmp_path, "wsp-tijdlijn")

    # The confirm step; without the tick nothing happens.
    page.goto(f"{live_server.url}/wsp/kandidaten/{kandidaat.pk}/")
    page.get_by_role("link", name="Toestemming intrekken").click()
    page.get_by_role("button", name="Toestemming intrekken").click()
    page.get_by_text("Bevestig dat de persoon de toestemming heeft ingetrokken.").first.wait_for()
    assert ernstige_schendingen(page) == []
    _schermen(page, tmp_path, "wsp-intrekken")
    page.get_by_label(re.compile("De persoon heeft de toestemming ingetrokken")).check()
    page.get_by_role("button", name="Toestemming intrekken").click()
    page.get_by_test_id("toestemming-ingetrokken").wait_for()
    assert Kandidaat.objects.get(pk=kandidaat.pk).toestemming_ingetrokken_op is not None
    assert ernstige_schendingen(page) == []
    _schermen(page, tmp_path, "wsp-kandidaat-ingetrokken")

    # The gids who offered sees the chain and the withdrawal, not the werkgever.
    page.context.clear_cookies()
    _inloggen(page, live_server, keten["gids"])
    overdracht = keten["overdracht"]
    page.goto(f"{live_server.url}/loket/overdrachten/{overdracht.pk}/tijdlijn/")
    _doel_kiezen(page, "Warme doorverwijzing voorbereiden of opvolgen")
    page.get_by_test_id("toestemming-ingetrokken").wait_for()
    assert "Geplaatst: 03-02-2025" in page.get_by_test_id("ketenstatus").inner_text()
    assert "Bakkerij Brood BV" not in page.content()
    assert Overdracht.objects.get(pk=overdracht.pk).status == "ingetrokken"
    assert ernstige_schendingen(page) == []
    _schermen(page, tmp_path, "loket-tijdlijn")
    page.goto(f"{live_server.url}/loket/doorverwijzingen/{keten['dv'].pk}/")
    _doel_kiezen(page, "Warme doorverwijzing voorbereiden of opvolgen")
    page.get_by_test_id("toestemming-ingetrokken").wait_for()
