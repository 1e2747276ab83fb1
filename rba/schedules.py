from celery.schedules import crontab

SCHEDULE = {
    "rba-actie-herinneringen": {
        "task": "rba.tasks.actie_herinneringen_versturen",
        "schedule": crontab(hour=7, minute=15),
    },
}
