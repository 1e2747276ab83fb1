"""Concurrency on PostgreSQL: two workers running the same reminder job send one e-mail."""

import threading
from datetime import UTC, datetime

import pytest
from django.core import mail
from django.db import connection

from loket import services
from tests.factories import MedewerkerFactory
from tests.loket.factories import DoorverwijzingFactory


@pytest.mark.postgres
def test_two_workers_at_once_send_one_partner_reminder(transactional_db, regio_a):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (row locks between parallel transactions)")
    from importlib import import_module

    from django.apps import apps

    from werkcentrum.rollen import rollen_synchroniseren

    import_module("loket.migrations.0002_themas_doelgroepen").vullen(apps, None)
    rollen_synchroniseren()
    dv = DoorverwijzingFactory(regio=regio_a, verstuurd_op=datetime(2026, 3, 2, 9, tzinfo=UTC))
    MedewerkerFactory(regio=regio_a, organisatie=dv.organisatie, rollen=["partnermedewerker"])
    start = threading.Barrier(4)
    fouten: list[BaseException] = []

    def werker() -> None:
        try:
            start.wait()
            services.doorverwijzingen_opvolgen(nu=datetime(2026, 3, 5, 9, tzinfo=UTC))
        except BaseException as exc:  # reported below; a thread cannot fail the test itself
            fouten.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=werker) for _i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert fouten == []
    assert len([m for m in mail.outbox if "Herinnering" in m.subject]) == 1
