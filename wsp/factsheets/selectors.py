"""The factsheet's figures, every one an aggregate query (never a loop over rows).

A table is `{"code", "titel", "rijen": [{"naam", "waarde", "vorig_halfjaar", "vorig_jaar",
optional "doel"}]}`; the same figures are computed for the period, the half year before and
the same half year a year earlier, so the number of queries does not depend on the data.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from financien.models import Mutatie
from financien.saldi import saldi
from loket.models import Doorverwijzing, Gesprek, Traject, Vraag
from werkcentrum.models import Arbeidsmarktregio, Gemeente

from .. import selectors_keten
from ..models import Activiteit, Doelstelling, NazorgMoment, Plaatsing, Werkgeversverzoek
from ..regiolijsten import doelgroep_namen

_PERIODE = re.compile(r"^(\d{4})-H([12])$")


@dataclass(frozen=True)
class Periode:
    jaar: int
    helft: int

    @classmethod
    def uit_tekst(cls, tekst: str) -> Periode:
        m = _PERIODE.match(tekst or "")
        if not m:
            raise ValidationError(
                _("Onbekende periode %(p)s: gebruik jaar-H1 of jaar-H2, bijv. 2025-H1."),
                params={"p": tekst},
                code="periode",
            )
        return cls(int(m[1]), int(m[2]))

    @classmethod
    def van_datum(cls, d: date) -> Periode:
        return cls(d.year, 1 if d.month <= 6 else 2)

    def __str__(self) -> str:
        return f"{self.jaar}-H{self.helft}"

    @property
    def van(self) -> date:
        return date(self.jaar, 1 if self.helft == 1 else 7, 1)

    @property
    def tot(self) -> date:
        return date(self.jaar, 6, 30) if self.helft == 1 else date(self.jaar, 12, 31)

    @property
    def vorige(self) -> Periode:
        return Periode(self.jaar, 1) if self.helft == 2 else Periode(self.jaar - 1, 2)

    @property
    def jaar_eerder(self) -> Periode:
        return Periode(self.jaar - 1, self.helft)

    @property
    def label(self) -> str:
        return _("%(helft)s %(jaar)s") % {
            "helft": _("eerste halfjaar") if self.helft == 1 else _("tweede halfjaar"),
            "jaar": self.jaar,
        }


def valideer_periode(periode: Periode, *, vandaag: date, afgelopen: bool = False) -> None:
    """A period in the future is refused; for a snapshot the period must have ended."""
    if periode.van > vandaag:
        raise ValidationError(
            _("De periode %(p)s ligt in de toekomst."), params={"p": str(periode)}, code="toekomst"
        )
    if afgelopen and periode.tot >= vandaag:
        raise ValidationError(
            _("De periode %(p)s is nog niet afgelopen; maak de factsheet na %(tot)s."),
            params={"p": str(periode), "tot": periode.tot.strftime("%d-%m-%Y")},
            code="niet_afgelopen",
        )


def valideer_bereik(van: date, tot: date) -> None:
    if tot < van:
        raise ValidationError(_("De einddatum ligt vóór de begindatum."), code="einde_voor_begin")


def gemeente_in_regio(regio: Arbeidsmarktregio, code_of_pk) -> Gemeente:
    """The gemeente of this regio by CBS code or pk; a clear error for an unknown one."""
    qs = Gemeente.objects.filter(regio=regio)
    tekst = str(code_of_pk)
    gemeente = qs.filter(cbs_code=tekst).first()
    if gemeente is None and tekst.isdigit():
        gemeente = qs.filter(pk=int(tekst)).first()
    if gemeente is None:
        raise ValidationError(
            _("Onbekende gemeente %(g)s in deze regio."), params={"g": tekst}, code="gemeente"
        )
    return gemeente


def _grenzen(van: date, tot: date) -> tuple[datetime, datetime]:
    tz = timezone.get_default_timezone()
    return (
        timezone.make_aware(datetime.combine(van, time.min), tz),
        timezone.make_aware(datetime.combine(tot + timedelta(days=1), time.min), tz),
    )


def _pct(deel: int, geheel: int) -> float | None:
    return round(100 * deel / geheel, 1) if geheel else None


def _figuren(
    regio: Arbeidsmarktregio,
    van: date,
    tot: date,
    *,
    gemeente: Gemeente | None = None,
    doelgroep: str = "",
    cluster: str = "",
    labels: dict[str, str],
) -> dict[str, dict[str, object]]:
    """{table code: {row name: value}} for one period, a fixed number of queries."""
    begin, einde = _grenzen(van, tot)
    plaatsingen = Plaatsing.objects.filter(regio=regio)
    if gemeente:
        plaatsingen = plaatsingen.filter(woongemeente=gemeente)
    if doelgroep:
        plaatsingen = plaatsingen.filter(doelgroep=doelgroep)
    if cluster:
        plaatsingen = plaatsingen.filter(werkgever__sector__cluster__code=cluster)
    in_periode = plaatsingen.filter(startdatum__gte=van, startdatum__lte=tot)
    f: dict[str, dict[str, object]] = {}

    per_dg = dict(in_periode.values_list("doelgroep").annotate(n=Count("pk")).order_by())
    f["doelgroep"] = {str(labels[c]): per_dg.get(c, 0) for c in labels}
    f["doelgroep"][_("Totaal")] = sum(per_dg.values())
    f["uitstroom"] = _uitstroom(in_periode, tot=tot, labels=labels)
    jaar_tot_nu = dict(
        plaatsingen.filter(startdatum__gte=date(van.year, 1, 1), startdatum__lte=tot)
        .values_list("doelgroep")
        .annotate(n=Count("pk"))
        .order_by()
    )
    f["doelgroep_jaar"] = {str(labels[c]): jaar_tot_nu.get(c, 0) for c in labels}
    f["doelgroep_jaar"][_("Totaal")] = sum(jaar_tot_nu.values())

    f["cluster"] = {
        (naam or _("(geen cluster)")): n
        for naam, n in in_periode.values_list("werkgever__sector__cluster__naam")
        .annotate(n=Count("pk"))
        .order_by("werkgever__sector__cluster__volgorde", "werkgever__sector__cluster__naam")
    }
    focus = in_periode.aggregate(
        focus=Count("pk", filter=Q(werkgever__sector__is_focussector=True)), totaal=Count("pk")
    )
    f["focussector"] = {
        _("In een focussector"): focus["focus"],
        _("Overige sectoren"): focus["totaal"] - focus["focus"],
    }
    f["focussector_sector"] = {
        naam: n
        for naam, n in in_periode.filter(werkgever__sector__is_focussector=True)
        .values_list("werkgever__sector__naam")
        .annotate(n=Count("pk"))
        .order_by("werkgever__sector__naam")
    }

    nazorg_qs = NazorgMoment.objects.filter(
        plaatsing__in=plaatsingen, vervaldatum__gte=van, vervaldatum__lte=tot
    )
    nazorg = nazorg_qs.aggregate(
        gepland=Count("pk"),
        afgerond=Count("pk", filter=Q(afgerond_op__isnull=False)),
        op_tijd=Count("pk", filter=Q(afgerond_op__lte=F("vervaldatum"))),
        vijf=Count(
            "pk", filter=Q(soort=NazorgMoment.Soort.VIJF_MAANDEN, afgerond_op__isnull=False)
        ),
        duurzaam=Count(
            "pk",
            filter=Q(
                soort=NazorgMoment.Soort.VIJF_MAANDEN,
                afgerond_op__isnull=False,
                nog_in_dienst=True,
            ),
        ),
    )
    f["nazorg"] = {
        _("Nazorgmomenten gepland"): nazorg["gepland"],
        _("Afgerond"): nazorg["afgerond"],
        _("Op tijd afgerond"): nazorg["op_tijd"],
        _("Op tijd (%)"): _pct(nazorg["op_tijd"], nazorg["gepland"]),
        _("Evaluaties na 5 maanden"): nazorg["vijf"],
        _("Duurzaam geplaatst"): nazorg["duurzaam"],
        _("Duurzaam (%)"): _pct(nazorg["duurzaam"], nazorg["vijf"]),
    }

    if not gemeente:
        soorten = dict(Activiteit.Soort.choices)
        act = {
            r["soort"]: r
            for r in Activiteit.objects.filter(regio=regio, datum__gte=van, datum__lte=tot)
            .values("soort")
            .annotate(
                n=Count("pk"),
                werkgevers=Sum("aantal_werkgevers"),
                werkzoekenden=Sum("aantal_werkzoekenden"),
                plaatsingen=Sum("aantal_plaatsingen"),
            )
            .order_by()
        }
        f["activiteiten"] = {str(soorten[s]): act.get(s, {}).get("n", 0) for s in soorten}
        f["activiteiten_bereik"] = {
            _("Deelnemende werkgevers"): sum(r["werkgevers"] or 0 for r in act.values()),
            _("Deelnemende werkzoekenden"): sum(r["werkzoekenden"] or 0 for r in act.values()),
            _("Plaatsingen na activiteiten"): sum(r["plaatsingen"] or 0 for r in act.values()),
        }
        verzoeken = Werkgeversverzoek.objects.filter(
            regio=regio, ontvangen_op__gte=begin, ontvangen_op__lt=einde
        ).aggregate(
            totaal=Count("pk"), binnen=Count("pk", filter=Q(reactietijd__lte=timedelta(hours=24)))
        )
        f["verzoeken"] = {
            _("Werkgeversverzoeken"): verzoeken["totaal"],
            _("Binnen 24 uur beantwoord"): verzoeken["binnen"],
            _("Binnen 24 uur (%)"): _pct(verzoeken["binnen"], verzoeken["totaal"]),
        }

    gesprekken = Gesprek.objects.filter(regio=regio, datum__gte=van, datum__lte=tot)
    doorverwijzingen = Doorverwijzing.objects.filter(
        regio=regio, verstuurd_op__gte=begin, verstuurd_op__lt=einde
    )
    vragen = Vraag.objects.filter(regio=regio, ontvangen_op__gte=begin, ontvangen_op__lt=einde)
    trajecten = Traject.objects.filter(regio=regio, startdatum__gte=van, startdatum__lte=tot)
    if gemeente:
        gesprekken = gesprekken.filter(woongemeente=gemeente)
        doorverwijzingen = doorverwijzingen.filter(gesprek__woongemeente=gemeente)
        vragen = vragen.filter(gemeente=gemeente)
        trajecten = trajecten.filter(gesprek__woongemeente=gemeente)
    f["gesprekken_locatie"] = {
        (naam or _("(geen locatie)")): n
        for naam, n in gesprekken.values_list("locatie__naam")
        .annotate(n=Count("pk"))
        .order_by("locatie__naam")
    }
    f["gesprekken_doelgroep"] = {
        naam: n
        for naam, n in gesprekken.values_list("doelgroep__naam")
        .annotate(n=Count("pk"))
        .order_by("doelgroep__naam")
    }
    dv = doorverwijzingen.aggregate(
        totaal=Count("pk"),
        gelukt=Count("pk", filter=Q(status=Doorverwijzing.Status.AFGEROND)),
        niet=Count("pk", filter=Q(status=Doorverwijzing.Status.NIET_GELUKT)),
    )
    vr = vragen.aggregate(
        totaal=Count("pk"),
        op_tijd=Count("pk", filter=Q(beantwoord_op__date__lte=F("antwoord_uiterlijk"))),
    )
    f["loket"] = {
        _("Gesprekken"): sum(f["gesprekken_locatie"].values()),
        _("Doorverwijzingen"): dv["totaal"],
        _("Doorverwijzingen gelukt"): dv["gelukt"],
        _("Doorverwijzingen niet gelukt"): dv["niet"],
        _("Succes doorverwijzingen (%)"): _pct(dv["gelukt"], dv["gelukt"] + dv["niet"]),
        _("Vragen"): vr["totaal"],
        _("Vragen op tijd beantwoord"): vr["op_tijd"],
        _("Vragen op tijd (%)"): _pct(vr["op_tijd"], vr["totaal"]),
        _("Trajecten gestart"): trajecten.count(),
    }

    if not gemeente:
        s = saldi(Mutatie.objects.filter(regio=regio, datum__lte=tot))
        f["reserve"] = {
            _("Gestort"): s.gestort,
            _("Verplicht"): s.verplicht,
            _("Gerealiseerd"): s.gerealiseerd,
            _("Saldo"): s.saldo,
            _("Vrij besteedbaar"): s.vrij,
        }
    return f


def _uitstroom(in_periode: QuerySet, *, tot: date, labels: dict) -> dict[str, int]:
    """Uitstroom naar werk per doelgroep (Uitvoeringsplan 5.1): persons, not jobs. A
    kandidaat counts once when a plaatsing of theirs started in the period and still ran at
    its end: no einddatum on or before `tot`, and no nazorg completed by then recording that
    the person had left. See UITSTROOM_TOELICHTING for what this can and cannot say."""
    uit_dienst = NazorgMoment.objects.filter(
        plaatsing=OuterRef("pk"), nog_in_dienst=False, afgerond_op__lte=tot
    )
    werkend = in_periode.filter(Q(einddatum__isnull=True) | Q(einddatum__gt=tot)).exclude(
        Exists(uit_dienst)
    )
    per_dg = dict(
        werkend.values_list("doelgroep").annotate(n=Count("kandidaat", distinct=True)).order_by()
    )
    rijen: dict[str, int] = {str(labels[c]): per_dg.get(c, 0) for c in labels}
    # Distinct over all doelgroepen: someone placed twice (two part-time jobs) is one person.
    rijen[_("Totaal")] = werkend.aggregate(n=Count("kandidaat", distinct=True))["n"]
    return rijen


UITSTROOM_TOELICHTING = (
    "Uitstroom telt personen, geen banen: een kandidaat telt één keer als een plaatsing die in "
    "het halfjaar begon op de laatste dag van het halfjaar nog liep (geen einddatum tot en met "
    "die dag en geen nazorg die vastlegde dat de persoon niet meer in dienst was). Wie twee "
    "banen kreeg, telt één keer; wie in het halfjaar weer uit dienst ging, telt niet mee. De "
    "doelgroep is die van de plaatsing (de uitkering bij de start). Het portaal kent geen "
    "uitkeringsgegevens: of de uitkering helemaal stopte (bij deeltijdwerk soms niet), "
    "bevestigen UWV en gemeente."
)

TITELS = {
    "doelgroep": "Plaatsingen per doelgroep in het halfjaar",
    "uitstroom": "Uitstroom naar werk per doelgroep in het halfjaar (personen)",
    "doelgroep_jaar": "Plaatsingen dit jaar tot en met het halfjaar, tegenover de doelstelling",
    "cluster": "Plaatsingen per cluster",
    "focussector": "Plaatsingen in de focussectoren",
    "focussector_sector": "Plaatsingen per focussector",
    "nazorg": "Nazorg en duurzaamheid",
    "activiteiten": "Events en activiteiten",
    "activiteiten_bereik": "Bereik van events en activiteiten",
    "verzoeken": "Werkgeversverzoeken",
    "gesprekken_locatie": "Loket: gesprekken per locatie",
    "gesprekken_doelgroep": "Loket: gesprekken per doelgroep",
    "loket": "Bereik van het loket",
    "reserve": "Positie van de regionale reserve (euro)",
    "keten": "Warme overdracht: van overdracht tot duurzame plaatsing",
}


def _waarde(v):
    return str(Decimal(v).quantize(Decimal("0.01"))) if isinstance(v, Decimal) else v


def factsheet_cijfers(
    *,
    regio: Arbeidsmarktregio,
    periode: Periode,
    gemeente: Gemeente | None = None,
    doelgroep: str = "",
    cluster: str = "",
    vandaag: date | None = None,
    van: date | None = None,
    tot: date | None = None,
) -> dict:
    """All figures of the factsheet (JSON-ready), each with the half year and the year before.
    The live dashboard may pass its own `van`/`tot` inside the period's year instead; the
    comparisons are then the same dates 6 and 12 months earlier."""
    vandaag = vandaag or timezone.localdate()
    if van or tot:
        van, tot = van or periode.van, tot or periode.tot
        valideer_bereik(van, tot)
        if van > vandaag:
            raise ValidationError(_("De begindatum ligt in de toekomst."), code="toekomst")
        periode = Periode.van_datum(tot)
        reeks = [(van, tot), (_terug(van, 6), _terug(tot, 6)), (_terug(van, 12), _terug(tot, 12))]
    else:
        valideer_periode(periode, vandaag=vandaag)
        reeks = [
            (periode.van, periode.tot),
            (periode.vorige.van, periode.vorige.tot),
            (periode.jaar_eerder.van, periode.jaar_eerder.tot),
        ]
    if gemeente is not None and gemeente.regio_id != regio.pk:
        raise ValidationError(_("Onbekende gemeente in deze regio."), code="gemeente")
    # The regio's own names, deactivated doelgroepen too: the comparisons reach back to
    # periods they were in use.
    labels = doelgroep_namen(regio)
    kw = {"gemeente": gemeente, "doelgroep": doelgroep, "cluster": cluster, "labels": labels}
    nu, vorig, jaar = (_figuren(regio, a, b, **kw) for a, b in reeks)
    keten = None
    if not cluster:  # a handover has no cluster: its figures cannot follow that filter
        ketens = [
            selectors_keten.keten_cijfers(
                regio=regio, van=a, tot=b, gemeente=gemeente, doelgroep=doelgroep
            )
            for a, b in reeks
        ]
        for figuren, k in zip((nu, vorig, jaar), ketens, strict=True):
            figuren["keten"] = {str(lbl): k["totaal"][v] for v, lbl in selectors_keten.FIGUREN}
        keten = ketens[0]

    doelen = _doelen(regio=regio, jaar=periode.jaar, gemeente=gemeente)
    doel_per_naam = {str(labels[c]): doelen.get(c, 0) for c in labels}
    doel_per_naam[_("Totaal")] = sum(doelen.values())
    dagen_jaar = (date(periode.jaar, 12, 31) - date(periode.jaar, 1, 1)).days + 1
    verstreken = (min(reeks[0][1], vandaag) - date(periode.jaar, 1, 1)).days + 1

    tabellen = []
    for code, rijen in nu.items():
        tabel = {"code": code, "titel": _(TITELS[code]), "rijen": []}
        if code == "uitstroom":  # frozen with the figures: how they were counted
            tabel["toelichting"] = _(UITSTROOM_TOELICHTING)
        if code == "keten":  # the half year per source, frozen with how it was counted
            tabel.update(_keten_per_bron(keten))
        for naam, waarde in rijen.items():
            rij = {
                "naam": naam,
                "waarde": _waarde(waarde),
                "vorig_halfjaar": _waarde(vorig.get(code, {}).get(naam, 0)),
                "vorig_jaar": _waarde(jaar.get(code, {}).get(naam, 0)),
            }
            if code == "doelgroep_jaar" and (doelen or not gemeente):
                rij["doel"] = doel_per_naam.get(naam, 0)
                rij["procent_doel"] = _pct(int(waarde), rij["doel"])
            tabel["rijen"].append(rij)
        tabellen.append(tabel)
    return {
        "periode": str(periode),
        "periode_label": periode.label,
        "van": reeks[0][0].isoformat(),
        "tot": reeks[0][1].isoformat(),
        "vorig_halfjaar": str(periode.vorige),
        "vorig_jaar": str(periode.jaar_eerder),
        "gemeente": gemeente.naam if gemeente else None,
        "doelstelling_jaar": doel_per_naam[_("Totaal")],
        "jaar_verstreken_pct": round(100 * verstreken / dagen_jaar, 1),
        "filters": {"doelgroep": doelgroep, "cluster": cluster},
        "tabellen": tabellen,
    }


def _keten_per_bron(keten: dict) -> dict:
    """The chain of the half year per bron, as plain JSON (column headings and texts
    included): a frozen factsheet shows what was counted and said then."""
    return {
        "toelichting": _(
            "Warme overdrachten die in het halfjaar aan het WSP zijn aangeboden, per bron: waar "
            "de persoon vandaan komt (Werkcentrum-loket, UWV, gemeente of re-integratiebedrijf). "
            "Voorgedragen, geplaatst en duurzaam tellen tot de dag waarop deze cijfers zijn "
            "vastgelegd. Het totaal is de som van de bronnen."
        ),
        "per_bron": {
            "kolommen": [str(label) for _v, label in selectors_keten.FIGUREN],
            "rijen": [
                {"naam": r["naam"], "waarden": [r[v] for v in selectors_keten.VELDEN]}
                for r in selectors_keten.als_tabel(keten)
            ],
        },
        "uitleg": [
            [str(label), str(selectors_keten.UITLEG[v])] for v, label in selectors_keten.FIGUREN
        ],
    }


def _doelen(*, regio: Arbeidsmarktregio, jaar: int, gemeente: Gemeente | None) -> dict:
    """{doelgroep: aantal} of the regio's own targets, or of the gemeente's for a gemeente
    factsheet (empty when the gemeente has none; the regio's would not be its target)."""
    return dict(
        Doelstelling.objects.filter(regio=regio, jaar=jaar, gemeente=gemeente)
        .values_list("doelgroep", "aantal")
        .order_by()
    )


def _terug(d: date, maanden: int) -> date:
    """The same day `maanden` months earlier (the last day of a shorter month)."""
    jaar, maand = divmod(d.year * 12 + d.month - 1 - maanden, 12)
    return date(jaar, maand + 1, min(d.day, calendar.monthrange(jaar, maand + 1)[1]))


def factsheets_voor(*, user, regio=None):
    from ..models import Factsheet

    qs = Factsheet.objects.voor(user).select_related("gemeente", "gemaakt_door")
    if not user.heeft_rol("wsp_manager") and not user.is_superuser:
        qs = qs.filter(gepubliceerd=True)
    return qs


def ontvangers_voor(*, user):
    """The factsheet recipients of the user's regio: the regio's own (gemeente empty) first,
    then per gemeente, by name."""
    from ..factsheet_models import FactsheetOntvanger

    return (
        FactsheetOntvanger.objects.voor(user)
        .select_related("gemeente")
        .order_by(F("gemeente__naam").asc(nulls_first=True), "naam", "pk")
    )
