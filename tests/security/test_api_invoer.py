"""Regressions of what schemathesis found in the API: filter values the field cannot hold are
a 400 naming the parameter (never a 500), and the schema describes what the API returns
(nullable fields, local times without a UTC offset)."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from werkcentrum.api_schema import TIJD_PATROON
from werkcentrum.rollen import ROLLEN


@pytest.fixture
def api(maak_gebruiker, settings) -> Client:
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    client = Client()
    client.force_login(maak_gebruiker(*ROLLEN))
    return client


@pytest.mark.parametrize(
    ("pad", "param", "waarde"),
    [
        ("/api/v1/wsp/kandidaten/", "actief", "ýI\x87"),  # not true/false
        ("/api/v1/wsp/vacatures/", "werkgever", "null"),  # not an id
        ("/api/v1/wsp/werkgevers/", "gemeente", "false"),
        ("/api/v1/wsp/nazorgmomenten/", "plaatsing", "{'a': []}"),
        ("/api/v1/wsp/plaatsingen/", "jaar", "3055698216796650733568"),  # beyond any date
        ("/api/v1/wsp/plaatsingen/", "jaar", "²"),
    ],
)
def test_een_onmogelijke_filterwaarde_is_een_400_met_de_parameter(api, pad, param, waarde):
    response = api.get(pad, {param: waarde})
    assert response.status_code == 400
    assert param in response.json()


def test_een_goede_filterwaarde_filtert_gewoon(api, regio_a):
    assert api.get("/api/v1/wsp/plaatsingen/", {"jaar": "2026"}).status_code == 200
    from tests.wsp.factories import KandidaatFactory

    # A name of their own: the package's demo data may be loaded already (test order).
    actief = KandidaatFactory(regio=regio_a, actief=True, achternaam="Filtertoets")
    inactief = KandidaatFactory(regio=regio_a, actief=False, achternaam="Filtertoets")
    for waarde, verwacht in [("true", actief.pk), ("false", inactief.pk)]:
        response = api.get("/api/v1/wsp/kandidaten/", {"actief": waarde, "zoek": "Filtertoets"})
        assert response.status_code == 200, waarde
        assert [k["id"] for k in response.json()["results"]] == [verwacht]


def test_een_jaar_met_unicode_cijfers_in_de_begroting_geeft_niets(api):
    """'²'.isdigit() is true, int('²') is not: that was a 500."""
    response = api.get("/api/v1/financien/begroting/", {"jaar": "²"})
    assert response.status_code == 200 and response.json()["count"] == 0


def test_het_schema_beschrijft_null_en_lokale_tijden(api):
    schema = api.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    velden = schema["components"]["schemas"]
    for model, veld in [
        ("Werkgever", "cluster"),
        ("Gesprek", "bezoekcode"),
        ("Besluit", "vervangt_nummer"),
    ]:
        assert velden[model]["properties"][veld].get("nullable") is True, (model, veld)
    for model, veld in [("Openingstijd", "begintijd"), ("Vergadering", "aanvang")]:
        eigenschap = velden[model]["properties"][veld]
        # JSON Schema's "time" demands a UTC offset; ours are wall-clock times.
        assert eigenschap["format"] == "partial-time"
        assert eigenschap["pattern"] == TIJD_PATROON
    assert re.match(TIJD_PATROON, "13:00:00") and re.match(TIJD_PATROON, "09:30")
    assert not re.match(TIJD_PATROON, "25:00")


@pytest.mark.parametrize(
    ("pad", "params"),
    [
        ("/api/v1/wsp/werkgevers/", {"naam": "a\x00b"}),
        ("/api/v1/wsp/vacatures/", {"status": "\x00"}),
        ("/api/v1/rba/openbare-besluiten/", {"regio": "zkij\x00"}),
        ("/zkij/vacatures/", {"q\x00": "zorg"}),
    ],
)
def test_een_nul_teken_in_de_query_is_een_400(api, regio_a, pad, params):
    """PostgreSQL refuses NUL in any text comparison; that was a 500 there."""
    assert api.get(pad, params).status_code == 400
