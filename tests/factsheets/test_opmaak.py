"""The factsheet's notation (nl-NL) and its charts: one helper for page, PDF and chart."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from wsp.factsheets import charts
from wsp.factsheets.opmaak import bedrag_in_euro, cijfer_nl


@pytest.mark.parametrize(
    ("waarde", "verwacht"),
    [
        (Decimal("3060121.00"), "EUR 3.060.121"),
        ("3060121.00", "EUR 3.060.121"),  # as frozen in the factsheet's JSON
        (Decimal("1350.50"), "EUR 1.351"),  # whole euros, half up
        (Decimal("0.00"), "EUR 0"),
        (Decimal("-1250.00"), "EUR -1.250"),
        (None, "-"),
    ],
)
def test_bedragen_in_hele_euros_met_nederlandse_notatie(waarde, verwacht):
    assert bedrag_in_euro(waarde) == verwacht


@pytest.mark.parametrize(
    ("waarde", "verwacht"),
    [(1175, "1.175"), (0, "0"), (85.3, "85,3"), (4.0, "4,0"), (None, "-"), (1234567, "1.234.567")],
)
def test_aantallen_en_percentages_met_nederlandse_notatie(waarde, verwacht):
    assert cijfer_nl(waarde) == verwacht


def test_notatie_blijft_nederlands_in_een_andere_taal():
    with translation.override("en"):
        assert bedrag_in_euro(Decimal("3060121.00")) == "EUR 3.060.121"


def test_filters_in_templates():
    tekst = Template(
        "{% load factsheet %}{{ b|bedrag_in_euro }} {{ b|factsheet_waarde:'reserve' }} "
        "{{ n|factsheet_waarde:'doelgroep' }} {{ p|cijfer_nl }}"
    ).render(Context({"b": "3060121.00", "n": 1175, "p": 12.5}))
    assert tekst == "EUR 3.060.121 EUR 3.060.121 1.175 12,5"


def _tabel(code="doelgroep", **rijen):
    return {
        "code": code,
        "titel": "Titel",
        "rijen": [
            {"naam": naam, "waarde": w, "vorig_halfjaar": w, "vorig_jaar": w}
            for naam, w in rijen.items()
        ],
    }


def test_balken_hebben_de_kleur_van_de_legenda():
    """The bars carry their colour as a fill attribute (WeasyPrint ignores the page's CSS
    inside SVG), the same colour as the legend's swatch of that series."""
    svg = str(charts.staafdiagram(_tabel(WW=3, Wajong=1)))
    for code in ("nu", "vorig", "jaar"):
        vlak = str(charts.kleurvlak(code, "label"))
        kleur = re.search(r'fill="(#[0-9a-f]{6})"', vlak)[1]
        balken = re.findall(rf'class="fs-balk fs-balk--{code}"[^>]*fill="([^"]+)"', svg)
        assert balken and set(balken) == {kleur}
    assert "style" not in svg
    assert len(set(charts.KLEUREN.values())) == 4


def test_lange_labels_worden_afgebroken_en_passen_in_hun_kolom():
    lang = "Onderwijs, Overheid, Zakelijke Dienstverlening en nog een heel lange naam"
    svg = str(charts.staafdiagram(_tabel(**{lang: 2, "Kort": 1})))
    regels = re.findall(r'<tspan x="(\d+)"[^>]*>([^<]*)</tspan>', svg)
    assert len([r for r in regels if r[1] != "Kort"]) >= 2  # the long one wraps
    assert " ".join(t for _x, t in regels if t != "Kort") == lang
    x = int(regels[0][0])
    for _x, tekst in regels:  # right-aligned at x: each line must fit left of it
        assert len(tekst) * charts.LABEL_PT * charts.TEKEN_BREEDTE <= x


def test_bedragen_in_de_grafiek_passen_rechts_naast_de_langste_balk():
    svg = str(charts.staafdiagram(_tabel("reserve", Gestort="3060121.00", Saldo="10.00")))
    assert "EUR 3.060.121" in svg and "3060121.00" not in svg
    (x,) = [
        float(m) for m in re.findall(r'class="fs-getal" x="([\d.]+)"[^>]*>EUR 3\.060\.121', svg)
    ]
    assert x + len("EUR 3.060.121") * charts.GETAL_PT * charts.TEKEN_BREEDTE <= charts.BREEDTE


def test_periode_in_de_kop_met_nederlandse_datums():
    tekst = Template("{% include 'wsp/factsheet/_kop.html' %}").render(
        Context(
            {
                "cijfers": {
                    "periode_label": "eerste halfjaar 2025",
                    "van": "2025-01-01",
                    "tot": "2025-06-30",
                    "doelstelling_jaar": 425,
                    "jaar_verstreken_pct": 49.6,
                }
            }
        )
    )
    assert "Eerste halfjaar 2025: 1 januari 2025 tot en met 30 juni 2025." in tekst
    assert "49,6% van het jaar is verstreken" in tekst
