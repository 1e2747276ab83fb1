"""Celery tasks of the factsheets: thin, idempotent, calling the services."""

from __future__ import annotations

from datetime import date

from celery import shared_task

from . import services

__all__ = ["factsheet_versturen", "halfjaar_factsheets"]


@shared_task(name="wsp.tasks.halfjaar_factsheets")
def halfjaar_factsheets(vandaag: str | None = None) -> int:
    """1 January and 1 July: freeze the factsheets of the half year that just ended."""
    return services.halfjaar_factsheets_maken(
        vandaag=date.fromisoformat(vandaag) if vandaag else None
    )


@shared_task(name="wsp.tasks.factsheet_versturen")
def factsheet_versturen(factsheet_pk: int) -> int:
    return services.versturen(factsheet_pk=factsheet_pk)
