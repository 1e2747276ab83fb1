"""The RBA-secretariaat plans a meeting, adds agendapunten and a stuk, publishes the agenda
(the leden get an e-mail), records a besluit, and the public besluitenlijst shows it. The
pages pass axe-core without serious violations."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from rba.models import Besluit, Vergadering
from tests.e2e.conftest import ernstige_schendingen
from tests.factories import WACHTWOORD, MedewerkerFactory
from tests.rba.bestanden import PDF
from tests.rba.factories import LidFactory, OverlegorgaanFactory


@pytest.fixture
def secretariaat(browser, transactional_db, regio_a, settings, tmp_path):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    settings.MEDIA_ROOT = tmp_path / "media"
    orgaan = OverlegorgaanFactory(
        regio=regio_a, naam="Regionaal Beraad Arbeidsmarkt", afkorting="RBA"
    )
    LidFactory(orgaan=orgaan, naam="Wethouder Demo", email="wethouder@voorbeeld.nl")
    return MedewerkerFactory(regio=regio_a, rollen=["rba_secretariaat"])


def test_secretariaat_journey_to_the_public_besluitenlijst(
    page, live_server, secretariaat, tmp_path
):
    url = live_server.url
    page.goto(f"{url}/accounts/login/")
    page.get_by_label(re.compile("e-mail", re.I)).fill(secretariaat.email)
    page.get_by_label(re.compile("wachtwoord", re.I)).first.fill(WACHTWOORD)
    page.get_by_role("button", name=re.compile("inloggen|aanmelden", re.I)).click()
    page.wait_for_url(re.compile(r"/werkplek/$"))

    # Plan the meeting; a first attempt without a place is refused with a clear message.
    datum = timezone.localdate() + timedelta(days=10)
    page.goto(f"{url}/rba/vergaderingen/nieuw/")
    page.get_by_label("Orgaan").select_option(label="Regionaal Beraad Arbeidsmarkt")
    page.get_by_label("Datum").fill(datum.isoformat())
    page.get_by_label("Aanvang").fill("15:30")
    page.get_by_role("button", name="Opslaan").click()
    melding = "Vul een plaats of een link voor online deelname in."
    assert page.locator(".wc-foutoverzicht").get_by_role("link", name=melding).is_visible()
    assert page.locator(".utrecht-form-field-error-message").get_by_text(melding).is_visible()
    assert ernstige_schendingen(page) == []
    page.get_by_label("Plaats").fill("Stadhuis Haarlem")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(re.compile(r"/rba/vergaderingen/\d+/$"))

    # Two agendapunten.
    for titel, soort in [
        ("Opening", "ter informatie"),
        ("Uitvoeringsplan WSP", "ter besluitvorming"),
    ]:
        if not page.get_by_label("Titel").is_visible():
            page.get_by_text("Agendapunt toevoegen", exact=True).first.click()
        page.get_by_label("Titel").fill(titel)
        page.get_by_label("Type").select_option(label=soort)
        page.get_by_role("button", name="Agendapunt toevoegen").click()
        page.wait_for_url(re.compile(r"/rba/vergaderingen/\d+/$"))
    assert page.get_by_role("heading", name=re.compile("2. Uitvoeringsplan WSP")).is_visible()

    # A stuk on the second agendapunt.
    page.get_by_role("link", name="Stuk toevoegen bij Uitvoeringsplan WSP").click()
    pdf = tmp_path / "uitvoeringsplan.pdf"
    pdf.write_bytes(PDF)
    page.get_by_label("Titel").fill("Uitvoeringsplan WSP 2025")
    page.get_by_label("Bestand").set_input_files(str(pdf))
    assert ernstige_schendingen(page) == []
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(re.compile(r"/rba/vergaderingen/\d+/$"))
    assert page.get_by_role("link", name="Uitvoeringsplan WSP 2025", exact=True).is_visible()

    # Publish: the lid gets the agenda by e-mail.
    page.get_by_role("button", name="Agenda publiceren en leden mailen").click()
    assert page.get_by_text("De agenda is gepubliceerd").is_visible()
    assert [m.to for m in mail.outbox] == [["wethouder@voorbeeld.nl"]]
    assert ernstige_schendingen(page) == []

    # Record the besluit on the agendapunt.
    page.get_by_role("link", name="Besluit vastleggen bij Uitvoeringsplan WSP").click()
    page.get_by_label("Titel", exact=True).fill("Goedkeuring uitvoeringsplan WSP 2025")
    page.get_by_label("Besluittekst").fill("Het RBA keurt het uitvoeringsplan WSP 2025 goed.")
    page.get_by_label("Type").select_option(label="vaststelling uitvoeringsplan")
    page.get_by_label("Status").select_option(label="genomen")
    assert ernstige_schendingen(page) == []
    page.get_by_role("button", name="Opslaan").click()
    # The meeting has not been held yet: "genomen" is refused, the input kept.
    assert page.get_by_text(re.compile("nog niet gehouden|datum in de toekomst")).first.is_visible()
    assert page.get_by_label("Besluittekst").input_value().startswith("Het RBA keurt")
    assert not Besluit.objects.exists()
    # Ten days later the meeting was held; the besluit is recorded on its date.
    vandaag = timezone.localdate()
    Vergadering.objects.filter(datum=datum).update(
        datum=vandaag, status=Vergadering.Status.GEHOUDEN
    )
    page.get_by_label("Datum", exact=True).fill(vandaag.isoformat())
    page.get_by_role("button", name="Opslaan").click()
    nummer = f"RBA-{vandaag.year}-001"
    assert page.get_by_role("heading", level=1, name=f"Besluit {nummer}").is_visible()
    assert page.get_by_role("link", name="Correctie vastleggen").is_visible()

    # The public besluitenlijst (no login) shows it.
    publiek = page.context.browser.new_context(locale="nl-NL").new_page()
    publiek.goto(f"{url}/zkij/besluiten/")
    assert publiek.get_by_role("link", name=nummer).is_visible()
    assert publiek.get_by_text("Goedkeuring uitvoeringsplan WSP 2025").is_visible()
    assert ernstige_schendingen(publiek) == []
    publiek.get_by_role("link", name=nummer).click()
    assert publiek.get_by_role(
        "heading", level=1, name="Goedkeuring uitvoeringsplan WSP 2025"
    ).is_visible()
    assert ernstige_schendingen(publiek) == []
    publiek.context.close()


def test_secretariaat_sees_an_actie_carried_over_on_the_next_meeting(
    page, live_server, secretariaat
):
    """Issue 22 point 1: the actielijst of a meeting shows the open acties of earlier ones."""
    from rba import services
    from rba.models import Overlegorgaan
    from tests.rba.factories import ActieFactory, VergaderingFactory

    orgaan = Overlegorgaan.objects.get(regio=secretariaat.regio)
    vandaag = timezone.localdate()
    vorige = VergaderingFactory(orgaan=orgaan, datum=vandaag - timedelta(days=30))
    volgende = VergaderingFactory(
        orgaan=orgaan,
        datum=vandaag + timedelta(days=14),
        online_link="https://vergaderen.example.nl/regionaal-beraad-arbeidsmarkt/2026/december",
    )
    ActieFactory(orgaan=orgaan, vergadering=vorige, omschrijving="Notitie jeugdwerkloosheid")
    services.open_acties_doorschuiven(orgaan=orgaan)

    url = live_server.url
    page.goto(f"{url}/accounts/login/")
    page.get_by_label(re.compile("e-mail", re.I)).fill(secretariaat.email)
    page.get_by_label(re.compile("wachtwoord", re.I)).first.fill(WACHTWOORD)
    page.get_by_role("button", name=re.compile("inloggen|aanmelden", re.I)).click()
    page.wait_for_url(re.compile(r"/werkplek/$"))
    page.goto(f"{url}/rba/vergaderingen/{volgende.pk}/")
    tabel = page.get_by_role("table", name="Openstaande acties uit eerdere vergaderingen")
    assert tabel.get_by_role("cell", name="Notitie jeugdwerkloosheid").is_visible()
    assert page.get_by_text("Geen acties gevonden").count() == 1  # none recorded here yet
    assert ernstige_schendingen(page) == []
    # On a phone the long meeting link wraps: the page never scrolls sideways (the table
    # scrolls inside its own container).
    page.set_viewport_size({"width": 390, "height": 844})
    assert not page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    page.goto(f"{url}/rba/acties/")
    assert page.get_by_role("cell", name="Notitie jeugdwerkloosheid").is_visible()
