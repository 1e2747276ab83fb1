"""Thin, idempotent periodic tasks; each calls one service."""

from __future__ import annotations

from datetime import date

from celery import shared_task
from django.utils.dateparse import parse_datetime

from . import services


@shared_task
def verzoeken_bewaken(nu: str | None = None) -> dict[str, int]:
    """Every 15 minutes: warn at 20 hours, escalate at 24 hours (each once)."""
    return services.verzoeken_bewaken(nu=parse_datetime(nu) if nu else None)


@shared_task
def nazorg_bewaken(vandaag: str | None = None) -> dict[str, int]:
    """Daily: nazorg reminders and escalations (each once)."""
    return services.nazorg_herinneringen_versturen(
        vandaag=date.fromisoformat(vandaag) if vandaag else None
    )


@shared_task
def vacatures_laten_verlopen(vandaag: str | None = None) -> int:
    """Nightly: open vacatures past their closing date become verlopen."""
    return services.vacatures_laten_verlopen(
        vandaag=date.fromisoformat(vandaag) if vandaag else None
    )


from .factsheets.tasks import *  # noqa: E402, F403
