"""Issue 23 point 3 in the browser: a gids goes from the gesprek form to the werkgeversverzoek
form, records a werkgever at the balie and sees the reference and the deadline. axe-core on
the form and on the confirmation."""

import re

import pytest

from tests.e2e.conftest import ernstige_schendingen
from tests.e2e.test_loket_journeys import inloggen
from tests.factories import MedewerkerFactory
from wsp.models import Werkgeversverzoek


@pytest.fixture
def gids(browser, transactional_db, regio_a, settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    MedewerkerFactory(regio=regio_a, rollen=["wsp_manager"])
    return MedewerkerFactory(regio=regio_a, rollen=["gids"], first_name="Sanne")


def test_gids_records_a_werkgever_at_the_balie(page, live_server, gids):
    inloggen(page, live_server.url, gids)
    page.goto(f"{live_server.url}/loket/gesprekken/nieuw/")
    page.get_by_role("link", name=re.compile("Werkgever aan de balie")).click()
    page.wait_for_url(re.compile(r"/loket/werkgeversverzoek/$"))
    assert ernstige_schendingen(page) == []

    page.get_by_label("Spreekuur (loket)").check()
    page.get_by_label("Bedrijfsnaam").fill("Fietsenmakerij De Spaak")
    page.get_by_label("Naam contactpersoon").fill("Noor Voorbeeld")
    page.get_by_label("E-mailadres").fill("noor@despaak.example")
    page.get_by_label("Vraag").fill("Wij zoeken een leerling-fietsenmaker.")
    page.get_by_role("button", name="Verzoek doorzetten naar het WSP").click()

    verzoek = Werkgeversverzoek.objects.get()
    melding = page.get_by_text(re.compile(f"referentie {verzoek.pk}"))
    assert melding.is_visible()
    assert verzoek.bron == "spreekuur" and verzoek.ingevoerd_door == gids
    assert ernstige_schendingen(page) == []
