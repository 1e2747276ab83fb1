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
    # A line with long texts, for the logboek's fit on a 1,366 px screen.
    audit.vastleggen(
        actie=AuditEvent.Actie.GEEXPORTEERD,
        event="privacy_persoon_gezocht",
        user=gids,
        obj=kandidaat,
        doel="werkgeversdienstverlening",
    )
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


def test_privacy_officer_log_inzage_and_erasure(page, live_server, wereld, tmp_path):
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
    assert page.get_by_role("cell", name="Sanne Gids").first.is_visible()
    assert page.get_by_role("cell", name="Persoonsgegevens ingezien").is_visible()

    # The logboek fits a 1,366 px screen: neither the page nor its table scrolls sideways.
    page.set_viewport_size({"width": 1366, "height": 768})
    breedte = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth,"
        " document.querySelector('.wc-tabel-container').scrollWidth,"
        " document.querySelector('.wc-tabel-container').clientWidth]"
    )
    page.screenshot(path=str(Path(tmp_path) / "logboek-1366.png"), full_page=True)
    assert breedte[0] <= breedte[1] and breedte[2] <= breedte[3], breedte

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
    vakjes = page.get_by_role("checkbox")
    assert vakjes.count() == 2
    assert not vakjes.nth(0).is_checked() and not vakjes.nth(1).is_checked()  # nothing ticked
    assert ernstige_schendingen(page) == []
    vakjes.nth(0).check()
    vakjes.nth(1).check()
    page.get_by_role("button", name="Gekozen dossiers bekijken").click()
    page.get_by_role("heading", level=1, name="Inzageverzoek").wait_for()
    assert page.locator("dl").get_by_text(EMAIL).count() == 2
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


# --- Inzage of a full name: everything stored about the person ------------------------------


def test_privacy_officer_inzage_of_a_full_name_contains_every_field(
    page, live_server, browser, transactional_db, regio_a, settings
):
    """Every registered source holds a record of Lotte Peters with every field filled (the
    kandidaat with a voordracht, a plaatsing and its nazorg); searching her full name, ticking
    her records and downloading the inzage gives back every one of those values."""
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    import itertools
    from importlib import import_module

    from django.apps import apps

    from tests.werkcentrum.personen_vullen import gevuld, ontbrekend
    from werkcentrum import personen

    import_module("loket.migrations.0002_themas_doelgroepen").vullen(apps, None)
    import_module("wsp.migrations.0002_clusters_en_sectoren").laden(apps, None)
    officer = MedewerkerFactory(
        regio=regio_a, rollen=["privacy_officer"], first_name="Femke", last_name="Toezicht"
    )
    gids = MedewerkerFactory(regio=regio_a, rollen=["gids"])
    teller = itertools.count(1)
    records = []
    for bron in personen.bronnen():
        obj, delen = gevuld(bron, regio_a, gids, teller)
        model = type(obj)
        # Her name in the searched fields (the kandidaat's split over first and last name),
        # and still a current record (a loket record whose data were erased is not found).
        naam = {bron.zoekvelden[0]: "Lotte Peters"}
        if bron.zoekvelden[:2] == ("voornaam", "achternaam"):
            naam = {"voornaam": "Lotte", "achternaam": "Peters"}
        leeg_mag = ()
        if any(f.name == "persoonsgegevens_verwijderd_op" for f in model._meta.fields):
            naam["persoonsgegevens_verwijderd_op"] = None
            leeg_mag = ("persoonsgegevens_verwijderd_op",)
        model._default_manager.filter(pk=obj.pk).update(**naam)
        obj.refresh_from_db()
        records.append((bron, obj, delen, leeg_mag))

    _inloggen(page, live_server, officer)
    page.goto(f"{live_server.url}/privacy/personen/")
    page.get_by_label(re.compile("Naam, e-mailadres")).fill("Lotte Peters")
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_role("heading", name="Gevonden dossiers").wait_for()
    vakjes = page.get_by_role("checkbox")
    assert vakjes.count() == len(records)
    assert all(not vakjes.nth(i).is_checked() for i in range(vakjes.count()))
    assert ernstige_schendingen(page) == []
    for i in range(vakjes.count()):
        vakjes.nth(i).check()
    page.get_by_role("button", name="Gekozen dossiers bekijken").click()
    page.get_by_role("heading", level=1, name="Inzageverzoek").wait_for()
    samenvatting = page.get_by_role("list", name="Gekozen dossiers per persoon")
    assert samenvatting.get_by_role("listitem").count() == 1
    assert "Lotte Peters" in samenvatting.inner_text()
    assert ernstige_schendingen(page) == []
    with page.expect_download() as download:
        page.get_by_role("link", name="Alles downloaden als JSON").click()
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    dossiers = {d["sleutel"]: d["gegevens"] for d in data["dossiers"]}
    ontbreekt = []
    for bron, obj, delen, leeg_mag in records:
        ontbreekt += ontbrekend(dossiers[f"{bron.code}:{obj.pk}"], obj, delen, leeg_mag)
    assert ontbreekt == []
