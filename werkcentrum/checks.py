"""System checks of the deployment's settings."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.db import DatabaseError

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


@register(Tags.database)
def regio_hostnamen_check(app_configs, databases=None, **kwargs) -> list[Warning]:
    """`manage.py check --database default`: a regio's host name that this installation does
    not serve (not in ALLOWED_HOSTS). Its public site then stays under /<code>/ on SITE_URL
    and mails link there (werkcentrum.site.site_url); probably not what was meant."""
    if not databases:
        return []
    from .models import Arbeidsmarktregio
    from .site import wordt_bediend

    try:
        regios = list(
            Arbeidsmarktregio.objects.exclude(hostnaam="").values_list("code", "hostnaam")
        )
    except DatabaseError:
        return []  # not migrated yet
    return [
        Warning(
            f"Regio {code} has host name {hostnaam}, which is not in ALLOWED_HOSTS.",
            hint=f"Add {hostnaam} to ALLOWED_HOSTS (and DNS/TLS), or clear the regio's hostnaam.",
            id="werkcentrum.W001",
        )
        for code, hostnaam in regios
        if not wordt_bediend(hostnaam)
    ]
