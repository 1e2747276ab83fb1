"""Forms of the factsheet pages that are not about the figures."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from werkcentrum.models import Gemeente

from ..factsheet_models import FactsheetOntvanger


class OntvangerForm(forms.ModelForm):
    """A recipient of the regio's factsheet (gemeente empty, e.g. UWV) or of one gemeente's.
    The choice of gemeenten is the user's regio's; the service checks it again."""

    class Meta:
        model = FactsheetOntvanger
        fields = ["naam", "email", "gemeente"]
        help_texts = {
            "naam": _("Bijvoorbeeld de naam van de contactpersoon en de organisatie."),
            "gemeente": _(
                "Leeg: de factsheet van de hele regio (bijvoorbeeld voor UWV). Met een "
                "gemeente: de factsheet van die gemeente."
            ),
        }
        error_messages = {
            "gemeente": {"invalid_choice": _("Onbekende gemeente in deze regio.")},
            "email": {"invalid": _("Vul een geldig e-mailadres in, zoals naam@gemeente.nl.")},
        }

    def __init__(self, *args, regio, **kwargs):
        super().__init__(*args, **kwargs)
        veld = self.fields["gemeente"]
        veld.queryset = Gemeente.objects.filter(regio=regio).order_by("naam")
        veld.empty_label = _("Hele regio (bijvoorbeeld UWV)")
