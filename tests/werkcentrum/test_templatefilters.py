"""The portal's template filters: `keuze` as get_FOO_display; Django's own built-ins
({% extends %}, |date) stay Django's."""

from __future__ import annotations

from datetime import date

from django.template import Context, Engine, Template, defaultfilters, loader_tags
from django.utils import translation

from werkcentrum.templatetags.portaal import keuze
from wsp.models import NazorgMoment, Plaatsing


def test_djangos_date_filter_and_extends_tag_are_not_overridden():
    engine = Engine.get_default()
    filters, tags = {}, {}
    for library in engine.template_builtins:
        filters.update(library.filters)
        tags.update(library.tags)
    assert filters["date"] is defaultfilters.date
    assert tags["extends"] is loader_tags.do_extends


def test_keuze_renders_the_label_with_load_portaal():
    moment = NazorgMoment(soort=NazorgMoment.Soort.TWEE_MAANDEN)
    with translation.override("nl"):
        html = Template(
            '{% load portaal %}{{ d|date:"j F Y" }} {{ m|keuze:"soort" }}',
            engine=Engine.get_default(),
        ).render(Context({"d": date(2026, 1, 5), "m": moment}))
    assert html == "5 januari 2026 Na 2 maanden"


def test_keuze_is_get_display():
    # (The doelgroep is a code of the regio's own list now, no longer a choice field.)
    for vorm, _label in Plaatsing._meta.get_field("contractvorm").flatchoices:
        p = Plaatsing(contractvorm=vorm)
        assert keuze(p, "contractvorm") == p.get_contractvorm_display()
    assert keuze(Plaatsing(contractvorm="onbekend"), "contractvorm") == "onbekend"
