"""What the benchmark and load scripts share: a PostgreSQL database per demo scale (loaded once
and reused), TOTP for the demo accounts the runs log in with, gunicorn on a free loopback
port, and a real login (password + TOTP code).

Databases: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/werkcentrum_bench)
holds --scale 1; --scale K uses the same name with K appended (werkcentrum_bench100)."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import os
import platform
import re
import secrets
import signal
import socket
import struct
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[2]
VAR = ROOT / "var" / "bench"
PYTHON = sys.executable
STANDAARD_DB = "postgres://postgres@127.0.0.1:5432/werkcentrum_bench"
# Demo people per --scale and regio (werkcentrum/demo_medewerkers.py; test_hulpmiddelen checks
# it against the roles).
MEDEWERKERS_PER_SCALE = 24
# The roles the runs log in as, with their short demo address prefix.
ROLLEN = {
    "gids": "gids",
    "coordinator": "coordinator",
    "wsp_adviseur": "wsp.adviseur",
    "wsp_manager": "wsp.manager",
    "rba_secretariaat": "rba.secretariaat",
    "financieel_beheerder": "financieel.beheerder",
    "beheerder": "beheerder",
}


# One key per run: the sessions made by one child process are read by gunicorn, another.
_SECRET_KEY = "bench-" + secrets.token_hex(32)


def database_url(scale: int, regios: int = 1) -> str:
    """One database per scale and number of regio's: werkcentrum_bench, werkcentrum_bench100,
    werkcentrum_bench_r10 (10 regio's at scale 1)."""
    basis = urlsplit(os.environ.get("BENCH_DATABASE_URL", STANDAARD_DB))
    pad = basis.path + ("" if scale == 1 else str(scale)) + ("" if regios == 1 else f"_r{regios}")
    return urlunsplit(basis._replace(path=pad))


def omgeving(scale: int, regios: int = 1, **extra: str) -> dict[str, str]:
    """Environment of every child process: bench settings against the scale's database."""
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="tests.bench.settings_bench",
        WERKCENTRUM_BENCH="1",
        DATABASE_URL=database_url(scale, regios),
        CELERY_BROKER_URL=os.environ.get("BENCH_BROKER_URL", "redis://127.0.0.1:6379/4"),
        # Every process, manage.py too: with DEBUG off a per-process cache is refused (E001).
        CACHE_URL=cache_url(scale, regios),
        SECRET_KEY=env.get("SECRET_KEY") or _SECRET_KEY,
        SECURE_SSL_REDIRECT="false",
        STATIC_ROOT=str(VAR / "static"),
        WERKCENTRUM_VAR_DIR=str(VAR),
        PYTHONPATH=str(ROOT),
    )
    env.update(extra)
    return env


def manage(scale: int, *args: str, regios: int = 1, **extra: str) -> str:
    uit = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=omgeving(scale, regios, **extra),
        check=True,
        capture_output=True,
        text=True,
    )
    return uit.stdout


def database_klaarzetten(scale: int, regios: int = 1) -> None:
    """Creates, migrates and loads the scale's database unless it already holds that scale.

    Every run starts from the same rows: the loaded database is copied once to `<name>_basis`
    and each later run first copies it back (a few seconds), so what an earlier run wrote
    (gesprekken, contactmomenten, the audit log) cannot slow down the next one. The scale's
    cache is emptied with it: what it kept came from the rows that are gone.

    With `regios` > 1 the database holds that many regio's, each with the demo at `scale`
    (tests/bench/regios.py)."""
    import psycopg

    url = urlsplit(database_url(scale, regios))
    naam = url.path.lstrip("/")
    basis = f"{naam}_basis"
    beheer = urlunsplit(url._replace(path="/postgres"))
    with psycopg.connect(beheer, autocommit=True) as conn:
        if conn.execute("select 1 from pg_database where datname = %s", [basis]).fetchone():
            conn.execute(f'drop database if exists "{naam}" with (force)')
            conn.execute(f'create database "{naam}" template "{basis}"')
        elif not conn.execute("select 1 from pg_database where datname = %s", [naam]).fetchone():
            conn.execute(f'create database "{naam}"')
    _cache_legen(scale, regios)
    manage(scale, "migrate", "--no-input", "-v", "0", regios=regios)
    manage(scale, "collectstatic", "--no-input", "-v", "0", regios=regios)
    medewerkers, aantal_regios = _tellingen(url)
    verwacht = (MEDEWERKERS_PER_SCALE * scale * regios + 1, regios)
    if medewerkers > verwacht[0] or aantal_regios > verwacht[1]:
        sys.exit(f"{naam} bevat meer dan --scale {scale} x {regios} regio's; gooi hem weg.")
    if (medewerkers, aantal_regios) != verwacht:
        print(f"demo_data --scale {scale} x {regios} regio's in {naam} (eenmalig) ...", flush=True)
        start = time.monotonic()
        manage(scale, "demo_data", "--seed", "1", "--scale", str(scale), regios=regios)
        if regios > 1:
            from tests.bench.regios import LADEN

            manage(
                scale,
                "shell",
                "-c",
                LADEN,
                regios=regios,
                BENCH_REGIOS=str(regios),
                BENCH_SCALE_REGIO=str(scale),
            )
        print(f"  geladen in {time.monotonic() - start:.0f} s", flush=True)
    # Planner statistics and the visibility map, as autovacuum keeps them in a database in
    # use: right after a bulk load the statistics are missing and PostgreSQL picks plans for
    # empty tables (seconds, not ms), and counts cannot use index-only scans.
    with psycopg.connect(urlunsplit(url), autocommit=True) as conn:
        conn.execute("vacuum analyze")
    with psycopg.connect(beheer, autocommit=True) as conn:
        conn.execute(f'drop database if exists "{basis}"')
        conn.execute(f'create database "{basis}" template "{naam}"')


def _cache_legen(scale: int, regios: int = 1) -> None:
    import redis

    url, voorvoegsel = cache_url(scale, regios).split("?key_prefix=")
    verbinding = redis.Redis.from_url(url)
    sleutels = list(verbinding.scan_iter(match=f"{voorvoegsel}:*", count=1000))
    for begin in range(0, len(sleutels), 1000):
        verbinding.delete(*sleutels[begin : begin + 1000])


def _tellingen(url) -> tuple[int, int]:
    import psycopg

    with psycopg.connect(urlunsplit(url)) as conn:
        medewerkers = conn.execute(
            "select count(*) from werkcentrum_medewerker where email like %s",
            ["%demo.werkcentrum.nl"],
        ).fetchone()[0]
        regios = conn.execute("select count(*) from werkcentrum_arbeidsmarktregio").fetchone()[0]
    return medewerkers, regios


def accounts_klaarzetten(scale: int, per_rol: int) -> list[dict]:
    """Gives up to `per_rol` demo accounts of each role a fresh TOTP secret (the runs compute
    codes from it) and returns [{rol, email, secret, werkgevers}]: the werkgevers are the
    account's own (as accounthouder), where a wsp_adviseur may record a contactmoment."""
    uit = manage(scale, "shell", "-c", _ACCOUNTS_SCRIPT, BENCH_PER_ROL=str(per_rol))
    accounts = []
    for regel in uit.splitlines():
        if regel.startswith("ACCOUNT "):
            rol, email, secret, eigen = regel.split()[1:]
            werkgevers = [] if eigen == "-" else eigen.split(",")
            accounts.append(
                {"rol": rol, "email": email, "secret": secret, "werkgevers": werkgevers}
            )
    return accounts


_ACCOUNTS_SCRIPT = """
import os
import platform
import re
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from werkcentrum.models import Medewerker
from tests.bench.omgeving import ROLLEN
from wsp.models import Werkgever
for rol in ROLLEN:
    mensen = Medewerker.objects.filter(
        groups__name=rol, email__endswith="demo.werkcentrum.nl"
    ).order_by("pk")[: int(os.environ["BENCH_PER_ROL"])]
    for m in mensen:
        Authenticator.objects.filter(user=m, type=Authenticator.Type.TOTP).delete()
        secret = generate_totp_secret()
        TOTP.activate(m, secret)
        eigen = Werkgever.objects.filter(accounthouder=m).order_by("pk")
        eigen = ",".join(str(pk) for pk in eigen.values_list("pk", flat=True)[:20])
        print("ACCOUNT", rol, m.email, secret, eigen or "-")
"""


# How many of the load test's staff sessions each role has (its share of the people at work).
GEWICHTEN = {
    "gids": 10,
    "coordinator": 3,
    "wsp_adviseur": 10,
    "wsp_manager": 3,
    "rba_secretariaat": 3,
    "financieel_beheerder": 3,
}


def sessies_klaarzetten(scale: int, regios: int, aantal: int) -> list[dict]:
    """`aantal` logged-in staff sessions spread over the roles by GEWICHTEN and over every
    regio's demo people, as a working day has them: people logged in long before the
    measurement. Made in the database like a login makes them (the session engine's store
    with the user's id, backend and password hash), so 1,000 sessions do not cost 1,000
    deliberately slow password hashes at the start; the login itself is measured by
    `make bench-pages`. Every account gets a TOTP authenticator (two-factor is required).
    Returns [{rol, regio, sessie, werkgevers}]."""
    uit = manage(
        scale,
        "shell",
        "-c",
        _SESSIES_SCRIPT,
        regios=regios,
        BENCH_SESSIES=str(aantal),
        BENCH_GEWICHTEN=",".join(f"{r}={w}" for r, w in GEWICHTEN.items()),
    )
    sessies = []
    for regel in uit.splitlines():
        if regel.startswith("SESSIE "):
            rol, regio, sessie, eigen = regel.split()[1:]
            werkgevers = [] if eigen == "-" else eigen.split(",")
            sessies.append({"rol": rol, "regio": regio, "sessie": sessie, "werkgevers": werkgevers})
    return sessies


_SESSIES_SCRIPT = """
import itertools, math, os
from importlib import import_module
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from werkcentrum.models import Medewerker
from wsp.models import Werkgever
store = import_module(settings.SESSION_ENGINE).SessionStore
gewichten = dict(d.split("=") for d in os.environ["BENCH_GEWICHTEN"].split(","))
totaal = sum(int(w) for w in gewichten.values())
aantal = int(os.environ["BENCH_SESSIES"])
for rol, gewicht in gewichten.items():
    mensen = list(
        Medewerker.objects.filter(groups__name=rol, email__endswith="demo.werkcentrum.nl")
        .select_related("regio").order_by("regio__code", "pk")
    )
    for m in mensen:
        if not Authenticator.objects.filter(user=m, type=Authenticator.Type.TOTP).exists():
            TOTP.activate(m, generate_totp_secret())
    eigen = {
        m.pk: ",".join(str(pk) for pk in Werkgever.objects.filter(accounthouder=m)
                       .order_by("pk").values_list("pk", flat=True)[:20]) or "-"
        for m in mensen
    }
    for m in itertools.islice(itertools.cycle(mensen), math.ceil(aantal * int(gewicht) / totaal)):
        s = store()
        s[SESSION_KEY] = str(m.pk)
        s[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        s[HASH_SESSION_KEY] = m.get_session_auth_hash()
        s.create()
        print("SESSIE", rol, m.regio.code, s.session_key, eigen[m.pk])
"""


def totp_code(secret: str) -> str:
    """RFC 6238 as allauth checks it (SHA1, 6 digits, 30 s), without loading Django."""
    teller = struct.pack(">Q", int(time.time()) // 30)
    digest = hmac.new(base64.b32decode(secret, casefold=True), teller, hashlib.sha1).digest()
    begin = digest[-1] & 0x0F
    waarde = struct.unpack(">I", digest[begin : begin + 4])[0] & 0x7FFFFFFF
    return f"{waarde % 10**6:06d}"


def inloggen(session, basis: str, email: str, secret: str) -> dict[str, str]:
    """A real login through allauth: password, then the TOTP code. Works with a requests
    session and with locust's FastHttpSession. Sends a distinct X-Forwarded-For per account
    (gunicorn runs with TRUSTED_PROXY_COUNT=1, like behind the production proxy), so the
    per-address login throttle sees separate people, not one; returns that header, which the
    caller sends with every later request (a requests session keeps it itself)."""
    from werkcentrum.demo import DEMO_WACHTWOORD

    kop = {"X-Forwarded-For": _adres(email)}
    if hasattr(session, "headers"):
        session.headers.update(kop)
    session.get(f"{basis}/accounts/login/", headers=kop)
    r = session.post(
        f"{basis}/accounts/login/",
        data={"login": email, "password": DEMO_WACHTWOORD, "csrfmiddlewaretoken": _csrf(session)},
        headers=kop,
        allow_redirects=False,
    )
    stap = _doel(r)
    for poging in range(2):
        if "/2fa/" not in stap:
            break
        if poging:  # a code is accepted once: a second login wants the next 30 s window
            time.sleep(30 - time.time() % 30 + 1)
        r = session.post(
            f"{basis}{stap}",
            data={"code": totp_code(secret), "csrfmiddlewaretoken": _csrf(session)},
            headers=kop,
            allow_redirects=False,
        )
        # The form again (200) means the code was refused: another login of this account
        # used it in this window. Anything else is where the login goes next.
        if r.status_code != 200:
            stap = _doel(r)
    if not _doel(r).rstrip("/").endswith("/werkplek"):
        melding = re.search(r'class="utrecht-alert[^"]*".*?<p[^>]*>(.*?)</p>', r.text or "", re.S)
        raise RuntimeError(
            f"inloggen als {email} mislukt: {r.status_code} {_doel(r)} "
            f"{melding.group(1).strip() if melding else ''}"
        )
    return kop


def _doel(r) -> str:
    """Where a redirect points, as a path ('' when the answer is no redirect)."""
    if r.status_code not in (301, 302, 303):
        return ""
    return urlsplit(r.headers.get("Location", "")).path


def keuzes(html: str, naam: str) -> list[str]:
    """The values a form offers for a field: radio/checkbox inputs or select options."""
    select = re.search(rf'<select name="{naam}"[^>]*>(.*?)</select>', html, re.S)
    if select:
        return [w for w in re.findall(r'<option value="([^"]*)"', select.group(1)) if w]
    return re.findall(rf'name="{naam}" value="([^"]*)"', html)


def _csrf(session) -> str:
    jar = getattr(session, "cookiejar", None)
    jar = session.cookies if jar is None else jar
    return next((c.value for c in jar if c.name == "csrftoken"), "")


def _adres(email: str) -> str:
    n = sum(email.encode()) * 7919 % 65000
    return f"10.{n // 250 % 250}.{n % 250}.{len(email) % 250 + 1}"


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def gunicorn(scale: int, workers: int, regios: int = 1):
    """gunicorn on 127.0.0.1 with a free port against the scale's database; yields the base
    URL and stops it (whole process group) on the way out, whatever happens."""
    poort = vrije_poort()
    env = omgeving(scale, regios, TRUSTED_PROXY_COUNT="1", CACHE_URL=cache_url(scale, regios))
    opdracht = [PYTHON, "-m", "gunicorn", "werkcentrum.wsgi:application"]
    opdracht += ["--bind", f"127.0.0.1:{poort}", "--workers", str(workers)]
    opdracht += ["--log-level", "warning"]
    proces = subprocess.Popen(
        opdracht,
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    basis = f"http://127.0.0.1:{poort}"
    try:
        _wachten(basis, proces)
        yield basis
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proces.pid, signal.SIGTERM)
        try:
            proces.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proces.pid, signal.SIGKILL)
            proces.wait()


def cache_url(scale: int, regios: int = 1) -> str:
    """The shared cache of production (Redis): rate limits count across workers and sessions
    are read from it as in production. A key prefix per scale:
    each scale is another database, whose rows must never meet the other's cached ones."""
    voorvoegsel = f"s{scale}" + ("" if regios == 1 else f"r{regios}")
    basis = os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/5")
    return f"{basis}?key_prefix={voorvoegsel}"


def _wachten(basis: str, proces) -> None:
    import requests

    for _ in range(120):
        if proces.poll() is not None:
            raise RuntimeError("gunicorn stopte meteen")
        with contextlib.suppress(requests.RequestException):
            if requests.get(f"{basis}/bench/plafond/", timeout=2).status_code == 200:
                return
        time.sleep(0.5)
    raise RuntimeError("gunicorn kwam niet op")


def machine() -> dict[str, str]:
    model = next(
        (
            regel.split(":", 1)[1].strip()
            for regel in open("/proc/cpuinfo").read().splitlines()  # noqa: SIM115
            if regel.startswith("model name")
        ),
        platform.processor(),
    )
    free = subprocess.run(["free", "-h"], capture_output=True, text=True).stdout
    return {"nproc": str(os.cpu_count()), "cpu": model, "free": free.strip()}


def kop(titel: str, commando: str) -> str:
    """Header of a results file in docs/: what, when, with which command, on what machine."""
    from datetime import UTC, datetime

    m = machine()
    belasting = " / ".join(f"{w:.1f}" for w in os.getloadavg())
    return (
        f"# {titel}\n\n- datum: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC\n"
        f"- commando: `{commando}`\n- machine: {m['nproc']} cores, {m['cpu']}, "
        f"load average (1/5/15 min) bij het einde {belasting}\n"
    )
