from __future__ import annotations

import hmac
import ipaddress
from pathlib import PurePosixPath

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import selectors
from .autocomplete import suggestions
from .clientadres import client_adres
from .filters import LocatieFilter, OrganisatieFilter
from .huisstijl import logo_mime
from .huisstijl import tokens as huisstijl_tokens
from .lists import list_context
from .models import Arbeidsmarktregio, Locatie, Medewerker, Openingstijd, Organisatie
from .rollen import ROLLEN
from .werkplek import items_voor, tegels_voor, uitgeschakeld

PAGINA_GROOTTE = 25


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """The front door leads to a regio: the one served on this host name, the only one, or
    a choice between all of them."""
    regio = selectors.regio_voor_host(request.get_host())
    alle = Arbeidsmarktregio.objects.prefetch_related("gemeenten").order_by("naam")
    regios = list(alle) if regio is None else [regio]
    if len(regios) == 1:
        return redirect("loket_publiek:home", regio=regios[0].code)
    return render(request, "werkcentrum/home.html", {"regios": regios})


@login_required
def werkplek(request: HttpRequest) -> HttpResponse:
    user = request.user
    codes = sorted(ROLLEN) if user.is_superuser else [c for c in ROLLEN if c in user.rollen]
    uit = uitgeschakeld(user)
    rollen = [{"rol": ROLLEN[c], "items": items_voor(user, c, uit)} for c in codes]
    # Counted live on every visit (no cache): a tile that lags behind its list misleads.
    tegels = tegels_voor(user, codes, uit, timezone.localdate())
    return render(request, "werkcentrum/werkplek.html", {"rollen": rollen, "tegels": tegels})


@login_required
def locaties(request: HttpRequest) -> HttpResponse:
    qs = (
        Locatie.objects.voor(request.user)
        .select_related("gemeente", "organisatie")
        .prefetch_related(
            Prefetch(
                "openingstijden", queryset=Openingstijd.objects.order_by("weekdag", "begintijd")
            )
        )
        .order_by("naam", "pk")
    )
    context = list_context(request, qs, LocatieFilter, page_size=PAGINA_GROOTTE)
    return render(request, "werkcentrum/locaties.html", context)


@login_required
def organisaties(request: HttpRequest) -> HttpResponse:
    qs = Organisatie.objects.voor(request.user).select_related("gemeente").order_by("naam", "pk")
    context = list_context(request, qs, OrganisatieFilter, page_size=PAGINA_GROOTTE)
    return render(request, "werkcentrum/organisaties.html", context)


@login_required
@require_GET
def medewerkers_zoeken(request: HttpRequest) -> JsonResponse:
    """Names of active medewerkers of the user's regio for a search field (autocomplete)."""
    qs = Medewerker.objects.voor(request.user).filter(is_active=True).order_by("first_name", "pk")
    _found, response = suggestions(request, qs, ("first_name", "last_name"))
    return response


def _details_toegestaan(request: HttpRequest) -> bool:
    """The checks' details (database engine, broker transport, heartbeat) are for monitoring:
    with the token of HEALTH_MONITORING_TOKEN (Authorization: Bearer, compared in constant
    time) or from an address in HEALTH_INTERNE_NETWERKEN. The address is the client address
    behind the trusted proxies (werkcentrum/clientadres.py): REMOTE_ADDR alone would make every
    visitor coming through the proxy look internal."""
    token = settings.HEALTH_MONITORING_TOKEN
    schema, _, aangeboden = request.headers.get("Authorization", "").partition(" ")
    if (
        token
        and schema.lower() == "bearer"
        and hmac.compare_digest(aangeboden.strip().encode(), token.encode())
    ):
        return True
    try:
        adres = ipaddress.ip_address(client_adres(request))
    except ValueError:
        return False
    return any(
        adres in ipaddress.ip_network(netwerk, strict=False)
        for netwerk in settings.HEALTH_INTERNE_NETWERKEN
    )


@never_cache
@require_GET
def health(request: HttpRequest) -> JsonResponse:
    """200 "ok", 503 "storing", or 200 "starting": database and broker are up and the worker
    has not yet beaten since this web process started, while its first heartbeat is not yet
    overdue (HARTSLAG_MAX_LEEFTIJD after start). A fresh install is then not reported broken;
    a worker that never comes gives 503 once that time has passed."""
    controles = selectors.gezondheid()
    ok = all(c.ok for c in controles.values())
    if ok:
        status, code = "ok", 200
    elif (
        controles["database"].ok
        and controles["broker"].ok
        and selectors.nog_aan_het_starten(controles["worker"])
    ):
        status, code = "starting", 200
    else:
        status, code = "storing", 503
    body = {"status": status}
    if _details_toegestaan(request):
        body.update({k: c.als_dict() for k, c in controles.items()})
    return JsonResponse(body, status=code)


@require_GET
def huisstijl(request: HttpRequest, regio: str = "", regio_id: int = 0) -> HttpResponse:
    """The regio's design tokens as a stylesheet (werkcentrum/huisstijl.py); public, since the
    public site and the login page use it too. Browsers keep it five minutes."""
    kleur = (
        Arbeidsmarktregio.objects.filter(**({"code": regio} if regio else {"pk": regio_id}))
        .values_list("huisstijl_kleur", flat=True)
        .first()
    )
    if kleur is None:
        raise Http404
    response = HttpResponse(huisstijl_tokens(kleur), content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "public, max-age=300"
    return response


@require_GET
def huisstijl_logo(request: HttpRequest, regio: str, bestand: str) -> FileResponse:
    """The regio's logo; public (the public site, login page and mails show it). The file name
    is random per upload, so the address of a logo never changes its content: browsers keep
    it a year. An old name (a replaced logo) is 404."""
    pad = (
        Arbeidsmarktregio.objects.filter(code=regio)
        .values_list("huisstijl_logo", flat=True)
        .first()
    )
    if not pad or PurePosixPath(pad).name != bestand:
        raise Http404
    try:
        inhoud = default_storage.open(pad, "rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(inhoud, content_type=logo_mime(pad))
    # The stored extension matches the checked content; nosniff keeps a browser to it.
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response
