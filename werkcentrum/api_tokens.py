"""API tokens for integrations (issue 20, point 9).

A token belongs to a service account (a Medewerker flagged `serviceaccount`, which never logs
in with a password), is issued by a beheerder of its regio with a scope (read-only or not,
and optionally only some parts of the API) and an expiry, and is stored only as a hash
(django-rest-knox). The plaintext is shown once, at issue. Staff in the browser use the
session with its second factor; a token of anyone else is refused. A service account's
password login is refused in werkcentrum.adapters.AccountAdapter.authenticate.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.plumbing import build_bearer_security_scheme_object
from knox.auth import TokenAuthentication
from knox.models import AuthToken
from rest_framework import exceptions
from rest_framework.permissions import SAFE_METHODS

from .models import ApiToken, Medewerker
from .tenancy import ziet_alle_regios


def mag_tokens_uitgeven(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.heeft_rol("beheerder"))


@transaction.atomic
def api_token_uitgeven(
    *,
    serviceaccount: Medewerker,
    naam: str,
    alleen_lezen: bool,
    apps: list[str],
    geldig_dagen: int,
    door: Medewerker,
) -> tuple[ApiToken, str]:
    """Issue a token; returns the record and the plaintext, which is not stored anywhere."""
    if not mag_tokens_uitgeven(door):
        raise PermissionDenied(_("Alleen de beheerder geeft API-tokens uit."))
    if not serviceaccount.serviceaccount or not serviceaccount.is_active:
        raise ValidationError(
            {"serviceaccount": _("Een API-token is alleen voor een actief serviceaccount.")}
        )
    if not ziet_alle_regios(door) and serviceaccount.regio_id != door.regio_id:
        raise ValidationError({"serviceaccount": _("Dit serviceaccount hoort niet bij uw regio.")})
    maximum = settings.WERKCENTRUM_API_TOKEN_MAX_DAGEN
    if not 1 <= geldig_dagen <= maximum:
        raise ValidationError(
            {"geldig_dagen": _("Kies 1 tot en met %(max)s dagen.") % {"max": maximum}}
        )
    onbekend = set(apps) - set(ApiToken.Apps.values)
    if onbekend:
        raise ValidationError({"apps": _("Onbekend onderdeel: %(a)s.") % {"a": sorted(onbekend)}})
    looptijd = timedelta(days=geldig_dagen)
    knox_token, tekst = AuthToken.objects.create(serviceaccount, expiry=looptijd)
    record = ApiToken(
        regio=serviceaccount.regio,
        serviceaccount=serviceaccount,
        token=knox_token,
        naam=naam,
        alleen_lezen=alleen_lezen,
        apps=sorted(apps),
        geldig_tot=knox_token.expiry,
        aangemaakt_door=door,
    )
    record.full_clean()
    record.save()
    return record, tekst


@transaction.atomic
def api_token_intrekken(*, api_token: ApiToken, door: Medewerker) -> None:
    """Revoke at once: the hash is deleted, the record stays. Idempotent."""
    if not mag_tokens_uitgeven(door):
        raise PermissionDenied(_("Alleen de beheerder trekt API-tokens in."))
    if api_token.token_id is not None:
        AuthToken.objects.filter(pk=api_token.token_id).delete()
    ApiToken.objects.filter(pk=api_token.pk, ingetrokken_op=None).update(
        ingetrokken_op=timezone.now(), token=None
    )


def _onderdeel(request) -> str | None:
    """The app (top-level package) of the view a request goes to."""
    match = getattr(request._request, "resolver_match", None)
    view = getattr(match.func, "cls", None) if match else None
    return view.__module__.split(".")[0] if view else None


class ServiceTokenAuthentication(TokenAuthentication):
    """knox's hashed, expiring tokens, for service accounts only, within their scope."""

    def authenticate(self, request):
        resultaat = super().authenticate(request)
        if resultaat is None:
            return None
        _user, knox_token = resultaat
        scope = ApiToken.objects.filter(token=knox_token, ingetrokken_op=None).first()
        if scope is None:
            raise exceptions.AuthenticationFailed(_("Ongeldig token."))
        if scope.alleen_lezen and request.method not in SAFE_METHODS:
            raise exceptions.PermissionDenied(_("Dit token mag alleen lezen."))
        if scope.apps and _onderdeel(request) not in scope.apps:
            raise exceptions.PermissionDenied(_("Dit token geeft geen toegang tot dit onderdeel."))
        return resultaat

    def validate_user(self, auth_token):
        user = auth_token.user
        # A staff member's token would skip the second factor: only service accounts.
        if not user.is_active or not user.serviceaccount:
            raise exceptions.AuthenticationFailed(_("Ongeldig token."))
        return user, auth_token


class ServiceTokenScheme(OpenApiAuthenticationExtension):
    """The token in the OpenAPI schema: `Authorization: Token <token>`."""

    target_class = "werkcentrum.api_tokens.ServiceTokenAuthentication"
    name = "serviceToken"

    def get_security_definition(self, auto_schema):
        return build_bearer_security_scheme_object(
            header_name="Authorization",
            token_prefix="Token",  # noqa: S106 (the scheme's name, not a secret)
        )
