from __future__ import annotations

from datetime import date, timedelta

from django import forms
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from werkcentrum.forms import DatumInput, TelefoonInput
from werkcentrum.formulierbescherming import HoneypotField, honeypot_gevuld
from werkcentrum.models import Gemeente, Locatie, Medewerker, Organisatie
from werkcentrum.validators import enkele_regel_validator, telefoon_validator

from .contactroute import contactroutes
from .models import Dienst, Doelgroep, Doorverwijzing, Gesprek, Thema, Traject, Vraag
from .regiolijsten import doelgroepen_voor
from .validators import geen_persoonsgegevens


def privacy_link(regio) -> str:
    """The help text of a consent checkbox on a public form: a link to the privacyverklaring."""
    url = reverse("verklaring", kwargs={"regio": regio.code, "soort": "privacyverklaring"})
    return format_html(
        '<a class="utrecht-link" href="{}">{}</a>', url, _("Lees hoe we met je gegevens omgaan")
    )


class VraagForm(forms.Form):
    thema = forms.ModelChoiceField(
        label=_("Waar gaat je vraag over?"),
        queryset=Thema.objects.all(),
        empty_label=_("Kies een onderwerp"),
    )
    gemeente = forms.ModelChoiceField(
        label=_("Je woongemeente"),
        queryset=Gemeente.objects.none(),
        required=False,
        empty_label=_("Zeg ik liever niet / buiten de regio"),
    )
    tekst = forms.CharField(
        label=_("Je vraag"), widget=forms.Textarea(attrs={"rows": 6}), max_length=3000
    )
    wil_antwoord = forms.BooleanField(label=_("Ik wil een antwoord"), required=False, initial=True)
    naam = forms.CharField(
        label=_("Naam (niet verplicht)"),
        required=False,
        max_length=150,
        validators=[enkele_regel_validator],
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-mailadres"),
        required=False,
        help_text=_("Vul een e-mailadres of telefoonnummer in als je antwoord wilt."),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "inputmode": "email"}),
    )
    telefoon = forms.CharField(
        label=_("Telefoonnummer"),
        required=False,
        max_length=20,
        validators=[enkele_regel_validator, telefoon_validator],
        widget=TelefoonInput(),
    )
    toestemming = forms.BooleanField(
        label=_("Het Werkcentrum mag mijn gegevens gebruiken om mijn vraag te beantwoorden."),
        required=False,
    )
    website = HoneypotField()

    def __init__(self, *args, regio, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = Gemeente.objects.in_regio(regio)
        # The page shows how many characters are left; the browser must not cut off a
        # pasted text silently, the server refuses too long a text and keeps it.
        self.fields["tekst"].widget.attrs.pop("maxlength", None)
        self.fields["toestemming"].help_text = privacy_link(regio)

    def clean_website(self) -> str:
        # Missing counts as filled: a bot that leaves the field out is still a bot.
        if honeypot_gevuld(self.data):
            raise forms.ValidationError(_("Dit veld moet leeg blijven."), code="honeypot")
        return ""

    def clean(self):
        data = super().clean()
        geen_contact = not (data.get("email") or data.get("telefoon"))
        contactfout = "email" in self.errors or "telefoon" in self.errors
        if data.get("wil_antwoord") and geen_contact and not contactfout:
            self.add_error(
                "email", _("Vul een e-mailadres of telefoonnummer in, dan kunnen we antwoorden.")
            )
        if (data.get("wil_antwoord") or data.get("email") or data.get("telefoon")) and not data.get(
            "toestemming"
        ):
            self.add_error(
                "toestemming", _("Geef toestemming om je gegevens voor het antwoord te gebruiken.")
            )
        return data


# The doelgroepen as an inwoner says them: staff words like "NUG" mean nothing to a visitor.
SITUATIES = {
    "nug": _("Ik heb geen uitkering"),
    "ww": _("Ik heb een WW-uitkering"),
    "bijstand": _("Ik heb een bijstandsuitkering"),
    "wajong": _("Ik heb een Wajong-uitkering"),
    "wia-zw": _("Ik ben ziek of arbeidsongeschikt (WIA of Ziektewet)"),
    "werkenden": _("Ik heb werk en zoek ander werk"),
    "jongeren": _("Ik ben jonger dan 27 of kom net van school"),
    "statushouders": _("Ik heb een verblijfsvergunning als vluchteling"),
    "oekrainers": _("Ik kom uit Oekraïne"),
    "eu-arbeidsmigranten": _("Ik kom uit een ander EU-land om hier te werken"),
    "ondernemers": _("Ik heb een eigen bedrijf of werk als zzp'er"),
    "arbeidsbeperking": _("Ik heb een beperking of ziekte die werken lastiger maakt"),
}


class SituatieField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Doelgroep) -> str:
        return str(SITUATIES.get(obj.code, obj))


class WegwijzerForm(forms.Form):
    thema = forms.ModelChoiceField(
        label=_("Mijn vraag gaat over"),
        queryset=Thema.objects.all(),
        required=False,
        empty_label=_("Alle onderwerpen"),
    )
    doelgroep = SituatieField(
        label=_("Mijn situatie"),
        queryset=Doelgroep.objects.none(),
        required=False,
        empty_label=_("Alle situaties"),
    )
    gemeente = forms.ModelChoiceField(
        label=_("Ik woon in"),
        queryset=Gemeente.objects.none(),
        required=False,
        empty_label=_("Alle gemeenten"),
    )

    def __init__(self, *args, regio, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = Gemeente.objects.in_regio(regio)
        # "Onbekend" is the gids' word for not knowing; "Alle situaties" is the visitor's.
        self.fields["doelgroep"].queryset = doelgroepen_voor(regio).exclude(code="onbekend")


class GesprekForm(forms.Form):
    """The tablet form: big radio buttons and checkboxes, nothing typed that is not needed."""

    kanaal = forms.ChoiceField(
        label=_("Kanaal"),
        choices=Gesprek.Kanaal.choices,
        widget=forms.RadioSelect,
        initial=Gesprek.Kanaal.INLOOP,
    )
    locatie = forms.ModelChoiceField(
        label=_("Locatie"),
        queryset=Locatie.objects.none(),
        required=False,
        empty_label=_("Geen (telefoon, online)"),
    )
    doelgroep = forms.ModelChoiceField(
        label=_("Doelgroep"), queryset=Doelgroep.objects.none(), empty_label=None
    )
    themas = forms.ModelMultipleChoiceField(
        label=_("Hulpvraag"),
        queryset=Thema.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies minstens één thema.")},
    )
    leeftijdscategorie = forms.ChoiceField(
        label=_("Leeftijd"),
        choices=Gesprek.Leeftijd.choices,
        widget=forms.RadioSelect,
        initial=Gesprek.Leeftijd.ONBEKEND,
    )
    woongemeente = forms.ModelChoiceField(
        label=_("Woongemeente"),
        queryset=Gemeente.objects.none(),
        required=False,
        empty_label=_("Buiten de regio of onbekend"),
    )
    uitkomst = forms.ChoiceField(
        label=_("Uitkomst"), choices=Gesprek.Uitkomst.choices, widget=forms.RadioSelect
    )
    notitie = forms.CharField(
        label=_("Notitie (zonder persoonsgegevens)"),
        required=False,
        validators=[geen_persoonsgegevens],
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )
    bezoekcode = forms.CharField(
        label=_("Bezoekcode (als de bezoeker die heeft)"),
        required=False,
        max_length=12,
        validators=[enkele_regel_validator],
    )
    nieuwe_bezoekcode = forms.BooleanField(
        label=_("Geef een nieuwe bezoekcode mee"), required=False
    )

    def __init__(self, *args, user: Medewerker, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["locatie"].queryset = Locatie.objects.voor(user).filter(actief=True)
        self.fields["woongemeente"].queryset = Gemeente.objects.voor(user)
        # A new gesprek: the regio's doelgroepen (national ones it did not hide, its own).
        self.fields["doelgroep"].queryset = doelgroepen_voor(user.regio_id)
        if not self.is_bound:  # a sent form shows what was sent
            self.fields["doelgroep"].initial = (
                self.fields["doelgroep"].queryset.filter(code="onbekend").first()
            )

    def clean(self):
        data = super().clean()
        if data.get("kanaal") == Gesprek.Kanaal.INLOOP and not data.get("locatie"):
            self.add_error("locatie", _("Kies de locatie van het inloopspreekuur."))
        if data.get("bezoekcode") and data.get("nieuwe_bezoekcode"):
            self.add_error(
                "nieuwe_bezoekcode", _("Kies een bestaande code of een nieuwe, niet allebei.")
            )
        return data


class DoorverwijzingForm(forms.Form):
    dienst = forms.ModelChoiceField(label=_("Naar welke dienst"), queryset=Dienst.objects.none())
    samenvatting = forms.CharField(
        label=_("Samenvatting van de vraag"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Zodat de persoon het verhaal niet opnieuw hoeft te vertellen."),
    )
    naam = forms.CharField(
        label=_("Naam"), required=False, max_length=150, validators=[enkele_regel_validator]
    )
    email = forms.EmailField(label=_("E-mailadres"), required=False)
    telefoon = forms.CharField(
        label=_("Telefoonnummer"),
        required=False,
        max_length=20,
        validators=[enkele_regel_validator, telefoon_validator],
    )
    toestemming_gegevens = forms.CharField(
        label=_("Toestemming voor welke gegevens"),
        max_length=300,
        initial=_("naam, telefoonnummer, e-mailadres en de samenvatting"),
        validators=[enkele_regel_validator],
    )
    toestemming = forms.BooleanField(
        label=_(
            "De persoon geeft toestemming om deze gegevens met de gekozen organisatie te delen"
        ),
        required=False,
    )

    def __init__(self, *args, user: Medewerker, huidige_dienst_id: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        # The dienst it went to already is no choice: forwarding goes somewhere else.
        self.fields["dienst"].queryset = (
            Dienst.objects.voor(user)
            .filter(actief=True, organisatie__actief=True)
            .exclude(pk=huidige_dienst_id)
            .select_related("organisatie")
        )
        # Each choice says where it will go, so the gids sees it before sending.
        self.routes = contactroutes(Organisatie.objects.voor(user).filter(actief=True))
        self.fields["dienst"].label_from_instance = lambda d: f"{d} - {self.route_van(d)}"

    def route_van(self, dienst: Dienst) -> str:
        route = self.routes.get(dienst.organisatie_id)
        return route.omschrijving if route else ""

    def gekozen_route(self):
        """The route of the dienst chosen (bound) or preselected (initial), for the page."""
        waarde = self["dienst"].value()
        try:
            dienst = self.fields["dienst"].to_python(waarde)
        except forms.ValidationError:
            return None
        return self.routes.get(dienst.organisatie_id) if dienst else None

    def clean(self):
        data = super().clean()
        if not data.get("toestemming"):
            self.add_error(
                "toestemming",
                _("Zonder toestemming van de persoon kan er niet worden doorverwezen."),
            )
        if (
            not (data.get("naam") or data.get("email") or data.get("telefoon"))
            and not self.errors.get("email")
            and not self.errors.get("telefoon")
        ):
            self.add_error(
                "telefoon",
                _("Vul een telefoonnummer of e-mailadres in, zodat de partner kan bellen."),
            )
        return data


class DoorsturenForm(forms.Form):
    dienst = forms.ModelChoiceField(label=_("Naar welke dienst"), queryset=Dienst.objects.none())
    toestemming = forms.BooleanField(
        label=_("De persoon gaf toestemming om de gegevens met deze organisatie te delen"),
        required=False,
    )

    def __init__(self, *args, user: Medewerker, huidige_dienst_id: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        # The dienst it went to already is no choice: forwarding goes somewhere else.
        self.fields["dienst"].queryset = (
            Dienst.objects.voor(user)
            .filter(actief=True, organisatie__actief=True)
            .exclude(pk=huidige_dienst_id)
            .select_related("organisatie")
        )


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Nieuwe status"), choices=Doorverwijzing.Status.choices)
    toelichting = forms.CharField(
        label=_("Toelichting (verplicht bij niet gelukt)"),
        required=False,
        max_length=300,
        validators=[enkele_regel_validator],
    )

    def __init__(self, *args, keuzes: list[tuple[str, str]] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if keuzes is not None:
            self.fields["status"].choices = keuzes


class ToewijzenForm(forms.Form):
    aan = forms.ModelChoiceField(label=_("Toewijzen aan"), queryset=Medewerker.objects.none())

    def __init__(self, *args, user: Medewerker, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["aan"].queryset = (
            Medewerker.objects.voor(user)
            .filter(groups__name__in=["gids", "coordinator"], is_active=True)
            .distinct()
        )


class AntwoordForm(forms.Form):
    antwoord = forms.CharField(
        label=_("Antwoord"), widget=forms.Textarea(attrs={"rows": 6}), max_length=5000
    )


class SluitenForm(forms.Form):
    reden = forms.CharField(
        label=_("Reden van sluiten zonder antwoord"),
        required=False,
        max_length=300,
        validators=[enkele_regel_validator],
        help_text=_("Bijvoorbeeld: dubbele vraag, of de inwoner is telefonisch geholpen."),
    )
    bevestigd = forms.BooleanField(
        label=_("Ja, sluit deze vraag zonder antwoord aan de inwoner"), required=False
    )


class ToeleidingForm(forms.Form):
    thema = forms.ModelChoiceField(label=_("Thema"), queryset=Thema.objects.all())
    gemeente = forms.ModelChoiceField(
        label=_("Woongemeente"), queryset=Gemeente.objects.none(), required=False
    )
    tekst = forms.CharField(
        label=_("Waarmee heeft de persoon hulp nodig?"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=3000,
    )
    naam = forms.CharField(label=_("Naam"), max_length=150, validators=[enkele_regel_validator])
    email = forms.EmailField(label=_("E-mailadres"), required=False)
    telefoon = forms.CharField(
        label=_("Telefoonnummer"),
        required=False,
        max_length=20,
        validators=[enkele_regel_validator, telefoon_validator],
    )
    toestemming = forms.BooleanField(
        label=_("De persoon geeft toestemming om deze gegevens met het Werkcentrum te delen"),
        required=False,
    )

    def __init__(self, *args, user: Medewerker, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = Gemeente.objects.voor(user)


class DienstForm(forms.ModelForm):
    website = forms.URLField(
        label=_("Website"), required=False, assume_scheme="https", max_length=200
    )

    class Meta:
        model = Dienst
        fields = [
            "organisatie",
            "naam",
            "omschrijving",
            "themas",
            "doelgroepen",
            "gemeenten",
            "hoe_doorverwijzen",
            "reactietermijn_werkdagen",
            "telefoon",
            "email",
            "website",
            "adres",
            "openingstijden",
            "contact",
            "gepubliceerd",
            "actief",
        ]
        widgets = {
            "themas": forms.CheckboxSelectMultiple,
            "doelgroepen": forms.CheckboxSelectMultiple,
            "gemeenten": forms.CheckboxSelectMultiple,
            "omschrijving": forms.Textarea(attrs={"rows": 4}),
            "hoe_doorverwijzen": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, user: Medewerker, **kwargs):
        super().__init__(*args, **kwargs)
        orgs = Organisatie.objects.voor(user).filter(actief=True)
        if not (user.is_superuser or user.heeft_rol("beheerder", "coordinator")):
            orgs = orgs.filter(pk=user.organisatie_id)
        self.fields["organisatie"].queryset = orgs
        self.fields["gemeenten"].queryset = Gemeente.objects.voor(user)
        # The regio's doelgroepen, and those the dienst already has if hidden since.
        self.fields["doelgroepen"].queryset = doelgroepen_voor(
            self.instance.regio_id or user.regio_id,
            ook=self.instance.doelgroepen.all() if self.instance.pk else (),
        )


class TrajectForm(forms.Form):
    soort = forms.ChoiceField(label=_("Soort traject"), choices=Traject.Soort.choices)
    aanbieder = forms.ModelChoiceField(label=_("Aanbieder"), queryset=Organisatie.objects.none())
    startdatum = forms.DateField(label=_("Startdatum"), widget=DatumInput())
    einddatum = forms.DateField(
        label=_("Einddatum (verwacht)"),
        required=False,
        widget=DatumInput(),
    )
    kosten = forms.DecimalField(
        label=_("Kosten in euro"), min_value=0, max_digits=14, decimal_places=2
    )
    naam = forms.CharField(label=_("Naam"), max_length=150, validators=[enkele_regel_validator])
    email = forms.EmailField(label=_("E-mailadres"), required=False)
    telefoon = forms.CharField(
        label=_("Telefoonnummer"),
        required=False,
        max_length=20,
        validators=[enkele_regel_validator, telefoon_validator],
    )
    toestemming_gegevens = forms.CharField(
        label=_("Toestemming voor welke gegevens"),
        max_length=300,
        initial=_("naam en contactgegevens"),
        validators=[enkele_regel_validator],
    )
    toestemming = forms.BooleanField(
        label=_("De persoon geeft toestemming voor het vastleggen van deze gegevens"),
        required=False,
    )

    def __init__(self, *args, user: Medewerker, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["aanbieder"].queryset = Organisatie.objects.voor(user).filter(actief=True)

    def clean(self):
        data = super().clean()
        if (
            data.get("einddatum")
            and data.get("startdatum")
            and data["einddatum"] < data["startdatum"]
        ):
            self.add_error("einddatum", _("De einddatum ligt voor de startdatum."))
        if not data.get("toestemming"):
            self.add_error(
                "toestemming", _("Zonder toestemming van de persoon start er geen traject.")
            )
        return data


class TrajectBijwerkenForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Traject.Status.choices)
    einddatum = forms.DateField(label=_("Einddatum"), required=False, widget=DatumInput())
    kosten = forms.DecimalField(
        label=_("Kosten in euro"), min_value=0, max_digits=14, decimal_places=2
    )
    resultaat = forms.CharField(
        label=_("Resultaat"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class ZoekForm(forms.Form):
    zoek = forms.CharField(
        label=_("Zoeken"), required=False, max_length=100, validators=[enkele_regel_validator]
    )


class VraagFilterForm(ZoekForm):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("open", _("Open")), ("", _("Alle")), *Vraag.Status.choices],
    )
    thema = forms.ModelChoiceField(
        label=_("Thema"),
        queryset=Thema.objects.all(),
        required=False,
        empty_label=_("Alle thema's"),
    )


class DoorverwijzingFilterForm(ZoekForm):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Alle")), *Doorverwijzing.Status.choices]
    )


class DienstFilterForm(ZoekForm):
    thema = forms.ModelChoiceField(
        label=_("Thema"),
        queryset=Thema.objects.all(),
        required=False,
        empty_label=_("Alle thema's"),
    )
    doelgroep = forms.ModelChoiceField(
        label=_("Doelgroep"),
        queryset=Doelgroep.objects.none(),
        required=False,
        empty_label=_("Alle doelgroepen"),
    )

    def __init__(self, *args, regio=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["doelgroep"].queryset = doelgroepen_voor(regio)


class GesprekFilterForm(forms.Form):
    kanaal = forms.ChoiceField(
        label=_("Kanaal"), required=False, choices=[("", _("Alle")), *Gesprek.Kanaal.choices]
    )
    locatie = forms.ModelChoiceField(
        label=_("Locatie"),
        queryset=Locatie.objects.none(),
        required=False,
        empty_label=_("Alle locaties"),
    )

    def __init__(self, *args, user: Medewerker, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["locatie"].queryset = Locatie.objects.voor(user)


class PeriodeForm(forms.Form):
    van = forms.DateField(label=_("Van"), required=False, widget=DatumInput())
    tot = forms.DateField(label=_("Tot en met"), required=False, widget=DatumInput())

    def periode(self) -> tuple[date, date]:
        vandaag = timezone.localdate()
        data = self.cleaned_data if self.is_valid() else {}
        tot = data.get("tot") or vandaag
        van = data.get("van") or (tot - timedelta(days=365))
        return van, tot

    def clean(self):
        data = super().clean()
        if data.get("van") and data.get("tot") and data["van"] > data["tot"]:
            self.add_error("tot", _("De einddatum ligt voor de begindatum."))
        return data
