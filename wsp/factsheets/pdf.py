"""The factsheet as PDF: the same template, rendered by WeasyPrint (charts are inline SVG)."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string


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
    ).write_pdf()
