"""Server-side SVG bar charts, used on the web page and in the PDF.

No JavaScript and no style attributes or <style> elements (the pages run under a strict
CSP): the colours are SVG presentation attributes (`fill`), which CSP does not govern and
which WeasyPrint draws too. WeasyPrint does not apply the document's stylesheet inside an
inline SVG, so a colour set only by a CSS class came out black in the PDF. The palette below
is the one place the colours live: the bars and the legend's swatches both read it.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .opmaak import waarde_tonen

BREEDTE = 640
BALK = 8
LABEL_PT = 11
GETAL_PT = 9
# Average advance of a character of the sans-serif font (DejaVu Sans in the PDF), as a
# fraction of the font size; generous so a label never runs out of its column.
TEKEN_BREEDTE = 0.62
LABEL_MAX = 250  # px: a longer label wraps onto a second (third) line
REGEL = 13


@dataclass(frozen=True)
class Reeks:
    sleutel: str  # key of the figure in a table row
    code: str  # CSS modifier (fs-balk--<code>) and legend key
    kleur: str


REEKSEN = (
    Reeks("waarde", "nu", "#01689b"),
    Reeks("vorig_halfjaar", "vorig", "#8fcae7"),
    Reeks("vorig_jaar", "jaar", "#b2b2b2"),
    Reeks("doel", "doel", "#e17000"),
)
KLEUREN = {r.code: r.kleur for r in REEKSEN}
TEKSTKLEUR = "#1a1a1a"


def _getal(waarde) -> float:
    # Only for drawing (bar length in pixels): the figures themselves stay Decimal/int.
    try:
        return float(Decimal(str(waarde)))
    except (InvalidOperation, ValueError, TypeError):
        return 0.0


def _breedte(tekst: str, pt: int) -> float:
    return len(tekst) * pt * TEKEN_BREEDTE


def _regels(naam: str) -> list[str]:
    per_regel = int(LABEL_MAX / (LABEL_PT * TEKEN_BREEDTE))
    return textwrap.wrap(naam, per_regel, break_long_words=True) or [""]


def kleurvlak(code: str, label: str) -> SafeString:
    """The legend's swatch of one series, in the chart's own colour. Hidden from screen
    readers on the page (the label follows as text); its <title> is the alternative text the
    tagged PDF requires of every figure."""
    kleur = KLEUREN[code]
    return mark_safe(  # noqa: S308 - the label is escaped, the colour from the palette
        f'<svg class="fs-vlak fs-vlak--{code}" xmlns="http://www.w3.org/2000/svg" '
        f'width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">'
        f'<title>{escape(label)}</title><rect width="12" height="12" fill="{kleur}"/></svg>'
    )


def staafdiagram(tabel: dict, *, titel: str | None = None) -> SafeString:
    """Grouped horizontal bars per row: this period, the half year and the year before (and
    the target if a row has one). Percentage rows are left out of the chart. Long labels
    wrap; the label column and the room for the value are sized to the longest text."""
    rijen = [r for r in tabel["rijen"] if "%" not in r["naam"]]
    if not rijen:
        return mark_safe("")
    reeksen = [r for r in REEKSEN if r.code != "doel" or any("doel" in rij for rij in rijen)]
    hoogste = max((_getal(rij.get(r.sleutel)) for rij in rijen for r in reeksen), default=0)
    hoogste = hoogste or 1
    labels = [_regels(str(rij["naam"])) for rij in rijen]
    getallen = [waarde_tonen(rij.get("waarde"), tabel=tabel.get("code", "")) for rij in rijen]
    label_breedte = max(_breedte(regel, LABEL_PT) for regels in labels for regel in regels)
    links = min(label_breedte, LABEL_MAX) + 10
    rechts = max(_breedte(g, GETAL_PT) for g in getallen) + 10
    plot = BREEDTE - links - rechts
    staven = BALK * len(reeksen)
    hoogtes = [max(staven, REGEL * len(regels)) + 10 for regels in labels]
    hoogte = sum(hoogtes) + 10
    naam = escape(titel or tabel["titel"])
    delen = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="fs-grafiek" role="img" '
        f'viewBox="0 0 {BREEDTE} {hoogte}" width="{BREEDTE}" height="{hoogte}" '
        f'aria-label="{naam}"><title>{naam}</title>'
    ]
    y = 5.0
    for rij, regels, getal, stap in zip(rijen, labels, getallen, hoogtes, strict=True):
        eerste = y + stap / 2 - (len(regels) - 1) * REGEL / 2 + LABEL_PT / 3
        tspans = "".join(
            f'<tspan x="{links - 6:.0f}" y="{eerste + i * REGEL:.0f}">{escape(regel)}</tspan>'
            for i, regel in enumerate(regels)
        )
        delen.append(
            f'<text class="fs-label" text-anchor="end" font-size="{LABEL_PT}" '
            f'font-family="sans-serif" fill="{TEKSTKLEUR}">{tspans}</text>'
        )
        boven = y + (stap - staven) / 2
        for j, reeks in enumerate(reeksen):
            w = max(_getal(rij.get(reeks.sleutel)), 0) / hoogste * plot
            by = boven + j * BALK
            delen.append(
                f'<rect class="fs-balk fs-balk--{reeks.code}" x="{links:.0f}" y="{by:.0f}" '
                f'width="{w:.1f}" height="{BALK - 1}" fill="{reeks.kleur}"/>'
            )
            if reeks.sleutel == "waarde":
                delen.append(
                    f'<text class="fs-getal" x="{links + w + 4:.1f}" y="{by + BALK - 1:.0f}" '
                    f'font-size="{GETAL_PT}" font-family="sans-serif" '
                    f'fill="{TEKSTKLEUR}">{escape(getal)}</text>'
                )
        y += stap
    delen.append("</svg>")
    # Every text part above went through escape(); numbers are formatted by us.
    return mark_safe("".join(delen))  # noqa: S308
