"""One person, one story (issue 23): the timeline of a person across the loket and the WSP.

Built from a Kandidaat (the WSP's full story) or from an Overdracht (what the one who offered
may see: the loket part and the chain status only, no werkgever names or WSP notes). Every
record of the chain is read in a fixed number of queries (prefetch), whatever the length of
the story; the events come out in time order, in Amsterdam time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.db.models import Max, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from loket.models import Doorverwijzing, DoorverwijzingStap, Traject

from .models import Kandidaat, NazorgMoment, Overdracht, Plaatsing, Voordracht
from .selectors import Ketenstatus

LOKET = "loket"
WSP = "wsp"


@dataclass
class Gebeurtenis:
    """One moment of the story. `alleen_datum`: the source holds a day, not a time."""

    tijdstip: datetime
    soort: str
    titel: str
    deel: str
    regels: list[str] = field(default_factory=list)
    url: str = ""
    alleen_datum: bool = False
    volgorde: int = 0


@dataclass
class Tijdlijn:
    gebeurtenissen: list[Gebeurtenis]
    # The records shown, for the audit event naming them.
    records: list = field(default_factory=list)
    toestemming_ingetrokken_op: datetime | None = None
    ketenstatus: list[tuple[str, date | None]] = field(default_factory=list)


def _url(naam: str, pk: int) -> str:
    """A link to a page of the chain; empty while that page does not exist (yet)."""
    try:
        return reverse(naam, args=[pk])
    except NoReverseMatch:
        return ""


def ingetrokken_op(*, doorverwijzing=None, gesprek_id: int | None = None) -> datetime | None:
    """When the person of a loket record withdrew consent at the WSP (one query): the loket
    shows it on the record, as every holder in the chain does."""
    filter_ = Q(pk__in=[])
    if doorverwijzing is not None:
        filter_ |= Q(doorverwijzing=doorverwijzing)
        gesprek_id = gesprek_id or doorverwijzing.gesprek_id
    if gesprek_id:
        filter_ |= Q(gesprek_id=gesprek_id)
    return Overdracht.objects.filter(filter_).aggregate(
        op=Max(Coalesce("toestemming_ingetrokken_op", "kandidaat__toestemming_ingetrokken_op"))
    )["op"]


def _tijd(waarde: datetime | date) -> tuple[datetime, bool]:
    """An aware datetime in Amsterdam time; a date becomes the start of that day."""
    if isinstance(waarde, datetime):
        return timezone.localtime(waarde), False
    return timezone.make_aware(datetime.combine(waarde, time.min)), True


def _gebeurtenis(waarde, **kwargs) -> Gebeurtenis:
    tijdstip, alleen_datum = _tijd(waarde)
    return Gebeurtenis(tijdstip=tijdstip, alleen_datum=alleen_datum, **kwargs)


# --- the queries -------------------------------------------------------------------------------


def _overdrachten(qs: QuerySet[Overdracht]) -> QuerySet[Overdracht]:
    """Handovers with their loket origin: the gesprek (its themes, its other referrals and
    trajecten), the referral with its steps, the traject. A constant number of queries."""
    doorverwijzingen = Doorverwijzing.objects.select_related(
        "dienst", "organisatie"
    ).prefetch_related(
        Prefetch("stappen", queryset=DoorverwijzingStap.objects.order_by("tijdstip", "pk"))
    )
    trajecten = Traject.objects.select_related("aanbieder")
    return qs.select_related(
        "organisatie",
        "gesprek__locatie",
        "doorverwijzing__dienst",
        "doorverwijzing__organisatie",
        "traject__aanbieder",
    ).prefetch_related(
        "gesprek__themas",
        Prefetch("gesprek__doorverwijzingen", queryset=doorverwijzingen),
        Prefetch("gesprek__trajecten", queryset=trajecten),
        Prefetch(
            "doorverwijzing__stappen",
            queryset=DoorverwijzingStap.objects.order_by("tijdstip", "pk"),
        ),
    )


def _kandidaat_qs() -> QuerySet[Kandidaat]:
    return Kandidaat.objects.prefetch_related(
        Prefetch(
            "overdrachten",
            queryset=_overdrachten(Overdracht.objects.order_by("aangeboden_op", "pk")),
        ),
        Prefetch(
            "voordrachten",
            queryset=Voordracht.objects.select_related("vacature__werkgever").order_by(
                "voorgesteld_op", "pk"
            ),
        ),
        Prefetch(
            "plaatsingen",
            queryset=Plaatsing.objects.select_related("werkgever")
            .prefetch_related(
                Prefetch("nazorgmomenten", queryset=NazorgMoment.objects.order_by("vervaldatum"))
            )
            .order_by("startdatum", "pk"),
        ),
    )


# --- the loket part ----------------------------------------------------------------------------


def _loket(overdrachten: list[Overdracht], *, links: bool) -> tuple[list[Gebeurtenis], list]:
    """The gesprek (anonymous: date, location, themes), the referrals and trajecten the
    handovers came from, each once."""
    uit: list[Gebeurtenis] = []
    records: list = []
    gesprekken, doorverwijzingen, trajecten = {}, {}, {}
    for o in overdrachten:
        if o.gesprek is not None:
            gesprekken[o.gesprek.pk] = o.gesprek
            for dv in o.gesprek.doorverwijzingen.all():
                doorverwijzingen.setdefault(dv.pk, dv)
            for t in o.gesprek.trajecten.all():
                trajecten.setdefault(t.pk, t)
        if o.doorverwijzing is not None:
            doorverwijzingen[o.doorverwijzing.pk] = o.doorverwijzing
        if o.traject is not None:
            trajecten[o.traject.pk] = o.traject
    for g in gesprekken.values():
        regels = []
        if g.locatie is not None:
            regels.append(_("Locatie: %(l)s") % {"l": g.locatie})
        regels.append(_("Kanaal: %(k)s") % {"k": g.get_kanaal_display()})
        themas = ", ".join(str(t) for t in g.themas.all())
        if themas:
            regels.append(_("Thema's: %(t)s") % {"t": themas})
        uit.append(
            _gebeurtenis(
                g.datum,
                soort=_("Gesprek op het loket"),
                titel=g.get_uitkomst_display(),
                deel=LOKET,
                regels=regels,
                url=_url("loket:gesprek", g.pk) if links else "",
            )
        )
    for dv in doorverwijzingen.values():
        records.append(dv)
        stappen = [
            f"{timezone.localtime(s.tijdstip):%d-%m-%Y %H:%M} {s.get_status_display()}"
            for s in dv.stappen.all()
        ]
        uit.append(
            _gebeurtenis(
                dv.verstuurd_op,
                soort=_("Warme doorverwijzing"),
                titel=_("%(dienst)s (%(org)s): %(status)s")
                % {
                    "dienst": dv.dienst.naam,
                    "org": dv.organisatie,
                    "status": dv.get_status_display(),
                },
                deel=LOKET,
                regels=stappen,
                url=_url("loket:doorverwijzing", dv.pk) if links else "",
                volgorde=1,
            )
        )
    for t in trajecten.values():
        records.append(t)
        uit.append(
            _gebeurtenis(
                t.startdatum,
                soort=_("Traject"),
                titel=_("%(soort)s bij %(aanbieder)s: %(status)s")
                % {
                    "soort": t.get_soort_display(),
                    "aanbieder": t.aanbieder,
                    "status": t.get_status_display(),
                },
                deel=LOKET,
                url=_url("loket:traject", t.pk) if links else "",
                volgorde=2,
            )
        )
    return uit, records


def _overdracht_gebeurtenissen(o: Overdracht, *, url: str) -> list[Gebeurtenis]:
    uit = [
        _gebeurtenis(
            o.aangeboden_op,
            soort=_("Warme overdracht"),
            titel=_("Aangeboden aan het WSP door %(org)s") % {"org": o.organisatie},
            deel=LOKET,
            url=url,
            volgorde=3,
        )
    ]
    if o.beoordeeld_op is not None:
        if o.status == Overdracht.Status.TERUGGEGEVEN:
            titel = _("Teruggegeven door het WSP")
            regels = [_("Reden: %(r)s") % {"r": o.reden_teruggave}]
        else:
            titel, regels = _("Aangenomen door het WSP"), []
        uit.append(
            _gebeurtenis(
                o.beoordeeld_op,
                soort=_("Warme overdracht"),
                titel=titel,
                deel=WSP,
                regels=regels,
                url=url,
                volgorde=4,
            )
        )
    return uit


def _ingetrokken(op: datetime) -> Gebeurtenis:
    return _gebeurtenis(
        op,
        soort=_("Toestemming"),
        titel=_("Toestemming ingetrokken: er wordt niets meer met de gegevens gedaan"),
        deel=WSP,
        volgorde=9,
    )


def _gesorteerd(items: list[Gebeurtenis]) -> list[Gebeurtenis]:
    return sorted(items, key=lambda g: (g.tijdstip, g.volgorde))


# --- the two stories ---------------------------------------------------------------------------


def kandidaat_tijdlijn(kandidaat: Kandidaat) -> Tijdlijn:
    """The WSP's full story of the person: loket, handovers, voordrachten (vacature,
    werkgever, status), plaatsingen and their nazorg (2 and 5 months, outcome)."""
    k = _kandidaat_qs().get(pk=kandidaat.pk)
    overdrachten = list(k.overdrachten.all())
    items, records = _loket(overdrachten, links=False)
    records += overdrachten
    for o in overdrachten:
        items += _overdracht_gebeurtenissen(o, url=_url("wsp:overdracht", o.pk))
    for vd in k.voordrachten.all():
        regels = [_("Status: %(s)s") % {"s": vd.get_status_display()}]
        if vd.afwijsreden:
            regels.append(_("Reden: %(r)s") % {"r": vd.afwijsreden})
        items.append(
            _gebeurtenis(
                vd.voorgesteld_op,
                soort=_("Voordracht"),
                titel=_("%(functie)s bij %(werkgever)s")
                % {"functie": vd.vacature.functie, "werkgever": vd.vacature.werkgever.naam},
                deel=WSP,
                regels=regels,
                url=vd.vacature.get_absolute_url(),
                volgorde=5,
            )
        )
    for p in k.plaatsingen.all():
        regels = [p.get_contractvorm_display()]
        if p.einddatum:
            regels.append(_("Tot %(d)s") % {"d": f"{p.einddatum:%d-%m-%Y}"})
        items.append(
            _gebeurtenis(
                p.startdatum,
                soort=_("Plaatsing"),
                titel=_("Aan het werk bij %(werkgever)s") % {"werkgever": p.werkgever.naam},
                deel=WSP,
                regels=regels,
                url=p.get_absolute_url(),
                volgorde=6,
            )
        )
        for m in p.nazorgmomenten.all():
            if m.afgerond_op:
                regels = [m.get_uitkomst_display()] if m.uitkomst else []
                if m.nog_in_dienst is not None:
                    regels.append(
                        _("Nog in dienst") if m.nog_in_dienst else _("Niet meer in dienst")
                    )
                titel = _("%(soort)s: afgerond") % {"soort": m.get_soort_display()}
                wanneer = m.afgerond_op
            else:
                regels = []
                titel = _("%(soort)s: gepland, uiterlijk %(d)s") % {
                    "soort": m.get_soort_display(),
                    "d": f"{m.vervaldatum:%d-%m-%Y}",
                }
                wanneer = m.vervaldatum
            items.append(
                _gebeurtenis(
                    wanneer, soort=_("Nazorg"), titel=titel, deel=WSP, regels=regels, volgorde=7
                )
            )
    if k.toestemming_ingetrokken_op:
        items.append(_ingetrokken(k.toestemming_ingetrokken_op))
    return Tijdlijn(
        gebeurtenissen=_gesorteerd(items),
        records=records,
        toestemming_ingetrokken_op=k.toestemming_ingetrokken_op,
    )


DUURZAAM = "duurzaam"
KETENSTAPPEN = (
    ("aangeboden", _("Overgedragen")),
    ("aangenomen", _("Aangenomen door het WSP")),
    (Ketenstatus.VOORGEDRAGEN, _("Voorgedragen")),
    (Ketenstatus.GEPLAATST, _("Geplaatst")),
    (DUURZAAM, _("Duurzaam: na 5 maanden nog aan het werk")),
)


def ketenstappen(
    overdracht: Overdracht, kandidaat: Kandidaat | None
) -> list[tuple[str, date | None]]:
    """[(label, date reached or None)]: how far the chain got, without saying where."""
    bereikt: dict[str, date | None] = {
        "aangeboden": timezone.localdate(overdracht.aangeboden_op),
        "aangenomen": None,
        Ketenstatus.VOORGEDRAGEN: None,
        Ketenstatus.GEPLAATST: None,
        DUURZAAM: None,
    }
    if kandidaat is not None and overdracht.beoordeeld_op:
        bereikt["aangenomen"] = timezone.localdate(overdracht.beoordeeld_op)
        voordrachten = [timezone.localdate(v.voorgesteld_op) for v in kandidaat.voordrachten.all()]
        plaatsingen = list(kandidaat.plaatsingen.all())
        if voordrachten:
            bereikt[Ketenstatus.VOORGEDRAGEN] = min(voordrachten)
        if plaatsingen:
            bereikt[Ketenstatus.GEPLAATST] = min(p.startdatum for p in plaatsingen)
        duurzaam = [
            m.afgerond_op
            for p in plaatsingen
            for m in p.nazorgmomenten.all()
            if m.soort == NazorgMoment.Soort.VIJF_MAANDEN and m.nog_in_dienst and m.afgerond_op
        ]
        if duurzaam:
            bereikt[DUURZAAM] = min(duurzaam)
    return [(str(label), bereikt[code]) for code, label in KETENSTAPPEN]


def overdracht_tijdlijn(overdracht: Overdracht) -> Tijdlijn:
    """What the one who offered sees: the loket part with links, the handover and how far the
    chain got (handed over, accepted, voorgedragen, geplaatst, duurzaam) with dates only; no
    werkgever, vacature or WSP notes."""
    o = _overdrachten(Overdracht.objects.filter(pk=overdracht.pk)).get()
    kandidaat = None
    if o.kandidaat_id:
        kandidaat = (
            Kandidaat.objects.filter(pk=o.kandidaat_id)
            .prefetch_related(
                Prefetch(
                    "voordrachten",
                    queryset=Voordracht.objects.only("pk", "kandidaat_id", "voorgesteld_op"),
                ),
                Prefetch(
                    "plaatsingen",
                    queryset=Plaatsing.objects.only(
                        "pk", "kandidaat_id", "startdatum"
                    ).prefetch_related("nazorgmomenten"),
                ),
            )
            .only("pk", "toestemming_ingetrokken_op")
            .get()
        )
    items, records = _loket([o], links=True)
    url = _url("loket:overdracht", o.pk)
    items += _overdracht_gebeurtenissen(o, url=url)
    stappen = ketenstappen(o, kandidaat)
    for (code, _label), (tekst, datum) in zip(KETENSTAPPEN, stappen, strict=True):
        if code in ("aangeboden", "aangenomen") or datum is None:
            continue
        items.append(_gebeurtenis(datum, soort=_("Keten"), titel=tekst, deel=WSP, volgorde=8))
    ingetrokken = o.toestemming_ingetrokken_op or (
        kandidaat.toestemming_ingetrokken_op if kandidaat else None
    )
    if ingetrokken:
        items.append(_ingetrokken(ingetrokken))
    return Tijdlijn(
        gebeurtenissen=_gesorteerd(items),
        records=records,
        toestemming_ingetrokken_op=ingetrokken,
        ketenstatus=stappen,
    )
