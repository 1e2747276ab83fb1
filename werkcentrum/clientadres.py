"""The client's address: the one definition used by every per-address limit (allauth's login
limits through the account adapter, the DRF throttles, the public form limiter).

Behind TRUSTED_PROXY_COUNT reverse proxies that each append the address they saw to
X-Forwarded-For, the client is the entry the outermost trusted proxy appended: the
TRUSTED_PROXY_COUNT-th from the right. Everything left of it came from the client and can be
forged. With 0 (clients reach gunicorn directly) the header is ignored and REMOTE_ADDR counts.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

ONBEKEND = "onbekend"


def _geldig(adres: str) -> str | None:
    adres = adres.strip()
    if adres.startswith("[") and "]" in adres:  # "[::1]:443"
        adres = adres[1 : adres.index("]")]
    elif adres.count(":") == 1:  # "192.0.2.1:443"
        adres = adres.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(adres))
    except ValueError:
        return None


def client_adres(request: HttpRequest) -> str:
    """The client's IP address as a normalised string, or "onbekend"."""
    direct = _geldig(request.META.get("REMOTE_ADDR", "")) or ONBEKEND
    aantal = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if aantal <= 0:
        return direct
    keten = [d for d in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if d.strip()]
    if len(keten) < aantal:
        # Not (or not entirely) through the trusted proxies: nothing in the header can be
        # vouched for, so the direct peer counts.
        return direct
    # A trusted proxy wrote this entry; if it is not an address, the set-up is wrong and the
    # direct peer is the only thing left to go by.
    return _geldig(keten[-aantal]) or direct


def limiet_sleutel(request: HttpRequest) -> str:
    """The address as a rate-limit key: an IPv6 client controls a whole /64, so it counts as
    one (as allauth does)."""
    adres = client_adres(request)
    try:
        ip = ipaddress.ip_address(adres)
    except ValueError:
        return adres
    if ip.version == 6:
        return str(ipaddress.IPv6Network(f"{ip}/64", strict=False).network_address)
    return adres


class AnoniemThrottle(AnonRateThrottle):
    """DRF's anonymous throttle keyed on `client_adres` (a forged header is no new identity)."""

    def get_ident(self, request) -> str:
        return limiet_sleutel(request)


class GebruikerThrottle(UserRateThrottle):
    """DRF's per-user throttle; anonymous requests fall back to `client_adres`."""

    def get_ident(self, request) -> str:
        return limiet_sleutel(request)
