"""Fixtures of the fault tests: a throwaway PostgreSQL per session (a migrated template, one
fresh database per test), a throwaway Redis per test, and app processes that are always
stopped. Marked `reliability`; without the server binaries they skip, which fails CI
(tests/conftest.py)."""

from __future__ import annotations

import itertools
import subprocess
from pathlib import Path

import pytest

from tests.reliability.postvak import TABEL_SQL
from tests.reliability.servers import (
    Proces,
    WegwerpPostgres,
    WegwerpRedis,
    app_env,
    benodigde_programmas,
    manage,
)

SJABLOON = "sjabloon"
_volgnummer = itertools.count(1)


def pytest_configure(config) -> None:
    config.addinivalue_line(
        "markers",
        "reliability: fault tests with throwaway PostgreSQL/Redis servers (skipped without "
        "their binaries, a failure in CI)",
    )


@pytest.fixture(scope="session")
def postgres_server(tmp_path_factory):
    ontbreekt = benodigde_programmas()
    if ontbreekt:
        pytest.skip(f"storingstests nodig: {', '.join(ontbreekt)}")
    server = WegwerpPostgres()
    try:
        server.initdb()
        server.start()
        server.sql(f"CREATE DATABASE {SJABLOON}")
        var = tmp_path_factory.mktemp("sjabloon")
        env = app_env(
            database_url=server.url(SJABLOON), broker_url="redis://127.0.0.1:1/0", var=var
        )
        try:
            manage(env, "migrate", "--noinput", timeout=600)
        except subprocess.CalledProcessError as exc:
            raise AssertionError(exc.stderr[-3000:]) from exc
        server.sql(TABEL_SQL, SJABLOON)
        yield server
    finally:
        server.opruimen()


@pytest.fixture
def postgres(postgres_server):
    """A fresh, migrated database on the throwaway server, for this test only."""
    naam = f"test_{next(_volgnummer)}"
    postgres_server.sql(f"CREATE DATABASE {naam} TEMPLATE {SJABLOON}")
    postgres_server.database = naam
    yield postgres_server
    postgres_server.sql(f"DROP DATABASE IF EXISTS {naam} WITH (FORCE)")


@pytest.fixture
def redis_server():
    server = WegwerpRedis()
    server.start()
    yield server
    server.opruimen()


@pytest.fixture
def processen(tmp_path):
    """Start app processes with `processen.start(naam, cmd, env)`; all are stopped at the end,
    and their logs are printed when the test failed."""
    gestart: list[Proces] = []

    class Starter:
        def start(self, naam: str, cmd: list[str], env: dict) -> Proces:
            proces = Proces(naam, cmd, env, tmp_path)
            gestart.append(proces)
            return proces

    yield Starter()
    for proces in gestart:
        proces.stoppen()
    for proces in gestart:
        print(f"----- {proces.naam} -----\n{proces.uitvoer()[-4000:]}")


@pytest.fixture
def db_url(postgres) -> str:
    return postgres.url(postgres.database)


@pytest.fixture
def var(tmp_path) -> Path:
    pad = tmp_path / "var"
    pad.mkdir()
    return pad
