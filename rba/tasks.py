"""Celery tasks of rba: thin, by primary key, idempotent (the services claim a sent-marker)."""

from __future__ import annotations

from celery import shared_task
from django.utils import timezone

from . import services


@shared_task(acks_late=True)
def agenda_uitnodiging_versturen(vergadering_id: int) -> int:
    return services.agenda_uitnodiging_versturen(vergadering_id=vergadering_id)


@shared_task(acks_late=True)
def actie_herinneringen_versturen() -> int:
    return services.actie_herinneringen_versturen(vandaag=timezone.localdate())
