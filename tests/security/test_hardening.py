"""Hardening: strict CSP without inline code on every HTML page, frame and transport headers,
session expiry after inactivity, production cookie/HSTS settings, DRF throttles."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from django.conf import settings as django_settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import MedewerkerFactory

from .urls import alle_routes, kwargs_voor, query_voor

ROOT = Path(__file__).resolve().parents[2]
ROUTES = alle_routes()
# Logged-in staff covering every staff app; anonymous covers the public pages.
KIJKERS = ("anoniem", "beheerder", "rba_secretariaat", "wsp_adviseur", "financieel_beheerder")

# An inline <script> without src that the browser would execute (JSON data blocks such as the
# browsable API's CSRF token are never executed, so a strict CSP leaves them alone).
INLINE_SCRIPT = re.compile(
    r"<script\b(?![^>]*\bsrc\s*=)(?![^>]*\btype\s*=\s*[\"']application/(?:ld\+)?json)[^>]*>",
    re.IGNORECASE,
)
STYLE_ATTRIBUUT = re.compile(r"\sstyle\s*=", re.IGNORECASE)
EVENT_ATTRIBUUT = re.compile(r"\son[a-z]+\s*=\s*[\"']", re.IGNORECASE)


@pytest.fixture
def _zonder_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


@pytest.mark.parametrize("naam", sorted(ROUTES))
def test_html_paginas_hebben_strikte_csp_zonder_inline_code(naam, wereld, db, _zonder_mfa):
    url = reverse(naam, kwargs=kwargs_voor(naam, wereld)) + query_voor(naam, wereld)
    for wie in KIJKERS:
        response = wereld.clients[wie].get(url, HTTP_ACCEPT="text/html")
        if response.status_code != 200:
            continue
        assert response.headers.get("X-Frame-Options") == "DENY", (url, wie)
        if "text/html" not in response.headers.get("Content-Type", ""):
            continue
        csp = response.headers.get("Content-Security-Policy", "")
        assert "default-src 'self'" in csp, (url, wie, csp)
        assert "frame-ancestors 'none'" in csp, (url, wie, csp)
        assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp, (url, wie, csp)
        html = response.content.decode()
        assert not INLINE_SCRIPT.findall(html), (url, wie, INLINE_SCRIPT.findall(html)[:3])
        assert not STYLE_ATTRIBUUT.search(html), (url, wie, "style= attribute")
        assert not EVENT_ATTRIBUUT.search(html), (url, wie, "inline event handler")


def test_sessie_verloopt_na_inactiviteit(db, regio_a, settings):
    """Requests renew the session; SESSION_COOKIE_AGE without a request ends it."""
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    assert django_settings.SESSIE_VERNIEUWEN_SECONDEN <= 60
    assert django_settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    leeftijd = settings.SESSION_COOKIE_AGE
    assert leeftijd <= 30 * 60, "staff sessions end after at most 30 minutes of inactivity"
    client = Client()
    client.force_login(MedewerkerFactory(regio=regio_a, rollen=["gids"]))
    werkplek = reverse("werkplek")
    login = reverse("account_login")
    start = timezone.now()
    with time_machine.travel(start, tick=False) as reis:
        assert client.get(werkplek).status_code == 200
        # Active all the time: each request within the window keeps the user logged in.
        for _ in range(4):
            reis.shift(timedelta(seconds=leeftijd - 60))
            assert client.get(werkplek).status_code == 200
        # Inactive for longer than the window: logged out.
        reis.shift(timedelta(seconds=leeftijd + 60))
        _redis_laat_sessie_verlopen(client, leeftijd)
        response = client.get(werkplek)
        assert response.status_code == 302
        assert response.headers["Location"].startswith(login)


def _redis_laat_sessie_verlopen(client, leeftijd: int) -> None:
    """With cached_db sessions Redis ends the cached copy by its own clock, which the test's
    time travel cannot move: check that copy lives no longer than the window, then remove it
    as Redis would once the window has passed (the database copy's expiry is what is tested)."""
    if django_settings.SESSION_ENGINE != "django.contrib.sessions.backends.cached_db":
        return
    from django.contrib.sessions.backends.cached_db import KEY_PREFIX
    from django.core.cache import caches

    cache = caches[django_settings.SESSION_CACHE_ALIAS]
    sleutel = cache.make_and_validate_key(KEY_PREFIX + client.session.session_key)
    resterend = cache._cache.get_client(sleutel).ttl(sleutel)
    assert 0 < resterend <= leeftijd, resterend
    cache.delete(KEY_PREFIX + client.session.session_key)


def _sessie_schrijfacties(queries) -> int:
    return sum(
        1
        for q in queries.captured_queries
        if "django_session" in q["sql"]
        and q["sql"].lstrip().upper().startswith(("UPDATE", "INSERT"))
    )


def test_sessie_wordt_hoogstens_eens_per_minuut_geschreven(db, regio_a, settings):
    """A page does not write the session; the first request after SESSIE_VERNIEUWEN_SECONDEN
    does, which moves the idle deadline on."""
    from django.contrib.sessions.models import Session

    settings.WERKCENTRUM_MFA_VERPLICHT = False
    client = Client()
    client.force_login(MedewerkerFactory(regio=regio_a, rollen=["gids"]))
    werkplek = reverse("werkplek")
    start = timezone.now()
    with time_machine.travel(start, tick=False) as reis:
        client.get(werkplek)
        verloopt = Session.objects.get(session_key=client.cookies["sessionid"].value).expire_date
        reis.shift(timedelta(seconds=settings.SESSIE_VERNIEUWEN_SECONDEN - 5))
        with CaptureQueriesContext(connection) as queries:
            assert client.get(werkplek).status_code == 200
        assert _sessie_schrijfacties(queries) == 0
        assert (
            Session.objects.get(session_key=client.cookies["sessionid"].value).expire_date
            == verloopt
        )
        reis.shift(timedelta(seconds=10))
        with CaptureQueriesContext(connection) as queries:
            assert client.get(werkplek).status_code == 200
        assert _sessie_schrijfacties(queries) == 1
        assert (
            Session.objects.get(session_key=client.cookies["sessionid"].value).expire_date
            > verloopt
        )


def test_sessie_uit_de_cache_kost_geen_query(db, regio_a, settings):
    """With the cached_db engine (production, Redis) a page reads the session from the cache;
    the database still holds it, so emptying the cache logs nobody out."""
    from django.core.cache import cache

    settings.WERKCENTRUM_MFA_VERPLICHT = False
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    client = Client()
    client.force_login(MedewerkerFactory(regio=regio_a, rollen=["gids"]))
    werkplek = reverse("werkplek")
    assert client.get(werkplek).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get(werkplek).status_code == 200
    assert not [q for q in queries.captured_queries if "django_session" in q["sql"]]
    cache.clear()
    assert client.get(werkplek).status_code == 200


PROBE = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps({k: getattr(settings, k, None) for k in (
    "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY",
    "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_SSL_REDIRECT",
    "X_FRAME_OPTIONS", "SECURE_CONTENT_TYPE_NOSNIFF", "SESSION_COOKIE_AGE",
    "SESSION_SAVE_EVERY_REQUEST", "SESSIE_VERNIEUWEN_SECONDEN", "SESSION_ENGINE")}))
"""


def test_productie_heeft_veilige_cookies_en_hsts(tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DEBUG", "WERKCENTRUM_EMBEDDED", "SECURE_SSL_REDIRECT", "SESSION_COOKIE_AGE")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="werkcentrum.settings",
        WERKCENTRUM_VAR_DIR=str(tmp_path),
        SECRET_KEY="k3y-" + "q8Zr!xP2#vL9@mN4$tY7%" * 3,
        ALLOWED_HOSTS="portaal.example.nl",
        DATABASE_URL=f"sqlite:///{tmp_path / 'prod.sqlite3'}",
        CACHE_URL="redis://127.0.0.1:6379/0",
    )
    uit = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert uit.returncode == 0, uit.stderr
    s = json.loads(uit.stdout)
    assert s["SESSION_COOKIE_SECURE"] and s["CSRF_COOKIE_SECURE"] and s["SESSION_COOKIE_HTTPONLY"]
    assert s["SECURE_HSTS_SECONDS"] >= 31536000 and s["SECURE_HSTS_INCLUDE_SUBDOMAINS"]
    assert s["SECURE_SSL_REDIRECT"] is True
    assert s["X_FRAME_OPTIONS"] == "DENY" and s["SECURE_CONTENT_TYPE_NOSNIFF"]
    assert s["SESSION_COOKIE_AGE"] == 30 * 60 and s["SESSIE_VERNIEUWEN_SECONDEN"] <= 60
    assert s["SESSION_ENGINE"] == "django.contrib.sessions.backends.cached_db"


def test_api_throttles_zijn_ingesteld():
    rest = django_settings.REST_FRAMEWORK
    from django.utils.module_loading import import_string
    from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

    klassen = [import_string(k) for k in rest["DEFAULT_THROTTLE_CLASSES"]]
    assert any(issubclass(k, AnonRateThrottle) for k in klassen)
    assert any(issubclass(k, UserRateThrottle) for k in klassen)
    assert rest["DEFAULT_THROTTLE_RATES"]["anon"] and rest["DEFAULT_THROTTLE_RATES"]["user"]


def test_anonieme_api_wordt_afgeremd(db, regio_a):
    """The public besluiten API (no login) answers 429 once the anonymous rate is used up."""
    from rest_framework.settings import api_settings

    limiet = int(api_settings.DEFAULT_THROTTLE_RATES["anon"].split("/")[0])
    url = reverse("rba-openbaar-besluit-list")
    # An address of its own, so anonymous calls of earlier tests do not count.
    client = Client(REMOTE_ADDR="203.0.113.77")
    codes = [client.get(url, {"regio": regio_a.code}).status_code for _ in range(limiet + 1)]
    assert codes[:limiet] == [200] * limiet
    assert codes[-1] == 429
