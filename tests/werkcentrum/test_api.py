import pytest

from tests.factories import LocatieFactory, OpeningstijdFactory


@pytest.fixture
def ingelogd(client, maak_gebruiker, settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    client.force_login(maak_gebruiker("beheerder"))
    return client


def test_openapi_schema_describes_the_v1_endpoints(ingelogd):
    response = ingelogd.get("/api/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert {"/api/v1/locaties/", "/api/v1/organisaties/", "/api/v1/gemeenten/"} <= set(
        schema["paths"]
    )


def test_api_docs_page_loads_without_inline_script(ingelogd):
    response = ingelogd.get("/api/docs/")
    assert response.status_code == 200
    assert "<script>" not in response.text.replace(" ", "")
    assert "unsafe-inline" not in response.headers.get("Content-Security-Policy", "")


def test_schema_needs_login(client, db):
    assert client.get("/api/schema/").status_code in (401, 403)


def test_token_authentication_gives_the_same_scope(client, maak_gebruiker, regio_a, regio_b):
    from werkcentrum.api_tokens import api_token_uitgeven

    user = maak_gebruiker("gids", serviceaccount=True)
    eigen = LocatieFactory(regio=regio_a)
    OpeningstijdFactory(locatie=eigen)
    LocatieFactory(regio=regio_b)
    _record, token = api_token_uitgeven(
        serviceaccount=user,
        naam="Koppeling",
        alleen_lezen=True,
        apps=[],
        geldig_dagen=30,
        door=maak_gebruiker("beheerder"),
    )
    response = client.get("/api/v1/locaties/", HTTP_AUTHORIZATION=f"Token {token}")
    assert response.status_code == 200
    body = response.json()
    assert [loc["id"] for loc in body["results"]] == [eigen.pk]
    assert body["results"][0]["openingstijden"][0]["weekdag"] == 2


def test_api_is_read_only_for_reference_data(ingelogd):
    assert (
        ingelogd.post("/api/v1/gemeenten/", {"naam": "X", "cbs_code": "GM0001"}).status_code == 405
    )
