"""Audit events of the WSP: every staff read or change of personal data (kandidaten, and the
contact persons of werkgevers and their verzoeken)."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import models

from werkcentrum import audit
from werkcentrum.models import AuditEvent

DOEL = "bemiddeling naar werk (WSP)"
# Contact persons of werkgevers are read to serve the werkgever, not to mediate kandidaten.
DOEL_WERKGEVERS = "werkgeversdienstverlening"
# Recording a withdrawal of consent is a duty towards the person, not mediation.
DOEL_INTREKKEN = "toestemming ingetrokken door de betrokkene"


def kandidaat_ingezien(obj: models.Model, *, user, doel: str = DOEL) -> AuditEvent:
    return audit.persoonsgegevens_ingezien(obj, user=user, doel=doel)


def kandidaat_aangemaakt(obj: models.Model, *, user) -> AuditEvent:
    return audit.persoonsgegevens_aangemaakt(obj, user=user, doel=DOEL)


def kandidaat_gewijzigd(obj: models.Model, *, user, velden: list[str]) -> AuditEvent:
    return audit.persoonsgegevens_gewijzigd(obj, user=user, doel=DOEL, velden=velden)


def kandidaten_geexporteerd(model, *, user, aantal: int) -> AuditEvent:
    return audit.persoonsgegevens_geexporteerd(model, user=user, doel=DOEL, aantal=aantal)


def contactpersonen_geexporteerd(*, user, aantal: int) -> AuditEvent:
    from .models import Contactpersoon

    return audit.persoonsgegevens_geexporteerd(
        Contactpersoon, user=user, doel=DOEL_WERKGEVERS, aantal=aantal
    )


def contactmomenten_geexporteerd(*, user, aantal: int) -> AuditEvent:
    """Their samenvatting and afspraken are free text that may name people."""
    from .models import Contactmoment

    return audit.persoonsgegevens_geexporteerd(
        Contactmoment, user=user, doel=DOEL_WERKGEVERS, aantal=aantal
    )


def plaatsing_geregistreerd(obj: models.Model, *, user) -> AuditEvent:
    return audit.vastleggen(
        actie=AuditEvent.Actie.AANGEMAAKT,
        event="wsp_plaatsing_geregistreerd",
        user=user,
        obj=obj,
        doel=DOEL,
    )


def nazorg_vastgelegd(obj: models.Model, *, user) -> AuditEvent:
    return audit.vastleggen(
        actie=AuditEvent.Actie.GEWIJZIGD,
        event="wsp_nazorg_vastgelegd",
        user=user,
        obj=obj,
        doel=DOEL,
    )


def import_uitgevoerd(*, user, model: str, aantal: int) -> AuditEvent:
    return audit.vastleggen(
        actie=AuditEvent.Actie.AANGEMAAKT,
        event="wsp_import",
        user=user,
        doel=DOEL,
        details={"model": model, "aantal": aantal},
    )


def kandidatenlijst_ingezien(*, user, ids: Iterable[int], context: str) -> AuditEvent:
    """A page listing kandidaten: one event naming which rows were shown."""
    return audit.personenlijst_ingezien(
        event="wsp_kandidatenlijst_ingezien",
        user=user,
        doel=DOEL,
        context=context,
        soort="kandidaten",
        ids=ids,
    )


def contactpersonenlijst_ingezien(*, user, ids: Iterable[int], context: str) -> AuditEvent:
    """A page listing a werkgever's contactpersonen (name, e-mail, phone)."""
    return audit.personenlijst_ingezien(
        event="wsp_contactpersonenlijst_ingezien",
        user=user,
        doel=DOEL_WERKGEVERS,
        context=context,
        soort="contactpersonen",
        ids=ids,
    )


def verzoek_ingezien(obj: models.Model, *, user, doel: str) -> AuditEvent:
    return audit.persoonsgegevens_ingezien(obj, user=user, doel=doel)


def overdracht_aangeboden(obj: models.Model, *, user) -> AuditEvent:
    return audit.persoonsgegevens_aangemaakt(obj, user=user, doel=DOEL)


def overdracht_beoordeeld(obj: models.Model, *, user) -> AuditEvent:
    return audit.persoonsgegevens_gewijzigd(obj, user=user, doel=DOEL, velden=["status"])


def overdracht_ingezien(obj: models.Model, *, user, doel: str = DOEL) -> AuditEvent:
    return audit.persoonsgegevens_ingezien(obj, user=user, doel=doel)


def overdrachtenlijst_ingezien(*, user, ids: Iterable[int], context: str) -> AuditEvent:
    """A page or API list of warme overdrachten (names, woongemeente): one event naming the
    rows shown, by id, under the key "overdrachten"."""
    return audit.vastleggen(
        actie=AuditEvent.Actie.INGEZIEN,
        event="wsp_overdrachtenlijst_ingezien",
        user=user,
        doel=DOEL,
        details={"context": context, "overdrachten": [int(pk) for pk in dict.fromkeys(ids)]},
    )


def toestemming_ingetrokken(
    obj: models.Model,
    *,
    user,
    overdrachten: list[int],
    voordrachten_gesloten: int,
    toelichting: str,
) -> AuditEvent:
    """The person withdrew consent: which handovers stopped, how many proposals closed, and
    the note of who recorded it (how the person said so); the event is the record of it."""
    return audit.vastleggen(
        actie=AuditEvent.Actie.GEWIJZIGD,
        event="wsp_toestemming_ingetrokken",
        user=user,
        obj=obj,
        doel=DOEL_INTREKKEN,
        details={
            "overdrachten": overdrachten,
            "voordrachten_gesloten": voordrachten_gesloten,
            "toelichting": toelichting,
        },
    )


def tijdlijn_ingezien(obj: models.Model, *, user, doel: str, getoond) -> AuditEvent | None:
    """A person's timeline: the record it is opened from with the chosen purpose, and one event
    naming the other records of the chain it shows (handovers, kandidaat)."""
    audit.persoonsgegevens_ingezien(obj, user=user, doel=doel)
    return audit.personen_getoond(
        [o for o in getoond if o is not None and o != obj],
        user=user,
        doel=doel,
        context="tijdlijn",
        obj=obj,
    )
