import time
from datetime import timedelta

import pytest
from django.utils import timezone

from werkcentrum.models import Hartslag
from werkcentrum.tasks import hartslag


@pytest.fixture(autouse=True)
def _lang_geleden_gestart(monkeypatch, settings):
    # Most tests are about a web process that has been up for a while; the start-up grace
    # has tests of its own below.
    from werkcentrum import selectors

    monkeypatch.setattr(selectors, "GESTART", time.monotonic() - settings.HARTSLAG_MAX_LEEFTIJD - 1)


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


def test_na_de_start_zegt_health_starting_tot_de_eerste_hartslag_verwacht_wordt(
    client, db, monkeypatch, settings
):
    from werkcentrum import selectors

    monkeypatch.setattr(selectors, "GESTART", time.monotonic() - 5)
    response = client.get("/health/")
    assert response.status_code == 200 and response.json()["status"] == "starting"
    # Once the first heartbeat is overdue a missing worker is a fault.
    monkeypatch.setattr(selectors, "GESTART", time.monotonic() - settings.HARTSLAG_MAX_LEEFTIJD - 1)
    response = client.get("/health/")
    assert response.status_code == 503 and response.json()["status"] == "storing"


def test_starting_geldt_niet_als_de_broker_weg_is(client, db, monkeypatch, settings):
    from werkcentrum import selectors

    monkeypatch.setattr(selectors, "GESTART", time.monotonic() - 5)
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    response = client.get("/health/")
    assert response.status_code == 503 and response.json()["status"] == "storing"


def test_anoniem_van_buiten_alleen_status_en_code(client, verse_hartslag):
    response = client.get("/health/", REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_van_buiten_bij_storing_ook_alleen_de_status(client, verse_hartslag, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    response = client.get("/health/", REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 503
    assert response.json() == {"status": "storing"}


def test_met_het_monitoringtoken_de_details(client, verse_hartslag, settings):
    settings.HEALTH_MONITORING_TOKEN = "geheim-token-voor-de-monitoring"
    buiten = {"REMOTE_ADDR": "203.0.113.9"}
    goed = client.get(
        "/health/", HTTP_AUTHORIZATION="Bearer geheim-token-voor-de-monitoring", **buiten
    )
    assert goed.json()["database"]["ok"] is True and "worker" in goed.json()
    fout = client.get("/health/", HTTP_AUTHORIZATION="Bearer geheim", **buiten)
    assert fout.json() == {"status": "ok"}


def test_zonder_ingesteld_token_opent_een_leeg_token_niets(client, verse_hartslag, settings):
    settings.HEALTH_MONITORING_TOKEN = ""
    response = client.get("/health/", HTTP_AUTHORIZATION="Bearer ", REMOTE_ADDR="203.0.113.9")
    assert response.json() == {"status": "ok"}


def test_intern_netwerk_ziet_de_details_maar_niet_via_de_proxy(client, verse_hartslag, settings):
    settings.HEALTH_INTERNE_NETWERKEN = ["10.0.0.0/8"]
    assert "database" in client.get("/health/", REMOTE_ADDR="10.1.2.3").json()
    # Behind the proxy (itself on the internal network) a visitor is who the proxy says.
    settings.TRUSTED_PROXY_COUNT = 1
    via_proxy = client.get("/health/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert via_proxy.json() == {"status": "ok"}
    # The container's own check talks to gunicorn directly, without the header.
    assert "database" in client.get("/health/", REMOTE_ADDR="10.0.0.2").json()
