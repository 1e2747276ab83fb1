"""Kandidaten (warme overdracht) and voordrachten."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from werkcentrum.models import Arbeidsmarktregio, Medewerker

from .. import audit
from ..models import (
    Kandidaat,
    Vacature,
    Voordracht,
)
from ..regiolijsten import doelgroep_controleren
from .rechten import (
    _met_nieuwe_skills,
    _opslaan,
    _vereist_bewerkrecht,
    toestemming_niet_ingetrokken,
)
from .vacatures import _systeemovergang


@transaction.atomic
def kandidaat_registreren(
    *,
    regio: Arbeidsmarktregio,
    door: Medewerker,
    skills=(),
    nieuwe_skills: list[str] | None = None,
    gewenste_gemeenten=(),
    gewenste_sectoren=(),
    **velden: Any,
) -> Kandidaat:
    """Warme overdracht: who handed over, when, and the consent are recorded."""
    doelgroep_controleren(regio=regio, code=velden.get("doelgroep", ""))
    kandidaat = _opslaan(Kandidaat(regio=regio), **velden)
    kandidaat.skills.set(_met_nieuwe_skills(skills, nieuwe_skills))
    kandidaat.gewenste_gemeenten.set(gewenste_gemeenten)
    kandidaat.gewenste_sectoren.set(gewenste_sectoren)
    audit.kandidaat_aangemaakt(kandidaat, user=door)
    return kandidaat


@transaction.atomic
def kandidaat_bijwerken(
    *,
    kandidaat: Kandidaat,
    door: Medewerker,
    m2m: dict | None = None,
    nieuwe_skills: list[str] | None = None,
    **velden: Any,
) -> Kandidaat:
    toestemming_niet_ingetrokken(kandidaat)
    gewijzigd = [n for n, w in velden.items() if getattr(kandidaat, n) != w]
    if "doelgroep" in velden:
        doelgroep_controleren(
            regio=kandidaat.regio_id, code=velden["doelgroep"], huidig=kandidaat.doelgroep
        )
    _opslaan(kandidaat, **velden)
    m2m = dict(m2m or {})
    if nieuwe_skills:
        m2m["skills"] = _met_nieuwe_skills(m2m.get("skills", kandidaat.skills.all()), nieuwe_skills)
    for naam, waarden in m2m.items():
        getattr(kandidaat, naam).set(waarden)
        gewijzigd.append(naam)
    audit.kandidaat_gewijzigd(kandidaat, user=door, velden=gewijzigd)
    return kandidaat


@transaction.atomic
def voordracht_doen(
    *, vacature: Vacature, kandidaat: Kandidaat, door: Medewerker, score: int = 0
) -> Voordracht:
    _vereist_bewerkrecht(door, vacature.werkgever)
    toestemming_niet_ingetrokken(kandidaat)
    if not kandidaat.toestemming:
        raise ValidationError(
            {"kandidaat": _("Deze kandidaat heeft geen toestemming voor bemiddeling gegeven.")}
        )
    if kandidaat.regio_id != vacature.regio_id:
        raise ValidationError({"kandidaat": _("Deze kandidaat hoort bij een andere regio.")})
    if vacature.status not in (Vacature.Status.OPEN, Vacature.Status.IN_BEHANDELING):
        raise ValidationError(_("Voordragen kan alleen bij een open vacature."))
    voordracht = _opslaan(
        Voordracht(regio_id=vacature.regio_id),
        vacature=vacature,
        kandidaat=kandidaat,
        door=door,
        score=score,
    )
    _systeemovergang(
        vacature.pk, van=frozenset({Vacature.Status.OPEN}), naar=Vacature.Status.IN_BEHANDELING
    )
    return voordracht


VOLGENDE_STATUS = {
    Voordracht.Status.VOORGESTELD: {Voordracht.Status.GESPREK, Voordracht.Status.AFGEWEZEN},
    Voordracht.Status.GESPREK: {Voordracht.Status.AANGENOMEN, Voordracht.Status.AFGEWEZEN},
    Voordracht.Status.AANGENOMEN: set(),
    Voordracht.Status.AFGEWEZEN: set(),
}


@transaction.atomic
def voordracht_status_wijzigen(
    *, voordracht: Voordracht, status: str, door: Medewerker, afwijsreden: str = ""
) -> Voordracht:
    _vereist_bewerkrecht(door, voordracht.vacature.werkgever)
    if status not in VOLGENDE_STATUS[voordracht.status]:
        raise ValidationError({"status": _("Deze stap kan niet vanuit de huidige status.")})
    if status == Voordracht.Status.AFGEWEZEN and not afwijsreden.strip():
        raise ValidationError({"afwijsreden": _("Geef de reden van de afwijzing.")})
    return _opslaan(voordracht, status=status, afwijsreden=afwijsreden)
