"""Public pages belong to one regio: chosen by host name, else by the /<regio>/ path prefix."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.http import Http404, HttpRequest

from .models import Arbeidsmarktregio
from .selectors import publieke_regio_voor


def regio_van_request(request: HttpRequest, code: str | None = None) -> Arbeidsmarktregio:
    """The regio whose public page is asked for. On a regio's own host name only that
    regio's pages exist: /<other code>/ there is a 404, so one regio's site never shows
    another's vacatures or besluiten under its name. Elsewhere (the installation's own
    address) the /<code>/ path prefix chooses."""
    regio = publieke_regio_voor(host=request.get_host(), code=code)
    if regio is None:
        raise Http404("Onbekende regio")
    return regio


def publieke_regio(view: Callable) -> Callable:
    """Resolve the `regio` URL argument into `request.regio` (404 when unknown)."""

    @wraps(view)
    def wrapper(request: HttpRequest, regio: str, *args, **kwargs):
        request.regio = regio_van_request(request, regio)
        return view(request, *args, **kwargs)

    return wrapper


# The public pages are not cached. Every one shows data that staff change (vacatures,
# besluiten, informatiepagina's, spreekuren and sluitingen, the sociale kaart), some of it
# through QuerySet.update() (the nightly expiry of vacatures) or by the date moving on (a
# sluitingsdatum). cache_page would show such a change late; invalidating on commit would make
# every write path remember to bump a version, the hand-kept rule that issue 19 removed.
# Without a cache a published vacature or besluit shows on the very next request, and each
# page costs a few indexed queries.
