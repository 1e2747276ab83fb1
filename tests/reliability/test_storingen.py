"""Fault tests against real servers (issue 8, point 6). Each test starts its own throwaway
PostgreSQL database and Redis, real celery/gunicorn processes pointed at them, breaks
something, and asserts what users and recipients see: HTTP status codes, mails recorded
exactly once, outbox rows sent, sent-markers set."""

from __future__ import annotations

import json
import time

import psycopg
import pytest

from tests.reliability.servers import (
    app_env,
    scenario,
    wacht_tot,
    worker_cmd,
)

pytestmark = pytest.mark.reliability


def _een(db_url: str, sql: str, *params):
    with psycopg.connect(db_url, connect_timeout=5) as conn:
        return conn.execute(sql, params).fetchone()[0]


def _post(db_url: str, patroon: str = "%") -> list[tuple[str, str]]:
    with psycopg.connect(db_url, connect_timeout=5) as conn:
        return conn.execute(
            "SELECT onderwerp, aan FROM storingstest_post WHERE onderwerp LIKE %s ORDER BY id",
            [patroon],
        ).fetchall()


def _uniek(berichten: list[tuple[str, str]]) -> bool:
    return len(set(berichten)) == len(berichten)


def _aantal_post(db_url: str, patroon: str, minimaal: int):
    """A waiter: truthy once at least `minimaal` mails matching `patroon` are recorded."""

    def tel():
        return len(_post(db_url, patroon)) >= minimaal

    return tel


def test_worker_killed_mid_run_sends_every_reminder_exactly_once(
    postgres, db_url, redis_server, processen, var
):
    env = app_env(
        database_url=db_url,
        broker_url=redis_server.url,
        var=var,
        # A killed worker's task comes back after the visibility timeout, which stays above
        # the hard time limit (the settings refuse anything else).
        CELERY_VISIBILITY_TIMEOUT="7",
        CELERY_TASK_TIME_LIMIT="6",
        CELERY_TASK_SOFT_TIME_LIMIT="5",
        POSTVAK_VERTRAGING="0.25",
        POSTVAK_SPOOR=str(var / "spoor"),
    )
    data = json.loads(scenario(env, "herinneringen", "5", "3", "8"))
    worker = processen.start("worker-1", worker_cmd("w1"), env)
    runs = [
        ("wsp.tasks.nazorg_bewaken", {"vandaag": data["vandaag"]}, "Nazorg vandaag%", "nazorg"),
        ("loket.tasks.doorverwijzingen_opvolgen", {}, "%oorverwijzing%", "doorverwijzing"),
    ]
    for nummer, (taak, kwargs, patroon, soort) in enumerate(runs, start=2):
        verwacht = data[soort]
        scenario(env, "stuur", taak, json.dumps(kwargs))
        wacht_tot(_aantal_post(db_url, patroon, 2), timeout=90, wat=f"{soort}: run begonnen")
        worker.doden()  # SIGKILL, main process and pool child, in the middle of the run
        assert 2 <= len(_post(db_url, patroon)) < verwacht, f"{soort}: kill viel niet midden in"
        worker = processen.start(f"worker-{nummer}", worker_cmd(f"w{nummer}"), env)
        wacht_tot(_aantal_post(db_url, patroon, verwacht), timeout=90, wat=f"{soort}: hersteld")
        time.sleep(1.5)  # a duplicate would arrive now
        post = _post(db_url, patroon)
        assert len(post) == verwacht and _uniek(post), post

    # The factsheet mails all go out in the claim's transaction: a kill rolls back all of them.
    scenario(env, "publiceer", str(data["factsheet_pk"]), str(data["manager_pk"]))
    spoor = var / "spoor"
    wacht_tot(
        lambda: spoor.exists() and spoor.read_text().count("Factsheet") >= 2,
        timeout=60,
        interval=0.05,
        wat="factsheet: run begonnen",
    )
    worker.doden()
    gezien = spoor.read_text().count("Factsheet")
    assert gezien < data["factsheet"], "factsheet: kill viel niet midden in de run"
    assert _post(db_url, "Factsheet%") == []  # written, and rolled back with the claim
    worker = processen.start("worker-4", worker_cmd("w4"), env)
    wacht_tot(_aantal_post(db_url, "Factsheet%", data["factsheet"]), timeout=90, wat="factsheet")
    time.sleep(1.5)
    post = _post(db_url, "Factsheet%")
    assert len(post) == data["factsheet"] and _uniek(post), post

    # The idempotency records in PostgreSQL: every sent-marker set, every outbox row sent.
    assert (
        _een(db_url, "SELECT count(*) FROM wsp_nazorgmoment WHERE herinnering_vervaldag_op IS NULL")
        == 0
    )
    assert (
        _een(
            db_url,
            "SELECT count(*) FROM loket_doorverwijzing "
            "WHERE partner_herinnerd_op IS NULL OR gids_geinformeerd_op IS NULL",
        )
        == 0
    )
    assert _een(db_url, "SELECT count(*) FROM wsp_factsheet WHERE verstuurd_op IS NOT NULL") == 1
    assert (
        _een(db_url, "SELECT count(*) FROM werkcentrum_uitgaandetaak WHERE verzonden_op IS NULL")
        == 0
    )
