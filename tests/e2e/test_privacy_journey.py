"""The functionaris gegevensbescherming filters the logboek, exports it, and handles an
inzageverzoek and a verwijderverzoek for one person; every page passes axe-core."""

import json
import re
from datetime import date
from pathlib import Path

import pytest

from tests.e2e.conftest import ernstige_schendingen
from tests.factories import WACHTWOORD, MedewerkerFactory
from werkcentrum import audit
from werkcentrum.models import AuditEvent

EMAIL = "jan.fictief@voorbeeld.nl"


@pytest.fixture
def wereld(browser, transactional_db, regio_a, settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    from importlib import import_module

    from django.apps import apps

    from tests.loket.factories import VraagFactory
    from tests.wsp.factories import KandidaatFactory

    # transactional_db empties tables between tests, including rows loaded by migrations.
    import_module("loket.migrations.0002_themas_doelgroepen").vullen(apps, None)
    gids = MedewerkerFactory(regio=regio_a, rollen=["gids"], first_name="Sanne", last_name="Gids")
    vraag = VraagFactory(regio=regio_a, naam="Jan Fictief", email=EMAIL)
    kandidaat = KandidaatFactory(regio=regio_a, voornaam="Jan", achternaam="Fictief", email=EMAIL)
    audit.persoonsgegevens_ingezien(vraag, user=gids, doel="vraag_behandelen")
    officer = MedewerkerFactory(
        regio=regio_a, rollen=["privacy_officer"], first_name="Femke", last_name="Toezicht"
    )
    return {"gids": gids, "vraag": vraag, "kandidaat": kandidaat, "officer": officer}


def _inloggen(page, live_server, user):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label(re.compile("e-mail", re.I)).fill(user.email)
    page.get_by_label(re.compile("wachtwoord", re.I)).first.fill(WACHTWOORD)
    page.get_by_role("button", name=re.compile("inloggen|aanmelden", re.I)).click()
    page.wait_for_url(re.compile(r"/werkplek/$"))


def test_privacy_officer_log_inzage_and_erasure(page, live_server, wereld):
    _inloggen(page, live_server, wereld["officer"])
    assert page.get_by_role(
        "heading", level=2, name="Functionaris gegevensbescherming"
    ).is_visible()
    page.get_by_role("link", name="Logboek dataverwerkingen").click()
    page.get_by_role("heading", level=1, name="Logboek dataverwerkingen").wait_for()
    assert ernstige_schendingen(page) == []

    # A period that ends before it starts: a Dutch message next to the field, input kept.
    page.get_by_label("Van").fill("2026-04-02")
    page.get_by_label("Tot en met").fill("2026-04-01")
    page.get_by_role("button", name="Filteren").click()
    page.get_by_text("De einddatum ligt voor de begindatum.").wait_for()
    assert page.get_by_label("Van").input_value() == "2026-04-02"
    assert ernstige_schendingen(page) == []

    vandaag = date.today().isoformat()
    page.get_by_label("Van").fill(vandaag)
    page.get_by_label("Tot en met").fill(vandaag)
    page.get_by_label("Medewerker").select_option(label="Sanne Gids")
    page.get_by_role("button", name="Filteren").click()
    page.get_by_role("cell", name="Vraag van de inwoner behandelen").wait_for()
    assert page.get_by_role("cell", name=wereld["gids"].email).is_visible()

    with page.expect_download() as download:
        page.get_by_role("link", name="Exporteren als CSV").click()
    inhoud = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert inhoud.startswith("Tijdstip;Medewerker") and wereld["gids"].email in inhoud
    assert AuditEvent.objects.filter(event="logboek_geexporteerd").count() == 1

    # Inzageverzoek: find the person across loket and WSP.
    page.goto(f"{live_server.url}/werkplek/")
    page.get_by_role("link", name="Inzage- en verwijderverzoeken").click()
    page.get_by_label(re.compile("Naam, e-mailadres")).fill(EMAIL)
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_role("heading", name="Gevonden dossiers").wait_for()
    assert page.get_by_role("checkbox").count() == 2
    assert ernstige_schendingen(page) == []
    page.get_by_role("button", name="Gegevens inzien").click()
    page.get_by_role("heading", level=1, name="Inzageverzoek").wait_for()
    assert page.get_by_text(EMAIL).count() == 2
    assert page.get_by_role("cell", name="Vraag van de inwoner behandelen").is_visible()
    assert ernstige_schendingen(page) == []
    with page.expect_download() as download:
        page.get_by_role("link", name="Alles downloaden als JSON").click()
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert len(data["dossiers"]) == 2 and data["logboek"]

    # Verwijderverzoek: a reason is required, then everything goes in one step.
    page.get_by_role("link", name="Verwijderverzoek uitvoeren").click()
    page.get_by_role("heading", level=1, name="Verwijderverzoek").wait_for()
    assert ernstige_schendingen(page) == []
    page.get_by_role("button", name="Definitief verwijderen").click()
    page.get_by_text("Geef de reden van het verwijderverzoek.").first.wait_for()
    assert ernstige_schendingen(page) == []
    page.get_by_label("Reden van het verwijderverzoek").fill("Verzoek per brief van 1 maart")
    page.get_by_role("button", name="Definitief verwijderen").click()
    page.get_by_text(re.compile("Het verwijderverzoek is uitgevoerd")).wait_for()
    assert ernstige_schendingen(page) == []

    wereld["vraag"].refresh_from_db()
    assert wereld["vraag"].email == "" and wereld["vraag"].naam == ""
    from wsp.models import Kandidaat

    assert not Kandidaat.objects.filter(pk=wereld["kandidaat"].pk).exists()
    assert (
        AuditEvent.objects.get(event="verwijderverzoek_uitgevoerd").gebruiker == wereld["officer"]
    )
