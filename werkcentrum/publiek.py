"""Public pages belong to one regio: chosen by host name, else by the /<regio>/ path prefix."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import wraps

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http import Http404, HttpRequest, HttpResponse

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


# --- Whole-page cache of the public pages -----------------------------------------------------
# The public pages are the same for every anonymous visitor of a path (the language is in the
# path), and they are most of the traffic. A page is kept PUBLIEKE_CACHE_SECONDEN under the
# version of the public content: saving or deleting a model a cached page shows bumps the
# version, so an edit shows at once; changes without signals (queryset.update, the date
# moving on) show within the expiry.
PUBLIEKE_CACHE_SECONDEN = 60
_VERSIE = "publiek:versie"
_BRONNEN: set[str] = {"werkcentrum.Arbeidsmarktregio"}


def publieke_cache(*bronnen: str) -> Callable:
    """Caches the view's 200 answers to anonymous GETs; `bronnen` are the labels of the models
    the page shows ("wsp.Vacature")."""
    _BRONNEN.update(bronnen)

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs):
            if not _cachebaar(request):
                return view(request, *args, **kwargs)
            sleutel = (
                "publiek:pagina:"
                + hashlib.sha256(
                    f"{request.get_host()}|{request.get_full_path()}".encode()
                ).hexdigest()
            )
            gevonden = cache.get_many([_VERSIE, sleutel])
            versie = gevonden.get(_VERSIE, 0)
            bewaard = gevonden.get(sleutel)
            if bewaard and bewaard[0] == versie:
                return HttpResponse(bewaard[2], content_type=bewaard[1])
            response = view(request, *args, **kwargs)
            if _bewaarbaar(request, response):
                inhoud = (versie, response["Content-Type"], response.content)
                cache.set(sleutel, inhoud, PUBLIEKE_CACHE_SECONDEN)
            return response

        return wrapper

    return decorator


def _cachebaar(request: HttpRequest) -> bool:
    # A flash message or a logged-in user makes the page personal.
    return (
        request.method == "GET"
        and "messages" not in request.COOKIES
        and not request.user.is_authenticated
    )


def _bewaarbaar(request: HttpRequest, response: HttpResponse) -> bool:
    # A page that used a CSRF token or sets a cookie belongs to one visitor.
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    )


def _nieuwe_versie(sender, **kwargs) -> None:
    if sender._meta.label in _BRONNEN:
        try:
            cache.incr(_VERSIE)
        except ValueError:
            cache.add(_VERSIE, 1, None)


post_save.connect(_nieuwe_versie, dispatch_uid="publiek_cache_save")
post_delete.connect(_nieuwe_versie, dispatch_uid="publiek_cache_delete")
