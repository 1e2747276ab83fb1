"""A WSP-adviseur registers a werkgever, a contactmoment and a vacature, proposes a kandidaat,
records the plaatsing, sees the two nazorg moments and records the first; every save says it
succeeded (issue 22 point 9), and every page passes axe-core."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.e2e.conftest import ernstige_schendingen
from tests.factories import WACHTWOORD, GemeenteFactory, MedewerkerFactory, OrganisatieFactory
from wsp.models import NazorgMoment, Plaatsing


@pytest.fixture
def adviseur(browser, transactional_db, regio_a, settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    from importlib import import_module

    from django.apps import apps

    from tests.wsp.factories import KandidaatFactory

    # transactional_db empties tables between tests, including clusters loaded by a migration.
    import_module("wsp.migrations.0002_clusters_en_sectoren").laden(apps, None)

    haarlem = GemeenteFactory(regio=regio_a, naam="Haarlem", cbs_code="GM0392")
    uwv = OrganisatieFactory(regio=regio_a, naam="UWV Haarlem")
    KandidaatFactory(
        regio=regio_a,
        voornaam="Tess",
        achternaam="Brouwer",
        woongemeente=haarlem,
        overgedragen_door=uwv,
        doelgroep="ww",
    )
    return MedewerkerFactory(
        regio=regio_a, rollen=["wsp_adviseur"], first_name="Lotte", last_name="Mulder"
    )


def _gelukt(page, tekst: str) -> None:
    """The success message of the last save, in the page's status region."""
    page.locator(".wc-meldingen .utrecht-alert--success", has_text=tekst).wait_for()


def _inloggen(page, live_server, user):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label(re.compile("e-mail", re.I)).fill(user.email)
    page.get_by_label(re.compile("wachtwoord", re.I)).first.fill(WACHTWOORD)
    page.get_by_role("button", name=re.compile("inloggen|aanmelden", re.I)).click()
    page.wait_for_url(re.compile(r"/werkplek/$"))


def test_adviseur_from_werkgever_to_first_nazorg(page, live_server, adviseur):
    _inloggen(page, live_server, adviseur)
    page.get_by_role("link", name="Werkgevers", exact=True).first.click()
    page.get_by_role("link", name="Nieuwe werkgever").click()
    assert ernstige_schendingen(page) == []

    # A wrong KvK-nummer gives a Dutch message next to the field and keeps the input.
    page.get_by_label("Naam", exact=True).fill("Bakkerij De Korenbloem")
    page.get_by_label("KvK-nummer").fill("1234")
    page.get_by_label("Sector").select_option(label="Horeca en Schoonmaak")
    # A search field, not a list of every medewerker: typing offers the names (datalist).
    accounthouder = page.get_by_label("Accounthouder")
    accounthouder.press_sequentially("Lott")
    page.locator("#id_accounthouder-keuzes option[value^='Lotte Mulder']").wait_for(
        state="attached"
    )
    accounthouder.fill("Lotte Mulder")
    page.get_by_role("button", name="Nieuwe werkgever").click()
    page.get_by_text(re.compile("precies 8 cijfers")).first.wait_for()
    assert page.get_by_label("Naam", exact=True).input_value() == "Bakkerij De Korenbloem"
    assert ernstige_schendingen(page) == []
    page.get_by_label("KvK-nummer").fill("12345678")
    page.get_by_role("button", name="Nieuwe werkgever").click()
    page.get_by_role("heading", level=1, name="Bakkerij De Korenbloem").wait_for()
    _gelukt(page, "Werkgever geregistreerd.")
    assert ernstige_schendingen(page) == []

    page.get_by_label("Type").select_option(label="Bezoek")
    page.get_by_label("Samenvatting").fill("Kennismaking met de eigenaar.")
    volgende_week = timezone.localdate() + timedelta(days=7)
    page.get_by_label("Opvolgen op").fill(volgende_week.isoformat())
    page.get_by_role("button", name="Contactmoment opslaan").click()
    _gelukt(page, "Contactmoment vastgelegd.")
    assert page.get_by_text("Kennismaking met de eigenaar.").first.is_visible()
    assert ernstige_schendingen(page) == []

    page.get_by_role("link", name="Nieuwe vacature").click()
    page.get_by_label("Functie").fill("Bakker")
    page.get_by_label("Omschrijving").fill("Brood en banket bakken.")
    page.get_by_label("Uren per week").fill("32")
    page.get_by_label("Gemeente").select_option(label="Haarlem")
    page.get_by_label("Sector").select_option(label="Horeca en Schoonmaak")
    page.get_by_label("Opleidingsniveau").select_option(label="mbo 2")
    page.get_by_label("Startdatum").fill("2025-12-31")
    page.get_by_label("Sluitingsdatum").fill("2026-01-31")
    page.get_by_label("Nieuwe vaardigheden").fill("bakken, HACCP")
    page.get_by_role("button", name="Nieuwe vacature").click()
    page.get_by_role("heading", level=1, name="Bakker").wait_for()
    _gelukt(page, "Vacature geregistreerd.")
    assert page.get_by_role("heading", name="Passende kandidaten").is_visible()
    assert ernstige_schendingen(page) == []

    page.get_by_role("button", name="Tess Brouwer voordragen").click()
    _gelukt(page, "Kandidaat voorgedragen.")
    assert ernstige_schendingen(page) == []
    page.get_by_label("Nieuwe status").select_option("gesprek")
    page.get_by_role("button", name="Bijwerken").click()
    _gelukt(page, "Status van de voordracht gewijzigd in: Gesprek.")
    page.get_by_label("Nieuwe status").select_option("aangenomen")
    page.get_by_role("button", name="Bijwerken").click()

    page.get_by_role("heading", level=1, name="Plaatsing registreren").wait_for()
    _gelukt(page, "Status van de voordracht gewijzigd in: Aangenomen.")
    assert ernstige_schendingen(page) == []
    page.get_by_label("Contractvorm").select_option(label="Bepaalde tijd")
    page.get_by_label("Jobcoach").check()
    page.get_by_label("No-riskpolis").check()
    page.get_by_role("button", name="Plaatsing registreren").click()

    page.get_by_role("heading", name="Nazorg").wait_for()
    _gelukt(page, "Plaatsing geregistreerd; nazorg is gepland.")
    # The instruments by their labels, not their stored codes.
    assert page.get_by_text("No-riskpolis, Jobcoach").is_visible()
    assert page.get_by_role("cell", name="28 februari 2026").is_visible()
    assert page.get_by_role("cell", name="31 mei 2026").is_visible()
    assert ernstige_schendingen(page) == []

    page.get_by_role("link", name="Nazorg vastleggen (Na 2 maanden)").click()
    assert ernstige_schendingen(page) == []
    page.get_by_label("Uitkomst").select_option(label="Verloopt goed")
    page.get_by_label("Ja").check()
    page.get_by_label("Datum van het gesprek").fill("2026-02-26")
    page.get_by_role("button", name=re.compile("Nazorg vastleggen")).click()
    _gelukt(page, "Nazorg vastgelegd.")
    assert page.get_by_role("cell", name=re.compile("Verloopt goed")).is_visible()
    assert ernstige_schendingen(page) == []

    # The WSP sub-navigation leads to the open nazorg list; the werkplek counts what waits.
    page.get_by_role("navigation", name="Werkgeversservicepunt").get_by_role(
        "link", name="Nazorg"
    ).click()
    page.get_by_role("heading", level=1, name="Open nazorg").wait_for()
    assert page.get_by_role("link", name="Tess Brouwer").is_visible()
    assert ernstige_schendingen(page) == []
    page.get_by_role("link", name="Mijn werkplek").click()
    page.get_by_role("heading", name="Wat er op je wacht").wait_for()
    assert ernstige_schendingen(page) == []

    plaatsing = Plaatsing.objects.get()
    assert plaatsing.kandidaat.achternaam == "Brouwer"
    assert NazorgMoment.objects.filter(plaatsing=plaatsing, afgerond_op__isnull=False).count() == 1


def test_public_vacaturekrant_and_werkgever_form_pass_axe(browser, page, live_server, regio_a):
    from importlib import import_module

    from django.apps import apps

    import_module("wsp.migrations.0002_clusters_en_sectoren").laden(apps, None)
    page.goto(f"{live_server.url}/zkij/vacatures/")
    assert ernstige_schendingen(page) == []
    page.goto(f"{live_server.url}/zkij/vacatures/ik-ben-werkgever/")
    assert ernstige_schendingen(page) == []
    page.get_by_label("Bedrijfsnaam").fill("Fietsenmaker Spaarne")
    page.get_by_label("Naam contactpersoon").fill("Sem Jansen")
    page.get_by_label("E-mailadres").fill("sem@fietsen.example")
    page.get_by_label("Vraag").fill("Wij zoeken een monteur.")
    page.get_by_role("button", name="Versturen").click()
    page.get_by_role("heading", name=re.compile("Bedankt")).wait_for()
    assert ernstige_schendingen(page) == []


def test_a_refused_page_is_the_portals_403_and_passes_axe(page, live_server, adviseur, regio_a):
    from tests.wsp.factories import WerkgeverFactory

    anders = WerkgeverFactory(regio=regio_a, naam="Garage Snel")  # another adviseur's account
    _inloggen(page, live_server, adviseur)
    response = page.goto(f"{live_server.url}/wsp/werkgevers/{anders.pk}/bewerken/")
    assert response.status == 403
    page.get_by_role("heading", level=1, name="Geen toegang").wait_for()
    assert page.get_by_role("navigation", name="Hoofdmenu").is_visible()
    assert ernstige_schendingen(page) == []
    page.get_by_role("link", name="Terug naar Mijn werkplek").click()
    page.get_by_role("heading", level=1, name="Mijn werkplek").wait_for()
