"""Requesting a URL as someone and naming the outcome in the matrix's words."""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import resolve_url
from django.test import Client


def client_voor(wie: str, wereld) -> Client:
    """The person's logged-in client of the world (built once per package)."""
    return wereld.clients[wie]


def uitkomst(response, *, api: bool) -> str:
    """ok / login / verboden / niet_gevonden / methode / ongeldig / fout-<code>."""
    code = response.status_code
    if code >= 500:
        return f"fout-{code}"
    if code in (301, 302, 303, 307, 308):
        doel = response.headers.get("Location", "")
        pad = doel.split("?", 1)[0]
        if pad.endswith(resolve_url(settings.LOGIN_URL)):
            return "login"
        return "ok"
    if 200 <= code < 300:
        return "ok"
    if code == 401:
        return "login"
    if code == 403:
        return "login" if api and not response.wsgi_request.user.is_authenticated else "verboden"
    if code == 404:
        return "niet_gevonden"
    if code == 405:
        return "methode"
    if code == 400:
        return "ongeldig"
    return f"status-{code}"
