from __future__ import annotations

from django.conf import settings
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


def heeft_totp(user) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


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
        try:
            naam = resolve(request.path_info).url_name or ""
        except Resolver404:
            return False
        if naam in VRIJE_URL_NAMEN or naam.startswith(VRIJE_VOORVOEGSELS):
            return False
        return not heeft_totp(request.user)


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
