"""Reads of rba, already scoped to the user and to what their role may see.

- rba_secretariaat: everything of the regio.
- rba_lid: meetings once their agenda is published, all their stukken, all besluiten, acties.
- other staff of the regio: published meetings, stukken marked openbaar, besluiten that are
  openbaar and genomen.
- the public (no login): openbaar and genomen besluiten of the regio being visited.
"""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from werkcentrum.tenancy import get_scoped_or_404

from .models import (
    Actie,
    Agendapunt,
    AgendaRegel,
    Besluit,
    Lid,
    Onderwerp,
    Overlegorgaan,
    Pijler,
    StrategischeAgenda,
    Stuk,
    StukVersie,
    Vergadering,
    genomen_q,
)

SECRETARIAAT = "rba_secretariaat"
LID = "rba_lid"


def is_secretariaat(user) -> bool:
    return user.is_authenticated and user.heeft_rol(SECRETARIAAT)


def is_lezer(user) -> bool:
    """Secretariaat or lid: may read the governance workspace in full."""
    return user.is_authenticated and user.heeft_rol(SECRETARIAAT, LID)


# --- vergaderingen -------------------------------------------------------------------------


def vergaderingen_voor(*, user) -> QuerySet[Vergadering]:
    qs = Vergadering.objects.voor(user).select_related("orgaan")
    if not is_secretariaat(user):
        qs = qs.exclude(status=Vergadering.Status.GEPLAND)
    return qs


def vergaderingen_lijst(*, user) -> QuerySet[Vergadering]:
    """The vergaderingen list (rba.filters.VergaderingFilter filters it)."""
    return (
        vergaderingen_voor(user=user)
        .select_related("orgaan")
        .annotate(aantal_punten=Count("agendapunten", distinct=True))
        .order_by("-datum", "-aanvang")
    )


def stukken_zichtbaar(user, qs: QuerySet[Stuk]) -> QuerySet[Stuk]:
    if not is_lezer(user):
        qs = qs.filter(openbaar=True)
    return qs


def vergadering_detail(*, user, pk: int) -> Vergadering:
    stukken = stukken_zichtbaar(user, Stuk.objects.all()).prefetch_related("versies")
    qs = vergaderingen_voor(user=user).prefetch_related(
        Prefetch(
            "agendapunten",
            queryset=Agendapunt.objects.select_related("onderwerp").prefetch_related(
                Prefetch("stukken", queryset=stukken),
                Prefetch("besluiten", queryset=besluiten_voor(user=user)),
            ),
        ),
    )
    return get_scoped_or_404(qs, user, pk=pk)


def actielijst_van(vergadering: Vergadering) -> QuerySet[Actie]:
    return vergadering.doorgeschoven_acties.select_related(
        "eigenaar", "orgaan", "vergadering", "besluit"
    ).order_by("deadline", "pk")


def acties_van(obj: Vergadering | Besluit) -> QuerySet[Actie]:
    """The acties recorded at a vergadering or from a besluit, as the actie table shows them."""
    return obj.acties.select_related("eigenaar", "orgaan", "vergadering", "besluit").order_by(
        "deadline", "pk"
    )


def stukversie_voor(*, user, pk: int) -> StukVersie:
    """A version the user may download; anything else is a 404 (no hint it exists)."""
    versie = get_scoped_or_404(
        StukVersie.objects.select_related("stuk__agendapunt__vergadering"), user, pk=pk
    )
    vergadering = versie.stuk.agendapunt.vergadering
    if is_secretariaat(user):
        return versie
    if vergadering.status == Vergadering.Status.GEPLAND:
        raise Http404
    if not is_lezer(user) and not versie.stuk.openbaar:
        raise Http404
    return versie


# --- besluiten -----------------------------------------------------------------------------


def besluiten_voor(*, user) -> QuerySet[Besluit]:
    qs = Besluit.objects.voor(user)
    if not is_lezer(user):
        # A voorstel (or a row marked genomen before its vergadering) is not theirs to see.
        qs = qs.filter(genomen_q(), openbaar=True)
    return qs


def besluiten_lijst(*, user) -> QuerySet[Besluit]:
    """The besluitenregister (rba.filters.BesluitFilter filters it)."""
    qs = besluiten_voor(user=user).select_related("orgaan", "vervangt", "vervangen_door")
    return qs.order_by("-datum", "-nummer")


def besluit_detail(*, user, pk: int) -> Besluit:
    qs = besluiten_voor(user=user).select_related(
        "orgaan", "agendapunt__vergadering", "onderwerp", "vervangt", "vervangen_door"
    )
    return get_scoped_or_404(qs, user, pk=pk)


def openbare_besluiten(regio) -> QuerySet[Besluit]:
    return (
        Besluit.objects.in_regio(regio)
        # Genomen by the rule (issue 22 point 2): a voorstel never reaches the public list/RSS.
        .filter(genomen_q(), openbaar=True)
        .select_related("orgaan", "vervangt", "vervangen_door")
    )


def openbare_besluiten_lijst(regio) -> QuerySet[Besluit]:
    return openbare_besluiten(regio).order_by("-datum", "-nummer")


def openbaar_besluit(regio, nummer: str) -> Besluit:
    try:
        return (
            openbare_besluiten(regio).select_related("agendapunt__vergadering").get(nummer=nummer)
        )
    except Besluit.DoesNotExist as exc:
        raise Http404 from exc


def besluit_keten(besluit: Besluit) -> list[Besluit]:
    """The supersede chain, oldest first (a handful of rows at most)."""
    keten = [besluit]
    huidig = besluit
    while huidig.vervangt_id:
        huidig = huidig.vervangt
        keten.insert(0, huidig)
    huidig = besluit
    while True:
        volgende = Besluit.objects.filter(vervangt=huidig).first()
        if volgende is None:
            break
        keten.append(volgende)
        huidig = volgende
    return keten


def besluit_jaren(qs: QuerySet[Besluit]) -> list[int]:
    return sorted({d.year for d in qs.dates("datum", "year")}, reverse=True)


# --- acties --------------------------------------------------------------------------------


def acties_voor(*, user) -> QuerySet[Actie]:
    if not is_lezer(user):
        return Actie.objects.none()
    return Actie.objects.voor(user).select_related("orgaan", "eigenaar", "vergadering", "besluit")


def acties_lijst(*, user) -> QuerySet[Actie]:
    """The actielijst (rba.filters.ActieFilter filters it)."""
    return acties_voor(user=user).order_by("deadline", "pk")


# --- organen, onderwerpen ------------------------------------------------------------------


def organen_voor(*, user) -> QuerySet[Overlegorgaan]:
    return Overlegorgaan.objects.voor(user)


def leden_van(orgaan: Overlegorgaan, *, op: date | None = None) -> QuerySet[Lid]:
    qs = orgaan.leden.select_related("organisatie")
    if op is not None:
        qs = qs.filter(Q(tot__isnull=True) | Q(tot__gte=op), van__lte=op)
    return qs.order_by("tot", "rol", "naam")


def onderwerpen_voor(*, user) -> QuerySet[Onderwerp]:
    return Onderwerp.objects.voor(user)


def onderwerp_dossier(*, user, pk: int) -> dict:
    onderwerp = get_scoped_or_404(Onderwerp.objects.all(), user, pk=pk)
    vergaderingen = vergaderingen_voor(user=user)
    return {
        "onderwerp": onderwerp,
        "agendapunten": Agendapunt.objects.filter(
            onderwerp=onderwerp, vergadering__in=vergaderingen
        )
        .select_related("vergadering__orgaan")
        .order_by("vergadering__datum", "volgorde"),
        "besluiten": besluiten_voor(user=user)
        .filter(onderwerp=onderwerp)
        .select_related("orgaan")
        .order_by("datum", "nummer"),
        "acties": acties_voor(user=user).filter(onderwerp=onderwerp).order_by("deadline", "pk"),
    }


# --- strategische agenda -------------------------------------------------------------------


def agendas_voor(*, user) -> QuerySet[StrategischeAgenda]:
    return StrategischeAgenda.objects.voor(user).prefetch_related(
        Prefetch("pijlers", queryset=Pijler.objects.order_by("volgorde"))
    )


def agendaregels(*, user, agenda: StrategischeAgenda) -> QuerySet[AgendaRegel]:
    """The regels of one agenda (rba.filters.MonitoringFilter filters them)."""
    return (
        AgendaRegel.objects.voor(user)
        .filter(pijler__agenda=agenda)
        .select_related("pijler", "onderwerp")
        .prefetch_related("voortgangsrapportages")
        .order_by("pijler__volgorde", "thema", "pk")
    )


def monitoring_matrix(*, user, agenda: StrategischeAgenda) -> list[dict]:
    """Counts per pijler and status, computed in SQL."""
    statussen = AgendaRegel.Status
    aantallen = (
        AgendaRegel.objects.voor(user)
        .filter(pijler__agenda=agenda)
        .values("pijler_id")
        .annotate(
            totaal=Count("pk"),
            **{s.value: Count("pk", filter=Q(status=s.value)) for s in statussen},
        )
    )
    per_pijler = {r["pijler_id"]: r for r in aantallen}
    rijen = []
    for pijler in agenda.pijlers.all():
        r = per_pijler.get(pijler.pk, {})
        rijen.append(
            {
                "pijler": pijler,
                "totaal": r.get("totaal", 0),
                "per_status": [r.get(s.value, 0) for s in statussen],
            }
        )
    return rijen
