"""Personal token links to a published factsheet version, for recipients without an account.

A link is a random 256-bit token; only its SHA-256 is stored (`FactsheetLink.token_hash`). A
plain hash is enough: the token is random and long, so there is nothing to brute-force, and a
lookup by hash is one indexed query. We chose a stored random token over a signed one because
revoking one recipient's link and counting its openings need a row anyway, and a row does not
depend on SECRET_KEY (rotating the key does not break or revive links).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from werkcentrum import audit
from werkcentrum.models import Arbeidsmarktregio, AuditEvent
from werkcentrum.site import site_url
from werkcentrum.tokens import nieuw_token, token_hash

from ..factsheet_models import Factsheet, FactsheetLink, FactsheetOntvanger

__all__ = [
    "LinkOngeldig",
    "link_aanmaken",
    "link_intrekken",
    "link_openen",
    "link_url",
    "links_van",
]


class LinkOngeldig(Exception):
    """The token opens nothing: `status` 404 (unknown) or 410 (expired or revoked)."""

    def __init__(self, status: int, reden: str) -> None:
        super().__init__(reden)
        self.status = status
        self.reden = reden


_hash = token_hash


def link_url(token: str, *, regio: Arbeidsmarktregio) -> str:
    """The absolute URL put in the e-mail (the only place the token is ever written), on the
    factsheet's regio's own address when it has one."""
    pad = reverse("factsheet_publiek:factsheet", kwargs={"token": token})
    return site_url(regio) + pad


def link_aanmaken(
    *, factsheet: Factsheet, ontvanger: FactsheetOntvanger, nu: datetime | None = None
) -> tuple[FactsheetLink, str]:
    """A new link for one recipient of a published version; returns (link, token). Runs in
    the caller's transaction; a second link for the same pair fails on the unique constraint
    (the caller checks first under the factsheet's row lock)."""
    if not factsheet.gepubliceerd:
        raise ValidationError(_("Alleen een gepubliceerde factsheet krijgt links."))
    nu = nu or timezone.now()
    token = nieuw_token()
    link = FactsheetLink.objects.create(
        regio_id=factsheet.regio_id,
        factsheet=factsheet,
        ontvanger=ontvanger,
        token_hash=_hash(token),
        verstuurd_op=nu,
        geldig_tot=nu + timedelta(days=settings.WERKCENTRUM_FACTSHEET_LINK_DAGEN),
    )
    return link, token


def link_openen(token: str, *, op_host_van: Arbeidsmarktregio | None = None) -> FactsheetLink:
    """The link of `token` with its factsheet, counting this opening; raises LinkOngeldig.
    The count is one conditional UPDATE (F() + 1), so parallel openings are all counted.
    `op_host_van`: the regio whose own host name is visited; another regio's link is
    unknown there (one regio's address never shows another's data)."""
    if not token or len(token) > 100:
        raise LinkOngeldig(404, "onbekend")
    link = (
        FactsheetLink.objects.select_related("factsheet__gemeente", "factsheet__regio")
        .filter(token_hash=_hash(token))
        .first()
    )
    if op_host_van is not None and link is not None and link.regio_id != op_host_van.pk:
        link = None
    if link is None or not link.factsheet.gepubliceerd:
        raise LinkOngeldig(404, "onbekend")
    nu = timezone.now()
    if link.ingetrokken_op is not None:
        raise LinkOngeldig(410, "ingetrokken")
    if link.geldig_tot <= nu:
        raise LinkOngeldig(410, "verlopen")
    FactsheetLink.objects.filter(pk=link.pk).update(
        aantal_geopend=F("aantal_geopend") + 1, laatst_geopend=nu
    )
    return link


@transaction.atomic
def link_intrekken(*, link: FactsheetLink, door) -> bool:
    """Revoke one recipient's link (the page answers 410 from now on). Idempotent: returns
    False when it was already revoked."""
    gewijzigd = FactsheetLink.objects.filter(pk=link.pk, ingetrokken_op__isnull=True).update(
        ingetrokken_op=timezone.now(), ingetrokken_door=door
    )
    if gewijzigd:
        audit.vastleggen(
            actie=AuditEvent.Actie.GEWIJZIGD,
            event="wsp_factsheet_link_ingetrokken",
            user=door,
            obj=link,
            details={"factsheet": link.factsheet_id},
        )
    link.refresh_from_db()
    return bool(gewijzigd)


def links_van(*, factsheet: Factsheet) -> QuerySet[FactsheetLink]:
    """The links of one version with their recipients, for the manager's overview."""
    return (
        FactsheetLink.objects.filter(factsheet=factsheet)
        .select_related("ontvanger")
        .order_by("ontvanger__naam", "pk")
    )
