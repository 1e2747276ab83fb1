"""Query budgets that hold on both test set-ups."""

from django.conf import settings


def sessie_queries() -> int:
    """The session's own query per request: 0 where the shared Redis cache serves sessions
    (production and CI), 1 in the embedded mode, where sessions live only in the database."""
    return 0 if settings.SESSION_ENGINE.endswith("cached_db") else 1
