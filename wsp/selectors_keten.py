"""Chain figures of the warme overdracht (issue 23, point 6): from handover to duurzame
plaatsing, per source. One grouped query whatever the number of handovers; the totals are the
sum of the sources (every handover has exactly one bron). Aggregates only, no personal data,
so the loket dashboard, the WSP pages and the factsheet all show the same figures."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkcentrum.models import Arbeidsmarktregio, Gemeente, Medewerker

from .models import Overdracht, Plaatsing, Voordracht
from .selectors import _duurzaam

# The figures in chain order: (key, column heading).
FIGUREN: list[tuple[str, object]] = [
    ("overgedragen", _("Overgedragen")),
    ("aangenomen", _("Aangenomen")),
    ("teruggegeven", _("Teruggegeven")),
    ("voorgedragen", _("Voorgedragen")),
    ("geplaatst", _("Geplaatst")),
    ("duurzaam", _("Duurzaam")),
]
VELDEN = [veld for veld, _label in FIGUREN]

# "Hoe berekend", per figure: shown under the table on every page that shows it.
UITLEG: dict[str, object] = {
    "overgedragen": _(
        "Alle warme overdrachten die in de periode aan het WSP zijn aangeboden (datum van "
        "aanbieden, Nederlandse tijd), wat er ook van werd: ook de teruggegeven, de nog open "
        "en die waarvoor de toestemming is ingetrokken."
    ),
    "aangenomen": _(
        "Daarvan aangenomen door het WSP: er is een kandidaat van gemaakt. Een teruggegeven "
        "overdracht telt hier niet."
    ),
    "teruggegeven": _("Daarvan door het WSP teruggegeven aan wie aanbood, met een reden."),
    "voorgedragen": _(
        "Aangenomen overdrachten waarvan de kandidaat minstens één keer is voorgedragen op "
        "een vacature (tot vandaag). Twee voordrachten van dezelfde kandidaat tellen één keer."
    ),
    "geplaatst": _(
        "Aangenomen overdrachten waarvan de kandidaat een plaatsing heeft (tot vandaag). Twee "
        "plaatsingen van dezelfde kandidaat tellen één keer."
    ),
    "duurzaam": _(
        "Aangenomen overdrachten waarvan de nazorg na 5 maanden is afgerond en bevestigde dat "
        "de kandidaat nog in dienst is. Plaatsingen die nog geen 5 maanden lopen tellen (nog) "
        "niet mee."
    ),
}
UITLEG_ALGEMEEN = _(
    "Per bron: waar de persoon vandaan komt (Werkcentrum-loket, UWV, gemeente of "
    "re-integratiebedrijf). Het totaal is de som van de bronnen. Alleen overdrachten in je "
    "regio; met een gemeente gekozen alleen personen met die woongemeente."
)


def _grenzen(van: date, tot: date) -> tuple[datetime, datetime]:
    """[begin, end) of the period in the portal's time zone (Europe/Amsterdam): a handover
    at 23:30 on 31 December local time belongs to December, not to January as in UTC. The
    timestamp column is compared as is, so its index stays usable."""
    tz = timezone.get_default_timezone()
    return (
        datetime.combine(van, time.min, tzinfo=tz),
        datetime.combine(tot + timedelta(days=1), time.min, tzinfo=tz),
    )


def _tellen(
    overdrachten: QuerySet[Overdracht],
    *,
    van: date,
    tot: date,
    gemeente: Gemeente | None,
    doelgroep: str,
) -> dict:
    begin, eind = _grenzen(van, tot)
    qs = overdrachten.filter(aangeboden_op__gte=begin, aangeboden_op__lt=eind)
    if gemeente is not None:
        qs = qs.filter(woongemeente=gemeente)
    if doelgroep:
        qs = qs.filter(doelgroep=doelgroep)
    # Acceptance makes the kandidaat (and only acceptance): the chain after it hangs on it.
    aangenomen = Q(kandidaat__isnull=False)
    voordracht = Exists(Voordracht.objects.filter(kandidaat=OuterRef("kandidaat")))
    plaatsing = Plaatsing.objects.filter(kandidaat=OuterRef("kandidaat"))
    per_bron = {
        r["bron"]: r
        for r in qs.values("bron")
        .annotate(
            overgedragen=Count("pk"),
            aangenomen=Count("pk", filter=aangenomen),
            teruggegeven=Count("pk", filter=Q(status=Overdracht.Status.TERUGGEGEVEN)),
            voorgedragen=Count("pk", filter=aangenomen & Q(voordracht)),
            geplaatst=Count("pk", filter=aangenomen & Q(Exists(plaatsing))),
            # The one duurzaam rule of the WSP (wsp.selectors._duurzaam), per plaatsing.
            duurzaam=Count("pk", filter=aangenomen & Q(Exists(plaatsing.filter(_duurzaam())))),
        )
        .order_by()
    }
    rijen = []
    for bron, label in Overdracht.Bron.choices:
        r = per_bron.get(bron, {})
        rijen.append({"bron": bron, "naam": str(label), **{v: r.get(v, 0) for v in VELDEN}})
    totaal = {"bron": "", "naam": str(_("Totaal")), "totaal": True}
    totaal.update({v: sum(r[v] for r in rijen) for v in VELDEN})
    return {"van": van, "tot": tot, "rijen": rijen, "totaal": totaal}


def keten_cijfers(
    *,
    regio: Arbeidsmarktregio,
    van: date,
    tot: date,
    gemeente: Gemeente | None = None,
    doelgroep: str = "",
) -> dict:
    """The chain figures of one regio for handovers offered from `van` to `tot` (inclusive,
    local dates): {"rijen": one row per bron (all four, also at zero), "totaal": the sum}.
    Each row holds `naam`, `bron` and the VELDEN. One query."""
    return _tellen(
        Overdracht.objects.in_regio(regio), van=van, tot=tot, gemeente=gemeente, doelgroep=doelgroep
    )


def keten_cijfers_voor(
    *, user: Medewerker, van: date, tot: date, gemeente: Gemeente | None = None
) -> dict:
    """The same for the user's regio (the platform superuser: all regio's), for the
    dashboards. Aggregates of the whole regio: the coordinator sees the partners' sources
    too, as counts only."""
    return _tellen(Overdracht.objects.voor(user), van=van, tot=tot, gemeente=gemeente, doelgroep="")


def als_tabel(cijfers: dict) -> list[dict]:
    """The rows followed by the total row (marked `totaal`), as the dashboard tables and the
    exports take them."""
    return [*cijfers["rijen"], cijfers["totaal"]]
