"""API: gesprekken create/list, diensten read, partner status updates; same scoping."""

import pytest

from loket.models import Doorverwijzing, Gesprek
from tests.loket.factories import DienstFactory, DoorverwijzingFactory, GesprekFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(client, maak_gebruiker, settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False

    def als(*rollen, **kw):
        user = maak_gebruiker(*rollen, **kw)
        client.force_login(user)
        return user

    return als


def test_gids_creates_and_lists_gesprekken_of_own_regio(client, api, regio_a, regio_b):
    api("gids")
    GesprekFactory(regio=regio_b)
    data = {
        "kanaal": "telefoon",
        "doelgroep": "ww",
        "themas": ["werk-zoeken", "scholing"],
        "uitkomst": "informatie",
    }
    response = client.post("/api/v1/loket/gesprekken/", data, content_type="application/json")
    assert response.status_code == 201, response.content
    assert sorted(response.json()["themas"]) == ["scholing", "werk-zoeken"]
    lijst = client.get("/api/v1/loket/gesprekken/").json()["results"]
    assert [g["id"] for g in lijst] == [Gesprek.objects.get(regio=regio_a).pk]
    assert sorted(lijst[0]["themas"]) == ["scholing", "werk-zoeken"]  # from the prefetched list


def test_gesprek_api_refuses_bad_input_with_field_messages(client, api):
    api("gids")
    data = {
        "kanaal": "inloop",
        "doelgroep": "ww",
        "themas": ["werk-zoeken"],
        "uitkomst": "informatie",
        "notitie": "bel 0612345678",
    }
    response = client.post("/api/v1/loket/gesprekken/", data, content_type="application/json")
    assert response.status_code == 400 and "notitie" in response.json()
    assert Gesprek.objects.count() == 0


def test_diensten_are_read_only_and_scoped(client, api, regio_a, regio_b):
    api("gids")
    eigen = DienstFactory(regio=regio_a)
    DienstFactory(regio=regio_b)
    assert [d["id"] for d in client.get("/api/v1/loket/diensten/").json()["results"]] == [eigen.pk]
    assert client.post("/api/v1/loket/diensten/", {}).status_code in (403, 405)


def test_partner_updates_status_of_own_referral_only(client, api, regio_a):
    eigen = DoorverwijzingFactory(regio=regio_a)
    andere = DoorverwijzingFactory(regio=regio_a)
    api("partnermedewerker", organisatie=eigen.organisatie)
    assert [d["id"] for d in client.get("/api/v1/loket/doorverwijzingen/").json()["results"]] == [
        eigen.pk
    ]
    url = f"/api/v1/loket/doorverwijzingen/{eigen.pk}/status/"
    response = client.patch(url, {"status": "ontvangen"}, content_type="application/json")
    assert response.status_code == 200 and response.json()["status"] == "ontvangen"
    assert "naam" not in response.json()
    response = client.patch(url, {"status": "verstuurd"}, content_type="application/json")
    assert response.status_code == 400
    other = f"/api/v1/loket/doorverwijzingen/{andere.pk}/status/"
    assert (
        client.patch(other, {"status": "ontvangen"}, content_type="application/json").status_code
        == 404
    )
    eigen.refresh_from_db()
    assert eigen.status == Doorverwijzing.Status.ONTVANGEN


def test_gids_cannot_move_a_partner_status_via_api(client, api, regio_a):
    dv = DoorverwijzingFactory(regio=regio_a)
    api("gids")
    response = client.patch(
        f"/api/v1/loket/doorverwijzingen/{dv.pk}/status/",
        {"status": "ontvangen"},
        content_type="application/json",
    )
    assert response.status_code == 403
