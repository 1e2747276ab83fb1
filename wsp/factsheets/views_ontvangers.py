"""The wsp_manager's list of factsheet recipients per gemeente and for the regio (UWV):
add, change, remove. Scoped to the manager's regio; another regio's recipient is a 404."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from werkcentrum.decorators import rol_vereist
from werkcentrum.forms import run_service
from werkcentrum.tenancy import get_scoped_or_404

from . import selectors, services
from .forms import OntvangerForm
from .views import _regio

BEHEERDERS = ("wsp_manager",)


@rol_vereist(*BEHEERDERS)
def ontvangers(request: HttpRequest) -> HttpResponse:
    lijst = list(selectors.ontvangers_voor(user=request.user))
    return render(request, "wsp/factsheet/ontvangers.html", {"ontvangers": lijst})


def _formulier(request: HttpRequest, ontvanger=None) -> HttpResponse:
    regio = ontvanger.regio if ontvanger else _regio(request)
    form = OntvangerForm(request.POST or None, instance=ontvanger, regio=regio)
    if request.method == "POST" and form.is_valid():
        opgeslagen = run_service(
            form,
            lambda: services.ontvanger_opslaan(
                regio=regio, user=request.user, ontvanger=ontvanger, **form.cleaned_data
            ),
        )
        if opgeslagen is not None:
            bericht = (
                _("%(naam)s is toegevoegd.")
                if ontvanger is None
                else _("De gegevens van %(naam)s zijn opgeslagen.")
            )
            messages.success(request, bericht % {"naam": opgeslagen.naam})
            return redirect("wsp:factsheet_ontvangers")
    titel = _("Ontvanger toevoegen") if ontvanger is None else _("Ontvanger wijzigen")
    return render(
        request,
        "wsp/formulier.html",
        {"form": form, "titel": titel, "terug": "wsp:factsheet_ontvangers"},
        status=400 if form.is_bound else 200,
    )


@rol_vereist(*BEHEERDERS)
def ontvanger_nieuw(request: HttpRequest) -> HttpResponse:
    return _formulier(request)


@rol_vereist(*BEHEERDERS)
def ontvanger_bewerken(request: HttpRequest, pk: int) -> HttpResponse:
    ontvanger = get_scoped_or_404(
        selectors.ontvangers_voor(user=request.user).select_related("regio"), request.user, pk=pk
    )
    return _formulier(request, ontvanger)


@rol_vereist(*BEHEERDERS)
def ontvanger_verwijderen(request: HttpRequest, pk: int) -> HttpResponse:
    ontvanger = get_scoped_or_404(selectors.ontvangers_voor(user=request.user), request.user, pk=pk)
    if request.method == "POST":
        naam = ontvanger.naam
        services.ontvanger_verwijderen(ontvanger=ontvanger, user=request.user)
        messages.success(request, _("%(naam)s ontvangt de factsheet niet meer.") % {"naam": naam})
        return redirect("wsp:factsheet_ontvangers")
    aantal_links = ontvanger.links.filter(ingetrokken_op__isnull=True).count()
    return render(
        request,
        "wsp/factsheet/ontvanger_verwijderen.html",
        {"ontvanger": ontvanger, "aantal_links": aantal_links},
    )
