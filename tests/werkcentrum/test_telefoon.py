"""One phone-number rule (werkcentrum.validators.telefoon_validator), on every model and form
field that takes a phone number."""

from __future__ import annotations

import importlib
import inspect

import pytest
from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError

from werkcentrum.validators import telefoon_validator

PROJECT_APPS = ("werkcentrum", "loket", "wsp", "rba", "financien")


@pytest.mark.parametrize("nummer", ["023 511 5115", "0235115115", "+31 6 1234 5678", "06-12345678"])
def test_a_dutch_phone_number_passes(nummer):
    telefoon_validator(nummer)


@pytest.mark.parametrize("nummer", ["abc", "12345", "023 511 5115 ext 4", "<b>0612345678</b>"])
def test_anything_else_gets_the_dutch_message(nummer):
    with pytest.raises(ValidationError) as fout:
        telefoon_validator(nummer)
    assert "telefoonnummer" in fout.value.messages[0]


def test_every_phone_model_field_uses_the_one_rule():
    velden = [
        veld
        for model in apps.get_models()
        if model._meta.app_label in PROJECT_APPS
        for veld in model._meta.get_fields()
        if veld.name == "telefoon"
    ]
    assert velden
    for veld in velden:
        assert telefoon_validator in veld.validators, veld


def test_every_phone_form_field_uses_the_one_rule():
    gevonden = 0
    for app in PROJECT_APPS:
        try:
            module = importlib.import_module(f"{app}.forms")
        except ModuleNotFoundError:
            continue
        for _naam, klasse in inspect.getmembers(module, inspect.isclass):
            if not issubclass(klasse, forms.BaseForm) or klasse.__module__ != module.__name__:
                continue
            veld = klasse.base_fields.get("telefoon")
            if veld is None:
                continue
            gevonden += 1
            if issubclass(klasse, forms.BaseModelForm) and "telefoon" in klasse._meta.fields:
                # A model form validates with the model field's validators (full_clean).
                veld = klasse._meta.model._meta.get_field("telefoon")
            assert telefoon_validator in veld.validators, klasse
    assert gevonden
