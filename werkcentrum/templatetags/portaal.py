"""Template tags of the portal (loaded as builtins, settings.TEMPLATES).

- `keuze`: the label of a choice field, `{{ plaatsing|keuze:"doelgroep" }}`, as
  get_doelgroep_display gives it; that method rebuilds and hashes (translates) every choice on
  each call, this looks the value up in a table made once per field.

Django's own tags and filters ({% extends %}, |date) are never overridden here."""

from __future__ import annotations

from functools import lru_cache

from django.template import Library
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable

register = Library()


@register.filter
def keuze(obj, veld: str):
    field = obj._meta.get_field(veld)
    waarde = getattr(obj, field.attname)
    return force_str(_keuzes(field).get(make_hashable(waarde), waarde), strings_only=True)


@lru_cache(maxsize=512)
def _keuzes(field) -> dict:
    # Keys are the values only: the (lazy) labels are translated when shown, not here.
    return {make_hashable(waarde): label for waarde, label in field.flatchoices}
