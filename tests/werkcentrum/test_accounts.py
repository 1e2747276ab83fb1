"""Login by e-mail, forced two-factor, throttling, logout, password reset, no sign-up."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from tests.factories import WACHTWOORD


def totp_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(timezone.now().timestamp()) // 30))


def login(client, email, password=WACHTWOORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_login_by_email_lands_on_werkplek(client, maak_gebruiker, settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    user = maak_gebruiker("gids")
    response = login(client, user.email.upper())
    assert response.status_code == 302
    assert response["Location"] == reverse("werkplek")


def test_wrong_password_keeps_the_email_and_says_why_in_dutch(client, maak_gebruiker):
    user = maak_gebruiker("gids")
    response = login(client, user.email, "fout")
    assert response.status_code == 200
    assert user.email in response.text
    assert "niet correct" in response.text


def test_staff_without_totp_is_sent_to_set_it_up_before_anything_else(client, maak_gebruiker):
    user = maak_gebruiker("gids")
    login(client, user.email)
    for pad in [reverse("werkplek"), reverse("locaties"), "/api/v1/locaties/", "/beheer/"]:
        response = client.get(pad)
        assert response.status_code in (302, 403), pad
        if response.status_code == 302:
            assert response["Location"] == reverse("mfa_activate_totp"), pad
    assert client.get(reverse("mfa_activate_totp")).status_code == 200


def test_setting_up_totp_opens_the_werkplek(client, maak_gebruiker):
    user = maak_gebruiker("gids")
    login(client, user.email)
    client.get(reverse("mfa_activate_totp"))
    secret = client.session["mfa.totp.secret"]
    response = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    assert client.get(reverse("werkplek")).status_code == 200


def test_login_with_totp_asks_for_the_code(client, maak_gebruiker):
    user = maak_gebruiker("gids")
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    response = login(client, user.email)
    assert response["Location"] == reverse("mfa_authenticate")
    assert client.get(reverse("werkplek")).status_code == 302  # not logged in yet
    fout = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert fout.status_code == 200
    goed = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    assert goed.status_code == 302
    assert client.get(reverse("werkplek")).status_code == 200


def _login_met_totp(client, user) -> None:
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    login(client, user.email)
    assert client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)}).status_code == 302


def test_a_seen_totp_is_remembered_in_the_session(client, maak_gebruiker):
    """The two-factor check asks the database once, not on every page."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _login_met_totp(client, maak_gebruiker("gids"))
    assert client.get(reverse("werkplek")).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("werkplek")).status_code == 200
    assert not [q for q in queries.captured_queries if "mfa_authenticator" in q["sql"]]


def test_a_real_login_goes_through_allauths_backend_and_reads_the_user_each_request(
    client, maak_gebruiker
):
    """No session user kept between requests: a deactivated account is logged out on the next
    request."""
    from django.contrib.auth import BACKEND_SESSION_KEY

    gebruiker = maak_gebruiker("gids")
    _login_met_totp(client, gebruiker)
    assert client.session[BACKEND_SESSION_KEY] == "werkcentrum.adapters.AuthenticationBackend"
    assert client.get(reverse("werkplek")).status_code == 200
    type(gebruiker).objects.filter(pk=gebruiker.pk).update(is_active=False)
    assert client.get(reverse("werkplek")).status_code == 302


def test_removing_totp_asks_to_set_it_up_again_at_once(client, maak_gebruiker):
    user = maak_gebruiker("gids")
    _login_met_totp(client, user)
    assert client.get(reverse("werkplek")).status_code == 200
    # Removing a second factor asks for the password again first (allauth).
    client.post(reverse("account_reauthenticate"), {"password": WACHTWOORD})
    response = client.post(reverse("mfa_deactivate_totp"))
    assert response.status_code == 302
    assert not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    response = client.get(reverse("werkplek"))
    assert response["Location"] == reverse("mfa_activate_totp")


def test_totp_removed_elsewhere_is_noticed_within_minutes(client, maak_gebruiker):
    """Removed by a beheerder in the admin: this session notices within
    TOTP_ONTHOUDEN_SECONDEN, without any signal reaching it."""
    import time_machine

    from werkcentrum.middleware import TOTP_ONTHOUDEN_SECONDEN

    user = maak_gebruiker("gids")
    with time_machine.travel(timezone.now(), tick=False) as reis:
        _login_met_totp(client, user)
        assert client.get(reverse("werkplek")).status_code == 200
        Authenticator.objects.filter(user=user).delete()
        reis.shift(TOTP_ONTHOUDEN_SECONDEN + 1)
        response = client.get(reverse("werkplek"))
    assert response["Location"] == reverse("mfa_activate_totp")


def test_mfa_can_be_switched_off_for_the_embedded_demo(client, maak_gebruiker, settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    user = maak_gebruiker("gids")
    login(client, user.email)
    assert client.get(reverse("werkplek")).status_code == 200


def test_failed_logins_are_throttled(client, maak_gebruiker):
    user = maak_gebruiker("gids")
    for _ in range(5):
        assert login(client, user.email, "fout").status_code == 200
    geblokkeerd = login(client, user.email)  # even the right password is refused now
    assert geblokkeerd.status_code in (200, 429)
    assert "_auth_user_id" not in client.session


def test_logout(client, maak_gebruiker, settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    user = maak_gebruiker("gids")
    client.force_login(user)
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_password_reset_sends_an_email(client, maak_gebruiker):
    user = maak_gebruiker("gids")
    response = client.post(reverse("account_reset_password"), {"email": user.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [user.email]


def test_there_is_no_public_signup(client, db):
    response = client.get("/accounts/signup/", follow=True)
    assert response.redirect_chain[-1][0] == reverse("account_login")
    assert (
        client.post(
            "/accounts/signup/",
            {"email": "x@y.nl", "password1": "Abcdef-123456", "password2": "Abcdef-123456"},
        ).status_code
        == 302
    )
    from werkcentrum.models import Medewerker

    assert not Medewerker.objects.filter(email="x@y.nl").exists()


def test_admin_login_goes_through_allauth(client, db):
    response = client.get("/beheer/login/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("pad", ["/accounts/login/", "/accounts/password/reset/"])
def test_account_pages_are_dutch(client, db, pad):
    response = client.get(pad)
    assert response.status_code == 200
    assert 'lang="nl"' in response.text


def test_demo_logins_are_shown_only_in_the_embedded_demo(client, db, settings):
    settings.EMBEDDED = False
    assert "Werkcentrum-demo-2026" not in client.get(reverse("account_login")).text
    settings.EMBEDDED = True
    assert "Werkcentrum-demo-2026" in client.get(reverse("account_login")).text
