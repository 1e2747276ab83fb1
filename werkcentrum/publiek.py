"""Public pages belong to one regio: chosen by host name, else by the /<regio>/ path prefix."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.http import Http404, HttpRequest, HttpResponse

from . import versies
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
# versions of the models it shows (werkcentrum.versies): an edit shows at once; changes
# without signals (queryset.update, the date moving on) show within the expiry.
PUBLIEKE_CACHE_SECONDEN = 60


def publieke_cache(*bronnen: str) -> Callable:
    """Caches the view's 200 answers to anonymous GETs; `bronnen` are the labels of the models
    the page shows ("wsp.Vacature"); the regio's own data always counts."""
    bronnen = ("werkcentrum.Arbeidsmarktregio", *bronnen)

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs):
            if not _cachebaar(request):
                return view(request, *args, **kwargs)
            sleutel = versies.sleutel("publiek", request.get_host(), request.get_full_path())
            bewaard, huidig = versies.lezen(sleutel, bronnen)
            if bewaard is not None:
                return HttpResponse(bewaard[1], content_type=bewaard[0])
            response = view(request, *args, **kwargs)
            if _bewaarbaar(request, response):
                inhoud = (response["Content-Type"], response.content)
                versies.bewaren(sleutel, huidig, inhoud, PUBLIEKE_CACHE_SECONDEN)
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
