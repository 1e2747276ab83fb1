"""Template filters of the factsheet (`{% load factsheet %}`): the same notation on the web
page and in the PDF (wsp/factsheets/opmaak.py). Django's own filters are not overridden."""

from __future__ import annotations

from datetime import date

from django import template

from wsp.factsheets import charts, opmaak

register = template.Library()


@register.filter(name="bedrag_in_euro")
def bedrag_in_euro(waarde) -> str:
    """`{{ bedrag|bedrag_in_euro }}` -> "EUR 3.060.121"."""
    return opmaak.bedrag_in_euro(waarde)


@register.filter(name="factsheet_waarde")
def factsheet_waarde(waarde, tabel: str) -> str:
    """`{{ r.waarde|factsheet_waarde:tabel.code }}`: an amount in euro for a money table, a
    count or percentage in Dutch notation otherwise."""
    return opmaak.waarde_tonen(waarde, tabel=tabel)


@register.filter(name="cijfer_nl")
def cijfer_nl(waarde) -> str:
    """`{{ r.procent_doel|cijfer_nl }}` -> "85,3"; "-" for no value."""
    return opmaak.cijfer_nl(waarde)


@register.simple_tag(name="kleurvlak")
def kleurvlak(code: str, label: str):
    """`{% kleurvlak "nu" label %}`: the legend's swatch in the colour of that chart series."""
    return charts.kleurvlak(code, str(label))


@register.filter(name="iso_datum")
def iso_datum(waarde):
    """A date frozen as ISO text in the figures ("2025-06-30") as a date, for Django's own
    `|date` filter: `{{ cijfers.tot|iso_datum|date:"j F Y" }}` -> "30 juni 2025"."""
    try:
        return date.fromisoformat(str(waarde))
    except ValueError:
        return waarde
