from celery.schedules import crontab

SCHEDULE = {
    "wsp-verzoeken-bewaken": {
        "task": "wsp.tasks.verzoeken_bewaken",
        "schedule": crontab(minute="*/15"),
    },
    "wsp-nazorg-bewaken": {
        "task": "wsp.tasks.nazorg_bewaken",
        "schedule": crontab(hour=7, minute=0),
    },
    "wsp-vacatures-laten-verlopen": {
        "task": "wsp.tasks.vacatures_laten_verlopen",
        "schedule": crontab(hour=1, minute=30),
    },
    "wsp-halfjaar-factsheets": {
        "task": "wsp.tasks.halfjaar_factsheets",
        # 05:30 Amsterdam (CELERY_TIMEZONE) on 1 January and 1 July.
        "schedule": crontab(minute=30, hour=5, day_of_month=1, month_of_year="1,7"),
    },
}
