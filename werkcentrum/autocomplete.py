"""Search fields for large choice lists (accounthouder, kandidaat, werkgever).

A select with every medewerker or kandidaat of a regio grows with the regio and is hard to
use. Instead: a text input with an accessible label and a <datalist>; static/js/zoeklijst.js
fills the datalist from a scoped JSON endpoint as the user types (no inline script: CSP).
Without JavaScript the form still works: the server resolves what was typed (a label from the
list, a name, or a number) and says in Dutch when it finds nobody or more than one."""

from __future__ import annotations

import re
from collections.abc import Iterable

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Model, Q, QuerySet
from django.http import JsonResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

MAX_SUGGESTIONS = 15
# A label from the list ends with the object's number: "Jan de Vries (nr. 12)".
_NUMBER = re.compile(r"\(nr\. (\d+)\)\s*$")


def label(obj: Model) -> str:
    """How an object is offered and shown: its name and number (two people may share a name)."""
    return f"{obj} (nr. {obj.pk})"


def words_in(fields: Iterable[str], text: str) -> Q:
    """Every word of `text` in one of `fields` ("jan vries" finds Jan de Vries)."""
    fields = tuple(fields)
    q = Q()
    for word in text.split():
        part = Q()
        for field in fields:
            part |= Q(**{f"{field}__icontains": word})
        q &= part
    return q


def suggestions(
    request, queryset: QuerySet, fields: Iterable[str]
) -> tuple[list[Model], JsonResponse]:
    """The JSON answer of a search endpoint: at most MAX_SUGGESTIONS labels of the (already
    scoped) `queryset` matching ?q=, and the objects, for the audit log of persons shown."""
    text = request.GET.get("q", "").strip()[:100]
    found = list(queryset.filter(words_in(fields, text))[:MAX_SUGGESTIONS]) if text else []
    return found, JsonResponse({"resultaten": [label(o) for o in found]})


class SearchInput(forms.TextInput):
    """A text input with its own <datalist>; `source` names the URL of the JSON endpoint."""

    def __init__(self, source: str, attrs: dict | None = None) -> None:
        super().__init__(attrs)
        self.source = source

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        widget_attrs.setdefault("autocomplete", "off")
        widget_attrs["data-zoeklijst"] = reverse(self.source)
        if widget_attrs.get("id"):
            widget_attrs["list"] = f"{widget_attrs['id']}-keuzes"
        return context

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        element_id = (attrs or {}).get("id") or self.attrs.get("id")
        if not element_id:
            return html
        return html + format_html('<datalist id="{}-keuzes"></datalist>', element_id)


class SearchChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField typed as text: a label from the list, a name (every word found in
    `search_fields`) or a number. The queryset stays the scoped one: nothing outside it is
    ever found."""

    default_error_messages = {
        "niets": _(
            "Niets gevonden met “%(tekst)s”. Typ een deel van de naam en kies uit de lijst."
        ),
        "meer": _(
            "Meer dan één treffer voor “%(tekst)s”. Typ de naam vollediger of kies uit de lijst."
        ),
    }

    def __init__(self, queryset, *, search_fields: Iterable[str], source: str, **kwargs) -> None:
        kwargs.setdefault("widget", SearchInput(source))
        super().__init__(queryset, **kwargs)
        self.search_fields = tuple(search_fields)
        help_text = _("Typ een deel van de naam; kies uit de lijst die verschijnt.")
        self.help_text = self.help_text or help_text

    def prepare_value(self, value):
        if isinstance(value, Model):
            return label(value)
        if value not in (None, "") and str(value).isdigit():
            obj = self.queryset.filter(pk=value).first()
            return label(obj) if obj is not None else value
        return value

    def to_python(self, value):
        text = str(value or "").strip()
        if text in self.empty_values:
            return None
        number = _NUMBER.search(text)
        if number or (text.isascii() and text.isdigit()):
            pk = int(number.group(1) if number else text)
            obj = self.queryset.filter(pk=pk).first()
            if obj is None:
                raise ValidationError(
                    self.error_messages["niets"], code="niets", params={"tekst": text}
                )
            return obj
        found = list(self.queryset.filter(words_in(self.search_fields, text))[:2])
        if len(found) == 1:
            return found[0]
        code = "meer" if found else "niets"
        raise ValidationError(self.error_messages[code], code=code, params={"tekst": text})

    def has_changed(self, initial, data) -> bool:
        if self.disabled:
            return False
        initial_value = initial.pk if isinstance(initial, Model) else initial
        try:
            data_value = self.to_python(data)
        except ValidationError:
            return True
        return str(getattr(data_value, "pk", "")) != str(initial_value or "")
