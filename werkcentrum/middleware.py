from __future__ import annotations

import time
from functools import lru_cache

from csp.constants import HEADER
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.contrib.sessions.middleware import SessionMiddleware
from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve

# Pages a user without two-factor may still open: setting it up, logging out, the basics.
VRIJE_URL_NAMEN = {
    "account_logout",
    "account_reauthenticate",
    "account_login",
    "health",
    "set_language",
}
VRIJE_VOORVOEGSELS = ("mfa_",)


# Session keys: when the session was last written, and when (and for whom) TOTP was last seen.
SESSIE_VERNIEUWD = "_wc_vernieuwd"
SESSIE_TOTP = "_wc_totp"
# How long a seen TOTP authenticator is believed without asking the database again: removing
# it in this session forgets at once (forget_totp); elsewhere (the admin) within this time.
TOTP_ONTHOUDEN_SECONDEN = 300


def heeft_totp(user) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def forget_totp(request: HttpRequest | None) -> None:
    """Called when an authenticator is removed, so the next request checks again."""
    if request is not None and hasattr(request, "session"):
        request.session.pop(SESSIE_TOTP, None)


def sessie_bij_inloggen(request: HttpRequest | None, user) -> None:
    """At login the session is written anyway: note the renewal and whether TOTP is set up,
    so the first pages after it need neither a session write nor the TOTP query."""
    if request is None or not hasattr(request, "session"):
        return
    nu = int(time.time())
    request.session[SESSIE_VERNIEUWD] = nu
    if settings.WERKCENTRUM_MFA_VERPLICHT and heeft_totp(user):
        request.session[SESSIE_TOTP] = [user.pk, nu]


class SessieMiddleware(SessionMiddleware):
    """Django's session middleware that renews the session's expiry at most once per
    SESSIE_VERNIEUWEN_SECONDEN: SESSION_SAVE_EVERY_REQUEST would write it on every page."""

    def process_response(self, request, response):
        sessie = getattr(request, "session", None)
        if sessie is not None and sessie.accessed and not sessie.is_empty():
            nu = int(time.time())
            if sessie.modified or (
                nu - sessie.get(SESSIE_VERNIEUWD, 0) >= settings.SESSIE_VERNIEUWEN_SECONDEN
            ):
                sessie[SESSIE_VERNIEUWD] = nu
        return super().process_response(request, response)


class MfaVerplichtMiddleware:
    """Sends a logged-in staff user without TOTP to set it up before anything else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self._moet_instellen(request):
            if request.path.startswith("/api/"):
                return JsonResponse(
                    {"detail": "Stel eerst tweestapsverificatie in via het portaal."}, status=403
                )
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    def _moet_instellen(self, request: HttpRequest) -> bool:
        if not settings.WERKCENTRUM_MFA_VERPLICHT or not request.user.is_authenticated:
            return False
        if request.path.startswith((settings.STATIC_URL, "/" + settings.STATIC_URL)):
            return False
        if self._totp_onthouden(request):
            return False
        try:
            naam = resolve(request.path_info).url_name or ""
        except Resolver404:
            return False
        if naam in VRIJE_URL_NAMEN or naam.startswith(VRIJE_VOORVOEGSELS):
            return False
        if not heeft_totp(request.user):
            return True
        request.session[SESSIE_TOTP] = [request.user.pk, int(time.time())]
        return False

    @staticmethod
    def _totp_onthouden(request: HttpRequest) -> bool:
        gezien = request.session.get(SESSIE_TOTP)
        return (
            bool(gezien)
            and gezien[0] == request.user.pk
            and time.time() - gezien[1] < TOTP_ONTHOUDEN_SECONDEN
        )


class PermissionsPolicyMiddleware:
    """Sets settings.PERMISSIONS_POLICY on every response (pages, API, static files, errors):
    the portal uses no camera, microphone, location, payment or USB, so no page, nor anything
    injected into one, may ask the browser for them. Placed before whitenoise, so static
    files get it too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class NulTekenMiddleware:
    """Refuses a query string with a NUL character (400). No parameter can mean one, and
    PostgreSQL refuses it in any text comparison: a view filtering on it would answer 500.
    Form fields already refuse NUL (Django's and DRF's own validators)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if any("\x00" in k or any("\x00" in v for v in vs) for k, vs in request.GET.lists()):
            raise BadRequest("NUL character in the query string")
        return self.get_response(request)


# Responses a view gave its own policy (csp.decorators) or a nonce: built as django-csp does.
_EIGEN_POLICY = tuple(
    f"_csp_{soort}{ro}" for soort in ("config", "update", "replace") for ro in ("", "_ro")
)


class CspMiddleware(CSPMiddleware):
    """django-csp's middleware, with the usual header built once per process: without a nonce,
    a view's own policy or a report-only policy it is the same text on every response, and
    building it cost a tenth of a millisecond per request."""

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if (
            getattr(request, "_csp_nonce", None) is not None
            or any(getattr(response, a, None) is not None for a in _EIGEN_POLICY)
            or getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)
            or (settings.CONTENT_SECURITY_POLICY or {}).get("EXCLUDE_URL_PREFIXES")
            or settings.DEBUG
        ):
            return super().process_response(request, response)
        if HEADER not in response and not getattr(response, "_csp_exempt", False):
            response[HEADER] = _standaard_policy(repr(settings.CONTENT_SECURITY_POLICY))
        # As django-csp: a nonce asked for after the header is written is an error.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response


@lru_cache(maxsize=4)
def _standaard_policy(_instellingen: str) -> str:
    # Keyed by the setting's text, so a changed policy (a test's override) gets its own.
    return build_policy()
