from celery import shared_task
from django.core.management import call_command

from . import services


@shared_task
def hartslag() -> None:
    """A sign of life from the worker, read by /health/. Safe to run any number of times."""
    services.hartslag_registreren(naam="worker")


@shared_task
def sessies_opruimen() -> None:
    """Remove expired sessions; idempotent by nature."""
    call_command("clearsessions")


@shared_task
def uitgaande_taken_doorsturen() -> dict[str, int]:
    """Beat: publish the tasks the broker missed (transactional outbox). Two runs at once
    never publish one row twice (rows are claimed with SKIP LOCKED)."""
    from . import outbox

    return outbox.alles_doorsturen()


@shared_task
def formulieralarm_mailen(alarm_id: int) -> int:
    """Mail the regio's beheerders that a public form hit its flood limit. The claim on the
    alarm row and the mail share one transaction: a failed send rolls the claim back for the
    retry, a second run finds it claimed and sends nothing."""
    from django.db import transaction
    from django.utils import timezone

    from .models import Formulieralarm

    with transaction.atomic():
        geclaimd = Formulieralarm.objects.filter(pk=alarm_id, gemaild_op__isnull=True).update(
            gemaild_op=timezone.now()
        )
        if not geclaimd:
            return 0
        return services.formulieralarm_mailen(Formulieralarm.objects.get(pk=alarm_id))


@shared_task
def importtaak_uitvoeren(taak_pk: int) -> str:
    """Check or import one uploaded file; a re-run of a finished taak does nothing."""
    from . import importtaken

    return importtaken.importtaak_uitvoeren(pk=taak_pk)
