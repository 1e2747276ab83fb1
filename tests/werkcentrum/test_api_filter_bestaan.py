"""Issue 20 point 11: an API list filter on a related object (?vacature=<id>) must not tell
whether an id exists in another regio. Generated over every list endpoint of the API: for
each model-choice filter of a regio-owned model, another regio's id and an id that exists
nowhere get the same answer."""

from __future__ import annotations

import django_filters
import pytest
from django.urls import get_resolver, reverse

from tests.factories import MedewerkerFactory, RegioFactory
from tests.werkcentrum.test_api_relaties import FREMD, NIET_BESTAAND, _routes
from tests.wsp.factories import PlaatsingFactory
from werkcentrum.rollen import ROLLEN
from werkcentrum.tenancy import is_regio_model
from wsp.models import Plaatsing

pytestmark = pytest.mark.django_db

MODELKEUZE = (django_filters.ModelChoiceFilter, django_filters.ModelMultipleChoiceFilter)
VREEMD = {**FREMD, Plaatsing: lambda r: PlaatsingFactory(regio=r)}


def _lijst_filters():
    """(url name, filter name, model) for every regio-model choice filter of an API list."""
    gezien = set()
    for pad, patroon in _routes(get_resolver().url_patterns):
        viewset = getattr(patroon.callback, "cls", None)
        acties = getattr(patroon.callback, "actions", None) or {}
        if not pad.startswith("api/v1/") or viewset is None or acties.get("get") != "list":
            continue
        filterset = getattr(viewset, "filterset_class", None)
        for naam, filter_ in filterset.base_filters.items() if filterset else []:
            if not isinstance(filter_, MODELKEUZE):
                continue
            model = getattr(filter_.queryset, "model", None)
            if model is None:  # a callable queryset: the model behind the field (path)
                model = filterset._meta.model
                for deel in filter_.field_name.split("__"):
                    model = model._meta.get_field(deel).related_model
            if is_regio_model(model) and (patroon.name, naam) not in gezien:
                gezien.add((patroon.name, naam))
                yield patroon.name, naam, model


FILTERS = sorted(_lijst_filters(), key=lambda f: (f[0], f[1]))


def test_de_wandeling_vindt_de_gegenereerde_filters():
    gevonden = {(u, n) for u, n, _m in FILTERS}
    assert {("wsp-voordracht-list", "vacature"), ("wsp-nazorgmoment-list", "plaatsing")} <= gevonden


@pytest.mark.parametrize(
    ("url_naam", "naam", "model"), FILTERS, ids=[f"{u}?{n}" for u, n, _m in FILTERS]
)
def test_een_filter_zegt_niet_of_een_id_elders_bestaat(client, settings, url_naam, naam, model):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    regio_a, regio_b = RegioFactory(), RegioFactory()
    client.force_login(MedewerkerFactory(regio=regio_a, rollen=list(ROLLEN)))
    assert model in VREEMD, f"Voeg {model.__name__} toe aan VREEMD"
    vreemd = VREEMD[model](regio_b)
    url = reverse(url_naam)
    antwoorden = {
        soort: client.get(url, {naam: pk})
        for soort, pk in (("vreemd", vreemd.pk), ("onbekend", NIET_BESTAAND))
    }
    assert antwoorden["vreemd"].status_code == antwoorden["onbekend"].status_code
    assert antwoorden["vreemd"].json() == antwoorden["onbekend"].json()
