"""Fault tests against real servers (issue 8, point 6). Each test starts its own throwaway
PostgreSQL database and Redis, real celery/gunicorn processes pointed at them, breaks
something, and asserts what users and recipients see: HTTP status codes, mails recorded
exactly once, outbox rows sent, sent-markers set."""

from __future__ import annotations

import json
import sys
import threading
import time

import psycopg
import pytest
import redis
import requests

from tests.reliability.servers import (
    WegwerpRedis,
    app_env,
    beat_cmd,
    gunicorn_cmd,
    scenario,
    vrije_poort,
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


def _gezond(sessie, basis: str) -> bool:
    """/health/ says "ok": the worker has beaten. A bare 200 also means "starting" (a fresh
    install), which would let a test break the database while worker and beat still start."""
    antwoord = sessie.get(f"{basis}/health/", timeout=10)
    return antwoord.status_code == 200 and antwoord.json()["status"] == "ok"


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
    # Twelve mails per run at 0.25 s each: a kill after the second lands mid-run even when
    # the machine is busy (five gave too small a window under a loaded CI).
    data = json.loads(scenario(env, "herinneringen", "12", "6", "8"))
    worker = processen.start("worker-1", worker_cmd("w1"), env)
    runs = [
        ("wsp.tasks.nazorg_bewaken", {"vandaag": data["vandaag"]}, "Nazorg vandaag%", "nazorg"),
        ("loket.tasks.doorverwijzingen_opvolgen", {}, "%oorverwijzing%", "doorverwijzing"),
    ]
    for nummer, (taak, kwargs, patroon, soort) in enumerate(runs, start=2):
        verwacht = data[soort]
        scenario(env, "stuur", taak, json.dumps(kwargs))
        wacht_tot(
            _aantal_post(db_url, patroon, 2),
            timeout=90,
            interval=0.05,
            wat=f"{soort}: run begonnen",
        )
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


def _web(processen, env: dict) -> str:
    poort = vrije_poort()
    processen.start("web", gunicorn_cmd(poort), env)
    basis = f"http://127.0.0.1:{poort}"

    def antwoordt():
        try:  # the first requests also warm up the workers (imports, URL patterns)
            return requests.get(f"{basis}/health/", timeout=20).status_code
        except requests.RequestException:
            return None

    wacht_tot(antwoordt, timeout=90, interval=0.3, wat="gunicorn start")
    for _ in range(4):  # both gunicorn workers have served a request
        requests.get(f"{basis}/health/", timeout=20)
    return basis


def test_broker_unreachable_pages_and_forms_work_and_the_work_is_sent_later(
    postgres, db_url, redis_server, processen, var
):
    redis_server.stop()  # nothing listens on the broker's port
    env = app_env(database_url=db_url, broker_url=redis_server.url, var=var)
    data = json.loads(scenario(env, "web"))
    basis = _web(processen, env)
    sessie = requests.Session()
    sessie.cookies.set("sessionid", data["sessie"])
    sessie.cookies.set("csrftoken", "c" * 32)

    begin = time.monotonic()
    health = sessie.get(f"{basis}/health/", timeout=10)
    assert health.status_code == 503 and health.json()["broker"]["ok"] is False
    assert health.json()["database"]["ok"] is True
    assert time.monotonic() - begin < 5  # answers, does not hang on the broker
    for pad in (f"/{data['regio']}/", "/werkplek/", f"/loket/doorverwijzingen/{data['dv']}/"):
        assert sessie.get(basis + pad, timeout=10).status_code == 200, pad
    # Doelbinding: the gids says why the record opens before changing it.
    keuze = sessie.post(
        f"{basis}/loket/doorverwijzingen/{data['dv']}/",
        data={"doelbinding_doel": "doorverwijzen"},
        headers={"X-CSRFToken": "c" * 32},
        allow_redirects=False,
        timeout=10,
    )
    assert keuze.status_code == 302, keuze.text[-2000:]
    begin = time.monotonic()
    antwoord = sessie.post(
        f"{basis}/loket/doorverwijzingen/{data['dv']}/",
        data={"status": "afgerond", "toelichting": ""},
        headers={"X-CSRFToken": "c" * 32},
        allow_redirects=False,
        timeout=10,
    )
    assert antwoord.status_code == 302, antwoord.text[-2000:]
    assert time.monotonic() - begin < 5  # a bounded publish attempt, no long hang
    assert (
        _een(db_url, "SELECT status FROM loket_doorverwijzing WHERE id = %s", data["dv"])
        == "afgerond"
    )
    # The decided work is recorded, not lost: an open outbox row with the failed attempt.
    open_ = (
        "SELECT count(*) FROM werkcentrum_uitgaandetaak "
        "WHERE verzonden_op IS NULL AND pogingen >= 1"
    )
    assert _een(db_url, open_) == 1
    assert _post(db_url) == []

    redis_server.start()  # the broker is back on the same port
    processen.start("worker", worker_cmd("w1"), env)
    processen.start("beat", beat_cmd(var / "beat"), env)
    wacht_tot(_aantal_post(db_url, "%Ben je geholpen%", 1), timeout=90, wat="mail na herstel")
    wacht_tot(
        lambda: _gezond(sessie, basis),
        timeout=60,
        wat="/health/ weer ok",
    )
    time.sleep(1.5)
    assert len(_post(db_url, "%Ben je geholpen%")) == 1
    assert (
        _een(db_url, "SELECT count(*) FROM werkcentrum_uitgaandetaak WHERE verzonden_op IS NULL")
        == 0
    )


def _opgestuurd(proces, taak: str) -> int:
    return proces.uitvoer().count(f"Sending due task {taak}")


def test_two_beats_at_once_for_several_periods_cause_no_effect_twice(
    postgres, db_url, redis_server, processen, var
):
    env = app_env(database_url=db_url, broker_url=redis_server.url, var=var)
    vandaag = json.loads(scenario(env, "herinneringen", "3", "2", "0"))["vandaag"]
    env.update(STORINGSTEST_SNELLE_BEAT="1", STORINGSTEST_VANDAAG=vandaag)
    processen.start("worker", worker_cmd("w1", concurrency=2), env)
    beat_a = processen.start("beat-a", beat_cmd(var / "beat-a"), env)
    wacht_tot(lambda: _opgestuurd(beat_a, "wsp-nazorg-bewaken"), timeout=60, wat="beat a")
    beat_b = processen.start("beat-b", beat_cmd(var / "beat-b"), env)
    wacht_tot(
        lambda: all(_opgestuurd(b, "wsp-nazorg-bewaken") >= 4 for b in (beat_a, beat_b)),
        timeout=60,
        wat="beide beats vier periodes",
    )
    beat_a.stoppen()
    beat_b.stoppen()
    broker = redis.Redis.from_url(redis_server.url)
    wacht_tot(
        lambda: broker.llen("celery") == 0 and broker.hlen("unacked") == 0,
        timeout=60,
        wat="wachtrij leeg",
    )
    # Every run was published at least eight times; each reminder still went out once.
    assert len(_post(db_url, "Nazorg vandaag%")) == 3
    assert len(_post(db_url, "%oorverwijzing%")) == 4
    assert _uniek(_post(db_url))


def test_redis_restarted_during_a_burst_loses_nothing(postgres, db_url, processen, var, request):
    broker = WegwerpRedis(aof=True)
    request.addfinalizer(broker.opruimen)
    broker.start()
    env = app_env(
        database_url=db_url,
        broker_url=broker.url,
        var=var,
        # A message a worker held when Redis went away comes back after this (unacked).
        CELERY_VISIBILITY_TIMEOUT="10",
        CELERY_TASK_TIME_LIMIT="8",
        CELERY_TASK_SOFT_TIME_LIMIT="6",
    )
    processen.start("worker", worker_cmd("w1"), env)
    processen.start("beat", beat_cmd(var / "beat"), env)
    aantal = 20
    burst = processen.start(
        "burst",
        [sys.executable, "-m", "tests.reliability.scenario", "burst", str(aantal), "0.3"],
        env,
    )
    telling = "SELECT count(*) FROM werkcentrum_uitgaandetaak"
    wacht_tot(lambda: _een(db_url, telling) >= 3, timeout=90, wat="burst begonnen")
    broker.stop(hard=True)  # SIGKILL in the middle of the burst
    assert burst.leeft(), "de burst was al klaar"
    time.sleep(2)
    broker.start()
    burst.popen.wait(timeout=120)
    assert burst.popen.returncode == 0, burst.uitvoer()[-3000:]
    # The outage hit the burst: a row failed once and either still waits for the relay
    # (error recorded) or the relay has sent it since (a second attempt).
    geraakt = f"{telling} WHERE pogingen > 1 OR laatste_fout <> ''"
    assert _een(db_url, geraakt) >= 1
    wacht_tot(_aantal_post(db_url, "%Ben je geholpen%", aantal), timeout=120, wat="alle mails")
    time.sleep(1.5)
    assert len(_post(db_url, "%Ben je geholpen%")) == aantal
    assert _een(db_url, f"{telling} WHERE verzonden_op IS NULL") == 0
    assert (
        _een(
            db_url,
            "SELECT count(*) FROM loket_doorverwijzing WHERE tevredenheid_verstuurd_op IS NULL",
        )
        == 0
    )


def test_database_restarted_under_requests_recovers_by_itself(
    postgres, db_url, redis_server, processen, var
):
    env = app_env(database_url=db_url, broker_url=redis_server.url, var=var)
    regio = json.loads(scenario(env, "web"))["regio"]
    basis = _web(processen, env)
    processen.start("worker", worker_cmd("w1"), env)
    processen.start("beat", beat_cmd(var / "beat"), env)
    wacht_tot(
        lambda: _gezond(requests, basis),
        timeout=60,
        wat="alles gezond voor de storing",
    )
    resultaten: list[tuple[float, str, int | str]] = []
    klaar = threading.Event()

    def verkeer():
        for nummer in range(2000):  # bounded; stopped by `klaar` long before
            if klaar.is_set():
                return
            pad = "/health/" if nummer % 2 else f"/{regio}/"
            try:
                status = requests.get(basis + pad, timeout=10).status_code
            except requests.RequestException as exc:
                status = type(exc).__name__
            resultaten.append((time.monotonic(), pad, status))
            time.sleep(0.05)

    draad = threading.Thread(target=verkeer)
    draad.start()
    try:
        time.sleep(2)
        gestopt = time.monotonic()
        postgres.stop("immediate")  # a crash: open connections die mid-use
        time.sleep(2)
        postgres.start()
        hersteld = time.monotonic()
        hartslag = "SELECT coalesce(max(aantal), 0) FROM werkcentrum_hartslag"
        na_herstel = _een(db_url, hartslag)
        time.sleep(5)
    finally:
        klaar.set()
        draad.join(30)
    voor = [r for r in resultaten if r[0] < gestopt]
    tijdens = [r for r in resultaten if gestopt <= r[0] < hersteld + 2]
    daarna = [r for r in resultaten if r[0] >= hersteld + 2]
    assert voor and all(status == 200 for _t, _p, status in voor)
    assert any(status != 200 for _t, _p, status in tijdens)  # the outage was real
    assert any(p == "/health/" and status == 503 for _t, p, status in tijdens)
    assert len(daarna) >= 10 and all(status == 200 for _t, _p, status in daarna), daarna
    # The worker recovers without help as well: its heartbeat keeps counting. Beat sends one
    # every 30 s, so allow two intervals and a margin for a busy machine.
    wacht_tot(lambda: _een(db_url, hartslag) > na_herstel, timeout=75, wat="hartslag na herstel")
