"""Version numbers per model in the cache, moved on by every save and delete of any model.

A cached result stores the versions of the models it was computed from and is used only while
they are unchanged, so a cache can live long and still show an edit at once, in every process
(web and worker alike: every save counts, nothing needs registering). Writes that send no
signal (QuerySet.update, bulk_create) and time passing (today's date) show within the entry's
expiry. Without a reachable cache nothing is kept and everything is computed."""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from collections.abc import Callable, Iterable
from datetime import datetime
from functools import cache as onthoud
from typing import Any

from django.apps import apps
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet, ImproperlyConfigured
from django.db import connection
from django.db.models import Prefetch, QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

# Not versioned, so never kept: the append-only audit log gets a row on nearly every request
# (each list of persons shown is logged), and moving its version on would cost every such
# request a cache write. Whatever reads it is computed each time.
ONGEVERSIONEERD = frozenset({"werkcentrum.AuditEvent"})


def _versiesleutel(label: str) -> str:
    return f"versie:{label}"


def sleutel(naam: str, *delen: Any) -> str:
    return f"versies:{naam}:" + hashlib.sha256(repr(delen).encode()).hexdigest()


def lezen(sleutel: str, bronnen: Iterable[str]) -> tuple[Any, tuple[int, ...] | None]:
    """The value kept under `sleutel` if the models in `bronnen` ("app.Model") are unchanged
    since, else None; and their current versions, for `bewaren`. One cache round trip. Never
    a value when a source is not versioned (ONGEVERSIONEERD)."""
    return lezen_met(sleutel, bronnen, ())[:2]


def lezen_met(
    sleutel: str, bronnen: Iterable[str], meelezen: Iterable[str]
) -> tuple[Any, tuple[int, ...] | None, dict[str, Any]]:
    """`lezen`, and the values of the other cache keys `meelezen` from the same round trip."""
    bronnen = sorted(bronnen)
    meelezen = list(meelezen)
    if ONGEVERSIONEERD.intersection(bronnen):
        return None, None, cache.get_many(meelezen) if meelezen else {}
    gevonden = cache.get_many([sleutel, *map(_versiesleutel, bronnen), *meelezen])
    versies = tuple(gevonden.get(_versiesleutel(b), 0) for b in bronnen)
    bewaard = gevonden.get(sleutel)
    mee = {k: gevonden[k] for k in meelezen if k in gevonden}
    return (bewaard[1] if bewaard and bewaard[0] == versies else None), versies, mee


def bewaren(sleutel: str, versies: tuple[int, ...] | None, waarde: Any, seconden: int) -> None:
    if versies is not None:  # None: a source is not versioned (`lezen`)
        cache.set(sleutel, (versies, waarde), seconden)


def onthouden(
    sleutel: str, bronnen: Iterable[str], berekenen: Callable[[], Any], seconden: int
) -> tuple[Any, datetime]:
    """`berekenen()`, or what it gave before while the models in `bronnen` are unchanged (for
    at most `seconden`); with the moment it was computed."""
    bewaard, versies = lezen(sleutel, bronnen)
    if bewaard is not None:
        return bewaard
    uitkomst = (berekenen(), timezone.now())
    bewaren(sleutel, versies, uitkomst, seconden)
    return uitkomst


# The models each measured computation read, per key, in this process (`gemeten_onthouden`).
_GEMETEN: OrderedDict[str, frozenset[str]] = OrderedDict()
_GEMETEN_MAX = 4096


def gemeten_onthouden(
    sleutel: str, berekenen: Callable[[], Any], seconden: int, controleren: bool = False
) -> Any:
    """`berekenen()`, kept while the models of every table its queries named are unchanged.

    For a computation whose reads are not one queryset (a serializer following relations):
    the sources are measured from the SQL it executed. They are known from its first run in a
    process on; that run itself is not kept, because the versions must be read before the
    computation (a save in between would otherwise be missed). Whatever writes the audit log
    (ONGEVERSIONEERD) is never kept. `controleren`: compute on every call and fail when a
    kept value differs (the key misses an input)."""
    bekend = _GEMETEN.get(sleutel)
    bewaard, versienummers = (None, None) if bekend is None else lezen(sleutel, bekend)
    if bewaard is not None and not controleren:
        return bewaard
    uitgevoerd: list[str] = []

    def opvangen(execute, sql, params, many, context):
        uitgevoerd.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(opvangen):
        waarde = berekenen()
    if bewaard is not None and bewaard != waarde:
        raise ImproperlyConfigured(
            f"{sleutel} hangt af van meer dan zijn sleutel: dezelfde sleutel gaf iets anders."
        )
    tabellen = _tabellen()
    gelezen = frozenset(
        tabellen[t] for sql in uitgevoerd for t in _GEQUOTEERD.findall(sql) if t in tabellen
    )
    if gelezen == bekend:
        bewaren(sleutel, versienummers, waarde, seconden)
    else:
        _GEMETEN[sleutel] = gelezen
        if len(_GEMETEN) > _GEMETEN_MAX:
            _GEMETEN.popitem(last=False)
    return waarde


def bronnen(qs: QuerySet, sql: str | None = None) -> set[str]:
    """The models ("app.Model") whose rows `qs` reads: every table its SQL names (joins, and
    subqueries in filters and annotations alike; Django quotes every table name) and the models
    of its prefetches. `sql`: the query's SQL when the caller has compiled it already."""
    uit = {qs.model._meta.label}
    if sql is None:
        try:
            sql = qs.query.sql_with_params()[0]
        except EmptyResultSet:
            return uit
    tabellen = _tabellen()
    uit |= {tabellen[t] for t in _GEQUOTEERD.findall(sql) if t in tabellen}
    for lookup in qs._prefetch_related_lookups:
        pad = lookup.prefetch_through if isinstance(lookup, Prefetch) else lookup
        model = qs.model
        for deel in pad.split("__"):
            veld = model._meta.get_field(deel)
            model = veld.related_model
            uit.add(model._meta.label)
            if veld.many_to_many:
                tussen = getattr(veld, "through", None) or veld.remote_field.through
                uit.add(tussen._meta.label)
        if isinstance(lookup, Prefetch) and lookup.queryset is not None:
            uit |= bronnen(lookup.queryset)
    return uit


_GEQUOTEERD = re.compile(r'"([^"]+)"')


@onthoud
def _tabellen() -> dict[str, str]:
    return {m._meta.db_table: m._meta.label for m in apps.get_models(include_auto_created=True)}


def _verhogen(sender, **_kwargs) -> None:
    if sender._meta.label in ONGEVERSIONEERD:
        return
    label = _versiesleutel(sender._meta.label)
    try:
        cache.incr(label)
    except ValueError:
        cache.add(label, 1, None)


def _relatie_gewijzigd(sender, instance, action, **_kwargs) -> None:
    # A many-to-many change (a gesprek's thema's) changes the model that holds the relation.
    if action.startswith("post_"):
        _verhogen(type(instance))


post_save.connect(_verhogen, dispatch_uid="versies_save")
post_delete.connect(_verhogen, dispatch_uid="versies_delete")
m2m_changed.connect(_relatie_gewijzigd, dispatch_uid="versies_m2m")
