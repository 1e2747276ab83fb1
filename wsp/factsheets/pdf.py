"""The factsheet as PDF: the same template, rendered by WeasyPrint (charts are inline SVG).

The PDF is tagged as PDF/UA-1 (WeasyPrint's `pdf_variant`): a structure tree with headings,
tables and the charts as figures whose alternative text is the chart's <title>, the document
language and title in the metadata, so a screen reader can read it (digitoegankelijk)."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string

PDF_VARIANT = "pdf/ua-1"


def factsheet_html(context: dict) -> str:
    css = Path(settings.BASE_DIR) / "static" / "factsheet" / "factsheet.css"
    return render_to_string(
        "wsp/factsheet/pdf.html", {**context, "pdf_css": css.read_text(encoding="utf-8")}
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
