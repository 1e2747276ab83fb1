"""The WSP's part of a regio definition file (werkcentrum/regiodefinitie.py): the promise to
werkgevers, the regio's own doelgroepen and instrumenten (optional: the national lists
otherwise), the targets per year and doelgroep, and the regio's own clusters and sectoren
next to the national ones (`clusters:` / `sectoren:`, werkcentrum.gedeelde_lijsten)."""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import ValidationError

from werkcentrum.gedeelde_lijsten import sectie_controleren, sectie_laden
from werkcentrum.regiodefinitie import geheel_getal, onderdeel


def _termijn_controleren(termijnen: dict, _definitie) -> list[str]:
    if "werkgever_belofte_uren" not in termijnen:
        return []
    return geheel_getal(
        termijnen["werkgever_belofte_uren"], "termijnen: werkgever_belofte_uren", 1, 168
    )


def _termijn_laden(termijnen: dict, *, regio, samenvatting, **_kw) -> None:
    from .models import WspInstelling

    if "werkgever_belofte_uren" not in termijnen:
        return
    uren = termijnen["werkgever_belofte_uren"]
    instelling, nieuw = WspInstelling.objects.get_or_create(
        regio=regio, defaults={"werkgever_belofte_uren": uren}
    )
    anders = instelling.werkgever_belofte_uren != uren
    if anders:
        WspInstelling.objects.filter(pk=instelling.pk).update(werkgever_belofte_uren=uren)
    samenvatting.tel("wsp-termijnen", nieuw, anders)


def _lijst_controleren(sectie: str, waarde) -> list[str]:
    """A list of {code, naam}: codes as the model allows, unique; names present."""
    from .models.lijsten import code_validator

    if not isinstance(waarde, list) or not waarde:
        return [f"'{sectie}' moet een lijst zijn met per regel een code en een naam."]
    fouten: list[str] = []
    codes: list[str] = []
    for i, item in enumerate(waarde, start=1):
        waar = f"{sectie}[{i}]"
        if not isinstance(item, dict) or set(item) - {"code", "naam"}:
            fouten.append(f"{waar}: verwacht alleen 'code' en 'naam'.")
            continue
        code = str(item.get("code") or "").strip()
        naam = item.get("naam")
        if not code:
            fouten.append(f"{waar}: 'code' ontbreekt.")
        else:
            try:
                code_validator(code)
            except ValidationError:
                fouten.append(
                    f"{waar}: code '{code}' mag alleen kleine letters, cijfers, '-' en '_' "
                    "bevatten (hoogstens 20 tekens)."
                )
            codes.append(code)
        if not isinstance(naam, str) or not naam.strip():
            fouten.append(f"{waar}: 'naam' ontbreekt of is leeg.")
        elif len(naam.strip()) > 100 or any(ord(t) < 32 for t in naam):
            fouten.append(f"{waar}: 'naam' is één regel van hoogstens 100 tekens.")
    for code in sorted({c for c in codes if codes.count(c) > 1}):
        fouten.append(f"{sectie}: code '{code}' staat er meer dan één keer in.")
    return fouten


def _items(waarde) -> list[tuple[str, str]]:
    return [(str(i["code"]).strip(), i["naam"].strip()) for i in waarde]


def _lijst(sectie: str, model_naam: str, standaard: Callable[[], list[tuple[str, str]]]):
    """The check and loader of one list section. Without the section a regio that has no
    list yet gets the national one; a list it has (perhaps changed by its beheerder) stays."""

    def controleren(waarde, _definitie) -> list[str]:
        return _lijst_controleren(sectie, waarde)

    def laden(waarde, *, regio, samenvatting, **_kw) -> None:
        from . import models
        from .regiolijsten import lijst_bijwerken

        model = getattr(models, model_naam)
        if waarde is None:
            if model.objects.filter(regio=regio).exists():
                return
            items = standaard()
        else:
            items = _items(waarde)
        nieuw, gewijzigd = lijst_bijwerken(model, regio=regio, items=items)
        for _i in range(nieuw):
            samenvatting.tel(sectie, True)
        for _i in range(gewijzigd):
            samenvatting.tel(sectie, False)

    return controleren, laden


def _doelgroep_codes(definitie) -> list[str]:
    """The doelgroepen the file's targets may name: its own list, else the national one."""
    from .regiolijsten import nationale_doelgroepen

    eigen = definitie.onderdelen.get("doelgroepen")
    if isinstance(eigen, list):
        return [str(i.get("code")) for i in eigen if isinstance(i, dict)]
    return [code for code, _naam in nationale_doelgroepen()]


def _doelen_controleren(doelen, definitie) -> list[str]:
    if not isinstance(doelen, dict):
        return ["'doelen' moet per jaar de aantallen per doelgroep geven."]
    codes = _doelgroep_codes(definitie)
    fouten = []
    for jaar, per_doelgroep in doelen.items():
        fouten += geheel_getal(jaar, f"doelen: jaar '{jaar}'", 2000, 2100)
        if not isinstance(per_doelgroep, dict):
            fouten.append(f"doelen[{jaar}]: geef de aantallen per doelgroep.")
            continue
        for doelgroep, aantal in per_doelgroep.items():
            if doelgroep not in codes:
                fouten.append(
                    f"doelen[{jaar}]: doelgroep '{doelgroep}' is onbekend; kies uit "
                    f"{', '.join(codes)}."
                )
            fouten += geheel_getal(aantal, f"doelen[{jaar}].{doelgroep}", 0, 100_000)
    return fouten


def _doelen_laden(doelen: dict, *, regio, samenvatting, **_kw) -> None:
    from .models import Doelstelling

    for jaar, per_doelgroep in doelen.items():
        for doelgroep, aantal in per_doelgroep.items():
            bestaand = Doelstelling.objects.filter(
                regio=regio, jaar=jaar, doelgroep=doelgroep, gemeente=None
            ).first()
            if bestaand is None:
                Doelstelling.objects.create(
                    regio=regio, jaar=jaar, doelgroep=doelgroep, gemeente=None, aantal=aantal
                )
                samenvatting.tel("doelen", True)
            elif bestaand.aantal != aantal:
                Doelstelling.objects.filter(pk=bestaand.pk).update(aantal=aantal)
                samenvatting.tel("doelen", False)


# --- clusters and sectoren: {eigen: [{code, naam}], verbergen: [national codes]}; an own
# sector also names its cluster (a national one, or an own one of the same file or regio).


def _clusters_controleren(waarde, _definitie) -> list[str]:
    from .models import Cluster

    return sectie_controleren("clusters", waarde, model=Cluster)


def _clusters_laden(waarde, *, regio, samenvatting, **_kw) -> None:
    from .models import Cluster

    sectie_laden("clusters", waarde, model=Cluster, regio=regio, samenvatting=samenvatting)


def _cluster_codes(definitie) -> set[str]:
    """The clusters an own sector may name: the national ones and the regio's own (of the
    file's `clusters` section, else those the regio already has)."""
    from .models import Cluster

    codes = set(Cluster.objects.filter(regio__isnull=True).values_list("code", flat=True))
    clusters = definitie.onderdelen.get("clusters")
    if isinstance(clusters, dict) and isinstance(clusters.get("eigen"), list):
        codes |= {str(i.get("code")) for i in clusters["eigen"] if isinstance(i, dict)}
    elif clusters is None:
        codes |= set(
            Cluster.objects.filter(regio__code=definitie.code).values_list("code", flat=True)
        )
    return codes


def _sectoren_controleren(waarde, definitie) -> list[str]:
    from .models import Sector

    codes = _cluster_codes(definitie)

    def cluster(code, waar: str) -> list[str]:
        if code is None or str(code) not in codes:
            return [f"{waar}: cluster '{code}' is onbekend; kies uit {', '.join(sorted(codes))}."]
        return []

    return sectie_controleren("sectoren", waarde, model=Sector, extra={"cluster": cluster})


def _sectoren_laden(waarde, *, regio, definitie, samenvatting, **_kw) -> None:
    from .models import Cluster, Sector

    if waarde is None:
        return
    if "clusters" in definitie.onderdelen:
        # An own sector may name an own cluster further down the file; loading twice
        # changes (and counts) nothing.
        _clusters_laden(definitie.onderdelen["clusters"], regio=regio, samenvatting=samenvatting)
    clusters = {c.code: c for c in Cluster.objects.filter(regio__isnull=True)}
    clusters.update({c.code: c for c in Cluster.objects.filter(regio=regio)})
    sectie_laden(
        "sectoren",
        waarde,
        model=Sector,
        regio=regio,
        samenvatting=samenvatting,
        extra=lambda item: {"cluster": clusters[str(item["cluster"])]},
    )


def registreren() -> None:
    onderdeel("clusters", controleren=_clusters_controleren, laden=_clusters_laden)
    onderdeel("sectoren", controleren=_sectoren_controleren, laden=_sectoren_laden)
    onderdeel(
        "termijnen",
        sleutels={"werkgever_belofte_uren"},
        controleren=_termijn_controleren,
        laden=_termijn_laden,
    )
    # Before 'doelen', so the targets of a new regio name doelgroepen it already has.
    for sectie, model_naam, standaard in (
        ("doelgroepen", "WspDoelgroep", _nationale_doelgroepen),
        ("instrumenten", "WspInstrument", _nationale_instrumenten),
    ):
        controleren, laden = _LIJSTEN.setdefault(sectie, _lijst(sectie, model_naam, standaard))
        onderdeel(sectie, controleren=controleren, laden=laden, altijd=True)
    onderdeel("doelen", controleren=_doelen_controleren, laden=_doelen_laden)


# One check and loader per list, made once: `onderdeel` recognises a loader it already has.
_LIJSTEN: dict[str, tuple[Callable, Callable]] = {}


def _nationale_doelgroepen() -> list[tuple[str, str]]:
    from .regiolijsten import nationale_doelgroepen

    return nationale_doelgroepen()


def _nationale_instrumenten() -> list[tuple[str, str]]:
    from .regiolijsten import nationale_instrumenten

    return nationale_instrumenten()
