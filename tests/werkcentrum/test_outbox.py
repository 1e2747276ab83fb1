"""The transactional outbox behind `delay_on_commit` (werkcentrum/outbox.py)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, transaction
from kombu.exceptions import OperationalError as BrokerError

from werkcentrum import outbox
from werkcentrum.celery import app
from werkcentrum.models import Hartslag, UitgaandeTaak
from werkcentrum.tasks import hartslag


@pytest.fixture
def niet_eager():
    app.conf.task_always_eager = False
    yield
    app.conf.task_always_eager = True


@pytest.fixture
def gepubliceerd(monkeypatch):
    """Stands in for the broker: records what would have been published."""
    berichten: list[tuple[str, list, dict]] = []

    def publiceren(rij):
        berichten.append((rij.taak, rij.args, rij.kwargs))

    monkeypatch.setattr(outbox, "_publiceren", publiceren)
    return berichten


@pytest.fixture
def broker_weg(monkeypatch):
    def publiceren(rij):
        raise BrokerError("Error 111 connecting to 127.0.0.1:1. Connection refused.")

    monkeypatch.setattr(outbox, "_publiceren", publiceren)


def test_delay_on_commit_records_the_task_and_publishes_after_commit(
    db, niet_eager, gepubliceerd, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        hartslag.delay_on_commit()
        assert UitgaandeTaak.objects.filter(verzonden_op=None).count() == 1
        assert gepubliceerd == []  # nothing leaves before the commit
    assert gepubliceerd == [("werkcentrum.tasks.hartslag", [], {})]
    rij = UitgaandeTaak.objects.get()
    assert rij.verzonden_op is not None and rij.pogingen == 1


def test_a_rolled_back_transaction_leaves_no_task(
    db, niet_eager, gepubliceerd, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        hartslag.delay_on_commit()
        raise RuntimeError("rollback")
    assert not UitgaandeTaak.objects.exists()
    assert gepubliceerd == []


def test_broker_away_keeps_the_task_open_without_failing_the_caller(
    db, niet_eager, broker_weg, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        hartslag.delay_on_commit()  # no exception reaches the request
    rij = UitgaandeTaak.objects.get()
    assert rij.verzonden_op is None
    assert rij.pogingen == 1
    assert "Connection refused" in rij.laatste_fout


def test_relay_publishes_open_tasks_once_in_order(db, gepubliceerd):
    eerste = UitgaandeTaak.objects.create(taak="loket.tasks.doorverwijzing_melden", args=[1])
    tweede = UitgaandeTaak.objects.create(taak="loket.tasks.doorverwijzing_melden", args=[2])
    assert outbox.alles_doorsturen() == {"verzonden": 2, "open": 0, "opgeruimd": 0}
    assert outbox.alles_doorsturen()["verzonden"] == 0  # already sent: nothing twice
    assert [b[1] for b in gepubliceerd] == [eerste.args, tweede.args]


def test_relay_stops_at_the_first_broker_failure_and_retries_later(db, monkeypatch):
    UitgaandeTaak.objects.create(taak="werkcentrum.tasks.hartslag")
    UitgaandeTaak.objects.create(taak="werkcentrum.tasks.hartslag")
    pogingen = []

    def weg(rij):
        pogingen.append(rij.pk)
        raise BrokerError("down")

    monkeypatch.setattr(outbox, "_publiceren", weg)
    assert outbox.alles_doorsturen() == {"verzonden": 0, "open": 2, "opgeruimd": 0}
    assert len(pogingen) == 1  # no hammering of a broker that is away
    monkeypatch.setattr(outbox, "_publiceren", lambda rij: None)
    assert outbox.alles_doorsturen()["verzonden"] == 2


def test_relay_forgets_rows_sent_more_than_a_week_ago(db, gepubliceerd):
    from datetime import timedelta

    from django.utils import timezone

    oud = timezone.now() - timedelta(days=8)
    UitgaandeTaak.objects.create(taak="werkcentrum.tasks.hartslag", verzonden_op=oud)
    UitgaandeTaak.objects.create(taak="werkcentrum.tasks.hartslag", verzonden_op=timezone.now())
    assert outbox.alles_doorsturen()["opgeruimd"] == 1
    assert UitgaandeTaak.objects.count() == 1


def test_eager_mode_runs_the_task_after_commit_without_an_outbox_row(
    db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        hartslag.delay_on_commit()
    assert Hartslag.objects.filter(naam="worker").exists()
    assert not UitgaandeTaak.objects.exists()


def test_management_command_relays(db, gepubliceerd, capsys):
    from django.core.management import call_command

    UitgaandeTaak.objects.create(taak="werkcentrum.tasks.hartslag")
    call_command("uitgaande_taken_doorsturen")
    assert "verzonden: 1, nog open: 0" in capsys.readouterr().out


@pytest.mark.postgres
def test_two_relays_never_publish_one_row_twice(transactional_db, gepubliceerd):
    if connection.vendor != "postgresql":
        pytest.skip("SKIP LOCKED needs PostgreSQL")
    rij = UitgaandeTaak.objects.create(taak="werkcentrum.tasks.hartslag")
    vergrendeld, klaar = threading.Event(), threading.Event()

    def eerste_relay_houdt_de_rij_vast():
        with transaction.atomic():
            UitgaandeTaak.objects.select_for_update().get(pk=rij.pk)
            vergrendeld.set()
            klaar.wait(10)
        connection.close()

    houder = threading.Thread(target=eerste_relay_houdt_de_rij_vast)
    houder.start()
    try:
        assert vergrendeld.wait(10)
        assert outbox.doorsturen() == 0  # the claimed row is skipped, not waited for
    finally:
        klaar.set()
        houder.join(10)
    assert outbox.doorsturen() == 1
    assert len(gepubliceerd) == 1


def test_publish_settings_are_bounded():
    policy = app.conf.task_publish_retry_policy
    assert policy["max_retries"] <= 3 and policy["interval_max"] <= 1
    assert app.conf.broker_connection_timeout <= 3
    schedule = app.conf.beat_schedule["uitgaande-taken-doorsturen"]
    assert schedule["task"] == "werkcentrum.tasks.uitgaande_taken_doorsturen"


def test_settings_refuse_a_visibility_timeout_below_the_time_limit(monkeypatch):
    import importlib

    from django.core.exceptions import ImproperlyConfigured

    from werkcentrum import settings as project_settings

    monkeypatch.setenv("CELERY_BROKER_URL", "redis://127.0.0.1:6379/0")
    monkeypatch.setenv("CELERY_VISIBILITY_TIMEOUT", "600")  # below the 900 s hard limit
    try:
        with pytest.raises(ImproperlyConfigured, match="CELERY_VISIBILITY_TIMEOUT"):
            importlib.reload(project_settings)
    finally:
        monkeypatch.undo()
        importlib.reload(project_settings)
