"""Template filters of the portal, loaded as builtins (settings.TEMPLATES): no {% load %}.

- `date`: Django's own, remembered. Every call builds a formatter and translates month and day
  names; a list page with 75 dates spent milliseconds on that alone. The same date, format and
  language give the same text, so it is computed once per worker process (bounded). It stands
  in for the stock filter in every template.
- `formvelden`: a form's fields in NLDS markup, an empty form's kept (werkcentrum.formvelden).
- `vast`: `{% vast a b %}...{% endvast %}`, a fragment rendered once per worker process for
  each language and value of its keys: the layout's header and navigation, the werkplek's
  tiles. Everything the fragment shows besides its keys must be fixed (translations, URLs);
  the CSRF token of a form inside it is put in per request. With
  WERKCENTRUM_LIJSTEN_CONTROLEREN (the tests) it is rendered every time and compared, so a
  fragment that depends on more than its keys fails loudly.
- `keuze`: the label of a choice field, `{{ plaatsing|keuze:"doelgroep" }}`, as
  get_doelgroep_display gives it; that method rebuilds and hashes (translates) every choice on
  each call, this looks the value up in a table made once per field."""

from __future__ import annotations

from collections import OrderedDict
from datetime import date as Datum
from datetime import time as Tijd
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.template import Library, Node, TemplateSyntaxError
from django.template.defaultfilters import date as django_date
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.safestring import mark_safe
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


# Stands in for the CSRF token while a fragment is rendered for keeping; replaced per request.
_PLEK = "wc-csrf-token-plek"
_VAST_MAX = 512


@register.tag
def vast(parser, token):
    sleutels = [parser.compile_filter(b) for b in token.split_contents()[1:]]
    if not sleutels:
        raise TemplateSyntaxError("{% vast %} heeft minstens één sleutel nodig.")
    nodelist = parser.parse(("endvast",))
    parser.delete_first_token()
    return VastNode(nodelist, sleutels)


class VastNode(Node):
    def __init__(self, nodelist, sleutels):
        self.nodelist = nodelist
        self.sleutels = sleutels
        # Per node: the cached template loader keeps one compiled template per process.
        self.bewaard: OrderedDict[tuple, str] = OrderedDict()

    def render(self, context) -> str:
        sleutel = (get_language(), *(make_hashable(s.resolve(context)) for s in self.sleutels))
        html = self.bewaard.get(sleutel)
        controleren = getattr(settings, "WERKCENTRUM_LIJSTEN_CONTROLEREN", False)
        if html is None or controleren:
            with context.push(csrf_token=_PLEK):
                nieuw = self.nodelist.render(context)
            if html is not None and html != nieuw:
                raise ImproperlyConfigured(
                    f"{{% vast %}} op regel {self.token.lineno} van {self.origin.name} hangt "
                    "af van meer dan zijn sleutels: dezelfde sleutels gaven andere HTML."
                )
            html = self.bewaard[sleutel] = nieuw
            if len(self.bewaard) > _VAST_MAX:
                self.bewaard.popitem(last=False)
        if _PLEK in html:
            html = html.replace(_PLEK, str(context.get("csrf_token", "")))
        return mark_safe(html)  # noqa: S308 - our own templates' output, escaped in them
