"""Throwaway PostgreSQL and Redis servers and app processes for the fault tests.

Everything runs on free ports in temporary folders, in its own process group, and is stopped
by the fixtures that start it: the shared services on 5432 and 6379 are never touched.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
ALS_ROOT = os.geteuid() == 0
SECRET_KEY = "storingstest-" + "s" * 50


def benodigde_programmas() -> list[str]:
    """What the fault tests need and this machine lacks (empty when all is there)."""
    nodig = [PG_BIN / "initdb", PG_BIN / "pg_ctl", Path(shutil.which("redis-server") or "x")]
    if ALS_ROOT:
        nodig.append(Path(shutil.which("runuser") or "x"))
    return [str(p) for p in nodig if not p.exists()]


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wacht_tot(voorwaarde, *, timeout: float, interval: float = 0.2, wat: str = "voorwaarde"):
    """Poll `voorwaarde` until it returns something truthy; bounded in time."""
    einde = time.monotonic() + timeout
    while True:
        waarde = voorwaarde()
        if waarde:
            return waarde
        if time.monotonic() > einde:
            raise AssertionError(f"{wat}: niet bereikt binnen {timeout} s")
        time.sleep(interval)


class WegwerpPostgres:
    """initdb + pg_ctl in a temporary folder on a free port (as the postgres user under root:
    initdb refuses to run as root)."""

    def __init__(self) -> None:
        self.map = Path(tempfile.mkdtemp(prefix="wc-pg-"))
        if ALS_ROOT:
            shutil.chown(self.map, "postgres", "postgres")
        self.data = self.map / "data"
        self.poort = vrije_poort()

    def _run(self, *cmd: str, timeout: float = 120) -> subprocess.CompletedProcess:
        volledig = ["runuser", "-u", "postgres", "--", *cmd] if ALS_ROOT else list(cmd)
        return subprocess.run(
            volledig, check=True, capture_output=True, text=True, timeout=timeout, cwd=self.map
        )

    def url(self, database: str = "postgres") -> str:
        return f"postgres://postgres@127.0.0.1:{self.poort}/{database}"

    def initdb(self) -> None:
        self._run(
            str(PG_BIN / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres",
            "-E", "UTF8", "--locale=C.UTF-8", "--no-sync",
        )  # fmt: skip

    def start(self) -> None:
        # fsync off keeps it fast; synchronous_commit stays on so a crash loses no commit.
        opties = (
            f"-p {self.poort} -k {self.map} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c full_page_writes=off -c max_connections=60"
        )
        self._run(
            str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.map / "log"),
            "-o", opties, "-w", "-t", "60", "start",
        )  # fmt: skip

    def stop(self, modus: str = "fast") -> None:
        self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", modus, "-w", "stop")

    def sql(self, sql: str, database: str = "postgres"):
        import psycopg

        with psycopg.connect(self.url(database), autocommit=True, connect_timeout=5) as conn:
            cur = conn.execute(sql)
            return cur.fetchall() if cur.description else None

    def opruimen(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError, subprocess.TimeoutExpired):
            self.stop("immediate")  # fails when it is not running, which is fine
        shutil.rmtree(self.map, ignore_errors=True)


class WegwerpRedis:
    """redis-server on a free port; with `aof` the queue survives a restart (as in
    docker-compose, plus fsync on every write so a SIGKILL loses nothing)."""

    def __init__(self, *, aof: bool = False) -> None:
        self.map = Path(tempfile.mkdtemp(prefix="wc-redis-"))
        self.poort = vrije_poort()
        self.aof = aof
        self.proces: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.poort}/0"

    def start(self) -> None:
        aof = (
            ["--appendonly", "yes", "--appendfsync", "always"]
            if self.aof
            else ["--appendonly", "no"]
        )
        self.proces = subprocess.Popen(
            ["redis-server", "--port", str(self.poort), "--bind", "127.0.0.1", "--save", "",
             "--dir", str(self.map), *aof],
            stdout=(self.map / "log").open("ab"), stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        wacht_tot(self.ping, timeout=15, wat="redis start")

    def ping(self) -> bool:
        import redis

        try:
            return bool(redis.Redis.from_url(self.url, socket_connect_timeout=1).ping())
        except redis.RedisError:
            return False

    def stop(self, *, hard: bool = False) -> None:
        if self.proces and self.proces.poll() is None:
            self.proces.send_signal(signal.SIGKILL if hard else signal.SIGTERM)
            self.proces.wait(timeout=20)

    def opruimen(self) -> None:
        if self.proces and self.proces.poll() is None:
            self.proces.kill()
            self.proces.wait(timeout=20)
        shutil.rmtree(self.map, ignore_errors=True)


class Proces:
    """An app process (celery worker/beat, gunicorn) in its own process group, logged to a file."""

    def __init__(self, naam: str, cmd: list[str], env: dict, logmap: Path) -> None:
        self.naam = naam
        self.log = logmap / f"{naam}.log"
        self.popen = subprocess.Popen(
            cmd, cwd=ROOT, env=env, stdout=self.log.open("ab"), stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip

    def uitvoer(self) -> str:
        return self.log.read_text(errors="replace")

    def leeft(self) -> bool:
        return self.popen.poll() is None

    def doden(self) -> None:
        """SIGKILL the whole group: the main process and its pool children, no cleanup."""
        if self.leeft():
            os.killpg(self.popen.pid, signal.SIGKILL)
            self.popen.wait(timeout=20)

    def stoppen(self) -> None:
        if self.leeft():
            os.killpg(self.popen.pid, signal.SIGTERM)
            try:
                self.popen.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.doden()
        else:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.popen.pid, signal.SIGKILL)  # stray pool children


def app_env(*, database_url: str, broker_url: str, var: Path, **extra: str) -> dict:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "CELERY_BROKER_URL", "WERKCENTRUM_EMBEDDED", "CACHE_URL")
        and not k.startswith(("CELERY_", "EMAIL_"))
    }
    env.update(
        DATABASE_URL=database_url,
        CELERY_BROKER_URL=broker_url,
        # The production cache path on the throwaway Redis, in a database of its own.
        CACHE_URL=urlsplit(broker_url)._replace(path="/1").geturl(),
        SECRET_KEY=SECRET_KEY,
        DJANGO_SETTINGS_MODULE="tests.reliability.instellingen",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        WERKCENTRUM_VAR_DIR=str(var),
        PYTHONPATH=str(ROOT),
        HARTSLAG_INTERVAL="1",
        UITGAAND_INTERVAL="1",
    )
    env.update(extra)
    return env


def manage(env: dict, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True,
        text=True, timeout=timeout, check=True,
    )  # fmt: skip


def scenario(env: dict, *args: str, timeout: float = 120) -> str:
    """Run tests/reliability/scenario.py in the app's environment; returns its stdout."""
    res = subprocess.run(
        [sys.executable, "-m", "tests.reliability.scenario", *args], cwd=ROOT, env=env,
        capture_output=True, text=True, timeout=timeout,
    )  # fmt: skip
    assert res.returncode == 0, res.stderr[-3000:]
    return res.stdout


def celery_cmd(*args: str) -> list[str]:
    return [str(BIN / "celery"), "-A", "werkcentrum", *args]


def worker_cmd(naam: str, *, concurrency: int = 1) -> list[str]:
    return celery_cmd(
        "worker", "--pool=prefork", f"--concurrency={concurrency}", "--loglevel=INFO",
        "-n", f"{naam}@%h", "--without-gossip", "--without-mingle", "--without-heartbeat",
    )  # fmt: skip


def beat_cmd(schedule: Path) -> list[str]:
    return celery_cmd("beat", "--loglevel=INFO", "--max-interval=1", "--schedule", str(schedule))


def gunicorn_cmd(poort: int) -> list[str]:
    return [
        str(BIN / "gunicorn"), "werkcentrum.wsgi", "-b", f"127.0.0.1:{poort}", "-w", "2",
        "--timeout", "30", "--graceful-timeout", "5",
    ]  # fmt: skip
