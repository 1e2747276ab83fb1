"""Roles and permissions are read once and kept in the cache; any change counts at once."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import MedewerkerFactory
from werkcentrum.models import Medewerker

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_van(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False

    def maak(user):
        client = Client()
        client.force_login(user)
        return client

    return maak


def _rechten_queries(client, url) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return [
        q["sql"]
        for q in queries.captured_queries
        if "auth_group" in q["sql"] or "auth_permission" in q["sql"]
    ]


def test_roles_and_permissions_are_read_once(client_van, regio_a):
    client = client_van(MedewerkerFactory(regio=regio_a, rollen=["rba_secretariaat"]))
    url = reverse("rba:vergaderingen")  # checks a role and a permission
    assert _rechten_queries(client, url)
    assert _rechten_queries(client, url) == []


def test_a_withdrawn_role_counts_from_the_next_request(client_van, regio_a):
    user = MedewerkerFactory(regio=regio_a, rollen=["gids"])
    client = client_van(user)
    url = reverse("loket:gesprekken")  # gidsen only
    assert client.get(url).status_code == 200
    user.groups.set([])
    assert client.get(url).status_code == 403
    user.groups.set(Group.objects.filter(name="gids"))
    assert client.get(url).status_code == 200


def test_a_changed_group_permission_counts_from_the_next_request(client_van, regio_a):
    user = MedewerkerFactory(regio=regio_a, rollen=["rba_secretariaat"])
    client = client_van(user)
    url = reverse("rba:vergaderingen")
    knop = reverse("rba:vergadering_nieuw")
    assert knop in client.get(url).content.decode()
    recht = Permission.objects.get(codename="add_vergadering")
    Group.objects.get(name="rba_secretariaat").permissions.remove(recht)
    assert knop not in client.get(url).content.decode()


def test_the_api_checks_permissions_from_the_cache_too(client_van, regio_a):
    user = MedewerkerFactory(regio=regio_a, rollen=["rba_secretariaat"])
    client = client_van(user)
    url = "/api/v1/rba/besluiten/"
    assert client.get(url).status_code == 200
    assert _rechten_queries(client, url) == []
    Group.objects.get(name="rba_secretariaat").permissions.remove(
        Permission.objects.get(codename="view_besluit")
    )
    assert client.get(url).status_code == 403


def test_the_user_is_read_with_the_regio_and_an_inactive_user_is_logged_out(client_van, regio_a):
    user = MedewerkerFactory(regio=regio_a, rollen=["gids"])
    client = client_van(user)
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("werkplek"))
    regio_queries = [
        q for q in queries.captured_queries if "werkcentrum_arbeidsmarktregio" in q["sql"]
    ]
    assert len(regio_queries) == 1 and "werkcentrum_medewerker" in regio_queries[0]["sql"]
    # Then kept: the next request reads neither.
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("werkplek"))
    assert regio_a.naam in response.content.decode()
    assert not [q for q in queries.captured_queries if "werkcentrum_medewerker" in q["sql"]]
    # A change of the regio or the user counts from the very next request.
    regio_a.naam = "Nieuwe naam van de regio"
    regio_a.save()
    assert "Nieuwe naam van de regio" in client.get(reverse("werkplek")).content.decode()
    user.is_active = False
    user.save()
    assert client.get(reverse("werkplek")).status_code == 302  # to the login page


def test_roles_and_permissions_of_a_user_come_from_one_cache_read(regio_a, monkeypatch):
    user = MedewerkerFactory(regio=regio_a, rollen=["rba_secretariaat"])
    assert Medewerker.objects.get(pk=user.pk).rollen == {"rba_secretariaat"}  # now kept
    gelezen = []
    cache = caches["default"]
    origineel = cache.get_many
    monkeypatch.setattr(cache, "get_many", lambda keys: gelezen.append(keys) or origineel(keys))
    verzoek_user = Medewerker.objects.get(pk=user.pk)
    with CaptureQueriesContext(connection) as queries:
        assert verzoek_user.heeft_rol("rba_secretariaat")
        assert verzoek_user.has_perm("rba.add_vergadering")
        assert not verzoek_user.has_perm("wsp.add_werkgever")
    assert len(gelezen) == 1
    assert len(queries.captured_queries) == 0
