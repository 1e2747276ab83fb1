"""A werkgever at the loket (issue 23 point 3): the gids records a werkgeversverzoek.

The verzoek belongs to the WSP; the loket only hands it over. It goes through the WSP's own
service (`verzoek_ontvangen`), so routing, the promise and the mails are those of the public
form. Afterwards the gids sees the reference and the deadline, never the WSP's pages."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from werkcentrum.decorators import rol_vereist
from werkcentrum.forms import run_service
from wsp import services as wsp_services
from wsp.forms import VerzoekLoketForm

from .views import GIDSEN


@rol_vereist(*GIDSEN)
def werkgeversverzoek_nieuw(request: HttpRequest) -> HttpResponse:
    if request.user.regio_id is None:
        # A platform account has no regio to route the verzoek in.
        raise PermissionDenied
    form = VerzoekLoketForm(request.POST or None, regio=request.user.regio)
    if request.method == "POST" and form.is_valid():
        verzoek = run_service(
            form,
            lambda: wsp_services.verzoek_ontvangen(
                regio=request.user.regio, door=request.user, **form.cleaned_data
            ),
        )
        if verzoek:
            messages.success(request, _bevestiging(verzoek))
            return redirect("loket:werkgeversverzoek_nieuw")
    status = 400 if form.errors else 200
    return render(request, "loket/werkgeversverzoek_form.html", {"form": form}, status=status)


def _bevestiging(verzoek) -> str:
    return _(
        "Werkgeversverzoek vastgelegd voor %(naam)s, referentie %(referentie)s. Het "
        "Werkgeversservicepunt neemt uiterlijk %(deadline)s contact op met de werkgever."
    ) % {
        "referentie": verzoek.pk,
        "naam": verzoek.bedrijfsnaam,
        "deadline": formats.date_format(timezone.localtime(verzoek.deadline), "j F Y H:i"),
    }
