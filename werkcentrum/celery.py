"""The one Celery app of the portal.

Reliability choices (DESIGN.md, background work): a task is acknowledged only after it ran
(acks_late) and goes back to the queue when its worker dies; each worker takes one task at a
time; transient errors (database or broker connection, timeouts) are retried with backoff.
Services enqueue with `task.delay_on_commit(...)`: the task is recorded in the caller's
transaction (werkcentrum/outbox.py), so a rolled-back change queues nothing and a committed one
is never lost, even when the broker is away.
"""

import os
import smtplib

from celery import Celery
from celery.contrib.django.task import DjangoTask
from django.db import InterfaceError, OperationalError
from kombu.exceptions import OperationalError as BrokerError

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "werkcentrum.settings")

TRANSIENT_ERRORS = (
    ConnectionError,
    TimeoutError,
    OperationalError,
    InterfaceError,
    BrokerError,
    smtplib.SMTPServerDisconnected,
    smtplib.SMTPConnectError,
)


class WerkcentrumTask(DjangoTask):
    """Base task of every app: transient errors are retried with exponential backoff."""

    autoretry_for = TRANSIENT_ERRORS
    retry_backoff = 5
    retry_backoff_max = 10 * 60
    retry_jitter = True
    max_retries = 6

    def delay_on_commit(self, *args, **kwargs) -> None:
        """Record the task in the current transaction (outbox) and publish it after commit."""
        if self.app.conf.task_always_eager:
            # Eager (tests): no broker that could be away; run after commit as Celery does.
            return super().delay_on_commit(*args, **kwargs)
        from werkcentrum import outbox  # models are not loaded yet when this module is

        outbox.vastleggen(taak=self.name, args=args, kwargs=kwargs)
        return None


app = Celery("werkcentrum", task_cls=WerkcentrumTask)
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
