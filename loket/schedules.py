"""Periodic tasks of the loket (merged into CELERY_BEAT_SCHEDULE by the settings)."""

from celery.schedules import crontab

SCHEDULE = {
    "loket-vraag-termijnen": {
        "task": "loket.tasks.vraag_termijnen_bewaken",
        "schedule": crontab(minute=0, hour="8,13"),
    },
    "loket-doorverwijzingen-opvolgen": {
        "task": "loket.tasks.doorverwijzingen_opvolgen",
        "schedule": crontab(minute=15, hour=8),
    },
    "loket-bewaartermijn": {
        "task": "loket.tasks.persoonsgegevens_opschonen",
        "schedule": crontab(minute=30, hour=3),
    },
}
