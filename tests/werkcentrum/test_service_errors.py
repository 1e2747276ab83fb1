"""One behaviour for a service's ValidationError on a form (werkcentrum.forms)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from werkcentrum.forms import add_service_errors, run_service


class Formulier(forms.Form):
    naam = forms.CharField()
    datum = forms.DateField()


def _form() -> Formulier:
    form = Formulier({"naam": "Piet", "datum": "2026-01-05"})
    assert form.is_valid()
    return form


def test_a_field_error_goes_next_to_its_field_and_the_rest_on_top():
    form = _form()
    add_service_errors(
        form,
        ValidationError({"naam": "Bestaat al.", "regio": "Andere regio.", "__all__": "Dicht."}),
    )
    assert form.errors["naam"] == ["Bestaat al."]
    assert sorted(form.non_field_errors()) == ["Andere regio.", "Dicht."]
    assert "regio" not in form.errors


def test_a_plain_error_goes_on_top_with_its_code():
    form = _form()
    add_service_errors(form, ValidationError("Niet toegestaan.", code="dicht"))
    assert form.non_field_errors() == ["Niet toegestaan."]
    assert form.has_error(forms.forms.NON_FIELD_ERRORS, code="dicht")


def test_run_service_returns_the_result_or_none_with_the_errors_on_the_form():
    form = _form()
    assert run_service(form, lambda: 42) == 42
    assert not form.errors

    def weigert():
        raise ValidationError({"datum": "Ligt in het verleden."})

    assert run_service(form, weigert) is None
    assert form.errors["datum"] == ["Ligt in het verleden."]
    assert form.data["naam"] == "Piet"  # the input is kept
