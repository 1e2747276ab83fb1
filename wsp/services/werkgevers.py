"""Writes on werkgevers (accounts), vestigingen, contactpersonen and contactmomenten."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from werkcentrum.models import Arbeidsmarktregio, Medewerker

from ..models import (
    Contactmoment,
    Contactpersoon,
    Vestiging,
    Werkgever,
)
from .rechten import _opslaan, _vereist_bewerkrecht


@transaction.atomic
def werkgever_registreren(
    *, regio: Arbeidsmarktregio, door: Medewerker, accountteam=(), **velden: Any
) -> Werkgever:
    werkgever = _opslaan(Werkgever(regio=regio), **velden)
    if accountteam:
        werkgever.accountteam.set(accountteam)
    return werkgever


@transaction.atomic
def werkgever_bijwerken(
    *, werkgever: Werkgever, door: Medewerker, accountteam=None, **velden: Any
) -> Werkgever:
    _vereist_bewerkrecht(door, werkgever)
    _opslaan(werkgever, **velden)
    if accountteam is not None:
        werkgever.accountteam.set(accountteam)
    return werkgever


@transaction.atomic
def vestiging_toevoegen(*, werkgever: Werkgever, door: Medewerker, **velden: Any) -> Vestiging:
    _vereist_bewerkrecht(door, werkgever)
    if velden.get("gemeente") and velden["gemeente"].regio_id != werkgever.regio_id:
        raise ValidationError({"gemeente": _("Deze gemeente hoort bij een andere regio.")})
    return _opslaan(Vestiging(werkgever=werkgever), **velden)


@transaction.atomic
def contactpersoon_toevoegen(
    *, werkgever: Werkgever, door: Medewerker, **velden: Any
) -> Contactpersoon:
    _vereist_bewerkrecht(door, werkgever)
    return _opslaan(Contactpersoon(werkgever=werkgever), **velden)


@transaction.atomic
def contactmoment_registreren(
    *, werkgever: Werkgever, door: Medewerker, **velden: Any
) -> Contactmoment:
    _vereist_bewerkrecht(door, werkgever)
    return _opslaan(Contactmoment(werkgever=werkgever, medewerker=door), **velden)


@transaction.atomic
def opvolging_afronden(*, contactmoment: Contactmoment, door: Medewerker) -> None:
    _vereist_bewerkrecht(door, contactmoment.werkgever)
    Contactmoment.objects.filter(pk=contactmoment.pk).update(opvolging_afgerond=True)
