"""Reads for the doelstellingen dashboard: every figure as a grouped aggregate in SQL, so the
page costs five queries (one the regio's doelgroepen) whatever the number of gemeenten,
doelgroepen or plaatsingen."""

from __future__ import annotations

from collections import Counter
from datetime import date

from django.db.models import Count, F, Q, Subquery

from werkcentrum.models import Gemeente, Medewerker

from .models import Doelstelling, NazorgMoment, Plaatsing, WspDoelgroep


def doelstellingen_dashboard(*, user: Medewerker, jaar: int | None, vandaag: date) -> dict:
    """Realisatie vs doel per doelgroep and per woongemeente, per cluster, nazorg on time and
    the duurzaam share. Without `jaar`: the latest year up to `vandaag` with targets in the
    regio (early in a year the new targets are often not set yet), else the current year."""
    jaar, doelen = _doelen(user=user, jaar=jaar, vandaag=vandaag)
    regio_doelen = {dg: aantal for (gemeente, dg), aantal in doelen if gemeente is None}
    gemeente_doelen = {sleutel: aantal for sleutel, aantal in doelen if sleutel[0] is not None}

    # One grouped query feeds the doelgroep table, the gemeente table, the cluster list and the
    # total: at most gemeenten x doelgroepen x clusters rows, whatever the number of plaatsingen.
    real: Counter = Counter()
    per_doelgroep_real: Counter = Counter()
    per_cluster: Counter = Counter()
    for r in (
        Plaatsing.objects.voor(user)
        .filter(startdatum__year=jaar)
        .values("woongemeente_id", "doelgroep", cluster=F("werkgever__sector__cluster__naam"))
        .annotate(n=Count("pk"))
        .order_by()
    ):
        real[r["woongemeente_id"], r["doelgroep"]] += r["n"]
        per_doelgroep_real[r["doelgroep"]] += r["n"]
        per_cluster[r["cluster"]] += r["n"]
    totaal = sum(per_doelgroep_real.values())
    nazorg = (
        NazorgMoment.objects.voor(user)
        .filter(plaatsing__startdatum__year=jaar, afgerond_op__isnull=False)
        .aggregate(
            afgerond=Count("pk"),
            op_tijd=Count("pk", filter=Q(afgerond_op__lte=F("vervaldatum"))),
            # Plaatsing.is_duurzaam counted from this side: a plaatsing has at most one
            # 5-month moment (unique per soort), so counting the confirmed ones counts the
            # duurzame plaatsingen, without an EXISTS per plaatsing.
            duurzaam=Count(
                "pk", filter=Q(soort=NazorgMoment.Soort.VIJF_MAANDEN, nog_in_dienst=True)
            ),
        )
    )
    doelgroepen = _doelgroepen(
        user=user, gebruikt={dg for (_g, dg), _a in doelen} | set(per_doelgroep_real)
    )
    return {
        "jaar": jaar,
        "doelgroepen": doelgroepen,
        "per_doelgroep": _per_doelgroep(doelgroepen, regio_doelen, per_doelgroep_real),
        "totaal_doel": sum(regio_doelen.values()),
        "totaal_realisatie": totaal,
        # Most placements first, then by name with "no cluster" last (as PostgreSQL sorts).
        "per_cluster": [
            {"naam": naam, "n": n}
            for naam, n in sorted(
                per_cluster.items(), key=lambda c: (-c[1], c[0] is None, c[0] or "")
            )
        ],
        "per_gemeente": _per_gemeente(
            user=user, doelgroepen=doelgroepen, doelen=gemeente_doelen, real=real
        ),
        "nazorg": {"afgerond": nazorg["afgerond"], "op_tijd": nazorg["op_tijd"]},
        "duurzaam": {"totaal": totaal, "duurzaam": nazorg["duurzaam"]},
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


def _doelgroepen(*, user: Medewerker, gebruikt: set[str]) -> list[tuple[str, str]]:
    """The regio's active doelgroepen, and a deactivated one while the year has figures for
    it; the regio's names, in its order."""
    rijen = (
        WspDoelgroep.objects.voor(user)
        .order_by("volgorde", "naam")
        .values_list("code", "naam", "actief")
    )
    # dict: the platform superuser sees every regio's list; a code counts once.
    return list({c: n for c, n, actief in reversed(rijen) if actief or c in gebruikt}.items())[::-1]


def _per_doelgroep(
    doelgroepen: list[tuple[str, str]], doelen: dict[str, int], gerealiseerd: Counter
) -> list[dict]:
    rijen = []
    for code, label in doelgroepen:
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
    *,
    user: Medewerker,
    doelgroepen: list[tuple[str, str]],
    doelen: dict[tuple[int, str], int],
    real: Counter,
) -> list[dict]:
    """Realisatie (by woongemeente) against each gemeente's own targets, per doelgroep and in
    total."""
    rijen = []
    for pk, naam in Gemeente.objects.voor(user).order_by("naam").values_list("pk", "naam"):
        cellen = [
            {"doel": doelen.get((pk, c)), "realisatie": real.get((pk, c), 0)}
            for c, _naam in doelgroepen
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
