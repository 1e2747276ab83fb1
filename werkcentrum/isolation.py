"""One failing item never stops a periodic task that handles many.

Why: verzoeken_bewaken mailed the open requests one by one; one werkgever name with a line
break raised in the mail and ended the run, every 15 minutes, so no other regio got its
20-hour warnings. A task that loops over items wraps each item in `isolated`:

    for verzoek in open_verzoeken:
        with isolated("verzoeken_bewaken", verzoek):
            ...claim the sent-marker, send...

The block runs in its own transaction (a savepoint inside an outer one): when it raises, its
writes, the claimed sent-marker first of all, are rolled back, the failure is logged with the
task and the item (model and primary key, never its contents), and the loop goes on. The next
run tries that item again; the items that succeeded keep their markers and are not sent twice.

A transient error (SMTP or database connection, timeout: werkcentrum.celery.TRANSIENT_ERRORS)
is not about the item but about the whole run: it is raised, so the task's autoretry with
backoff takes over; the items done before it keep their markers.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import models, transaction

from .celery import TRANSIENT_ERRORS

logger = logging.getLogger(__name__)


def item_ref(item: object) -> str:
    """How a log line names an item: `app.model:pk`, without any of its contents."""
    if isinstance(item, models.Model):
        return f"{item._meta.label_lower}:{item.pk}"
    return str(item)


@contextmanager
def isolated(job: str, item: object) -> Iterator[None]:
    """Run the block for one `item` of `job` in a transaction; an exception rolls that
    transaction back, is logged (logger.exception) and is not raised further, unless it is
    transient (then the task retries)."""
    try:
        with transaction.atomic():
            yield
    except TRANSIENT_ERRORS:
        raise
    except Exception:
        logger.exception("%s: item %s mislukt; de andere items gaan door", job, item_ref(item))
