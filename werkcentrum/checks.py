"""System checks of the deployment's settings."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, Tags, register

# Caches that live inside one process (or keep nothing): every gunicorn worker would count
# its own rate limits and keep its own sessions.
PER_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


@register(Tags.caches)
def shared_cache_check(app_configs, **kwargs) -> list[Error]:
    """With DEBUG off (outside the one-process embedded demo) the default cache must be shared
    by all processes: the login, API and public-form rate limits are counted in it, and so
    are cached_db sessions."""
    if settings.DEBUG or getattr(settings, "EMBEDDED", False):
        return []
    backend = settings.CACHES["default"]["BACKEND"]
    if backend not in PER_PROCESS_CACHES:
        return []
    dependents = ["rate limits (login, API, public forms)"]
    if settings.SESSION_ENGINE.endswith(("cache", "cached_db")):
        dependents.append(f"sessions ({settings.SESSION_ENGINE})")
    return [
        Error(
            f"The default cache ({backend}) lives in one process, but {' and '.join(dependents)} "
            "rely on a cache that every process shares.",
            hint="Set CACHE_URL to a Redis of its own, e.g. redis://cache:6379/1 "
            "(docker-compose.yml).",
            id="werkcentrum.E001",
        )
    ]
