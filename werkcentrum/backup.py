"""Backup with a restore proof: pg_dump of the configured database, pg_restore into a fresh
database, then the app must start on the copy and every model must have as many rows as the
original had at the moment of the dump.

The row counts of the original are read in the transaction whose snapshot pg_dump uses
(`pg_export_snapshot` + `pg_dump --snapshot`), so they match the dump exactly even while
the portal keeps writing.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import psycopg
from django.apps import apps
from django.conf import settings
from django.db import connection
from psycopg import sql


@dataclass
class Resultaat:
    bestand: Path
    database: str
    herstel_database: str
    aantallen: dict[str, tuple[int, int]] = field(default_factory=dict)
    app_controles: dict[str, str] = field(default_factory=dict)

    @property
    def verschillen(self) -> dict[str, tuple[int, int]]:
        return {t: (a, b) for t, (a, b) in self.aantallen.items() if a != b}

    @property
    def geslaagd(self) -> bool:
        return not self.verschillen and all(v == "ok" for v in self.app_controles.values())


def _programma(naam: str) -> str:
    map_ = os.environ.get("PG_BIN")
    pad = str(Path(map_) / naam) if map_ else shutil.which(naam)
    if not pad or not Path(pad).exists():
        raise RuntimeError(f"{naam} niet gevonden (zet PG_BIN op de map met de PostgreSQL-tools)")
    return pad


def _params(database: str | None = None) -> dict:
    params = connection.get_connection_params()
    if database:
        params["dbname"] = database
    return {k: v for k, v in params.items() if k in ("dbname", "user", "password", "host", "port")}


def _libpq_env(params: dict) -> dict:
    env = dict(os.environ)
    for sleutel, var in (("host", "PGHOST"), ("port", "PGPORT"), ("user", "PGUSER")):
        if params.get(sleutel):
            env[var] = str(params[sleutel])
    if params.get("password"):
        env["PGPASSWORD"] = params["password"]  # never on the command line (ps shows it)
    return env


def database_url(params: dict) -> str:
    gebruiker = quote(params.get("user") or "", safe="")
    wachtwoord = f":{quote(params['password'], safe='')}" if params.get("password") else ""
    host = params.get("host") or "127.0.0.1"
    poort = f":{params['port']}" if params.get("port") else ""
    return f"postgres://{gebruiker}{wachtwoord}@{host}{poort}/{params['dbname']}"


def tabellen() -> list[str]:
    """Every table the app's models own, including many-to-many tables."""
    namen = {
        m._meta.db_table
        for m in apps.get_models(include_auto_created=True)
        if m._meta.managed and not m._meta.proxy
    }
    return sorted(namen)


def _tel(cursor, namen: list[str]) -> dict[str, int]:
    aantallen = {}
    for naam in namen:
        cursor.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(naam)))
        aantallen[naam] = cursor.fetchone()[0]
    return aantallen


def dump(*, bestand: Path) -> dict[str, int]:
    """pg_dump (custom format) of the configured database; returns the row count per table
    in the dump's snapshot."""
    params = _params()
    bestand.parent.mkdir(parents=True, exist_ok=True)
    with psycopg.connect(**params) as conn:
        conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        conn.read_only = True
        with conn.cursor() as cursor:
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            subprocess.run(  # noqa: S603 (fixed program, no shell, names from settings)
                [_programma("pg_dump"), "--format=custom", f"--snapshot={snapshot}",
                 "--no-owner", f"--file={bestand}", params["dbname"]],
                env=_libpq_env(params), check=True, capture_output=True, text=True,
            )  # fmt: skip
            return _tel(cursor, tabellen())


def _geldige_naam(naam: str) -> str:
    # The name goes into CREATE/DROP DATABASE, where no placeholder is possible.
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", naam):
        raise ValueError(f"ongeldige databasenaam: {naam!r} (alleen a-z, 0-9 en _)")
    return naam


def herstellen(*, bestand: Path, doel: str, vervangen: bool = False) -> None:
    """Restore `bestand` into a new database `doel` on the same server."""
    doel = _geldige_naam(doel)
    with connection._nodb_cursor() as cursor:
        if vervangen:
            cursor.execute(f'DROP DATABASE IF EXISTS "{doel}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{doel}"')
    params = _params(doel)
    subprocess.run(  # noqa: S603 (fixed program, no shell)
        [_programma("pg_restore"), "--exit-on-error", "--no-owner", f"--dbname={doel}",
         str(bestand)],
        env=_libpq_env(params), check=True, capture_output=True, text=True,
    )  # fmt: skip


def app_controleren(*, doel: str) -> dict[str, str]:
    """Start the app on the restored database: system checks and no missing migrations."""
    env = dict(os.environ, DATABASE_URL=database_url(_params(doel)))
    uitslag = {}
    for naam, args in (("check", ["check"]), ("migrate --check", ["migrate", "--check"])):
        res = subprocess.run(  # noqa: S603 (our own manage.py)
            [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), *args],
            env=env, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        uitslag[naam] = "ok" if res.returncode == 0 else (res.stderr or res.stdout)[-500:]
    return uitslag


def opruimen(*, doel: str) -> None:
    doel = _geldige_naam(doel)
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{doel}" WITH (FORCE)')


def backup_met_herstelproef(
    *, bestand: Path, doel: str, behouden: bool = False, vervangen: bool = False
) -> Resultaat:
    if connection.vendor != "postgresql":
        raise RuntimeError("backup werkt alleen op PostgreSQL (DATABASE_URL)")
    resultaat = Resultaat(bestand=bestand, database=_params()["dbname"], herstel_database=doel)
    origineel = dump(bestand=bestand)
    herstellen(bestand=bestand, doel=doel, vervangen=vervangen)
    try:
        with psycopg.connect(**_params(doel)) as conn, conn.cursor() as cursor:
            kopie = _tel(cursor, list(origineel))
        resultaat.aantallen = {t: (origineel[t], kopie[t]) for t in origineel}
        resultaat.app_controles = app_controleren(doel=doel)
    finally:
        if not behouden:
            opruimen(doel=doel)
    return resultaat
