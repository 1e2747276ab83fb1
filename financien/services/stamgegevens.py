"""Geldstromen, begrotingsposten and the begroting per year."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from .. import audit
from ..models import Begrotingspost, Begrotingsregel, Geldstroom
from .controles import _bewaren, _zelfde_regio, bedrag_controleren


def _uniek_controleren(obj: models.Model) -> None:
    obj.validate_unique()
    obj.validate_constraints()


@transaction.atomic
def geldstroom_opslaan(
    *, geldstroom: Geldstroom, door: Any, velden: list[str] | None = None
) -> Geldstroom:
    nieuw = geldstroom.pk is None
    geldstroom.full_clean()
    _bewaren(geldstroom, controle=lambda: _uniek_controleren(geldstroom))
    audit.stamgegeven_vastgelegd(geldstroom, user=door, nieuw=nieuw, velden=velden or [])
    return geldstroom


@transaction.atomic
def begrotingspost_opslaan(
    *, begrotingspost: Begrotingspost, door: Any, velden: list[str] | None = None
) -> Begrotingspost:
    nieuw = begrotingspost.pk is None
    begrotingspost.full_clean()
    _bewaren(begrotingspost, controle=lambda: _uniek_controleren(begrotingspost))
    audit.stamgegeven_vastgelegd(begrotingspost, user=door, nieuw=nieuw, velden=velden or [])
    return begrotingspost


@transaction.atomic
def begroting_vaststellen(
    *,
    regio: Any,
    jaar: int,
    begrotingspost: Begrotingspost,
    begroot: Any,
    door: Any,
    toelichting: str = "",
) -> Begrotingsregel:
    """Set the begroot amount of one budget line in one year (create or change)."""
    begroot = (
        Decimal(0)
        if begroot in (0, "0", Decimal(0))
        else bedrag_controleren(begroot, veld="begroot")
    )
    regio_id = getattr(regio, "pk", regio)
    _zelfde_regio(regio_id, begrotingspost=begrotingspost)
    regel = (
        Begrotingsregel.objects.select_for_update()
        .filter(regio_id=regio_id, jaar=jaar, begrotingspost=begrotingspost)
        .first()
    )
    nieuw = regel is None
    if nieuw:
        regel = Begrotingsregel(regio_id=regio_id, jaar=jaar, begrotingspost=begrotingspost)
    regel.begroot = begroot
    regel.toelichting = toelichting
    regel.full_clean()
    _bewaren(regel, controle=lambda: _regel_bestaat_al(regio_id, jaar, begrotingspost))
    audit.stamgegeven_vastgelegd(regel, user=door, nieuw=nieuw, velden=["begroot", "toelichting"])
    return regel


def _regel_bestaat_al(regio_id: int, jaar: int, begrotingspost: Begrotingspost) -> None:
    # Only reached when a parallel request created the same new line first: tell this user
    # rather than silently overwriting the amount the other one just set.
    if Begrotingsregel.objects.filter(
        regio_id=regio_id, jaar=jaar, begrotingspost=begrotingspost
    ).exists():
        raise ValidationError(
            {
                "begrotingspost": _(
                    "Iemand anders heeft de begroting %(jaar)s van deze post zojuist vastgesteld."
                    " Controleer het bedrag op de begroting en sla zo nodig opnieuw op."
                )
                % {"jaar": jaar}
            }
        )
