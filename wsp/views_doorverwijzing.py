"""A werkgever's werknemer referred to the Werkcentrum (issue 23 point 4).

The adviseur makes a warme doorverwijzing through the loket's own service, so deadlines,
reminders, steps and single-use links are those of a gids's referral, and follows it here:
on the werkgever's tijdlijn, in the list and on the referral's page."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from loket import audit as loket_audit
from loket import filters as loket_filters
from loket import selectors as loket_selectors
from loket import services as loket_services
from loket.forms import StatusForm
from werkcentrum.decorators import rol_vereist
from werkcentrum.doelbinding import doel_gevraagd, doel_onthouden, doel_voor
from werkcentrum.forms import run_service
from werkcentrum.lists import list_context

from .forms_doorverwijzing import WerknemerDoorverwijzenForm, standaard_dienst
from .views import PAGINA, WSP, _werkgever_bewerkbaar


@rol_vereist(*WSP)
def werknemer_doorverwijzen(request: HttpRequest, pk: int) -> HttpResponse:
    werkgever = _werkgever_bewerkbaar(request, pk)
    form = WerknemerDoorverwijzenForm(
        request.POST or None, user=request.user, initial={"dienst": standaard_dienst(request.user)}
    )
    if request.method == "POST" and form.is_valid():
        dv = run_service(
            form,
            lambda: loket_services.doorverwijzing_maken(
                door=request.user, werkgever=werkgever, **form.cleaned_data
            ),
        )
        if dv:
            doel_onthouden(request, dv, "werkgeversdienstverlening")
            messages.success(request, _("De warme doorverwijzing is verstuurd."))
            return redirect("wsp:doorverwijzing", pk=dv.pk)
    context = {"form": form, "werkgever": werkgever, "route": form.gekozen_route()}
    status = 400 if form.errors else 200
    return render(request, "wsp/doorverwijzing_form.html", context, status=status)


@rol_vereist(*WSP)
def doorverwijzingen(request: HttpRequest) -> HttpResponse:
    qs = loket_selectors.doorverwijzingen_wsp_voor(user=request.user).order_by(
        "-verstuurd_op", "-pk"
    )
    context = list_context(request, qs, loket_filters.WspDoorverwijzingFilter, page_size=PAGINA)
    return render(request, "wsp/doorverwijzingen.html", context)


@rol_vereist(*WSP)
@doel_gevraagd
def doorverwijzing(request: HttpRequest, pk: int) -> HttpResponse:
    dv = loket_selectors.doorverwijzing_wsp_voor(user=request.user, pk=pk)
    doel = doel_voor(request, dv)
    loket_audit.ingezien(dv, user=request.user, doel=doel)
    # Only a reopened referral is the adviseur's to move (loket.services.mag_status_zetten).
    keuzes = [
        (s, label)
        for s, label in dv.Status.choices
        if s in loket_services.OVERGANGEN.get(dv.status, set())
        and loket_services.mag_status_zetten(request.user, dv, s)
    ]
    form = StatusForm(request.POST or None, keuzes=keuzes) if keuzes else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid() and run_service(
            form,
            lambda: loket_services.doorverwijzing_status_wijzigen(
                doorverwijzing=dv, door=request.user, doel=doel, **form.cleaned_data
            ),
        ):
            messages.success(request, _("De status is bijgewerkt."))
            return redirect("wsp:doorverwijzing", pk=dv.pk)
    context = {"dv": dv, "form": form}
    status = 400 if form is not None and form.errors else 200
    return render(request, "wsp/doorverwijzing.html", context, status=status)
