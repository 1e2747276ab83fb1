"""Writes for acties: carry-over to the next meeting and idempotent reminders."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from werkcentrum.isolation import isolated
from werkcentrum.mail import send_mail
from werkcentrum.models import Medewerker
from werkcentrum.werkdagen import werkdagen_na

from .. import audit
from ..models import (
    Actie,
    Overlegorgaan,
    Vergadering,
)

# --- acties --------------------------------------------------------------------------------


def volgende_vergadering(orgaan: Overlegorgaan) -> Vergadering | None:
    return (
        Vergadering.objects.filter(
            orgaan=orgaan,
            status__in=(Vergadering.Status.GEPLAND, Vergadering.Status.AGENDA_GEPUBLICEERD),
            datum__gte=timezone.localdate(),
        )
        .order_by("datum", "aanvang")
        .first()
    )


def open_acties_doorschuiven(*, orgaan: Overlegorgaan) -> int:
    """Put every open actie of `orgaan` on the actielijst of its next meeting (idempotent).
    Held meetings keep the list they had: their link rows are never removed."""
    volgende = volgende_vergadering(orgaan)
    if volgende is None:
        return 0
    open_acties = (
        Actie.objects.filter(orgaan=orgaan, status__in=Actie.OPEN_STATUSSEN)
        .exclude(vergadering__datum__gte=volgende.datum)
        .exclude(geagendeerd_op=volgende)
    )
    ids = list(open_acties.values_list("pk", flat=True))
    Doorgeschoven = Actie.geagendeerd_op.through
    Doorgeschoven.objects.bulk_create(
        [Doorgeschoven(actie_id=pk, vergadering_id=volgende.pk) for pk in ids],
        ignore_conflicts=True,
    )
    return len(ids)


_ACTIE_VELDEN = {
    "omschrijving",
    "deadline",
    "eigenaar",
    "eigenaar_naam",
    "eigenaar_email",
    "onderwerp",
    "status",
    "vergadering",
    "besluit",
}


@transaction.atomic
def actie_vastleggen(
    *,
    actie: Actie | None = None,
    orgaan: Overlegorgaan | None = None,
    door: Medewerker | None,
    **velden,
) -> Actie:
    """Create (orgaan given) or change an actie. A changed deadline re-arms its reminders."""
    onbekend = set(velden) - _ACTIE_VELDEN
    if onbekend:
        raise TypeError(f"onbekend: {sorted(onbekend)}")
    nieuw = actie is None
    if nieuw:
        if orgaan is None:
            raise ValidationError({"orgaan": _("Kies het orgaan.")})
        actie = Actie(orgaan=orgaan, regio=orgaan.regio)
    else:
        actie = Actie.objects.select_for_update().get(pk=actie.pk)
    oude_deadline = actie.deadline
    for veld, waarde in velden.items():
        setattr(actie, veld, waarde)
    for veld in ("vergadering", "besluit", "onderwerp"):
        gekoppeld = getattr(actie, veld)
        if gekoppeld is not None and gekoppeld.regio_id != actie.regio_id:
            raise ValidationError({veld: _("Dit hoort bij een andere regio.")})
    if not nieuw and oude_deadline != actie.deadline:
        actie.herinnerd_vooraf_op = None
        actie.herinnerd_deadline_op = None
    if actie.status == Actie.Status.AFGEROND and actie.afgerond_op is None:
        actie.afgerond_op = timezone.localdate()
    elif actie.status != Actie.Status.AFGEROND:
        actie.afgerond_op = None
    actie.full_clean()
    actie.save()
    if actie.is_open:
        open_acties_doorschuiven(orgaan=actie.orgaan)
    audit.actie_gewijzigd(actie, user=door, nieuw=nieuw)
    return actie


def _herinnering(actie: Actie, soort: str) -> None:
    context = {"actie": actie, "soort": soort}
    onderwerp = (
        _("Herinnering: actie met deadline %(datum)s")
        if soort == "vooraf"
        else _("Vandaag deadline: actie %(datum)s")
    ) % {"datum": actie.deadline.strftime("%d-%m-%Y")}
    send_mail(
        onderwerp,
        render_to_string("rba/mail/actie_herinnering.txt", context),
        None,
        [actie.eigenaar_adres],
        regio=actie.regio,
    )


def actie_herinneringen_versturen(*, vandaag: date) -> int:
    """Remind owners 5 working days before and on the deadline. Idempotent: each reminder
    is claimed with a conditional UPDATE in the same transaction that sends it (a failed
    send rolls the claim back, so it is retried). A failing actie is logged and the others
    go on (werkcentrum.isolation)."""
    verstuurd = 0
    vooraf_grens = werkdagen_na(vandaag, 5)
    # An actie whose owner was erased (verwijderverzoek) has no address left to remind.
    open_ = Actie.objects.filter(status__in=Actie.OPEN_STATUSSEN).exclude(
        eigenaar=None, eigenaar_email=""
    )
    soorten = [
        (
            "vooraf",
            "herinnerd_vooraf_op",
            open_.filter(deadline__gt=vandaag, deadline__lte=vooraf_grens),
        ),
        (
            "deadline",
            "herinnerd_deadline_op",
            open_.filter(deadline__lte=vandaag, deadline__gt=vandaag - timedelta(days=7)),
        ),
    ]
    for soort, marker, kandidaten in soorten:
        for pk in kandidaten.filter(**{f"{marker}__isnull": True}).values_list("pk", flat=True):
            with isolated("actie_herinneringen_versturen", f"rba.actie:{pk}"):
                geclaimd = Actie.objects.filter(pk=pk, **{f"{marker}__isnull": True}).update(
                    **{marker: vandaag}
                )
                if geclaimd != 1:
                    continue  # another worker got there first
                actie = Actie.objects.select_related("eigenaar").get(pk=pk)
                _herinnering(actie, soort)
                verstuurd += 1
    return verstuurd
