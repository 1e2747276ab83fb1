"""The factsheet as PDF: the same template, rendered by WeasyPrint (charts are inline SVG).

The PDF is tagged as PDF/UA-1 (WeasyPrint's `pdf_variant`): a structure tree with headings,
tables and the charts as figures whose alternative text is the chart's <title>, the document
language and title in the metadata, so a screen reader can read it (digitoegankelijk).

It wears the look of the factsheet's regio (issue 24): its colour on the headings and the bar
under the page header, its logo on the first page (an image with its alternative text, inside
the document as a data: URI: the renderer fetches nothing), its name in every page's header."""

from __future__ import annotations

import base64
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string

from werkcentrum.huisstijl import STANDAARDKLEUR, logo_inhoud

PDF_VARIANT = "pdf/ua-1"


def huisstijl(regio) -> dict:
    """The regio's name, colour (a checked #rrggbb, safe inside the style sheet) and logo."""
    logo = logo_inhoud(regio)
    if logo:
        inhoud, subtype = logo
        logo = f"data:image/{subtype};base64,{base64.b64encode(inhoud).decode('ascii')}"
    return {
        "naam": regio.naam,
        "kleur": regio.huisstijl_kleur or STANDAARDKLEUR,
        "logo": logo or "",
        "logo_alt": regio.logo_alt,
    }


def factsheet_html(context: dict) -> str:
    css = Path(settings.BASE_DIR) / "static" / "factsheet" / "factsheet.css"
    return render_to_string(
        "wsp/factsheet/pdf.html",
        {
            **context,
            "pdf_css": css.read_text(encoding="utf-8"),
            "huisstijl": huisstijl(context["factsheet"].regio),
        },
    )


def factsheet_pdf(context: dict) -> bytes:
    try:
        import weasyprint
    except OSError as fout:  # missing system libraries (pango)
        raise RuntimeError(
            "WeasyPrint kan niet laden: systeembibliotheken (pango) ontbreken."
        ) from fout
    return weasyprint.HTML(
        string=factsheet_html(context), base_url=str(settings.BASE_DIR)
    ).write_pdf(pdf_variant=PDF_VARIANT)
