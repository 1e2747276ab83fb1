"""Issue 23 point 4 in the browser: an adviseur of the WSP refers a werkgever's werknemer to
the Werkcentrum from the werkgever's page (with consent), the Werkcentrum's own medewerker
processes it (ontvangen, contact gelegd) and the adviseur sees the new status on the
werkgever's tijdlijn and in "Mijn doorverwijzingen". axe-core on every page visited."""

import re
from importlib import import_module

import pytest
from django.apps import apps

from loket.models import Doorverwijzing
from tests.e2e.conftest import ernstige_schendingen
from tests.e2e.test_doorverwijzing_journeys import inloggen
from tests.factories import GemeenteFactory, MedewerkerFactory, OrganisatieFactory
from tests.loket.factories import DienstFactory, thema
from tests.wsp.factories import WerkgeverFactory
from werkcentrum.models import Organisatie
from werkcentrum.rollen import rollen_synchroniseren

NAAM = "Fictieve Werknemer"
EMAIL = "fictieve.werknemer@example.org"


@pytest.fixture
def keten(browser, transactional_db, regio_a, settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    # transactional_db flushes the migrations' reference data between tests: restore it.
    import_module("loket.migrations.0002_themas_doelgroepen").vullen(apps, None)
    import_module("wsp.migrations.0002_clusters_en_sectoren").laden(apps, None)
    rollen_synchroniseren()
    werkcentrum = OrganisatieFactory(
        regio=regio_a, naam="Werkcentrum Kennemerland", type=Organisatie.Type.WERKCENTRUM
    )
    DienstFactory(
        regio=regio_a,
        organisatie=OrganisatieFactory(
            regio=regio_a, naam="Aa Opleidingen", functionele_mailbox="a@a.example.org"
        ),
        naam="Aa Scholingsadvies",
        themas=[thema("scholing")],
    )
    dienst = DienstFactory(
        regio=regio_a,
        organisatie=werkcentrum,
        naam="Loopbaanspreekuur",
        themas=[thema("loopbaan")],
        reactietermijn_werkdagen=3,
    )
    adviseur = MedewerkerFactory(regio=regio_a, rollen=["wsp_adviseur"], first_name="Anouk")
    return {
        "dienst": dienst,
        "gemeente": GemeenteFactory(regio=regio_a, naam="Velsen"),
        "adviseur": adviseur,
        "werkgever": WerkgeverFactory(
            regio=regio_a, naam="Staalbedrijf IJmond BV", accounthouder=adviseur
        ),
        "medewerker": MedewerkerFactory(
            regio=regio_a, rollen=["partnermedewerker"], organisatie=werkcentrum, first_name="Joost"
        ),
    }


def test_adviseur_refers_a_werknemer_and_sees_the_werkcentrum_make_contact(
    browser, page, live_server, keten
):
    werkgever = keten["werkgever"]
    page.set_viewport_size({"width": 1280, "height": 900})
    inloggen(page, live_server.url, keten["adviseur"])
    page.goto(f"{live_server.url}/wsp/werkgevers/{werkgever.pk}/")
    page.get_by_role("link", name="Werknemer doorverwijzen").click()
    page.get_by_role("heading", level=1, name="Werknemer doorverwijzen").wait_for()
    # The Werkcentrum's own spreekuur is preselected, and the page says where it goes.
    assert page.get_by_label("Naar welke dienst").input_value() == str(keten["dienst"].pk)
    assert "Werkcentrum Kennemerland" in page.get_by_test_id("route").inner_text()
    assert ernstige_schendingen(page) == []

    page.get_by_label("Naam van de werknemer").fill(NAAM)
    page.get_by_label("E-mailadres").fill(EMAIL)
    page.get_by_label("Woongemeente van de werknemer").select_option(label="Velsen")
    page.get_by_label("Werk-naar-werk bij reorganisatie").check()
    page.get_by_label("Samenvatting van de vraag").fill("Functie vervalt; zoekt werk in de zorg.")
    page.get_by_role("button", name="Doorverwijzing versturen").click()  # no consent yet
    page.get_by_text("Zonder toestemming van de werknemer").first.wait_for()
    assert page.get_by_label("Naam van de werknemer").input_value() == NAAM  # kept
    assert not Doorverwijzing.objects.exists()
    assert ernstige_schendingen(page) == []
    page.get_by_label(re.compile("geeft toestemming")).check()
    page.get_by_role("button", name="Doorverwijzing versturen").click()
    page.wait_for_url(re.compile(r"/wsp/doorverwijzingen/\d+/$"))
    assert page.get_by_test_id("status").inner_text() == "Verstuurd"
    assert ernstige_schendingen(page) == []
    dv = Doorverwijzing.objects.get()
    assert (dv.werkgever, dv.verwezen_door) == (werkgever, keten["adviseur"])

    # The Werkcentrum's medewerker finds it in the usual list, with where it came from.
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-NL")
    wc = context.new_page()
    wc.set_default_timeout(15000)
    inloggen(wc, live_server.url, keten["medewerker"])
    wc.goto(f"{live_server.url}/loket/doorverwijzingen/")
    rij = wc.get_by_role("row").filter(has=wc.get_by_role("link", name=str(dv.pk), exact=True))
    assert "via het WSP: Staalbedrijf IJmond BV" in rij.inner_text()
    assert ernstige_schendingen(wc) == []
    rij.get_by_role("link", name=str(dv.pk), exact=True).click()
    wc.get_by_role("heading", level=1, name="Waarom open je dit dossier?").wait_for()
    wc.get_by_label("Warme doorverwijzing voorbereiden of opvolgen").check()
    wc.get_by_role("button", name="Dossier openen").click()
    wc.get_by_role("heading", level=1, name=f"Doorverwijzing {dv.pk}").wait_for()
    assert wc.get_by_test_id("werkgever").inner_text() == "Staalbedrijf IJmond BV"
    assert wc.get_by_test_id("aanleiding").inner_text() == "Werk-naar-werk bij reorganisatie"
    assert wc.get_by_text(NAAM).is_visible()
    assert ernstige_schendingen(wc) == []
    for status in ("Ontvangen", "Contact gelegd"):
        wc.get_by_label("Nieuwe status").select_option(label=status)
        wc.get_by_role("button", name="Opslaan").click()
        wc.get_by_text("De status is bijgewerkt.").wait_for()
        assert wc.get_by_test_id("status").inner_text() == status
    context.close()

    # The adviseur sees the new status on the werkgever's tijdlijn and in their list.
    page.goto(f"{live_server.url}/wsp/werkgevers/{werkgever.pk}/")
    item = page.get_by_role("link", name=re.compile(r"Werk-naar-werk bij reorganisatie"))
    assert "(Contact gelegd)" in item.inner_text()
    assert NAAM not in page.content()
    assert ernstige_schendingen(page) == []
    page.get_by_role("link", name="Doorverwijzingen", exact=True).click()
    page.get_by_role("heading", level=1, name="Mijn doorverwijzingen").wait_for()
    rij = page.get_by_role("row").filter(has=page.get_by_role("link", name=str(dv.pk), exact=True))
    assert "Contact gelegd" in rij.inner_text()
    assert ernstige_schendingen(page) == []
    page.set_viewport_size({"width": 390, "height": 844})
    assert ernstige_schendingen(page) == []
