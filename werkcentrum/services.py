"""Writes of the core domain."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .models import Hartslag


@transaction.atomic
def hartslag_registreren(*, naam: str) -> Hartslag:
    """Record that process `naam` is alive now."""
    nu = timezone.now()
    bijgewerkt = Hartslag.objects.filter(naam=naam).update(laatst=nu, aantal=F("aantal") + 1)
    if not bijgewerkt:
        Hartslag.objects.get_or_create(naam=naam, defaults={"laatst": nu, "aantal": 1})
    return Hartslag.objects.get(naam=naam)
