from datetime import date

import pytest
from rest_framework.test import APIClient

from rba.models import Besluit, Vergadering
from tests.rba.factories import (
    ActieFactory,
    BesluitFactory,
    OverlegorgaanFactory,
    VergaderingFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


def test_public_besluiten_without_login(api, rba, regio_b):
    BesluitFactory(orgaan=rba, titel="Openbaar")
    BesluitFactory(orgaan=rba, titel="Besloten", openbaar=False)
    BesluitFactory(orgaan=OverlegorgaanFactory(regio=regio_b), titel="Elders")
    r = api.get("/api/v1/rba/openbare-besluiten/", {"regio": "zkij"})
    assert r.status_code == 200
    assert [b["titel"] for b in r.json()["results"]] == ["Openbaar"]
    nummer = r.json()["results"][0]["nummer"]
    assert (
        api.get(f"/api/v1/rba/openbare-besluiten/{nummer}/", {"regio": "zkij"}).status_code == 200
    )
    assert api.get("/api/v1/rba/openbare-besluiten/", {"regio": "bestaatniet"}).status_code == 404


def test_staff_endpoints_need_login_and_role(api, gids, rba):
    assert api.get("/api/v1/rba/besluiten/").status_code in (401, 403)
    api.force_authenticate(gids)
    assert api.get("/api/v1/rba/besluiten/").status_code == 403


def test_secretariaat_records_a_besluit_via_the_api_and_cannot_change_it(api, secretariaat, rba):
    api.force_authenticate(secretariaat)
    r = api.post(
        "/api/v1/rba/besluiten/",
        {
            "orgaan": rba.pk,
            "datum": "2025-06-11",
            "titel": "Inzet",
            "besluittekst": "x",
            "type": "inzet_regionale_middelen",
            "status": "genomen",
        },
        format="json",
    )
    assert r.status_code == 400 and "bedrag" in r.json()
    r = api.post(
        "/api/v1/rba/besluiten/",
        {
            "orgaan": rba.pk,
            "datum": "2025-06-11",
            "titel": "Inzet",
            "besluittekst": "x",
            "type": "inzet_regionale_middelen",
            "status": "genomen",
            "besluitvorming": "schriftelijk",
            "bedrag": "200000.00",
        },
        format="json",
    )
    assert r.status_code == 201 and r.json()["nummer"] == "RBA-2025-001"
    pk = r.json()["id"]
    assert (
        api.patch(f"/api/v1/rba/besluiten/{pk}/", {"titel": "y"}, format="json").status_code == 405
    )
    assert api.delete(f"/api/v1/rba/besluiten/{pk}/").status_code in (403, 405)
    assert Besluit.objects.get(pk=pk).titel == "Inzet"


def test_scoping_in_the_api(api, maak_gebruiker, regio_b, rba):
    VergaderingFactory(orgaan=rba, status=Vergadering.Status.AGENDA_GEPUBLICEERD)
    ActieFactory(orgaan=rba)
    vreemde = maak_gebruiker("rba_secretariaat", regio=regio_b)
    api.force_authenticate(vreemde)
    for pad in ("vergaderingen", "besluiten", "acties"):
        assert api.get(f"/api/v1/rba/{pad}/").json()["count"] == 0
    r = api.post(
        "/api/v1/rba/acties/",
        {
            "orgaan": rba.pk,
            "omschrijving": "x",
            "deadline": "2025-01-01",
            "eigenaar_naam": "a",
            "eigenaar_email": "a@b.nl",
        },
        format="json",
    )
    assert r.status_code == 400  # another regio's orgaan is not a valid choice


def test_lid_reads_published_meetings_only(api, lid, rba):
    VergaderingFactory(orgaan=rba)
    gepubliceerd = VergaderingFactory(orgaan=rba, status=Vergadering.Status.AGENDA_GEPUBLICEERD)
    api.force_authenticate(lid)
    assert [v["id"] for v in api.get("/api/v1/rba/vergaderingen/").json()["results"]] == [
        gepubliceerd.pk
    ]
    assert api.post("/api/v1/rba/acties/", {}, format="json").status_code == 403


def test_acties_via_api(api, secretariaat, rba):
    api.force_authenticate(secretariaat)
    r = api.post(
        "/api/v1/rba/acties/",
        {"orgaan": rba.pk, "omschrijving": "Rapport", "deadline": "2025-07-01"},
        format="json",
    )
    assert r.status_code == 400 and "eigenaar" in r.json()
    r = api.post(
        "/api/v1/rba/acties/",
        {
            "orgaan": rba.pk,
            "omschrijving": "Rapport",
            "deadline": "2025-07-01",
            "eigenaar": secretariaat.pk,
        },
        format="json",
    )
    assert r.status_code == 201
    r = api.patch(f"/api/v1/rba/acties/{r.json()['id']}/", {"status": "afgerond"}, format="json")
    assert r.status_code == 200 and r.json()["afgerond_op"] == date.today().isoformat()
