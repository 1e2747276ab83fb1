"""Writes for the strategische arbeidsmarktagenda."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from werkcentrum.models import Medewerker

from .. import audit
from ..models import (
    AgendaRegel,
    Voortgangsrapportage,
)

# --- strategische agenda -------------------------------------------------------------------


@transaction.atomic
def agendaregel_opslaan(*, regel: AgendaRegel, door: Medewerker | None) -> AgendaRegel:
    nieuw = regel.pk is None
    if nieuw and regel.pijler_id and not regel.regio_id:
        regel.regio_id = regel.pijler.agenda.regio_id
    regel.full_clean()
    regel.save()
    audit.agendaregel_gewijzigd(regel, user=door, nieuw=nieuw)
    return regel


@transaction.atomic
def voortgang_rapporteren(
    *, regel: AgendaRegel, datum: date, tekst: str, door: Medewerker | None
) -> Voortgangsrapportage:
    rapportage = Voortgangsrapportage(
        regel=regel, datum=datum, tekst=tekst, door=door if getattr(door, "pk", None) else None
    )
    rapportage.full_clean()
    rapportage.save()
    # Touch the row so "changed since" in the monitoring view includes it.
    AgendaRegel.objects.filter(pk=regel.pk).update(gewijzigd_op=timezone.now())
    audit.agendaregel_gewijzigd(regel, user=door, nieuw=False)
    return rapportage
