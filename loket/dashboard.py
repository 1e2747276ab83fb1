"""The loket dashboard and its CSV/XLSX exports (aggregates only: no personal data)."""

from __future__ import annotations

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy

from werkcentrum.bestanden import tabel_export
from werkcentrum.decorators import rol_vereist

from . import selectors
from .forms import PeriodeForm

KOLOMMEN = {
    "locatie": [("naam", gettext_lazy("Locatie")), ("aantal", gettext_lazy("Gesprekken"))],
    "kanaal": [("naam", gettext_lazy("Kanaal")), ("aantal", gettext_lazy("Gesprekken"))],
    "doelgroep": [("naam", gettext_lazy("Doelgroep")), ("aantal", gettext_lazy("Gesprekken"))],
    "thema": [("naam", gettext_lazy("Thema")), ("aantal", gettext_lazy("Gesprekken"))],
    "maand": [("naam", gettext_lazy("Maand")), ("aantal", gettext_lazy("Gesprekken"))],
    "partners": [
        ("naam", gettext_lazy("Partner")),
        ("aantal", gettext_lazy("Doorverwijzingen")),
        ("gelukt", gettext_lazy("Afgerond")),
        ("niet_gelukt", gettext_lazy("Niet gelukt")),
        ("succes_pct", gettext_lazy("Succes (%)")),
        ("mediaan_dagen_tot_contact", gettext_lazy("Mediaan dagen tot contact")),
    ],
    "vragen": [
        ("naam", gettext_lazy("Maand")),
        ("aantal", gettext_lazy("Vragen")),
        ("beantwoord", gettext_lazy("Beantwoord")),
        ("op_tijd", gettext_lazy("Op tijd")),
        ("op_tijd_pct", gettext_lazy("Op tijd (%)")),
    ],
}
TITELS = {
    "locatie": gettext_lazy("Gesprekken per locatie"),
    "kanaal": gettext_lazy("Gesprekken per kanaal"),
    "doelgroep": gettext_lazy("Gesprekken per doelgroep"),
    "thema": gettext_lazy("Gesprekken per thema"),
    "maand": gettext_lazy("Gesprekken per maand"),
    "partners": gettext_lazy("Doorverwijzingen per partner"),
    "vragen": gettext_lazy("Vragen op tijd beantwoord, per maand"),
}


# How long the figures of a period are kept: the page says when they were counted.
DASHBOARD_SECONDEN = 5 * 60


def _tabellen(request: HttpRequest):
    """The figures of the regio, shared by everyone of the regio who asks for the same period
    on the same day, for DASHBOARD_SECONDEN: counting a year of gesprekken on every visit
    would cost each coordinator the same work. The key names everything the figures depend
    on; they hold no personal data."""
    form = PeriodeForm(request.GET or None)
    van, tot = form.periode()
    user = request.user
    sleutel = ":".join(
        map(
            str,
            (
                "loket-dashboard",
                user.regio_id,
                user.is_superuser,
                van,
                tot,
                timezone.localdate(),
                get_language(),
            ),
        )
    )
    nu = timezone.now()
    bewaard = cache.get(sleutel)
    # The figures' own time decides their age too, not only the cache's expiry, so they are
    # never older than DASHBOARD_SECONDEN by the portal's clock.
    if bewaard is None or (nu - bewaard[1]).total_seconds() >= DASHBOARD_SECONDEN:
        bewaard = (selectors.dashboard(user=user, van=van, tot=tot), nu)
        cache.set(sleutel, bewaard, DASHBOARD_SECONDEN)
    data, berekend = bewaard
    return form, van, tot, data, berekend


@rol_vereist("coordinator", "beheerder")
def dashboard(request: HttpRequest) -> HttpResponse:
    form, van, tot, data, berekend = _tabellen(request)
    query = request.GET.urlencode()
    tabellen = [
        {
            "code": code,
            "titel": TITELS[code],
            "kolommen": [label for _veld, label in KOLOMMEN[code]],
            "rijen": [[rij.get(veld) for veld, _label in KOLOMMEN[code]] for rij in data[code]],
        }
        for code in KOLOMMEN
    ]
    context = {
        "berekend": berekend,
        "form": form,
        "van": van,
        "tot": tot,
        "tabellen": tabellen,
        "query": query,
    }
    return render(request, "loket/dashboard.html", context)


@rol_vereist("coordinator", "beheerder")
def dashboard_export(request: HttpRequest, tabel: str, formaat: str) -> HttpResponse:
    if tabel not in KOLOMMEN or formaat not in ("csv", "xlsx"):
        raise Http404
    _form, van, tot, data, _berekend = _tabellen(request)
    kop = [str(label) for _veld, label in KOLOMMEN[tabel]]
    rijen = [[rij.get(veld) for veld, _label in KOLOMMEN[tabel]] for rij in data[tabel]]
    naam = f"loket-{tabel}-{van:%Y%m%d}-{tot:%Y%m%d}"
    return tabel_export(kop, rijen, formaat=formaat, naam=naam, titel=tabel)
