"""Server-side SVG bar charts (no JavaScript, no style attributes: CSS classes and SVG
presentation attributes only), used on the web page and in the PDF."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

BREEDTE = 640
LABEL = 220
RIJ = 26
BALK = 8


def _getal(waarde) -> float:
    try:
        return float(Decimal(str(waarde)))
    except (InvalidOperation, ValueError, TypeError):
        return 0.0


def staafdiagram(tabel: dict, *, titel: str | None = None) -> SafeString:
    """Grouped horizontal bars per row: this period, the half year and the year before (and
    the target if a row has one). Percentage rows are left out of the chart."""
    rijen = [r for r in tabel["rijen"] if "%" not in r["naam"]]
    if not rijen:
        return mark_safe("")
    reeksen = [("waarde", "fs-balk--nu"), ("vorig_halfjaar", "fs-balk--vorig")]
    reeksen.append(("vorig_jaar", "fs-balk--jaar"))
    if any("doel" in r for r in rijen):
        reeksen.append(("doel", "fs-balk--doel"))
    hoogste = max((_getal(r.get(k)) for r in rijen for k, _c in reeksen), default=0) or 1
    plot = BREEDTE - LABEL - 60
    stap = BALK * len(reeksen) + 10
    hoogte = stap * len(rijen) + 10
    naam = escape(titel or tabel["titel"])
    delen = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="fs-grafiek" role="img" '
        f'viewBox="0 0 {BREEDTE} {hoogte}" width="{BREEDTE}" height="{hoogte}" '
        f'aria-label="{naam}"><title>{naam}</title>'
    ]
    for i, rij in enumerate(rijen):
        y = 5 + i * stap
        delen.append(
            f'<text class="fs-label" x="{LABEL - 6}" y="{y + stap / 2:.0f}" '
            f'text-anchor="end" font-size="11">{escape(rij["naam"])}</text>'
        )
        for j, (sleutel, klasse) in enumerate(reeksen):
            w = max(_getal(rij.get(sleutel)), 0) / hoogste * plot
            by = y + j * BALK
            delen.append(
                f'<rect class="fs-balk {klasse}" x="{LABEL}" y="{by}" width="{w:.1f}" '
                f'height="{BALK - 1}"/>'
            )
            if sleutel == "waarde":
                delen.append(
                    f'<text class="fs-getal" x="{LABEL + w + 4:.1f}" y="{by + BALK - 1}" '
                    f'font-size="9">{escape(str(rij.get(sleutel)))}</text>'
                )
    delen.append("</svg>")
    # Every text part above went through escape(); numbers are formatted by us.
    return mark_safe("".join(delen))  # noqa: S308
