"""Leden of an overlegorgaan are persons (name, e-mail): the secretariaat says why before a
lid's page opens and that purpose is logged; the ledenlijst logs exactly the leden it shows."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from rba.models import Lid
from tests.rba.factories import LidFactory, OverlegorgaanFactory
from werkcentrum.doelbinding import KEUZE_VELD
from werkcentrum.models import AuditEvent

pytestmark = pytest.mark.django_db

VRAAG = "Waarom open je dit dossier?"


@pytest.fixture(autouse=True)
def _geen_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


@pytest.fixture
def wethouder(rba) -> Lid:
    return LidFactory(orgaan=rba, naam="Wethouder Voorbeeld", email="wethouder@voorbeeld.nl")


def _url(lid: Lid) -> str:
    return reverse("rba:lid", args=[lid.orgaan_id, lid.pk])


def _gelogd() -> list[AuditEvent]:
    """Every event but the login of the test user."""
    return list(AuditEvent.objects.exclude(event="ingelogd"))


def _wijziging(lid: Lid, **velden) -> dict:
    return {"naam": lid.naam, "email": lid.email, "rol": lid.rol, "van": "2023-01-01", **velden}


# --- a lid's page --------------------------------------------------------------------------


def test_lid_page_asks_why_first_and_shows_nothing_personal(client, secretariaat, wethouder):
    client.force_login(secretariaat)
    response = client.get(_url(wethouder))
    html = response.content.decode()
    assert response.status_code == 200 and VRAAG in html
    assert "Wethouder Voorbeeld" not in html and "wethouder@voorbeeld.nl" not in html
    assert 'value="ledenadministratie"' in html
    assert _gelogd() == []


def test_lid_page_opens_with_the_secretariaat_purpose_and_logs_it_once(
    client, secretariaat, wethouder
):
    client.force_login(secretariaat)
    response = client.post(_url(wethouder), {KEUZE_VELD: "ledenadministratie"})
    assert response.status_code == 302 and response["Location"] == _url(wethouder)
    html = client.get(_url(wethouder)).content.decode()
    assert VRAAG not in html and "wethouder@voorbeeld.nl" in html
    [event] = _gelogd()
    assert (event.event, event.doel, event.object_id, event.gebruiker) == (
        "persoonsgegevens_ingezien",
        "ledenadministratie",
        str(wethouder.pk),
        secretariaat,
    )
    assert event.content_type.model == "lid"


def test_lid_page_refuses_a_purpose_of_another_role_in_dutch_and_logs_nothing(
    client, secretariaat, wethouder
):
    client.force_login(secretariaat)
    response = client.post(_url(wethouder), {KEUZE_VELD: "bemiddeling"})  # a WSP purpose
    html = response.content.decode()
    assert response.status_code == 400
    assert "Dit doel hoort niet bij je rol" in html and "wethouder@voorbeeld.nl" not in html
    assert VRAAG in client.get(_url(wethouder)).content.decode()
    assert _gelogd() == []


def test_a_change_without_a_purpose_changes_nothing(client, secretariaat, wethouder):
    client.force_login(secretariaat)
    response = client.post(_url(wethouder), _wijziging(wethouder, naam="Andere Naam"))
    assert VRAAG in response.content.decode()
    wethouder.refresh_from_db()
    assert wethouder.naam == "Wethouder Voorbeeld"
    assert _gelogd() == []


def test_a_change_carries_the_chosen_purpose_into_its_event(
    client, superuser, wethouder, kies_doel
):
    # The secretariaat has one purpose; the platform superuser may choose any, which shows
    # the chosen one (not a fixed one) reaches the change event.
    client.force_login(superuser)
    kies_doel(client, wethouder, "toezicht")
    response = client.post(_url(wethouder), _wijziging(wethouder, functie="Wethouder Werk"))
    assert response.status_code == 302
    [event] = _gelogd()
    assert (event.event, event.actie, event.doel) == (
        "persoonsgegevens_gewijzigd",
        AuditEvent.Actie.GEWIJZIGD,
        "toezicht",
    )


def test_a_superusers_read_carries_the_lids_regio_to_that_regios_privacy_officer(
    client, superuser, wethouder, kies_doel, maak_gebruiker, regio_b
):
    # The superuser has no regio: the event takes the regio of the lid (through its orgaan),
    # or regio A's privacy officer would never see who read this person's record.
    client.force_login(superuser)
    kies_doel(client, wethouder, "toezicht")
    assert client.get(_url(wethouder)).status_code == 200
    [event] = _gelogd()
    assert (event.event, event.regio_id) == ("persoonsgegevens_ingezien", wethouder.orgaan.regio_id)

    betrokkene = {"betrokkene": f"rba.lid:{wethouder.pk}"}
    client.force_login(maak_gebruiker("privacy_officer"))
    response = client.get(reverse("privacy:logboek"), betrokkene)
    assert [e.pk for e in response.context["rows"]] == [event.pk]
    client.force_login(maak_gebruiker("privacy_officer", regio=regio_b))
    response = client.get(reverse("privacy:logboek"))
    assert event.pk not in {e.pk for e in response.context["rows"]}


def test_a_new_lid_form_holds_no_person_and_asks_nothing(client, secretariaat, rba):
    client.force_login(secretariaat)
    url = reverse("rba:lid_nieuw", args=[rba.pk])
    assert VRAAG not in client.get(url).content.decode()
    response = client.post(
        url, {"naam": "Nieuw Lid", "email": "nieuw@voorbeeld.nl", "rol": "lid", "van": "2025-01-01"}
    )
    assert response.status_code == 302
    [event] = _gelogd()
    assert (event.actie, event.doel) == (AuditEvent.Actie.AANGEMAAKT, "ledenadministratie")


def test_a_lid_of_another_regio_is_404_before_any_question(
    client, maak_gebruiker, wethouder, regio_b
):
    client.force_login(maak_gebruiker("rba_secretariaat", regio=regio_b))
    assert client.get(_url(wethouder)).status_code == 404


# --- the ledenlijst ------------------------------------------------------------------------


@pytest.mark.parametrize("rol", ["rba_secretariaat", "rba_lid"])
def test_ledenlijst_logs_exactly_the_leden_it_shows(client, maak_gebruiker, rba, wethouder, rol):
    oud = LidFactory(orgaan=rba, naam="Oud Lid", van=date(2019, 1, 1), tot=date(2020, 12, 31))
    elders = LidFactory(orgaan=OverlegorgaanFactory(regio=rba.regio, afkorting="WG"))
    client.force_login(maak_gebruiker(rol))

    html = client.get(reverse("rba:orgaan", args=[rba.pk])).content.decode()

    [event] = _gelogd()
    assert event.event == "rba_ledenlijst_ingezien"
    assert event.object_id == str(rba.pk) and event.content_type.model == "overlegorgaan"
    assert event.details["context"] == f"orgaan {rba.pk}"
    assert sorted(event.details["leden"]) == sorted([wethouder.pk, oud.pk])
    assert "Wethouder Voorbeeld" in html and "Oud Lid" in html and elders.naam not in html
