"""Concurrency on PostgreSQL: parallel runs of the half-year task make one version."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from django.db import connection

from tests.factories import GemeenteFactory
from wsp.factsheets import services
from wsp.factsheets.selectors import Periode
from wsp.models import Factsheet


def _tegelijk(functie, aantal: int = 4) -> list[BaseException]:
    start = threading.Barrier(aantal)
    fouten: list[BaseException] = []

    def werker() -> None:
        try:
            start.wait()
            functie()
        except BaseException as exc:  # reported below; a thread cannot fail the test itself
            fouten.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=werker) for _i in range(aantal)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return fouten


@pytest.mark.postgres
def test_parallel_beat_runs_make_one_version(transactional_db, regio_a):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (parallel transactions)")
    GemeenteFactory(regio=regio_a, naam="Haarlem", cbs_code="GM0392")
    fouten = _tegelijk(lambda: services.halfjaar_factsheets_maken(vandaag=date(2025, 7, 1)))
    assert fouten == []
    assert Factsheet.objects.filter(periode="2025-H1", gemeente__isnull=True).count() == 1
    assert Factsheet.objects.filter(periode="2025-H1", gemeente__isnull=False).count() == 1


@pytest.mark.postgres
def test_parallel_manual_runs_number_versions_without_gaps(transactional_db, regio_a):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (parallel transactions)")
    fouten = _tegelijk(
        lambda: services.factsheet_maken(
            regio=regio_a, periode=Periode(2025, 1), vandaag=date(2025, 7, 2)
        )
    )
    assert fouten == []
    versies = sorted(Factsheet.objects.values_list("versie", flat=True))
    assert versies == [1, 2, 3, 4]


@pytest.mark.postgres
def test_parallel_mail_runs_send_one_mail_per_recipient(transactional_db, regio_a):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (parallel transactions)")
    from django.core import mail

    from wsp.models import FactsheetLink, FactsheetOntvanger

    for i in range(3):
        FactsheetOntvanger.objects.create(regio=regio_a, naam=f"O{i}", email=f"o{i}@example.org")
    fs, _n = services.factsheet_maken(
        regio=regio_a, periode=Periode(2025, 1), vandaag=date(2025, 7, 2)
    )
    Factsheet.objects.filter(pk=fs.pk).update(gepubliceerd=True)
    mail.outbox = []
    fouten = _tegelijk(lambda: services.versturen(factsheet_pk=fs.pk))
    assert fouten == []
    assert sorted(m.to[0] for m in mail.outbox) == [f"o{i}@example.org" for i in range(3)]
    assert FactsheetLink.objects.filter(factsheet=fs).count() == 3
