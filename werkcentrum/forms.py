from collections.abc import Callable
from typing import TypeVar

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import Gemeente, Organisatie
from .validators import enkele_regel_validator

T = TypeVar("T")


def add_service_errors(form: forms.BaseForm, exc: ValidationError) -> None:
    """Put a service's ValidationError on `form`, the one behaviour of every view: each message
    next to its field when the form has that field, every other message at the top."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.error_list)


def run_service(form: forms.BaseForm, action: Callable[[], T]) -> T | None:
    """Call `action` (a service); a ValidationError it raises goes onto `form`
    (add_service_errors) and gives None, so the view shows the form again with the input."""
    try:
        return action()
    except ValidationError as exc:
        add_service_errors(form, exc)
        return None


class LocatieFilterForm(forms.Form):
    zoek = forms.CharField(
        label=_("Zoeken"), required=False, max_length=100, validators=[enkele_regel_validator]
    )
    gemeente = forms.ModelChoiceField(
        label=_("Gemeente"),
        queryset=Gemeente.objects.none(),
        required=False,
        empty_label=_("Alle gemeenten"),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = Gemeente.objects.voor(user)


class OrganisatieFilterForm(forms.Form):
    zoek = forms.CharField(
        label=_("Zoeken"), required=False, max_length=100, validators=[enkele_regel_validator]
    )
    type = forms.ChoiceField(
        label=_("Soort organisatie"),
        choices=[("", _("Alle soorten")), *Organisatie.Type.choices],
        required=False,
    )
