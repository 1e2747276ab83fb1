"""Template tags of the portal (loaded as builtins, settings.TEMPLATES).

- `formvelden`: a form's fields in NLDS markup, an empty form's kept (werkcentrum.formvelden).
- `vast`: `{% vast a b %}...{% endvast %}`, a fragment rendered once per worker process for
  each language and value of its keys (werkcentrum.vast).
- `keuze`: the label of a choice field, `{{ plaatsing|keuze:"doelgroep" }}`, as
  get_doelgroep_display gives it; that method rebuilds and hashes (translates) every choice on
  each call, this looks the value up in a table made once per field.

Django's own tags and filters ({% extends %}, |date) are never overridden here."""

from __future__ import annotations

from functools import lru_cache

from django.template import Library, Node, TemplateSyntaxError
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from werkcentrum import formvelden as _formvelden
from werkcentrum.vast import PLEK, Bewaard, invullen

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
