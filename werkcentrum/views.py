from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import selectors
from .autocomplete import suggestions
from .filters import LocatieFilter, OrganisatieFilter
from .huisstijl import tokens as huisstijl_tokens
from .lists import list_context
from .models import Arbeidsmarktregio, Locatie, Medewerker, Openingstijd, Organisatie
from .rollen import ROLLEN
from .werkplek import items_voor, uitgeschakeld

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
    return render(request, "werkcentrum/werkplek.html", {"rollen": rollen})


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


@never_cache
@require_GET
def health(request: HttpRequest) -> JsonResponse:
    controles = selectors.gezondheid()
    ok = all(c.ok for c in controles.values())
    body = {"status": "ok" if ok else "storing", **{k: c.als_dict() for k, c in controles.items()}}
    return JsonResponse(body, status=200 if ok else 503)


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
