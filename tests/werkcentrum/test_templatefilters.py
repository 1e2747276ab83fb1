"""The portal's builtin template filters give what Django's own give (werkcentrum.templatetags.
portaal): `date` remembered per value, format and language; `keuze` as get_FOO_display."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Engine, Template
from django.template.defaultfilters import date as django_date
from django.utils import translation

from werkcentrum.templatetags.portaal import date as portaal_date
from werkcentrum.templatetags.portaal import keuze
from wsp.models import NazorgMoment, Plaatsing

AMS = ZoneInfo("Europe/Amsterdam")


@pytest.mark.parametrize("taal", ["nl", "en"])
@pytest.mark.parametrize("formaat", ["j M Y", "j F Y", "d-m-Y H:i", "l j F", "r", None])
@pytest.mark.parametrize(
    "waarde",
    [
        date(2026, 3, 2),
        datetime(2026, 3, 2, 9, 30, tzinfo=AMS),
        datetime(2026, 3, 2, 8, 30, tzinfo=UTC),  # the same moment, written in UTC
        time(14, 5),
    ],
)
def test_date_is_djangos(waarde, formaat, taal):
    if isinstance(waarde, time) and formaat not in ("d-m-Y H:i", None):
        return  # a time has no day or month: Django refuses, so does this filter
    if type(waarde) is date and formaat in ("d-m-Y H:i", "r"):
        return  # a date has no hours (Django raises a TypeError for it)
    with translation.override(taal):
        for _ in range(2):  # computed, then remembered
            assert portaal_date(waarde, formaat) == django_date(waarde, formaat)


def test_date_passes_other_values_through():
    assert portaal_date("", "j M Y") == ""
    assert portaal_date(None, "j M Y") == ""


def test_the_filters_are_builtins_of_the_project_engine():
    engine = Engine.get_default()
    moment = NazorgMoment(soort=NazorgMoment.Soort.TWEE_MAANDEN)
    with translation.override("nl"):
        html = Template('{{ d|date:"j F Y" }} {{ m|keuze:"soort" }}', engine=engine).render(
            Context({"d": date(2026, 1, 5), "m": moment})
        )
        assert html == "5 januari 2026 Na 2 maanden"


def test_keuze_is_get_display():
    for doelgroep, _label in Plaatsing._meta.get_field("doelgroep").flatchoices:
        p = Plaatsing(doelgroep=doelgroep)
        assert keuze(p, "doelgroep") == p.get_doelgroep_display()
    assert keuze(Plaatsing(doelgroep="onbekend"), "doelgroep") == "onbekend"
