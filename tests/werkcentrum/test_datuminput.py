"""One date input for the whole portal (issue 21, point 7): <input type="date"> holds only ISO
values, so a Dutch-formatted value is shown empty and the next save wipes the date."""

from datetime import date
from pathlib import Path

from django.utils import translation

from werkcentrum.forms import DatumInput

ROOT = Path(__file__).resolve().parents[2]
APPS = ("werkcentrum", "loket", "wsp", "rba", "financien")


def test_the_date_input_renders_iso_in_dutch():
    with translation.override("nl"):
        html = DatumInput().render("einddatum", date(2026, 6, 30))
    assert 'type="date"' in html and 'value="2026-06-30"' in html


def test_no_app_builds_its_own_date_input():
    eigen = [
        str(pad.relative_to(ROOT))
        for app in APPS
        for pad in (ROOT / app).rglob("*.py")
        if "DateInput(" in pad.read_text() and pad != ROOT / "werkcentrum" / "forms.py"
    ]
    assert eigen == [], f"use werkcentrum.forms.DatumInput instead: {eigen}"
