from celery import shared_task
from django.utils import timezone

from . import signalen


@shared_task
def signalen_versturen() -> int:
    """Daily: end-date and stale-verplichting warnings to the financieel beheerders.
    Safe to run twice (each signal is claimed once in the database)."""
    return signalen.signalen_versturen(vandaag=timezone.localdate())
