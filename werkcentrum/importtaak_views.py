"""The progress page of an import running in the worker, and its confirmation."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from . import importtaken
from .models import ImportTaak
from .tenancy import get_scoped_or_404

VERVERSEN_SECONDEN = 3


def _eigen_taak(request: HttpRequest, pk: int) -> ImportTaak:
    # Scoped to the regio, and only the uploader's own: the file may hold personal data.
    taak = get_scoped_or_404(ImportTaak.objects.filter(gebruiker=request.user), request.user, pk=pk)
    if not request.user.heeft_rol(*importtaken.soort_van(taak.soort).rollen):
        raise PermissionDenied
    return taak


def _bevestigformulier(request: HttpRequest, taak: ImportTaak, soort: importtaken.Importsoort):
    if soort.bevestigformulier is None or taak.status != ImportTaak.Status.GECONTROLEERD:
        return None
    data = request.POST if request.method == "POST" else None
    return soort.bevestigformulier(taak=taak, user=request.user, data=data)


def _pagina(request: HttpRequest, taak: ImportTaak, form=None, status: int = 200) -> HttpResponse:
    verwerkt, met_fout = importtaken.voortgang_van(taak)
    soort = importtaken.soort_van(taak.soort)
    context = {
        "taak": taak,
        "verwerkt": verwerkt,
        "met_fout": met_fout,
        "soort": soort,
        "form": form or _bevestigformulier(request, taak, soort),
        # A meta refresh, not a script: the CSP allows no inline JavaScript.
        "verversen": VERVERSEN_SECONDEN if taak.loopt else None,
    }
    return render(request, "werkcentrum/importtaak.html", context, status=status)


@never_cache
@login_required
def importtaak(request: HttpRequest, pk: int) -> HttpResponse:
    return _pagina(request, _eigen_taak(request, pk))


@require_POST
@login_required
def importtaak_bevestigen(request: HttpRequest, pk: int) -> HttpResponse:
    taak = _eigen_taak(request, pk)
    form = _bevestigformulier(request, taak, importtaken.soort_van(taak.soort))
    if form is not None and not form.is_valid():
        return _pagina(request, taak, form=form, status=400)  # the choice is kept
    opties = form.opties() if form is not None else None
    if importtaken.importtaak_bevestigen(taak=taak, opties=opties):
        messages.info(request, _("De import is bevestigd en wordt nu uitgevoerd."))
    else:
        messages.warning(request, _("Deze import was al bevestigd of is niet meer te bevestigen."))
    return redirect("importtaak", pk=taak.pk)
