"""A real Celery worker with beat, as the README's run command and docker-compose start it:
the heartbeat must arrive in the database by itself."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parents[2]
CELERY = Path(sys.executable).parent / "celery"


def _start_worker(env: dict, tmp_path: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [
            str(CELERY),
            "-A",
            "werkcentrum",
            "worker",
            "-B",
            "--pool=solo",
            "--loglevel=INFO",
            "--schedule",
            str(tmp_path / "beat-schedule"),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _wait_for(check, proc: subprocess.Popen, timeout: float = 60) -> int:
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            assert proc.poll() is None, proc.stdout.read()
            count = check()
            if count >= 2:
                return count
            time.sleep(0.5)
        return check()
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


def _base_env(tmp_path: Path) -> dict:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "CELERY_BROKER_URL", "WERKCENTRUM_EMBEDDED")
    }
    env.update(
        WERKCENTRUM_VAR_DIR=str(tmp_path),
        HARTSLAG_INTERVAL="1",
        DJANGO_SETTINGS_MODULE="werkcentrum.settings",
    )
    return env


def test_embedded_worker_with_beat_writes_heartbeats(tmp_path):
    env = _base_env(tmp_path)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )
    proc = _start_worker(env, tmp_path)

    def count() -> int:
        with sqlite3.connect(tmp_path / "werkcentrum.sqlite3", timeout=5) as conn:
            row = conn.execute(
                "SELECT aantal FROM werkcentrum_hartslag WHERE naam='worker'"
            ).fetchone()
        return row[0] if row else 0

    assert _wait_for(count, proc) >= 2


@pytest.mark.postgres
def test_worker_on_postgresql_and_redis_writes_heartbeats(tmp_path):
    database_url = os.environ.get("DATABASE_URL", "")
    broker_url = os.environ.get("CELERY_BROKER_URL", "")
    if not database_url.startswith("postgres") or not broker_url.startswith("redis"):
        pytest.skip("needs DATABASE_URL (PostgreSQL) and CELERY_BROKER_URL (Redis)")
    import psycopg

    parsed = urlparse(database_url)
    naam = f"werkcentrum_worker_{os.getpid()}"
    admin_url = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{naam}"')
        conn.execute(f'CREATE DATABASE "{naam}"')
    try:
        db_url = parsed._replace(path=f"/{naam}").geturl()
        env = _base_env(tmp_path)
        env.update(
            DATABASE_URL=db_url,
            CELERY_BROKER_URL=broker_url,
            SECRET_KEY=os.environ.get("SECRET_KEY", "worker-test-" + "x" * 50),
        )
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--noinput"],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            timeout=300,
        )
        proc = _start_worker(env, tmp_path)

        def count() -> int:
            with psycopg.connect(db_url) as conn:
                row = conn.execute(
                    "SELECT aantal FROM werkcentrum_hartslag WHERE naam='worker'"
                ).fetchone()
            return row[0] if row else 0

        assert _wait_for(count, proc) >= 2
    finally:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')
