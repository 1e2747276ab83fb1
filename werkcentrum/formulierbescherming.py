"""Protection of public forms against bots, shared by the loket's "Stel je vraag" and the
WSP's "Ik ben werkgever": a honeypot field and a rate limit per client address."""

from __future__ import annotations

from django import forms
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

VENSTER_SECONDEN = 60 * 60


class HoneypotWidget(forms.TextInput):
    """Hidden from people by a CSS class (CSP forbids style=""), skipped by keyboard and
    screen readers; bots fill it in. components/formulierveld.html renders it (widget_type
    "honeypot") inside a hidden wrapper together with its label."""

    def __init__(self):
        super().__init__(
            attrs={
                "class": "wc-honeypot",
                "tabindex": "-1",
                "autocomplete": "off",
                "aria-hidden": "true",
            }
        )


class HoneypotField(forms.CharField):
    """Empty for people. What a filled one means is the view's choice: refuse visibly
    (loket) or pretend success and save nothing (WSP), see `honeypot_gevuld`."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Laat dit veld leeg"))
        super().__init__(required=False, widget=HoneypotWidget(), **kwargs)


def honeypot_gevuld(request: HttpRequest, veld: str = "website") -> bool:
    return bool(request.POST.get(veld, "").strip())


def te_vaak(
    request: HttpRequest, *, soort: str, limiet: int, venster: int = VENSTER_SECONDEN
) -> bool:
    """Count this POST against the client's address for `soort` (e.g. "loket:vraag");
    True once over `limiet` within the window. The counter lives in the configured cache
    (CACHE_URL: a shared one such as Redis lets every web worker see the same count)."""
    sleutel = f"formulier:{soort}:{request.META.get('REMOTE_ADDR', 'onbekend')}"
    cache.add(sleutel, 0, venster)
    try:
        aantal = cache.incr(sleutel)
    except ValueError:  # expired between add and incr
        cache.set(sleutel, 1, venster)
        aantal = 1
    return aantal > limiet
