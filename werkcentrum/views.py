from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch, Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import paginering, selectors
from .forms import LocatieFilterForm, OrganisatieFilterForm
from .models import Arbeidsmarktregio, Locatie, Openingstijd, Organisatie
from .rollen import ROLLEN
from .werkplek import items_voor

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
    rollen = [{"rol": ROLLEN[c], "items": items_voor(user, c)} for c in codes]
    # The tiles follow from the roles and the entries they may open alone ({% vast %}).
    tegels = tuple((b["rol"].code, tuple(i.url_naam for i in b["items"])) for b in rollen)
    return render(request, "werkcentrum/werkplek.html", {"rollen": rollen, "tegels": tegels})


@login_required
def locaties(request: HttpRequest) -> HttpResponse:
    form = LocatieFilterForm(request.GET or None, user=request.user)
    qs = (
        Locatie.objects.voor(request.user)
        .select_related("gemeente", "organisatie")
        .prefetch_related(
            Prefetch(
                "openingstijden", queryset=Openingstijd.objects.order_by("weekdag", "begintijd")
            )
        )
    )
    if form.is_valid():
        if zoek := form.cleaned_data.get("zoek"):
            qs = qs.filter(
                Q(naam__icontains=zoek) | Q(straat__icontains=zoek) | Q(plaats__icontains=zoek)
            )
        if gemeente := form.cleaned_data.get("gemeente"):
            qs = qs.filter(gemeente=gemeente)
    pagina = paginering.pagina(request, qs.order_by("naam"), PAGINA_GROOTTE)
    return render(request, "werkcentrum/locaties.html", {"form": form, "pagina": pagina})


@login_required
def organisaties(request: HttpRequest) -> HttpResponse:
    form = OrganisatieFilterForm(request.GET or None)
    qs = Organisatie.objects.voor(request.user).select_related("gemeente")
    if form.is_valid():
        if zoek := form.cleaned_data.get("zoek"):
            qs = qs.filter(naam__icontains=zoek)
        if soort := form.cleaned_data.get("type"):
            qs = qs.filter(type=soort)
    pagina = paginering.pagina(request, qs.order_by("naam"), PAGINA_GROOTTE)
    return render(request, "werkcentrum/organisaties.html", {"form": form, "pagina": pagina})


@never_cache
@require_GET
def health(request: HttpRequest) -> JsonResponse:
    controles = selectors.gezondheid()
    ok = all(c.ok for c in controles.values())
    body = {"status": "ok" if ok else "storing", **{k: c.als_dict() for k, c in controles.items()}}
    return JsonResponse(body, status=200 if ok else 503)
