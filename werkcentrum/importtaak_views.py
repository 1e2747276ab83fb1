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


@never_cache
@login_required
def importtaak(request: HttpRequest, pk: int) -> HttpResponse:
    taak = _eigen_taak(request, pk)
    verwerkt, met_fout = importtaken.voortgang_van(taak)
    soort = importtaken.soort_van(taak.soort)
    context = {
        "taak": taak,
        "verwerkt": verwerkt,
        "met_fout": met_fout,
        "soort": soort,
        # A meta refresh, not a script: the CSP allows no inline JavaScript.
        "verversen": VERVERSEN_SECONDEN if taak.loopt else None,
    }
    return render(request, "werkcentrum/importtaak.html", context)


@require_POST
@login_required
def importtaak_bevestigen(request: HttpRequest, pk: int) -> HttpResponse:
    taak = _eigen_taak(request, pk)
    if importtaken.importtaak_bevestigen(taak=taak):
        messages.info(request, _("De import is bevestigd en wordt nu uitgevoerd."))
    else:
        messages.warning(request, _("Deze import was al bevestigd of is niet meer te bevestigen."))
    return redirect("importtaak", pk=taak.pk)
