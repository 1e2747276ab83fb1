"""Settings for the benchmark and load runs only (tests/bench): production settings plus a
trivial view as the ceiling, and cookies without the Secure flag because the runs speak plain
HTTP to gunicorn on 127.0.0.1 (in production TLS ends at the proxy in front of gunicorn).

Nothing else is relaxed: two-factor stays required (the runs log in with TOTP codes), the same
middleware, the same throttling. Refuses to load unless WERKCENTRUM_BENCH=1, so it can never
be picked up by accident in a deployment."""

import os

from django.core.exceptions import ImproperlyConfigured

from werkcentrum.settings import *  # noqa: F403

if os.environ.get("WERKCENTRUM_BENCH") != "1":
    raise ImproperlyConfigured("tests.bench.settings_bench is alleen voor benchmarks.")

ROOT_URLCONF = "tests.bench.urls_bench"
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LANGUAGE_COOKIE_SECURE = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
