"""Who may change what, and the small helpers every write uses."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from werkcentrum.models import Medewerker

from ..models import (
    Skill,
    Werkgever,
)
from ..models.kandidaten import ingetrokken_melding


def mag_werkgever_bewerken(user: Medewerker, werkgever: Werkgever) -> bool:
    """An adviseur edits their own accounts (accounthouder or accountteam); a wsp_manager every
    account of the regio; nobody another regio's (the superuser all)."""
    if user.is_superuser:
        return True
    if user.regio_id != werkgever.regio_id:
        return False
    if user.heeft_rol("wsp_manager"):
        return True
    if not user.heeft_rol("wsp_adviseur"):
        return False
    if werkgever.accounthouder_id == user.pk:
        return True
    # A page that shows the accountteam prefetched it: no second query for the same rows.
    team = getattr(werkgever, "_prefetched_objects_cache", {}).get("accountteam")
    if team is not None:
        return any(m.pk == user.pk for m in team)
    return werkgever.accountteam.filter(pk=user.pk).exists()


def wsp_managers(regio_id: int) -> QuerySet[Medewerker]:
    return Medewerker.objects.filter(
        regio_id=regio_id, groups__name="wsp_manager", is_active=True
    ).distinct()


def _vereist_bewerkrecht(user: Medewerker, werkgever: Werkgever) -> None:
    if not mag_werkgever_bewerken(user, werkgever):
        raise PermissionError(_("Je mag dit account niet bewerken."))


def toestemming_niet_ingetrokken(kandidaat) -> None:
    """Refuse any further processing of a person who withdrew consent (issue 23)."""
    if kandidaat is not None and kandidaat.toestemming_ingetrokken_op is not None:
        raise ValidationError(ingetrokken_melding(kandidaat.toestemming_ingetrokken_op))


def _opslaan(obj, **velden: Any):
    for naam, waarde in velden.items():
        setattr(obj, naam, waarde)
    obj.full_clean()
    obj.save()
    return obj


def _met_nieuwe_skills(skills, nieuwe: list[str] | None) -> list[Skill]:
    """The chosen skills plus free additions to the shared vocabulary (matched case-blind)."""
    gekozen = list(skills or [])
    for naam in nieuwe or []:
        bestaand = Skill.objects.filter(naam__iexact=naam).first()
        gekozen.append(bestaand or Skill.objects.create(naam=naam))
    return gekozen
