"""The chain figures of the warme overdracht (issue 23): the page and its CSV/XLSX export.
Aggregates only (no personal data), counted live in one query."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkcentrum.bestanden import tabel_export
from werkcentrum.decorators import rol_vereist

from . import selectors_keten
from .forms import KetenForm
from .views import WSP

# The export's tables by `tabel` key (the loket dashboard exports the same one as "keten").
TABELLEN = {"keten": [("naam", _("Bron")), *selectors_keten.FIGUREN]}


def keten_context(cijfers: dict) -> dict:
    """What the shared partial wsp/_ketencijfers.html shows."""
    return {
        "kolommen": [label for _veld, label in selectors_keten.FIGUREN],
        "rijen": [
            {"naam": r["naam"], "cellen": [r[v] for v in selectors_keten.VELDEN]}
            for r in selectors_keten.als_tabel(cijfers)
        ],
        "uitleg": [
            (label, selectors_keten.UITLEG[veld]) for veld, label in selectors_keten.FIGUREN
        ],
        "uitleg_algemeen": selectors_keten.UITLEG_ALGEMEEN,
        "van": cijfers["van"],
        "tot": cijfers["tot"],
    }


def jaar_context(*, user, jaar: int) -> dict:
    """The chain figures of one calendar year for the doelstellingen dashboard, with the
    export links and the link to the page for that year."""
    van, tot = date(jaar, 1, 1), date(jaar, 12, 31)
    cijfers = selectors_keten.keten_cijfers_voor(user=user, van=van, tot=tot)
    query = urlencode({"van": van.isoformat(), "tot": tot.isoformat()})
    return {
        "keten": keten_context(cijfers),
        "keten_query": query,
        "keten_csv": reverse("wsp:ketencijfers_export", args=["keten", "csv"]) + "?" + query,
        "keten_xlsx": reverse("wsp:ketencijfers_export", args=["keten", "xlsx"]) + "?" + query,
    }


def _cijfers(request: HttpRequest) -> tuple[KetenForm, dict]:
    form = KetenForm(request.GET or None, user=request.user)
    van, tot = form.periode(vandaag=timezone.localdate())
    gemeente = form.cleaned_data.get("gemeente") if form.is_valid() else None
    cijfers = selectors_keten.keten_cijfers_voor(
        user=request.user, van=van, tot=tot, gemeente=gemeente
    )
    return form, cijfers


@rol_vereist(*WSP)
def ketencijfers(request: HttpRequest) -> HttpResponse:
    form, cijfers = _cijfers(request)
    context = {
        "form": form,
        "keten": keten_context(cijfers),
        "berekend": timezone.now(),
        "query": request.GET.urlencode(),
    }
    return render(request, "wsp/ketencijfers.html", context, status=400 if form.errors else 200)


@rol_vereist(*WSP)
def ketencijfers_export(request: HttpRequest, tabel: str, formaat: str) -> HttpResponse:
    if tabel not in TABELLEN or formaat not in ("csv", "xlsx"):
        raise Http404
    _form, cijfers = _cijfers(request)
    kolommen = TABELLEN[tabel]
    kop = [str(label) for _veld, label in kolommen]
    rijen = [[r[veld] for veld, _l in kolommen] for r in selectors_keten.als_tabel(cijfers)]
    naam = f"wsp-{tabel}-{cijfers['van']:%Y%m%d}-{cijfers['tot']:%Y%m%d}"
    return tabel_export(kop, rijen, formaat=formaat, naam=naam, titel=tabel)
