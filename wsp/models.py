"""WSP domain: werkgevers (accounts), contactmomenten, verzoeken with the 24-hour promise,
vacatures, kandidaten, voordrachten, plaatsingen with nazorg, doelstellingen, activiteiten."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkcentrum.models import Arbeidsmarktregio, Gemeente, Organisatie
from werkcentrum.tenancy import RegioManager
from werkcentrum.validators import postcode_validator, telefoon_validator

from .keuzes import Doelgroep, Instrument, Opleidingsniveau, Taalniveau

kvk_validator = RegexValidator(
    r"^[0-9]{8}$", _("Een KvK-nummer bestaat uit precies 8 cijfers, bijvoorbeeld 12345678.")
)
User = settings.AUTH_USER_MODEL


def _regio_fk(related_name: str) -> models.ForeignKey:
    return models.ForeignKey(
        Arbeidsmarktregio,
        on_delete=models.PROTECT,
        related_name=related_name,
        verbose_name=_("regio"),
    )


class Cluster(models.Model):
    """One of the four WSP clusters; shared reference data for every regio."""

    code = models.SlugField(_("code"), max_length=20, unique=True)
    naam = models.CharField(_("naam"), max_length=100)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("cluster")
        verbose_name_plural = _("clusters")
        ordering = ["volgorde", "naam"]

    def __str__(self) -> str:
        return self.naam


class Sector(models.Model):
    code = models.SlugField(_("code"), max_length=30, unique=True)
    naam = models.CharField(_("naam"), max_length=100)
    cluster = models.ForeignKey(
        Cluster, on_delete=models.PROTECT, related_name="sectoren", verbose_name=_("cluster")
    )
    is_focussector = models.BooleanField(_("focussector"), default=False)

    class Meta:
        verbose_name = _("sector")
        verbose_name_plural = _("sectoren")
        ordering = ["cluster__volgorde", "naam"]

    def __str__(self) -> str:
        return self.naam


class Skill(models.Model):
    """The shared skills vocabulary; adviseurs may add new terms."""

    naam = models.CharField(_("naam"), max_length=80, unique=True)

    class Meta:
        verbose_name = _("skill")
        verbose_name_plural = _("skills")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class Werkgever(models.Model):
    class Partnerschap(models.TextChoices):
        STRATEGISCH = "strategisch", _("Strategisch")
        TACTISCH = "tactisch", _("Tactisch")
        OPERATIONEEL = "operationeel", _("Operationeel")

    regio = _regio_fk("werkgevers")
    naam = models.CharField(_("naam"), max_length=200, db_index=True)
    kvk_nummer = models.CharField(_("KvK-nummer"), max_length=8, validators=[kvk_validator])
    sector = models.ForeignKey(
        Sector,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="werkgevers",
        verbose_name=_("sector"),
    )
    partnerschap = models.CharField(
        _("partnerschap"), max_length=20, choices=Partnerschap.choices, blank=True
    )
    accounthouder = models.ForeignKey(
        User,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="wsp_accounts",
        verbose_name=_("accounthouder"),
    )
    accountteam = models.ManyToManyField(
        User, blank=True, related_name="wsp_accountteams", verbose_name=_("accountteam")
    )
    website = models.URLField(_("website"), blank=True)
    telefoon = models.CharField(
        _("telefoonnummer"), max_length=20, blank=True, validators=[telefoon_validator]
    )
    email = models.EmailField(_("e-mailadres"), blank=True)
    externe_id = models.CharField(_("extern id (WBS/Sonar)"), max_length=50, blank=True)
    actief = models.BooleanField(_("actief"), default=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)

    objects = RegioManager()

    class Meta:
        verbose_name = _("werkgever")
        verbose_name_plural = _("werkgevers")
        ordering = ["naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["regio", "kvk_nummer"],
                name="werkgever_kvk_uniek_per_regio",
                violation_error_message=_("Er staat al een werkgever met dit KvK-nummer."),
            ),
            models.CheckConstraint(
                condition=Q(kvk_nummer__regex=r"^[0-9]{8}$"), name="werkgever_kvk_8_cijfers"
            ),
        ]
        indexes = [models.Index(fields=["regio", "accounthouder"], name="werkgever_ah_idx")]

    def __str__(self) -> str:
        return self.naam

    def get_absolute_url(self) -> str:
        return reverse("wsp:werkgever", args=[self.pk])

    @property
    def is_strategisch(self) -> bool:
        return self.partnerschap == self.Partnerschap.STRATEGISCH


class Vestiging(models.Model):
    werkgever = models.ForeignKey(
        Werkgever, on_delete=models.CASCADE, related_name="vestigingen", verbose_name=_("werkgever")
    )
    naam = models.CharField(_("naam"), max_length=150, blank=True)
    straat = models.CharField(_("straat en huisnummer"), max_length=150)
    postcode = models.CharField(_("postcode"), max_length=7, validators=[postcode_validator])
    plaats = models.CharField(_("plaats"), max_length=100)
    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        related_name="wsp_vestigingen",
        verbose_name=_("gemeente"),
    )

    regio_pad = "werkgever__regio"
    objects = RegioManager()

    class Meta:
        verbose_name = _("vestiging")
        verbose_name_plural = _("vestigingen")
        ordering = ["plaats", "straat"]

    def __str__(self) -> str:
        return f"{self.straat}, {self.plaats}"


class Contactpersoon(models.Model):
    werkgever = models.ForeignKey(
        Werkgever,
        on_delete=models.CASCADE,
        related_name="contactpersonen",
        verbose_name=_("werkgever"),
    )
    naam = models.CharField(_("naam"), max_length=150)
    functie = models.CharField(_("functie"), max_length=100, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    telefoon = models.CharField(
        _("telefoonnummer"), max_length=20, blank=True, validators=[telefoon_validator]
    )
    externe_id = models.CharField(_("extern id"), max_length=50, blank=True)

    regio_pad = "werkgever__regio"
    objects = RegioManager()

    class Meta:
        verbose_name = _("contactpersoon")
        verbose_name_plural = _("contactpersonen")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class Contactmoment(models.Model):
    class Type(models.TextChoices):
        BEZOEK = "bezoek", _("Bezoek")
        TELEFOON = "telefoon", _("Telefoon")
        EMAIL = "email", _("E-mail")
        EVENT = "event", _("Event")
        OVERIG = "overig", _("Overig")

    werkgever = models.ForeignKey(
        Werkgever,
        on_delete=models.CASCADE,
        related_name="contactmomenten",
        verbose_name=_("werkgever"),
    )
    datum = models.DateField(_("datum"), default=date.today)
    type = models.CharField(_("type"), max_length=20, choices=Type.choices)
    samenvatting = models.TextField(_("samenvatting"))
    afspraken = models.TextField(_("afspraken"), blank=True)
    opvolgdatum = models.DateField(_("opvolgen op"), null=True, blank=True)
    opvolging_afgerond = models.BooleanField(_("opvolging afgerond"), default=False)
    medewerker = models.ForeignKey(
        User,
        on_delete=models.PROTECT,
        related_name="wsp_contactmomenten",
        verbose_name=_("medewerker"),
    )

    regio_pad = "werkgever__regio"
    objects = RegioManager()

    class Meta:
        verbose_name = _("contactmoment")
        verbose_name_plural = _("contactmomenten")
        ordering = ["-datum", "-pk"]
        indexes = [
            models.Index(fields=["medewerker", "opvolgdatum"], name="contactmoment_opvolg_idx")
        ]

    def __str__(self) -> str:
        return f"{self.datum} {self.get_type_display()}"


class Werkgeversverzoek(models.Model):
    """A werkgever asks for contact: the 24-hour promise runs from `ontvangen_op`."""

    class Bron(models.TextChoices):
        WEBSITE = "website", _("Formulier 'Ik ben werkgever'")
        TELEFOON = "telefoon", _("Telefoon")

    regio = _regio_fk("werkgeversverzoeken")
    werkgever = models.ForeignKey(
        Werkgever,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="verzoeken",
        verbose_name=_("werkgever"),
    )
    bedrijfsnaam = models.CharField(_("bedrijfsnaam"), max_length=200)
    kvk_nummer = models.CharField(
        _("KvK-nummer"), max_length=8, blank=True, validators=[kvk_validator]
    )
    contactnaam = models.CharField(_("naam contactpersoon"), max_length=150)
    email = models.EmailField(_("e-mailadres"))
    telefoon = models.CharField(
        _("telefoonnummer"), max_length=20, blank=True, validators=[telefoon_validator]
    )
    vraag = models.TextField(_("vraag"))
    sector = models.ForeignKey(
        Sector, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("sector")
    )
    cluster = models.ForeignKey(
        Cluster, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("clusterwachtrij")
    )
    bron = models.CharField(_("bron"), max_length=20, choices=Bron.choices)
    toegewezen_aan = models.ForeignKey(
        User,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="wsp_verzoeken",
        verbose_name=_("toegewezen aan"),
    )
    ontvangen_op = models.DateTimeField(_("ontvangen op"), default=timezone.now, db_index=True)
    eerste_reactie_op = models.DateTimeField(_("eerste reactie op"), null=True, blank=True)
    reactietijd = models.DurationField(_("reactietijd"), null=True, blank=True)
    reactie = models.TextField(_("reactie"), blank=True)
    waarschuwing_op = models.DateTimeField(_("gewaarschuwd op"), null=True, blank=True)
    escalatie_op = models.DateTimeField(_("geëscaleerd op"), null=True, blank=True)

    objects = RegioManager()

    class Meta:
        verbose_name = _("werkgeversverzoek")
        verbose_name_plural = _("werkgeversverzoeken")
        ordering = ["-ontvangen_op"]
        indexes = [
            models.Index(fields=["regio", "eerste_reactie_op"], name="verzoek_open_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.bedrijfsnaam} ({self.ontvangen_op:%d-%m-%Y %H:%M})"

    @property
    def binnen_24_uur(self) -> bool | None:
        if self.reactietijd is None:
            return None
        return self.reactietijd.total_seconds() <= 24 * 3600


class Vacature(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        IN_BEHANDELING = "in_behandeling", _("In behandeling")
        VERVULD = "vervuld", _("Vervuld")
        INGETROKKEN = "ingetrokken", _("Ingetrokken")
        VERLOPEN = "verlopen", _("Verlopen")

    regio = _regio_fk("vacatures")
    werkgever = models.ForeignKey(
        Werkgever, on_delete=models.PROTECT, related_name="vacatures", verbose_name=_("werkgever")
    )
    functie = models.CharField(_("functie"), max_length=200)
    omschrijving = models.TextField(_("omschrijving"))
    uren_per_week = models.PositiveSmallIntegerField(
        _("uren per week"), validators=[MaxValueValidator(60)]
    )
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="wsp_vacatures", verbose_name=_("gemeente")
    )
    sector = models.ForeignKey(
        Sector, on_delete=models.PROTECT, related_name="vacatures", verbose_name=_("sector")
    )
    opleidingsniveau = models.CharField(
        _("opleidingsniveau"), max_length=10, choices=Opleidingsniveau.choices
    )
    skills = models.ManyToManyField(Skill, blank=True, related_name="vacatures")
    startdatum = models.DateField(_("startdatum"))
    sluitingsdatum = models.DateField(_("sluitingsdatum"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    doelgroepen = models.JSONField(
        _("geschikt voor doelgroep"), default=list, blank=True, help_text=_("Doelgroep-codes")
    )
    is_vacaturecreatie = models.BooleanField(_("vacaturecreatie / jobcarving"), default=False)
    is_openbaar = models.BooleanField(_("in de openbare vacaturekrant"), default=False)
    beroepscode = models.CharField(
        _("beroepscode (BRC 2014 of ISCO-08)"), max_length=10, blank=True
    )
    externe_id = models.CharField(_("extern id"), max_length=50, blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)

    objects = RegioManager()

    class Meta:
        verbose_name = _("vacature")
        verbose_name_plural = _("vacatures")
        ordering = ["-startdatum", "functie"]
        constraints = [
            models.CheckConstraint(
                condition=Q(sluitingsdatum__gte=F("startdatum")),
                name="vacature_sluiting_na_start",
                violation_error_message=_("De sluitingsdatum ligt voor de startdatum."),
            ),
        ]
        indexes = [
            models.Index(fields=["regio", "status", "sluitingsdatum"], name="vacature_status_idx"),
            models.Index(fields=["regio", "is_openbaar", "status"], name="vacature_openbaar_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.functie} ({self.werkgever})"

    def get_absolute_url(self) -> str:
        return reverse("wsp:vacature", args=[self.pk])

    def clean(self) -> None:
        if self.startdatum and self.sluitingsdatum and self.sluitingsdatum < self.startdatum:
            raise ValidationError(
                {"sluitingsdatum": _("De sluitingsdatum mag niet voor de startdatum liggen.")}
            )
        onbekend = set(self.doelgroepen or []) - set(Doelgroep.values)
        if onbekend:
            raise ValidationError({"doelgroepen": _("Onbekende doelgroep.")})
        if self.werkgever_id and self.regio_id and self.werkgever.regio_id != self.regio_id:
            raise ValidationError({"werkgever": _("Deze werkgever hoort bij een andere regio.")})


class Kandidaat(models.Model):
    """A werkfit werkzoekende handed over warmly; holds only what is needed to mediate
    (no BSN, no date of birth, no medical details)."""

    regio = _regio_fk("wsp_kandidaten")
    voornaam = models.CharField(_("voornaam"), max_length=80)
    achternaam = models.CharField(_("achternaam"), max_length=120)
    email = models.EmailField(_("e-mailadres"), blank=True)
    telefoon = models.CharField(
        _("telefoonnummer"), max_length=20, blank=True, validators=[telefoon_validator]
    )
    woongemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        related_name="wsp_kandidaten",
        verbose_name=_("woongemeente"),
    )
    doelgroep = models.CharField(_("doelgroep"), max_length=20, choices=Doelgroep.choices)
    doelgroepregister = models.BooleanField(_("doelgroepregister (banenafspraak)"), default=False)
    werkfit = models.BooleanField(_("werkfit"), default=True)
    skills = models.ManyToManyField(Skill, blank=True, related_name="kandidaten")
    gewenst_beroep = models.CharField(_("gewenst beroep"), max_length=150, blank=True)
    opleidingsniveau = models.CharField(
        _("opleidingsniveau"), max_length=10, choices=Opleidingsniveau.choices
    )
    taalniveau = models.CharField(
        _("taalniveau Nederlands"), max_length=2, choices=Taalniveau.choices, blank=True
    )
    rijbewijs = models.BooleanField(_("rijbewijs"), default=False)
    uren_per_week = models.PositiveSmallIntegerField(
        _("gewenst aantal uren per week"), null=True, blank=True, validators=[MaxValueValidator(60)]
    )
    gewenste_gemeenten = models.ManyToManyField(
        Gemeente, blank=True, related_name="+", verbose_name=_("gewenste gemeenten")
    )
    max_reistijd_minuten = models.PositiveSmallIntegerField(
        _("maximale reistijd (minuten)"), null=True, blank=True
    )
    gewenste_sectoren = models.ManyToManyField(
        Sector, blank=True, related_name="+", verbose_name=_("gewenste sectoren")
    )
    beschikbaar_vanaf = models.DateField(_("beschikbaar vanaf"), null=True, blank=True)
    overgedragen_door = models.ForeignKey(
        Organisatie,
        on_delete=models.PROTECT,
        related_name="wsp_overdrachten",
        verbose_name=_("overgedragen door"),
    )
    overdrager_naam = models.CharField(_("naam overdrager"), max_length=150, blank=True)
    overgedragen_op = models.DateField(_("overgedragen op"), default=date.today)
    toestemming = models.BooleanField(
        _("toestemming voor bemiddeling"),
        default=False,
        help_text=_("De kandidaat geeft toestemming om gegevens te delen met werkgevers."),
    )
    toestemming_op = models.DateField(_("toestemming gegeven op"), null=True, blank=True)
    externe_id = models.CharField(_("extern id"), max_length=50, blank=True)
    actief = models.BooleanField(_("actief"), default=True)

    objects = RegioManager()

    class Meta:
        verbose_name = _("kandidaat")
        verbose_name_plural = _("kandidaten")
        ordering = ["achternaam", "voornaam"]
        constraints = [
            models.CheckConstraint(
                condition=Q(toestemming=False) | Q(toestemming_op__isnull=False),
                name="kandidaat_toestemming_datum",
            ),
            models.UniqueConstraint(
                fields=["regio", "externe_id"],
                condition=~Q(externe_id=""),
                name="kandidaat_externe_id_uniek",
            ),
        ]
        indexes = [models.Index(fields=["regio", "doelgroep"], name="kandidaat_doelgroep_idx")]

    def __str__(self) -> str:
        return f"{self.voornaam} {self.achternaam}"

    def get_absolute_url(self) -> str:
        return reverse("wsp:kandidaat", args=[self.pk])

    def clean(self) -> None:
        if self.toestemming and not self.toestemming_op:
            raise ValidationError({"toestemming_op": _("Vul in wanneer toestemming is gegeven.")})


class Voordracht(models.Model):
    class Status(models.TextChoices):
        VOORGESTELD = "voorgesteld", _("Voorgesteld")
        GESPREK = "gesprek", _("Gesprek")
        AANGENOMEN = "aangenomen", _("Aangenomen")
        AFGEWEZEN = "afgewezen", _("Afgewezen")

    regio = _regio_fk("voordrachten")
    vacature = models.ForeignKey(
        Vacature, on_delete=models.PROTECT, related_name="voordrachten", verbose_name=_("vacature")
    )
    kandidaat = models.ForeignKey(
        Kandidaat,
        on_delete=models.PROTECT,
        related_name="voordrachten",
        verbose_name=_("kandidaat"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.VOORGESTELD
    )
    afwijsreden = models.TextField(_("reden van afwijzing"), blank=True)
    score = models.PositiveSmallIntegerField(_("matchscore"), default=0)
    voorgesteld_op = models.DateTimeField(_("voorgesteld op"), default=timezone.now)
    door = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="+", verbose_name=_("door")
    )

    objects = RegioManager()

    class Meta:
        verbose_name = _("voordracht")
        verbose_name_plural = _("voordrachten")
        ordering = ["-voorgesteld_op"]
        constraints = [
            models.UniqueConstraint(
                fields=["vacature", "kandidaat"],
                name="voordracht_uniek",
                violation_error_message=_("Deze kandidaat is al voorgedragen voor deze vacature."),
            ),
            models.CheckConstraint(
                condition=~Q(status="afgewezen") | ~Q(afwijsreden=""),
                name="voordracht_afwijzing_met_reden",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kandidaat} → {self.vacature.functie}"


class Plaatsing(models.Model):
    class Contractvorm(models.TextChoices):
        BEPAALD = "bepaald", _("Bepaalde tijd")
        ONBEPAALD = "onbepaald", _("Onbepaalde tijd")
        UITZEND = "uitzend", _("Uitzendcontract")
        DETACHERING = "detachering", _("Detachering")
        LEERWERK = "leerwerk", _("Leerwerkovereenkomst (BBL)")
        OVERIG = "overig", _("Overig")

    regio = _regio_fk("plaatsingen")
    werkgever = models.ForeignKey(
        Werkgever, on_delete=models.PROTECT, related_name="plaatsingen", verbose_name=_("werkgever")
    )
    kandidaat = models.ForeignKey(
        Kandidaat, on_delete=models.PROTECT, related_name="plaatsingen", verbose_name=_("kandidaat")
    )
    voordracht = models.OneToOneField(
        Voordracht,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plaatsing",
        verbose_name=_("voordracht"),
    )
    startdatum = models.DateField(_("startdatum"))
    contractvorm = models.CharField(_("contractvorm"), max_length=20, choices=Contractvorm.choices)
    uren_per_week = models.PositiveSmallIntegerField(
        _("uren per week"), validators=[MaxValueValidator(60)]
    )
    doelgroep = models.CharField(_("doelgroep"), max_length=20, choices=Doelgroep.choices)
    woongemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="+", verbose_name=_("woongemeente")
    )
    instrumenten = models.JSONField(_("instrumenten ingezet"), default=list, blank=True)
    nazorg_niet_meer_nodig = models.BooleanField(
        _("werkgever: nazorg niet meer nodig"), default=False
    )
    externe_id = models.CharField(_("extern id"), max_length=50, blank=True)
    geregistreerd_door = models.ForeignKey(
        User, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)

    objects = RegioManager()

    class Meta:
        verbose_name = _("plaatsing")
        verbose_name_plural = _("plaatsingen")
        ordering = ["-startdatum"]
        constraints = [
            models.UniqueConstraint(
                fields=["kandidaat", "werkgever", "startdatum"],
                name="plaatsing_uniek",
                violation_error_message=_(
                    "Deze kandidaat is al geplaatst bij deze werkgever op deze startdatum."
                ),
            ),
        ]
        indexes = [
            models.Index(fields=["regio", "startdatum"], name="plaatsing_start_idx"),
            models.Index(fields=["regio", "doelgroep"], name="plaatsing_doelgroep_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.kandidaat} bij {self.werkgever} ({self.startdatum:%d-%m-%Y})"

    def get_absolute_url(self) -> str:
        return reverse("wsp:plaatsing", args=[self.pk])

    def clean(self) -> None:
        if self.kandidaat_id and not self.kandidaat.toestemming:
            raise ValidationError(
                {
                    "kandidaat": _(
                        "Deze kandidaat heeft geen toestemming voor bemiddeling gegeven; "
                        "een plaatsing kan pas na toestemming."
                    )
                }
            )
        onbekend = set(self.instrumenten or []) - set(Instrument.values)
        if onbekend:
            raise ValidationError({"instrumenten": _("Onbekend instrument.")})

    @property
    def is_duurzaam(self) -> bool:
        """The 5-month nazorg confirmed the person still works there."""
        return any(
            m.soort == NazorgMoment.Soort.VIJF_MAANDEN
            and m.afgerond_op is not None
            and m.nog_in_dienst
            for m in self.nazorgmomenten.all()
        )


class NazorgMoment(models.Model):
    class Soort(models.TextChoices):
        TWEE_MAANDEN = "2m", _("Na 2 maanden")
        VIJF_MAANDEN = "5m", _("Na 5 maanden")
        EXTRA = "extra", _("Extra moment")

    class Uitkomst(models.TextChoices):
        GOED = "goed", _("Verloopt goed")
        ONDERSTEUNING = "ondersteuning", _("Ondersteuning nodig")
        DREIGT_UITVAL = "dreigt_uitval", _("Dreigt uit te vallen")
        UITGEVALLEN = "uitgevallen", _("Uitgevallen")

    plaatsing = models.ForeignKey(
        Plaatsing,
        on_delete=models.CASCADE,
        related_name="nazorgmomenten",
        verbose_name=_("plaatsing"),
    )
    soort = models.CharField(_("soort"), max_length=10, choices=Soort.choices)
    vervaldatum = models.DateField(_("uiterlijk op"), db_index=True)
    afgerond_op = models.DateField(_("afgerond op"), null=True, blank=True)
    uitkomst = models.CharField(_("uitkomst"), max_length=20, choices=Uitkomst.choices, blank=True)
    nog_in_dienst = models.BooleanField(_("nog in dienst"), null=True, blank=True)
    vervolg = models.TextField(_("vervolgafspraken"), blank=True)
    afgerond_door = models.ForeignKey(
        User, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    herinnering_vooraf_op = models.DateField(null=True, blank=True, editable=False)
    herinnering_vervaldag_op = models.DateField(null=True, blank=True, editable=False)
    escalatie_op = models.DateField(null=True, blank=True, editable=False)

    regio_pad = "plaatsing__regio"
    objects = RegioManager()

    class Meta:
        verbose_name = _("nazorgmoment")
        verbose_name_plural = _("nazorgmomenten")
        ordering = ["vervaldatum", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["plaatsing", "soort"],
                condition=~Q(soort="extra"),
                name="nazorg_een_per_vaste_soort",
            ),
            models.CheckConstraint(
                condition=Q(afgerond_op__isnull=True) | ~Q(uitkomst=""),
                name="nazorg_afgerond_met_uitkomst",
            ),
        ]
        indexes = [
            models.Index(fields=["afgerond_op", "vervaldatum"], name="nazorg_open_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} ({self.vervaldatum:%d-%m-%Y})"

    @property
    def is_open(self) -> bool:
        return self.afgerond_op is None

    @property
    def op_tijd(self) -> bool | None:
        if self.afgerond_op is None:
            return None
        return self.afgerond_op <= self.vervaldatum


class Doelstelling(models.Model):
    regio = _regio_fk("wsp_doelstellingen")
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    doelgroep = models.CharField(_("doelgroep"), max_length=20, choices=Doelgroep.choices)
    aantal = models.PositiveIntegerField(_("aantal plaatsingen"))

    objects = RegioManager()

    class Meta:
        verbose_name = _("doelstelling")
        verbose_name_plural = _("doelstellingen")
        ordering = ["jaar", "doelgroep"]
        constraints = [
            models.UniqueConstraint(
                fields=["regio", "jaar", "doelgroep"], name="doelstelling_uniek"
            )
        ]

    def __str__(self) -> str:
        return f"{self.jaar} {self.get_doelgroep_display()}: {self.aantal}"


class Activiteit(models.Model):
    """Registrations counted in the factsheet: events, praktijkroute, jobhunters,
    Oekraïnebalie, communicatie."""

    class Soort(models.TextChoices):
        EVENT = "event", _("Event")
        PRAKTIJKROUTE = "praktijkroute", _("Praktijkroute")
        JOBHUNTERS = "jobhunters", _("Jobhunters")
        OEKRAINEBALIE = "oekrainebalie", _("Oekraïnebalie")
        COMMUNICATIE = "communicatie", _("Communicatie")

    regio = _regio_fk("wsp_activiteiten")
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    naam = models.CharField(_("naam"), max_length=200)
    datum = models.DateField(_("datum"))
    type = models.CharField(
        _("type"), max_length=100, blank=True, help_text=_("Bijv. banenmarkt, meet-en-greet.")
    )
    aantal_werkgevers = models.PositiveIntegerField(_("deelnemende werkgevers"), default=0)
    aantal_werkzoekenden = models.PositiveIntegerField(_("deelnemende werkzoekenden"), default=0)
    aantal_plaatsingen = models.PositiveIntegerField(_("plaatsingen die volgden"), default=0)
    aantal = models.PositiveIntegerField(
        _("aantal"), default=0, help_text=_("Registraties, bereik of contacten.")
    )
    toelichting = models.TextField(_("toelichting"), blank=True)

    objects = RegioManager()

    class Meta:
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")
        ordering = ["-datum"]
        indexes = [models.Index(fields=["regio", "soort", "datum"], name="activiteit_idx")]

    def __str__(self) -> str:
        return f"{self.naam} ({self.datum:%d-%m-%Y})"


from .factsheet_models import *  # noqa: E402, F403
