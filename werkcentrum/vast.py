"""Rendered HTML kept per worker process under keys that determine it: the layout's fixed parts
(`{% vast %}`) and whole list pages (werkcentrum.rijen.lijstpagina).

Why in the process and not in Redis: what is kept is rendered from values the request already
has, so keeping it saves template work only, and a dictionary lookup costs nothing next to a
cache round trip. A CSRF token is never kept: the fragment is rendered with PLEK in its place
and the request's own token is put in each time. With WERKCENTRUM_LIJSTEN_CONTROLEREN (the
tests) everything is rendered again and compared, so HTML that depends on more than its key
fails loudly."""

from __future__ import annotations

import contextlib
from collections import OrderedDict
from collections.abc import Callable, Hashable

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

PLEK = "wc-csrf-token-plek"


class Bewaard:
    """At most `maximum` rendered fragments, the least recently used dropped first."""

    def __init__(self, maximum: int) -> None:
        self.maximum = maximum
        self.html: OrderedDict[Hashable, str] = OrderedDict()

    def geef(self, sleutel: Hashable, renderen: Callable[[], str], waar: str) -> str:
        """The HTML kept under `sleutel`, else `renderen()` (with PLEK for the CSRF token),
        kept. `waar` names the template for the error when the key is not enough."""
        html = self.html.get(sleutel)
        if html is not None and not getattr(settings, "WERKCENTRUM_LIJSTEN_CONTROLEREN", False):
            # A threaded server may have dropped it in between: then it is simply not moved.
            with contextlib.suppress(KeyError):
                self.html.move_to_end(sleutel)
            return html
        nieuw = renderen()
        if html is not None and html != nieuw:
            raise ImproperlyConfigured(
                f"{waar} hangt af van meer dan zijn sleutels: dezelfde sleutels gaven andere HTML."
            )
        self.html[sleutel] = nieuw
        while len(self.html) > self.maximum:
            with contextlib.suppress(KeyError):
                self.html.popitem(last=False)
        return nieuw


def invullen(html: str, token: Callable[[], object]) -> str:
    """`html` with the request's CSRF token (asked only when a form in it needs one)."""
    return html.replace(PLEK, str(token())) if PLEK in html else html
