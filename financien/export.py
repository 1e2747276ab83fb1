"""XLSX export of the reserve in a layout for the P&C cycle (begroting / jaarrekening).

One workbook per boekjaar: the verloop of the reserve over the years, the stand per
geldstroom and per RBA besluit at 31 December, the begroting of the year per budget line,
and every mutatie of the year (the drill-down). Figures are written as values, each one a sum
over the grootboek, so the sheet and the ledger always agree (tests prove it)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from rba.models import Besluit
from werkcentrum.bestanden import bijlage, xlsx_blad, xlsx_boek, xlsx_inhoud, xlsx_regel

from . import audit, selectors
from .models import Geldstroom, Mutatie
from .saldi import Saldi, saldi_per

EURO = "#,##0.00"
VET = Font(bold=True)


def _blad(wb: Workbook, titel: str, kop: list[str], eerste: bool = False):
    # Every cell through the export home: names and omschrijvingen are typed by users.
    return xlsx_blad(wb, titel, kop)


def _regel(ws, waarden: list[Any], vet: bool = False) -> None:
    xlsx_regel(ws, [float(w) if isinstance(w, Decimal) else w for w in waarden])
    for cel in ws[ws.max_row]:
        if isinstance(cel.value, float):
            cel.number_format = EURO
        if vet:
            cel.font = VET


def _verloop(wb: Workbook, user: Any, jaar: int) -> None:
    ws = _blad(
        wb,
        _("Verloop reserve"),
        [
            _("Jaar"),
            _("Beginsaldo 1-1"),
            _("Stortingen"),
            _("Onttrekkingen"),
            _("Eindsaldo 31-12"),
            _("Verplichtingen aangegaan"),
            _("Vrijval"),
            _("Openstaande verplichtingen 31-12"),
            _("Vrij besteedbaar 31-12"),
        ],
        eerste=True,
    )
    for r in selectors.reserve_per_jaar(user=user):
        if r.jaar > jaar:
            break
        _regel(
            ws,
            [
                r.jaar,
                r.beginsaldo,
                r.stortingen,
                r.onttrekkingen,
                r.eindsaldo,
                r.aangegaan,
                r.vrijgevallen,
                r.openstaand_einde,
                r.vrij_einde,
            ],
        )


def _stand(ws, naam: list[Any], s: Saldi, vet: bool = False) -> None:
    _regel(ws, [*naam, s.gestort, s.verplicht, s.gerealiseerd, s.openstaand, s.saldo, s.vrij], vet)


def _geldstromen(wb: Workbook, user: Any, tot: date) -> None:
    kop = [
        _("Geldstroom"),
        _("Bron"),
        _("Regeling"),
        _("Einddatum besteding"),
        _("Ontvangen"),
        _("Verplicht"),
        _("Gerealiseerd"),
        _("Openstaand"),
        _("Saldo"),
        _("Vrij"),
    ]
    ws = _blad(wb, _("Geldstromen"), kop)
    per = saldi_per(Mutatie.objects.voor(user).filter(datum__lte=tot), "geldstroom")
    totaal = Saldi()
    for g in Geldstroom.objects.voor(user).order_by("naam"):
        s = per.get(g.pk, Saldi())
        totaal = Saldi(*(a + b for a, b in zip(_tuple(totaal), _tuple(s), strict=True)))
        _stand(ws, [g.naam, g.get_bron_display(), g.regeling, g.einddatum], s)
    _stand(ws, [_("Totaal"), "", "", None], totaal, vet=True)


def _tuple(s: Saldi) -> tuple:
    return (s.gestort, s.aangegaan, s.vrijgevallen, s.gerealiseerd)


def _begroting(wb: Workbook, user: Any, jaar: int) -> None:
    kop = [
        _("Code"),
        _("Begrotingspost"),
        _("Begroot"),
        _("Verplicht"),
        _("Gerealiseerd"),
        _("Gerealiseerd op verplichtingen eerdere jaren"),
        _("Vrij"),
    ]
    ws = _blad(wb, _("Begroting %(jaar)s") % {"jaar": jaar}, kop)
    rijen = selectors.begroting_overzicht(user=user, jaar=jaar)
    for r in rijen:
        _regel(
            ws,
            [
                r.obj.code,
                r.obj.naam,
                r.begroot,
                r.saldi.verplicht,
                r.saldi.gerealiseerd,
                r.eerder,
                r.vrij_begroting,
            ],
        )
    som = selectors.totaal(rijen)
    _regel(
        ws,
        [
            _("Totaal"),
            "",
            sum((r.begroot for r in rijen), Decimal(0)),
            som.verplicht,
            som.gerealiseerd,
            sum((r.eerder for r in rijen), Decimal(0)),
            sum((r.vrij_begroting for r in rijen), Decimal(0)),
        ],
        vet=True,
    )


def _besluiten(wb: Workbook, user: Any, tot: date) -> None:
    kop = [
        _("Nummer"),
        _("Datum"),
        _("Titel"),
        _("Status"),
        _("Bedrag besluit"),
        _("Verplicht"),
        _("Gerealiseerd"),
        _("Ruimte"),
    ]
    ws = _blad(wb, _("Besluiten"), kop)
    per = saldi_per(
        Mutatie.objects.voor(user).filter(datum__lte=tot).exclude(besluit=None), "besluit"
    )
    besluiten = Besluit.objects.voor(user).filter(type=Besluit.Type.INZET_REGIONALE_MIDDELEN)
    for b in besluiten.order_by("datum", "nummer"):
        s = per.get(b.pk, Saldi())
        ruimte = None if b.bedrag is None else b.bedrag - s.verplicht
        _regel(
            ws,
            [
                b.nummer,
                b.datum,
                b.titel,
                b.get_status_display(),
                b.bedrag,
                s.verplicht,
                s.gerealiseerd,
                ruimte,
            ],
        )


def _mutaties(wb: Workbook, user: Any, jaar: int) -> int:
    kop = [
        _("Nummer"),
        _("Boekdatum"),
        _("Soort"),
        _("Rubriek"),
        _("Bedrag"),
        _("Effect op rubriek"),
        _("Geldstroom"),
        _("Begrotingspost"),
        _("Besluit"),
        _("Verplichting"),
        _("Corrigeert"),
        _("Omschrijving"),
        _("Kenmerk"),
        _("Geboekt door"),
    ]
    ws = _blad(wb, _("Mutaties %(jaar)s") % {"jaar": jaar}, kop)
    qs = selectors.mutaties_voor(user=user).filter(datum__year=jaar).order_by("datum", "pk")
    aantal = 0
    for m in qs:
        aantal += 1
        _regel(
            ws,
            [
                m.pk,
                m.datum,
                m.get_soort_display(),
                m.get_rubriek_display(),
                m.bedrag,
                m.effect,
                m.geldstroom.naam,
                str(m.begrotingspost or ""),
                m.besluit.nummer if m.besluit_id else "",
                m.verplichting_id,
                m.corrigeert_id,
                m.omschrijving,
                m.kenmerk,
                str(m.geboekt_door or ""),
            ],
        )
    return aantal


def pc_werkboek(*, user: Any, jaar: int) -> tuple[bytes, int]:
    """The workbook bytes and the number of mutaties in it."""
    tot = date(jaar, 12, 31)
    wb = xlsx_boek()
    _verloop(wb, user, jaar)
    _geldstromen(wb, user, tot)
    _begroting(wb, user, jaar)
    _besluiten(wb, user, tot)
    aantal = _mutaties(wb, user, jaar)
    return xlsx_inhoud(wb), aantal


def pc_export_response(*, user: Any, jaar: int) -> HttpResponse:
    inhoud, aantal = pc_werkboek(user=user, jaar=jaar)
    audit.geexporteerd(user=user, wat="pc_export", details={"jaar": jaar, "mutaties": aantal})
    return bijlage(inhoud, formaat="xlsx", naam=f"regionale-reserve-{jaar}")
