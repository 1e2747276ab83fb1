"""Public pages belong to one regio: chosen by host name, else by the /<regio>/ path prefix."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.http import Http404, HttpRequest

from .models import Arbeidsmarktregio
from .selectors import regio_voor_code, regio_voor_host


def regio_van_request(request: HttpRequest, code: str | None = None) -> Arbeidsmarktregio:
    regio = regio_voor_host(request.get_host()) if code is None else regio_voor_code(code)
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
