"""Balance arithmetic over the grootboek, shared by services (under row locks) and selectors.

Every figure is a SQL sum of `teken * bedrag` per rubriek, so it is always recomputable from
the mutaties. Definitions:

- gestort: stortingen received;
- verplicht: verplichtingen aangegaan minus vrijval (net commitments);
- gerealiseerd: realisaties (money actually spent: the onttrekkingen from the reserve);
- openstaand: verplicht - gerealiseerd (committed, not yet spent);
- saldo: gestort - gerealiseerd (what the reserve holds);
- vrij: gestort - verplicht (what can still be committed; never below zero).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import DecimalField, F, Q, QuerySet, Sum
from django.utils.formats import number_format

NUL = Decimal("0.00")


def euro(bedrag: Decimal) -> str:
    """€ 1.234,56 in the active locale's notation (Dutch by default)."""
    return "€ " + number_format(bedrag, decimal_pos=2, use_l10n=True, force_grouping=True)


_BEDRAG = DecimalField(max_digits=16, decimal_places=2)


def som(rubriek: str) -> Sum:
    return Sum(
        F("teken") * F("bedrag"), filter=Q(rubriek=rubriek), default=NUL, output_field=_BEDRAG
    )


SOMMEN = {
    "gestort": som("storting"),
    "aangegaan": som("verplichting"),
    "vrijgevallen": som("vrijval"),
    "gerealiseerd": som("realisatie"),
}


@dataclass(frozen=True)
class Saldi:
    gestort: Decimal = NUL
    aangegaan: Decimal = NUL
    vrijgevallen: Decimal = NUL
    gerealiseerd: Decimal = NUL

    @classmethod
    def uit(cls, rij: dict) -> Saldi:
        return cls(**{k: Decimal(rij.get(k) or 0).quantize(Decimal("0.01")) for k in SOMMEN})

    @property
    def verplicht(self) -> Decimal:
        return self.aangegaan - self.vrijgevallen

    @property
    def openstaand(self) -> Decimal:
        return self.verplicht - self.gerealiseerd

    @property
    def saldo(self) -> Decimal:
        return self.gestort - self.gerealiseerd

    @property
    def vrij(self) -> Decimal:
        return self.gestort - self.verplicht


def saldi(qs: QuerySet) -> Saldi:
    """The balances of all mutaties in `qs` (one query)."""
    return Saldi.uit(qs.aggregate(**SOMMEN))


def saldi_per(qs: QuerySet, veld: str) -> dict:
    """{value of `veld`: Saldi} in one grouped query."""
    rijen = qs.order_by().values(veld).annotate(**SOMMEN)
    return {rij[veld]: Saldi.uit(rij) for rij in rijen}
