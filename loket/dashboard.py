"""The loket dashboard and its CSV/XLSX exports (aggregates only: no personal data)."""

from __future__ import annotations

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy

from werkcentrum.bestanden import tabel_export
from werkcentrum.decorators import rol_vereist
from wsp import selectors_keten

from . import selectors
from .forms import PeriodeForm


def _per(kop) -> list[tuple[str, object]]:
    return [("naam", kop), ("aantal", gettext_lazy("Gesprekken"))]


KOLOMMEN = {
    "locatie": _per(gettext_lazy("Locatie")),
    "kanaal": _per(gettext_lazy("Kanaal")),
    "doelgroep": _per(gettext_lazy("Doelgroep")),
    "thema": _per(gettext_lazy("Thema")),
    "woongemeente": _per(gettext_lazy("Woongemeente")),
    "leeftijd": _per(gettext_lazy("Leeftijd")),
    "maand": _per(gettext_lazy("Maand")),
    "partners": [
        ("naam", gettext_lazy("Partner")),
        ("aantal", gettext_lazy("Doorverwijzingen")),
        ("gelukt", gettext_lazy("Afgerond")),
        ("niet_gelukt", gettext_lazy("Niet gelukt")),
        ("open", gettext_lazy("Nog open")),
        ("te_laat", gettext_lazy("Waarvan te laat")),
        ("succes_pct", gettext_lazy("Succes (%)")),
        ("mediaan_dagen_tot_contact", gettext_lazy("Mediaan dagen tot contact")),
    ],
    "tevredenheid": [
        ("naam", gettext_lazy("Partner")),
        ("gevraagd", gettext_lazy("Gevraagd")),
        ("beantwoord", gettext_lazy("Beantwoord")),
        ("tevreden", gettext_lazy("Tevreden")),
        ("tevreden_pct", gettext_lazy("Tevreden (%)")),
    ],
    "vragen": [
        ("naam", gettext_lazy("Maand")),
        ("aantal", gettext_lazy("Vragen")),
        ("beantwoord", gettext_lazy("Beantwoord")),
        ("verstreken", gettext_lazy("Termijn verstreken")),
        ("op_tijd", gettext_lazy("Op tijd")),
        ("op_tijd_pct", gettext_lazy("Op tijd (%)")),
    ],
    "keten": [("naam", gettext_lazy("Bron")), *selectors_keten.FIGUREN],
}
TITELS = {
    "locatie": gettext_lazy("Gesprekken per locatie"),
    "kanaal": gettext_lazy("Gesprekken per kanaal"),
    "doelgroep": gettext_lazy("Gesprekken per doelgroep"),
    "thema": gettext_lazy("Gesprekken per thema"),
    "woongemeente": gettext_lazy("Bereik per woongemeente"),
    "leeftijd": gettext_lazy("Bereik per leeftijdsgroep"),
    "maand": gettext_lazy("Gesprekken per maand"),
    "partners": gettext_lazy("Doorverwijzingen per partner"),
    "tevredenheid": gettext_lazy("Tevredenheid over doorverwijzingen"),
    "vragen": gettext_lazy("Vragen op tijd beantwoord, per maand"),
    "keten": gettext_lazy("Keten: van overdracht tot duurzame plaatsing"),
}
# How each figure is computed, on the page under its table.
_GESPREKKEN = gettext_lazy(
    "Gesprekken met een datum in de periode. Het totaal is het aantal gesprekken."
)
UITLEG = {
    "locatie": gettext_lazy(
        "Gesprekken met een datum in de periode, naar de locatie waar ze plaatsvonden; "
        "'(geen)' is telefonisch of online. Het totaal is het aantal gesprekken."
    ),
    "kanaal": _GESPREKKEN,
    "doelgroep": _GESPREKKEN,
    "thema": gettext_lazy(
        "Gesprekken met een datum in de periode, per hulpvraag-thema. Een gesprek over twee "
        "thema's telt bij beide, dus de rijen tellen op tot meer dan het totaal: het aantal "
        "gesprekken."
    ),
    "woongemeente": gettext_lazy(
        "Gesprekken met een datum in de periode, naar de woongemeente die de gids vastlegde. "
        "Het totaal is het aantal gesprekken."
    ),
    "leeftijd": gettext_lazy(
        "Gesprekken met een datum in de periode, naar de leeftijdsgroep die de gids vastlegde. "
        "Het totaal is het aantal gesprekken."
    ),
    "maand": _GESPREKKEN,
    "partners": gettext_lazy(
        "Doorverwijzingen verstuurd in de periode. Succes = afgerond gedeeld door álle "
        "doorverwijzingen, ook de doorverwijzingen die nog open zijn of niet gelukt zijn. "
        "Te laat: nog zonder reactie van de partner na de beloofde reactiedatum. Mediaan: "
        "dagen van versturen tot contact, alleen waar contact gelegd is."
    ),
    "tevredenheid": gettext_lazy(
        "Doorverwijzingen verstuurd in de periode waarover de inwoner een tevredenheidsvraag "
        "kreeg. Tevreden (%) = tevreden gedeeld door beantwoord."
    ),
    "vragen": gettext_lazy(
        "Vragen ontvangen in de periode, per maand van ontvangst. Op tijd (%) telt alleen "
        "vragen waarvan de antwoordtermijn al verstreken is: beantwoord op of voor de "
        "uiterste datum, gedeeld door het aantal met een verstreken termijn."
    ),
    "keten": selectors_keten.UITLEG_ALGEMEEN,
}
# Tables whose every column has its own "hoe berekend" text: (heading, text).
UITLEG_PER_KOLOM = {
    "keten": [(label, selectors_keten.UITLEG[veld]) for veld, label in selectors_keten.FIGUREN],
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
        data = selectors.dashboard(user=user, van=van, tot=tot)
        # The chain to the WSP, counted for the same period under the same key and time.
        keten = selectors_keten.keten_cijfers_voor(user=user, van=van, tot=tot)
        data["keten"] = selectors_keten.als_tabel(keten)
        bewaard = (data, nu)
        cache.set(sleutel, bewaard, DASHBOARD_SECONDEN)
    data, berekend = bewaard
    return form, van, tot, data, berekend


@rol_vereist("coordinator", "beheerder")
def dashboard(request: HttpRequest) -> HttpResponse:
    form, van, tot, data, berekend = _tabellen(request)
    query = request.GET.urlencode()
    tabellen = []
    for code, kolommen in KOLOMMEN.items():
        rijen = [[rij.get(veld) for veld, _label in kolommen] for rij in data[code]]
        heeft_gegevens = any(not rij.get("totaal") for rij in data[code])
        tabellen.append(
            {
                "code": code,
                "titel": TITELS[code],
                "uitleg": UITLEG[code],
                "uitleg_per_kolom": UITLEG_PER_KOLOM.get(code, []),
                "kolommen": [label for _veld, label in kolommen],
                # The last row is the total: the template puts it in the table's footer.
                "rijen": rijen[:-1] if heeft_gegevens else [],
                "totaal": rijen[-1] if heeft_gegevens else None,
            }
        )
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
