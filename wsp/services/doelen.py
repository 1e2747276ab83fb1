"""Doelstellingen (per regio or gemeente) and activiteiten for the factsheet."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from werkcentrum.models import Arbeidsmarktregio, Gemeente, Medewerker

from ..models import Activiteit, Doelstelling
from ..regiolijsten import doelgroep_controleren
from .rechten import _opslaan


def mag_doelstellingen_beheren(user: Medewerker) -> bool:
    return user.is_superuser or user.heeft_rol("wsp_manager")


@transaction.atomic
def doelstelling_vastleggen(
    *,
    regio: Arbeidsmarktregio,
    door: Medewerker,
    jaar: int,
    doelgroep: str,
    aantal: int,
    gemeente: Gemeente | None = None,
) -> Doelstelling:
    """Set the target of the regio (gemeente None) or of one gemeente: creates it or changes
    the existing one. The rows of that year and doelgroep are locked first, so two managers
    cannot together push the gemeenten past the regio's target."""
    if not mag_doelstellingen_beheren(door):
        raise PermissionError(_("Alleen een WSP-manager legt doelstellingen vast."))
    list(
        Doelstelling.objects.select_for_update().filter(regio=regio, jaar=jaar, doelgroep=doelgroep)
    )
    bestaand = Doelstelling.objects.filter(
        regio=regio, jaar=jaar, doelgroep=doelgroep, gemeente=gemeente
    ).first()
    # An existing target keeps its (perhaps since deactivated) doelgroep; a new one needs an
    # active doelgroep of the regio.
    doelgroep_controleren(
        regio=regio, code=doelgroep, huidig=bestaand.doelgroep if bestaand else ""
    )
    doel = bestaand or Doelstelling(regio=regio, jaar=jaar, doelgroep=doelgroep, gemeente=gemeente)
    return _opslaan(doel, aantal=aantal)


@transaction.atomic
def activiteit_registreren(
    *, regio: Arbeidsmarktregio, door: Medewerker, **velden: Any
) -> Activiteit:
    return _opslaan(Activiteit(regio=regio), **velden)
