"""Reads of the core domain, including the checks behind /health/."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import Q
from django.utils import timezone

from .models import Arbeidsmarktregio, Hartslag


@dataclass
class Controle:
    ok: bool
    details: dict[str, Any] = field(default_factory=dict)

    def als_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, **self.details}


def database_controle() -> Controle:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any failure means "down"; the type goes in the report
        return Controle(False, {"fout": type(exc).__name__})
    return Controle(True, {"engine": connection.vendor})


def broker_controle(*, timeout: float = 2.0) -> Controle:
    from werkcentrum.celery import app

    try:
        # The URL from our settings: Celery itself would prefer a stray environment variable.
        with app.connection_for_write(settings.CELERY_BROKER_URL) as conn:
            conn.ensure_connection(
                max_retries=1, interval_start=0, interval_step=0, timeout=timeout
            )
            transport = conn.transport_cls
    except Exception as exc:  # refused, timed out, unknown host: all "down"
        return Controle(False, {"fout": type(exc).__name__})
    return Controle(True, {"transport": str(transport)})


def worker_controle() -> Controle:
    hartslag = Hartslag.objects.filter(naam="worker").first()
    if hartslag is None:
        return Controle(False, {"laatste_hartslag": None})
    leeftijd = (timezone.now() - hartslag.laatst).total_seconds()
    return Controle(
        leeftijd <= settings.HARTSLAG_MAX_LEEFTIJD,
        {
            "laatste_hartslag": hartslag.laatst.isoformat(),
            "seconden_geleden": round(leeftijd),
            "aantal": hartslag.aantal,
        },
    )


# When this process started: /health/ gives the worker until its first heartbeat is due.
GESTART = time.monotonic()


def nog_aan_het_starten(worker: Controle) -> bool:
    """The worker is not (yet) beating, but this process started less than
    HARTSLAG_MAX_LEEFTIJD ago, so its first heartbeat is not overdue."""
    return not worker.ok and time.monotonic() - GESTART < settings.HARTSLAG_MAX_LEEFTIJD


def gezondheid() -> dict[str, Controle]:
    database = database_controle()
    return {
        "database": database,
        "broker": broker_controle(),
        "worker": worker_controle() if database.ok else Controle(False, {"fout": "geen database"}),
    }


def regio_voor_host(host: str) -> Arbeidsmarktregio | None:
    """The regio whose public site is served on `host` (without port)."""
    naam = host.split(":", 1)[0].lower()
    return Arbeidsmarktregio.objects.filter(hostnaam=naam).first() if naam else None


def publieke_regio_voor(*, host: str, code: str | None) -> Arbeidsmarktregio | None:
    """The regio whose public page `code` (None: the front door) is asked for on `host`, in
    one query. On a regio's own host name only that regio exists; elsewhere (the portal's
    own address) the code chooses."""
    naam = host.split(":", 1)[0].lower()
    filter_ = Q(hostnaam=naam) if naam else Q(pk__in=[])
    if code is not None:
        filter_ |= Q(code=code)
    regios = list(Arbeidsmarktregio.objects.filter(filter_))
    van_host = next((r for r in regios if naam and r.hostnaam == naam), None)
    if van_host is not None:
        return van_host if code in (None, van_host.code) else None
    return next((r for r in regios if r.code == code), None)
