"""Shared fixtures: two regio's, a user per role, fast hashing, eager Celery.

The suite runs on SQLite by default and on PostgreSQL + Redis when DATABASE_URL,
CELERY_BROKER_URL and CACHE_URL are set (.ci/run). Unreachable services fail the run; in CI
(CI=true) a skipped test fails it too, so a PostgreSQL-only or browser test can never
silently vanish.
"""

from __future__ import annotations

import os

import pytest

from tests.factories import MedewerkerFactory, RegioFactory

IN_CI = os.environ.get("CI") == "true"


def pytest_sessionstart(session) -> None:
    for url in (os.environ.get("CELERY_BROKER_URL"), os.environ.get("CACHE_URL")):
        if url and url.startswith("redis"):
            import redis

            try:
                redis.Redis.from_url(url.split("?")[0], socket_connect_timeout=3).ping()
            except redis.RedisError as exc:
                pytest.exit(f"Redis op {url} is niet bereikbaar: {exc}", returncode=3)


def pytest_sessionfinish(session, exitstatus) -> None:
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if IN_CI and skipped and exitstatus == 0:
        reporter.write_line(
            f"CI: {len(skipped)} test(s) overgeslagen; in CI is dat een fout.", red=True
        )
        session.exitstatus = 1


@pytest.fixture(scope="session", autouse=True)
def _flush_may_truncate_the_audit_log():
    """The test flush (transactional tests) empties every table with one TRUNCATE on
    PostgreSQL; the audit log refuses TRUNCATE unless the transaction allows it
    (werkcentrum migration 0008). Only the flush's SQL gets that permission, so a TRUNCATE
    anywhere else in a test is still refused, as in production."""
    from django.db import connections

    patched = []
    for connection in connections.all():
        ops_class = type(connection.ops)
        if connection.vendor != "postgresql" or ops_class in patched:
            continue
        original = ops_class.sql_flush

        def sql_flush(self, style, tables, *args, _original=original, **kwargs):
            sql = _original(self, style, tables, *args, **kwargs)
            # SET LOCAL holds for the flush's own transaction (execute_sql_flush is atomic).
            return ["SET LOCAL werkcentrum.audit_truncate = 'toegestaan'", *sql] if sql else sql

        ops_class.sql_flush = sql_flush
        patched.append((ops_class, original))
    yield
    for ops_class, original in patched:
        ops_class.sql_flush = original


@pytest.fixture(scope="session", autouse=True)
def _media_in_tmp(django_test_environment, tmp_path_factory):
    """Uploads and logos a test stores (seed_regio amf stores its logo) go to a temporary
    folder, never into the checkout's var/media."""
    from django.conf import settings as django_settings

    django_settings.MEDIA_ROOT = str(tmp_path_factory.mktemp("media"))


@pytest.fixture(scope="session", autouse=True)
def _plain_http(django_test_environment):
    """The live server of the browser journeys is a session fixture: its middleware is built
    before any test's settings fixture runs, so plain HTTP is set for the whole session here
    (transport security is proved by `check --deploy` in .ci/run)."""
    from django.conf import settings as django_settings

    django_settings.SECURE_SSL_REDIRECT = False
    django_settings.SESSION_COOKIE_SECURE = False
    django_settings.CSRF_COOKIE_SECURE = False


@pytest.fixture(autouse=True)
def _test_settings(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.WERKCENTRUM_MFA_VERPLICHT = True  # production behaviour unless a test says otherwise
    # Transport security is proved by `check --deploy` in .ci/run; tests speak plain HTTP.
    settings.SECURE_SSL_REDIRECT = False
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # The cache is whatever CACHE_URL configures, as in production: .ci/run sets a Redis
    # database of its own, a fresh machine without it gets the per-process LocMemCache.


@pytest.fixture(autouse=True)
def _eager_celery():
    from werkcentrum.celery import app

    app.conf.task_always_eager = True
    app.conf.task_eager_propagates = True
    yield
    app.conf.task_always_eager = False


@pytest.fixture(autouse=True)
def _nederlands():
    # The test client leaves the language of its last request active in this thread (Django
    # never deactivates it); every test starts in the portal's own language.
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _clear_cache(_test_settings):
    # Every test starts with an empty cache: rate-limit counters (forms, logins, the API) and
    # sessions must not leak from one test into the next. With CACHE_URL on Redis this
    # empties that Redis database (FLUSHDB): give the tests a database of their own.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def regio_a(db):
    return RegioFactory(code="zkij", naam="Zuid-Kennemerland en IJmond")


@pytest.fixture
def regio_b(db):
    return RegioFactory(code="amersfoort", naam="Amersfoort")


@pytest.fixture
def maak_gebruiker(db, regio_a):
    def maak(*rollen: str, regio=None, **kwargs):
        return MedewerkerFactory(regio=regio or regio_a, rollen=list(rollen), **kwargs)

    return maak


@pytest.fixture
def superuser(db):
    return MedewerkerFactory(regio=None, is_superuser=True, is_staff=True, rollen=[])


@pytest.fixture
def kies_doel():
    """`kies_doel(client, obj)`: the logged-in user of `client` has chosen why they open `obj`
    (the first purpose of their roles unless `doel` is given), as the interstitial would."""
    from werkcentrum.doelbinding import onthouden
    from werkcentrum.doelen import doelen_voor

    def kies(client, obj, doel: str | None = None) -> str:
        sessie = client.session
        if doel is None:
            from django.contrib.auth import get_user_model

            user = get_user_model().objects.get(pk=sessie["_auth_user_id"])
            doel = doelen_voor(user)[0].code
        onthouden(sessie, obj, doel)
        sessie.save()
        return doel

    return kies
