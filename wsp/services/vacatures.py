"""Writes on vacatures."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from werkcentrum.models import Medewerker

from ..models import (
    Vacature,
    Werkgever,
)
from ..regiolijsten import doelgroepen_controleren
from .rechten import _met_nieuwe_skills, _opslaan, _vereist_bewerkrecht

S = Vacature.Status


@transaction.atomic
def vacature_registreren(
    *,
    werkgever: Werkgever,
    door: Medewerker,
    skills=(),
    nieuwe_skills: list[str] | None = None,
    **velden: Any,
) -> Vacature:
    _vereist_bewerkrecht(door, werkgever)
    if velden.pop("status", S.OPEN) != S.OPEN:
        raise ValidationError({"status": _("Een nieuwe vacature begint altijd als open.")})
    doelgroepen_controleren(regio=werkgever.regio_id, codes=velden.get("doelgroepen") or [])
    vacature = _opslaan(Vacature(regio_id=werkgever.regio_id, werkgever=werkgever), **velden)
    vacature.skills.set(_met_nieuwe_skills(skills, nieuwe_skills))
    return vacature


@transaction.atomic
def vacature_bijwerken(
    *,
    vacature: Vacature,
    door: Medewerker,
    skills=None,
    nieuwe_skills: list[str] | None = None,
    **velden: Any,
) -> Vacature:
    """Edits the details; a status change goes through the same check as the status page."""
    _vereist_bewerkrecht(door, vacature.werkgever)
    van = vacature.status
    if "doelgroepen" in velden:
        doelgroepen_controleren(
            regio=vacature.regio_id,
            codes=velden["doelgroepen"] or [],
            huidig=vacature.doelgroepen or [],
        )
    for naam, waarde in velden.items():
        setattr(vacature, naam, waarde)
    if vacature.status != van:
        vacaturestatus_controleren(
            vacature=vacature,
            van=van,
            naar=vacature.status,
            door=door,
            vandaag=timezone.localdate(),
        )
    _opslaan(vacature)
    if skills is not None or nieuwe_skills:
        vacature.skills.set(_met_nieuwe_skills(skills, nieuwe_skills))
    return vacature


def vacatures_laten_verlopen(*, vandaag: date | None = None) -> int:
    """Open vacatures past their closing date become verlopen. Idempotent."""
    vandaag = vandaag or timezone.localdate()
    return Vacature.objects.filter(
        status__in=[S.OPEN, S.IN_BEHANDELING], sluitingsdatum__lt=vandaag
    ).update(status=S.VERLOPEN)


# --- the status of a vacature --------------------------------------------------------------

# Transitions a person may choose. `verlopen` is a fact of the calendar rather than a choice:
# it is allowed only once the closing date has passed (the nightly task does the same).
# Reopening a verlopen or ingetrokken vacancy needs a closing date after today: otherwise the
# nightly task would expire it again the next night and the vacaturekrant would show a
# vacancy that is already closed. Vervuld is final: the placement behind it stays counted.
VACATURE_OVERGANGEN: dict[str, frozenset[str]] = {
    S.OPEN: frozenset({S.IN_BEHANDELING, S.INGETROKKEN, S.VERLOPEN}),
    S.IN_BEHANDELING: frozenset({S.VERVULD, S.INGETROKKEN, S.VERLOPEN}),
    S.VERVULD: frozenset(),
    S.INGETROKKEN: frozenset({S.OPEN}),
    S.VERLOPEN: frozenset({S.OPEN}),
}
HEROPENBAAR = frozenset({S.INGETROKKEN, S.VERLOPEN})
# A placement from a voordracht fills the vacancy, also after its closing date: the closing
# date ends applications, not the selection of candidates proposed before it.
VERVULD_DOOR_PLAATSING = frozenset({S.OPEN, S.IN_BEHANDELING, S.VERLOPEN})


def mag_vacaturestatus_wijzigen(user: Medewerker, vacature: Vacature) -> bool:
    """The accounthouder of the werkgever or a wsp_manager of the regio (the superuser all)."""
    if user.is_superuser:
        return True
    if user.regio_id != vacature.regio_id:
        return False
    if user.heeft_rol("wsp_manager"):
        return True
    return user.heeft_rol("wsp_adviseur") and vacature.werkgever.accounthouder_id == user.pk


def toegestane_statussen(vacature: Vacature, *, vandaag: date | None = None) -> list[str]:
    """The statuses a person can move this vacancy to today (for the status form)."""
    vandaag = vandaag or timezone.localdate()
    return [
        s
        for s in S.values
        if s in VACATURE_OVERGANGEN[vacature.status]
        and (s != S.VERLOPEN or vacature.sluitingsdatum < vandaag)
    ]


def _status_label(waarde: str) -> str:
    return str(S(waarde).label).lower()


def vacaturestatus_controleren(
    *, vacature: Vacature, van: str | None, naar: str, door: Medewerker | None, vandaag: date
) -> None:
    """The one check of every status change (UI, API, import). `vacature` carries the closing
    date that holds after the change; `van` is None for a new vacancy; `door` None means the
    system (no personal right needed). Raises PermissionError or ValidationError."""
    if naar not in S.values:
        raise ValidationError({"status": _("Onbekende status.")})
    if van is not None and door is not None and not mag_vacaturestatus_wijzigen(door, vacature):
        raise PermissionError(
            _(
                "Alleen de accounthouder van de werkgever of een WSP-manager mag de status "
                "van een vacature wijzigen."
            )
        )
    if van is not None and naar != van and naar not in VACATURE_OVERGANGEN[van]:
        raise ValidationError(
            {
                "status": _("Een vacature met status '%(van)s' kan niet naar '%(naar)s'.")
                % {"van": _status_label(van), "naar": _status_label(naar)}
            }
        )
    if vacature.sluitingsdatum is None:
        return  # full_clean reports the missing date
    if naar == S.VERLOPEN and naar != van and vacature.sluitingsdatum >= vandaag:
        raise ValidationError(
            {
                "status": _(
                    "Een vacature verloopt pas na de sluitingsdatum (%(datum)s); "
                    "trek hem in als hij eerder vervalt."
                )
                % {"datum": vacature.sluitingsdatum.strftime("%d-%m-%Y")}
            }
        )
    if van in HEROPENBAAR and naar == S.OPEN and vacature.sluitingsdatum <= vandaag:
        raise ValidationError(
            {"sluitingsdatum": _("Kies bij heropenen een nieuwe sluitingsdatum na vandaag.")}
        )


@transaction.atomic
def vacature_status_wijzigen(
    *,
    vacature: Vacature,
    status: str,
    door: Medewerker,
    sluitingsdatum: date | None = None,
    vandaag: date | None = None,
) -> Vacature:
    """A person changes the status. A new closing date is given only when reopening."""
    vandaag = vandaag or timezone.localdate()
    vacature = Vacature.objects.select_for_update().select_related("werkgever").get(pk=vacature.pk)
    van = vacature.status
    if status == van:
        raise ValidationError({"status": _("De vacature heeft deze status al.")})
    if sluitingsdatum is not None:
        if not (van in HEROPENBAAR and status == S.OPEN):
            raise ValidationError(
                {
                    "sluitingsdatum": _(
                        "Een nieuwe sluitingsdatum geef je hier alleen op bij heropenen."
                    )
                }
            )
        vacature.sluitingsdatum = sluitingsdatum
    vacaturestatus_controleren(vacature=vacature, van=van, naar=status, door=door, vandaag=vandaag)
    return _opslaan(vacature, status=status)


def _systeemovergang(vacature_pk: int, *, van: frozenset[str], naar: str) -> int:
    """A transition that follows from another event (a voordracht, a placement, the calendar);
    the conditional UPDATE keeps it safe against a concurrent change."""
    return Vacature.objects.filter(pk=vacature_pk, status__in=van).update(status=naar)
