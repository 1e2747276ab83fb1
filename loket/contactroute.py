"""How a warme doorverwijzing reaches a person at the organisation.

An organisation's route is its partnermedewerkers in the portal (a mail with a link behind
the login) or, without them, its functional mailbox: that gets a single-use, expiring link
through which the organisation confirms and updates the referral without an account. The link
works like the factsheet links (wsp/factsheets/links.py): a random 256-bit token, only its
SHA-256 stored. A referral without a route is refused before it is made.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from werkcentrum.models import Medewerker, Organisatie
from werkcentrum.werkdagen import werkdagen_na

from . import mail
from .models import Dienst, Doorverwijzing, DoorverwijzingLink, DoorverwijzingStap

LINK_GELDIG_DAGEN = 14


@dataclass(frozen=True)
class Contactroute:
    organisatie: str
    medewerkers: int
    mailbox: str

    @property
    def bereikbaar(self) -> bool:
        return bool(self.medewerkers or self.mailbox)

    @property
    def omschrijving(self) -> str:
        """What the gids reads before sending: where the referral will go."""
        if self.medewerkers:
            return ngettext(
                "gaat naar: %(n)d medewerker van %(org)s",
                "gaat naar: %(n)d medewerkers van %(org)s",
                self.medewerkers,
            ) % {"n": self.medewerkers, "org": self.organisatie}
        if self.mailbox:
            return _("gaat naar: functionele mailbox %(mailbox)s van %(org)s") % {
                "mailbox": self.mailbox,
                "org": self.organisatie,
            }
        return _("kan niet verstuurd worden: %(org)s heeft geen contactroute") % {
            "org": self.organisatie
        }


def _partnermedewerkers():
    return Medewerker.objects.filter(groups__name="partnermedewerker", is_active=True).exclude(
        email=""
    )


def contactroutes(organisaties) -> dict[int, Contactroute]:
    """The route of each organisation, in two queries whatever their number."""
    organisaties = list(organisaties)
    aantallen = dict(
        _partnermedewerkers()
        .filter(organisatie__in=[o.pk for o in organisaties])
        .values("organisatie")
        .annotate(n=Count("pk", distinct=True))
        .values_list("organisatie", "n")
    )
    return {
        o.pk: Contactroute(o.naam, aantallen.get(o.pk, 0), o.functionele_mailbox)
        for o in organisaties
    }


def contactroute(organisatie: Organisatie) -> Contactroute:
    return contactroutes([organisatie])[organisatie.pk]


def route_vereist(organisatie: Organisatie, *, veld: str = "dienst") -> Contactroute:
    """The organisation's route; a Dutch ValidationError on `veld` when it has none."""
    route = contactroute(organisatie)
    if not route.bereikbaar:
        raise ValidationError(
            {
                veld: _(
                    "%(org)s heeft geen medewerkers in het portaal en geen functionele "
                    "mailbox, dus deze doorverwijzing bereikt niemand. Bel de organisatie of "
                    "vraag de coördinator een functionele mailbox in te stellen."
                )
                % {"org": organisatie.naam}
            }
        )
    return route


def reactie_uiterlijk(*, dienst: Dienst, verstuurd_op: datetime | date) -> date:
    """The dienst's promised working days, else the regio's reactietermijn."""
    from .services import instelling_voor

    termijn = (
        dienst.reactietermijn_werkdagen or instelling_voor(dienst.regio_id).reactietermijn_werkdagen
    )
    return werkdagen_na(verstuurd_op, termijn)


# --- The notice and the mailbox link ---------------------------------------------------------


class _NietAfgeleverd(Exception):
    """Rolls the sent-marker back: nobody could be mailed."""


def melding_versturen(*, doorverwijzing_pk: int) -> int:
    """Tell the organisation about a referral, once: the sent-marker is claimed with a
    conditional UPDATE in the transaction that sends, so a retried task mails nothing twice
    and a failed send (or no route) leaves the referral 'niet afgeleverd' for the coordinator.
    Returns the number of mails sent."""
    try:
        with transaction.atomic():
            geclaimd = (
                Doorverwijzing.objects.filter(pk=doorverwijzing_pk, melding_verstuurd_op=None)
                .exclude(status__in=Doorverwijzing.GESLOTEN)
                .update(melding_verstuurd_op=timezone.now())
            )
            if geclaimd != 1:
                return 0
            dv = Doorverwijzing.objects.select_related("regio", "organisatie", "dienst").get(
                pk=doorverwijzing_pk
            )
            route = contactroute(dv.organisatie)
            if route.medewerkers:
                aantal = mail.nieuwe_doorverwijzing(dv)
            elif route.mailbox:
                link, token = link_aanmaken(doorverwijzing=dv, aan=route.mailbox)
                aantal = mail.doorverwijzing_via_mailbox(dv, token=token, link=link)
            else:
                aantal = 0
            if not aantal:
                raise _NietAfgeleverd
            Doorverwijzing.objects.filter(pk=dv.pk).update(melding_aan=route.omschrijving)
            return aantal
    except _NietAfgeleverd:
        return 0


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def link_aanmaken(
    *, doorverwijzing: Doorverwijzing, aan: str, nu: datetime | None = None
) -> tuple[DoorverwijzingLink, str]:
    """A new link for the mailbox; earlier unused links of the referral are revoked, so only
    the newest mail works. Returns (link, token); the token is written only in the mail."""
    nu = nu or timezone.now()
    DoorverwijzingLink.objects.filter(
        doorverwijzing=doorverwijzing, gebruikt_op=None, ingetrokken_op=None
    ).update(ingetrokken_op=nu)
    token = secrets.token_urlsafe(32)
    link = DoorverwijzingLink.objects.create(
        doorverwijzing=doorverwijzing,
        token_hash=_hash(token),
        aan=aan,
        aangemaakt_op=nu,
        geldig_tot=nu + timedelta(days=LINK_GELDIG_DAGEN),
    )
    return link, token


def link_zoeken(token: str, *, regio) -> DoorverwijzingLink | None:
    """The usable link of `token` in the visited regio, or None (unknown, used, revoked,
    expired, or its referral already closed)."""
    if not token or len(token) > 100:
        return None
    link = (
        DoorverwijzingLink.objects.select_related(
            "doorverwijzing__dienst",
            "doorverwijzing__organisatie",
            "doorverwijzing__regio",
            "doorverwijzing__werkgever",
            "doorverwijzing__woongemeente",
        )
        .filter(token_hash=_hash(token), doorverwijzing__regio=regio)
        .first()
    )
    if (
        link is None
        or link.gebruikt_op is not None
        or link.ingetrokken_op is not None
        or link.geldig_tot <= timezone.now()
        or not link.doorverwijzing.is_open
    ):
        return None
    return link


def link_bestaat(token: str, *, regio) -> bool:
    """Whether `token` was ever a link of this regio (a dead link answers 410, not 404)."""
    if not token or len(token) > 100:
        return False
    return DoorverwijzingLink.objects.filter(
        token_hash=_hash(token), doorverwijzing__regio=regio
    ).exists()


def link_keuzes(dv: Doorverwijzing) -> list[tuple[str, str]]:
    """The steps the organisation may take through its link (a reopened referral is the
    gids' to handle)."""
    from .services import OVERGANGEN

    if dv.status == Doorverwijzing.Status.HEROPEND:
        return []
    return [
        (s, Doorverwijzing.Status(s).label)
        for s in Doorverwijzing.Status.values
        if s in OVERGANGEN.get(dv.status, set())
    ]


@transaction.atomic
def link_gebruiken(*, token: str, regio, status: str, toelichting: str = "") -> Doorverwijzing:
    """The organisation moves the referral one step through its mailbox link. The link is used
    up in the same transaction; while the referral stays open, a fresh link for the next step
    is mailed to the mailbox (after commit). Raises ValidationError for a dead link."""
    from .services import doorverwijzing_status_wijzigen

    link = link_zoeken(token, regio=regio)
    if link is not None:
        link = DoorverwijzingLink.objects.select_for_update().get(pk=link.pk)
    if link is None or link.gebruikt_op is not None or link.ingetrokken_op is not None:
        raise ValidationError(_("Deze link is verlopen of al gebruikt."))
    if status not in dict(link_keuzes(link.doorverwijzing)):
        raise ValidationError({"status": _("Deze stap kan nu niet.")})
    nu = timezone.now()
    link.gebruikt_op = nu
    link.save(update_fields=["gebruikt_op"])
    dv = doorverwijzing_status_wijzigen(
        doorverwijzing=link.doorverwijzing,
        status=status,
        door=None,
        toelichting=toelichting,
        doel="warme doorverwijzing opvolgen (functionele mailbox)",
    )
    if dv.is_open and link_keuzes(dv):
        nieuw, nieuw_token = link_aanmaken(doorverwijzing=dv, aan=link.aan, nu=nu)
        dv = Doorverwijzing.objects.select_related("regio", "organisatie", "dienst").get(pk=dv.pk)
        transaction.on_commit(
            lambda: mail.doorverwijzing_via_mailbox(dv, token=nieuw_token, link=nieuw)
        )
    return dv


def stap_toelichten(dv: Doorverwijzing, *, door: Medewerker, toelichting: str) -> None:
    """A note in the referral's history without a status change (resent, reassigned)."""
    DoorverwijzingStap.objects.create(
        doorverwijzing=dv, status=dv.status, door=door, toelichting=toelichting[:300]
    )
