"""The coordinator's watch over warme doorverwijzingen: the ones that reached nobody and the
ones without a reaction within the promised working days, and what to do about them (send
again, send to another dienst, close)."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from werkcentrum.models import Medewerker

from . import audit, contactroute
from .models import Dienst, Doorverwijzing, DoorverwijzingLink

S = Doorverwijzing.Status


def te_bewaken(*, user: Medewerker, vandaag: date | None = None) -> QuerySet:
    """Open referrals of the user's regio that reached nobody or are overdue, oldest first."""
    from .selectors import doorverwijzingen_voor

    vandaag = vandaag or timezone.localdate()
    return (
        doorverwijzingen_voor(user=user)
        .exclude(status__in=Doorverwijzing.GESLOTEN)
        .filter(Q(melding_verstuurd_op=None) | Q(status=S.VERSTUURD, reactie_uiterlijk__lt=vandaag))
        .order_by("verstuurd_op", "pk")
    )


def _als_coordinator(door: Medewerker, dv: Doorverwijzing) -> Doorverwijzing:
    if not (door.is_superuser or door.heeft_rol("coordinator")) or (
        door.regio_id != dv.regio_id and not door.is_superuser
    ):
        raise PermissionDenied
    dv = Doorverwijzing.objects.select_for_update().get(pk=dv.pk)
    if not dv.is_open:
        raise ValidationError(_("Deze doorverwijzing is al afgesloten."))
    return dv


def _opnieuw_melden(dv: Doorverwijzing, *, nu) -> None:
    """Clear the sent-marker and revoke old links; the notice task goes out after commit."""
    DoorverwijzingLink.objects.filter(
        doorverwijzing=dv, gebruikt_op=None, ingetrokken_op=None
    ).update(ingetrokken_op=nu)
    dv.melding_verstuurd_op = None
    dv.melding_aan = ""
    dv.partner_herinnerd_op = None
    dv.gids_geinformeerd_op = None
    dv.reactie_uiterlijk = contactroute.reactie_uiterlijk(dienst=dv.dienst, verstuurd_op=nu)
    from .tasks import doorverwijzing_melden

    doorverwijzing_melden.delay_on_commit(dv.pk)


_OPNIEUW_VELDEN = [
    "melding_verstuurd_op",
    "melding_aan",
    "partner_herinnerd_op",
    "gids_geinformeerd_op",
    "reactie_uiterlijk",
]


@transaction.atomic
def opnieuw_versturen(*, doorverwijzing: Doorverwijzing, door: Medewerker) -> Doorverwijzing:
    """Send the notice again to the organisation's current route, with a new reaction date."""
    dv = _als_coordinator(door, doorverwijzing)
    contactroute.route_vereist(dv.organisatie, veld="__all__")
    _opnieuw_melden(dv, nu=timezone.now())
    dv.save(update_fields=_OPNIEUW_VELDEN)
    contactroute.stap_toelichten(dv, door=door, toelichting=_("Opnieuw verstuurd"))
    return dv


@transaction.atomic
def doorsturen(
    *, doorverwijzing: Doorverwijzing, dienst: Dienst, toestemming: bool, door: Medewerker
) -> Doorverwijzing:
    """Reassign the referral to another dienst (and so organisation). The person's consent
    named the first organisation: the coordinator records that it covers the new one."""
    dv = _als_coordinator(door, doorverwijzing)
    if dienst.regio_id != dv.regio_id or not dienst.actief or not dienst.organisatie.actief:
        raise ValidationError({"dienst": _("Kies een actieve dienst in deze regio.")})
    if dienst.pk == dv.dienst_id:
        raise ValidationError({"dienst": _("Kies een andere dienst dan de huidige.")})
    if not toestemming:
        raise ValidationError(
            {
                "toestemming": _(
                    "Leg vast dat de persoon toestemming gaf om de gegevens met de nieuwe "
                    "organisatie te delen."
                )
            }
        )
    contactroute.route_vereist(dienst.organisatie)
    nu = timezone.now()
    oud = dv.organisatie
    dv.dienst = dienst
    dv.organisatie = dienst.organisatie
    dv.status = S.VERSTUURD
    dv.ontvangen_op = dv.contact_gelegd_op = None
    dv.verstuurd_op = nu
    dv.toestemming_op = nu
    dv.toestemming_door = door
    _opnieuw_melden(dv, nu=nu)
    dv.full_clean()
    dv.save()
    contactroute.stap_toelichten(
        dv,
        door=door,
        toelichting=_("Doorgestuurd van %(oud)s naar %(nieuw)s")
        % {"oud": oud.naam, "nieuw": dienst.organisatie.naam},
    )
    audit.gewijzigd(dv, user=door, doel="warme doorverwijzing opvolgen", velden=["organisatie"])
    return dv
