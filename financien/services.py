"""Writes to the regionale reserve. The only place where mutaties are created.

Contract of every booking function: keyword-only arguments, runs in one transaction, takes
row locks (SELECT ... FOR UPDATE) in a fixed order - geldstroom, then besluit, then the
verplichting - *before* reading any balance, so concurrent bookings queue up and every check
sees the committed state; raises `ValidationError` with a Dutch message per field and writes
nothing on bad input; writes one audit event per mutatie. Authorisation (who may book) is the
caller's job: views and API allow only the financieel beheerder, the loket calls
`traject_kosten_boeken` for its own trajecten.
"""

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

from . import audit
from .models import Begrotingspost, Begrotingsregel, Geldstroom, Mutatie, twee_decimalen
from .saldi import Saldi, euro, saldi

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


def besluit_bruikbaar(besluit: Besluit) -> None:
    """A verplichting needs a genomen RBA besluit about inzet regionale middelen with an amount."""
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


# --- stamgegevens ---------------------------------------------------------------------------


def _uniek_controleren(obj: models.Model) -> None:
    obj.validate_unique()
    obj.validate_constraints()


@transaction.atomic
def geldstroom_opslaan(
    *, geldstroom: Geldstroom, door: Any, velden: list[str] | None = None
) -> Geldstroom:
    nieuw = geldstroom.pk is None
    geldstroom.full_clean()
    _bewaren(geldstroom, controle=lambda: _uniek_controleren(geldstroom))
    audit.stamgegeven_vastgelegd(geldstroom, user=door, nieuw=nieuw, velden=velden or [])
    return geldstroom


@transaction.atomic
def begrotingspost_opslaan(
    *, begrotingspost: Begrotingspost, door: Any, velden: list[str] | None = None
) -> Begrotingspost:
    nieuw = begrotingspost.pk is None
    begrotingspost.full_clean()
    _bewaren(begrotingspost, controle=lambda: _uniek_controleren(begrotingspost))
    audit.stamgegeven_vastgelegd(begrotingspost, user=door, nieuw=nieuw, velden=velden or [])
    return begrotingspost


@transaction.atomic
def begroting_vaststellen(
    *,
    regio: Any,
    jaar: int,
    begrotingspost: Begrotingspost,
    begroot: Any,
    door: Any,
    toelichting: str = "",
) -> Begrotingsregel:
    """Set the begroot amount of one budget line in one year (create or change)."""
    begroot = (
        Decimal(0)
        if begroot in (0, "0", Decimal(0))
        else bedrag_controleren(begroot, veld="begroot")
    )
    regio_id = getattr(regio, "pk", regio)
    _zelfde_regio(regio_id, begrotingspost=begrotingspost)
    regel = (
        Begrotingsregel.objects.select_for_update()
        .filter(regio_id=regio_id, jaar=jaar, begrotingspost=begrotingspost)
        .first()
    )
    nieuw = regel is None
    if nieuw:
        regel = Begrotingsregel(regio_id=regio_id, jaar=jaar, begrotingspost=begrotingspost)
    regel.begroot = begroot
    regel.toelichting = toelichting
    regel.full_clean()
    _bewaren(regel, controle=lambda: _regel_bestaat_al(regio_id, jaar, begrotingspost))
    audit.stamgegeven_vastgelegd(regel, user=door, nieuw=nieuw, velden=["begroot", "toelichting"])
    return regel


def _regel_bestaat_al(regio_id: int, jaar: int, begrotingspost: Begrotingspost) -> None:
    # Only reached when a parallel request created the same new line first: tell this user
    # rather than silently overwriting the amount the other one just set.
    if Begrotingsregel.objects.filter(
        regio_id=regio_id, jaar=jaar, begrotingspost=begrotingspost
    ).exists():
        raise ValidationError(
            {
                "begrotingspost": _(
                    "Iemand anders heeft de begroting %(jaar)s van deze post zojuist vastgesteld."
                    " Controleer het bedrag op de begroting en sla zo nodig opnieuw op."
                )
                % {"jaar": jaar}
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
