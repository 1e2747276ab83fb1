"""The form renderer writes selects, radio buttons and checkboxes in Python: the HTML must be
Django's, byte for byte."""

from __future__ import annotations

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates

from tests.factories import GemeenteFactory
from werkcentrum.formrenderer import Renderer
from werkcentrum.models import Gemeente


class Voorbeeld(forms.Form):
    gewoon = forms.ChoiceField(
        choices=[("", "---"), ("x", "X & <y>"), ("Groep", [("1", "een"), ("2", 'twee"')])],
        required=False,
    )
    meer = forms.MultipleChoiceField(choices=[(1, "a"), (2, "b")])
    attrs = forms.TypedChoiceField(
        choices=[(1, "q")],
        widget=forms.Select(attrs={"class": "k", "data-x": True, "disabled": False}),
    )
    gemeente = forms.ModelChoiceField(Gemeente.objects.order_by("naam"), required=False)
    radio = forms.ChoiceField(
        choices=[("a", "A & b"), ("Groep", [("1", "een"), ("2", "twee")])],
        widget=forms.RadioSelect(attrs={"class": "k"}),
        required=False,
    )
    vinkjes = forms.ModelMultipleChoiceField(
        Gemeente.objects.order_by("naam"), widget=forms.CheckboxSelectMultiple, required=False
    )
    zonder_id = forms.ChoiceField(
        choices=[("x", "X")], widget=forms.RadioSelect(attrs={"id": None}), required=False
    )


class EigenOptie(forms.Select):
    option_template_name = "django/forms/widgets/radio_option.html"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data",
    [
        None,
        {"gewoon": "1", "meer": ["2"], "attrs": "1", "radio": "2", "vinkjes": ["1"]},
        {"gewoon": "zz", "meer": ["9"], "radio": "q"},
    ],
)
def test_select_html_is_djangos(data, regio_a):
    GemeenteFactory(regio=regio_a, naam="Haarlem", cbs_code="GM0392")
    standaard = Voorbeeld(data, renderer=DjangoTemplates())
    snel = Voorbeeld(data, renderer=Renderer())
    for naam in standaard.fields:
        assert str(snel[naam]) == str(standaard[naam]), naam
    assert "Haarlem" in str(snel["gemeente"])


def test_a_select_with_its_own_option_template_keeps_it():
    class Formulier(forms.Form):
        keuze = forms.ChoiceField(choices=[("a", "A")], widget=EigenOptie)

    standaard = str(Formulier(renderer=DjangoTemplates())["keuze"])
    assert str(Formulier(renderer=Renderer())["keuze"]) == standaard
    assert "<label><input" in standaard


def test_the_python_versions_are_used(monkeypatch):
    """No template is rendered for a select, radio buttons or checkboxes with stock options."""
    gebruikt = []
    origineel = DjangoTemplates.render

    def spion(self, template_name, context, request=None):
        gebruikt.append(template_name)
        return origineel(self, template_name, context, request)

    monkeypatch.setattr(DjangoTemplates, "render", spion)

    class Formulier(forms.Form):
        a = forms.ChoiceField(choices=[("a", "A")])
        b = forms.ChoiceField(choices=[("a", "A")], widget=forms.RadioSelect)
        c = forms.MultipleChoiceField(choices=[("a", "A")], widget=forms.CheckboxSelectMultiple)

    formulier = Formulier(renderer=Renderer())
    assert all(str(formulier[naam]) for naam in "abc")
    assert gebruikt == []
