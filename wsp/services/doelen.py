"""Activiteiten for the factsheet."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from werkcentrum.models import Arbeidsmarktregio, Medewerker

from ..models import (
    Activiteit,
)
from .rechten import _opslaan


@transaction.atomic
def activiteit_registreren(
    *, regio: Arbeidsmarktregio, door: Medewerker, **velden: Any
) -> Activiteit:
    return _opslaan(Activiteit(regio=regio), **velden)
