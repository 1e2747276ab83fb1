from werkcentrum.celery import TRANSIENT_ERRORS, app
from werkcentrum.tasks import hartslag


def test_reliability_settings():
    conf = app.conf
    assert conf.task_acks_late is True
    assert conf.task_reject_on_worker_lost is True
    assert conf.worker_prefetch_multiplier == 1
    assert 0 < conf.task_soft_time_limit < conf.task_time_limit
    assert conf.beat_scheduler == "django_celery_beat.schedulers:DatabaseScheduler"
    assert conf.timezone == "Europe/Amsterdam"


def test_redis_visibility_timeout_exceeds_longest_task(settings):
    if settings.CELERY_BROKER_URL.startswith("redis"):
        assert app.conf.broker_transport_options["visibility_timeout"] > app.conf.task_time_limit
    else:
        # The embedded filesystem transport has no visibility timeout; check the production value.
        from werkcentrum import settings as project_settings

        assert project_settings.CELERY_TASK_TIME_LIMIT < 2 * 60 * 60


def test_tasks_retry_transient_errors_with_backoff():
    assert set(TRANSIENT_ERRORS) <= set(hartslag.autoretry_for)
    assert hartslag.retry_backoff and hartslag.retry_jitter
    assert hartslag.max_retries >= 3


def test_beat_schedule_lands_in_the_database(transactional_db):
    from django_celery_beat.models import PeriodicTask
    from django_celery_beat.schedulers import DatabaseScheduler

    DatabaseScheduler(app=app)  # what `celery beat` does at start
    taken = dict(PeriodicTask.objects.values_list("name", "task"))
    assert taken["hartslag"] == "werkcentrum.tasks.hartslag"
    assert taken["sessies-opruimen"] == "werkcentrum.tasks.sessies_opruimen"


def test_delay_on_commit_enqueues_only_after_commit(db, django_capture_on_commit_callbacks):
    from werkcentrum.models import Hartslag

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        hartslag.delay_on_commit()
    assert not Hartslag.objects.exists()  # nothing ran inside the transaction
    assert len(callbacks) == 1
    callbacks[0]()
    assert Hartslag.objects.filter(naam="worker").exists()
