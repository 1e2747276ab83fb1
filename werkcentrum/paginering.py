"""Paging of the portal's lists: Django's paginator, with the total kept between requests.

Why: the caption of a list says how many rows match, and counting 40,000 plaatsingen of a
regio costs more than showing the 25 on the page. The count is kept under the versions of
every table the query reads (werkcentrum.versies): a save or delete in any of them counts
again; writes without signals show within TELLING_SECONDEN.

What it is kept under: a list page's inputs (`invoer`: path, query string, user, regio, roles,
today and language) when the request is known, else the query's SQL and parameters. Compiling
the SQL costs a list page more than reading back its total and rows (2-6 ms), so a page asked
again is served without it. The inputs must determine the query; with
WERKCENTRUM_LIJSTEN_CONTROLEREN (on in the tests) every kept list is compiled after all and
compared with the SQL it was kept for, so a query that depends on anything else fails loudly."""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Callable, Iterable
from functools import cached_property
from typing import Any

from django.conf import settings
from django.core.exceptions import EmptyResultSet, ImproperlyConfigured
from django.core.paginator import Page
from django.core.paginator import Paginator as DjangoPaginator
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import get_language
from rest_framework.pagination import PageNumberPagination

from . import versies

GROOTTE = 25
TELLING_SECONDEN = 60
# The models each list reads, per inputs, in this process: known from the first compile on.
_BRONNEN: OrderedDict[str, tuple[str, frozenset[str]]] = OrderedDict()
_BRONNEN_MAX = 4096


def pagina(request: HttpRequest, qs, grootte: int = GROOTTE) -> Page:
    """The page the request asks for (?pagina=), the last one when beyond, the first when
    not a number. (werkcentrum.rijen.lijst keeps a main list under the request's inputs.)"""
    return Paginator(qs, grootte).get_page(request.GET.get("pagina"))


def invoer(request: HttpRequest) -> tuple | None:
    """Everything a list page's query may depend on, or None when that is not known (not a
    GET, or no user resolved): the URL with its query string, who asks (user, regio, roles),
    today and the language."""
    user = getattr(request, "user", None)
    if request.method not in ("GET", "HEAD") or user is None:
        return None
    wie = None
    if user.is_authenticated:
        wie = (user.pk, user.regio_id, user.is_superuser, tuple(sorted(user.rollen)))
    parameters = tuple(sorted((k, tuple(v)) for k, v in request.GET.lists()))
    return (request.path, parameters, wie, timezone.localdate().isoformat(), get_language())


class Paginator(DjangoPaginator):
    def __init__(self, object_list, per_page, *args, invoer: tuple | None = None, **kwargs):
        super().__init__(object_list, per_page, *args, **kwargs)
        self.invoer = invoer

    @cached_property
    def sql(self) -> tuple[str, tuple] | None:
        """The list's SQL and parameters (None when it can have no rows): compiled at most
        once, for the kept total and the kept rows (werkcentrum.rijen) alike."""
        return compileren(self.object_list)

    @cached_property
    def count(self) -> int:
        qs = self.object_list
        if not isinstance(qs, QuerySet):
            return super().count
        return self.onthouden("telling", (), qs.count, TELLING_SECONDEN, leeg=0)

    def onthouden(
        self, naam: str, delen: tuple, berekenen: Callable[[], Any], seconden: int, leeg: Any
    ) -> Any:
        """`berekenen()` about this list, kept under its inputs (or its SQL) and `delen` while
        the models its query reads are unchanged; `leeg` when the query can have no rows."""
        return onthouden(
            self.object_list,
            naam,
            delen,
            berekenen,
            seconden,
            leeg,
            invoer=self.invoer,
            sql=lambda: self.sql,
        )


def compileren(qs: QuerySet) -> tuple[str, tuple] | None:
    """The SQL and parameters of `qs`, or None when it can have no rows."""
    try:
        return qs.query.sql_with_params()
    except EmptyResultSet:
        return None


def onthouden(
    qs: QuerySet | Callable[[], QuerySet],
    naam: str,
    delen: tuple,
    berekenen: Callable[[], Any],
    seconden: int,
    leeg: Any,
    *,
    invoer: tuple | None = None,
    sql: Callable[[], tuple[str, tuple] | None] | None = None,
    extra: Callable[[], Iterable[str]] | None = None,
) -> Any:
    """`berekenen()` about `qs`, kept while the models its query reads are unchanged: under
    `invoer` (see `invoer()`) and `delen` when given, else under its SQL. `leeg` when the query
    can have no rows. `qs` may be a function making the queryset: under `invoer` it is then
    made only when its sources are not known yet in this process. `sql`: gives the query's
    SQL, compiled once by the caller. `extra`: the models what `berekenen` shows besides the
    query reads (a filter form's choices)."""
    maak = (lambda: qs) if isinstance(qs, QuerySet) else qs
    sql = sql or (lambda: compileren(maak()))
    if invoer is None:
        gecompileerd = sql()
        if gecompileerd is None:
            return leeg
        tekst, params = gecompileerd
        lijst = maak()
        sleutel = versies.sleutel(naam, lijst.db, tekst, params, *delen)
        bronnen = versies.bronnen(lijst, tekst) | set(extra() if extra else ())
        return versies.onthouden(sleutel, bronnen, berekenen, seconden)[0]
    sleutel = versies.sleutel(naam, invoer, *delen)
    # In the tests every list is compiled and compared with what it was kept for.
    controleren = getattr(settings, "WERKCENTRUM_LIJSTEN_CONTROLEREN", False)
    bekend = None if controleren else _BRONNEN.get(sleutel)
    if bekend is None:
        vingerafdruk, bronnen = _bronnen(maak(), sql())
        bekend = vingerafdruk, bronnen | frozenset(extra() if extra else ())
        _BRONNEN[sleutel] = bekend
        if len(_BRONNEN) > _BRONNEN_MAX:
            _BRONNEN.popitem(last=False)
    vingerafdruk, bronnen = bekend
    if vingerafdruk == "":
        return leeg
    bewaard, versienummers = versies.lezen(sleutel, bronnen)
    if bewaard is not None and bewaard[0] == vingerafdruk:
        return bewaard[1]
    if bewaard is not None and controleren:
        raise ImproperlyConfigured(
            f"De lijst op {invoer[0]} hangt af van meer dan zijn invoer "
            "(werkcentrum.paginering.invoer): dezelfde invoer gaf een andere query."
        )
    uitkomst = berekenen()
    versies.bewaren(sleutel, versienummers, (vingerafdruk, uitkomst), seconden)
    return uitkomst


def _bronnen(qs: QuerySet, gecompileerd) -> tuple[str, frozenset[str]]:
    """The SQL's fingerprint ("" for a query without rows) and the models it reads."""
    if gecompileerd is None:
        return "", frozenset()
    tekst, params = gecompileerd
    vingerafdruk = hashlib.sha256(repr((tekst, params)).encode()).hexdigest()
    return vingerafdruk, frozenset(versies.bronnen(qs, tekst))


class ApiPaginering(PageNumberPagination):
    """DRF's page-number paging of the API lists with the same kept total."""

    django_paginator_class = Paginator
