"""Transactional outbox for Celery tasks.

Why: publishing to the broker inside a web request couples the request to Redis. A request
that changed the database must succeed even when Redis is away, and the work it decided on
must not be lost. So `WerkcentrumTask.delay_on_commit` records an `UitgaandeTaak` row in the
caller's transaction (both commit or neither), tries to publish right after commit with a
short, bounded retry policy, and leaves the row open when that fails. The relay
(`doorsturen`, run by beat and by `manage.py uitgaande_taken_doorsturen`) publishes open rows
later. Rows are claimed with SELECT ... FOR UPDATE SKIP LOCKED, so two relays (or a relay and
the after-commit publish) never publish one row twice; a crash between publish and the
UPDATE can publish a row again, which is fine because every task is idempotent.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import timedelta
from functools import partial
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .models import UitgaandeTaak

logger = logging.getLogger(__name__)

BATCH = 100
MAX_BATCHES = 50  # one relay run publishes at most 5000 rows; the next run does the rest
BEWAARTERMIJN_VERZONDEN = timedelta(days=7)


def vastleggen(*, taak: str, args: Iterable[Any] = (), kwargs: dict | None = None) -> UitgaandeTaak:
    """Record task `taak` in the current transaction and publish it after commit."""
    rij = UitgaandeTaak.objects.create(taak=taak, args=list(args), kwargs=dict(kwargs or {}))
    transaction.on_commit(partial(_na_commit, rij.pk))
    return rij


def _na_commit(pk: int) -> None:
    # Never let the broker break the request that committed: the row waits for the relay.
    try:
        doorsturen(pks=[pk])
    except Exception:
        logger.warning("uitgaande taak %s blijft open voor de relay", pk, exc_info=True)


def _publiceren(rij: UitgaandeTaak) -> None:
    from .celery import app

    # send_task publishes with the bounded retry policy of the settings
    # (CELERY_TASK_PUBLISH_RETRY_POLICY) and raises when the broker stays unreachable.
    app.send_task(rij.taak, args=rij.args, kwargs=rij.kwargs, task_id=f"uitgaand-{rij.pk}")


def doorsturen(*, pks: Iterable[int] | None = None, limiet: int = BATCH) -> int:
    """Publish up to `limiet` open rows (oldest first); return how many were published.

    Stops at the first broker failure: the row's attempts and error are recorded and the
    remaining rows wait for the next run."""
    verzonden = 0
    with transaction.atomic():
        open_ = UitgaandeTaak.objects.filter(verzonden_op__isnull=True)
        if pks is not None:
            open_ = open_.filter(pk__in=list(pks))
        rijen = list(
            open_.select_for_update(skip_locked=True).order_by("aangemaakt", "pk")[:limiet]
        )
        for rij in rijen:
            try:
                _publiceren(rij)
            except Exception as exc:  # refused, timeout, DNS: all mean "broker away"
                UitgaandeTaak.objects.filter(pk=rij.pk).update(
                    pogingen=F("pogingen") + 1, laatste_fout=f"{type(exc).__name__}: {exc}"[:2000]
                )
                logger.warning("broker onbereikbaar, uitgaande taak %s blijft open", rij.pk)
                break
            UitgaandeTaak.objects.filter(pk=rij.pk).update(
                verzonden_op=timezone.now(), pogingen=F("pogingen") + 1, laatste_fout=""
            )
            verzonden += 1
    return verzonden


def alles_doorsturen() -> dict[str, int]:
    """The relay: publish open rows in batches, then forget rows sent a week ago."""
    verzonden = 0
    for _ in range(MAX_BATCHES):
        aantal = doorsturen()
        verzonden += aantal
        if aantal < BATCH:
            break
    grens = timezone.now() - BEWAARTERMIJN_VERZONDEN
    opgeruimd, _details = UitgaandeTaak.objects.filter(verzonden_op__lt=grens).delete()
    open_ = UitgaandeTaak.objects.filter(verzonden_op__isnull=True).count()
    return {"verzonden": verzonden, "open": open_, "opgeruimd": opgeruimd}
