"""Checks, row locks and balances shared by the bookings (see the package docstring)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rba.models import Besluit

from ..models import Geldstroom, Mutatie, twee_decimalen
from ..saldi import Saldi, euro, saldi

Soort = Mutatie.Soort


# --- validation helpers ---------------------------------------------------------------------


def bedrag_controleren(bedrag: Any, *, veld: str = "bedrag") -> Decimal:
    """A positive Decimal with at most two decimals, or a ValidationError. Never a float."""
    if isinstance(bedrag, float):
        raise ValidationError({veld: _("Geef het bedrag als decimaal getal, niet als float.")})
    try:
        waarde = bedrag if isinstance(bedrag, Decimal) else Decimal(str(bedrag))
    except (InvalidOperation, ValueError) as exc:
        raise ValidationError({veld: _("Dit is geen geldig bedrag.")}) from exc
    try:
        twee_decimalen(waarde)
    except ValidationError as exc:
        raise ValidationError({veld: exc.messages}) from exc
    if waarde <= 0:
        raise ValidationError({veld: _("Het bedrag moet groter zijn dan nul.")})
    if waarde >= Decimal("1e12"):
        raise ValidationError({veld: _("Dit bedrag is te groot.")})
    return waarde.quantize(Decimal("0.01"))


def _datum_controleren(datum: date) -> None:
    if datum > timezone.localdate():
        raise ValidationError({"datum": _("Een boekdatum ligt niet in de toekomst.")})


def _geldstroom_bruikbaar(geldstroom: Geldstroom, datum: date) -> None:
    if geldstroom.is_verlopen(datum):
        raise ValidationError(
            {
                "geldstroom": _(
                    "De einddatum van %(naam)s (%(einddatum)s) is verstreken; er kan niets meer "
                    "uit of bij."
                )
                % {"naam": geldstroom.naam, "einddatum": geldstroom.einddatum.strftime("%d-%m-%Y")}
            }
        )


def _zelfde_regio(regio_id: int, **objecten: Any) -> None:
    fouten = {
        veld: _("Dit hoort bij een andere regio.")
        for veld, obj in objecten.items()
        if obj is not None and obj.regio_id != regio_id
    }
    if fouten:
        raise ValidationError(fouten)


def _opvolgers(besluit: Besluit) -> list[Besluit]:
    """The besluiten that replaced this one, oldest first (a correction chain is short)."""
    reeks: list[Besluit] = []
    if besluit.pk is None:
        return reeks
    huidig = besluit
    while (volgende := Besluit.objects.filter(vervangt=huidig).first()) is not None:
        reeks.append(volgende)
        huidig = volgende
    return reeks


def besluit_bruikbaar(besluit: Besluit) -> None:
    """A verplichting needs a genomen RBA besluit about inzet regionale middelen with an amount,
    that is still in force: not a voorstel (issue 22 point 2), not replaced or withdrawn
    (point 3; a replaced besluit keeps showing its full room, so booking on it would count the
    same money twice)."""
    opvolgers = _opvolgers(besluit)
    if opvolgers:
        door, geldend = opvolgers[0], opvolgers[-1]
        if door == geldend:
            melding = _("Besluit %(nummer)s is vervangen door %(door)s; boek op dat besluit.")
        else:
            melding = _(
                "Besluit %(nummer)s is vervangen door %(door)s, en dat weer door %(geldend)s; "
                "boek op %(geldend)s."
            )
        raise ValidationError(
            {
                "besluit": melding
                % {"nummer": besluit.nummer, "door": door.nummer, "geldend": geldend.nummer}
            }
        )
    if besluit.status == Besluit.Status.INGETROKKEN:
        raise ValidationError(
            {
                "besluit": _(
                    "Besluit %(nummer)s is ingetrokken; daarop wordt geen verplichting geboekt."
                )
                % {"nummer": besluit.nummer}
            }
        )
    if besluit.status != Besluit.Status.GENOMEN:
        raise ValidationError(
            {
                "besluit": _(
                    "Besluit %(nummer)s is niet genomen (status: %(status)s); zonder genomen "
                    "besluit geen verplichting."
                )
                % {"nummer": besluit.nummer, "status": besluit.get_status_display()}
            }
        )
    if not besluit.telt_als_genomen:
        raise ValidationError(
            {
                "besluit": _(
                    "Besluit %(nummer)s is nog een voorstel: de vergadering of de datum van het "
                    "besluit ligt in de toekomst. Zonder genomen besluit geen verplichting."
                )
                % {"nummer": besluit.nummer}
            }
        )
    if besluit.type != Besluit.Type.INZET_REGIONALE_MIDDELEN:
        raise ValidationError(
            {"besluit": _("Alleen een besluit over inzet van regionale middelen geeft ruimte.")}
        )
    if besluit.bedrag is None:
        raise ValidationError({"besluit": _("Dit besluit noemt geen bedrag.")})


# --- locks and balances ---------------------------------------------------------------------


def _lock_geldstroom(geldstroom: Geldstroom) -> Geldstroom:
    return Geldstroom.objects.select_for_update().get(pk=geldstroom.pk)


def _lock_besluit(besluit: Besluit) -> Besluit:
    return Besluit.objects.select_for_update().get(pk=besluit.pk)


def _lock_mutatie(mutatie: Mutatie) -> Mutatie:
    return Mutatie.objects.select_for_update().get(pk=mutatie.pk)


def geldstroom_saldi(geldstroom: Geldstroom) -> Saldi:
    return saldi(Mutatie.objects.filter(geldstroom=geldstroom))


def besluit_ruimte(besluit: Besluit) -> Decimal:
    """The besluit's amount minus its net verplichtingen (vrijval gives room back)."""
    verplicht = saldi(Mutatie.objects.filter(besluit=besluit)).verplicht
    return (besluit.bedrag or Decimal(0)) - verplicht


def verplichting_openstaand(verplichting: Mutatie) -> Decimal:
    """What is left of a verplichting: its amount (zero once corrected) minus realisaties and
    vrijval booked on it."""
    if Mutatie.objects.filter(corrigeert=verplichting).exists():
        return Decimal("0.00")
    afgewikkeld = saldi(Mutatie.objects.filter(verplichting=verplichting))
    return verplichting.bedrag - afgewikkeld.gerealiseerd - afgewikkeld.vrijgevallen


def _vrij_controleren(geldstroom: Geldstroom, bedrag: Decimal) -> None:
    vrij = geldstroom_saldi(geldstroom).vrij
    if bedrag > vrij:
        raise ValidationError(
            {
                "bedrag": _(
                    "Dit bedrag (%(bedrag)s) is meer dan de vrije ruimte van %(naam)s "
                    "(%(vrij)s); het vrije saldo mag niet onder nul."
                )
                % {"bedrag": euro(bedrag), "naam": geldstroom.naam, "vrij": euro(vrij)}
            }
        )


def _besluit_ruimte_controleren(besluit: Besluit, bedrag: Decimal) -> None:
    ruimte = besluit_ruimte(besluit)
    if bedrag > ruimte:
        raise ValidationError(
            {
                "bedrag": _(
                    "Besluit %(nummer)s heeft nog %(ruimte)s ruimte; de verplichtingen op een "
                    "besluit gaan nooit boven het besloten bedrag (%(besluit)s)."
                )
                % {
                    "nummer": besluit.nummer,
                    "ruimte": euro(ruimte),
                    "besluit": euro(besluit.bedrag),
                }
            }
        )


def _verplichting_openstaand_controleren(verplichting: Mutatie, bedrag: Decimal) -> None:
    openstaand = verplichting_openstaand(verplichting)
    if bedrag > openstaand:
        raise ValidationError(
            {
                "bedrag": _(
                    "Op deze verplichting staat nog %(open)s open; meer kan er niet op "
                    "worden gerealiseerd of vrijvallen."
                )
                % {"open": euro(openstaand)}
            }
        )


def _kenmerk_controleren(mutatie: Mutatie) -> None:
    if (
        mutatie.kenmerk
        and Mutatie.objects.filter(regio_id=mutatie.regio_id, kenmerk=mutatie.kenmerk).exists()
    ):
        raise ValidationError(
            {
                "kenmerk": _("Het kenmerk %(kenmerk)s is in deze regio al gebruikt.")
                % {"kenmerk": mutatie.kenmerk}
            }
        )


def _bewaren(obj: models.Model, *, controle: Callable[[], None]) -> None:
    """Save `obj` in a savepoint. When a parallel transaction inserted the same unique key
    between our check and our insert, the database refuses ours (IntegrityError, after the
    winner committed); `controle` then sees the winner's row and raises the Dutch
    ValidationError, so the caller's transaction rolls back whole instead of ending in a 500.
    """
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError:
        controle()
        raise  # not a key a check knows about: a real error
