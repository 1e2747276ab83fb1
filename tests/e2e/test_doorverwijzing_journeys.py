"""Warme doorverwijzingen that must reach a person (issue 21), in the browser.

1. A gids on a tablet refers to an organisation without portal accounts: before sending the
   form says the referral goes to its functional mailbox; the mailbox gets a mail with a
   single-use link and no personal data; the organisation confirms through that link without
   logging in; the link works once; the gids sees the new status.
2. A referral gets no reaction within the dienst's promised working days: the coordinator
   finds it marked 'te laat' on the watch list and sends it on to another dienst.

axe-core on every page visited."""

import re
from datetime import timedelta
from importlib import import_module

import pytest
import time_machine
from django.apps import apps
from django.core import mail
from django.utils import timezone

from loket import services
from loket.models import Doorverwijzing, DoorverwijzingLink, Gesprek
from tests.e2e.conftest import ernstige_schendingen
from tests.factories import WACHTWOORD, MedewerkerFactory, OrganisatieFactory
from tests.loket.factories import DienstFactory, thema
from werkcentrum.rollen import rollen_synchroniseren

S = Doorverwijzing.Status
NAAM = "Fictief Persoon"
EMAIL = "fictief.persoon@example.org"
TELEFOON = "0612345678"
MAILBOX = "doorverwijzingen@buurtwerk.example.org"


@pytest.fixture
def loket(browser, transactional_db, regio_a, settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    # transactional_db flushes the migrations' reference data between tests: restore it.
    import_module("loket.migrations.0002_themas_doelgroepen").vullen(apps, None)
    rollen_synchroniseren()
    buurtwerk = OrganisatieFactory(
        regio=regio_a, naam="Buurtwerk Velsen", functionele_mailbox=MAILBOX
    )
    dienst = DienstFactory(
        regio=regio_a,
        organisatie=buurtwerk,
        naam="Werkcoaching in de wijk",
        themas=[thema("werk-zoeken")],
        reactietermijn_werkdagen=3,
    )
    return {
        "regio": regio_a,
        "dienst": dienst,
        "gids": MedewerkerFactory(regio=regio_a, rollen=["gids"], first_name="Sanne"),
    }


def inloggen(page, url, user):
    page.goto(f"{url}/accounts/login/")
    page.get_by_label(re.compile("e-mail", re.I)).fill(user.email)
    page.get_by_label(re.compile("wachtwoord", re.I)).first.fill(WACHTWOORD)
    page.get_by_role("button", name=re.compile("inloggen|aanmelden", re.I)).click()
    page.wait_for_url(re.compile(r"/werkplek/$"))


def test_gids_refers_to_organisation_without_accounts_and_its_mailbox_link_confirms(
    browser, page, live_server, loket
):
    page.set_viewport_size({"width": 820, "height": 1180})
    inloggen(page, live_server.url, loket["gids"])
    page.goto(f"{live_server.url}/loket/gesprekken/nieuw/")
    page.get_by_label("Telefoon", exact=True).check()
    page.get_by_label("Doelgroep").select_option(label="WW")
    page.get_by_label("Werk zoeken").check()
    page.get_by_label("27 tot 45").check()
    page.get_by_label("Doorverwezen").check()
    page.get_by_role("button", name="Gesprek opslaan").click()
    page.wait_for_url(re.compile(r"/loket/gesprekken/\d+/$"))
    assert ernstige_schendingen(page) == []

    page.get_by_role("link", name="Doorverwijzen naar Werkcoaching in de wijk").click()
    # Before sending, the gids reads where it goes: the mailbox, as nobody has an account.
    route = page.get_by_test_id("route")
    assert f"gaat naar: functionele mailbox {MAILBOX} van Buurtwerk Velsen" in route.inner_text()
    assert ernstige_schendingen(page) == []
    page.get_by_label("Samenvatting van de vraag").fill("Zoekt begeleiding naar werk.")
    page.get_by_label("Naam", exact=True).fill(NAAM)
    page.get_by_label("E-mailadres").fill(EMAIL)
    page.get_by_label("Telefoonnummer").fill(TELEFOON)
    page.get_by_label(re.compile("geeft toestemming")).check()
    page.get_by_role("button", name="Doorverwijzing versturen").click()
    page.wait_for_url(re.compile(r"/loket/doorverwijzingen/\d+/$"))
    assert page.get_by_test_id("status").inner_text() == "Verstuurd"
    assert MAILBOX in page.get_by_test_id("afgeleverd").inner_text()
    assert ernstige_schendingen(page) == []
    dv = Doorverwijzing.objects.get()
    assert dv.gesprek == Gesprek.objects.get()

    # The (eager) task mailed the mailbox once: a link, never the person's details.
    [bericht] = mail.outbox
    assert bericht.to == [MAILBOX]
    for persoonsgegeven in (NAAM, "Fictief", EMAIL, TELEFOON, "Zoekt begeleiding"):
        assert persoonsgegeven not in bericht.subject + bericht.body
    pad = re.search(r"/zkij/doorverwijzing/[A-Za-z0-9_-]+/", bericht.body)[0]

    # The organisation opens the link in a browser of its own, without logging in.
    org_context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="nl-NL")
    org = org_context.new_page()
    org.set_default_timeout(15000)
    antwoord = org.goto(live_server.url + pad)
    assert antwoord.status == 200
    assert org.get_by_test_id("status").inner_text() == "Verstuurd"
    assert org.get_by_text(NAAM).is_visible()
    assert org.get_by_text("Mijn werkplek").count() == 0
    assert ernstige_schendingen(org) == []
    org.get_by_label("Nieuwe status").select_option(label="Ontvangen")
    org.get_by_role("button", name="Status bevestigen").click()
    org.get_by_text("Bedankt. De status is nu: Ontvangen.").wait_for()
    assert ernstige_schendingen(org) == []
    dv.refresh_from_db()
    assert dv.status == S.ONTVANGEN
    assert DoorverwijzingLink.objects.filter(gebruikt_op__isnull=False).count() == 1

    # The link worked once: a second visit is refused and shows no personal data.
    antwoord = org.goto(live_server.url + pad)
    assert antwoord.status == 410
    assert org.get_by_text("Deze link is verlopen, al gebruikt of bestaat niet").is_visible()
    assert org.get_by_text(NAAM).count() == 0
    assert org.get_by_role("button", name="Status bevestigen").count() == 0
    assert ernstige_schendingen(org) == []
    # For the next step the mailbox got a fresh link, again without personal data.
    assert [m.to for m in mail.outbox] == [[MAILBOX], [MAILBOX]]
    nieuw = mail.outbox[1]
    assert NAAM not in nieuw.body and TELEFOON not in nieuw.body and EMAIL not in nieuw.body
    assert re.search(r"/zkij/doorverwijzing/[A-Za-z0-9_-]+/", nieuw.body)[0] != pad
    org_context.close()

    page.goto(f"{live_server.url}/loket/doorverwijzingen/")
    assert page.get_by_role("cell", name="Ontvangen").is_visible()
    assert ernstige_schendingen(page) == []
    page.get_by_role("link", name=str(dv.pk), exact=True).click()
    assert page.get_by_test_id("status").inner_text() == "Ontvangen"
    assert ernstige_schendingen(page) == []


def test_coordinator_sees_an_overdue_referral_and_reassigns_it(page, live_server, loket):
    regio, gids, eerste = loket["regio"], loket["gids"], loket["dienst"]
    ander = DienstFactory(
        regio=regio,
        organisatie=OrganisatieFactory(
            regio=regio,
            naam="Stichting Werkpad",
            functionele_mailbox="aanmelden@werkpad.example.org",
        ),
        naam="Sollicitatietraining",
    )
    coordinator = MedewerkerFactory(regio=regio, rollen=["coordinator"], first_name="Ilse")
    # Sent ten days ago; the organisation promised a reaction within 3 working days and
    # never even marked it received.
    with time_machine.travel(timezone.now() - timedelta(days=10)):
        dv = services.doorverwijzing_maken(
            door=gids,
            dienst=eerste,
            samenvatting="Zoekt begeleiding naar werk.",
            toestemming=True,
            toestemming_gegevens="naam en telefoonnummer",
            naam=NAAM,
            telefoon=TELEFOON,
        )
    dv.refresh_from_db()
    assert dv.melding_verstuurd_op is not None
    assert dv.reactie_uiterlijk < timezone.localdate()
    mail.outbox.clear()

    page.set_viewport_size({"width": 1280, "height": 800})
    inloggen(page, live_server.url, coordinator)
    page.get_by_role("link", name="Doorverwijzingen bewaken").click()
    page.get_by_role("heading", level=1, name="Doorverwijzingen bewaken").wait_for()
    assert ernstige_schendingen(page) == []
    rij = page.get_by_role("row").filter(has=page.get_by_role("link", name=str(dv.pk), exact=True))
    assert "te laat" in rij.inner_text()
    assert "Werkcoaching in de wijk" in rij.inner_text()
    rij.get_by_role("link", name=str(dv.pk), exact=True).click()
    page.get_by_role("heading", level=1, name="Waarom open je dit dossier?").wait_for()
    assert ernstige_schendingen(page) == []
    page.get_by_label("Warme doorverwijzing voorbereiden of opvolgen").check()
    page.get_by_role("button", name="Dossier openen").click()
    page.get_by_role("heading", level=1, name=f"Doorverwijzing {dv.pk}").wait_for()
    assert page.get_by_text("te laat: nog geen reactie van de organisatie").is_visible()
    assert ernstige_schendingen(page) == []

    page.get_by_label("Naar welke dienst").select_option(label=str(ander))
    page.get_by_role("button", name="Doorsturen", exact=True).click()  # no consent yet
    assert page.get_by_text("Leg vast dat de persoon toestemming gaf").first.is_visible()
    assert ernstige_schendingen(page) == []
    assert page.get_by_label("Naar welke dienst").input_value() == str(ander.pk)  # kept
    page.get_by_label(re.compile("gaf toestemming")).check()
    page.get_by_role("button", name="Doorsturen", exact=True).click()
    page.get_by_text("De doorverwijzing is doorgestuurd.").wait_for()
    assert "Sollicitatietraining (Stichting Werkpad)" in page.locator("dl").inner_text()
    assert page.get_by_test_id("status").inner_text() == "Verstuurd"
    assert ernstige_schendingen(page) == []

    dv.refresh_from_db()
    assert (dv.dienst, dv.organisatie, dv.status) == (ander, ander.organisatie, S.VERSTUURD)
    assert dv.reactie_uiterlijk > timezone.localdate()
    assert dv.toestemming_door == coordinator
    assert dv.stappen.filter(
        toelichting="Doorgestuurd van Buurtwerk Velsen naar Stichting Werkpad"
    ).exists()
    # The new organisation's mailbox got its link; the old one's link no longer works.
    assert [m.to for m in mail.outbox] == [["aanmelden@werkpad.example.org"]]
    assert not DoorverwijzingLink.objects.filter(
        doorverwijzing=dv, aan=MAILBOX, gebruikt_op=None, ingetrokken_op=None
    ).exists()

    # Handled: it is no longer on the watch list.
    page.goto(f"{live_server.url}/loket/doorverwijzingen/bewaken/")
    assert page.get_by_role("link", name=str(dv.pk), exact=True).count() == 0
    assert ernstige_schendingen(page) == []
