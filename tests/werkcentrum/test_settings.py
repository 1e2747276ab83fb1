"""Settings come from the environment; unsafe defaults exist only in the embedded mode."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps({
    "DEBUG": settings.DEBUG,
    "EMBEDDED": settings.EMBEDDED,
    "ENGINE": settings.DATABASES["default"]["ENGINE"],
    "DB_NAME": str(settings.DATABASES["default"]["NAME"]),
    "BROKER": settings.CELERY_BROKER_URL,
    "EMAIL_BACKEND": settings.EMAIL_BACKEND,
    "EMAIL_HOST": getattr(settings, "EMAIL_HOST", ""),
    "ALLOWED_HOSTS": settings.ALLOWED_HOSTS,
    "MFA": settings.WERKCENTRUM_MFA_VERPLICHT,
    "HSTS": getattr(settings, "SECURE_HSTS_SECONDS", 0),
    "LANGUAGE_CODE": settings.LANGUAGE_CODE,
    "TIME_ZONE": settings.TIME_ZONE,
}))
"""
OVERRIDDEN = (
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "CELERY_BROKER_URL",
    "EMAIL_URL",
    "WERKCENTRUM_EMBEDDED",
    "WERKCENTRUM_MFA_VERPLICHT",
    "CACHE_URL",
    "SECURE_SSL_REDIRECT",
)


def probe(tmp_path, **env_vars):
    env = {k: v for k, v in os.environ.items() if k not in OVERRIDDEN}
    env.update(
        env_vars, DJANGO_SETTINGS_MODULE="werkcentrum.settings", WERKCENTRUM_VAR_DIR=str(tmp_path)
    )
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    return result


def test_embedded_default_needs_no_servers(tmp_path):
    result = probe(tmp_path)
    assert result.returncode == 0, result.stderr
    s = json.loads(result.stdout)
    assert s["EMBEDDED"] is True and s["DEBUG"] is False
    assert s["ENGINE"] == "django.db.backends.sqlite3"
    assert s["BROKER"] == "filesystem://"
    assert s["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"
    assert s["MFA"] is False  # so a newcomer can try the demo logins
    assert s["LANGUAGE_CODE"] == "nl" and s["TIME_ZONE"] == "Europe/Amsterdam"
    assert (tmp_path / "celery" / "queue").is_dir()


def test_production_reads_everything_from_the_environment(tmp_path):
    result = probe(
        tmp_path,
        SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="portaal.example.nl,www.portaal.example.nl",
        DATABASE_URL="postgres://wc:geheim@db.example.nl:5432/werkcentrum",
        CELERY_BROKER_URL="redis://redis.example.nl:6379/0",
        EMAIL_URL="smtp+tls://mailer:pw@smtp.example.nl:587",
    )
    assert result.returncode == 0, result.stderr
    s = json.loads(result.stdout)
    assert s["EMBEDDED"] is False and s["DEBUG"] is False
    assert s["ENGINE"] == "django.db.backends.postgresql" and s["DB_NAME"] == "werkcentrum"
    assert s["BROKER"] == "redis://redis.example.nl:6379/0"
    assert s["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert s["EMAIL_HOST"] == "smtp.example.nl"
    assert s["ALLOWED_HOSTS"] == ["portaal.example.nl", "www.portaal.example.nl"]
    assert s["MFA"] is True
    assert s["HSTS"] >= 31536000


def test_production_without_secret_key_refuses_to_start(tmp_path):
    result = probe(tmp_path, DATABASE_URL="postgres://wc@db.example.nl/werkcentrum")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_debug_only_when_asked(tmp_path):
    result = probe(tmp_path, DEBUG="1")
    assert json.loads(result.stdout)["DEBUG"] is True


def test_check_deploy_is_clean_in_production_mode(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in OVERRIDDEN}
    env.update(
        DJANGO_SETTINGS_MODULE="werkcentrum.settings",
        WERKCENTRUM_VAR_DIR=str(tmp_path),
        SECRET_KEY="k3y-" + "q8Zr!xP2#vL9@mN4$tY7%" * 3,
        ALLOWED_HOSTS="portaal.example.nl",
        DATABASE_URL=f"sqlite:///{tmp_path / 'check.sqlite3'}",
        CACHE_URL="redis://127.0.0.1:6379/14",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_without_cache_url_refuses_to_start(tmp_path):
    """Every gunicorn worker would count its own rate limits (werkcentrum.E001)."""
    env = {k: v for k, v in os.environ.items() if k not in OVERRIDDEN}
    env.update(
        DJANGO_SETTINGS_MODULE="werkcentrum.settings",
        WERKCENTRUM_VAR_DIR=str(tmp_path),
        SECRET_KEY="k3y-" + "q8Zr!xP2#vL9@mN4$tY7%" * 3,
        ALLOWED_HOSTS="portaal.example.nl",
        DATABASE_URL=f"sqlite:///{tmp_path / 'check.sqlite3'}",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "werkcentrum.E001" in result.stderr
