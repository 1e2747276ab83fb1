"""Roles and permissions are read per request (Django caches them on the request's user object
only): a withdrawn role, a changed permission or a deactivated account counts on the very next
request, whichever way the write reached the database."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.test import Client
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


def test_the_api_checks_a_withdrawn_permission_on_the_next_request(client_van, regio_a):
    user = MedewerkerFactory(regio=regio_a, rollen=["rba_secretariaat"])
    client = client_van(user)
    url = "/api/v1/rba/besluiten/"
    assert client.get(url).status_code == 200
    Group.objects.get(name="rba_secretariaat").permissions.remove(
        Permission.objects.get(codename="view_besluit")
    )
    assert client.get(url).status_code == 403


@pytest.mark.django_db(transaction=True)
def test_a_role_withdrawn_without_signals_counts_right_after_commit(client_van, regio_a):
    """A raw delete (no signal, as a script or another process would write) committed in a
    transaction: nothing kept between requests can hide it."""
    user = MedewerkerFactory(regio=regio_a, rollen=["gids"])
    client = client_van(user)
    url = reverse("loket:gesprekken")
    assert client.get(url).status_code == 200
    with transaction.atomic():
        lidmaatschappen = Medewerker.groups.through.objects.filter(medewerker=user)
        lidmaatschappen._raw_delete(lidmaatschappen.db)
    assert client.get(url).status_code == 403


@pytest.mark.django_db(transaction=True)
def test_a_deactivated_user_is_logged_out_on_the_next_request(client_van, regio_a):
    user = MedewerkerFactory(regio=regio_a, rollen=["gids"])
    client = client_van(user)
    assert client.get(reverse("werkplek")).status_code == 200
    with transaction.atomic():
        Medewerker.objects.filter(pk=user.pk).update(is_active=False)  # no signals
    response = client.get(reverse("werkplek"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_roles_never_cross_users_in_one_process(client_van, regio_a):
    gids = client_van(MedewerkerFactory(regio=regio_a, rollen=["gids"]))
    secretariaat = client_van(MedewerkerFactory(regio=regio_a, rollen=["rba_secretariaat"]))
    for _ronde in range(2):
        assert gids.get(reverse("loket:gesprekken")).status_code == 200
        assert secretariaat.get(reverse("loket:gesprekken")).status_code == 403
        assert secretariaat.get(reverse("rba:vergadering_nieuw")).status_code == 200
        assert gids.get(reverse("rba:vergadering_nieuw")).status_code == 403


def test_roles_are_read_once_per_user_object(regio_a, django_assert_num_queries):
    user = Medewerker.objects.get(pk=MedewerkerFactory(regio=regio_a, rollen=["gids"]).pk)
    with django_assert_num_queries(1):
        assert user.heeft_rol("gids")
        assert not user.heeft_rol("rba_secretariaat")
