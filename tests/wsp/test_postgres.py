"""Concurrency on PostgreSQL: parallel runs of the reminder jobs each send one e-mail."""

import threading
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.db import connection

from wsp import services

from .factories import KandidaatFactory, VerzoekFactory, WerkgeverFactory


def _voorbereiden():
    from importlib import import_module

    from django.apps import apps

    from werkcentrum.rollen import rollen_synchroniseren

    # transactional_db empties the tables, including the clusters loaded by a migration.
    import_module("wsp.migrations.0002_clusters_en_sectoren").laden(apps, None)
    rollen_synchroniseren()


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
def test_parallel_nazorg_runs_send_each_reminder_once(transactional_db, regio_a):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (parallel transactions)")
    _voorbereiden()
    werkgever = WerkgeverFactory(regio=regio_a)
    services.plaatsing_registreren(
        kandidaat=KandidaatFactory(regio=regio_a),
        werkgever=werkgever,
        startdatum=date(2025, 3, 3),
        contractvorm="bepaald",
        uren_per_week=24,
        door=werkgever.accounthouder,
    )
    fouten = _tegelijk(lambda: services.nazorg_herinneringen_versturen(vandaag=date(2025, 5, 3)))
    assert fouten == []
    assert len(mail.outbox) == 1


@pytest.mark.postgres
def test_parallel_verzoek_runs_warn_and_escalate_once(transactional_db, regio_a, maak_gebruiker):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (parallel transactions)")
    _voorbereiden()
    adviseur = maak_gebruiker("wsp_adviseur")
    maak_gebruiker("wsp_manager")
    start = datetime(2025, 4, 1, 9, tzinfo=ZoneInfo("Europe/Amsterdam"))
    VerzoekFactory(regio=regio_a, ontvangen_op=start, toegewezen_aan=adviseur)
    fouten = _tegelijk(lambda: services.verzoeken_bewaken(nu=start + timedelta(hours=21)))
    fouten += _tegelijk(lambda: services.verzoeken_bewaken(nu=start + timedelta(hours=25)))
    assert fouten == []
    assert len(mail.outbox) == 2
