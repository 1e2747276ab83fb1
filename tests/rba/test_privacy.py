"""Leden of an overlegorgaan in the privacy officer's tools: found, handed over and erased like
any other record with personal data, within the regio; a seat that took part in decisions is
kept without the person."""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from rba.models import Actie, Besluit, Lid, Vergadering
from rba.privacy import ANONIEM
from rba.services import actie_herinneringen_versturen, leden_op
from tests.factories import OrganisatieFactory
from tests.rba.factories import (
    ActieFactory,
    BesluitFactory,
    LidFactory,
    OverlegorgaanFactory,
    VergaderingFactory,
)
from werkcentrum.models import AuditEvent

EMAIL = "w.fictief@voorbeeld.nl"


@pytest.fixture(autouse=True)
def _zonder_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


@pytest.fixture
def fg(client, maak_gebruiker):
    officer = maak_gebruiker("privacy_officer", email="fg@test.werkcentrum.nl")
    client.force_login(officer)
    return officer


@pytest.fixture
def leden(rba, regio_a, regio_b, maak_gebruiker):
    """The same fictional person sits on the RBA (which met during the membership), on a new
    werkgroep (which has not met yet) and, as a namesake, on another regio's RBA."""
    VergaderingFactory(orgaan=rba, datum=date(2024, 5, 1), status=Vergadering.Status.GEHOUDEN)
    zetel = LidFactory(
        orgaan=rba,
        naam="Wim Fictief",
        email=EMAIL,
        functie="Wethouder Werk",
        organisatie=OrganisatieFactory(regio=regio_a, naam="Gemeente Voorbeeld"),
        medewerker=maak_gebruiker("rba_lid"),
        rol=Lid.Rol.VOORZITTER,
        van=date(2023, 1, 1),
    )
    werkgroep = OverlegorgaanFactory(regio=regio_a, afkorting="WG", naam="Werkgroep")
    nieuw = LidFactory(orgaan=werkgroep, naam="Wim Fictief", email=EMAIL, van=date(2025, 1, 1))
    elders = LidFactory(orgaan=OverlegorgaanFactory(regio=regio_b), naam="Wim Fictief", email=EMAIL)
    return {"zetel": zetel, "nieuw": nieuw, "elders": elders}


def _sleutel(lid: Lid) -> str:
    return f"rba.lid:{lid.pk}"


def test_search_finds_the_leden_of_the_regio_by_name_and_email(client, fg, leden):
    for term in ("Wim Fictief", EMAIL):
        response = client.post(reverse("privacy:personen"), {"zoek": term})
        gevonden = {r.sleutel for r in response.context["records"]}
        assert gevonden == {_sleutel(leden["zetel"]), _sleutel(leden["nieuw"])}, term


def test_a_lid_of_another_regio_cannot_be_opened(client, fg, leden):
    response = client.get(reverse("privacy:inzage"), {"dossier": [_sleutel(leden["elders"])]})
    assert response.status_code == 400
    assert EMAIL not in response.content.decode().split("<main", 1)[1]


def test_inzage_hands_over_everything_held_about_the_lid_and_logs_it(client, fg, leden):
    zetel = leden["zetel"]
    response = client.get(
        reverse("privacy:inzage_export", args=["json"]), {"dossier": [_sleutel(zetel)]}
    )
    [dossier] = json.loads(response.content)["dossiers"]
    assert dossier["soort"] == "lid"
    gegevens = dossier["gegevens"]
    assert gegevens["naam"] == "Wim Fictief" and gegevens["e-mailadres"] == EMAIL
    assert gegevens["functie"] == "Wethouder Werk"
    assert gegevens["organisatie"] == "Gemeente Voorbeeld"
    assert gegevens["orgaan"] == "Regionaal Beraad Arbeidsmarkt"
    assert gegevens["rol"] == "voorzitter" and gegevens["lid vanaf"] == "2023-01-01"
    assert gegevens["account in het portaal"] == str(zetel.medewerker)
    gelezen = AuditEvent.objects.get(event="persoonsgegevens_ingezien", gebruiker=fg)
    assert (gelezen.content_type.model, gelezen.object_id) == ("lid", str(zetel.pk))
    assert gelezen.doel == "inzageverzoek"


def test_confirm_page_says_why_a_seat_is_kept(client, fg, leden):
    response = client.get(reverse("privacy:verwijderen"), {"dossier": [_sleutel(leden["zetel"])]})
    assert "openbare besluitvorming" in response.content.decode()


def test_erasure_keeps_a_seat_that_met_without_the_person_and_deletes_the_rest(client, fg, leden):
    zetel, nieuw, elders = leden["zetel"], leden["nieuw"], leden["elders"]
    response = client.post(
        reverse("privacy:verwijderen"),
        {"dossier": [_sleutel(zetel), _sleutel(nieuw)], "reden": "Verzoek per e-mail"},
    )
    assert response.status_code == 302
    vandaag = timezone.localdate()
    zetel.refresh_from_db()
    assert (zetel.naam, zetel.email, zetel.functie, zetel.medewerker) == (ANONIEM, "", "", None)
    # The seat stays in the orgaan's history; the membership ends, so no mail goes to "".
    assert (zetel.rol, zetel.organisatie.naam, zetel.van) == (
        Lid.Rol.VOORZITTER,
        "Gemeente Voorbeeld",
        date(2023, 1, 1),
    )
    assert zetel.tot == vandaag and zetel not in leden_op(zetel.orgaan, date(2099, 1, 1))
    assert not Lid.objects.filter(pk=nieuw.pk).exists()  # the werkgroep never met
    assert Lid.objects.get(pk=elders.pk).email == EMAIL  # other regio untouched
    assert client.post(reverse("privacy:personen"), {"zoek": EMAIL}).context["records"] == []

    verzoek = AuditEvent.objects.get(event="verwijderverzoek_uitgevoerd")
    assert verzoek.gebruiker == fg and verzoek.details["dossiers"] == {
        _sleutel(zetel): "geanonimiseerd",
        _sleutel(nieuw): "verwijderd",
    }
    gewist = AuditEvent.objects.filter(event="persoonsgegevens_verwijderd", gebruiker=fg)
    assert {(e.content_type.model, e.object_id) for e in gewist} == {
        ("lid", str(zetel.pk)),
        ("lid", str(nieuw.pk)),
    }
    assert all(e.regio == fg.regio for e in gewist)
    for event in AuditEvent.objects.all():
        assert EMAIL not in json.dumps(event.details) + event.doel


def test_a_besluit_during_the_membership_also_keeps_the_seat(fg, rba):
    from werkcentrum import personen

    lid = LidFactory(orgaan=rba, van=date(2025, 1, 1), tot=date(2025, 6, 30))
    BesluitFactory(orgaan=rba, datum=date(2025, 3, 19), status=Besluit.Status.GENOMEN)
    records = personen.records_voor(user=fg, sleutels=[_sleutel(lid)])
    uitkomst = personen.persoon_wissen(records=records, reden="Verzoek", door=fg)
    assert uitkomst == {_sleutel(lid): "geanonimiseerd"}
    lid.refresh_from_db()
    assert lid.naam == ANONIEM and lid.tot == date(2025, 6, 30)  # an ended period stays as is


def test_logboek_on_a_lid_finds_the_ledenlijst_that_showed_them(client, fg, rba, maak_gebruiker):
    getoond, ander = LidFactory(orgaan=rba), LidFactory(orgaan=rba, tot=date(2024, 1, 1))
    elders = LidFactory(orgaan=OverlegorgaanFactory(regio=rba.regio, afkorting="WG"))
    secretariaat = Client()
    secretariaat.force_login(maak_gebruiker("rba_secretariaat"))
    assert secretariaat.get(reverse("rba:orgaan", args=[rba.pk])).status_code == 200
    lijst = AuditEvent.objects.get(event="rba_ledenlijst_ingezien")

    for lid, verwacht in ((getoond, {lijst.pk}), (ander, {lijst.pk}), (elders, set())):
        response = client.get(reverse("privacy:logboek"), {"betrokkene": _sleutel(lid)})
        assert {e.pk for e in response.context["rows"]} == verwacht


# --- Acties: an external owner's name and e-mail ------------------------------------------


@pytest.fixture
def acties(rba, regio_b):
    """Two acties owned by the fictional person, one by someone else, one in regio B."""
    eigen = ActieFactory(
        orgaan=rba,
        omschrijving="Notitie arbeidsmarktkrapte opstellen",
        eigenaar_naam="Wim Fictief",
        eigenaar_email=EMAIL,
        deadline=date(2099, 1, 9),
    )
    tweede = ActieFactory(orgaan=rba, eigenaar_naam="Wim Fictief", eigenaar_email=EMAIL)
    ander = ActieFactory(orgaan=rba, eigenaar_naam="Ander Persoon", eigenaar_email="a@b.nl")
    elders = ActieFactory(
        orgaan=OverlegorgaanFactory(regio=regio_b), eigenaar_naam="Wim", eigenaar_email=EMAIL
    )
    return {"eigen": eigen, "tweede": tweede, "ander": ander, "elders": elders}


def _actie(actie: Actie) -> str:
    return f"rba.actie:{actie.pk}"


def test_search_finds_the_acties_of_the_regio_by_owner_name_and_email(client, fg, acties):
    verwacht = {_actie(acties["eigen"]), _actie(acties["tweede"])}
    for term in ("Wim Fictief", EMAIL.upper()):
        response = client.post(reverse("privacy:personen"), {"zoek": term})
        assert {r.sleutel for r in response.context["records"]} == verwacht, term


def test_inzage_hands_over_the_owner_and_the_actie(client, fg, acties):
    eigen = acties["eigen"]
    response = client.get(
        reverse("privacy:inzage_export", args=["json"]), {"dossier": [_actie(eigen)]}
    )
    [dossier] = json.loads(response.content)["dossiers"]
    assert dossier["soort"] == "actie"
    gegevens = dossier["gegevens"]
    assert gegevens["eigenaar (naam)"] == "Wim Fictief"
    assert gegevens["e-mailadres eigenaar"] == EMAIL
    assert gegevens["omschrijving"] == "Notitie arbeidsmarktkrapte opstellen"
    assert gegevens["deadline"] == "2099-01-09" and gegevens["status"] == "open"
    gelezen = AuditEvent.objects.get(event="persoonsgegevens_ingezien", gebruiker=fg)
    assert (gelezen.content_type.model, gelezen.object_id) == ("actie", str(eigen.pk))


def test_confirm_page_says_why_an_actie_is_kept(client, fg, acties):
    response = client.get(reverse("privacy:verwijderen"), {"dossier": [_actie(acties["eigen"])]})
    assert "besluitvorming van het orgaan" in response.content.decode()


def test_erasure_keeps_the_actie_without_its_owner(client, fg, acties):
    eigen, tweede = acties["eigen"], acties["tweede"]
    response = client.post(
        reverse("privacy:verwijderen"),
        {"dossier": [_actie(eigen), _actie(tweede)], "reden": "Verzoek per e-mail"},
    )
    assert response.status_code == 302
    eigen.refresh_from_db()
    assert (eigen.eigenaar_naam, eigen.eigenaar_email) == (ANONIEM, "")
    assert (eigen.omschrijving, eigen.status, eigen.deadline) == (
        "Notitie arbeidsmarktkrapte opstellen",
        Actie.Status.OPEN,
        date(2099, 1, 9),
    )
    assert AuditEvent.objects.get(event="verwijderverzoek_uitgevoerd").details["dossiers"] == {
        _actie(eigen): "geanonimiseerd",
        _actie(tweede): "geanonimiseerd",
    }
    # Anonymised acties are no longer found; the others are untouched.
    assert client.post(reverse("privacy:personen"), {"zoek": ANONIEM}).context["records"] == []
    assert client.post(reverse("privacy:personen"), {"zoek": EMAIL}).context["records"] == []
    assert Actie.objects.get(pk=acties["ander"].pk).eigenaar_naam == "Ander Persoon"
    assert Actie.objects.get(pk=acties["elders"].pk).eigenaar_email == EMAIL


def test_an_actie_without_its_owner_gets_no_reminder(fg, rba):
    from django.core import mail

    from werkcentrum import personen

    actie = ActieFactory(orgaan=rba, eigenaar_email=EMAIL, deadline=date(2025, 5, 9))
    records = personen.records_voor(user=fg, sleutels=[_actie(actie)])
    personen.persoon_wissen(records=records, reden="Verzoek", door=fg)
    assert actie_herinneringen_versturen(vandaag=date(2025, 5, 9)) == 0
    assert mail.outbox == []


def test_pages_listing_acties_log_the_ones_naming_an_outside_owner(client, fg, rba, maak_gebruiker):
    vergadering = VergaderingFactory(orgaan=rba, status=Vergadering.Status.AGENDA_GEPUBLICEERD)
    extern = ActieFactory(orgaan=rba, vergadering=vergadering, eigenaar_naam="Wim Fictief")
    intern = ActieFactory(
        orgaan=rba, vergadering=vergadering, eigenaar=maak_gebruiker("rba_lid"), eigenaar_naam=""
    )
    lezer = Client()
    lezer.force_login(maak_gebruiker("rba_lid"))
    assert lezer.get(reverse("rba:acties")).status_code == 200
    assert lezer.get(reverse("rba:vergadering", args=[vergadering.pk])).status_code == 200
    lijsten = AuditEvent.objects.filter(event="rba_actielijst_ingezien").order_by("pk")
    assert [e.details for e in lijsten] == [
        {"context": "actielijst", "acties": [extern.pk]},
        {"context": f"vergadering {vergadering.pk}", "acties": [extern.pk]},
    ]
    assert all(e.regio == rba.regio for e in lijsten)

    # The privacy officer finds both reads on the actie, none on the medewerker's.
    for actie, verwacht in ((extern, {e.pk for e in lijsten}), (intern, set())):
        response = client.get(reverse("privacy:logboek"), {"betrokkene": _actie(actie)})
        assert {e.pk for e in response.context["rows"]} == verwacht


def test_the_actielijst_logs_every_time_it_is_shown(rba, maak_gebruiker, settings):
    extern = ActieFactory(orgaan=rba, eigenaar_naam="Wim Fictief")
    lezer = Client()
    lezer.force_login(maak_gebruiker("rba_lid"))
    for _ in range(3):
        assert "Wim Fictief" in lezer.get(reverse("rba:acties")).content.decode()
    lijsten = AuditEvent.objects.filter(event="rba_actielijst_ingezien")
    assert [e.details["acties"] for e in lijsten] == [[extern.pk]] * 3


def _actie_url(actie) -> str:
    return reverse("rba:actie", args=[actie.pk])


def test_an_actie_naming_an_outside_owner_asks_why_first_and_logs_the_purpose(
    rba, secretariaat, settings
):
    from werkcentrum.doelbinding import KEUZE_VELD

    settings.WERKCENTRUM_MFA_VERPLICHT = False
    actie = ActieFactory(orgaan=rba, eigenaar_naam="Wim Fictief", eigenaar_email=EMAIL)
    client = Client()
    client.force_login(secretariaat)
    html = client.get(_actie_url(actie)).content.decode()
    assert "Waarom open je dit dossier?" in html and EMAIL not in html
    assert 'value="actielijst"' in html
    assert not AuditEvent.objects.filter(event="persoonsgegevens_ingezien").exists()

    assert client.post(_actie_url(actie), {KEUZE_VELD: "actielijst"}).status_code == 302
    assert EMAIL in client.get(_actie_url(actie)).content.decode()
    [event] = AuditEvent.objects.filter(event="persoonsgegevens_ingezien")
    assert (event.doel, event.object_id, event.gebruiker) == (
        "actielijst",
        str(actie.pk),
        secretariaat,
    )


def test_an_actie_owned_by_a_medewerker_opens_without_a_purpose(
    rba, secretariaat, maak_gebruiker, settings
):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    # Owned by a medewerker and holding no name or e-mail of its own: nobody's data shown.
    actie = ActieFactory(
        orgaan=rba, eigenaar=maak_gebruiker("rba_lid"), eigenaar_naam="", eigenaar_email=""
    )
    client = Client()
    client.force_login(secretariaat)
    html = client.get(_actie_url(actie)).content.decode()
    assert "Waarom open je dit dossier?" not in html and actie.omschrijving[:20] in html
    assert not AuditEvent.objects.filter(event="persoonsgegevens_ingezien").exists()


def test_the_api_logs_every_read_of_an_actie_naming_an_outside_owner(rba, secretariaat, settings):
    from rest_framework.test import APIClient

    settings.WERKCENTRUM_MFA_VERPLICHT = False
    extern = ActieFactory(orgaan=rba, eigenaar_naam="Wim Fictief", eigenaar_email=EMAIL)
    ActieFactory(orgaan=rba, eigenaar=secretariaat, eigenaar_naam="", eigenaar_email="")
    api = APIClient()
    api.force_authenticate(secretariaat)
    for _ in range(2):
        assert api.get("/api/v1/rba/acties/").status_code == 200
    assert api.get(f"/api/v1/rba/acties/{extern.pk}/").json()["eigenaar_email"] == EMAIL
    lijsten = AuditEvent.objects.filter(event="rba_actielijst_ingezien").order_by("pk")
    assert [(e.details["context"], e.details["acties"]) for e in lijsten] == [
        ("api", [extern.pk]),
        ("api", [extern.pk]),
        ("api", [extern.pk]),
    ]
