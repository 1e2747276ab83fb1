"""The warme overdracht under /api/v1/wsp/overdrachten/: partners' own systems offer, the WSP
decides, with the UI's consent, scoping and audit rules."""

import pytest
from rest_framework.test import APIClient

from tests.factories import GemeenteFactory, OrganisatieFactory
from tests.wsp.factories import OverdrachtFactory, VacatureFactory
from werkcentrum.models import AuditEvent, Organisatie
from wsp.models import Kandidaat, Overdracht

pytestmark = pytest.mark.django_db

URL = "/api/v1/wsp/overdrachten/"


@pytest.fixture
def api(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    return APIClient()


@pytest.fixture
def gemeente_org(regio_a):
    return OrganisatieFactory(regio=regio_a, naam="Gemeente Velsen", type=Organisatie.Type.GEMEENTE)


@pytest.fixture
def klantmanager(maak_gebruiker, gemeente_org):
    return maak_gebruiker("partnermedewerker", organisatie=gemeente_org)


def _invoer(gemeente, **extra):
    return {
        "voornaam": "Sanne",
        "achternaam": "Voorbeeld",
        "email": "sanne@example.org",
        "woongemeente": gemeente.pk,
        "doelgroep": "ww",
        "opleidingsniveau": "mbo3",
        "gewenst_beroep": "Logistiek medewerker",
        "toestemming": True,
        "toestemming_gegevens": "naam, contactgegevens, opleiding en wensen",
        **extra,
    }


def test_partner_offers_and_the_organisation_decides_the_bron(api, consulent, uwv, haarlem):
    api.force_authenticate(consulent)
    r = api.post(URL, _invoer(haarlem), format="json")
    assert r.status_code == 201, r.json()
    data = r.json()
    assert data["bron"] == "uwv" and data["organisatie"] == uwv.pk
    assert data["status"] == "aangeboden" and data["ketenstatus"] == "aangeboden"
    assert data["toestemming_door"] == consulent.pk and data["toestemming_op"]
    assert "toestemming" not in data  # the request's yes is recorded as who/when/what
    overdracht = Overdracht.objects.get()
    assert overdracht.toestemming_gegevens == "naam, contactgegevens, opleiding en wensen"
    assert AuditEvent.objects.filter(
        object_id=str(overdracht.pk), actie=AuditEvent.Actie.AANGEMAAKT
    ).exists()


def test_ketenstatus_and_bron_cannot_be_written(api, consulent, haarlem):
    api.force_authenticate(consulent)
    r = api.post(
        URL,
        _invoer(haarlem, bron="werkcentrum", status="aangenomen", ketenstatus="geplaatst"),
        format="json",
    )
    assert r.status_code == 201
    assert (r.json()["bron"], r.json()["status"], r.json()["ketenstatus"]) == (
        "uwv",
        "aangeboden",
        "aangeboden",
    )


def test_offer_for_a_vacature_of_the_krant(api, consulent, regio_a, haarlem):
    from datetime import timedelta

    from django.utils import timezone

    open_ = VacatureFactory(
        werkgever__regio=regio_a,
        is_openbaar=True,
        status="open",
        sluitingsdatum=timezone.localdate() + timedelta(days=10),
    )
    api.force_authenticate(consulent)
    r = api.post(URL, _invoer(haarlem, vacature=open_.pk), format="json")
    assert r.status_code == 201, r.json()
    assert r.json()["vacature"] == open_.pk
    intern = VacatureFactory(werkgever__regio=regio_a, is_openbaar=False)
    r = api.post(URL, _invoer(haarlem, voornaam="Ander", vacature=intern.pk), format="json")
    assert r.status_code == 400 and r.json()["vacature"] == ["Onbekend in jouw regio."]


def test_bad_input_gets_dutch_messages_and_saves_nothing(api, consulent, regio_a, regio_b, haarlem):
    api.force_authenticate(consulent)
    zonder = api.post(URL, _invoer(haarlem, toestemming=False), format="json")
    assert zonder.status_code == 400
    assert "Zonder toestemming" in zonder.json()["toestemming"][0]
    weggelaten = _invoer(haarlem)
    del weggelaten["toestemming"]
    assert "Zonder toestemming" in api.post(URL, weggelaten, format="json").json()["toestemming"][0]

    elders = GemeenteFactory(regio=regio_b, naam="Amersfoort")
    buiten = api.post(URL, _invoer(elders), format="json")
    assert buiten.status_code == 400
    assert "Kies de woongemeente binnen de regio" in buiten.json()["woongemeente"][0]

    geen_contact = api.post(URL, _invoer(haarlem, email="", telefoon=""), format="json")
    assert geen_contact.status_code == 400
    assert "e-mailadres of telefoonnummer" in str(geen_contact.json())
    assert not Overdracht.objects.exists()

    assert api.post(URL, _invoer(haarlem), format="json").status_code == 201
    dubbel = api.post(URL, _invoer(haarlem), format="json")
    assert dubbel.status_code == 400
    assert "al aan het WSP overgedragen" in dubbel.json()["non_field_errors"][0]
    assert Overdracht.objects.count() == 1


def test_partner_sees_only_its_own_organisations_offers(
    api, consulent, klantmanager, uwv, gemeente_org, regio_a, regio_b
):
    eigen = OverdrachtFactory(regio=regio_a, bron="uwv", organisatie=uwv, aangeboden_door=consulent)
    van_gemeente = OverdrachtFactory(
        regio=regio_a, bron="gemeente", organisatie=gemeente_org, aangeboden_door=klantmanager
    )
    OverdrachtFactory(regio=regio_b)
    api.force_authenticate(consulent)
    assert [o["id"] for o in api.get(URL).json()["results"]] == [eigen.pk]
    assert api.get(f"{URL}{van_gemeente.pk}/?doel=doorverwijzen").status_code == 404
    assert api.get(f"{URL}{eigen.pk}/?doel=doorverwijzen").status_code == 200
    api.force_authenticate(klantmanager)
    assert [o["id"] for o in api.get(URL).json()["results"]] == [van_gemeente.pk]
    assert api.get(f"{URL}{eigen.pk}/?doel=doorverwijzen").status_code == 404


def test_wsp_sees_its_regio_and_not_another(api, adviseur, maak_gebruiker, regio_a, regio_b):
    hier = OverdrachtFactory(regio=regio_a)
    daar = OverdrachtFactory(regio=regio_b)
    api.force_authenticate(adviseur)
    assert [o["id"] for o in api.get(URL).json()["results"]] == [hier.pk]
    assert api.get(f"{URL}{daar.pk}/?doel=bemiddeling").status_code == 404
    assert api.get(URL, {"status": "teruggegeven"}).json()["count"] == 0


def test_reads_are_logged_and_a_detail_needs_a_purpose(api, adviseur, regio_a):
    overdracht = OverdrachtFactory(regio=regio_a)
    api.force_authenticate(adviseur)
    api.get(URL)
    lijst = AuditEvent.objects.get(event="wsp_overdrachtenlijst_ingezien")
    assert lijst.details == {"context": "api", "overdrachten": [overdracht.pk]}
    zonder = api.get(f"{URL}{overdracht.pk}/")
    assert zonder.status_code == 400 and "doel" in zonder.json()
    r = api.get(f"{URL}{overdracht.pk}/?doel=bemiddeling")
    assert r.status_code == 200 and r.json()["voornaam"] == overdracht.voornaam
    assert AuditEvent.objects.filter(
        event="persoonsgegevens_ingezien", object_id=str(overdracht.pk), doel="bemiddeling"
    ).exists()


def test_wsp_accepts_through_the_api_once(api, adviseur, regio_a):
    overdracht = OverdrachtFactory(regio=regio_a)
    api.force_authenticate(adviseur)
    r = api.post(f"{URL}{overdracht.pk}/aannemen/")
    assert r.status_code == 200, r.json()
    kandidaat = Kandidaat.objects.get()
    assert r.json()["status"] == "aangenomen" and r.json()["kandidaat"] == kandidaat.pk
    assert r.json()["ketenstatus"] == "in_bemiddeling"
    nogmaals = api.post(f"{URL}{overdracht.pk}/aannemen/")
    assert nogmaals.status_code == 400
    assert "al beoordeeld" in nogmaals.json()["non_field_errors"][0]
    assert Kandidaat.objects.count() == 1


def test_wsp_returns_through_the_api_with_a_reason(api, manager, regio_a):
    overdracht = OverdrachtFactory(regio=regio_a)
    api.force_authenticate(manager)
    url = f"{URL}{overdracht.pk}/teruggeven/"
    zonder = api.post(url, {}, format="json")
    assert zonder.status_code == 400
    assert zonder.json()["reden_teruggave"] == ["Geef de reden waarom je teruggeeft."]
    leeg = api.post(url, {"reden_teruggave": "  "}, format="json")
    assert leeg.status_code == 400
    assert Overdracht.objects.get(pk=overdracht.pk).status == "aangeboden"
    r = api.post(url, {"reden_teruggave": "Nog niet werkfit"}, format="json")
    assert r.status_code == 200
    assert (
        r.json()["status"] == "teruggegeven" and r.json()["reden_teruggave"] == "Nog niet werkfit"
    )


def test_offerers_cannot_decide_and_the_wsp_cannot_offer(
    api, consulent, adviseur, uwv, regio_a, haarlem
):
    overdracht = OverdrachtFactory(
        regio=regio_a, bron="uwv", organisatie=uwv, aangeboden_door=consulent
    )
    api.force_authenticate(consulent)
    assert api.post(f"{URL}{overdracht.pk}/aannemen/").status_code == 403
    teruggeven = api.post(f"{URL}{overdracht.pk}/teruggeven/", {"reden_teruggave": "x"})
    assert teruggeven.status_code == 403
    api.force_authenticate(adviseur)
    assert api.post(URL, _invoer(haarlem), format="json").status_code == 403
    assert Overdracht.objects.get(pk=overdracht.pk).status == "aangeboden"
    assert Overdracht.objects.count() == 1


def test_another_regios_wsp_cannot_decide(api, maak_gebruiker, regio_a, regio_b):
    overdracht = OverdrachtFactory(regio=regio_a)
    api.force_authenticate(maak_gebruiker("wsp_manager", regio=regio_b))
    assert api.post(f"{URL}{overdracht.pk}/aannemen/").status_code == 404
    assert (
        api.post(f"{URL}{overdracht.pk}/teruggeven/", {"reden_teruggave": "x"}).status_code == 404
    )
    assert not Kandidaat.objects.exists()


def test_roles_without_the_permission_get_403(api, maak_gebruiker):
    api.force_authenticate(maak_gebruiker("rba_lid"))
    assert api.get(URL).status_code == 403
    assert api.get("/api/v1/").status_code == 200
