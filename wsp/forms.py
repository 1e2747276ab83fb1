from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from werkcentrum.autocomplete import SearchChoiceField
from werkcentrum.bestanden import bestand_controleren
from werkcentrum.forms import DatumInput, TelefoonInput
from werkcentrum.formulierbescherming import HoneypotField
from werkcentrum.models import Gemeente, Medewerker, Organisatie
from werkcentrum.validators import enkele_regel_validator, telefoon_validator

from .keuzes import Opleidingsniveau
from .models import (
    Activiteit,
    Cluster,
    Contactmoment,
    Doelstelling,
    Kandidaat,
    NazorgMoment,
    Plaatsing,
    Skill,
    Vacature,
    Werkgever,
    Werkgeversverzoek,
)
from .regiolijsten import clusters_voor, doelgroepen_voor, instrumenten_voor, sectoren_voor

DATUM = DatumInput()


def _regio_id(user, instance) -> int | None:
    """The regio whose lists a form offers: the record's, else the user's."""
    return getattr(instance, "regio_id", None) or getattr(user, "regio_id", None)


def _doelgroep_veld(keuzes, **kwargs) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Doelgroep"),
        choices=[("", "---------"), *keuzes],
        error_messages={"invalid_choice": _("Kies een doelgroep uit de lijst van de regio.")},
        **kwargs,
    )


def _adviseurs(user):
    return (
        Medewerker.objects.voor(user)
        .filter(groups__name__in=["wsp_adviseur", "wsp_manager"], is_active=True)
        .distinct()
        .order_by("first_name", "last_name")
    )


class NieuweSkillsMixin(forms.Form):
    nieuwe_skills = forms.CharField(
        label=_("Nieuwe vaardigheden"),
        required=False,
        max_length=400,
        help_text=_(
            "Staat een vaardigheid niet in de lijst? Typ hem hier, gescheiden door komma's."
        ),
        validators=[enkele_regel_validator],
    )

    def clean_nieuwe_skills(self) -> list[str]:
        namen = [n.strip() for n in self.cleaned_data["nieuwe_skills"].split(",")]
        return [n[:80] for n in namen if n]


class WerkgeverFilterForm(forms.Form):
    zoek = forms.CharField(
        label=_("Naam of KvK-nummer"),
        required=False,
        max_length=100,
        validators=[enkele_regel_validator],
    )
    cluster = forms.ModelChoiceField(
        label=_("Cluster"),
        queryset=Cluster.objects.none(),
        required=False,
        empty_label=_("Alle clusters"),
    )
    gemeente = forms.ModelChoiceField(
        label=_("Gemeente (vestiging)"),
        queryset=Gemeente.objects.none(),
        required=False,
        empty_label=_("Alle gemeenten"),
    )
    # A name search, not a select: a list of every adviseur of the regio makes the page
    # slower as the regio grows (hundreds of options at scale), and is hard to use.
    accounthouder = forms.CharField(
        label=_("Accounthouder"),
        required=False,
        max_length=100,
        help_text=_("Voornaam of achternaam, of een deel ervan."),
        validators=[enkele_regel_validator],
    )
    alleen_mijn = forms.BooleanField(label=_("Alleen mijn accounts"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = Gemeente.objects.voor(user)
        self.fields["cluster"].queryset = clusters_voor(user.regio_id)


class WerkgeverForm(forms.ModelForm):
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = Werkgever
        fields = [
            "naam",
            "kvk_nummer",
            "sector",
            "partnerschap",
            "accounthouder",
            "accountteam",
            "website",
            "telefoon",
            "email",
        ]
        widgets = {"kvk_nummer": forms.TextInput(attrs={"inputmode": "numeric"})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["accounthouder"] = SearchChoiceField(
            _adviseurs(user),
            search_fields=("first_name", "last_name"),
            source="medewerkers_zoeken",
            label=_("Accounthouder"),
        )
        self.fields["accountteam"].queryset = _adviseurs(user)
        self.fields["accountteam"].help_text = _("Alleen bij strategische accounts.")
        # The regio's sectoren, and the werkgever's own if the regio hid it since.
        self.fields["sector"].queryset = sectoren_voor(
            _regio_id(user, self.instance), ook=[self.instance.sector_id]
        )

    def clean(self):
        data = super().clean()
        if data.get("accountteam") and data.get("partnerschap") != "strategisch":
            self.add_error(
                "accountteam", _("Alleen een strategisch account heeft een accountteam.")
            )
        return data


class VestigingForm(forms.Form):
    straat = forms.CharField(
        label=_("Straat en huisnummer"), max_length=150, validators=[enkele_regel_validator]
    )
    postcode = forms.CharField(
        label=_("Postcode"), max_length=7, validators=[enkele_regel_validator]
    )
    plaats = forms.CharField(label=_("Plaats"), max_length=100, validators=[enkele_regel_validator])
    gemeente = forms.ModelChoiceField(label=_("Gemeente"), queryset=Gemeente.objects.none())

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = Gemeente.objects.voor(user)


class ContactpersoonForm(forms.Form):
    naam = forms.CharField(label=_("Naam"), max_length=150, validators=[enkele_regel_validator])
    functie = forms.CharField(
        label=_("Functie"), max_length=100, required=False, validators=[enkele_regel_validator]
    )
    email = forms.EmailField(label=_("E-mailadres"), required=False)
    telefoon = forms.CharField(
        label=_("Telefoonnummer"),
        max_length=20,
        required=False,
        validators=[enkele_regel_validator, telefoon_validator],
    )


class ContactmomentForm(forms.ModelForm):
    class Meta:
        model = Contactmoment
        fields = ["datum", "type", "samenvatting", "afspraken", "opvolgdatum"]
        widgets = {"datum": DATUM, "opvolgdatum": DATUM}

    def clean(self):
        data = super().clean()
        if data.get("opvolgdatum") and data.get("datum") and data["opvolgdatum"] < data["datum"]:
            self.add_error("opvolgdatum", _("De opvolgdatum ligt voor de datum van het contact."))
        return data


class VerzoekForm(forms.ModelForm):
    """A werkgeversverzoek as staff record a phone call."""

    class Meta:
        model = Werkgeversverzoek
        fields = [
            "bedrijfsnaam",
            "kvk_nummer",
            "contactnaam",
            "email",
            "telefoon",
            "sector",
            "vraag",
        ]
        widgets = {"kvk_nummer": forms.TextInput(attrs={"inputmode": "numeric"})}

    def __init__(self, *args, regio, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].required = False
        self.fields["sector"].empty_label = _("Weet ik niet")
        self.fields["sector"].queryset = sectoren_voor(regio)
        self.fields["email"].widget.attrs.update(autocomplete="email", inputmode="email")
        self.fields["telefoon"].widget = TelefoonInput(attrs=self.fields["telefoon"].widget.attrs)
        self.fields["contactnaam"].widget.attrs["autocomplete"] = "name"
        self.fields["bedrijfsnaam"].widget.attrs["autocomplete"] = "organization"


class VerzoekPubliekForm(VerzoekForm):
    """The public "Ik ben werkgever" form."""

    # Bots fill it in; the view then answers as if all went well and saves nothing.
    website = HoneypotField()


class VerzoekLoketForm(VerzoekForm):
    """The same questions as the public form, typed in by a gids for a werkgever at the
    spreekuur or on the loket's phone line; the gids says which of the two it was."""

    BRONNEN = [
        (Werkgeversverzoek.Bron.SPREEKUUR, Werkgeversverzoek.Bron.SPREEKUUR.label),
        (Werkgeversverzoek.Bron.TELEFOON_LOKET, Werkgeversverzoek.Bron.TELEFOON_LOKET.label),
    ]

    bron = forms.ChoiceField(
        label=_("Hoe kwam de werkgever binnen?"), choices=BRONNEN, widget=forms.RadioSelect
    )

    field_order = ["bron", *VerzoekForm.Meta.fields]


class VerzoekReactieForm(forms.Form):
    reactie = forms.CharField(
        label=_("Reactie aan de werkgever"), widget=forms.Textarea(attrs={"rows": 3})
    )


class VacatureForm(NieuweSkillsMixin, forms.ModelForm):
    doelgroepen = forms.MultipleChoiceField(
        label=_("Geschikt voor doelgroep"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Kies doelgroepen uit de lijst van de regio.")},
    )

    class Meta:
        model = Vacature
        fields = [
            "functie",
            "omschrijving",
            "uren_per_week",
            "gemeente",
            "sector",
            "opleidingsniveau",
            "skills",
            "startdatum",
            "sluitingsdatum",
            "doelgroepen",
            "is_vacaturecreatie",
            "is_openbaar",
            "beroepscode",
        ]
        widgets = {"startdatum": DATUM, "sluitingsdatum": DATUM}
        labels = {"skills": _("Vaardigheden")}

    field_order = [*Meta.fields[:7], "nieuwe_skills"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = Gemeente.objects.voor(user)
        self.fields["skills"].queryset = Skill.objects.all()
        self.fields["skills"].required = False
        self.fields["sector"].queryset = sectoren_voor(
            _regio_id(user, self.instance), ook=[self.instance.sector_id]
        )
        self.fields["doelgroepen"].choices = doelgroepen_voor(
            _regio_id(user, self.instance), ook=self.instance.doelgroepen or []
        )


class VacatureStatusForm(forms.Form):
    """Offers only the statuses allowed now; the service checks every choice again."""

    status = forms.ChoiceField(label=_("Nieuwe status"), choices=Vacature.Status.choices)
    sluitingsdatum = forms.DateField(
        label=_("Nieuwe sluitingsdatum"),
        required=False,
        widget=DATUM,
        help_text=_("Alleen bij heropenen: een datum na vandaag."),
    )

    def __init__(self, *args, toegestaan: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        # Only the rendering is narrowed, so a refused choice gets the service's own message.
        self.fields["status"].widget.choices = [
            (waarde, label) for waarde, label in Vacature.Status.choices if waarde in toegestaan
        ]


class KandidaatForm(NieuweSkillsMixin, forms.ModelForm):
    class Meta:
        model = Kandidaat
        fields = [
            "voornaam",
            "achternaam",
            "email",
            "telefoon",
            "woongemeente",
            "doelgroep",
            "doelgroepregister",
            "werkfit",
            "skills",
            "gewenst_beroep",
            "opleidingsniveau",
            "taalniveau",
            "rijbewijs",
            "uren_per_week",
            "gewenste_gemeenten",
            "max_reistijd_minuten",
            "gewenste_sectoren",
            "beschikbaar_vanaf",
            "overgedragen_door",
            "overdrager_naam",
            "overgedragen_op",
            "toestemming",
            "toestemming_op",
        ]
        widgets = {
            "beschikbaar_vanaf": DATUM,
            "overgedragen_op": DATUM,
            "toestemming_op": DATUM,
            "gewenste_gemeenten": forms.CheckboxSelectMultiple,
            "gewenste_sectoren": forms.CheckboxSelectMultiple,
        }
        labels = {"skills": _("Vaardigheden")}

    M2M = ("skills", "gewenste_gemeenten", "gewenste_sectoren")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["woongemeente"].queryset = Gemeente.objects.voor(user)
        self.fields["gewenste_gemeenten"].queryset = Gemeente.objects.voor(user)
        self.fields["overgedragen_door"].queryset = Organisatie.objects.voor(user)
        self.fields["skills"].required = False
        # The regio's sectoren, and those the kandidaat already wishes if hidden since.
        self.fields["gewenste_sectoren"].queryset = sectoren_voor(
            _regio_id(user, self.instance),
            ook=self.instance.gewenste_sectoren.all() if self.instance.pk else (),
        )
        # The regio's active doelgroepen, and the kandidaat's own if deactivated since.
        self.fields["doelgroep"] = _doelgroep_veld(
            doelgroepen_voor(_regio_id(user, self.instance), ook=[self.instance.doelgroep])
        )


def _kandidaat_veld(user) -> SearchChoiceField:
    return SearchChoiceField(
        Kandidaat.objects.voor(user).filter(actief=True),
        search_fields=("voornaam", "achternaam"),
        source="wsp:kandidaten_zoeken",
        label=_("Kandidaat"),
    )


class VoordrachtForm(forms.Form):
    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kandidaat"] = _kandidaat_veld(user)


class VoordrachtStatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Nieuwe status"),
        choices=[
            ("gesprek", _("Gesprek")),
            ("aangenomen", _("Aangenomen")),
            ("afgewezen", _("Afgewezen")),
        ],
    )
    afwijsreden = forms.CharField(
        label=_("Reden van afwijzing"),
        required=False,
        max_length=500,
        validators=[enkele_regel_validator],
    )


class PlaatsingForm(forms.ModelForm):
    instrumenten = forms.MultipleChoiceField(
        label=_("Instrumenten ingezet"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Kies instrumenten uit de lijst van de regio.")},
    )

    class Meta:
        model = Plaatsing
        fields = [
            "werkgever",
            "kandidaat",
            "startdatum",
            "einddatum",
            "contractvorm",
            "uren_per_week",
            "instrumenten",
            "reden_overlap",
        ]
        widgets = {
            "startdatum": DATUM,
            "einddatum": DATUM,
            "reden_overlap": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["werkgever"] = SearchChoiceField(
            Werkgever.objects.voor(user),
            search_fields=("naam", "kvk_nummer"),
            source="wsp:werkgevers_zoeken",
            label=_("Werkgever"),
        )
        self.fields["kandidaat"] = _kandidaat_veld(user)
        self.fields["instrumenten"].choices = instrumenten_voor(
            _regio_id(user, self.instance), ook=self.instance.instrumenten or []
        )

    def _post_clean(self):
        # The consent and uniqueness rules are checked by the service (one place); the model
        # clean would otherwise report them twice.
        pass


class StartdatumForm(forms.Form):
    startdatum = forms.DateField(label=_("Nieuwe startdatum"), widget=DATUM)


class NazorgForm(forms.Form):
    uitkomst = forms.ChoiceField(label=_("Uitkomst"), choices=NazorgMoment.Uitkomst.choices)
    nog_in_dienst = forms.TypedChoiceField(
        label=_("Werkt de kandidaat er nog?"),
        choices=[("ja", _("Ja")), ("nee", _("Nee"))],
        coerce=lambda v: v == "ja",
        widget=forms.RadioSelect,
    )
    vervolg = forms.CharField(
        label=_("Vervolgafspraken"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    afgerond_op = forms.DateField(label=_("Datum van het gesprek"), widget=DATUM)
    nazorg_niet_meer_nodig = forms.BooleanField(
        label=_("De werkgever geeft aan dat verdere nazorg niet nodig is"), required=False
    )


class ExtraNazorgForm(forms.Form):
    vervaldatum = forms.DateField(label=_("Extra nazorgmoment uiterlijk op"), widget=DATUM)


class DashboardForm(forms.Form):
    jaar = forms.IntegerField(label=_("Jaar"), min_value=2020, max_value=2100)


class DoelstellingForm(forms.ModelForm):
    class Meta:
        model = Doelstelling
        fields = ["jaar", "doelgroep", "gemeente", "aantal"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jaar"].min_value = 2020
        self.fields["gemeente"].queryset = Gemeente.objects.voor(user)
        self.fields["gemeente"].empty_label = _("Hele regio")
        self.fields["doelgroep"] = _doelgroep_veld(
            doelgroepen_voor(_regio_id(user, self.instance), ook=[self.instance.doelgroep])
        )

    def validate_unique(self) -> None:
        # An existing target is changed, not refused: doelstelling_vastleggen does the upsert.
        pass


class ActiviteitForm(forms.ModelForm):
    class Meta:
        model = Activiteit
        fields = [
            "soort",
            "naam",
            "datum",
            "type",
            "aantal_werkgevers",
            "aantal_werkzoekenden",
            "aantal_plaatsingen",
            "aantal",
            "toelichting",
        ]
        widgets = {"datum": DATUM}


class VacaturekrantFilterForm(forms.Form):
    zoek = forms.CharField(
        label=_("Zoeken"), required=False, max_length=100, validators=[enkele_regel_validator]
    )
    gemeente = forms.ModelChoiceField(
        label=_("Gemeente"),
        queryset=Gemeente.objects.none(),
        required=False,
        empty_label=_("Alle gemeenten"),
    )
    cluster = forms.ModelChoiceField(
        label=_("Sector"),
        queryset=Cluster.objects.none(),
        required=False,
        empty_label=_("Alle sectoren"),
    )
    opleidingsniveau = forms.ChoiceField(
        label=_("Opleidingsniveau"),
        choices=[("", _("Alle niveaus")), *Opleidingsniveau.choices],
        required=False,
    )

    def __init__(self, *args, regio, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = Gemeente.objects.in_regio(regio)
        self.fields["cluster"].queryset = clusters_voor(regio)


def _accounthouders(regio):
    from .importwidgets import wsp_medewerkers

    return wsp_medewerkers(regio).filter(is_active=True).order_by("first_name", "last_name")


class ImportForm(forms.Form):
    soort = forms.ChoiceField(label=_("Wat importeer je?"), choices=[])
    bestand = forms.FileField(
        label=_("Bestand (CSV of XLSX)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )
    accounthouder = forms.ModelChoiceField(
        label=_("Standaard-accounthouder (alleen bij werkgevers)"),
        queryset=Medewerker.objects.none(),
        required=False,
        empty_label=_("Kies na de controle"),
        help_text=_(
            "Voor werkgevers zonder accounthouder in het bestand. Nodig om meteen definitief "
            "te importeren; anders kiest u na de controle."
        ),
    )
    bevestigen = forms.BooleanField(
        label=_("Definitief importeren (zonder vinkje alleen controleren)"), required=False
    )

    def __init__(self, *args, soorten, regio, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["soort"].choices = soorten
        self.fields["accounthouder"].queryset = _accounthouders(regio)

    def opties(self) -> dict:
        if self.cleaned_data.get("soort") == "werkgevers" and self.cleaned_data["accounthouder"]:
            return {"accounthouder": self.cleaned_data["accounthouder"].pk}
        return {}

    def clean_bestand(self):
        bestand = self.cleaned_data["bestand"]
        # By content: a web page or program renamed to .csv/.xlsx is refused, not parsed.
        bestand_controleren(bestand, toegestaan=[".csv", ".xlsx"], max_grootte=5 * 1024 * 1024)
        return bestand


class StandaardAccounthouderForm(forms.Form):
    """On the preview of a werkgevers import whose file leaves some accounthouders empty."""

    accounthouder = forms.ModelChoiceField(
        label=_("Accounthouder van de werkgevers zonder accounthouder"),
        queryset=Medewerker.objects.none(),
        empty_label=_("Kies een WSP-adviseur"),
        error_messages={
            "required": _("Kies de accounthouder van de werkgevers zonder accounthouder."),
            "invalid_choice": _("Kies een WSP-adviseur of -manager van jouw regio."),
        },
    )

    def __init__(self, *args, regio, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["accounthouder"].queryset = _accounthouders(regio)

    def opties(self) -> dict:
        return {"accounthouder": self.cleaned_data["accounthouder"].pk}


class TeruggaveForm(forms.Form):
    """Returning a warme overdracht: the offerer reads this reason, so it is required."""

    reden_teruggave = forms.CharField(
        label=_("Reden van teruggave"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "De aanbieder leest dit. Bijvoorbeeld: nog niet werkfit, past niet bij een "
            "vacature in de regio. Geen medische gegevens."
        ),
        error_messages={"required": _("Geef de reden waarom je teruggeeft.")},
    )


class KetenForm(forms.Form):
    """Period and gemeente of the chain figures (issue 23). Without dates: the last year."""

    van = forms.DateField(label=_("Van"), required=False, widget=DatumInput())
    tot = forms.DateField(label=_("Tot en met"), required=False, widget=DatumInput())
    gemeente = forms.ModelChoiceField(
        label=_("Woongemeente"),
        queryset=Gemeente.objects.none(),
        required=False,
        empty_label=_("Hele regio"),
        error_messages={"invalid_choice": _("Onbekende gemeente in deze regio.")},
    )

    def __init__(self, *args, user: Medewerker, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = Gemeente.objects.voor(user).order_by("naam")

    def clean(self):
        data = super().clean()
        if data.get("van") and data.get("tot") and data["van"] > data["tot"]:
            self.add_error("tot", _("De einddatum ligt voor de begindatum."))
        return data

    def periode(self, *, vandaag) -> tuple:
        from datetime import timedelta

        data = self.cleaned_data if self.is_valid() else {}
        tot = data.get("tot") or vandaag
        return data.get("van") or (tot - timedelta(days=365)), tot
