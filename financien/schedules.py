from celery.schedules import crontab

SCHEDULE = {
    "financien-signalen": {
        "task": "financien.tasks.signalen_versturen",
        "schedule": crontab(hour=6, minute=30),
    },
}
