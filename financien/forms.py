from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rba.models import Besluit
from werkcentrum.bestanden import bestand_controleren
from werkcentrum.forms import DatumInput
from werkcentrum.validators import enkele_regel_validator

from . import selectors
from .models import Begrotingspost, Geldstroom, twee_decimalen

DUIZENDTALLEN = re.compile(r"^-?\d{1,3}(\.\d{3})+$")


class BedragField(forms.CharField):
    """An amount as Dutch users type it: "1.234,56", "1234,56", "€ 1234.56". Returns a
    Decimal; more than two decimals is refused (never rounded)."""

    def __init__(self, *args, minimum: Decimal | None = Decimal("0.01"), **kwargs):
        super().__init__(*args, **kwargs)
        self.minimum = minimum
        self.widget.attrs.update({"inputmode": "decimal", "autocomplete": "off", "maxlength": 30})

    def to_python(self, value):
        tekst = super().to_python(value)
        if tekst in self.empty_values:
            return None
        tekst = tekst.replace("€", "").replace(" ", "").replace("\u00a0", "")
        if "," in tekst:
            tekst = tekst.replace(".", "").replace(",", ".")
        elif DUIZENDTALLEN.match(tekst):
            tekst = tekst.replace(".", "")
        try:
            bedrag = Decimal(tekst)
        except InvalidOperation as exc:
            raise ValidationError(_("Vul een bedrag in euro in, bijv. 1.250,00.")) from exc
        if not bedrag.is_finite():
            raise ValidationError(_("Vul een bedrag in euro in, bijv. 1.250,00."))
        twee_decimalen(bedrag)
        if bedrag < 0:
            raise ValidationError(_("Het bedrag mag niet negatief zijn."))
        if self.minimum is not None and bedrag < self.minimum:
            raise ValidationError(_("Het bedrag moet groter zijn dan nul."))
        return bedrag.quantize(Decimal("0.01"))


def _vandaag() -> date:
    return timezone.localdate()


class BoekingForm(forms.Form):
    datum = forms.DateField(label=_("Boekdatum"), widget=DatumInput(), initial=_vandaag)
    bedrag = BedragField(label=_("Bedrag (euro)"), help_text=_("Bijv. 12.500,00"))
    omschrijving = forms.CharField(
        label=_("Omschrijving"), max_length=300, validators=[enkele_regel_validator]
    )
    kenmerk = forms.CharField(
        label=_("Kenmerk"),
        max_length=60,
        required=False,
        help_text=_("Optioneel: factuurnummer of ander kenmerk (uniek in de regio)."),
        validators=[enkele_regel_validator],
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user


class StortingForm(BoekingForm):
    geldstroom = forms.ModelChoiceField(label=_("Geldstroom"), queryset=Geldstroom.objects.none())
    field_order = ["geldstroom", "datum", "bedrag", "omschrijving", "kenmerk"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["geldstroom"].queryset = Geldstroom.objects.voor(user).filter(actief=True)


class VerplichtingForm(StortingForm):
    besluit = forms.ModelChoiceField(
        label=_("RBA-besluit"),
        queryset=None,
        help_text=_("Alleen genomen besluiten over inzet van regionale middelen."),
    )
    begrotingspost = forms.ModelChoiceField(
        label=_("Begrotingspost"), queryset=Begrotingspost.objects.none()
    )
    field_order = [
        "geldstroom",
        "besluit",
        "begrotingspost",
        "datum",
        "bedrag",
        "omschrijving",
        "kenmerk",
    ]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        # Offer only the usable besluiten, but accept any besluit of the regio so that a
        # replaced, withdrawn or not yet taken one (a stale page, a typed id) gets the
        # service's message naming why, next to this field, rather than "invalid choice".
        veld = self.fields["besluit"]
        veld.queryset = Besluit.objects.voor(user)
        veld.choices = [("", veld.empty_label)] + [
            (b.pk, veld.label_from_instance(b))
            for b in selectors.bruikbare_besluiten(user=user).order_by("-datum", "-nummer")
        ]
        self.fields["begrotingspost"].queryset = Begrotingspost.objects.voor(user).filter(
            actief=True
        )


class AfwikkelingForm(BoekingForm):
    """Realisatie or vrijval on one verplichting (taken from the URL)."""


class CorrectieForm(forms.Form):
    datum = forms.DateField(label=_("Boekdatum"), widget=DatumInput(), initial=_vandaag)
    omschrijving = forms.CharField(
        label=_("Reden van de correctie"), max_length=300, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)


class GeldstroomForm(forms.ModelForm):
    class Meta:
        model = Geldstroom
        fields = ["naam", "bron", "regeling", "voorwaarden", "einddatum", "actief"]
        widgets = {"einddatum": DatumInput(), "voorwaarden": forms.Textarea(attrs={"rows": 4})}


class BegrotingspostForm(forms.ModelForm):
    class Meta:
        model = Begrotingspost
        fields = ["code", "naam", "omschrijving", "actief"]
        widgets = {"omschrijving": forms.Textarea(attrs={"rows": 3})}


class BegrotingsregelForm(forms.Form):
    jaar = forms.IntegerField(label=_("Jaar"), min_value=2000, max_value=2100)
    begrotingspost = forms.ModelChoiceField(
        label=_("Begrotingspost"), queryset=Begrotingspost.objects.none()
    )
    begroot = BedragField(label=_("Begroot (euro)"), minimum=Decimal("0"))
    toelichting = forms.CharField(
        label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["begrotingspost"].queryset = Begrotingspost.objects.voor(user)


class JaarForm(forms.Form):
    jaar = forms.TypedChoiceField(label=_("Jaar"), coerce=int, choices=())

    def __init__(self, *args, jaren: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jaar"].choices = [(j, j) for j in jaren]


class ImportForm(forms.Form):
    bestand = forms.FileField(
        label=_("Spreadsheet (.xlsx)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
        help_text=_(
            "Kolommen: kenmerk, datum, soort, geldstroom, begrotingspost, besluit, "
            "verplichting, bedrag, omschrijving."
        ),
    )

    def clean_bestand(self):
        bestand = self.cleaned_data["bestand"]
        # By content: a web page or program renamed to .xlsx is refused here, not parsed.
        bestand_controleren(bestand, toegestaan=[".xlsx"], max_grootte=2 * 1024 * 1024)
        return bestand
