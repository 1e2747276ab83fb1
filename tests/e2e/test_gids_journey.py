"""A gids logs in with a password and TOTP on a tablet-sized screen and reaches their werkplek;
login page and werkplek pass axe-core without serious violations."""

import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.utils import timezone

from tests.e2e.conftest import ernstige_schendingen
from tests.factories import WACHTWOORD, MedewerkerFactory


def code_voor(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(timezone.now().timestamp()) // 30))


@pytest.fixture
def gids(browser, transactional_db, regio_a):
    user = MedewerkerFactory(regio=regio_a, rollen=["gids"], first_name="Sanne", last_name="Visser")
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return user, secret


def test_gids_logs_in_with_totp_and_sees_the_gids_werkplek(page, live_server, gids):
    user, secret = gids
    page.goto(f"{live_server.url}/accounts/login/")
    assert ernstige_schendingen(page) == []

    page.get_by_label(re.compile("e-mail", re.I)).fill(user.email)
    page.get_by_label(re.compile("wachtwoord", re.I)).first.fill(WACHTWOORD)
    page.get_by_role("button", name=re.compile("inloggen|aanmelden", re.I)).click()

    page.wait_for_url(re.compile(r"/accounts/2fa/authenticate/"))
    page.get_by_label(re.compile("code", re.I)).fill(code_voor(secret))
    page.get_by_role("button", name=re.compile("inloggen|aanmelden|bevestig|verifi", re.I)).click()

    page.wait_for_url(re.compile(r"/werkplek/$"))
    assert page.get_by_role("heading", level=1, name="Mijn werkplek").is_visible()
    assert page.get_by_role("heading", level=2, name="Gids").is_visible()
    assert page.get_by_role("link", name="Spreekuurlocaties").is_visible()
    assert ernstige_schendingen(page) == []

    # Keyboard users reach the content first through the skip link.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#inhoud"


def test_new_gids_must_set_up_totp_before_the_werkplek(
    browser, page, live_server, transactional_db, regio_a
):
    user = MedewerkerFactory(regio=regio_a, rollen=["gids"])
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label(re.compile("e-mail", re.I)).fill(user.email)
    page.get_by_label(re.compile("wachtwoord", re.I)).first.fill(WACHTWOORD)
    page.get_by_role("button", name=re.compile("inloggen|aanmelden", re.I)).click()

    page.wait_for_url(re.compile(r"/accounts/2fa/totp/activate/"))
    page.goto(f"{live_server.url}/werkplek/")  # trying to skip the set-up does not work
    page.wait_for_url(re.compile(r"/accounts/2fa/totp/activate/"))
    assert ernstige_schendingen(page) == []
