"""`{% vast %}`: a fixed fragment rendered once per process, language and key values, with the
CSRF token of its forms put in per request; the layout's navigation and the werkplek tiles."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.template import Context, Template
from django.test import Client
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def _sjabloon(tekst: str) -> Template:
    return Template(tekst)


def test_a_fragment_is_kept_per_key_and_language(settings):
    settings.WERKCENTRUM_LIJSTEN_CONTROLEREN = False
    t = _sjabloon("{% vast sleutel %}{{ sleutel }}-{{ anders }}{% endvast %}")
    assert t.render(Context({"sleutel": "a", "anders": 1})) == "a-1"
    # Kept: a value outside the key does not show (which is why the check below exists).
    assert t.render(Context({"sleutel": "a", "anders": 2})) == "a-1"
    assert t.render(Context({"sleutel": "b", "anders": 2})) == "b-2"
    with translation.override("en"):
        assert t.render(Context({"sleutel": "a", "anders": 3})) == "a-3"


def test_the_tests_fail_a_fragment_that_depends_on_more_than_its_keys(settings):
    settings.WERKCENTRUM_LIJSTEN_CONTROLEREN = True
    t = _sjabloon("{% vast sleutel %}{{ anders }}{% endvast %}")
    t.render(Context({"sleutel": "a", "anders": 1}))
    with pytest.raises(ImproperlyConfigured, match="meer dan zijn sleutels"):
        t.render(Context({"sleutel": "a", "anders": 2}))


def test_the_csrf_token_in_a_kept_fragment_is_each_request_s_own(settings):
    settings.WERKCENTRUM_LIJSTEN_CONTROLEREN = False
    t = _sjabloon("{% vast 1 %}<form>{% csrf_token %}</form>{% endvast %}")
    eerste = t.render(Context({"csrf_token": "token-een"}))
    tweede = t.render(Context({"csrf_token": "token-twee"}))
    assert 'value="token-een"' in eerste
    assert 'value="token-twee"' in tweede and "token-een" not in tweede


def _huidig(html: str) -> list[str]:
    return re.findall(r'href="([^"]+)"[^>]*aria-current="page"', html)


def test_the_navigation_marks_the_page_and_logs_out_with_the_session_s_token(
    maak_gebruiker, settings
):
    settings.WERKCENTRUM_LIJSTEN_CONTROLEREN = False
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    client = Client(enforce_csrf_checks=True)
    client.force_login(maak_gebruiker("gids"))
    for _ in range(2):  # the second time from the kept fragment
        werkplek = client.get(reverse("werkplek")).content.decode()
        assert _huidig(werkplek) == [reverse("werkplek")]
    assert _huidig(client.get(reverse("mfa_index")).content.decode()) == [reverse("mfa_index")]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', werkplek).group(1)
    assert client.post(reverse("account_logout"), {"csrfmiddlewaretoken": token}).status_code == 302
    assert client.get(reverse("werkplek")).status_code == 302  # logged out


def test_werkplek_tiles_follow_the_roles(maak_gebruiker, settings):
    settings.WERKCENTRUM_LIJSTEN_CONTROLEREN = False
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    gids, coordinator = Client(), Client()
    gids.force_login(maak_gebruiker("gids"))
    coordinator.force_login(maak_gebruiker("coordinator"))
    for _ in range(2):
        assert reverse("loket:dashboard") not in gids.get(reverse("werkplek")).content.decode()
        assert reverse("loket:dashboard") in coordinator.get(reverse("werkplek")).content.decode()
