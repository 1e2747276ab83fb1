"""Rendered rows of a list, kept between requests; and whole list pages (`lijst`).

Why: a staff list of 25 rows costs 15-30 ms of query and template work, while the rows change
far less often than advisers reload the list. The rendered rows are kept under the versions of
every model their query reads (werkcentrum.versies), per page and language, and per the list's
SQL and parameters (`rijen`) or the request's inputs (`lijst`, werkcentrum.paginering.invoer):
either way per regio, filter and user where the query depends on one. A save, delete or
many-to-many change in any of those models renders them again on the next request; writes
without signals show within RIJEN_SECONDEN.

`lijst` keeps everything of a main list page that comes from the database in one entry: the
total, the page, the rows, the filter form and any `Bijlage`. A page asked again costs one
cache round trip; its queryset is not even built. `lijstpagina` then answers with the whole
page as this process rendered it for that same kept entry (werkcentrum.vast), so the layout
and the page's template are not rendered again either.

The rows' template gets no request and no context processors, so nothing of the session or the
user can end up in what is shared; what it shows besides the rows (today's date, labels) comes in
`context` and is part of the key."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from django import forms
from django.contrib import messages
from django.core.paginator import Page
from django.db.models import QuerySet
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from . import paginering, versies
from .paginering import GROOTTE, Paginator
from .vast import PLEK, Bewaard, invullen

RIJEN_SECONDEN = 60
# Part of a kept list's key: a new layout of what is kept must not read an older one.
_FORMAAT = 2
FILTERFORMULIER = "components/filterformulier.html"


@dataclass(frozen=True)
class Rijen:
    html: SafeString
    # One value per row shown (`ids=` of `rijen`), e.g. for the audit log of who saw whom.
    ids: tuple
    aantal: int


def rijen(
    bron: Page | QuerySet,
    sjabloon: str,
    context: dict | None = None,
    *,
    ids: str = "pk",
) -> Rijen:
    """The rows of `bron` rendered with `sjabloon`, from the cache while their models are
    unchanged. The template gets `objecten` (the rows), `pagina` when `bron` is a page, and
    `context`, whose values must have a stable repr (plain values, not lazy translations).
    Kept under the query's SQL (or the page's inputs when its paginator has them; `lijst`
    keeps a whole list page under the request's inputs)."""
    pagina = bron if isinstance(bron, Page) else None
    qs = bron if pagina is None else pagina.object_list
    context = dict(context or {})

    def renderen() -> tuple[str, tuple, int]:
        return _renderen(pagina, qs, sjabloon, context, ids)

    if not isinstance(qs, QuerySet):
        return _rijen(renderen())
    delen = (sjabloon, get_language(), ids, sorted(context.items()))
    if pagina is not None and isinstance(pagina.paginator, Paginator):
        # The list's inputs or SQL (compiled once, for its total too); the page is its number
        # and size.
        plaats = (pagina.number, pagina.paginator.per_page, pagina.paginator.count)
        waarde = pagina.paginator.onthouden(
            "rijen", (*delen, *plaats), renderen, RIJEN_SECONDEN, leeg=None
        )
    else:
        waarde = paginering.onthouden(qs, "rijen", delen, renderen, RIJEN_SECONDEN, leeg=None)
    return _rijen(renderen() if waarde is None else waarde)


def _renderen(pagina: Page | None, qs, sjabloon: str, context: dict, ids: str):
    objecten = list(qs)
    if pagina is not None:
        pagina.object_list = objecten  # the template's loops must not query again
    html = render_to_string(sjabloon, {**context, "pagina": pagina, "objecten": objecten})
    return str(html), tuple(map(attrgetter(ids), objecten)), len(objecten)


def _rijen(waarde: tuple[str, tuple, int]) -> Rijen:
    html, ids, aantal = waarde
    return Rijen(html=mark_safe(html), ids=ids, aantal=aantal)  # noqa: S308 - our own template


@dataclass(frozen=True)
class Lijst:
    pagina: Page
    rijen: Rijen
    # The filter form's HTML (components/filterformulier.html); "" without a form.
    filterformulier: SafeString
    # The request's inputs the list is kept under (werkcentrum.paginering.invoer).
    invoer: tuple | None
    # The rows of each `Bijlage`, by name.
    bijlagen: dict[str, Rijen]
    # Names this kept entry: the same for every request served from it, new when it is
    # computed again. None when the list is not kept (no known inputs, or no rows possible).
    kenmerk: str | None = None

    def context(self, **meer) -> dict:
        """What a list page's template shows: filterformulier, pagina, rijen and bijlagen (and
        `meer`)."""
        return {
            "filterformulier": self.filterformulier,
            "pagina": self.pagina,
            "rijen": self.rijen,
            "bijlagen": self.bijlagen,
            **meer,
        }


@dataclass(frozen=True)
class Bijlage:
    """More rows on a list page, kept with the list (as `rijen`): e.g. the first of another
    query. `maken` makes their queryset; it too must follow from the request alone."""

    maken: Callable[[], QuerySet]
    sjabloon: str
    context: dict = field(default_factory=dict)
    ids: str = "pk"


def lijst(
    request,
    maken: Callable[[], QuerySet | tuple[QuerySet, forms.Form]],
    sjabloon: str,
    context: dict | None = None,
    *,
    grootte: int = GROOTTE,
    ids: str = "pk",
    bijlagen: dict[str, Bijlage] | None = None,
) -> Lijst:
    """A list page: the page the request asks for, its rows rendered with `sjabloon` (as
    `rijen`) and its filter form, kept together under the request's inputs
    (werkcentrum.paginering.invoer) and the versions of the models the list's query and the
    form's choice lists read. A page asked before costs one cache round trip: no query, and
    `maken` (the list's queryset, or the queryset and its validated filter form) is not called.

    For a list whose query follows from the request alone (no ids read beforehand)."""
    context = dict(context or {})
    bijlagen = bijlagen or {}
    invoer = paginering.invoer(request)
    gemaakt: dict[str, Any] = {}

    def maak() -> QuerySet:
        if "qs" not in gemaakt:
            uit = maken()
            gemaakt["qs"], gemaakt["form"] = uit if isinstance(uit, tuple) else (uit, None)
            gemaakt["paginator"] = Paginator(gemaakt["qs"], grootte, invoer=invoer)
            gemaakt["bijlagen"] = {naam: b.maken() for naam, b in bijlagen.items()}
        return gemaakt["qs"]

    def berekenen() -> tuple[int, int, tuple[str, tuple, int], str, dict, str]:
        maak()
        pagina = gemaakt["pagina"] = gemaakt["paginator"].get_page(request.GET.get("pagina"))
        getoond = _renderen(pagina, pagina.object_list, sjabloon, context, ids)
        form = gemaakt["form"]
        html = render_to_string(FILTERFORMULIER, {"form": form}) if form is not None else ""
        meer = {
            naam: _renderen(None, gemaakt["bijlagen"][naam], b.sjabloon, b.context, b.ids)
            for naam, b in bijlagen.items()
        }
        kenmerk = secrets.token_hex(8)
        return pagina.paginator.count, pagina.number, getoond, str(html), meer, kenmerk

    def sql() -> tuple[str, tuple] | None:
        """The list's SQL, and that of its bijlagen after it: together they must follow from
        the inputs, and every table they name is a source."""
        maak()
        hoofd = gemaakt["paginator"].sql
        if hoofd is None:
            return None
        delen = [
            hoofd,
            *(paginering.compileren(qs) or ("", ()) for qs in gemaakt["bijlagen"].values()),
        ]
        return ";".join(t for t, _p in delen), tuple(p for _t, p in delen)

    def extra() -> set[str]:
        """The models of the form's choice lists and the bijlagen's prefetches."""
        maak()
        velden = gemaakt["form"].fields.values() if gemaakt["form"] is not None else ()
        keuzes = [v.queryset for v in velden if isinstance(v, forms.ModelChoiceField)]
        return set().union(*map(versies.bronnen, [*keuzes, *gemaakt["bijlagen"].values()]))

    waarde = None
    if invoer is not None:  # without known inputs the form's data is in no key: not kept
        delen = (_FORMAAT, sjabloon, get_language(), ids, sorted(context.items()), grootte)
        delen += tuple(
            (n, b.sjabloon, sorted(b.context.items()), b.ids) for n, b in bijlagen.items()
        )
        waarde = paginering.onthouden(
            maak, "lijst", delen, berekenen, RIJEN_SECONDEN, None,
            invoer=invoer, sql=sql, extra=extra,
        )  # fmt: skip
    bewaard = waarde is not None
    if not bewaard:  # or a query that can have no rows: nothing to keep
        waarde = berekenen()
    totaal, nummer, getoond, html, meer, kenmerk = waarde
    pagina = gemaakt.get("pagina")
    if pagina is None:
        # Kept: a page of the kept total, whose objects are read only if a template asks.
        paginator = Paginator([], grootte)
        paginator.__dict__["count"] = totaal  # cached_property
        pagina = paginator.page(nummer)
        onder = (nummer - 1) * grootte
        pagina.object_list = SimpleLazyObject(lambda: list(maak()[onder : onder + grootte]))
    return Lijst(
        pagina=pagina,
        rijen=_rijen(getoond),
        filterformulier=mark_safe(html),  # noqa: S308 - our own template
        invoer=invoer,
        bijlagen={naam: _rijen(w) for naam, w in meer.items()},
        kenmerk=kenmerk if bewaard else None,
    )


_PAGINAS = Bewaard(256)


def lijstpagina(request, sjabloon: str, getoond: Lijst, **meer) -> HttpResponse:
    """The response of a list page: `sjabloon` rendered with `getoond.context(**meer)`. While
    the list is served from the same kept entry, this process answers with the page it
    rendered for it before: same entry (so same user, regio, roles, URL, day and language),
    same permissions (the layout and page show buttons by them), same template and same
    `meer`, whose values must be plain (a stable repr). A request with messages to show is
    always rendered, and so is a list that is not kept."""
    context = getoond.context(**meer)
    if getoond.kenmerk is None or len(messages.get_messages(request)):
        return render(request, sjabloon, context)
    # The permissions were read for this request already (werkcentrum.rechten): no query.
    rechten = frozenset(request.user.get_all_permissions())
    sleutel = (sjabloon, getoond.kenmerk, rechten, repr(sorted(meer.items())))

    def renderen() -> str:
        return render_to_string(sjabloon, {**context, "csrf_token": PLEK}, request)

    html = _PAGINAS.geef(sleutel, renderen, sjabloon)
    return HttpResponse(invullen(html, lambda: get_token(request)))
