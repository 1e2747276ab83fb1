"""The public site in the browser at phone (390 px) and desktop (1280 px) width: axe-core finds
no serious or critical violation on any public page, Dutch or English; an inwoner asks a
question on a phone, is led by the error summary, and gets the confirmation mail."""

import re
from datetime import timedelta
from importlib import import_module

import pytest
from django.apps import apps
from django.core import mail
from django.utils import timezone

from loket.models import Informatiepagina, Vraag
from tests.e2e.conftest import ernstige_schendingen
from tests.factories import LocatieFactory, OrganisatieFactory
from tests.rba.factories import BesluitFactory, OverlegorgaanFactory
from tests.wsp.factories import VacatureFactory, WerkgeverFactory
from werkcentrum.models import Organisatie

BREEDTES = (390, 1280)


@pytest.fixture
def site(browser, transactional_db, regio_a, settings):
    settings.ALLOWED_HOSTS = ["localhost", "127.0.0.1", "testserver"]
    # transactional_db flushes the migrations' reference data between tests: restore it.
    import_module("loket.migrations.0002_themas_doelgroepen").vullen(apps, None)
    import_module("wsp.migrations.0002_clusters_en_sectoren").laden(apps, None)
    vandaag = timezone.localdate()
    org = OrganisatieFactory(
        regio=regio_a,
        naam="Regionaal Werkcentrum ZKIJ",
        type=Organisatie.Type.WERKCENTRUM,
        telefoon="023 555 0100",
        email="info@werkcentrum.example",
    )
    LocatieFactory(regio=regio_a, organisatie=org, naam="Bibliotheek Schalkwijk")
    pagina = Informatiepagina.objects.create(
        regio=regio_a,
        rubriek=Informatiepagina.Rubriek.WERKGEVER,
        titel="Personeel gezocht",
        slug="personeel-gezocht",
        inhoud="Het Werkgeversservicepunt helpt je aan personeel.\n\nBel of mail ons.",
        gepubliceerd=True,
    )
    vacature = VacatureFactory(
        werkgever=WerkgeverFactory(regio=regio_a, naam="Bakkerij Korenbloem"),
        functie="Bakker",
        is_openbaar=True,
        startdatum=vandaag + timedelta(days=7),
        sluitingsdatum=vandaag + timedelta(days=30),
    )
    besluit = BesluitFactory(
        orgaan=OverlegorgaanFactory(regio=regio_a),
        regio=regio_a,
        titel="Inzet regionale middelen voor jobhunters",
        datum=vandaag - timedelta(days=10),
    )
    return {"pagina": pagina, "vacature": vacature, "besluit": besluit}


def _paden(site) -> list[str]:
    paden = [
        "/zkij/",
        "/zkij/thema/werkgever/",
        f"/zkij/info/{site['pagina'].slug}/",
        "/zkij/spreekuren/",
        "/zkij/waar-kan-ik-terecht/?thema=",
        "/zkij/vraag/",
        "/zkij/vacatures/",
        f"/zkij/vacatures/{site['vacature'].pk}/",
        "/zkij/vacatures/ik-ben-werkgever/",
        "/zkij/besluiten/",
        f"/zkij/besluiten/{site['besluit'].nummer}/",
        "/zkij/privacyverklaring/",
        "/zkij/toegankelijkheidsverklaring/",
        "/zkij/bestaat-niet/",
    ]
    return paden + [f"/en{pad}" for pad in paden]


@pytest.mark.parametrize("breedte", BREEDTES)
def test_every_public_page_has_no_serious_accessibility_violations(
    browser, live_server, site, breedte
):
    context = browser.new_context(viewport={"width": breedte, "height": 800}, locale="nl-NL")
    page = context.new_page()
    try:
        for pad in _paden(site):
            page.goto(f"{live_server.url}{pad}")
            assert ernstige_schendingen(page) == [], pad
            # Nothing scrolls sideways: the page fits the screen at phone width too.
            breder = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
            assert not breder, pad
        # A form with errors (the summary, the marked fields) passes too.
        for pad in ("/zkij/vraag/", "/zkij/vacatures/ik-ben-werkgever/"):
            page.goto(f"{live_server.url}{pad}")
            page.locator("form.wc-form button[type=submit]").click()
            page.wait_for_selector(".wc-foutoverzicht")
            assert ernstige_schendingen(page) == [], pad
    finally:
        context.close()


def test_inwoner_asks_a_question_on_a_phone_and_receives_the_confirmation_mail(
    browser, live_server, site
):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(15000)
    try:
        page.goto(f"{live_server.url}/")
        page.wait_for_url(re.compile(r"/zkij/$"))
        page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
            "link", name="Stel je vraag"
        ).click()
        page.wait_for_url(re.compile(r"/zkij/vraag/$"))
        page.get_by_label("Je vraag", exact=True).fill("Ik zoek werk in de zorg, waar begin ik?")
        page.get_by_role("button", name="Vraag versturen").click()

        # The error summary has the focus, the title says so, each error links to its field.
        page.wait_for_selector(".wc-foutoverzicht")
        assert page.title().startswith("Fout:")
        assert page.evaluate("document.activeElement.classList.contains('wc-foutoverzicht')")
        samenvatting = page.locator(".wc-foutoverzicht")
        samenvatting.get_by_role("link", name=re.compile("^E-mailadres")).click()
        assert page.evaluate("document.activeElement.id") == "id_email"
        assert ernstige_schendingen(page) == []

        page.get_by_label("Waar gaat je vraag over?").select_option(label="Werk zoeken")
        page.get_by_label("E-mailadres").fill("inwoner@example.org")
        page.get_by_label(re.compile("mag mijn gegevens gebruiken")).check()
        page.get_by_role("button", name="Vraag versturen").click()
        page.wait_for_url(re.compile(r"/zkij/vraag/ontvangen/$"))
        vraag = Vraag.objects.get()
        assert page.get_by_test_id("referentie").inner_text() == vraag.referentie
        assert ernstige_schendingen(page) == []
    finally:
        context.close()

    [bericht] = mail.outbox
    assert bericht.to == ["inwoner@example.org"]
    assert vraag.referentie in bericht.subject
    assert "We hebben je vraag ontvangen" in bericht.body
