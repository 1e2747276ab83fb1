"""Warme overdracht to the WSP: offer (loket or partner), accept as kandidaat, return.

Who may do what: a gids or coordinator offers for the Werkcentrum, a partnermedewerker for
their own organisation (UWV, gemeente, re-integratiebedrijf); a wsp_adviseur or wsp_manager of
the same regio accepts or returns."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from werkcentrum.models import Arbeidsmarktregio, Medewerker, Organisatie

from .. import audit
from ..models import Kandidaat, Overdracht, Voordracht
from ..regiolijsten import doelgroep_controleren
from .kandidaten import kandidaat_registreren
from .rechten import _opslaan, ingetrokken_melding

LOKET_ROLLEN = ("gids", "coordinator")
PARTNER_ROL = "partnermedewerker"
WSP_ROLLEN = ("wsp_adviseur", "wsp_manager")

# A partner's organisation type decides the source the chain figures count.
BRON_VAN_TYPE = {
    Organisatie.Type.UWV: Overdracht.Bron.UWV,
    Organisatie.Type.GEMEENTE: Overdracht.Bron.GEMEENTE,
    Organisatie.Type.REINTEGRATIE: Overdracht.Bron.REINTEGRATIE,
    Organisatie.Type.WERKCENTRUM: Overdracht.Bron.WERKCENTRUM,
}

# The fields copied into the Kandidaat on acceptance.
KANDIDAATVELDEN = (
    "voornaam",
    "achternaam",
    "email",
    "telefoon",
    "woongemeente",
    "doelgroep",
    "opleidingsniveau",
    "taalniveau",
    "gewenst_beroep",
    "uren_per_week",
    "rijbewijs",
    "beschikbaar_vanaf",
)


def mag_overdragen(user: Medewerker) -> bool:
    if user.heeft_rol(*LOKET_ROLLEN):
        return True
    return (
        user.heeft_rol(PARTNER_ROL)
        and user.organisatie_id is not None
        and user.organisatie.type in BRON_VAN_TYPE
    )


def mag_overdracht_beoordelen(user: Medewerker, overdracht: Overdracht) -> bool:
    if user.is_superuser:
        return True
    return user.regio_id == overdracht.regio_id and user.heeft_rol(*WSP_ROLLEN)


def _bron_en_organisatie(user: Medewerker, regio: Arbeidsmarktregio):
    """The loket hands over for the Werkcentrum, a partner for its own organisation."""
    if user.heeft_rol(*LOKET_ROLLEN) and not user.heeft_rol(PARTNER_ROL):
        organisatie = user.organisatie
        if organisatie is None or organisatie.type != Organisatie.Type.WERKCENTRUM:
            organisatie = (
                Organisatie.objects.filter(regio=regio, type=Organisatie.Type.WERKCENTRUM)
                .order_by("pk")
                .first()
            )
        if organisatie is None:
            raise ValidationError(
                _("Deze regio heeft nog geen organisatie van het type Werkcentrum.")
            )
        return Overdracht.Bron.WERKCENTRUM, organisatie
    if not mag_overdragen(user):
        raise PermissionError(_("Je mag geen kandidaten aan het WSP overdragen."))
    return BRON_VAN_TYPE[user.organisatie.type], user.organisatie


def al_overgedragen(
    *, regio_id: int, voornaam: str, achternaam: str, email: str, woongemeente_id: int | None
) -> bool:
    """The same person is still open at the WSP: an open handover or an active kandidaat with
    the same e-mail address, or the same name in the same gemeente."""
    zelfde = Q(
        voornaam__iexact=voornaam.strip(),
        achternaam__iexact=achternaam.strip(),
        woongemeente_id=woongemeente_id,
    )
    if email:
        zelfde |= Q(email__iexact=email.strip())
    return (
        Overdracht.objects.filter(
            zelfde, regio_id=regio_id, status=Overdracht.Status.AANGEBODEN
        ).exists()
        or Kandidaat.objects.filter(zelfde, regio_id=regio_id, actief=True).exists()
    )


@transaction.atomic
def overdracht_aanbieden(
    *,
    regio: Arbeidsmarktregio,
    door: Medewerker,
    toestemming: bool,
    toestemming_gegevens: str,
    gesprek=None,
    doorverwijzing=None,
    traject=None,
    vacature=None,
    **velden: Any,
) -> Overdracht:
    """Hand a werkfit werkzoekende to the regio's WSP, with the person's recorded consent."""
    if not door.is_superuser and door.regio_id != regio.pk:
        raise PermissionError(_("Je kunt alleen overdragen aan het WSP van je eigen regio."))
    bron, organisatie = _bron_en_organisatie(door, regio)
    if not toestemming:
        raise ValidationError(
            {
                "toestemming": _(
                    "Zonder toestemming van de persoon kan er niets worden overgedragen. "
                    "Vraag of de gegevens met het WSP gedeeld mogen worden."
                )
            }
        )
    doelgroep_controleren(regio=regio, code=velden.get("doelgroep", ""))
    for naam, herkomst in (
        ("gesprek", gesprek),
        ("doorverwijzing", doorverwijzing),
        ("traject", traject),
    ):
        if herkomst is not None and herkomst.regio_id != regio.pk:
            raise ValidationError({naam: _("Dit hoort bij een andere regio.")})
    if gesprek is None and doorverwijzing is not None:
        gesprek = doorverwijzing.gesprek
    if gesprek is None and traject is not None:
        gesprek = traject.gesprek
    ingetrokken_op = toestemming_ingetrokken_op(
        regio_id=regio.pk,
        voornaam=velden.get("voornaam", ""),
        achternaam=velden.get("achternaam", ""),
        email=velden.get("email", ""),
        woongemeente_id=getattr(velden.get("woongemeente"), "pk", None),
        gesprek=gesprek,
        doorverwijzing=doorverwijzing,
        traject=traject,
    )
    if ingetrokken_op is not None:
        raise ValidationError(ingetrokken_melding(ingetrokken_op))
    if al_overgedragen(
        regio_id=regio.pk,
        voornaam=velden.get("voornaam", ""),
        achternaam=velden.get("achternaam", ""),
        email=velden.get("email", ""),
        woongemeente_id=getattr(velden.get("woongemeente"), "pk", None),
    ) or _herkomst_open(gesprek=gesprek, doorverwijzing=doorverwijzing, traject=traject):
        raise ValidationError(
            _(
                "Deze persoon is al aan het WSP overgedragen en dat is nog niet afgerond. "
                "Eén persoon, één kandidaat: neem contact op met het WSP."
            )
        )
    nu = timezone.now()
    overdracht = _opslaan(
        Overdracht(regio=regio),
        bron=bron,
        organisatie=organisatie,
        aangeboden_door=door,
        aangeboden_op=nu,
        gesprek=gesprek,
        doorverwijzing=doorverwijzing,
        traject=traject,
        vacature=vacature,
        toestemming_gegevens=toestemming_gegevens,
        toestemming_aan=_("Werkgeversservicepunt %(regio)s") % {"regio": regio.naam},
        toestemming_op=nu,
        toestemming_door=door,
        **velden,
    )
    audit.overdracht_aangeboden(overdracht, user=door)
    return overdracht


def _zelfde_persoon(*, voornaam: str, achternaam: str, email: str, woongemeente_id) -> Q:
    zelfde = Q(
        voornaam__iexact=voornaam.strip(),
        achternaam__iexact=achternaam.strip(),
        woongemeente_id=woongemeente_id,
    )
    if email:
        zelfde |= Q(email__iexact=email.strip())
    return zelfde


def toestemming_ingetrokken_op(
    *,
    regio_id: int,
    voornaam: str,
    achternaam: str,
    email: str,
    woongemeente_id: int | None,
    gesprek=None,
    doorverwijzing=None,
    traject=None,
):
    """When the same person (or the same loket record) withdrew consent for an earlier
    handover: that moment, else None. A withdrawal stops every further processing, a new
    handover included."""
    zelfde = _zelfde_persoon(
        voornaam=voornaam, achternaam=achternaam, email=email, woongemeente_id=woongemeente_id
    )
    for naam, obj in (
        ("gesprek", gesprek),
        ("doorverwijzing", doorverwijzing),
        ("traject", traject),
    ):
        if obj is not None:
            zelfde |= Q(**{naam: obj})
    momenten = [
        Overdracht.objects.filter(zelfde, regio_id=regio_id)
        .exclude(toestemming_ingetrokken_op=None)
        .order_by("-toestemming_ingetrokken_op")
        .values_list("toestemming_ingetrokken_op", flat=True)
        .first(),
        Kandidaat.objects.filter(
            _zelfde_persoon(
                voornaam=voornaam,
                achternaam=achternaam,
                email=email,
                woongemeente_id=woongemeente_id,
            ),
            regio_id=regio_id,
        )
        .exclude(toestemming_ingetrokken_op=None)
        .order_by("-toestemming_ingetrokken_op")
        .values_list("toestemming_ingetrokken_op", flat=True)
        .first(),
    ]
    momenten = [m for m in momenten if m is not None]
    return max(momenten) if momenten else None


def _herkomst_open(*, gesprek, doorverwijzing, traject) -> bool:
    herkomst = Q()
    for naam, obj in (
        ("gesprek", gesprek),
        ("doorverwijzing", doorverwijzing),
        ("traject", traject),
    ):
        if obj is not None:
            herkomst |= Q(**{naam: obj})
    if not herkomst:
        return False
    return Overdracht.objects.filter(herkomst, status__in=Overdracht.OPEN).exists()


def _vergrendeld(overdracht: Overdracht) -> Overdracht:
    """Read the row again under a lock: two adviseurs clicking at once make one kandidaat."""
    return Overdracht.objects.select_for_update().get(pk=overdracht.pk)


@transaction.atomic
def overdracht_aannemen(*, overdracht: Overdracht, door: Medewerker) -> Kandidaat:
    """The WSP accepts: one kandidaat with its origin, the person's data copied once."""
    if not mag_overdracht_beoordelen(door, overdracht):
        raise PermissionError(_("Alleen het WSP van deze regio beoordeelt overdrachten."))
    overdracht = _vergrendeld(overdracht)
    if overdracht.toestemming_ingetrokken_op is not None:
        raise ValidationError(ingetrokken_melding(overdracht.toestemming_ingetrokken_op))
    if overdracht.status != Overdracht.Status.AANGEBODEN:
        raise ValidationError(_("Deze overdracht is al beoordeeld."))
    kandidaat = kandidaat_registreren(
        regio=overdracht.regio,
        door=door,
        **{veld: getattr(overdracht, veld) for veld in KANDIDAATVELDEN},
        werkfit=True,
        overgedragen_door=overdracht.organisatie,
        overdrager_naam=overdracht.aangeboden_door.get_full_name()[:150],
        overgedragen_op=timezone.localdate(overdracht.aangeboden_op),
        toestemming=True,
        toestemming_op=timezone.localdate(overdracht.toestemming_op),
    )
    _opslaan(
        overdracht,
        status=Overdracht.Status.AANGENOMEN,
        kandidaat=kandidaat,
        beoordeeld_door=door,
        beoordeeld_op=timezone.now(),
    )
    audit.overdracht_beoordeeld(overdracht, user=door)
    return kandidaat


@transaction.atomic
def overdracht_teruggeven(*, overdracht: Overdracht, door: Medewerker, reden: str) -> Overdracht:
    """The WSP returns the person to who offered them, saying why (not werkfit yet, ...)."""
    if not mag_overdracht_beoordelen(door, overdracht):
        raise PermissionError(_("Alleen het WSP van deze regio beoordeelt overdrachten."))
    if not (reden or "").strip():
        raise ValidationError({"reden_teruggave": _("Geef de reden waarom je teruggeeft.")})
    overdracht = _vergrendeld(overdracht)
    if overdracht.status != Overdracht.Status.AANGEBODEN:
        raise ValidationError(_("Deze overdracht is al beoordeeld."))
    _opslaan(
        overdracht,
        status=Overdracht.Status.TERUGGEGEVEN,
        reden_teruggave=reden.strip(),
        beoordeeld_door=door,
        beoordeeld_op=timezone.now(),
    )
    audit.overdracht_beoordeeld(overdracht, user=door)
    return overdracht


# --- Toestemming intrekken -------------------------------------------------------------------

INGETROKKEN_REDEN = "Toestemming ingetrokken"


def mag_toestemming_intrekken(user: Medewerker, *, overdracht=None, kandidaat=None) -> bool:
    """The WSP records a withdrawal on the kandidaat or the handover; the one who offered (the
    gids, the Werkcentrum's coordinator, a partner of the offering organisation) on the
    handover. Never across regio's."""
    obj = overdracht if overdracht is not None else kandidaat
    if obj is None:
        return False
    if user.is_superuser:
        return True
    if user.regio_id != obj.regio_id:
        return False
    if user.heeft_rol(*WSP_ROLLEN):
        return True
    if overdracht is None:
        return False
    if user.heeft_rol("coordinator") and (
        overdracht.bron == Overdracht.Bron.WERKCENTRUM or overdracht.aangeboden_door_id == user.pk
    ):
        return True
    if user.heeft_rol("gids") and overdracht.aangeboden_door_id == user.pk:
        return True
    return bool(
        user.heeft_rol(PARTNER_ROL)
        and user.organisatie_id is not None
        and user.organisatie_id == overdracht.organisatie_id
    )


@transaction.atomic
def toestemming_intrekken(
    *,
    overdracht: Overdracht | None = None,
    kandidaat: Kandidaat | None = None,
    door: Medewerker,
    toelichting: str = "",
) -> Kandidaat | Overdracht:
    """The person withdraws consent: every further processing stops, in one transaction.

    The handover(s) get status ingetrokken (a returned one keeps its status) and the moment;
    the kandidaat loses consent and is no longer active; open voordrachten are closed so that
    werkgevers see nothing new. Returns the kandidaat when there is one, else the handover."""
    if (overdracht is None) == (kandidaat is None):
        raise ValueError("Geef een overdracht of een kandidaat.")
    if not mag_toestemming_intrekken(door, overdracht=overdracht, kandidaat=kandidaat):
        raise PermissionError(_("Je mag de toestemming van deze persoon niet intrekken."))
    if overdracht is not None:
        overdracht = _vergrendeld(overdracht)
        kandidaat_id = overdracht.kandidaat_id
    else:
        kandidaat_id = kandidaat.pk
    kandidaat = Kandidaat.objects.select_for_update().get(pk=kandidaat_id) if kandidaat_id else None
    al = (
        kandidaat.toestemming_ingetrokken_op if kandidaat else overdracht.toestemming_ingetrokken_op
    )
    if al is not None:
        raise ValidationError(ingetrokken_melding(al))
    nu = timezone.now()
    toelichting = (toelichting or "").strip()[:500]

    # Every handover of the person: the one named, and all that led to the kandidaat.
    filter_ = Q(pk=overdracht.pk) if overdracht is not None else Q(pk__in=[])
    if kandidaat is not None:
        filter_ |= Q(kandidaat=kandidaat)
    overdrachten = list(
        Overdracht.objects.select_for_update()
        .filter(filter_, toestemming_ingetrokken_op=None)
        .order_by("pk")
    )
    for o in overdrachten:
        velden = {"toestemming_ingetrokken_op": nu}
        if o.is_open:
            velden["status"] = Overdracht.Status.INGETROKKEN
        Overdracht.objects.filter(pk=o.pk).update(**velden)
    gesloten = 0
    if kandidaat is not None:
        Kandidaat.objects.filter(pk=kandidaat.pk).update(
            toestemming=False, actief=False, toestemming_ingetrokken_op=nu
        )
        # Open proposals are closed: the werkgever sees nothing new of the person.
        gesloten = Voordracht.objects.filter(
            kandidaat=kandidaat,
            status__in=(Voordracht.Status.VOORGESTELD, Voordracht.Status.GESPREK),
        ).update(status=Voordracht.Status.AFGEWEZEN, afwijsreden=INGETROKKEN_REDEN)
        kandidaat.refresh_from_db()
    audit.toestemming_ingetrokken(
        kandidaat if kandidaat is not None else overdracht,
        user=door,
        overdrachten=[o.pk for o in overdrachten],
        voordrachten_gesloten=gesloten,
        toelichting=toelichting,
    )
    if overdracht is not None:
        overdracht.refresh_from_db()
    return kandidaat if kandidaat is not None else overdracht


# --- Bewaartermijn -----------------------------------------------------------------------------


def overdrachten_opschonen(*, regio: Arbeidsmarktregio, grens, nu=None) -> int:
    """Erase the personal data of handovers that ended without a kandidaat (returned, or
    consent withdrawn) before `grens`, the regio's bewaartermijn back. The rows stay for the
    chain figures. Idempotent: an erased handover is not touched again. Part of the loket's
    retention task (loket.services.persoonsgegevens_opschonen)."""
    from werkcentrum import audit as werkcentrum_audit
    from werkcentrum.models import AuditEvent

    from ..privacy import ANONIEM, overdracht_wissen

    qs = (
        Overdracht.objects.filter(regio=regio)
        .filter(
            Q(status=Overdracht.Status.TERUGGEGEVEN, beoordeeld_op__lt=grens)
            | Q(status=Overdracht.Status.INGETROKKEN, toestemming_ingetrokken_op__lt=grens)
        )
        .exclude(voornaam=ANONIEM, achternaam="")
        .only("pk", "regio_id", "reden_teruggave")
        .order_by("pk")
    )
    aantal = 0
    for overdracht in qs:
        with transaction.atomic():
            overdracht_wissen(overdracht, nu)
            werkcentrum_audit.vastleggen(
                actie=AuditEvent.Actie.VERWIJDERD,
                event="persoonsgegevens_bewaartermijn_verstreken",
                user=None,
                obj=overdracht,
                doel="bewaartermijn",
            )
        aantal += 1
    return aantal
