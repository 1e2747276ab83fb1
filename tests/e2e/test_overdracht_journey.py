"""Issue 23 points 1 and 2 in the browser: a gids registers a gesprek and hands the person to
the WSP with consent; the adviseur accepts the handover, proposes the kandidaat for a vacature
and records the plaatsing; the gids then sees "Geplaatst" on the gesprek. A partner offers a
client for a vacature of the vacaturekrant. axe-core on every page of the offering side."""

import re
from datetime import time, timedelta
from importlib import import_module

import pytest
from django.apps import apps
from django.utils import timezone

from loket.models import Gesprek
from tests.e2e.conftest import ernstige_schendingen
from tests.e2e.test_loket_journeys import inloggen
from tests.factories import (
    GemeenteFactory,
    LocatieFactory,
    MedewerkerFactory,
    OpeningstijdFactory,
    OrganisatieFactory,
)
from werkcentrum.models import Organisatie
from werkcentrum.rollen import rollen_synchroniseren
from wsp.models import Overdracht, Plaatsing


@pytest.fixture
def keten(browser, transactional_db, regio_a, settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    # transactional_db flushes the migrations' reference data between tests: restore it.
    import_module("loket.migrations.0002_themas_doelgroepen").vullen(apps, None)
    import_module("wsp.migrations.0002_clusters_en_sectoren").laden(apps, None)
    rollen_synchroniseren()
    from tests.wsp.factories import VacatureFactory, WerkgeverFactory

    locatie = LocatieFactory(regio=regio_a, naam="Bibliotheek Schalkwijk")
    OpeningstijdFactory(
        locatie=locatie,
        weekdag=timezone.localdate().isoweekday(),
        begintijd=time(9),
        eindtijd=time(12),
    )
    haarlem = GemeenteFactory(regio=regio_a, naam="Haarlem", cbs_code="GM0392")
    werkcentrum = OrganisatieFactory(
        regio=regio_a, naam="Werkcentrum ZKIJ", type=Organisatie.Type.WERKCENTRUM
    )
    uwv = OrganisatieFactory(regio=regio_a, naam="UWV Haarlem", type=Organisatie.Type.UWV)
    gids = MedewerkerFactory(
        regio=regio_a, rollen=["gids"], organisatie=werkcentrum, first_name="Sanne"
    )
    adviseur = MedewerkerFactory(
        regio=regio_a, rollen=["wsp_adviseur"], first_name="Lotte", last_name="Mulder"
    )
    partner = MedewerkerFactory(regio=regio_a, rollen=["partnermedewerker"], organisatie=uwv)
    werkgever = WerkgeverFactory(
        regio=regio_a, naam="Bakkerij De Korenbloem", accounthouder=adviseur
    )
    vacature = VacatureFactory(
        werkgever=werkgever,
        functie="Bakker",
        gemeente=haarlem,
        is_openbaar=True,
        startdatum=timezone.localdate(),
        sluitingsdatum=timezone.localdate() + timedelta(days=30),
    )
    return {"gids": gids, "adviseur": adviseur, "partner": partner, "vacature": vacature}


def _gelukt(page, tekst: str) -> None:
    page.locator(".wc-meldingen .utrecht-alert--success", has_text=tekst).wait_for()


def _aannemen(browser, live_server, adviseur, overdracht) -> None:
    """The adviseur accepts the handover on the WSP's own page (wsp:overdracht)."""
    context = browser.new_context(viewport={"width": 1024, "height": 768}, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(15000)
    inloggen(page, live_server.url, adviseur)
    page.goto(f"{live_server.url}/wsp/overdrachten/{overdracht.pk}/")
    # Doelbinding: the adviseur says why the record opens.
    page.get_by_label("Bemiddeling naar werk").check()
    page.get_by_role("button", name="Dossier openen").click()
    page.get_by_role("button", name="Aannemen als kandidaat").click()
    _gelukt(page, "is aangenomen als kandidaat")
    context.close()


def test_gids_hands_over_wsp_places_gids_sees_geplaatst(browser, page, live_server, keten):
    gids, adviseur, vacature = keten["gids"], keten["adviseur"], keten["vacature"]

    # The gids registers the gesprek.
    inloggen(page, live_server.url, gids)
    page.goto(f"{live_server.url}/loket/gesprekken/nieuw/")
    page.get_by_label("Inloop").check()
    page.get_by_label("Locatie").select_option(label="Bibliotheek Schalkwijk")
    page.get_by_label("Doelgroep").select_option(label="WW")
    page.get_by_label("Werk zoeken").check()
    page.get_by_label("27 tot 45").check()
    page.get_by_label("Woongemeente").select_option(label="Haarlem")
    page.get_by_label("Doorverwezen").check()
    page.get_by_role("button", name="Gesprek opslaan").click()
    page.wait_for_url(re.compile(r"/loket/gesprekken/\d+/$"))
    gesprek = Gesprek.objects.get()

    # From the gesprek to the handover form: what the gesprek knows is filled in already.
    page.get_by_role("link", name="Overdragen aan het WSP").click()
    page.wait_for_url(re.compile(rf"/loket/overdrachten/nieuw/\?gesprek={gesprek.pk}$"))
    assert ernstige_schendingen(page) == []
    assert page.get_by_label("Woongemeente").input_value() == str(gesprek.woongemeente_id)
    assert page.get_by_label("Doelgroep").input_value() == "ww"
    page.get_by_label("Voornaam").fill("Tess")
    page.get_by_label("Achternaam").fill("Brouwer")
    page.get_by_label("E-mailadres").fill("tess@example.org")
    page.get_by_label("Opleidingsniveau").select_option(label="mbo 2")
    page.get_by_label("Gewenst beroep").fill("Bakker")

    # Without consent nothing is handed over; the message says why and the input stays.
    page.get_by_role("button", name="Overdragen aan het WSP").click()
    page.get_by_text(re.compile("Zonder toestemming van de persoon")).first.wait_for()
    assert page.get_by_label("Voornaam").input_value() == "Tess"
    assert not Overdracht.objects.exists()
    assert ernstige_schendingen(page) == []
    page.get_by_label(re.compile("geeft toestemming om deze gegevens te delen")).check()
    page.get_by_role("button", name="Overdragen aan het WSP").click()
    page.wait_for_url(re.compile(r"/loket/overdrachten/\d+/$"))
    _gelukt(page, "Tess Brouwer is overgedragen aan het Werkgeversservicepunt")
    assert page.get_by_test_id("ketenstatus").inner_text() == "Aangeboden"
    assert ernstige_schendingen(page) == []
    overdracht = Overdracht.objects.get()
    assert overdracht.gesprek == gesprek and overdracht.toestemming_door == gids

    # The gesprek shows the handover instead of the button.
    page.goto(f"{live_server.url}/loket/gesprekken/{gesprek.pk}/")
    assert page.get_by_test_id("overdracht-status").inner_text() == "Aangeboden"
    assert page.get_by_role("link", name="Overdragen aan het WSP").count() == 0
    page.goto(f"{live_server.url}/loket/overdrachten/")
    assert page.get_by_role("link", name="Tess Brouwer").is_visible()
    assert ernstige_schendingen(page) == []

    # The WSP: accept, propose for the vacature, record the plaatsing.
    _aannemen(browser, live_server, adviseur, overdracht)
    overdracht.refresh_from_db()
    assert overdracht.status == Overdracht.Status.AANGENOMEN
    wsp = browser.new_context(viewport={"width": 1024, "height": 768}, locale="nl-NL")
    adviseur_page = wsp.new_page()
    adviseur_page.set_default_timeout(15000)
    inloggen(adviseur_page, live_server.url, adviseur)
    adviseur_page.goto(f"{live_server.url}/wsp/vacatures/{vacature.pk}/")
    adviseur_page.get_by_role("button", name="Tess Brouwer voordragen").click()
    _gelukt(adviseur_page, "Kandidaat voorgedragen.")

    page.goto(f"{live_server.url}/loket/gesprekken/{gesprek.pk}/")
    assert page.get_by_test_id("overdracht-status").inner_text() == "Voorgedragen"

    adviseur_page.get_by_label("Nieuwe status").select_option("gesprek")
    adviseur_page.get_by_role("button", name="Bijwerken").click()
    _gelukt(adviseur_page, "Status van de voordracht gewijzigd in: Gesprek.")
    adviseur_page.get_by_label("Nieuwe status").select_option("aangenomen")
    adviseur_page.get_by_role("button", name="Bijwerken").click()
    adviseur_page.get_by_role("heading", level=1, name="Plaatsing registreren").wait_for()
    adviseur_page.get_by_label("Contractvorm").select_option(label="Bepaalde tijd")
    adviseur_page.get_by_role("button", name="Plaatsing registreren").click()
    _gelukt(adviseur_page, "Plaatsing geregistreerd")
    wsp.close()
    assert Plaatsing.objects.get().kandidaat == overdracht.kandidaat

    # The gids sees what became of the person, on the gesprek and on the handover.
    page.goto(f"{live_server.url}/loket/gesprekken/{gesprek.pk}/")
    assert page.get_by_test_id("overdracht-status").inner_text() == "Geplaatst"
    assert ernstige_schendingen(page) == []
    page.get_by_role("link", name="Bekijk de overdracht").click()
    assert page.get_by_test_id("ketenstatus").inner_text() == "Geplaatst"
    assert "Bakkerij De Korenbloem" not in page.content()  # no WSP-internal details


def test_partner_offers_a_client_for_a_vacature(page, live_server, keten):
    inloggen(page, live_server.url, keten["partner"])
    page.get_by_role("link", name="Open vacatures: kandidaat aanbieden").first.click()
    page.get_by_role("heading", level=1, name="Open vacatures: kandidaat aanbieden").wait_for()
    assert ernstige_schendingen(page) == []
    page.get_by_role("link", name=re.compile("Kandidaat aanbieden voor deze vacature")).click()
    assert page.get_by_label("Vacature").input_value() == str(keten["vacature"].pk)
    assert ernstige_schendingen(page) == []
    page.get_by_label("Voornaam").fill("Noor")
    page.get_by_label("Achternaam").fill("de Wit")
    page.get_by_label("Telefoonnummer").fill("0612345678")
    page.get_by_label("Woongemeente").select_option(label="Haarlem")
    page.get_by_label("Doelgroep").select_option(label="WW")
    page.get_by_label("Opleidingsniveau").select_option(label="mbo 3")
    page.get_by_label(re.compile("geeft toestemming om deze gegevens te delen")).check()
    page.get_by_role("button", name="Overdragen aan het WSP").click()
    page.wait_for_url(re.compile(r"/loket/overdrachten/\d+/$"))
    assert page.get_by_test_id("ketenstatus").inner_text() == "Aangeboden"
    assert ernstige_schendingen(page) == []
    overdracht = Overdracht.objects.get()
    assert overdracht.bron == "uwv" and overdracht.vacature == keten["vacature"]
    page.goto(f"{live_server.url}/loket/overdrachten/")
    assert page.get_by_role("link", name="Noor de Wit").is_visible()
    assert ernstige_schendingen(page) == []
