"""Forms of rba. Querysets of every choice field are scoped to the user's regio."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from werkcentrum.forms import DatumInput
from werkcentrum.models import Medewerker, Organisatie
from werkcentrum.validators import enkele_regel_validator

from .models import (
    Actie,
    Agendapunt,
    AgendaRegel,
    Besluit,
    Lid,
    Onderwerp,
    Overlegorgaan,
    Vergadering,
)
from .uploads import TOEGESTAAN, max_grootte

DATUM = DatumInput()
TIJD = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class _Scoped:
    """Limit every model choice field to the user's regio."""

    def scope_velden(self, user, **querysets) -> None:
        for naam, qs in querysets.items():
            if naam in self.fields:
                self.fields[naam].queryset = qs.voor(user)


# --- edit forms ---------------------------------------------------------------------------


class OrgaanForm(forms.ModelForm):
    class Meta:
        model = Overlegorgaan
        fields = ["naam", "afkorting", "omschrijving", "actief"]


class LidForm(_Scoped, forms.ModelForm):
    class Meta:
        model = Lid
        fields = ["naam", "email", "functie", "organisatie", "medewerker", "rol", "van", "tot"]
        widgets = {"van": DATUM, "tot": DATUM}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope_velden(
            user, organisatie=Organisatie.objects.all(), medewerker=Medewerker.objects.all()
        )


class OnderwerpForm(forms.ModelForm):
    class Meta:
        model = Onderwerp
        fields = ["titel", "omschrijving", "actief"]


class VergaderingForm(_Scoped, forms.ModelForm):
    online_link = forms.URLField(
        label=_("Link voor online deelname"), required=False, assume_scheme="https", max_length=200
    )

    class Meta:
        model = Vergadering
        fields = ["orgaan", "datum", "aanvang", "einde", "locatie", "online_link"]
        widgets = {"datum": DATUM, "aanvang": TIJD, "einde": TIJD}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope_velden(user, orgaan=Overlegorgaan.objects.filter(actief=True))
        if self.instance.pk:
            self.fields["orgaan"].disabled = True

    def _post_clean(self):
        # Model validation runs in the service (which knows the regio); only field checks here.
        pass


class AgendapuntForm(_Scoped, forms.ModelForm):
    class Meta:
        model = Agendapunt
        fields = ["titel", "type", "toelichting", "onderwerp", "evaluatie_periode"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope_velden(user, onderwerp=Onderwerp.objects.filter(actief=True))

    def _post_clean(self):
        pass


class StukForm(forms.Form):
    titel = forms.CharField(
        label=_("Titel"), max_length=200, required=False, validators=[enkele_regel_validator]
    )
    openbaar = forms.BooleanField(
        label=_("Leesbaar voor alle medewerkers van de regio"),
        required=False,
        help_text=_("Anders alleen voor het secretariaat en de leden."),
    )
    bestand = forms.FileField(
        label=_("Bestand"),
        help_text=_("PDF, DOCX of XLSX, hoogstens %(mb)s MB.")
        % {"mb": max_grootte() // (1024 * 1024)},
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(TOEGESTAAN)}),
    )

    def __init__(self, *args, nieuwe_versie: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if nieuwe_versie:
            del self.fields["titel"]
            del self.fields["openbaar"]
        else:
            self.fields["titel"].required = True


_BESLUIT_VELDEN = [
    "orgaan",
    "agendapunt",
    "onderwerp",
    "datum",
    "titel",
    "besluittekst",
    "type",
    "besluitvorming",
    "bedrag",
    "fonds",
    "openbaar",
]


class BesluitForm(_Scoped, forms.ModelForm):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[
            (Besluit.Status.VOORGESTELD, Besluit.Status.VOORGESTELD.label),
            (Besluit.Status.GENOMEN, Besluit.Status.GENOMEN.label),
        ],
        help_text=_(
            "Genomen kan alleen in een gehouden vergadering of schriftelijk op een datum die "
            "niet in de toekomst ligt; anders is het een voorstel. Een genomen besluit is "
            "daarna niet meer te wijzigen."
        ),
    )

    class Meta:
        model = Besluit
        fields = _BESLUIT_VELDEN
        widgets = {"datum": DATUM}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope_velden(
            user,
            orgaan=Overlegorgaan.objects.all(),
            agendapunt=Agendapunt.objects.select_related("vergadering__orgaan"),
            onderwerp=Onderwerp.objects.all(),
        )
        self.fields["agendapunt"].label_from_instance = lambda p: f"{p.vergadering} - {p}"
        if self.instance.pk:
            del self.fields["status"]
            self.fields["orgaan"].disabled = True
            self.fields["agendapunt"].disabled = True

    def clean(self):
        data = super().clean()
        if not data.get("orgaan") and not data.get("agendapunt"):
            self.add_error("orgaan", _("Kies het orgaan dat het besluit neemt."))
        if data.get("type") == Besluit.Type.INZET_REGIONALE_MIDDELEN and data.get("bedrag") is None:
            self.add_error("bedrag", _("Bij inzet van regionale middelen hoort een bedrag."))
        return data

    def _post_clean(self):
        pass


class CorrectieForm(forms.Form):
    datum = forms.DateField(label=_("Datum van de correctie"), widget=DATUM)
    titel = forms.CharField(label=_("Titel"), max_length=250, validators=[enkele_regel_validator])
    besluittekst = forms.CharField(label=_("Besluittekst"), widget=forms.Textarea)
    bedrag = forms.DecimalField(
        label=_("Bedrag (euro)"), max_digits=14, decimal_places=2, min_value=0, required=False
    )
    fonds = forms.CharField(
        label=_("Fonds of geldstroom"),
        max_length=200,
        required=False,
        validators=[enkele_regel_validator],
    )
    openbaar = forms.BooleanField(label=_("Openbaar"), required=False)


class BesluitStatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Nieuwe status"),
        choices=[(s.value, s.label) for s in Besluit.Status if s != Besluit.Status.VOORGESTELD]
        + [(Besluit.Status.VOORGESTELD.value, Besluit.Status.VOORGESTELD.label)],
    )


class ActieForm(_Scoped, forms.ModelForm):
    class Meta:
        model = Actie
        fields = [
            "orgaan",
            "vergadering",
            "besluit",
            "onderwerp",
            "omschrijving",
            "eigenaar",
            "eigenaar_naam",
            "eigenaar_email",
            "deadline",
            "status",
        ]
        widgets = {"deadline": DATUM, "omschrijving": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope_velden(
            user,
            orgaan=Overlegorgaan.objects.all(),
            vergadering=Vergadering.objects.select_related("orgaan"),
            besluit=Besluit.objects.all(),
            onderwerp=Onderwerp.objects.all(),
            eigenaar=Medewerker.objects.filter(is_active=True),
        )
        self.fields["eigenaar"].help_text = _("Of vul hieronder naam en e-mailadres in.")
        if self.instance.pk:
            self.fields["orgaan"].disabled = True

    def clean(self):
        data = super().clean()
        if not data.get("eigenaar") and not (
            data.get("eigenaar_naam") and data.get("eigenaar_email")
        ):
            self.add_error(
                "eigenaar", _("Kies een medewerker of vul naam en e-mailadres van de eigenaar in.")
            )
        return data

    def _post_clean(self):
        pass


class VerslagForm(forms.Form):
    verslag = forms.CharField(label=_("Verslag"), widget=forms.Textarea(attrs={"rows": 12}))
    vaststellen = forms.BooleanField(
        label=_("Verslag vaststellen"),
        required=False,
        help_text=_("Na vaststelling verandert de status en worden geen stukken meer toegevoegd."),
    )


class AgendaRegelForm(forms.ModelForm):
    class Meta:
        model = AgendaRegel
        fields = [
            "pijler",
            "thema",
            "voor_wie",
            "schaal",
            "actie",
            "status",
            "trekkers",
            "financiering",
            "onderwerp",
        ]
        widgets = {
            "actie": forms.Textarea(attrs={"rows": 3}),
            "financiering": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, agenda, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pijler"].queryset = agenda.pijlers.all()
        self.fields["onderwerp"].queryset = Onderwerp.objects.voor(user)


class VoortgangForm(forms.Form):
    datum = forms.DateField(label=_("Datum"), widget=DATUM)
    tekst = forms.CharField(label=_("Voortgang"), widget=forms.Textarea(attrs={"rows": 4}))
