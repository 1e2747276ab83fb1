"""Backup and restore proof (issue 8, point 7) against a throwaway PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from tests.reliability.servers import PG_BIN, app_env, manage, scenario
from werkcentrum.backup import Resultaat

pytestmark = pytest.mark.reliability


def test_backup_restores_into_a_fresh_database_where_the_app_starts_and_counts_match(
    postgres, db_url, var
):
    env = app_env(
        database_url=db_url, broker_url="redis://127.0.0.1:1/0", var=var, PG_BIN=str(PG_BIN)
    )
    scenario(env, "herinneringen", "3", "2", "2")
    bestand = var / "backup.dump"
    rapport = var / "rapport.md"
    uit = manage(
        env, "backup", "--bestand", str(bestand), "--herstel-database", "herstel_test",
        "--behoud", "--rapport", str(rapport),
    ).stdout  # fmt: skip
    assert "GESLAAGD" in uit and "verschillen: 0" in uit
    assert "| manage.py check | ok |" in uit and "| manage.py migrate --check | ok |" in uit
    assert bestand.stat().st_size > 0
    assert rapport.read_text() == uit
    herstel = postgres.url("herstel_test")
    for tabel in ("wsp_nazorgmoment", "loket_doorverwijzing", "werkcentrum_medewerker"):
        with psycopg.connect(db_url) as bron, psycopg.connect(herstel) as kopie:
            aantal = bron.execute(f"SELECT count(*) FROM {tabel}").fetchone()[0]
            assert aantal > 0
            assert kopie.execute(f"SELECT count(*) FROM {tabel}").fetchone()[0] == aantal
        assert f"| {tabel} | {aantal} | {aantal} |" in uit
    postgres.sql("DROP DATABASE herstel_test WITH (FORCE)")


def test_a_count_difference_fails_the_proof():
    resultaat = Resultaat(
        bestand=Path("x.dump"),
        database="a",
        herstel_database="b",
        aantallen={"wsp_plaatsing": (400, 399), "wsp_sector": (15, 15)},
        app_controles={"check": "ok", "migrate --check": "ok"},
    )
    assert not resultaat.geslaagd
    assert resultaat.verschillen == {"wsp_plaatsing": (400, 399)}
    resultaat.aantallen["wsp_plaatsing"] = (400, 400)
    assert resultaat.geslaagd
    resultaat.app_controles["migrate --check"] = "unapplied migrations"
    assert not resultaat.geslaagd


def test_restore_refuses_an_unsafe_database_name():
    from werkcentrum.backup import herstellen

    with pytest.raises(ValueError, match="ongeldige databasenaam"):
        herstellen(bestand=Path("x.dump"), doel='x"; DROP DATABASE werkcentrum; --')
