"""The inzage export holds everything stored about the person: every field of every registered
person source (and of its onderdelen) is filled with a recognisable value and must come back in
the JSON download. A field added later that the export forgets fails here."""

from __future__ import annotations

import itertools
import json

import pytest
from django.urls import reverse

from tests.werkcentrum.personen_vullen import BRONNEN, ONDERDELEN, gevuld, ontbrekend
from werkcentrum import personen


@pytest.fixture(autouse=True)
def _zonder_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


def test_every_source_and_onderdeel_has_a_builder_here():
    # A new source or onderdeel needs a builder in personen_vullen.py.
    bronnen = {b.model for b in personen.bronnen()}
    onderdelen = {o.model for b in personen.bronnen() for o in b.onderdelen}
    assert bronnen == set(BRONNEN) and onderdelen == set(ONDERDELEN)


def test_inzage_export_holds_every_field_of_every_person_source(client, maak_gebruiker, regio_a):
    client.force_login(maak_gebruiker("privacy_officer"))
    gids = maak_gebruiker("gids")
    teller = itertools.count(1)
    records = [(bron, *gevuld(bron, regio_a, gids, teller)) for bron in personen.bronnen()]

    response = client.get(
        reverse("privacy:inzage_export", args=["json"]),
        {"dossier": [f"{b.code}:{obj.pk}" for b, obj, _d in records]},
    )
    assert response.status_code == 200
    dossiers = {d["sleutel"]: d["gegevens"] for d in json.loads(response.content)["dossiers"]}
    ontbreekt = []
    for bron, obj, delen in records:
        ontbreekt += ontbrekend(dossiers[f"{bron.code}:{obj.pk}"], obj, delen)
    assert ontbreekt == []
