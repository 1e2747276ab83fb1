"""Settings of the app processes in the fault tests: production settings (DATABASE_URL and
CELERY_BROKER_URL point at throwaway servers) plus what the tests observe through."""

from werkcentrum.settings import *  # noqa: F403
from werkcentrum.settings import CELERY_BROKER_TRANSPORT_OPTIONS, STORAGES, env

# Mail is recorded in the app's own database, in the transaction of whoever sends it.
EMAIL_BACKEND = "tests.reliability.postvak.Postvak"
# Staff sessions are made by the scenario script; two-factor login is tested elsewhere.
WERKCENTRUM_MFA_VERPLICHT = False
# No collectstatic in a test run (the Docker build does it), so no manifest either.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Sweep for abandoned (unacked) messages every second instead of every ~100 s, so a task of
# a killed worker comes back soon after CELERY_VISIBILITY_TIMEOUT (set short by the test).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    **CELERY_BROKER_TRANSPORT_OPTIONS,
    "unacked_restore_interval": 1,
    "unacked_restore_throttle": 1,
}

if env.bool("STORINGSTEST_SNELLE_BEAT", default=False):
    # Several periods in a few seconds: the production jobs whose effects must not double.
    _VANDAAG = env.str("STORINGSTEST_VANDAAG")
    CELERY_BEAT_SCHEDULE = {
        "wsp-nazorg-bewaken": {
            "task": "wsp.tasks.nazorg_bewaken",
            "schedule": 1.0,
            "kwargs": {"vandaag": _VANDAAG},
        },
        "loket-doorverwijzingen-opvolgen": {
            "task": "loket.tasks.doorverwijzingen_opvolgen",
            "schedule": 1.0,
        },
        "uitgaande-taken-doorsturen": {
            "task": "werkcentrum.tasks.uitgaande_taken_doorsturen",
            "schedule": 1.0,
        },
    }
