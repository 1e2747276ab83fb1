"""The fields of a form in NLDS markup (components/formulierveld.html), `{% formvelden form %}`.

Why: an empty form on a busy page (a gids registers a conversation every few minutes, an
adviseur a contact moment) rendered its radio buttons, checkboxes and selects anew each time:
most of the page's time, and one query per choice list. An unbound form's fields depend only
on the field definitions, their initial values, the rows of their choice lists and the
language, so their HTML is kept under exactly those (the choice lists by their SQL) and the
versions of the models the choice lists read (werkcentrum.versies): a change to a location or
a thema shows at once. A bound form (with the user's input and errors) is always rendered.

With WERKCENTRUM_LIJSTEN_CONTROLEREN (on in the tests) a kept form is rendered after all and
compared, so a field whose HTML depends on anything outside its key fails loudly."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.template import Context
from django.template.loader import get_template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from . import versies
from .paginering import compileren

SJABLOON = "components/formulierveld.html"
SECONDEN = 600


def renderen(form: forms.BaseForm) -> SafeString:
    sjabloon = get_template(SJABLOON).template
    html = "".join(sjabloon.render(Context({"field": veld})) for veld in form)
    return mark_safe(html)  # noqa: S308 - our own template, every value escaped in it


def velden_html(form: forms.BaseForm) -> SafeString:
    if form.is_bound:
        return renderen(form)
    delen: list[Any] = [
        type(form).__module__,
        type(form).__qualname__,
        form.prefix,
        form.auto_id,
        form.use_required_attribute,
        get_language(),
    ]
    bronnen: set[str] = set()
    for naam, veld in form.fields.items():
        delen.append(_veld(form, naam, veld, bronnen))
    sleutel = versies.sleutel("formvelden", *delen)
    bewaard, versienummers = versies.lezen(sleutel, bronnen)
    controleren = getattr(settings, "WERKCENTRUM_LIJSTEN_CONTROLEREN", False)
    if bewaard is not None and not controleren:
        return mark_safe(bewaard)  # noqa: S308 - what renderen() gave before
    html = renderen(form)
    if bewaard is not None and bewaard != html:
        raise ImproperlyConfigured(
            f"De velden van {type(form).__qualname__} hangen af van meer dan hun sleutel "
            "(werkcentrum.formvelden): dezelfde sleutel gaf andere HTML."
        )
    versies.bewaren(sleutel, versienummers, str(html), SECONDEN)
    return html


def _veld(form: forms.BaseForm, naam: str, veld: forms.Field, bronnen: set[str]) -> tuple:
    """What the field's HTML depends on; adds the models of its choices to `bronnen`."""
    widget = veld.widget
    keuzes: Any = None
    if isinstance(veld, forms.ModelChoiceField):
        gecompileerd = compileren(veld.queryset)
        if gecompileerd is not None:
            bronnen |= versies.bronnen(veld.queryset, gecompileerd[0])
        keuzes = (
            gecompileerd,
            str(veld.empty_label) if veld.empty_label is not None else None,
            veld.to_field_name,
            # A form may label the choices its own way (per instance or per class).
            getattr(veld.label_from_instance, "__qualname__", None),
        )
    elif isinstance(veld, forms.ChoiceField):
        keuzes = _tekst(list(veld.choices))
    initieel = form.get_initial_for_field(veld, naam)
    return (
        naam,
        type(veld).__qualname__,
        type(widget).__qualname__,
        str(veld.label),
        str(veld.help_text),
        veld.required,
        veld.disabled,
        veld.show_hidden_initial,
        _tekst(sorted(widget.attrs.items())),
        _tekst(veld.prepare_value(initieel)),
        keuzes,
        _tekst(getattr(veld, "max_length", None)),
    )


def _tekst(waarde: Any) -> str:
    """A stable text of a value: lazy translations as their text, not their address."""
    if isinstance(waarde, list | tuple):
        return "(" + ",".join(_tekst(w) for w in waarde) + ")"
    return f"{type(waarde).__name__}:{waarde}"
