from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Gemeente, Organisatie
from .validators import enkele_regel_validator


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
