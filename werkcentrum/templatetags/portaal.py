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
  each call, this looks the value up in a table made once per field.
- `extends`: Django's own, except that the blocks of the root template are looked up once per
  compiled template instead of on every render (Django walks all of base.html's nodes for
  its blocks each time a page extends it: a tenth of a millisecond on every page)."""

from __future__ import annotations

from datetime import date as Datum
from datetime import time as Tijd
from functools import lru_cache

from django.template import Library, Node, NodeList, TemplateSyntaxError, loader_tags
from django.template.defaultfilters import date as django_date
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from werkcentrum import formvelden as _formvelden
from werkcentrum.vast import PLEK, Bewaard, invullen

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
        self.bewaard = Bewaard(_VAST_MAX)

    def render(self, context) -> str:
        sleutel = (get_language(), *(make_hashable(s.resolve(context)) for s in self.sleutels))

        def renderen() -> str:
            with context.push(csrf_token=PLEK):
                return self.nodelist.render(context)

        waar = f"{{% vast %}} op regel {self.token.lineno} van {self.origin.name}"
        html = self.bewaard.geef(sleutel, renderen, waar)
        html = invullen(html, lambda: context.get("csrf_token", ""))
        return mark_safe(html)  # noqa: S308 - our own templates' output, escaped in them


class _VasteNodeList(NodeList):
    """The nodes of a compiled template, which never change after compiling: their search by
    type is kept."""

    def get_nodes_by_type(self, nodetype):
        gevonden = self.__dict__.setdefault("_per_type", {})
        if nodetype not in gevonden:
            gevonden[nodetype] = super().get_nodes_by_type(nodetype)
        return gevonden[nodetype]


class ExtendsNode(loader_tags.ExtendsNode):
    def get_parent(self, context):
        ouder = super().get_parent(context)
        # The cached loader gives the same compiled parent each time, so its blocks are
        # searched once per process (without that loader, once per compile).
        if type(ouder.nodelist) is NodeList:
            ouder.nodelist.__class__ = _VasteNodeList
        return ouder


@register.tag("extends")
def extends(parser, token):
    node = loader_tags.do_extends(parser, token)
    node.__class__ = ExtendsNode
    return node
