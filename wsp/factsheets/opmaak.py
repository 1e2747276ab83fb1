"""How the factsheet writes its figures, one helper for the web page, the PDF and the charts.

The factsheet is a Dutch document for gemeenten and UWV (Uitvoeringsplan 5.1), so its
notation is Dutch (nl-NL) whatever language the reader's browser asks for: a dot groups the
thousands, a comma separates the decimals. Amounts are whole euros ("EUR 3.060.121"), as a
report of the reserve's position states them; the cents stay in the financien pages.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

__all__ = ["BEDRAG_TABELLEN", "bedrag_in_euro", "cijfer_nl", "waarde_tonen"]

# Tables whose figures are amounts in euro (the others are counts and percentages).
BEDRAG_TABELLEN = frozenset({"reserve"})


def _decimaal(waarde) -> Decimal | None:
    if waarde is None or waarde == "" or isinstance(waarde, bool):
        return None
    try:
        return Decimal(str(waarde))
    except (InvalidOperation, ValueError):
        return None


def _groeperen(geheel: int) -> str:
    return f"{geheel:,}".replace(",", ".")


def bedrag_in_euro(waarde) -> str:
    """`Decimal("3060121.00")` -> "EUR 3.060.121"; rounded half up to whole euros; "-" for
    no value. A negative amount keeps its sign after the currency ("EUR -1.250")."""
    bedrag = _decimaal(waarde)
    if bedrag is None:
        return "-"
    geheel = int(bedrag.quantize(Decimal("1"), rounding=ROUND_HALF_UP))
    teken = "-" if geheel < 0 else ""
    return f"EUR {teken}{_groeperen(abs(geheel))}"


def cijfer_nl(waarde) -> str:
    """A count or percentage in Dutch notation: 1175 -> "1.175", a percentage (a float, one
    decimal) 85.3 -> "85,3" and 4.0 -> "4,0"; "-" for no value (a percentage of nothing)."""
    getal = _decimaal(waarde)
    if getal is None:
        return "-"
    if isinstance(waarde, float):  # a percentage, rounded to one decimal by the selector
        getal = getal.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    teken = "-" if getal < 0 else ""
    getal = abs(getal)
    geheel = int(getal)
    rest = getal - geheel
    if rest == 0 and not isinstance(waarde, float):
        return f"{teken}{_groeperen(geheel)}"
    decimalen = format(rest, "f").split(".")[1]
    decimalen = decimalen if isinstance(waarde, float) else decimalen.rstrip("0")
    return f"{teken}{_groeperen(geheel)},{decimalen}"


def waarde_tonen(waarde, *, tabel: str) -> str:
    """A figure of the table with code `tabel` as the factsheet shows it."""
    return bedrag_in_euro(waarde) if tabel in BEDRAG_TABELLEN else cijfer_nl(waarde)
