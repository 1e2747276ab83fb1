"""The deployment files agree with each other and with the settings.

docker-compose.yml, Dockerfile and .env.example are read as text (no Docker, no database):
the stack has its five services with health checks and the right start order, the image
installs the hash-pinned production lock, and every environment variable that
werkcentrum/settings.py reads is documented in .env.example.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "Dockerfile"
ENV_EXAMPLE = ROOT / ".env.example"
DOCKERIGNORE = ROOT / ".dockerignore"
SETTINGS = ROOT / "werkcentrum" / "settings.py"

LANGLOPEND = ("web", "worker", "beat", "postgres", "redis", "cache")
APP_DIENSTEN = ("web", "worker", "beat")

# env("X"), env.bool("X", ...), env.db("X"), environ.Env().str("X"), os.environ["X"],
# os.environ.get("X"), os.getenv("X") and "X" in env / "X" not in env.
_ENV_LEZINGEN = (
    re.compile(r"""(?:\benv|\bEnv\(\))(?:\.\w+)?\(\s*["']([A-Z][A-Z0-9_]*)["']"""),
    re.compile(r"""\bos\.(?:environ(?:\.get)?|getenv)[\[(]\s*["']([A-Z][A-Z0-9_]*)["']"""),
    re.compile(r"""["']([A-Z][A-Z0-9_]*)["']\s+(?:not\s+)?in\s+(?:env|os\.environ)\b"""),
)
_TOEWIJZING = re.compile(r"^#?\s*([A-Z][A-Z0-9_]*)=")


def _compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text())


def _dienst(naam: str) -> dict:
    return _compose()["services"][naam]


def _command(dienst: dict) -> list[str]:
    command = dienst.get("command", [])
    return shlex.split(command) if isinstance(command, str) else [str(d) for d in command]


def _environment(dienst: dict) -> dict[str, str]:
    omgeving = dienst.get("environment") or {}
    if isinstance(omgeving, list):
        omgeving = dict(regel.split("=", 1) for regel in omgeving)
    return {k: str(v) for k, v in omgeving.items()}


def _dockerfile_instructies() -> list[str]:
    """The Dockerfile's instructions, continuation lines joined, comments left out."""
    regels = [r for r in DOCKERFILE.read_text().splitlines() if not r.lstrip().startswith("#")]
    return [i.strip() for i in re.sub(r"\\\n", " ", "\n".join(regels)).splitlines() if i.strip()]


def _settings_variabelen() -> set[str]:
    bron = SETTINGS.read_text()
    return {naam for patroon in _ENV_LEZINGEN for naam in patroon.findall(bron)}


def _env_example_variabelen() -> dict[str, int]:
    """Names assigned in .env.example (also as a commented-out default) with their line."""
    namen = {}
    for nummer, regel in enumerate(ENV_EXAMPLE.read_text().splitlines()):
        if m := _TOEWIJZING.match(regel.strip()):
            namen.setdefault(m.group(1), nummer)
    return namen


# --- docker-compose.yml ---------------------------------------------------------------------


def test_compose_has_the_services_of_the_stack():
    diensten = _compose()["services"]
    for naam in LANGLOPEND:
        assert naam in diensten, f"service {naam} missing from docker-compose.yml"


def test_every_long_running_service_has_a_health_check():
    for naam in LANGLOPEND:
        healthcheck = _dienst(naam).get("healthcheck")
        assert healthcheck, f"{naam} has no healthcheck"
        assert not healthcheck.get("disable"), f"{naam} has its healthcheck disabled"
        test = healthcheck.get("test")
        assert test, f"{naam}'s healthcheck has no test"
        if isinstance(test, list):
            assert test[0] in {"CMD", "CMD-SHELL"}, f"{naam}: unexpected healthcheck {test}"


def test_app_services_wait_for_healthy_postgres_and_redis():
    for naam in APP_DIENSTEN:
        depends_on = _dienst(naam).get("depends_on")
        assert isinstance(depends_on, dict), f"{naam} needs depends_on with conditions"
        for nodig in ("postgres", "redis", "cache"):
            assert depends_on.get(nodig, {}).get("condition") == "service_healthy", (
                f"{naam} does not wait for {nodig} to be healthy"
            )


def test_app_services_start_after_the_migrations():
    migrate = _dienst("migrate")
    assert _command(migrate)[-3:] == ["manage.py", "migrate", "--noinput"]
    assert migrate["depends_on"]["postgres"]["condition"] == "service_healthy"
    for naam in APP_DIENSTEN:
        conditie = _dienst(naam)["depends_on"].get("migrate", {}).get("condition")
        assert conditie == "service_completed_successfully", f"{naam} may start before migrate"


def test_web_runs_gunicorn_on_port_8000():
    web = _dienst("web")
    command = _command(web)
    assert command[0] == "gunicorn"
    assert "werkcentrum.wsgi:application" in command
    assert "0.0.0.0:8000" in command
    assert any(str(p).endswith(":8000") for p in web.get("ports", [])), "port 8000 unpublished"


def test_worker_and_beat_run_celery():
    worker = _command(_dienst("worker"))
    assert worker[:3] == ["celery", "-A", "werkcentrum"]
    assert worker[3] == "worker"
    beat = _command(_dienst("beat"))
    assert beat[:3] == ["celery", "-A", "werkcentrum"]
    assert beat[3] == "beat"
    # Beat takes the DatabaseScheduler from settings; a --scheduler flag must not differ.
    schedulers = [a for a in beat if a.startswith(("-S", "--scheduler"))]
    assert all("django_celery_beat" in a for a in schedulers)


def test_app_services_use_the_stacks_postgres_and_redis():
    for naam in (*APP_DIENSTEN, "migrate"):
        omgeving = _environment(_dienst(naam))
        database = urlsplit(omgeving["DATABASE_URL"])
        assert database.scheme in {"postgres", "postgresql"}, naam
        assert database.hostname == "postgres", naam
        assert database.path == "/werkcentrum", naam
        broker = urlsplit(omgeving["CELERY_BROKER_URL"])
        assert (broker.scheme, broker.hostname) == ("redis", "redis"), naam
        cache = urlsplit(omgeving["CACHE_URL"])
        # The cache has a Redis server of its own: LRU eviction is per server and must never
        # drop a queued task.
        assert (cache.scheme, cache.hostname) == ("redis", "cache"), naam
        # Secrets come from .env, never from the compose file itself.
        assert "SECRET_KEY" not in omgeving, naam


def test_app_services_sit_behind_one_tls_proxy():
    omgeving = _environment(_dienst("web"))
    assert omgeving["TRUSTED_PROXY_COUNT"].endswith(("1}", "1"))
    assert omgeving["SECURE_SSL_REDIRECT"].endswith(("true}", "true"))


def test_redis_keeps_its_queue_on_disk():
    redis = _dienst("redis")
    assert "--appendonly" in _command(redis)
    assert any(str(v).endswith(":/data") for v in redis.get("volumes", []))


def test_compose_interpolations_are_documented():
    tekst = "\n".join(r for r in COMPOSE.read_text().splitlines() if not r.lstrip().startswith("#"))
    gebruikt = set(re.findall(r"(?<!\$)\$\{([A-Z][A-Z0-9_]*)", tekst))
    assert "POSTGRES_PASSWORD" in gebruikt
    ontbreekt = gebruikt - set(_env_example_variabelen())
    assert not ontbreekt, f"docker-compose.yml uses undocumented variables: {sorted(ontbreekt)}"


# --- Dockerfile and .dockerignore -----------------------------------------------------------


def test_dockerfile_installs_the_hash_pinned_production_lock():
    installaties = [
        i for i in _dockerfile_instructies() if i.startswith("RUN") and "pip install" in i
    ]
    assert installaties, "the Dockerfile installs nothing with pip"
    for installatie in installaties:
        assert "--require-hashes" in installatie, installatie
        assert "requirements/base.lock" in installatie, installatie
        assert "dev.lock" not in installatie, installatie


def test_dockerfile_runs_as_non_root_with_a_health_check():
    instructies = _dockerfile_instructies()
    assert instructies[0].startswith("FROM python:3.11-slim-bookworm")
    healthchecks = [i for i in instructies if i.startswith("HEALTHCHECK")]
    assert healthchecks, "the Dockerfile has no HEALTHCHECK"
    assert "NONE" not in healthchecks[-1].split()
    assert "/health/" in healthchecks[-1]
    gebruikers = [i.split()[1] for i in instructies if i.startswith("USER")]
    assert gebruikers, "the image runs as root"
    assert gebruikers[-1].split(":")[0] not in {"root", "0"}
    assert any("collectstatic --noinput" in i for i in instructies if i.startswith("RUN"))
    cmd = next(i for i in reversed(instructies) if i.startswith("CMD"))
    assert "gunicorn" in cmd
    assert "werkcentrum.wsgi:application" in cmd


def test_dockerignore_keeps_local_state_out_of_the_image():
    patronen = {
        r.strip() for r in DOCKERIGNORE.read_text().splitlines() if r.strip() and r[0] != "#"
    }
    for nodig in (".env", ".venv", ".git", "var", "**/__pycache__"):
        assert nodig in patronen, f".dockerignore misses {nodig}"


# --- .env.example ---------------------------------------------------------------------------


def test_settings_reader_finds_the_known_variables():
    # Guards the regular expressions below: they must see at least these.
    bekend = {
        "DEBUG",
        "SECRET_KEY",
        "ALLOWED_HOSTS",
        "CSRF_TRUSTED_ORIGINS",
        "DATABASE_URL",
        "CELERY_BROKER_URL",
        "CACHE_URL",
        "EMAIL_URL",
        "DEFAULT_FROM_EMAIL",
        "TRUSTED_PROXY_COUNT",
        "SECURE_SSL_REDIRECT",
        "STATIC_ROOT",
        "MEDIA_ROOT",
        "WERKCENTRUM_MFA_VERPLICHT",
        "LOG_LEVEL",
        "WERKCENTRUM_VAR_DIR",
    }
    assert bekend <= _settings_variabelen()


def test_env_example_documents_every_setting_from_the_environment():
    ontbreekt = _settings_variabelen() - set(_env_example_variabelen())
    assert not ontbreekt, f".env.example does not document {sorted(ontbreekt)}"


def test_every_variable_in_env_example_has_a_comment_above_it():
    regels = ENV_EXAMPLE.read_text().splitlines()
    for naam, nummer in _env_example_variabelen().items():
        boven = regels[nummer - 1].strip() if nummer else ""
        assert boven.startswith("#") and not _TOEWIJZING.match(boven), (
            f".env.example: {naam} has no explanation on the line above it"
        )


def test_env_example_holds_no_real_secret():
    waarden = dict(
        regel.split("=", 1)
        for regel in ENV_EXAMPLE.read_text().splitlines()
        if regel and not regel.startswith("#")
    )
    # Empty on purpose: the portal refuses to start until a real key is set.
    assert waarden["SECRET_KEY"] == ""
    assert "change-me" in waarden["POSTGRES_PASSWORD"]


def test_the_cache_redis_is_bounded_with_lru_eviction_and_the_broker_is_not():
    cache = " ".join(_dienst("cache")["command"])
    assert "--maxmemory 256mb" in cache and "--maxmemory-policy allkeys-lru" in cache
    assert "maxmemory" not in " ".join(_dienst("redis")["command"])
