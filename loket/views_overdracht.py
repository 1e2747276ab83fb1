"""The offering side of the warme overdracht to the WSP (issue 23 points 1 and 2).

A gids or coordinator hands a werkfit werkzoekende over from a gesprek, a doorverwijzing or a
traject; a partner consultant (UWV, gemeente, re-integratiebedrijf) offers a client in general
or for a vacature of the vacaturekrant. The offerer then follows what became of the offer:
the chain status only, never the WSP's internal notes."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from werkcentrum.decorators import rol_vereist
from werkcentrum.doelbinding import doel_gevraagd, doel_onthouden, doel_voor
from werkcentrum.forms import run_service
from werkcentrum.lists import list_context
from werkcentrum.tenancy import get_scoped_or_404
from wsp import selectors as wsp_selectors
from wsp.forms_overdracht import OverdrachtForm, beginwaarden
from wsp.services.overdracht import mag_overdragen, overdracht_aanbieden

from . import audit, filters, selectors
from .views import GIDSEN, PAGINA_GROOTTE

AANBIEDERS = (*GIDSEN, "partnermedewerker")
DOEL = "overdragen"


def _herkomst(request: HttpRequest) -> dict:
    """The records named in the query string, each read as the user may see it (else 404):
    a gesprek or traject only by a gids or coordinator, a doorverwijzing as its page shows it,
    a vacature only from the regio's open vacaturekrant."""
    user = request.user
    bron: dict = {}
    gids = user.heeft_rol(*GIDSEN)
    for naam, qs in (
        ("gesprek", selectors.gesprekken_voor),
        ("traject", selectors.trajecten_voor),
    ):
        if pk := request.GET.get(naam):
            if not gids or not pk.isdigit():
                raise Http404
            bron[naam] = get_scoped_or_404(qs(user=user), user, pk=pk)
    if pk := request.GET.get("doorverwijzing"):
        if not pk.isdigit():
            raise Http404
        bron["doorverwijzing"] = selectors.doorverwijzing_voor(user=user, pk=int(pk))
    if pk := request.GET.get("vacature"):
        if not pk.isdigit() or user.regio_id is None:
            raise Http404
        vacatures = wsp_selectors.openbare_vacatures(regio=user.regio, vandaag=timezone.localdate())
        bron["vacature"] = get_scoped_or_404(vacatures, user, pk=pk)
    if len([n for n in ("gesprek", "doorverwijzing", "traject") if n in bron]) > 1:
        raise Http404  # one origin per handover
    return bron


@rol_vereist(*AANBIEDERS)
@doel_gevraagd
def overdracht_nieuw(request: HttpRequest) -> HttpResponse:
    user = request.user
    if user.regio_id is None or not mag_overdragen(user):
        # A platform account has no WSP to hand over to; a partner needs an organisation.
        raise PermissionDenied
    bron = _herkomst(request)
    for naam in ("doorverwijzing", "traject"):
        if obj := bron.get(naam):
            # Prefilling shows the person's data: say why and log it, as the record's page does.
            audit.ingezien(obj, user=user, doel=doel_voor(request, obj))
    vacature = bron.pop("vacature", None)
    vacature_kiezen = vacature is not None or user.heeft_rol("partnermedewerker")
    form = OverdrachtForm(
        request.POST or None,
        user=user,
        regio=user.regio,
        vacature_kiezen=vacature_kiezen,
        initial=beginwaarden(**bron, vacature=vacature),
    )
    if request.method == "POST" and form.is_valid():
        overdracht = run_service(
            form,
            lambda: overdracht_aanbieden(
                regio=user.regio, door=user, **bron, **form.service_gegevens()
            ),
        )
        if overdracht:
            doel_onthouden(request, overdracht, DOEL)
            messages.success(
                request,
                _(
                    "%(naam)s is overgedragen aan het Werkgeversservicepunt. Je ziet hier wat "
                    "er met de overdracht gebeurt."
                )
                % {"naam": f"{overdracht.voornaam} {overdracht.achternaam}"},
            )
            return redirect("loket:overdracht", pk=overdracht.pk)
    context = {"form": form, "vacature": vacature, **bron}
    return render(
        request, "loket/overdracht_form.html", context, status=400 if form.errors else 200
    )


@rol_vereist(*AANBIEDERS)
def overdrachten(request: HttpRequest) -> HttpResponse:
    qs = wsp_selectors.overdrachten_voor(user=request.user)
    context = list_context(request, qs, filters.OverdrachtFilter, page_size=PAGINA_GROOTTE)
    context["mag_overdragen"] = request.user.regio_id is not None and mag_overdragen(request.user)
    context["partner"] = request.user.heeft_rol("partnermedewerker")
    return render(request, "loket/overdrachten.html", context)


@rol_vereist(*AANBIEDERS)
@doel_gevraagd
def overdracht(request: HttpRequest, pk: int) -> HttpResponse:
    obj = get_scoped_or_404(wsp_selectors.overdrachten_voor(user=request.user), request.user, pk=pk)
    doel = doel_voor(request, obj)
    audit.ingezien(obj, user=request.user, doel=doel)
    context = {"overdracht": obj, "gids": request.user.heeft_rol(*GIDSEN)}
    return render(request, "loket/overdracht.html", context)


@rol_vereist("partnermedewerker")
def overdracht_vacatures(request: HttpRequest) -> HttpResponse:
    """The regio's open vacaturekrant for partners, read-only: offer a client for one."""
    if request.user.regio_id is None:
        raise PermissionDenied
    qs = wsp_selectors.openbare_vacatures(regio=request.user.regio, vandaag=timezone.localdate())
    context = list_context(request, qs, filters.OverdrachtVacatureFilter, page_size=PAGINA_GROOTTE)
    return render(request, "loket/overdracht_vacatures.html", context)
