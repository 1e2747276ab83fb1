"""Template filters of the portal, loaded as builtins (settings.TEMPLATES): no {% load %}.

- `date`: Django's own, remembered. Every call builds a formatter and translates month and day
  names; a list page with 75 dates spent milliseconds on that alone. The same date, format and
  language give the same text, so it is computed once per worker process (bounded). It stands
  in for the stock filter in every template.
- `formvelden`: a form's fields in NLDS markup, an empty form's kept (werkcentrum.formvelden).
- `keuze`: the label of a choice field, `{{ plaatsing|keuze:"doelgroep" }}`, as
  get_doelgroep_display gives it; that method rebuilds and hashes (translates) every choice on
  each call, this looks the value up in a table made once per field."""

from __future__ import annotations

from datetime import date as Datum
from datetime import time as Tijd
from functools import lru_cache

from django.template import Library
from django.template.defaultfilters import date as django_date
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.translation import get_language

from werkcentrum import formvelden as _formvelden

register = Library()


@register.filter(expects_localtime=True, is_safe=False)
def date(value, arg=None):
    if not isinstance(value, Datum | Tijd):
        return django_date(value, arg)
    # repr() holds the time zone too: two moments that are equal in different zones are
    # written differently.
    return _datum(repr(value), value, arg, get_language())


@lru_cache(maxsize=8192)
def _datum(_sleutel: str, value, arg, _taal: str | None) -> str:
    return django_date(value, arg)


@register.filter
def keuze(obj, veld: str):
    field = obj._meta.get_field(veld)
    waarde = getattr(obj, field.attname)
    return force_str(_keuzes(field).get(make_hashable(waarde), waarde), strings_only=True)


@lru_cache(maxsize=512)
def _keuzes(field) -> dict:
    # Keys are the values only: the (lazy) labels are translated when shown, not here.
    return {make_hashable(waarde): label for waarde, label in field.flatchoices}


@register.simple_tag
def formvelden(form):
    return _formvelden.velden_html(form)
