"""The confirm step of a withdrawal of consent (issue 23)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from werkcentrum.validators import enkele_regel_validator


class ToestemmingIntrekkenForm(forms.Form):
    toelichting = forms.CharField(
        label=_("Toelichting (optioneel)"),
        required=False,
        max_length=500,
        validators=[enkele_regel_validator],
        help_text=_("Bijvoorbeeld hoe de persoon het liet weten. Geen medische gegevens."),
    )
    bevestigen = forms.BooleanField(
        label=_("De persoon heeft de toestemming ingetrokken: stop elke verdere verwerking"),
        required=True,
        error_messages={
            "required": _("Bevestig dat de persoon de toestemming heeft ingetrokken."),
        },
    )
