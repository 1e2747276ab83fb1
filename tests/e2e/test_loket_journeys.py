"""Loket journeys in the browser: an inwoner asks a question; a gids registers an anonymous
gesprek on a tablet and refers warmly; the partner marks it ontvangen and contact gelegd;
the gids sees it succeed. axe-core on the public pages and the gids forms."""

import re
from datetime import time
from importlib import import_module

import pytest
from django.apps import apps
from django.utils import timezone

from loket.models import Doorverwijzing, Gesprek, Vraag
from tests.e2e.conftest import ernstige_schendingen
from tests.factories import (
    WACHTWOORD,
    LocatieFactory,
    MedewerkerFactory,
    OpeningstijdFactory,
    OrganisatieFactory,
)
from tests.loket.factories import DienstFactory, thema
from werkcentrum.rollen import rollen_synchroniseren


@pytest.fixture
def loket(browser, transactional_db, regio_a, settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    # transactional_db flushes the migrations' reference data between tests: restore it.
    import_module("loket.migrations.0002_themas_doelgroepen").vullen(apps, None)
    rollen_synchroniseren()
    locatie = LocatieFactory(regio=regio_a, naam="Bibliotheek Schalkwijk")
    OpeningstijdFactory(
        locatie=locatie,
        weekdag=timezone.localdate().isoweekday(),
        begintijd=time(9),
        eindtijd=time(12),
    )
    uwv = OrganisatieFactory(regio=regio_a, naam="UWV Haarlem")
    dienst = DienstFactory(
        regio=regio_a, organisatie=uwv, naam="WW-begeleiding", themas=[thema("werk-zoeken")]
    )
    gids = MedewerkerFactory(regio=regio_a, rollen=["gids"], first_name="Sanne")
    partner = MedewerkerFactory(regio=regio_a, organisatie=uwv, rollen=["partnermedewerker"])
    return {"locatie": locatie, "dienst": dienst, "gids": gids, "partner": partner}


def inloggen(page, url, user):
    page.goto(f"{url}/accounts/login/")
    page.get_by_label(re.compile("e-mail", re.I)).fill(user.email)
    page.get_by_label(re.compile("wachtwoord", re.I)).first.fill(WACHTWOORD)
    page.get_by_role("button", name=re.compile("inloggen|aanmelden", re.I)).click()
    page.wait_for_url(re.compile(r"/werkplek/$"))


def test_inwoner_asks_a_question_and_gets_a_reference(page, live_server, loket):
    for pad in ("/zkij/", "/zkij/spreekuren/", "/zkij/waar-kan-ik-terecht/?thema=", "/en/zkij/"):
        page.goto(f"{live_server.url}{pad}")
        assert ernstige_schendingen(page) == [], pad
    page.goto(f"{live_server.url}/zkij/")
    page.get_by_role("link", name="Stel je vraag").first.click()
    assert ernstige_schendingen(page) == []
    page.get_by_label("Waar gaat je vraag over?").select_option(label="Werk zoeken")
    page.get_by_label("Je vraag", exact=True).fill("Ik zoek werk in de zorg, waar begin ik?")
    page.get_by_role("button", name="Vraag versturen").click()
    # Without contact data the form explains what is missing and keeps the text.
    assert page.get_by_text("Vul een e-mailadres of telefoonnummer in").first.is_visible()
    assert (
        page.get_by_label("Je vraag", exact=True).input_value()
        == "Ik zoek werk in de zorg, waar begin ik?"
    )
    page.get_by_label("E-mailadres").fill("inwoner@example.org")
    page.get_by_label(re.compile("mag mijn gegevens gebruiken")).check()
    page.get_by_role("button", name="Vraag versturen").click()
    page.wait_for_url(re.compile(r"/zkij/vraag/ontvangen/$"))
    vraag = Vraag.objects.get()
    assert page.get_by_test_id("referentie").inner_text() == vraag.referentie
    assert ernstige_schendingen(page) == []


def test_gids_refers_partner_follows_up_gids_sees_success(browser, page, live_server, loket):
    inloggen(page, live_server.url, loket["gids"])
    page.goto(f"{live_server.url}/loket/gesprekken/nieuw/")
    assert ernstige_schendingen(page) == []
    page.get_by_label("Inloop").check()
    page.get_by_label("Locatie").select_option(label="Bibliotheek Schalkwijk")
    page.get_by_label("Doelgroep").select_option(label="WW")
    page.get_by_label("Werk zoeken").check()
    page.get_by_label("27 tot 45").check()
    page.get_by_label("Doorverwezen").check()
    page.get_by_role("button", name="Gesprek opslaan").click()
    page.wait_for_url(re.compile(r"/loket/gesprekken/\d+/$"))
    gesprek = Gesprek.objects.get()
    assert gesprek.gids == loket["gids"]

    page.get_by_role("link", name="Doorverwijzen naar WW-begeleiding").click()
    assert ernstige_schendingen(page) == []
    page.get_by_label("Samenvatting van de vraag").fill(
        "WW sinds kort, zoekt werk in de logistiek."
    )
    page.get_by_label("Naam", exact=True).fill("Fictief Persoon")
    page.get_by_label("Telefoonnummer").fill("0612345678")
    page.get_by_role("button", name="Doorverwijzing versturen").click()
    assert page.get_by_text("Zonder toestemming").first.is_visible()  # refused, input kept
    page.get_by_label(re.compile("geeft toestemming")).check()
    page.get_by_role("button", name="Doorverwijzing versturen").click()
    page.wait_for_url(re.compile(r"/loket/doorverwijzingen/\d+/$"))
    assert page.get_by_test_id("status").inner_text() == "Verstuurd"
    dv = Doorverwijzing.objects.get()

    partner_context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="nl-NL")
    partner = partner_context.new_page()
    inloggen(partner, live_server.url, loket["partner"])
    partner.goto(f"{live_server.url}/loket/doorverwijzingen/")
    partner.get_by_role("link", name=str(dv.pk), exact=True).click()
    # Doelbinding: the partner says why before the referral with personal data opens.
    partner.get_by_role("heading", level=1, name="Waarom open je dit dossier?").wait_for()
    assert ernstige_schendingen(partner) == []
    partner.get_by_label("Warme doorverwijzing voorbereiden of opvolgen").check()
    partner.get_by_role("button", name="Dossier openen").click()
    assert partner.get_by_text("WW sinds kort").is_visible()
    for status in ("Ontvangen", "Contact gelegd", "Afgerond"):
        partner.get_by_label("Nieuwe status").select_option(label=status)
        partner.get_by_role("button", name="Opslaan").click()
        partner.wait_for_load_state()
        assert partner.get_by_test_id("status").inner_text() == status
    partner_context.close()

    page.goto(f"{live_server.url}/loket/doorverwijzingen/")
    assert page.get_by_role("cell", name="Afgerond").is_visible()
    assert ernstige_schendingen(page) == []
