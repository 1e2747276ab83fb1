"""The logboek dataverwerkingen: one function per kind of event, called by every app when
staff read or change personal data (or financial records)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import NotSupportedError, connections, models, router
from django.db.models import F, Func, Q

from .models import AuditEvent, Medewerker
from .tenancy import regio_id_van


def _regio_id_van(obj: models.Model | None, user: Medewerker | None) -> int | None:
    """The regio of the object read or changed, so that regio's privacy officer sees the
    event even when a superuser (no regio of its own) caused it; else the user's regio."""
    regio_id = regio_id_van(obj) if obj is not None else None
    return regio_id or getattr(user, "regio_id", None)


def vastleggen(
    *,
    actie: str,
    event: str,
    user: Medewerker | None,
    obj: models.Model | None = None,
    doel: str = "",
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event. Runs inside the caller's transaction, so a rolled-back change leaves
    no event behind and a committed one always has its event."""
    regel = AuditEvent(
        actie=actie,
        event=event,
        gebruiker=user if getattr(user, "pk", None) else None,
        regio_id=_regio_id_van(obj, user),
        content_type=ContentType.objects.get_for_model(obj) if obj is not None else None,
        object_id=str(obj.pk) if obj is not None else "",
        doel=doel,
        details=details or {},
    )
    _invoegen(regel)
    return regel


def _invoegen(regel: AuditEvent) -> None:
    """One INSERT ... RETURNING of a new event, without Model.save(). Why: every page that
    shows persons writes one, and save()'s machinery (signals, the compiler) cost twice the
    statement itself. Nothing is lost by it: the log is append-only (never an update), it has
    no signal receivers and the values are
    prepared by the model's own fields, as save() would."""
    alias = router.db_for_write(AuditEvent)
    verbinding = connections[alias]
    velden, sql = _insert(alias)
    waarden = [f.get_db_prep_save(f.pre_save(regel, True), verbinding) for f in velden]
    with verbinding.cursor() as cursor:
        cursor.execute(sql, waarden)
        regel.pk = cursor.fetchone()[0]
    regel._state.adding = False
    regel._state.db = alias


@lru_cache
def _insert(alias: str) -> tuple[list[models.Field], str]:
    velden = [f for f in AuditEvent._meta.concrete_fields if not f.primary_key]
    kwoot = connections[alias].ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({}) RETURNING {}".format(  # noqa: S608 - names from the model
        kwoot(AuditEvent._meta.db_table),
        ", ".join(kwoot(f.column) for f in velden),
        ", ".join(["%s"] * len(velden)),
        kwoot(AuditEvent._meta.pk.column),
    )
    return velden, sql


def persoonsgegevens_ingezien(obj: models.Model, *, user: Medewerker, doel: str) -> AuditEvent:
    return vastleggen(
        actie=AuditEvent.Actie.INGEZIEN,
        event="persoonsgegevens_ingezien",
        user=user,
        obj=obj,
        doel=doel,
    )


def personenlijst_ingezien(
    *,
    event: str,
    user: Medewerker,
    doel: str,
    context: str,
    soort: str,
    ids: Iterable[int],
    obj: models.Model | None = None,
) -> AuditEvent:
    """A page listing persons: one event naming which rows were shown, by id only (names
    in the log would be personal data themselves). `soort` is the key of the ids: the
    `lijstsoort` of the model's PersoonsBron, so the logboek finds the read per person."""
    from .personen import lijstsoorten  # personen imports this module

    if soort not in lijstsoorten():
        raise ValueError(f"Geen PersoonsBron met lijstsoort {soort!r}: niet terug te vinden.")
    return vastleggen(
        actie=AuditEvent.Actie.INGEZIEN,
        event=event,
        user=user,
        obj=obj,
        doel=doel,
        # A person shown twice on one page (say, a match who is also proposed) is one read.
        # Ids as numbers: in_lijst() matches them as JSON numbers.
        details={"context": context, soort: [int(pk) for pk in dict.fromkeys(ids)]},
    )


def in_lijst(soort: str, pk: int) -> Q:
    """Filter on AuditEvent: the list events that named record `pk` under `soort`, as
    `personenlijst_ingezien` writes them ({"context": ..., "kandidaten": [3, 7]})."""
    return Q(_InLijst(soort, pk))


class _InLijst(Func):
    """True when `details` holds `pk` in its list under `soort`. Django's JSONField
    `contains` exists on PostgreSQL only, so each backend gets its own SQL."""

    output_field = models.BooleanField()
    conditional = True

    def __init__(self, soort: str, pk: int) -> None:
        super().__init__(F("details"))
        self.soort, self.pk = soort, int(pk)

    def as_postgresql(self, compiler, connection, **extra):
        # Containment of the column itself, not of details -> soort: the GIN index on details
        # answers this form.
        sql, params = super().as_sql(
            compiler, connection, template="%(expressions)s @> %%s::jsonb", **extra
        )
        return sql, (*params, json.dumps({self.soort: [self.pk]}))

    def as_sqlite(self, compiler, connection, **extra):
        sql, params = super().as_sql(
            compiler,
            connection,
            template="EXISTS (SELECT 1 FROM json_each(%(expressions)s, %%s) AS lijst "
            "WHERE lijst.value = %%s)",
            **extra,
        )
        return sql, (*params, f'$."{self.soort}"', self.pk)

    def as_sql(self, compiler, connection, **extra):
        raise NotSupportedError("in_lijst() kent alleen PostgreSQL en SQLite.")


def personen_getoond(
    objs: Iterable[models.Model],
    *,
    user: Medewerker,
    doel: str,
    context: str,
    event: str = "personen_ingezien",
    obj: models.Model | None = None,
) -> AuditEvent | None:
    """The persons a page or an API answer shows through `objs` (records of a registered
    PersoonsBron, or records pointing at one): ONE event for the request, naming them by id
    per lijstsoort, whatever the number of rows. None when no person was shown."""
    from .personen import personen_in  # personen imports this module

    per_soort = personen_in(objs)
    if not per_soort:
        return None
    return vastleggen(
        actie=AuditEvent.Actie.INGEZIEN,
        event=event,
        user=user,
        obj=obj,
        doel=doel,
        details={"context": context, **per_soort},
    )


def persoonsgegevens_gewijzigd(
    obj: models.Model, *, user: Medewerker, doel: str, velden: list[str] | None = None
) -> AuditEvent:
    return vastleggen(
        actie=AuditEvent.Actie.GEWIJZIGD,
        event="persoonsgegevens_gewijzigd",
        user=user,
        obj=obj,
        doel=doel,
        details={"velden": sorted(velden or [])},
    )


def persoonsgegevens_aangemaakt(obj: models.Model, *, user: Medewerker, doel: str) -> AuditEvent:
    return vastleggen(
        actie=AuditEvent.Actie.AANGEMAAKT,
        event="persoonsgegevens_aangemaakt",
        user=user,
        obj=obj,
        doel=doel,
    )


def persoonsgegevens_verwijderd(obj: models.Model, *, user: Medewerker, doel: str) -> AuditEvent:
    return vastleggen(
        actie=AuditEvent.Actie.VERWIJDERD,
        event="persoonsgegevens_verwijderd",
        user=user,
        obj=obj,
        doel=doel,
    )


def persoonsgegevens_geexporteerd(
    model: type[models.Model], *, user: Medewerker, doel: str, aantal: int
) -> AuditEvent:
    return vastleggen(
        actie=AuditEvent.Actie.GEEXPORTEERD,
        event="persoonsgegevens_geexporteerd",
        user=user,
        doel=doel,
        details={"model": model._meta.label, "aantal": aantal},
    )


def medewerker_gewijzigd(obj: Medewerker, *, user: Medewerker, velden: list[str]) -> AuditEvent:
    return vastleggen(
        actie=AuditEvent.Actie.GEWIJZIGD,
        event="medewerker_gewijzigd",
        user=user,
        obj=obj,
        doel="accountbeheer",
        details={"velden": sorted(velden)},
    )


def ingelogd(user: Medewerker) -> AuditEvent:
    return vastleggen(actie=AuditEvent.Actie.INGELOGD, event="ingelogd", user=user, obj=user)


def inlog_geblokkeerd(
    medewerker: Medewerker, *, per_adres: bool, adres: str, seconden: int
) -> AuditEvent:
    """Logins to `medewerker` are refused after too many failures: from `adres` only, or from
    everywhere. No user caused it knowingly, so the event names the account as its object;
    it lands in the account's regio, where the beheerder reads it."""
    return vastleggen(
        actie=AuditEvent.Actie.GEBLOKKEERD,
        event="inlog_geblokkeerd",
        user=None,
        obj=medewerker,
        doel="beveiliging",
        details={
            "soort": "account en adres" if per_adres else "account",
            "adres": adres,
            "seconden": seconden,
        },
    )


# --- The privacy officer's own work is logged too -----------------------------------------


def logboek_geexporteerd(
    *, user: Medewerker, formaat: str, aantal: int, filters: dict
) -> AuditEvent:
    return vastleggen(
        actie=AuditEvent.Actie.GEEXPORTEERD,
        event="logboek_geexporteerd",
        user=user,
        doel="toezicht",
        details={"formaat": formaat, "aantal": aantal, "filters": filters},
    )


def persoon_gezocht(*, user: Medewerker, aantal: int) -> AuditEvent:
    # The search term is personal data itself: only the number of hits is kept.
    return vastleggen(
        actie=AuditEvent.Actie.INGEZIEN,
        event="privacy_persoon_gezocht",
        user=user,
        doel="inzageverzoek",
        details={"aantal": aantal},
    )


def inzage_geexporteerd(*, user: Medewerker, formaat: str, dossiers: list[str]) -> AuditEvent:
    return vastleggen(
        actie=AuditEvent.Actie.GEEXPORTEERD,
        event="inzageverzoek_geexporteerd",
        user=user,
        doel="inzageverzoek",
        details={"formaat": formaat, "dossiers": dossiers},
    )


def verwijderverzoek_uitgevoerd(
    *,
    user: Medewerker,
    reden: str,
    uitkomsten: dict[str, str],
    vrije_tekst: dict[str, int] | None = None,
) -> AuditEvent:
    """Names what was erased by type and number, never the data that was erased; and how many
    records per model had the person's name or e-mail address redacted from their free text."""
    vrije_tekst = vrije_tekst or {}
    return vastleggen(
        actie=AuditEvent.Actie.VERWIJDERD,
        event="verwijderverzoek_uitgevoerd",
        user=user,
        doel="verwijderverzoek",
        details={
            "reden": reden,
            "dossiers": uitkomsten,
            "vrije_tekst": vrije_tekst,
            "vrije_tekst_geredigeerd": sum(vrije_tekst.values()),
        },
    )
