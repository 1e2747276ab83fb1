"""Sessions, the one value the portal keeps in the cache (cached_db, the production engine):
a logout or password change committed elsewhere counts on the next request, and no session
reaches another user. Runs on whatever cache CACHE_URL configures (Redis in .ci/run)."""

from __future__ import annotations

import threading

import pytest
from django.contrib.sessions.backends.cached_db import SessionStore
from django.db import connections, transaction
from django.test import Client
from django.urls import reverse

from tests.factories import MedewerkerFactory
from werkcentrum.models import Medewerker


@pytest.fixture(autouse=True)
def _cached_db(settings):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    settings.WERKCENTRUM_MFA_VERPLICHT = False


def _in_another_connection(schrijven) -> None:
    def run() -> None:
        try:
            with transaction.atomic():
                schrijven()
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()


def _ingelogd(user) -> Client:
    client = Client()
    client.force_login(user)
    assert client.get(reverse("werkplek")).status_code == 200
    return client


@pytest.mark.django_db(transaction=True)
def test_a_session_ended_in_another_process_counts_on_the_next_request(regio_a):
    client = _ingelogd(MedewerkerFactory(regio=regio_a, rollen=["gids"]))
    sleutel = client.cookies["sessionid"].value
    # As a logout in another worker would: the session store deletes both copies.
    _in_another_connection(lambda: SessionStore(session_key=sleutel).delete())
    assert client.get(reverse("werkplek")).status_code == 302


@pytest.mark.django_db(transaction=True)
def test_a_password_changed_in_another_connection_logs_the_session_out(regio_a):
    user = MedewerkerFactory(regio=regio_a, rollen=["gids"])
    client = _ingelogd(user)

    def nieuw_wachtwoord() -> None:
        medewerker = Medewerker.objects.get(pk=user.pk)
        medewerker.set_password("een-heel-nieuw-wachtwoord-2026")
        medewerker.save()

    _in_another_connection(nieuw_wachtwoord)
    assert client.get(reverse("werkplek")).status_code == 302


@pytest.mark.django_db
def test_no_session_reaches_another_user(regio_a, regio_b):
    anna = MedewerkerFactory(regio=regio_a, rollen=["gids"], first_name="Anna", last_name="Aa")
    bram = MedewerkerFactory(regio=regio_b, rollen=["gids"], first_name="Bram", last_name="Bb")
    client_anna, client_bram = _ingelogd(anna), _ingelogd(bram)
    for _ronde in range(2):
        html_anna = client_anna.get(reverse("werkplek")).content.decode()
        html_bram = client_bram.get(reverse("werkplek")).content.decode()
        assert "Anna" in html_anna and "Bram" not in html_anna
        assert "Bram" in html_bram and "Anna" not in html_bram
        assert regio_a.naam in html_anna and regio_b.naam in html_bram
