"""Audit events of rba: one function per event, all through werkcentrum.audit.vastleggen."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import models

from werkcentrum.audit import personenlijst_ingezien, persoonsgegevens_ingezien, vastleggen
from werkcentrum.models import AuditEvent


def _log(actie: str, event: str, obj: models.Model, user, **details: Any) -> None:
    vastleggen(actie=actie, event=event, user=user, obj=obj, details=details or None)


def besluit_vastgelegd(besluit, *, user) -> None:
    _log(
        AuditEvent.Actie.AANGEMAAKT, "rba_besluit_vastgelegd", besluit, user, nummer=besluit.nummer
    )


def besluit_gewijzigd(besluit, *, user, velden: list[str]) -> None:
    _log(AuditEvent.Actie.GEWIJZIGD, "rba_besluit_gewijzigd", besluit, user, velden=velden)


def besluit_status_gewijzigd(besluit, *, user, van: str) -> None:
    _log(
        AuditEvent.Actie.GEWIJZIGD,
        "rba_besluit_status_gewijzigd",
        besluit,
        user,
        van=van,
        naar=besluit.status,
    )


def besluit_gecorrigeerd(nieuw, *, user) -> None:
    _log(
        AuditEvent.Actie.AANGEMAAKT,
        "rba_besluit_gecorrigeerd",
        nieuw,
        user,
        nummer=nieuw.nummer,
        vervangt=nieuw.vervangt.nummer,
    )


def vergadering_gewijzigd(vergadering, *, user, wat: str) -> None:
    _log(AuditEvent.Actie.GEWIJZIGD, f"rba_vergadering_{wat}", vergadering, user)


def stuk_geupload(versie, *, user) -> None:
    _log(
        AuditEvent.Actie.AANGEMAAKT,
        "rba_stuk_geupload",
        versie,
        user,
        versie=versie.versie,
        sha256=versie.sha256,
    )


# Leden carry a name and e-mail address: personal data. The secretariaat keeps them.
LEDENADMINISTRATIE = "ledenadministratie"


def lid_gewijzigd(lid, *, user, nieuw: bool, doel: str = LEDENADMINISTRATIE) -> None:
    vastleggen(
        actie=AuditEvent.Actie.AANGEMAAKT if nieuw else AuditEvent.Actie.GEWIJZIGD,
        event="persoonsgegevens_gewijzigd",
        user=user,
        obj=lid,
        doel=doel,
    )


def lid_ingezien(lid, *, user, doel: str) -> None:
    persoonsgegevens_ingezien(lid, user=user, doel=doel)


def leden_ingezien(orgaan, *, user, ids: Iterable[int]) -> None:
    """The ledenlijst of an orgaan: which leden were shown (secretariaat and leden read it)."""
    personenlijst_ingezien(
        event="rba_ledenlijst_ingezien",
        user=user,
        obj=orgaan,
        doel="ledenlijst overlegorgaan",
        context=f"orgaan {orgaan.pk}",
        soort="leden",
        ids=ids,
    )


def acties_ingezien(acties: Iterable, *, user, context: str, obj=None) -> None:
    """A page listing acties: the ones whose owner is named by name (someone outside the
    portal: eigenaar_naam, not a medewerker) were shown, by id. Nothing when there are none."""
    actie_ids_ingezien(
        [a.genoemde_eigenaar_id for a in acties], user=user, context=context, obj=obj
    )


def actie_ids_ingezien(ids: Iterable, *, user, context: str, obj=None) -> None:
    """As acties_ingezien, by the acties' genoemde_eigenaar_id (None for the others)."""
    ids = [i for i in ids if i is not None]
    if ids:
        personenlijst_ingezien(
            event="rba_actielijst_ingezien",
            user=user,
            obj=obj,
            doel="actielijst overlegorgaan",
            context=context,
            soort="acties",
            ids=ids,
        )


def actie_ingezien(actie, *, user, doel: str) -> None:
    """An actie's form opened that names an owner from outside the portal."""
    persoonsgegevens_ingezien(actie, user=user, doel=doel)


def actie_gewijzigd(actie, *, user, nieuw: bool) -> None:
    _log(
        AuditEvent.Actie.AANGEMAAKT if nieuw else AuditEvent.Actie.GEWIJZIGD,
        "rba_actie_vastgelegd" if nieuw else "rba_actie_gewijzigd",
        actie,
        user,
        status=actie.status,
    )


def agendaregel_gewijzigd(regel, *, user, nieuw: bool) -> None:
    _log(
        AuditEvent.Actie.AANGEMAAKT if nieuw else AuditEvent.Actie.GEWIJZIGD,
        "rba_agendaregel_vastgelegd",
        regel,
        user,
    )


def vastleggen_export(obj, *, user) -> None:
    _log(AuditEvent.Actie.GEEXPORTEERD, "rba_monitoring_geexporteerd", obj, user)
