"""A WSP-adviseur finds a warme overdracht of UWV in the inbox, opens it (saying why), tries
to return it without a reason, and accepts it as a kandidaat whose page names its origin;
every page passes axe-core."""

import re

import pytest

from tests.e2e.conftest import ernstige_schendingen
from tests.factories import GemeenteFactory, MedewerkerFactory, OrganisatieFactory
from wsp.models import Kandidaat, Overdracht

from .test_wsp_journey import _gelukt, _inloggen


@pytest.fixture
def adviseur(browser, transactional_db, regio_a, settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    from tests.wsp.factories import OverdrachtFactory

    haarlem = GemeenteFactory(regio=regio_a, naam="Haarlem", cbs_code="GM0392")
    uwv = OrganisatieFactory(regio=regio_a, naam="UWV Haarlem", type="uwv")
    consulent = MedewerkerFactory(
        regio=regio_a,
        rollen=["partnermedewerker"],
        organisatie=uwv,
        first_name="Carla",
        last_name="Consulent",
    )
    OverdrachtFactory(
        regio=regio_a,
        bron=Overdracht.Bron.UWV,
        organisatie=uwv,
        aangeboden_door=consulent,
        voornaam="Sanne",
        achternaam="Voorbeeld",
        woongemeente=haarlem,
        toestemming_gegevens="naam, contactgegevens en wensen",
    )
    return MedewerkerFactory(
        regio=regio_a, rollen=["wsp_adviseur"], first_name="Lotte", last_name="Mulder"
    )


def test_adviseur_accepts_a_warme_overdracht(page, live_server, adviseur):
    _inloggen(page, live_server, adviseur)
    page.get_by_role("link", name=re.compile("aangeboden kandidaat")).click()
    page.wait_for_url(re.compile(r"/wsp/overdrachten/\?status=aangeboden$"))
    assert page.get_by_role("cell", name="UWV Haarlem (UWV)").is_visible()
    assert ernstige_schendingen(page) == []

    page.get_by_role("link", name="Sanne Voorbeeld").click()
    page.get_by_label("Bemiddeling naar werk").check()  # the purpose (doelbinding)
    page.get_by_role("button", name="Dossier openen").click()
    page.get_by_role("heading", name="Overdracht van Sanne Voorbeeld").wait_for()
    assert ernstige_schendingen(page) == []

    page.get_by_role("button", name="Teruggeven").click()
    page.locator(".wc-foutoverzicht").get_by_text("Geef de reden").wait_for()
    assert ernstige_schendingen(page) == []
    assert Overdracht.objects.get().status == Overdracht.Status.AANGEBODEN

    page.get_by_role("button", name="Aannemen als kandidaat").click()
    _gelukt(page, "is aangenomen als kandidaat")
    page.get_by_text("Warm overgedragen door UWV Haarlem (UWV), Carla Consulent").wait_for()
    assert ernstige_schendingen(page) == []
    assert Kandidaat.objects.get().voornaam == "Sanne"
