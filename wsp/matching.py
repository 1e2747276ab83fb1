"""Explainable matching: a score of 0-100 built from named parts an adviseur can read.

Parts (maximum): shared skills (40), doelgroep fit (20), wensen (30: hours 10, gemeente 10,
sector 10) and distance between gemeenten (10). No hidden weights, no learned model.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from .models import Kandidaat, NazorgMoment, Plaatsing, Vacature
from .models.lijsten import doelgroep_naam_subquery


@dataclass
class Onderdeel:
    naam: str
    punten: int
    maximum: int
    uitleg: str


@dataclass
class Match:
    vacature: Vacature
    kandidaat: Kandidaat
    onderdelen: list[Onderdeel] = field(default_factory=list)

    @property
    def score(self) -> int:
        return sum(o.punten for o in self.onderdelen)

    @property
    def geplaatst(self) -> bool:
        """The kandidaat has a running (or agreed, later starting) plaatsing."""
        return bool(getattr(self.kandidaat, "is_geplaatst", False))


def _grenzen_aan(van, naar) -> bool:
    """Neighbours come from the regio's definition file (Gemeente.buren, mutual). The
    callers prefetch them on the side that is fixed for a whole ranking."""
    if "buren" in getattr(naar, "_prefetched_objects_cache", {}):
        van, naar = naar, van
    return any(b.pk == naar.pk for b in van.buren.all())


def afstand_punten(van, naar) -> tuple[int, str]:
    if van.pk == naar.pk:
        return 10, f"woont in {naar.naam}"
    if _grenzen_aan(van, naar):
        return 7, f"{van.naam} grenst aan {naar.naam}"
    if van.subregio and van.subregio == naar.subregio:
        return 4, f"zelfde subregio ({van.subregio})"
    return 0, f"{van.naam} ligt ver van {naar.naam}"


def score(vacature: Vacature, kandidaat: Kandidaat) -> Match:
    """Expects skills, gewenste_gemeenten and gewenste_sectoren prefetched on both sides."""
    match = Match(vacature, kandidaat)
    gevraagd = {s.pk: s.naam for s in vacature.skills.all()}
    gedeeld = sorted(gevraagd[s.pk] for s in kandidaat.skills.all() if s.pk in gevraagd)
    punten = round(40 * len(gedeeld) / len(gevraagd)) if gevraagd else 20
    uitleg = (
        f"{len(gedeeld)} van {len(gevraagd)} vaardigheden: {', '.join(gedeeld) or '-'}"
        if gevraagd
        else "vacature vraagt geen specifieke vaardigheden"
    )
    match.onderdelen.append(Onderdeel("Vaardigheden", punten, 40, uitleg))

    if not vacature.doelgroepen:
        match.onderdelen.append(Onderdeel("Doelgroep", 10, 20, "geen doelgroep opgegeven"))
    elif kandidaat.doelgroep in vacature.doelgroepen:
        match.onderdelen.append(
            Onderdeel("Doelgroep", 20, 20, f"geschikt voor {kandidaat.get_doelgroep_display()}")
        )
    else:
        match.onderdelen.append(Onderdeel("Doelgroep", 0, 20, "andere doelgroep"))

    if kandidaat.uren_per_week is None:
        uren = (5, "geen urenwens")
    elif abs(kandidaat.uren_per_week - vacature.uren_per_week) <= 4:
        uren = (10, f"wil {kandidaat.uren_per_week} uur, vacature {vacature.uren_per_week}")
    else:
        uren = (0, f"wil {kandidaat.uren_per_week} uur, vacature {vacature.uren_per_week}")
    match.onderdelen.append(Onderdeel("Uren", uren[0], 10, uren[1]))

    gemeenten = {g.pk for g in kandidaat.gewenste_gemeenten.all()}
    if not gemeenten:
        gem = (5, "geen gemeentewens")
    elif vacature.gemeente_id in gemeenten:
        gem = (10, f"wil werken in {vacature.gemeente.naam}")
    else:
        gem = (0, f"{vacature.gemeente.naam} staat niet in de wensen")
    match.onderdelen.append(Onderdeel("Gemeentewens", gem[0], 10, gem[1]))

    sectoren = {s.pk for s in kandidaat.gewenste_sectoren.all()}
    if not sectoren:
        sec = (5, "geen sectorwens")
    elif vacature.sector_id in sectoren:
        sec = (10, f"wil werken in {vacature.sector.naam}")
    else:
        sec = (0, f"{vacature.sector.naam} staat niet in de wensen")
    match.onderdelen.append(Onderdeel("Sectorwens", sec[0], 10, sec[1]))

    afstand, uitleg = afstand_punten(kandidaat.woongemeente, vacature.gemeente)
    match.onderdelen.append(Onderdeel("Afstand", afstand, 10, uitleg))
    return match


def geplaatst_subquery(op=None) -> Exists:
    """A plaatsing of the kandidaat (OuterRef) not ended on `op`: no einddatum before it and
    no nazorg that recorded the person left (issue 22 point 7)."""
    op = op or timezone.localdate()
    uitgevallen = NazorgMoment.objects.filter(plaatsing=OuterRef("pk"), nog_in_dienst=False)
    return Exists(
        Plaatsing.objects.filter(kandidaat=OuterRef("pk"))
        .filter(Q(einddatum__isnull=True) | Q(einddatum__gte=op))
        .exclude(Exists(uitgevallen))
    )


def _kandidaten(qs: QuerySet[Kandidaat]) -> QuerySet[Kandidaat]:
    return (
        qs.filter(actief=True, toestemming=True, werkfit=True, toestemming_ingetrokken_op=None)
        .annotate(is_geplaatst=geplaatst_subquery(), doelgroep_naam=doelgroep_naam_subquery())
        .select_related("woongemeente")
        .prefetch_related("skills", "gewenste_gemeenten", "gewenste_sectoren")
    )


def kandidaten_voor_vacature(vacature: Vacature, *, limiet: int = 25) -> list[Match]:
    """Available kandidaten first, those already placed after them (marked, not hidden: a
    part-timer may take a second job); within each, by score, then name, so equal scores
    keep a stable order."""
    vacature = (
        Vacature.objects.select_related("gemeente", "sector")
        .prefetch_related("skills", "gemeente__buren")
        .get(pk=vacature.pk)
    )
    matches = [
        score(vacature, k) for k in _kandidaten(Kandidaat.objects.filter(regio=vacature.regio_id))
    ]
    matches.sort(key=lambda m: (m.geplaatst, -m.score, m.kandidaat.achternaam, m.kandidaat.pk))
    return matches[:limiet]


def vacatures_voor_kandidaat(kandidaat: Kandidaat, *, limiet: int = 25) -> list[Match]:
    kandidaat = _kandidaten(Kandidaat.objects.filter(pk=kandidaat.pk)).prefetch_related(
        "woongemeente__buren"
    ).first() or (
        Kandidaat.objects.annotate(is_geplaatst=geplaatst_subquery())
        .select_related("woongemeente")
        .prefetch_related(
            "skills", "gewenste_gemeenten", "gewenste_sectoren", "woongemeente__buren"
        )
        .get(pk=kandidaat.pk)
    )
    vacatures = (
        Vacature.objects.filter(regio=kandidaat.regio_id, status=Vacature.Status.OPEN)
        .select_related("gemeente", "sector", "werkgever")
        .prefetch_related("skills")
    )
    matches = [score(v, kandidaat) for v in vacatures]
    matches.sort(key=lambda m: (-m.score, m.vacature.sluitingsdatum, m.vacature.pk))
    return matches[:limiet]
