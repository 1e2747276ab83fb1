"""The werkgeversverzoek and the 24-hour promise."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from werkcentrum.isolation import isolated
from werkcentrum.models import Arbeidsmarktregio, Medewerker

from .. import mail
from ..models import (
    Sector,
    Werkgever,
    Werkgeversverzoek,
)
from ..models.instelling import belofte_uren
from ..regiolijsten import sector_controleren
from .rechten import _opslaan, wsp_managers

# The defaults; a regio's own promise (WspInstelling) moves both: the warning comes
# WAARSCHUWING_VOOR the deadline.
WAARSCHUWING_NA = timedelta(hours=20)
BELOFTE = timedelta(hours=24)
WAARSCHUWING_VOOR = BELOFTE - WAARSCHUWING_NA


@transaction.atomic
def verzoek_ontvangen(
    *,
    regio: Arbeidsmarktregio,
    bron: str,
    bedrijfsnaam: str,
    contactnaam: str,
    email: str,
    vraag: str,
    kvk_nummer: str = "",
    telefoon: str = "",
    sector: Sector | None = None,
    ontvangen_op: datetime | None = None,
    door: Medewerker | None = None,
) -> Werkgeversverzoek:
    """Route to the accounthouder of a known werkgever (by KvK), else to the cluster's queue.

    The one entry for every channel (public form, WSP phone, loket): routing, the promise and
    the mail are the same whoever records it. `door` is the staff member who typed it in
    (None for the public form). A chosen sector must be one the regio offers."""
    sector_controleren(regio=regio, sector=sector)
    werkgever = (
        Werkgever.objects.filter(regio=regio, kvk_nummer=kvk_nummer)
        .select_related("accounthouder", "sector")
        .first()
        if kvk_nummer
        else None
    )
    if werkgever and werkgever.sector_id and sector is None:
        sector = werkgever.sector
    verzoek = _opslaan(
        Werkgeversverzoek(regio=regio),
        bron=bron,
        bedrijfsnaam=bedrijfsnaam,
        contactnaam=contactnaam,
        email=email,
        vraag=vraag,
        kvk_nummer=kvk_nummer,
        telefoon=telefoon,
        sector=sector,
        cluster=sector.cluster if sector else None,
        werkgever=werkgever,
        toegewezen_aan=werkgever.accounthouder if werkgever else None,
        ontvangen_op=ontvangen_op or timezone.now(),
        ingevoerd_door=door,
    )
    mail.verzoek_nieuw(verzoek, _verzoek_ontvangers(verzoek))
    return verzoek


def _verzoek_ontvangers(verzoek: Werkgeversverzoek) -> list[str]:
    # An unassigned request sits in its cluster's queue; the managers distribute that queue.
    if verzoek.toegewezen_aan_id:
        return [verzoek.toegewezen_aan.email]
    return list(wsp_managers(verzoek.regio_id).values_list("email", flat=True))


@transaction.atomic
def verzoek_toewijzen(
    *, verzoek: Werkgeversverzoek, aan: Medewerker, door: Medewerker
) -> Werkgeversverzoek:
    if aan.regio_id != verzoek.regio_id:
        raise ValidationError({"toegewezen_aan": _("Deze medewerker werkt in een andere regio.")})
    return _opslaan(verzoek, toegewezen_aan=aan)


@transaction.atomic
def verzoek_beantwoorden(
    *, verzoek: Werkgeversverzoek, door: Medewerker, reactie: str, op: datetime | None = None
) -> Werkgeversverzoek:
    """Record the first reaction; the reaction time (clock hours) is stored once."""
    op = op or timezone.now()
    if not reactie.strip():
        raise ValidationError({"reactie": _("Beschrijf de reactie aan de werkgever.")})
    if op < verzoek.ontvangen_op:
        raise ValidationError({"reactie": _("De reactie kan niet voor het verzoek liggen.")})
    claimed = Werkgeversverzoek.objects.filter(pk=verzoek.pk, eerste_reactie_op=None).update(
        eerste_reactie_op=op,
        reactietijd=op - verzoek.ontvangen_op,
        reactie=reactie,
        toegewezen_aan=verzoek.toegewezen_aan or door,
    )
    if claimed != 1:
        raise ValidationError({"reactie": _("Op dit verzoek is al gereageerd.")})
    verzoek.refresh_from_db()
    return verzoek


def verzoeken_bewaken(*, nu: datetime | None = None) -> dict[str, int]:
    """Warn the assignee 4 hours before the deadline (at 20 hours of a 24-hour promise) and
    escalate to the wsp_managers at the deadline without a reaction; the promise is the
    regio's (belofte_uren). Each happens once, also when two workers run this at the same
    time: the sent-marker is claimed with a conditional UPDATE in the transaction that sends.
    A request whose mail fails is logged and retried on the next run; the others go on
    (isolated)."""
    nu = nu or timezone.now()
    resultaat = {"gewaarschuwd": 0, "geescaleerd": 0}
    regio_ids = (
        Werkgeversverzoek.objects.filter(eerste_reactie_op=None)
        .values_list("regio_id", flat=True)
        .distinct()
    )
    for regio_id in sorted(set(regio_ids)):
        uren = belofte_uren(regio_id)
        for sleutel, aantal in _bewaken(regio_id, timedelta(hours=uren), nu).items():
            resultaat[sleutel] += aantal
    return resultaat


def _bewaken(regio_id: int, belofte: timedelta, nu: datetime) -> dict[str, int]:
    resultaat = {"gewaarschuwd": 0, "geescaleerd": 0}
    open_ = Werkgeversverzoek.objects.filter(
        regio_id=regio_id, eerste_reactie_op=None
    ).select_related("toegewezen_aan", "regio")
    waarschuwing_na = max(belofte - WAARSCHUWING_VOOR, belofte / 2)
    for verzoek in open_.filter(ontvangen_op__lte=nu - belofte, escalatie_op=None):
        with isolated("verzoeken_bewaken", verzoek):
            if Werkgeversverzoek.objects.filter(
                pk=verzoek.pk, escalatie_op=None, eerste_reactie_op=None
            ).update(escalatie_op=nu, waarschuwing_op=verzoek.waarschuwing_op or nu):
                managers = wsp_managers(verzoek.regio_id).values_list("email", flat=True)
                mail.verzoek_escalatie(verzoek, managers)
                resultaat["geescaleerd"] += 1
    for verzoek in open_.filter(ontvangen_op__lte=nu - waarschuwing_na, waarschuwing_op=None):
        with isolated("verzoeken_bewaken", verzoek):
            if Werkgeversverzoek.objects.filter(
                pk=verzoek.pk, waarschuwing_op=None, eerste_reactie_op=None
            ).update(waarschuwing_op=nu):
                mail.verzoek_waarschuwing(verzoek, _verzoek_ontvangers(verzoek))
                resultaat["gewaarschuwd"] += 1
    return resultaat
