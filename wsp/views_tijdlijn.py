"""One person, one story (issue 23): the kandidaat's timeline and the withdrawal of consent
on the WSP side. The loket side is loket/views_keten.py."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from werkcentrum.decorators import rol_vereist
from werkcentrum.doelbinding import doel_gevraagd, doel_voor
from werkcentrum.forms import run_service
from werkcentrum.tenancy import get_scoped_or_404

from . import audit, services, tijdlijn
from .forms_toestemming import ToestemmingIntrekkenForm
from .models import Kandidaat
from .views import WSP


@rol_vereist(*WSP)
@doel_gevraagd
def kandidaat_tijdlijn(request: HttpRequest, pk: int) -> HttpResponse:
    kandidaat = get_scoped_or_404(Kandidaat.objects.all(), request.user, pk=pk)
    doel = doel_voor(request, kandidaat)
    verhaal = tijdlijn.kandidaat_tijdlijn(kandidaat)
    audit.tijdlijn_ingezien(kandidaat, user=request.user, doel=doel, getoond=verhaal.records)
    return render(
        request, "wsp/kandidaat_tijdlijn.html", {"kandidaat": kandidaat, "tijdlijn": verhaal}
    )


@rol_vereist(*WSP)
@doel_gevraagd
def toestemming_intrekken(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: the confirm step (what will happen); POST: withdraw."""
    kandidaat = get_scoped_or_404(Kandidaat.objects.all(), request.user, pk=pk)
    doel = doel_voor(request, kandidaat)
    form = ToestemmingIntrekkenForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and run_service(
            form,
            lambda: services.toestemming_intrekken(
                kandidaat=kandidaat,
                door=request.user,
                toelichting=form.cleaned_data["toelichting"],
            ),
        )
    ):
        messages.success(
            request,
            _("De toestemming is ingetrokken: er wordt niets meer met de gegevens gedaan."),
        )
        return redirect(kandidaat)
    # The confirm page names the person (also when shown again with an error).
    audit.kandidaat_ingezien(kandidaat, user=request.user, doel=doel)
    context = {
        "form": form,
        "naam": str(kandidaat),
        "ingetrokken_op": kandidaat.toestemming_ingetrokken_op,
        "terug": kandidaat.get_absolute_url(),
        "open_voordrachten": kandidaat.voordrachten.filter(
            status__in=("voorgesteld", "gesprek")
        ).count(),
    }
    return render(
        request,
        "wsp/toestemming_intrekken.html",
        context,
        status=400 if form.errors else 200,
    )
