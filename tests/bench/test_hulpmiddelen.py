"""The benchmark tooling itself (fast; part of the normal test run): the bench settings never
load by accident, the ceiling view is no production URL, the TOTP codes the load test logs in
with are the ones allauth accepts, and the form parser finds the choices."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, generate_totp_secret, hotp_value
from django.urls import NoReverseMatch, reverse

from tests.bench import omgeving


def test_bench_settings_refuse_to_load_without_the_bench_switch():
    env = {k: v for k, v in os.environ.items() if k != "WERKCENTRUM_BENCH"}
    uit = subprocess.run(
        [sys.executable, "-c", "import tests.bench.settings_bench"],
        cwd=omgeving.ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert uit.returncode != 0
    assert "ImproperlyConfigured" in uit.stderr


def test_ceiling_view_is_not_a_production_url():
    with pytest.raises(NoReverseMatch):
        reverse("bench_plafond")


def test_totp_code_is_the_one_allauth_expects():
    secret = generate_totp_secret()
    verwacht = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    assert omgeving.totp_code(secret) == verwacht


def test_each_scale_has_its_own_database(monkeypatch):
    monkeypatch.setenv("BENCH_DATABASE_URL", "postgres://u@127.0.0.1:5432/wc_bench")
    assert omgeving.database_url(1) == "postgres://u@127.0.0.1:5432/wc_bench"
    assert omgeving.database_url(100) == "postgres://u@127.0.0.1:5432/wc_bench100"
    assert omgeving.database_url(1, 10) == "postgres://u@127.0.0.1:5432/wc_bench_r10"


def test_form_choices_come_from_selects_and_radios():
    html = (
        '<select name="type" id="t"><option value="">--</option><option value="bezoek">B'
        '</option><option value="telefoon">T</option></select>'
        '<input type="radio" name="uitkomst" value="info" id="u0">'
    )
    assert omgeving.keuzes(html, "type") == ["bezoek", "telefoon"]
    assert omgeving.keuzes(html, "uitkomst") == ["info"]


def test_expected_demo_staff_per_scale_follows_the_roles():
    # A new role adds demo people; the bench would otherwise reject or reload its databases.
    from werkcentrum.demo_medewerkers import AANTAL_PER_ROL
    from werkcentrum.rollen import ROLLEN

    assert sum(AANTAL_PER_ROL.get(r, 1) for r in ROLLEN) == omgeving.MEDEWERKERS_PER_SCALE


def test_load_regios_are_valid_and_distinct():
    from tests.bench import regios
    from werkcentrum import regiodefinitie

    codes = regios.codes(10)
    assert len(set(codes)) == 10 and codes[0] == "zkij"
    definities = [regiodefinitie.lezen(regios.definitie(n)) for n in range(1, 10)]
    assert [d.code for d in definities] == codes[1:]
    cbs = [g.cbs for d in definities for g in d.gemeenten]
    assert len(set(cbs)) == len(cbs)
    assert len({d.naam for d in definities}) == 9


def test_knee_is_the_busiest_step_under_the_limit():
    from tests.bench.load import knie

    stappen = [
        {"rps": 100.0, "p95": 80.0, "fouten": 0},
        {"rps": 190.0, "p95": 140.0, "fouten": 0},
        {"rps": 230.0, "p95": 400.0, "fouten": 0},
        {"rps": 210.0, "p95": 200.0, "fouten": 3},
    ]
    assert knie(stappen)["rps"] == 190.0
    assert knie([{"rps": 50.0, "p95": 300.0, "fouten": 0}]) is None


def test_cpu_per_part_counts_a_busy_child_once_under_its_name():
    """The load report says who used the cores; a finished child of the runner (locust)
    counts as locust, a live PostgreSQL backend as postgres."""
    import subprocess
    import sys

    from tests.bench.load import DELEN, _deel, cpu_per_deel

    assert _deel("postgres: postgres werkcentrum_bench 127.0.0.1(5000) idle") == "postgres"
    assert _deel("/usr/lib/postgresql/15/bin/postgres -D /var/lib/postgresql/15/main") == "postgres"
    assert _deel("/venv/bin/python /venv/bin/gunicorn werkcentrum.wsgi --workers 3") == "gunicorn"
    assert _deel("/usr/bin/redis-server 127.0.0.1:6379") == "redis"
    assert _deel("/venv/bin/python -m locust -f tests/bench/locustfile.py") == "locust"
    voor = cpu_per_deel()
    assert set(voor) == set(DELEN)
    # A child that burns about 0.3 s of CPU and ends: the runner's children are locust runs.
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import time\nt=time.process_time()\nwhile time.process_time()-t<0.3: pass",
        ],
        check=True,
    )
    na = cpu_per_deel()
    assert na["locust"] - voor["locust"] >= 0.25
