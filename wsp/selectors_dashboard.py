"""Reads for the doelstellingen dashboard: every figure as a grouped aggregate in SQL, so the
page costs five queries whatever the number of gemeenten, doelgroepen or plaatsingen."""

from __future__ import annotations

from collections import Counter
from datetime import date

from django.db.models import Count, F, Q, Subquery

from werkcentrum.models import Gemeente, Medewerker

from .keuzes import Doelgroep
from .models import Doelstelling, NazorgMoment, Plaatsing
from .selectors import met_duurzaam


def doelstellingen_dashboard(*, user: Medewerker, jaar: int | None, vandaag: date) -> dict:
    """Realisatie vs doel per doelgroep and per woongemeente, per cluster, nazorg on time and
    the duurzaam share. Without `jaar`: the latest year up to `vandaag` with targets in the
    regio (early in a year the new targets are often not set yet), else the current year."""
    jaar, doelen = _doelen(user=user, jaar=jaar, vandaag=vandaag)
    regio_doelen = {dg: aantal for (gemeente, dg), aantal in doelen if gemeente is None}
    gemeente_doelen = {sleutel: aantal for sleutel, aantal in doelen if sleutel[0] is not None}

    plaatsingen = Plaatsing.objects.voor(user).filter(startdatum__year=jaar)
    # One grouped query feeds the doelgroep table, the gemeente table and the duurzaam share.
    real: Counter = Counter()
    per_doelgroep_real: Counter = Counter()
    duurzaam = {"totaal": 0, "duurzaam": 0}
    for r in (
        met_duurzaam(plaatsingen)
        .values("woongemeente_id", "doelgroep")
        .annotate(n=Count("pk"), d=Count("pk", filter=Q(duurzaam=True)))
        .order_by()
    ):
        real[r["woongemeente_id"], r["doelgroep"]] += r["n"]
        per_doelgroep_real[r["doelgroep"]] += r["n"]
        duurzaam["totaal"] += r["n"]
        duurzaam["duurzaam"] += r["d"]

    return {
        "jaar": jaar,
        "per_doelgroep": _per_doelgroep(regio_doelen, per_doelgroep_real),
        "totaal_doel": sum(regio_doelen.values()),
        "totaal_realisatie": duurzaam["totaal"],
        "per_cluster": list(
            plaatsingen.values(naam=F("werkgever__sector__cluster__naam"))
            .annotate(n=Count("pk"))
            .order_by("-n", "naam")
        ),
        "per_gemeente": _per_gemeente(user=user, doelen=gemeente_doelen, real=real),
        "nazorg": NazorgMoment.objects.voor(user)
        .filter(plaatsing__startdatum__year=jaar, afgerond_op__isnull=False)
        .aggregate(
            afgerond=Count("pk"), op_tijd=Count("pk", filter=Q(afgerond_op__lte=F("vervaldatum")))
        ),
        "duurzaam": duurzaam,
    }


def _doelen(
    *, user: Medewerker, jaar: int | None, vandaag: date
) -> tuple[int, list[tuple[tuple[int | None, str], int]]]:
    """The year and its targets (regio's and gemeenten's) in one query; without a year the
    latest one up to today is picked in the same query by a subquery."""
    doelstellingen = Doelstelling.objects.voor(user)
    if jaar is None:
        laatste = doelstellingen.filter(jaar__lte=vandaag.year).order_by("-jaar")[:1]
        doelstellingen = doelstellingen.filter(jaar=Subquery(laatste.values("jaar")))
    else:
        doelstellingen = doelstellingen.filter(jaar=jaar)
    rijen = list(doelstellingen.values_list("jaar", "gemeente_id", "doelgroep", "aantal"))
    if jaar is None:
        jaar = rijen[0][0] if rijen else vandaag.year
    return jaar, [((gemeente, doelgroep), aantal) for _j, gemeente, doelgroep, aantal in rijen]


def _per_doelgroep(doelen: dict[str, int], gerealiseerd: Counter) -> list[dict]:
    rijen = []
    for code, label in Doelgroep.choices:
        doel, real = doelen.get(code, 0), gerealiseerd.get(code, 0)
        rijen.append(
            {
                "doelgroep": label,
                "doel": doel,
                "realisatie": real,
                "procent": round(real * 100 / doel) if doel else None,
            }
        )
    return rijen


def _per_gemeente(
    *, user: Medewerker, doelen: dict[tuple[int, str], int], real: Counter
) -> list[dict]:
    """Realisatie (by woongemeente) against each gemeente's own targets, per doelgroep and in
    total."""
    rijen = []
    for pk, naam in Gemeente.objects.voor(user).order_by("naam").values_list("pk", "naam"):
        cellen = [
            {"doel": doelen.get((pk, c)), "realisatie": real.get((pk, c), 0)}
            for c in Doelgroep.values
        ]
        doel = sum(c["doel"] or 0 for c in cellen)
        realisatie = sum(c["realisatie"] for c in cellen)
        rijen.append(
            {
                "naam": naam,
                "cellen": cellen,
                "doel": doel if any(c["doel"] is not None for c in cellen) else None,
                "realisatie": realisatie,
                "procent": round(realisatie * 100 / doel) if doel else None,
            }
        )
    return rijen
