"""Reads of the loket: scoped to the user (staff) or to the visited regio (public)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta
from statistics import median

from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from werkcentrum.models import Arbeidsmarktregio, Locatie, Medewerker, Openingstijd
from werkcentrum.tenancy import get_scoped_or_404

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
    """Every weekly spreekuur in the coming `dagen` days, minus the locations' closed dates.
    Works on the prefetched locaties of `spreekuurlocaties` (no extra queries)."""
    sessies = []
    for locatie in locaties:
        gesloten = {s.datum for s in locatie.komende_sluitingen}
        for i in range(dagen):
            dag = vandaag + timedelta(days=i)
            if dag in gesloten:
                continue
            for tijd in locatie.openingstijden.all():
                if tijd.weekdag == dag.isoweekday():
                    sessies.append(Sessie(locatie, dag, tijd.begintijd, tijd.eindtijd))
    return sorted(sessies, key=lambda s: (s.datum, s.begintijd, s.locatie.naam))


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
        qs = qs.filter(doelgroepen=doelgroep)
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


def dienst_suggesties(*, user: Medewerker, themas, doelgroep) -> QuerySet:
    """Services matching any chosen thema and the doelgroep (or for everyone), best first."""
    qs = Dienst.objects.voor(user).filter(actief=True, themas__in=themas)
    if doelgroep is not None:
        qs = qs.filter(Q(doelgroepen=doelgroep) | Q(doelgroepen=None))
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
    qs = Doorverwijzing.objects.voor(user).select_related("dienst", "organisatie", "verwezen_door")
    if user.is_superuser or user.heeft_rol("gids", "coordinator"):
        return qs
    if user.heeft_rol("partnermedewerker") and user.organisatie_id:
        return qs.filter(organisatie_id=user.organisatie_id)
    return qs.none()


def doorverwijzing_voor(*, user: Medewerker, pk: int) -> Doorverwijzing:
    qs = doorverwijzingen_voor(user=user).prefetch_related(
        Prefetch("stappen", queryset=DoorverwijzingStap.objects.select_related("door"))
    )
    return get_scoped_or_404(qs, user, pk=pk)


def gesprekken_voor(*, user: Medewerker) -> QuerySet:
    return (
        Gesprek.objects.voor(user)
        .select_related("locatie", "doelgroep", "woongemeente", "bezoekcode", "gids")
        .prefetch_related("themas")
    )


def trajecten_voor(*, user: Medewerker) -> QuerySet:
    return Traject.objects.voor(user).select_related("aanbieder")


# --- Dashboard -----------------------------------------------------------------------------


def _per(qs: QuerySet, label: str) -> list[dict]:
    rijen = qs.values(label).annotate(aantal=Count("pk", distinct=True)).order_by("-aantal", label)
    return [{"naam": r[label] or _("(geen)"), "aantal": r["aantal"]} for r in rijen]


def dashboard(*, user: Medewerker, van: date, tot: date) -> dict[str, list[dict]]:
    """All tables of the loket dashboard, aggregated in SQL, for the user's regio."""
    gesprekken = Gesprek.objects.voor(user).filter(datum__gte=van, datum__lte=tot)
    kanalen = dict(Gesprek.Kanaal.choices)
    tabellen: dict[str, list[dict]] = {
        "locatie": _per(gesprekken, "locatie__naam"),
        "kanaal": [
            {"naam": kanalen.get(r["naam"], r["naam"]), "aantal": r["aantal"]}
            for r in _per(gesprekken, "kanaal")
        ],
        "doelgroep": _per(gesprekken, "doelgroep__naam"),
        "thema": _per(gesprekken, "themas__naam"),
        "maand": [
            {"naam": r["maand"].strftime("%Y-%m"), "aantal": r["aantal"]}
            for r in gesprekken.annotate(maand=TruncMonth("datum"))
            .values("maand")
            .annotate(aantal=Count("pk"))
            .order_by("maand")
        ],
    }
    tabellen["partners"] = _partners(user=user, van=van, tot=tot)
    tabellen["vragen"] = _vragen_op_tijd(user=user, van=van, tot=tot)
    return tabellen


def _partners(*, user: Medewerker, van: date, tot: date) -> list[dict]:
    dvs = Doorverwijzing.objects.voor(user).filter(
        verstuurd_op__date__gte=van, verstuurd_op__date__lte=tot
    )
    rijen = (
        dvs.values("organisatie_id", "organisatie__naam")
        .annotate(
            aantal=Count("pk"),
            gelukt=Count("pk", filter=Q(status=Doorverwijzing.Status.AFGEROND)),
            niet_gelukt=Count("pk", filter=Q(status=Doorverwijzing.Status.NIET_GELUKT)),
        )
        .order_by("organisatie__naam")
    )
    # Median time to "contact gelegd" per organisation: one query over the relevant pairs.
    duur: dict[int, list[float]] = {}
    for org, verstuurd, contact in dvs.filter(contact_gelegd_op__isnull=False).values_list(
        "organisatie_id", "verstuurd_op", "contact_gelegd_op"
    ):
        duur.setdefault(org, []).append((contact - verstuurd).total_seconds() / 86400)
    resultaat = []
    for r in rijen:
        afgesloten = r["gelukt"] + r["niet_gelukt"]
        resultaat.append(
            {
                "naam": r["organisatie__naam"],
                "aantal": r["aantal"],
                "gelukt": r["gelukt"],
                "niet_gelukt": r["niet_gelukt"],
                "succes_pct": round(100 * r["gelukt"] / afgesloten) if afgesloten else None,
                "mediaan_dagen_tot_contact": round(median(duur[r["organisatie_id"]]), 1)
                if r["organisatie_id"] in duur
                else None,
            }
        )
    return resultaat


def _vragen_op_tijd(*, user: Medewerker, van: date, tot: date) -> list[dict]:
    vragen = Vraag.objects.voor(user).filter(
        ontvangen_op__date__gte=van, ontvangen_op__date__lte=tot
    )
    rijen = []
    for r in (
        vragen.annotate(maand=TruncMonth("ontvangen_op", tzinfo=timezone.get_current_timezone()))
        .values("maand")
        .annotate(
            aantal=Count("pk"),
            beantwoord=Count("pk", filter=Q(beantwoord_op__isnull=False)),
            op_tijd=Count("pk", filter=Q(beantwoord_op__date__lte=F("antwoord_uiterlijk"))),
        )
        .order_by("maand")
    ):
        rijen.append(
            {
                "naam": r["maand"].strftime("%Y-%m"),
                "aantal": r["aantal"],
                "beantwoord": r["beantwoord"],
                "op_tijd": r["op_tijd"],
                "op_tijd_pct": round(100 * r["op_tijd"] / r["aantal"]) if r["aantal"] else None,
            }
        )
    return rijen
