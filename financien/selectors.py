"""Scoped reads of the regionale reserve. Every figure is a SQL sum over the grootboek (see
`saldi.py`), so every overview is recomputable from the mutaties. Each selector takes the
user and returns only their regio's rows."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet
from django.db.models.functions import ExtractYear

from rba.models import Besluit, genomen_q

from .models import Begrotingspost, Begrotingsregel, Geldstroom, Mutatie, Signaal
from .saldi import NUL, SOMMEN, Saldi, saldi, saldi_per

SCHRIJVERS = ("financieel_beheerder",)
LEZERS = ("financieel_beheerder", "rba_lid", "wsp_manager")


def mag_boeken(user: Any) -> bool:
    return user.is_authenticated and user.heeft_rol(*SCHRIJVERS)


def mag_mutaties_zien(user: Any) -> bool:
    """Mutatie-level detail (who booked what, descriptions, kenmerken) is for the financieel
    beheerder; the RBA and WSP management read the summaries."""
    return mag_boeken(user)


def mutaties_voor(*, user: Any) -> QuerySet[Mutatie]:
    return Mutatie.objects.voor(user).select_related(
        "geldstroom", "begrotingspost", "besluit", "geboekt_door", "corrigeert", "verplichting"
    )


@dataclass
class Rij:
    """One line of an overview: an object (fund, besluit, budget line, year) and its figures."""

    obj: Any
    saldi: Saldi
    begroot: Decimal | None = None
    bedrag: Decimal | None = None
    eerder: Decimal = NUL  # realised this year on verplichtingen of earlier years

    @property
    def belast(self) -> Decimal:
        """What this year's budget carries: its new verplichtingen plus what was realised
        this year on verplichtingen from earlier years."""
        return self.saldi.verplicht + self.eerder

    @property
    def vrij_begroting(self) -> Decimal | None:
        return None if self.begroot is None else self.begroot - self.belast

    @property
    def ruimte(self) -> Decimal | None:
        return None if self.bedrag is None else self.bedrag - self.saldi.verplicht


def totaal(rijen: list[Rij]) -> Saldi:
    return Saldi(
        **{k: sum((getattr(r.saldi, k) for r in rijen), NUL) for k in SOMMEN},
    )


def geldstromen_overzicht(*, user: Any) -> list[Rij]:
    """Every fund of the regio with its balances (two queries)."""
    per = saldi_per(Mutatie.objects.voor(user), "geldstroom")
    return [
        Rij(g, per.get(g.pk, Saldi()))
        for g in Geldstroom.objects.voor(user).order_by("-actief", "naam")
    ]


def geldstroom_voor(*, user: Any, pk: int) -> Geldstroom:
    from werkcentrum.tenancy import get_scoped_or_404

    return get_scoped_or_404(Geldstroom.objects.all(), user, pk=pk)


def ontvangsten_per_jaar(*, geldstroom: Geldstroom) -> list[tuple[int, Decimal]]:
    """The amounts received on a fund per boekjaar (its stortingen, net of corrections)."""
    rijen = (
        Mutatie.objects.filter(geldstroom=geldstroom, rubriek="storting")
        .annotate(jaar=ExtractYear("datum"))
        .order_by()
        .values("jaar")
        .annotate(**SOMMEN)
        .order_by("jaar")
    )
    return [(r["jaar"], Saldi.uit(r).gestort) for r in rijen]


@dataclass
class Jaarregel:
    jaar: int
    beginsaldo: Decimal
    stortingen: Decimal
    onttrekkingen: Decimal
    aangegaan: Decimal
    vrijgevallen: Decimal
    eindsaldo: Decimal
    openstaand_einde: Decimal
    vrij_einde: Decimal


def reserve_per_jaar(*, user: Any, geldstroom: Geldstroom | None = None) -> list[Jaarregel]:
    """Beginsaldo, stortingen, onttrekkingen (realisaties), eindsaldo per year, plus the
    verplichtingen of the year and what is open and free at its end. One query."""
    qs = Mutatie.objects.voor(user)
    if geldstroom is not None:
        qs = qs.filter(geldstroom=geldstroom)
    per_jaar = saldi_per(qs.annotate(jaar=ExtractYear("datum")), "jaar")
    regels, cumulatief = [], Saldi()
    for jaar in sorted(per_jaar):
        s = per_jaar[jaar]
        nieuw = Saldi(**{k: getattr(cumulatief, k) + getattr(s, k) for k in SOMMEN})
        regels.append(
            Jaarregel(
                jaar=jaar,
                beginsaldo=cumulatief.saldo,
                stortingen=s.gestort,
                onttrekkingen=s.gerealiseerd,
                aangegaan=s.aangegaan,
                vrijgevallen=s.vrijgevallen,
                eindsaldo=nieuw.saldo,
                openstaand_einde=nieuw.openstaand,
                vrij_einde=nieuw.vrij,
            )
        )
        cumulatief = nieuw
    return regels


def besluiten_overzicht(*, user: Any) -> list[Rij]:
    """Every RBA besluit about inzet regionale middelen with its amount, what is committed
    and realised on it, and its remaining room."""
    per = saldi_per(Mutatie.objects.voor(user).exclude(besluit=None), "besluit")
    besluiten = Besluit.objects.voor(user).filter(
        Q(type=Besluit.Type.INZET_REGIONALE_MIDDELEN) | Q(pk__in=list(per))
    )
    return [
        Rij(b, per.get(b.pk, Saldi()), bedrag=b.bedrag)
        for b in besluiten.order_by("-datum", "-nummer")
    ]


def bruikbare_besluiten(*, user: Any) -> QuerySet[Besluit]:
    # Genomen by the rule (not a voorstel) and still in force (not replaced), as
    # services.besluit_bruikbaar checks on booking (issue 22 points 2 and 3).
    return Besluit.objects.voor(user).filter(
        genomen_q(),
        type=Besluit.Type.INZET_REGIONALE_MIDDELEN,
        bedrag__isnull=False,
        vervangen_door__isnull=True,
    )


def begroting_overzicht(*, user: Any, jaar: int) -> list[Rij]:
    """Begroot, verplicht, gerealiseerd and vrij per budget line for one year. Verplicht and
    gerealiseerd count the mutaties booked in that year; vrij = begroot - verplicht - what
    was realised this year on verplichtingen of earlier years (three queries)."""
    in_jaar = Mutatie.objects.voor(user).filter(datum__year=jaar).exclude(begrotingspost=None)
    per = saldi_per(in_jaar, "begrotingspost")
    eerder = saldi_per(
        in_jaar.filter(rubriek="realisatie", verplichting__datum__year__lt=jaar),
        "begrotingspost",
    )
    begroot = {
        r.begrotingspost_id: r.begroot for r in Begrotingsregel.objects.voor(user).filter(jaar=jaar)
    }
    posten = Begrotingspost.objects.voor(user).filter(
        Q(pk__in=list(per)) | Q(pk__in=list(begroot)) | Q(actief=True)
    )
    return [
        Rij(
            p,
            per.get(p.pk, Saldi()),
            begroot=begroot.get(p.pk, NUL),
            eerder=eerder[p.pk].gerealiseerd if p.pk in eerder else NUL,
        )
        for p in posten.order_by("code")
    ]


def jaren_voor(*, user: Any) -> list[int]:
    """The years that have mutaties or a begroting, newest first."""
    uit_mutaties = set(
        Mutatie.objects.voor(user)
        .annotate(jaar=ExtractYear("datum"))
        .values_list("jaar", flat=True)
    )
    uit_begroting = set(Begrotingsregel.objects.voor(user).values_list("jaar", flat=True))
    return sorted(uit_mutaties | uit_begroting, reverse=True)


def reserve_totaal(*, user: Any) -> Saldi:
    return saldi(Mutatie.objects.voor(user))


def signalen_voor(*, user: Any, aantal: int = 10) -> QuerySet[Signaal]:
    return Signaal.objects.voor(user).select_related("geldstroom", "verplichting")[:aantal]
