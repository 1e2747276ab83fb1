"""The bookings: every mutatie of the grootboek is written here (see the package docstring)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rba.models import Besluit

from .. import audit
from ..models import Begrotingspost, Geldstroom, Mutatie
from ..saldi import euro
from .controles import (
    _besluit_ruimte_controleren,
    _bewaren,
    _datum_controleren,
    _geldstroom_bruikbaar,
    _kenmerk_controleren,
    _lock_besluit,
    _lock_geldstroom,
    _lock_mutatie,
    _verplichting_openstaand_controleren,
    _vrij_controleren,
    _zelfde_regio,
    bedrag_controleren,
    besluit_bruikbaar,
    geldstroom_saldi,
    verplichting_openstaand,
)

Soort = Mutatie.Soort


def _schrijven(mutatie: Mutatie, *, door: Any) -> Mutatie:
    _kenmerk_controleren(mutatie)
    try:
        mutatie.full_clean()
    except ValidationError:
        _kenmerk_controleren(mutatie)  # a parallel booking took the kenmerk since the check
        raise
    _bewaren(mutatie, controle=lambda: _kenmerk_controleren(mutatie))
    audit.mutatie_geboekt(mutatie, user=door)
    return mutatie


# --- bookings -------------------------------------------------------------------------------


@transaction.atomic
def storting_boeken(
    *,
    geldstroom: Geldstroom,
    datum: date,
    bedrag: Any,
    omschrijving: str,
    door: Any,
    kenmerk: str = "",
) -> Mutatie:
    """Money received on a fund (also an opening balance). Raises ValidationError."""
    bedrag = bedrag_controleren(bedrag)
    _datum_controleren(datum)
    geldstroom = _lock_geldstroom(geldstroom)
    _geldstroom_bruikbaar(geldstroom, datum)
    return _schrijven(
        Mutatie(
            regio_id=geldstroom.regio_id,
            soort=Soort.STORTING,
            rubriek=Soort.STORTING,
            datum=datum,
            bedrag=bedrag,
            geldstroom=geldstroom,
            omschrijving=omschrijving,
            kenmerk=kenmerk,
            geboekt_door=door,
        ),
        door=door,
    )


@transaction.atomic
def verplichting_boeken(
    *,
    geldstroom: Geldstroom,
    besluit: Besluit,
    begrotingspost: Begrotingspost,
    datum: date,
    bedrag: Any,
    omschrijving: str,
    door: Any,
    kenmerk: str = "",
) -> Mutatie:
    """Commit money of a fund under a genomen RBA besluit (inzet regionale middelen).

    Refused when the fund is past its end date, the besluit's room or the fund's free balance
    is too small, or the besluit is not usable (see `besluit_bruikbaar`)."""
    bedrag = bedrag_controleren(bedrag)
    _datum_controleren(datum)
    if besluit is None:
        raise ValidationError({"besluit": _("Een verplichting hoort bij een genomen RBA-besluit.")})
    if begrotingspost is None:
        raise ValidationError({"begrotingspost": _("Kies een begrotingspost.")})
    _zelfde_regio(geldstroom.regio_id, besluit=besluit, begrotingspost=begrotingspost)
    geldstroom = _lock_geldstroom(geldstroom)
    besluit = _lock_besluit(besluit)
    _geldstroom_bruikbaar(geldstroom, datum)
    besluit_bruikbaar(besluit)
    _besluit_ruimte_controleren(besluit, bedrag)
    _vrij_controleren(geldstroom, bedrag)
    return _schrijven(
        Mutatie(
            regio_id=geldstroom.regio_id,
            soort=Soort.VERPLICHTING,
            rubriek=Soort.VERPLICHTING,
            datum=datum,
            bedrag=bedrag,
            geldstroom=geldstroom,
            besluit=besluit,
            begrotingspost=begrotingspost,
            omschrijving=omschrijving,
            kenmerk=kenmerk,
            geboekt_door=door,
        ),
        door=door,
    )


def _afwikkeling(
    soort: str,
    *,
    verplichting: Mutatie,
    datum: date,
    bedrag: Any,
    omschrijving: str,
    door: Any,
    kenmerk: str,
) -> Mutatie:
    bedrag = bedrag_controleren(bedrag)
    _datum_controleren(datum)
    if verplichting.soort != Soort.VERPLICHTING:
        raise ValidationError({"verplichting": _("Kies een verplichting.")})
    geldstroom = _lock_geldstroom(verplichting.geldstroom)
    verplichting = _lock_mutatie(verplichting)
    if soort == Soort.REALISATIE:
        _geldstroom_bruikbaar(geldstroom, datum)
    if datum < verplichting.datum:
        raise ValidationError({"datum": _("De boekdatum ligt voor die van de verplichting.")})
    _verplichting_openstaand_controleren(verplichting, bedrag)
    return _schrijven(
        Mutatie(
            regio_id=verplichting.regio_id,
            soort=soort,
            rubriek=soort,
            datum=datum,
            bedrag=bedrag,
            geldstroom=geldstroom,
            besluit_id=verplichting.besluit_id,
            begrotingspost_id=verplichting.begrotingspost_id,
            verplichting=verplichting,
            omschrijving=omschrijving,
            kenmerk=kenmerk,
            geboekt_door=door,
        ),
        door=door,
    )


@transaction.atomic
def realisatie_boeken(
    *,
    verplichting: Mutatie,
    datum: date,
    bedrag: Any,
    omschrijving: str,
    door: Any,
    kenmerk: str = "",
) -> Mutatie:
    """Spend (part of) a verplichting: the onttrekking from the reserve. Never more than what
    is still open on it; not after the fund's end date."""
    return _afwikkeling(
        Soort.REALISATIE,
        verplichting=verplichting,
        datum=datum,
        bedrag=bedrag,
        omschrijving=omschrijving,
        door=door,
        kenmerk=kenmerk,
    )


@transaction.atomic
def vrijval_boeken(
    *,
    verplichting: Mutatie,
    datum: date,
    bedrag: Any,
    omschrijving: str,
    door: Any,
    kenmerk: str = "",
) -> Mutatie:
    """Release (part of) what is still open on a verplichting back to the fund and besluit."""
    return _afwikkeling(
        Soort.VRIJVAL,
        verplichting=verplichting,
        datum=datum,
        bedrag=bedrag,
        omschrijving=omschrijving,
        door=door,
        kenmerk=kenmerk,
    )


@transaction.atomic
def mutatie_corrigeren(
    *, mutatie: Mutatie, datum: date, omschrijving: str, door: Any, kenmerk: str = ""
) -> Mutatie:
    """Undo a mistake with a correctie that reverses `mutatie` in full and refers to it.

    A correctie itself is not corrected again (book the right mutatie anew instead); an
    original is corrected at most once. Refused when the reversal would break a rule: a
    storting whose money is already committed, a verplichting with realisaties or vrijval
    still on it, a vrijval whose money the fund or besluit no longer has free."""
    _datum_controleren(datum)
    geldstroom = _lock_geldstroom(mutatie.geldstroom)
    besluit = _lock_besluit(mutatie.besluit) if mutatie.besluit_id else None
    if mutatie.verplichting_id:
        _lock_mutatie(mutatie.verplichting)
    origineel = _lock_mutatie(mutatie)
    if origineel.soort == Soort.CORRECTIE:
        raise ValidationError(
            _("Een correctie wordt niet opnieuw gecorrigeerd; boek de juiste mutatie.")
        )
    if Mutatie.objects.filter(corrigeert=origineel).exists():
        raise ValidationError(_("Deze mutatie is al gecorrigeerd."))
    if datum < origineel.datum:
        raise ValidationError(
            {"datum": _("De correctie ligt voor de boekdatum van het origineel.")}
        )
    if origineel.soort == Soort.STORTING:
        _vrij_controleren(geldstroom, origineel.bedrag)
    elif origineel.soort == Soort.VERPLICHTING:
        if verplichting_openstaand(origineel) != origineel.bedrag:
            raise ValidationError(
                _("Op deze verplichting staan realisaties of vrijval; corrigeer die eerst.")
            )
    elif origineel.soort == Soort.VRIJVAL:
        _vrij_controleren(geldstroom, origineel.bedrag)
        _besluit_ruimte_controleren(besluit, origineel.bedrag)
    return _schrijven(
        Mutatie(
            regio_id=origineel.regio_id,
            soort=Soort.CORRECTIE,
            rubriek=origineel.rubriek,
            teken=-1,
            datum=datum,
            bedrag=origineel.bedrag,
            geldstroom=geldstroom,
            besluit=besluit,
            begrotingspost_id=origineel.begrotingspost_id,
            verplichting_id=origineel.verplichting_id,
            corrigeert=origineel,
            omschrijving=omschrijving,
            kenmerk=kenmerk,
            geboekt_door=door,
        ),
        door=door,
    )


@transaction.atomic
def traject_kosten_boeken(
    *,
    regio: Any,
    begrotingspost: Begrotingspost,
    bedrag: Any,
    besluit: Besluit,
    omschrijving: str,
    door: Any,
    realiseren: bool,
    geldstroom: Geldstroom | None = None,
    datum: date | None = None,
    kenmerk: str = "",
) -> tuple[Mutatie, Mutatie | None]:
    """The loket's one entry into the reserve: book a traject's cost.

    Books a verplichting of `bedrag` on `besluit` and `begrotingspost` and, when `realiseren`
    is true, a realisatie of the same amount on it, in one transaction (both or neither).
    `geldstroom` defaults to the usable fund of `regio` that ends first (money that expires
    soonest is spent first) with enough free balance. All ledger rules apply (genomen besluit
    of type inzet regionale middelen with room, free balance, end date, two decimals); on a
    breach it raises ValidationError and writes nothing. Returns (verplichting, realisatie or
    None). The caller (loket) decides who may book; `door` is recorded as the booker.
    `kenmerk` (e.g. "traject-123") makes a second call for the same traject fail on the
    unique kenmerk instead of booking twice.
    """
    datum = datum or timezone.localdate()
    bedrag = bedrag_controleren(bedrag)
    regio_id = getattr(regio, "pk", regio)
    if geldstroom is None:
        geldstroom = _fonds_kiezen(regio_id=regio_id, datum=datum, bedrag=bedrag)
    if geldstroom.regio_id != regio_id:
        raise ValidationError({"geldstroom": _("Dit hoort bij een andere regio.")})
    if kenmerk and Mutatie.objects.filter(regio_id=regio_id, kenmerk=kenmerk).exists():
        raise ValidationError({"kenmerk": _("Deze kosten zijn al geboekt.")})
    verplichting = verplichting_boeken(
        geldstroom=geldstroom,
        besluit=besluit,
        begrotingspost=begrotingspost,
        datum=datum,
        bedrag=bedrag,
        omschrijving=omschrijving,
        door=door,
        kenmerk=kenmerk,
    )
    realisatie = None
    if realiseren:
        realisatie = realisatie_boeken(
            verplichting=verplichting,
            datum=datum,
            bedrag=bedrag,
            omschrijving=omschrijving,
            door=door,
            kenmerk=f"{kenmerk}-r" if kenmerk else "",
        )
    return verplichting, realisatie


def _fonds_kiezen(*, regio_id: int, datum: date, bedrag: Decimal) -> Geldstroom:
    # Lock every candidate in primary-key order (the same order for every caller, so two
    # concurrent bookings cannot deadlock), then take the one that ends first.
    kandidaten = list(
        Geldstroom.objects.select_for_update().filter(regio_id=regio_id, actief=True).order_by("pk")
    )
    bruikbaar = [g for g in kandidaten if not g.is_verlopen(datum)]
    bruikbaar.sort(key=lambda g: (g.einddatum is None, g.einddatum or date.max, g.pk))
    for geldstroom in bruikbaar:
        if geldstroom_saldi(geldstroom).vrij >= bedrag:
            return geldstroom
    raise ValidationError(
        {
            "bedrag": _("Geen geldstroom van de regio heeft %(bedrag)s vrij.")
            % {"bedrag": euro(bedrag)}
        }
    )


@transaction.atomic
def traject_kosten_afwikkelen(
    *,
    regio: Any,
    kenmerk: str,
    gerealiseerd: bool,
    omschrijving: str,
    door: Any,
    datum: date | None = None,
) -> Mutatie | None:
    """Settle what is still open on the verplichting booked by `traject_kosten_boeken` with
    `kenmerk`: as realisatie when the traject was completed, as vrijval when it was stopped.
    Idempotent: a second call finds nothing open and books nothing (returns None)."""
    regio_id = getattr(regio, "pk", regio)
    verplichting = (
        Mutatie.objects.filter(regio_id=regio_id, kenmerk=kenmerk, soort=Soort.VERPLICHTING)
        .select_for_update()
        .first()
    )
    if verplichting is None:
        return None
    open_bedrag = verplichting_openstaand(verplichting)
    if open_bedrag <= 0:
        return None
    boeken = realisatie_boeken if gerealiseerd else vrijval_boeken
    return boeken(
        verplichting=verplichting,
        datum=max(datum or timezone.localdate(), verplichting.datum),
        bedrag=open_bedrag,
        omschrijving=omschrijving,
        door=door,
        kenmerk=f"{kenmerk}-{'r' if gerealiseerd else 'v'}",
    )
