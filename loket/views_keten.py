"""One person, one story (issue 23), as the one who offered a handover sees it: the loket
part and how far the chain got, and recording that the person withdrew consent."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from werkcentrum import audit
from werkcentrum.decorators import rol_vereist
from werkcentrum.doelbinding import doel_gevraagd, doel_voor
from werkcentrum.forms import run_service
from wsp import audit as wsp_audit
from wsp import selectors as wsp_selectors
from wsp import services as wsp_services
from wsp import tijdlijn
from wsp.forms_toestemming import ToestemmingIntrekkenForm

AANBIEDERS = ("gids", "coordinator", "partnermedewerker")


def _overdracht(request: HttpRequest, pk: int):
    """A handover the user may follow as its offerer (gids own, coordinator the
    Werkcentrum's, partner their organisation's); anything else is 404."""
    overdracht = wsp_selectors.overdrachten_voor(user=request.user).filter(pk=pk).first()
    if overdracht is None:
        raise Http404
    return overdracht


@rol_vereist(*AANBIEDERS)
@doel_gevraagd
def overdracht_tijdlijn(request: HttpRequest, pk: int) -> HttpResponse:
    overdracht = _overdracht(request, pk)
    doel = doel_voor(request, overdracht)
    verhaal = tijdlijn.overdracht_tijdlijn(overdracht)
    wsp_audit.tijdlijn_ingezien(overdracht, user=request.user, doel=doel, getoond=verhaal.records)
    context = {"overdracht": overdracht, "tijdlijn": verhaal}
    return render(request, "loket/keten_tijdlijn.html", context)


@rol_vereist(*AANBIEDERS)
@doel_gevraagd
def overdracht_toestemming_intrekken(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: the confirm step; POST: record that the person withdrew consent."""
    overdracht = _overdracht(request, pk)
    doel = doel_voor(request, overdracht)
    if not wsp_services.mag_toestemming_intrekken(request.user, overdracht=overdracht):
        raise Http404
    form = ToestemmingIntrekkenForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and run_service(
            form,
            lambda: wsp_services.toestemming_intrekken(
                overdracht=overdracht,
                door=request.user,
                toelichting=form.cleaned_data["toelichting"],
            ),
        )
    ):
        messages.success(
            request,
            _("De toestemming is ingetrokken: het WSP doet niets meer met de gegevens."),
        )
        return redirect("loket:overdracht_tijdlijn", pk=overdracht.pk)
    # The confirm page names the person (also when shown again with an error).
    audit.persoonsgegevens_ingezien(overdracht, user=request.user, doel=doel)
    context = {
        "form": form,
        "naam": f"{overdracht.voornaam} {overdracht.achternaam}",
        "ingetrokken_op": overdracht.toestemming_ingetrokken_op,
        "terug_tijdlijn": True,
        "overdracht": overdracht,
    }
    return render(
        request,
        "loket/keten_toestemming_intrekken.html",
        context,
        status=400 if form.errors else 200,
    )
