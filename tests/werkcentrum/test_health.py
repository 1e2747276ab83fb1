from datetime import timedelta

import pytest
from django.utils import timezone

from werkcentrum.models import Hartslag
from werkcentrum.tasks import hartslag


@pytest.fixture
def verse_hartslag(db):
    hartslag.delay()
    return Hartslag.objects.get(naam="worker")


def test_healthy_when_database_broker_and_worker_are_up(client, verse_hartslag):
    response = client.get("/health/")
    body = response.json()
    assert response.status_code == 200, body
    assert body["status"] == "ok"
    assert body["database"]["ok"] and body["broker"]["ok"] and body["worker"]["ok"]
    assert body["worker"]["aantal"] == 1


def test_unreachable_broker_gives_503(client, verse_hartslag, settings):
    # Port 1 on loopback: nothing listens, the connection is refused at once.
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["broker"]["ok"] is False
    assert response.json()["database"]["ok"] is True


def test_stale_heartbeat_gives_503(client, verse_hartslag, settings):
    Hartslag.objects.filter(pk=verse_hartslag.pk).update(
        laatst=timezone.now() - timedelta(seconds=settings.HARTSLAG_MAX_LEEFTIJD + 1)
    )
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["worker"]["ok"] is False


def test_no_heartbeat_yet_gives_503(client, db):
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["worker"]["laatste_hartslag"] is None


def test_heartbeat_task_is_idempotent_and_counts(db):
    hartslag.delay()
    hartslag.delay()
    rij = Hartslag.objects.get(naam="worker")
    assert Hartslag.objects.count() == 1
    assert rij.aantal == 2


def test_health_does_not_leak_connection_details(client, verse_hartslag, settings):
    text = client.get("/health/").text
    assert "@" not in text and "password" not in text.lower()
