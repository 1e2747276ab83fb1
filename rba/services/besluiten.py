"""Writes for besluiten: gap-free numbering, immutability once genomen, corrections."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from werkcentrum.models import Medewerker

from .. import audit
from ..models import (
    Agendapunt,
    Besluit,
    BesluitNietWijzigbaar,
    BesluitTeller,
    Overlegorgaan,
)

STANDAARD_VOORVOEGSEL = "BESLUIT"


# --- besluiten -----------------------------------------------------------------------------


def _volgend_nummer(*, regio_id: int, voorvoegsel: str, jaar: int) -> str:
    """The next number in the series; call inside the transaction that saves the besluit.

    The counter row is locked FOR UPDATE, so concurrent transactions queue on it and each
    gets the next value; a rolled-back transaction rolls its increment back too, so the
    series has no gaps (besluiten are never deleted)."""
    teller, _nieuw = BesluitTeller.objects.select_for_update().get_or_create(
        regio_id=regio_id, voorvoegsel=voorvoegsel, jaar=jaar
    )
    teller.laatste += 1
    teller.save(update_fields=["laatste"])
    return f"{voorvoegsel}-{jaar}-{teller.laatste:03d}"


_BESLUIT_VELDEN = {
    "titel",
    "besluittekst",
    "type",
    "besluitvorming",
    "bedrag",
    "fonds",
    "openbaar",
    "onderwerp",
    "datum",
    "agendapunt",
}


def _nieuw_besluit(
    *,
    orgaan: Overlegorgaan | None,
    regio=None,
    datum: date,
    titel: str,
    besluittekst: str,
    type: str,
    status: str,
    bedrag: Decimal | None,
    fonds: str,
    openbaar: bool,
    agendapunt: Agendapunt | None,
    onderwerp,
    vervangt: Besluit | None,
    door: Medewerker | None,
    besluitvorming: str = Besluit.Besluitvorming.VERGADERING,
) -> Besluit:
    if agendapunt is not None and orgaan is None:
        orgaan = agendapunt.vergadering.orgaan
    if regio is None:
        if orgaan is None:
            raise ValidationError({"orgaan": _("Kies het orgaan dat het besluit neemt.")})
        regio = orgaan.regio
    if agendapunt is not None and agendapunt.vergadering.orgaan_id != getattr(orgaan, "pk", None):
        raise ValidationError({"agendapunt": _("Dit agendapunt hoort bij een ander orgaan.")})
    if onderwerp is not None and onderwerp.regio_id != regio.pk:
        raise ValidationError({"onderwerp": _("Dit onderwerp hoort bij een andere regio.")})
    besluit = Besluit(
        regio=regio,
        orgaan=orgaan,
        datum=datum,
        titel=titel,
        besluittekst=besluittekst,
        type=type,
        besluitvorming=besluitvorming,
        status=status,
        bedrag=bedrag,
        fonds=fonds,
        openbaar=openbaar,
        agendapunt=agendapunt,
        onderwerp=onderwerp,
        vervangt=vervangt,
        aangemaakt_door=door if getattr(door, "pk", None) else None,
        genomen_op=timezone.now() if status == Besluit.Status.GENOMEN else None,
        nummer="(nog toe te kennen)",
    )
    # Validate everything before a number is drawn; exclude nummer which is set below.
    besluit.full_clean(exclude=["nummer"])
    voorvoegsel = orgaan.afkorting.upper() if orgaan else STANDAARD_VOORVOEGSEL
    besluit.nummer = _volgend_nummer(regio_id=regio.pk, voorvoegsel=voorvoegsel, jaar=datum.year)
    besluit.save()
    return besluit


@transaction.atomic
def besluit_vastleggen(
    *,
    orgaan: Overlegorgaan | None = None,
    datum: date,
    titel: str,
    besluittekst: str,
    type: str = Besluit.Type.OVERIG,
    besluitvorming: str = Besluit.Besluitvorming.VERGADERING,
    status: str = Besluit.Status.VOORGESTELD,
    bedrag: Decimal | None = None,
    fonds: str = "",
    openbaar: bool = True,
    agendapunt: Agendapunt | None = None,
    onderwerp=None,
    regio=None,
    door: Medewerker | None,
) -> Besluit:
    """Record a besluit with the next number of its orgaan and year (gap-free). As genomen
    only in a held vergadering or by schriftelijke besluitvorming (Besluit.clean)."""
    besluit = _nieuw_besluit(
        orgaan=orgaan,
        regio=regio,
        datum=datum,
        titel=titel,
        besluittekst=besluittekst,
        type=type,
        besluitvorming=besluitvorming,
        status=status,
        bedrag=bedrag,
        fonds=fonds,
        openbaar=openbaar,
        agendapunt=agendapunt,
        onderwerp=onderwerp,
        vervangt=None,
        door=door,
    )
    audit.besluit_vastgelegd(besluit, user=door)
    return besluit


@transaction.atomic
def besluit_nemen(*, besluit: Besluit | None = None, door: Medewerker | None, **velden) -> Besluit:
    """Take a besluit: either the given proposed/held-over one, or a new one from `velden`
    (same arguments as besluit_vastleggen). From then on it is immutable."""
    if besluit is None:
        velden["status"] = Besluit.Status.GENOMEN
        return besluit_vastleggen(door=door, **velden)
    if velden:
        besluit = besluit_wijzigen(besluit=besluit, door=door, **velden)
    return besluit_status_wijzigen(besluit=besluit, status=Besluit.Status.GENOMEN, door=door)


_OVERGANGEN = {
    Besluit.Status.VOORGESTELD: {
        Besluit.Status.GENOMEN,
        Besluit.Status.AANGEHOUDEN,
        Besluit.Status.VERWORPEN,
        Besluit.Status.INGETROKKEN,
    },
    Besluit.Status.AANGEHOUDEN: {
        Besluit.Status.VOORGESTELD,
        Besluit.Status.GENOMEN,
        Besluit.Status.VERWORPEN,
        Besluit.Status.INGETROKKEN,
    },
}


def _vergrendeld(besluit: Besluit) -> Besluit:
    besluit = Besluit.objects.select_for_update().get(pk=besluit.pk)
    if besluit.status == Besluit.Status.GENOMEN:
        raise BesluitNietWijzigbaar(
            _(
                "Besluit %(nummer)s is genomen en kan niet meer worden gewijzigd; "
                "leg een correctie vast."
            )
            % {"nummer": besluit.nummer}
        )
    return besluit


@transaction.atomic
def besluit_wijzigen(*, besluit: Besluit, door: Medewerker | None, **velden) -> Besluit:
    besluit = _vergrendeld(besluit)
    if besluit.status not in _OVERGANGEN:
        raise ValidationError(_("Een verworpen of ingetrokken besluit wordt niet meer gewijzigd."))
    onbekend = set(velden) - _BESLUIT_VELDEN
    if onbekend:
        raise TypeError(f"niet wijzigbaar: {sorted(onbekend)}")
    if "datum" in velden and velden["datum"].year != besluit.datum.year:
        raise ValidationError(
            {
                "datum": _("Het nummer hoort bij jaar %(jaar)s; kies een datum in dat jaar.")
                % {"jaar": besluit.datum.year}
            }
        )
    for veld, waarde in velden.items():
        setattr(besluit, veld, waarde)
    besluit.full_clean()
    besluit.save()
    audit.besluit_gewijzigd(besluit, user=door, velden=sorted(velden))
    return besluit


@transaction.atomic
def besluit_status_wijzigen(*, besluit: Besluit, status: str, door: Medewerker | None) -> Besluit:
    besluit = _vergrendeld(besluit)
    van = besluit.status
    if status not in _OVERGANGEN.get(van, set()):
        raise ValidationError(
            _("Van %(van)s naar %(naar)s is geen toegestane overgang.")
            % {"van": besluit.get_status_display(), "naar": Besluit.Status(status).label}
        )
    besluit.status = status
    if status == Besluit.Status.GENOMEN:
        besluit.genomen_op = timezone.now()
    besluit.full_clean()
    besluit.save()
    audit.besluit_status_gewijzigd(besluit, user=door, van=van)
    return besluit


@transaction.atomic
def besluit_corrigeren(
    *,
    besluit: Besluit,
    datum: date,
    titel: str,
    besluittekst: str,
    door: Medewerker | None,
    **velden,
) -> Besluit:
    """A correction of a taken besluit: a new genomen besluit that supersedes it. The old
    row is untouched (it stays immutable); the chain is kept by `vervangt`."""
    oud = Besluit.objects.select_for_update().get(pk=besluit.pk)
    if oud.status != Besluit.Status.GENOMEN:
        raise ValidationError(
            _("Alleen een genomen besluit wordt gecorrigeerd; wijzig dit besluit zelf.")
        )
    if Besluit.objects.filter(vervangt=oud).exists():
        raise ValidationError(
            _("Besluit %(nummer)s is al vervangen; corrigeer het nieuwste besluit in de reeks.")
            % {"nummer": oud.nummer}
        )
    if datum < oud.datum:
        raise ValidationError(
            {"datum": _("Een correctie kan niet van voor het oorspronkelijke besluit zijn.")}
        )
    onbekend = set(velden) - _BESLUIT_VELDEN
    if onbekend:
        raise TypeError(f"onbekend: {sorted(onbekend)}")
    gegevens = {
        "type": oud.type,
        "bedrag": oud.bedrag,
        "fonds": oud.fonds,
        "openbaar": oud.openbaar,
        "onderwerp": oud.onderwerp,
        "agendapunt": None,
        # Recorded outside a meeting unless an agendapunt of a held vergadering is given.
        "besluitvorming": Besluit.Besluitvorming.SCHRIFTELIJK,
    }
    gegevens.update(velden)
    if "besluitvorming" not in velden and gegevens["agendapunt"] is not None:
        gegevens["besluitvorming"] = Besluit.Besluitvorming.VERGADERING
    nieuw = _nieuw_besluit(
        orgaan=oud.orgaan,
        regio=oud.regio,
        datum=datum,
        titel=titel,
        besluittekst=besluittekst,
        status=Besluit.Status.GENOMEN,
        vervangt=oud,
        door=door,
        **gegevens,
    )
    audit.besluit_gecorrigeerd(nieuw, user=door)
    return nieuw
