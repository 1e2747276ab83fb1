"""Audit events of the regionale reserve: one function per event, all through
`werkcentrum.audit.vastleggen` (inside the caller's transaction)."""

from __future__ import annotations

from typing import Any

from django.db import models

from werkcentrum.audit import vastleggen
from werkcentrum.models import AuditEvent

DOEL = "beheer regionale reserve"


def mutatie_geboekt(mutatie: models.Model, *, user: Any) -> AuditEvent:
    return vastleggen(
        actie=AuditEvent.Actie.AANGEMAAKT,
        event="financien_mutatie_geboekt",
        user=user,
        obj=mutatie,
        doel=DOEL,
        details={
            "soort": mutatie.soort,
            "bedrag": str(mutatie.bedrag),
            "geldstroom": mutatie.geldstroom_id,
            "besluit": mutatie.besluit_id,
            "verplichting": mutatie.verplichting_id,
            "corrigeert": mutatie.corrigeert_id,
        },
    )


def stamgegeven_vastgelegd(
    obj: models.Model, *, user: Any, nieuw: bool, velden: list[str]
) -> AuditEvent:
    return vastleggen(
        actie=AuditEvent.Actie.AANGEMAAKT if nieuw else AuditEvent.Actie.GEWIJZIGD,
        event=f"financien_{obj._meta.model_name}_{'aangemaakt' if nieuw else 'gewijzigd'}",
        user=user,
        obj=obj,
        doel=DOEL,
        details={"velden": sorted(velden)},
    )


def geexporteerd(*, user: Any, wat: str, details: dict[str, Any] | None = None) -> AuditEvent:
    return vastleggen(
        actie=AuditEvent.Actie.GEEXPORTEERD,
        event="financien_geexporteerd",
        user=user,
        doel=DOEL,
        details={"wat": wat, **(details or {})},
    )


def geimporteerd(*, user: Any, aantal: int, bestand: str) -> AuditEvent:
    return vastleggen(
        actie=AuditEvent.Actie.AANGEMAAKT,
        event="financien_geimporteerd",
        user=user,
        doel=DOEL,
        details={"aantal": aantal, "bestand": bestand},
    )
