"""The form renderer writes selects, radio buttons, checkboxes, inputs and text areas in Python:
the HTML must be Django's, byte for byte."""

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


class Invoer(forms.Form):
    tekst = forms.CharField(max_length=10, required=False)
    zoek = forms.CharField(widget=forms.TextInput(attrs={"type": "search", "data-x": True}))
    getal = forms.IntegerField(min_value=0, required=False)
    bedrag = forms.DecimalField(decimal_places=2, required=False)
    datum = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), required=False)
    moment = forms.DateTimeField(required=False)
    email = forms.EmailField(required=False)
    url = forms.URLField(required=False, assume_scheme="https")
    wachtwoord = forms.CharField(widget=forms.PasswordInput(render_value=True), required=False)
    verborgen = forms.CharField(widget=forms.HiddenInput, required=False)
    vinkje = forms.BooleanField(required=False)
    bestand = forms.FileField(required=False)
    toelichting = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)


@pytest.mark.parametrize(
    "data",
    [
        None,
        {"tekst": 'a"<b>&', "zoek": "x", "getal": "-1", "bedrag": "1,5", "datum": "2026-12-02",
         "email": "ik@", "wachtwoord": "<geheim>", "verborgen": "v", "vinkje": "on",
         "toelichting": "regel 1\n<regel 2> & \"3\""},
        {"tekst": "x" * 20, "getal": "veel", "moment": "gisteren", "toelichting": ""},
    ],
)  # fmt: skip
def test_inputs_and_text_areas_are_djangos(data):
    standaard = Invoer(data, renderer=DjangoTemplates())
    snel = Invoer(data, renderer=Renderer())
    for naam in standaard.fields:
        assert str(snel[naam]) == str(standaard[naam]), naam


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
        d = forms.CharField()
        e = forms.CharField(widget=forms.Textarea)
        f = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))

    formulier = Formulier(renderer=Renderer())
    assert all(str(formulier[naam]) for naam in "abcdef")
    assert gebruikt == []
