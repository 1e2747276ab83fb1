"""Writes on vacatures."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from werkcentrum.models import Medewerker

from ..models import (
    Vacature,
    Werkgever,
)
from .rechten import _met_nieuwe_skills, _opslaan, _vereist_bewerkrecht


@transaction.atomic
def vacature_registreren(
    *,
    werkgever: Werkgever,
    door: Medewerker,
    skills=(),
    nieuwe_skills: list[str] | None = None,
    **velden: Any,
) -> Vacature:
    _vereist_bewerkrecht(door, werkgever)
    vacature = _opslaan(Vacature(regio_id=werkgever.regio_id, werkgever=werkgever), **velden)
    vacature.skills.set(_met_nieuwe_skills(skills, nieuwe_skills))
    return vacature


@transaction.atomic
def vacature_bijwerken(
    *,
    vacature: Vacature,
    door: Medewerker,
    skills=None,
    nieuwe_skills: list[str] | None = None,
    **velden: Any,
) -> Vacature:
    _vereist_bewerkrecht(door, vacature.werkgever)
    _opslaan(vacature, **velden)
    if skills is not None or nieuwe_skills:
        vacature.skills.set(_met_nieuwe_skills(skills, nieuwe_skills))
    return vacature


def vacatures_laten_verlopen(*, vandaag: date | None = None) -> int:
    """Open vacatures past their closing date become verlopen. Idempotent."""
    vandaag = vandaag or timezone.localdate()
    return Vacature.objects.filter(
        status__in=[Vacature.Status.OPEN, Vacature.Status.IN_BEHANDELING],
        sluitingsdatum__lt=vandaag,
    ).update(status=Vacature.Status.VERLOPEN)
