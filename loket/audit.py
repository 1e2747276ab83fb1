"""Audit events of the loket: one function per event, all through werkcentrum.audit."""

from __future__ import annotations

from django.db import models

from werkcentrum import audit
from werkcentrum.models import AuditEvent, Medewerker


def ingezien(obj: models.Model, *, user: Medewerker, doel: str) -> AuditEvent:
    return audit.persoonsgegevens_ingezien(obj, user=user, doel=doel)


def aangemaakt(obj: models.Model, *, user: Medewerker | None, doel: str) -> AuditEvent:
    return audit.persoonsgegevens_aangemaakt(obj, user=user, doel=doel)


def gewijzigd(
    obj: models.Model, *, user: Medewerker | None, doel: str, velden: list[str]
) -> AuditEvent:
    return audit.persoonsgegevens_gewijzigd(obj, user=user, doel=doel, velden=velden)


def verwijderd_na_bewaartermijn(obj: models.Model) -> AuditEvent:
    return audit.vastleggen(
        actie=AuditEvent.Actie.VERWIJDERD,
        event="persoonsgegevens_bewaartermijn_verstreken",
        user=None,
        obj=obj,
        doel="bewaartermijn",
    )


def geexporteerd(model: type[models.Model], *, user: Medewerker, aantal: int) -> AuditEvent:
    return audit.persoonsgegevens_geexporteerd(
        model, user=user, doel="loket-dashboard", aantal=aantal
    )
