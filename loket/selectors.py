"""Reads of the loket: scoped to the user (staff) or to the visited regio (public)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from statistics import median

from django.db import connection
from django.db.models import (
    Aggregate,
    CharField,
    Count,
    DateField,
    DurationField,
    ExpressionWrapper,
    F,
    Prefetch,
    Q,
    QuerySet,
    Value,
)
from django.db.models.functions import TruncMonth
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from werkcentrum.models import Arbeidsmarktregio, Locatie, Medewerker, Openingstijd
from werkcentrum.tenancy import get_scoped_or_404
from werkcentrum.werkdagen import feestdagen

from .models import (
    Dienst,
    Doorverwijzing,
    DoorverwijzingStap,
    Gesprek,
    Informatiepagina,
    Sluiting,
    Traject,
    Vraag,
)

# The doelgroep of a visitor whose situation the gids does not know.
ONBEKEND = "onbekend"

# --- Public --------------------------------------------------------------------------------


def informatiepaginas(*, regio: Arbeidsmarktregio, rubriek: str | None = None) -> QuerySet:
    qs = Informatiepagina.objects.in_regio(regio).filter(gepubliceerd=True)
    return qs.filter(rubriek=rubriek) if rubriek else qs


def informatiepagina(*, regio: Arbeidsmarktregio, slug: str) -> Informatiepagina:
    return get_object_or_404(informatiepaginas(regio=regio), slug=slug)


@dataclass(frozen=True)
class Sessie:
    locatie: Locatie
    datum: date
    begintijd: time
    eindtijd: time


def spreekuurlocaties(*, regio: Arbeidsmarktregio, vandaag: date) -> QuerySet:
    return (
        Locatie.objects.in_regio(regio)
        .filter(actief=True)
        .select_related("gemeente")
        .prefetch_related(
            Prefetch(
                "openingstijden", queryset=Openingstijd.objects.order_by("weekdag", "begintijd")
            ),
            Prefetch(
                "sluitingen",
                queryset=Sluiting.objects.filter(
                    datum__gte=vandaag, datum__lte=vandaag + timedelta(days=27)
                ).order_by("datum"),
                to_attr="komende_sluitingen",
            ),
        )
        .order_by("naam")
    )


def komende_sessies(locaties, *, vandaag: date, dagen: int = 28) -> list[Sessie]:
    """Every weekly spreekuur in the coming `dagen` days, minus the Dutch public holidays and
    the locations' own closed dates. Works on the prefetched locaties of `spreekuurlocaties`
    (no extra queries)."""
    sessies = []
    for locatie in locaties:
        gesloten = {s.datum for s in locatie.komende_sluitingen}
        for i in range(dagen):
            dag = vandaag + timedelta(days=i)
            if dag in gesloten or dag in feestdagen(dag.year):
                continue
            for tijd in locatie.openingstijden.all():
                if tijd.weekdag == dag.isoweekday():
                    sessies.append(Sessie(locatie, dag, tijd.begintijd, tijd.eindtijd))
    return sorted(sessies, key=lambda s: (s.datum, s.begintijd, s.locatie.naam))


def open_vandaag(sessies: list[Sessie], *, vandaag: date) -> dict[int, list[Sessie]]:
    """Per locatie id, today's spreekuren (holidays and closures already left out)."""
    vandaag_open: dict[int, list[Sessie]] = {}
    for sessie in sessies:
        if sessie.datum == vandaag:
            vandaag_open.setdefault(sessie.locatie.pk, []).append(sessie)
    return vandaag_open


def publieke_diensten(
    *, regio: Arbeidsmarktregio, thema=None, doelgroep=None, gemeente=None
) -> QuerySet:
    qs = Dienst.objects.in_regio(regio).filter(
        gepubliceerd=True, actief=True, organisatie__actief=True
    )
    return _dienst_filters(qs, thema=thema, doelgroep=doelgroep, gemeente=gemeente)


def _dienst_filters(
    qs: QuerySet, *, thema=None, doelgroep=None, gemeente=None, zoek: str = ""
) -> QuerySet:
    if thema:
        qs = qs.filter(themas=thema)
    if doelgroep:
        # A dienst without doelgroepen is meant for everyone: it fits every situation.
        qs = qs.filter(Q(doelgroepen=doelgroep) | Q(doelgroepen=None))
    if gemeente:
        qs = qs.filter(Q(gemeenten=gemeente) | Q(gemeenten=None))
    if zoek:
        qs = qs.filter(
            Q(naam__icontains=zoek)
            | Q(omschrijving__icontains=zoek)
            | Q(organisatie__naam__icontains=zoek)
        )
    return (
        qs.distinct()
        .select_related("organisatie")
        .prefetch_related("themas", "doelgroepen", "gemeenten")
        .order_by("organisatie__naam", "naam")
    )


# --- Staff ---------------------------------------------------------------------------------


def diensten_voor(
    *,
    user: Medewerker,
    thema=None,
    doelgroep=None,
    gemeente=None,
    zoek: str = "",
    alleen_actief=True,
) -> QuerySet:
    qs = Dienst.objects.voor(user)
    if alleen_actief:
        qs = qs.filter(actief=True)
    return _dienst_filters(qs, thema=thema, doelgroep=doelgroep, gemeente=gemeente, zoek=zoek)


def dienst_suggesties(*, user: Medewerker, themas, doelgroep, woongemeente=None) -> QuerySet:
    """Services matching any chosen thema, for the doelgroep (or for everyone) and offered in
    the visitor's woongemeente (or the whole regio), best first. An unknown doelgroep
    ('onbekend') or woongemeente does not narrow the list: the gids still gets suggestions."""
    qs = Dienst.objects.voor(user).filter(actief=True, themas__in=themas)
    if doelgroep is not None and doelgroep.code != ONBEKEND:
        qs = qs.filter(Q(doelgroepen=doelgroep) | Q(doelgroepen=None))
    if woongemeente is not None:
        qs = qs.filter(Q(gemeenten=woongemeente) | Q(gemeenten=None))
    return (
        qs.annotate(treffers=Count("themas", distinct=True))
        .select_related("organisatie")
        .order_by("-treffers", "naam")[:8]
    )


def vragen_voor(*, user: Medewerker) -> QuerySet:
    return Vraag.objects.voor(user).select_related(
        "thema", "gemeente", "toegewezen_aan", "van_organisatie"
    )


def vraag_voor(*, user: Medewerker, pk: int) -> Vraag:
    return get_scoped_or_404(vragen_voor(user=user), user, pk=pk)


def doorverwijzingen_voor(*, user: Medewerker) -> QuerySet:
    """A partnermedewerker sees only referrals to their own organisation; gidsen and
    coordinators see the regio's."""
    qs = Doorverwijzing.objects.voor(user).select_related(
        "dienst", "organisatie", "verwezen_door", "werkgever"
    )
    if user.is_superuser or user.heeft_rol("gids", "coordinator"):
        return qs
    if user.heeft_rol("partnermedewerker") and user.organisatie_id:
        return qs.filter(organisatie_id=user.organisatie_id)
    return qs.none()


def doorverwijzing_voor(*, user: Medewerker, pk: int) -> Doorverwijzing:
    qs = (
        doorverwijzingen_voor(user=user)
        .select_related("woongemeente")
        .prefetch_related(
            Prefetch("stappen", queryset=DoorverwijzingStap.objects.select_related("door"))
        )
    )
    return get_scoped_or_404(qs, user, pk=pk)


def mag_doorverwijzing_zien(user: Medewerker, *, verwezen_door_id: int | None) -> bool:
    """Within the WSP, the one rule for who follows a werknemer's referral (the regio is the
    caller's scoping): the adviseur who made it and every wsp_manager."""
    if user.is_superuser or user.heeft_rol("wsp_manager"):
        return True
    return user.heeft_rol("wsp_adviseur") and verwezen_door_id == user.pk


def doorverwijzingen_wsp_voor(*, user: Medewerker) -> QuerySet:
    """The warme doorverwijzingen the WSP made for werkgevers' werknemers, as
    `mag_doorverwijzing_zien` allows: an adviseur's own, all of the regio for a wsp_manager.
    Recognised by their aanleiding, so a referral stays listed when its werkgever is gone."""
    qs = (
        Doorverwijzing.objects.voor(user)
        .exclude(aanleiding="")
        .select_related("dienst", "organisatie", "werkgever")
    )
    if user.is_superuser or user.heeft_rol("wsp_manager"):
        return qs
    if user.heeft_rol("wsp_adviseur"):
        return qs.filter(verwezen_door=user)
    return qs.none()


def doorverwijzing_wsp_voor(*, user: Medewerker, pk: int) -> Doorverwijzing:
    qs = doorverwijzingen_wsp_voor(user=user).select_related(
        "verwezen_door", "toestemming_door", "woongemeente"
    )
    qs = qs.prefetch_related(
        Prefetch("stappen", queryset=DoorverwijzingStap.objects.select_related("door"))
    )
    return get_scoped_or_404(qs, user, pk=pk)


def gesprekken_voor(*, user: Medewerker) -> QuerySet:
    return (
        Gesprek.objects.voor(user)
        .select_related("locatie", "doelgroep", "woongemeente", "bezoekcode", "gids")
        .prefetch_related("themas")
    )


def gesprekkenlijst_voor(*, user: Medewerker) -> QuerySet:
    """The list's columns only: no woongemeente, bezoekcode or gids joins, and the themas as a
    plain list (`thema_lijst`) so a row does not build a manager and queryset to show them."""
    return (
        Gesprek.objects.voor(user)
        .select_related("locatie", "doelgroep")
        .prefetch_related(Prefetch("themas", to_attr="thema_lijst"))
    )


def trajecten_voor(*, user: Medewerker) -> QuerySet:
    return Traject.objects.voor(user).select_related("aanbieder")


# --- Dashboard -----------------------------------------------------------------------------


# The gesprekken tables in one statement: one grouped arm per table, glued with UNION ALL
# (portable, unlike GROUPING SETS). `maand` is only filled in the month arm, `naam` in the
# others; ordering by maand first keeps the months in order and the rest by count.
_GESPREK_TABELLEN = {
    "locatie": "locatie__naam",
    "kanaal": "kanaal",
    "doelgroep": "doelgroep__naam",
    "thema": "themas__naam",
    "woongemeente": "woongemeente__naam",
    "leeftijd": "leeftijdscategorie",
}
# Tables whose stored value is a choice: the row shows its label.
_KEUZES = {"kanaal": Gesprek.Kanaal, "leeftijd": Gesprek.Leeftijd}


def maandnaam(maand: date) -> str:
    """'januari 2026' (in the active language)."""
    return date_format(maand, "F Y")


def _totaal(rijen: list[dict], **waarden) -> list[dict]:
    """The rows with their total row (`totaal` marks it) at the end."""
    return [*rijen, {"naam": _("Totaal"), "totaal": True, **waarden}]


def _gesprekken_per(gesprekken: QuerySet) -> dict[str, list[dict]]:
    gesprekken = gesprekken.order_by()  # no ORDER BY inside the arms of a UNION
    maand = gesprekken.values(
        tabel=Value("maand"), naam=Value(None, CharField()), maand=TruncMonth("datum")
    ).annotate(aantal=Count("pk"))
    armen = [
        gesprekken.values(
            tabel=Value(tabel), naam=F(veld), maand=Value(None, DateField())
        ).annotate(
            # A plain count: the themas join holds each (gesprek, thema) once, and a DISTINCT
            # count made PostgreSQL sort all pairs (half the time of the whole statement).
            aantal=Count("pk")
        )
        for tabel, veld in _GESPREK_TABELLEN.items()
    ]
    tabellen: dict[str, list[dict]] = {tabel: [] for tabel in (*_GESPREK_TABELLEN, "maand")}
    labels = {tabel: dict(keuzes.choices) for tabel, keuzes in _KEUZES.items()}
    # The row without a value ("(geen)") last among equal counts, on every database.
    volgorde = ("tabel", "maand", "-aantal", F("naam").asc(nulls_last=True))
    for r in maand.union(*armen, all=True).order_by(*volgorde):
        if r["tabel"] == "maand":
            naam = maandnaam(r["maand"])
        elif r["tabel"] in labels:
            naam = labels[r["tabel"]].get(r["naam"], r["naam"])
        elif r["tabel"] == "woongemeente" and r["naam"] is None:
            naam = _("(buiten de regio of onbekend)")
        else:
            naam = r["naam"] or _("(geen)")
        tabellen[r["tabel"]].append({"naam": naam, "aantal": r["aantal"]})
    # Every gesprek is in exactly one month: that sum is the number of gesprekken, also for
    # the thema table (a gesprek with two themas is in two of its rows).
    totaal = sum(r["aantal"] for r in tabellen["maand"])
    return {tabel: _totaal(rijen, aantal=totaal) for tabel, rijen in tabellen.items()}


def dashboard(*, user: Medewerker, van: date, tot: date) -> dict[str, list[dict]]:
    """All tables of the loket dashboard, aggregated in SQL, for the user's regio: three
    queries (four on databases without a median aggregate). Each table ends with its total
    row (marked `totaal`)."""
    gesprekken = Gesprek.objects.voor(user).filter(datum__gte=van, datum__lte=tot)
    partners, tevredenheid = _partners(user=user, van=van, tot=tot)
    return {
        **_gesprekken_per(gesprekken),
        "partners": partners,
        "tevredenheid": tevredenheid,
        "vragen": _vragen_op_tijd(user=user, van=van, tot=tot),
    }


def _lokale_dagen(van: date, tot: date) -> tuple[datetime, datetime]:
    """The period as [begin, end) in aware datetimes, so a timestamp column is compared as is
    (its index usable) instead of converting every row to a local date first."""
    tz = timezone.get_current_timezone()
    return (
        datetime.combine(van, time.min, tzinfo=tz),
        datetime.combine(tot + timedelta(days=1), time.min, tzinfo=tz),
    )


class _Mediaan(Aggregate):
    """PostgreSQL's continuous median (the same value as `statistics.median`)."""

    function = "PERCENTILE_CONT"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"


def _pct(deel: int, geheel: int) -> int | None:
    return round(100 * deel / geheel) if geheel else None


_PARTNER_SOMMEN = ("aantal", "gelukt", "niet_gelukt", "open", "te_laat")
_TEVREDEN_SOMMEN = ("gevraagd", "beantwoord", "tevreden")


def _partners(*, user: Medewerker, van: date, tot: date) -> tuple[list[dict], list[dict]]:
    """Per partner organisation the referrals sent in the period, and the inwoners'
    satisfaction with them. Success is afgerond out of ALL referrals, the open and overdue
    ones included: a partner whose referrals get stuck does not score 100%."""
    begin, eind = _lokale_dagen(van, tot)
    dvs = Doorverwijzing.objects.voor(user).filter(verstuurd_op__gte=begin, verstuurd_op__lt=eind)
    status = Doorverwijzing.Status
    aantallen = {
        "aantal": Count("pk"),
        "gelukt": Count("pk", filter=Q(status=status.AFGEROND)),
        "niet_gelukt": Count("pk", filter=Q(status=status.NIET_GELUKT)),
        "open": Count("pk", filter=~Q(status__in=Doorverwijzing.GESLOTEN)),
        # As Doorverwijzing.is_te_laat: no reaction at all by the promised day.
        "te_laat": Count(
            "pk",
            filter=Q(status=status.VERSTUURD, reactie_uiterlijk__lt=timezone.localdate()),
        ),
        "gevraagd": Count("pk", filter=Q(tevredenheid_verstuurd_op__isnull=False)),
        "beantwoord": Count("pk", filter=Q(tevreden__isnull=False)),
        "tevreden": Count("pk", filter=Q(tevreden=True)),
    }
    tot_contact = ExpressionWrapper(
        F("contact_gelegd_op") - F("verstuurd_op"), output_field=DurationField()
    )
    if connection.vendor == "postgresql":
        # NULL (no contact yet) is left out by the aggregate itself.
        aantallen["mediaan"] = _Mediaan(tot_contact, output_field=DurationField())
    rijen = list(
        dvs.values("organisatie_id", "organisatie__naam")
        .annotate(**aantallen)
        .order_by("organisatie__naam")
    )
    if connection.vendor != "postgresql":
        _mediaan_in_python(dvs, rijen, tot_contact)
    partners, tevredenheid = [], []
    for r in rijen:
        partners.append(
            {
                "naam": r["organisatie__naam"],
                **{k: r[k] for k in _PARTNER_SOMMEN},
                "succes_pct": _pct(r["gelukt"], r["aantal"]),
                "mediaan_dagen_tot_contact": round(r["mediaan"].total_seconds() / 86400, 1)
                if r["mediaan"] is not None
                else None,
            }
        )
        if r["gevraagd"]:
            tevredenheid.append(
                {
                    "naam": r["organisatie__naam"],
                    **{k: r[k] for k in _TEVREDEN_SOMMEN},
                    "tevreden_pct": _pct(r["tevreden"], r["beantwoord"]),
                }
            )
    som = {k: sum(p[k] for p in partners) for k in _PARTNER_SOMMEN}
    tevreden_som = {k: sum(t[k] for t in tevredenheid) for k in _TEVREDEN_SOMMEN}
    return (
        _totaal(partners, **som, succes_pct=_pct(som["gelukt"], som["aantal"])),
        _totaal(
            tevredenheid,
            **tevreden_som,
            tevreden_pct=_pct(tevreden_som["tevreden"], tevreden_som["beantwoord"]),
        ),
    )


def _mediaan_in_python(dvs: QuerySet, rijen: list[dict], tot_contact) -> None:
    """The same median where the database has none (SQLite in the tests): one query for all
    pairs, set as `mediaan` on each row."""
    duur: dict[int, list[timedelta]] = {}
    for org, verschil in dvs.filter(contact_gelegd_op__isnull=False).values_list(
        "organisatie_id", tot_contact
    ):
        duur.setdefault(org, []).append(verschil)
    for r in rijen:
        r["mediaan"] = median(duur[r["organisatie_id"]]) if r["organisatie_id"] in duur else None


_VRAAG_SOMMEN = ("aantal", "beantwoord", "verstreken", "op_tijd")


def _vragen_op_tijd(*, user: Medewerker, van: date, tot: date) -> list[dict]:
    """Per month of receipt. 'Op tijd' is judged only for questions whose answer date has
    passed (a question still within its term is neither on time nor late yet): answered on
    or before that date, out of those."""
    begin, eind = _lokale_dagen(van, tot)
    vragen = Vraag.objects.voor(user).filter(ontvangen_op__gte=begin, ontvangen_op__lt=eind)
    verstreken = Q(antwoord_uiterlijk__lt=timezone.localdate())
    rijen = []
    for r in (
        vragen.annotate(maand=TruncMonth("ontvangen_op", tzinfo=timezone.get_current_timezone()))
        .values("maand")
        .annotate(
            aantal=Count("pk"),
            beantwoord=Count("pk", filter=Q(beantwoord_op__isnull=False)),
            verstreken=Count("pk", filter=verstreken),
            op_tijd=Count(
                "pk", filter=verstreken & Q(beantwoord_op__date__lte=F("antwoord_uiterlijk"))
            ),
        )
        .order_by("maand")
    ):
        rijen.append(
            {
                "naam": maandnaam(r["maand"]),
                **{k: r[k] for k in _VRAAG_SOMMEN},
                "op_tijd_pct": _pct(r["op_tijd"], r["verstreken"]),
            }
        )
    som = {k: sum(r[k] for r in rijen) for k in _VRAAG_SOMMEN}
    return _totaal(rijen, **som, op_tijd_pct=_pct(som["op_tijd"], som["verstreken"]))
