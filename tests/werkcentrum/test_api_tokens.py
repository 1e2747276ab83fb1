"""API tokens: service accounts only, scoped, expiring, hashed, revocable (issue 20, point 9)."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from knox.models import AuthToken

from tests.factories import LocatieFactory
from werkcentrum.api_tokens import api_token_intrekken, api_token_uitgeven
from werkcentrum.models import ApiToken

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _geen_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


@pytest.fixture
def beheerder(maak_gebruiker):
    return maak_gebruiker("beheerder")


@pytest.fixture
def koppeling(maak_gebruiker):
    """A service account with the rights of a gids and a wsp adviseur."""
    return maak_gebruiker("gids", "wsp_adviseur", serviceaccount=True)


def _uitgeven(serviceaccount, door, **scope):
    kwargs = {"naam": "Koppeling", "alleen_lezen": True, "apps": [], "geldig_dagen": 30}
    return api_token_uitgeven(serviceaccount=serviceaccount, door=door, **{**kwargs, **scope})


def _get(client, token, url="/api/v1/locaties/"):
    return client.get(url, HTTP_AUTHORIZATION=f"Token {token}")


def _geweigerd(response) -> bool:
    # DRF answers 403, not 401, when the first authentication class (the session) sends no
    # WWW-Authenticate header; the detail says the token itself was refused, not a right.
    return response.status_code == 403 and response.json()["detail"] in (
        "Ongeldige sleutel.",  # knox: unknown or expired (and then deleted)
        "Ongeldig token.",  # ours: revoked, or not a service account's
    )


def test_a_valid_token_reads_its_regio_only(client, koppeling, beheerder, regio_a, regio_b):
    eigen = LocatieFactory(regio=regio_a)
    LocatieFactory(regio=regio_b)
    _record, token = _uitgeven(koppeling, beheerder)
    response = _get(client, token)
    assert response.status_code == 200
    assert [loc["id"] for loc in response.json()["results"]] == [eigen.pk]


def test_an_expired_token_is_refused(client, koppeling, beheerder):
    record, token = _uitgeven(koppeling, beheerder)
    AuthToken.objects.filter(pk=record.token_id).update(
        expiry=timezone.now() - timedelta(seconds=1)
    )
    assert _geweigerd(_get(client, token))


def test_a_revoked_token_is_refused_and_its_record_stays(client, koppeling, beheerder):
    record, token = _uitgeven(koppeling, beheerder)
    assert _get(client, token).status_code == 200
    api_token_intrekken(api_token=record, door=beheerder)
    assert _geweigerd(_get(client, token))
    record.refresh_from_db()
    assert record.ingetrokken_op is not None and record.token is None


def test_a_read_only_token_cannot_write(client, koppeling, beheerder):
    _record, token = _uitgeven(koppeling, beheerder, alleen_lezen=True)
    response = client.post(
        "/api/v1/wsp/werkgevers/",
        {"naam": "Nieuw BV", "kvk_nummer": "12345678"},
        HTTP_AUTHORIZATION=f"Token {token}",
    )
    assert response.status_code == 403
    assert "alleen lezen" in response.json()["detail"]


def test_a_token_for_some_parts_cannot_reach_the_others(client, koppeling, beheerder):
    _record, token = _uitgeven(koppeling, beheerder, apps=["werkcentrum"])
    assert _get(client, token, "/api/v1/locaties/").status_code == 200
    response = _get(client, token, "/api/v1/wsp/werkgevers/")
    assert response.status_code == 403
    _record, alle = _uitgeven(koppeling, beheerder, apps=[])
    assert _get(client, alle, "/api/v1/wsp/werkgevers/").status_code == 200


def test_a_token_never_gives_more_than_the_accounts_own_rights(client, maak_gebruiker, beheerder):
    # A read-write token of a gids does not make the gids a wsp adviseur.
    gids = maak_gebruiker("gids", serviceaccount=True)
    _record, token = _uitgeven(gids, beheerder, alleen_lezen=False)
    assert _get(client, token, "/api/v1/wsp/werkgevers/").status_code == 403


def test_the_token_is_not_stored_in_plain_text(koppeling, beheerder):
    record, token = _uitgeven(koppeling, beheerder)
    knox_token = AuthToken.objects.get(pk=record.token_id)
    assert knox_token.digest != token and token not in knox_token.digest
    # Not in any column of either table.
    with connection.cursor() as cursor:
        for tabel in (AuthToken._meta.db_table, ApiToken._meta.db_table):
            cursor.execute(f"SELECT * FROM {tabel}")
            assert not any(token in str(waarde) for rij in cursor.fetchall() for waarde in rij)


def test_a_staff_members_token_is_refused(client, maak_gebruiker):
    # A token of a person would skip their second factor.
    gids = maak_gebruiker("gids")
    _knox, token = AuthToken.objects.create(gids, expiry=timedelta(days=1))
    assert _geweigerd(_get(client, token))


def test_only_a_beheerder_issues_tokens_and_only_to_a_service_account(
    maak_gebruiker, koppeling, beheerder
):
    for rol in ("wsp_manager", "gids", "privacy_officer"):
        with pytest.raises(PermissionDenied):
            _uitgeven(koppeling, maak_gebruiker(rol))
    with pytest.raises(ValidationError) as fout:
        _uitgeven(maak_gebruiker("gids"), beheerder)
    assert "serviceaccount" in fout.value.message_dict
    with pytest.raises(ValidationError):
        _uitgeven(koppeling, beheerder, geldig_dagen=10_000)  # an expiry is required, bounded
    assert not ApiToken.objects.exists() and not AuthToken.objects.exists()


def test_a_beheerder_cannot_issue_a_token_to_another_regios_account(
    maak_gebruiker, koppeling, regio_b
):
    ander = maak_gebruiker("beheerder", regio=regio_b)
    with pytest.raises(ValidationError):
        _uitgeven(koppeling, ander)


def test_a_service_account_cannot_log_in_with_a_password(client, koppeling):
    koppeling.set_password("Een-lang-wachtwoord-2026")
    koppeling.save()
    client.post(
        reverse("account_login"),
        {"login": koppeling.email, "password": "Een-lang-wachtwoord-2026"},
    )
    assert "_auth_user_id" not in client.session


def test_the_beheer_ui_shows_the_token_once_lists_and_revokes(client, beheerder, koppeling):
    beheerder.is_staff = True
    beheerder.save()
    client.force_login(beheerder)
    response = client.post(
        reverse("admin:werkcentrum_apitoken_add"),
        {"serviceaccount": koppeling.pk, "naam": "Sonar", "alleen_lezen": "on", "geldig_dagen": 7},
    )
    assert response.status_code == 200
    token = response.context["tekst"]
    assert token in response.content.decode()
    record = ApiToken.objects.get()
    assert (record.regio, record.aangemaakt_door, record.alleen_lezen) == (
        koppeling.regio,
        beheerder,
        True,
    )
    lijst = client.get(reverse("admin:werkcentrum_apitoken_changelist"))
    assert "Sonar" in lijst.content.decode() and token not in lijst.content.decode()
    client.post(
        reverse("admin:werkcentrum_apitoken_changelist"),
        {"action": "intrekken", "_selected_action": [record.pk]},
    )
    assert _geweigerd(_get(client.__class__(), token))


def test_the_beheer_ui_refuses_a_normal_staff_member(client, maak_gebruiker, koppeling):
    manager = maak_gebruiker("wsp_manager", is_staff=True)
    client.force_login(manager)
    assert client.get(reverse("admin:werkcentrum_apitoken_add")).status_code == 403
    response = client.post(
        reverse("admin:werkcentrum_apitoken_add"),
        {"serviceaccount": koppeling.pk, "naam": "X", "geldig_dagen": 7},
    )
    assert response.status_code == 403 and not ApiToken.objects.exists()


def test_the_beheer_ui_offers_only_service_accounts_of_the_own_regio(
    client, beheerder, koppeling, maak_gebruiker, regio_b
):
    beheerder.is_staff = True
    beheerder.save()
    elders = maak_gebruiker("gids", regio=regio_b, serviceaccount=True)
    persoon = maak_gebruiker("gids")
    client.force_login(beheerder)
    keuzes = client.get(reverse("admin:werkcentrum_apitoken_add")).context["form"]
    aangeboden = set(keuzes.fields["serviceaccount"].queryset)
    assert koppeling in aangeboden and elders not in aangeboden and persoon not in aangeboden
