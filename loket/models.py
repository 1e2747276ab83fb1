"""Loket: the Werkcentrum as inwoners and gidsen meet it.

Anonymous first: a Gesprek has no person. Personal data lives only on a Vraag (when the
person wants an answer), a Doorverwijzing and a Traject, always with the consent recorded,
and is removed by the retention task after the regio's bewaartermijn. Never a BSN.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from werkcentrum.gedeelde_lijsten import GedeeldeLijst, van_andere_regio
from werkcentrum.models import Arbeidsmarktregio, Gemeente, Locatie, Organisatie
from werkcentrum.tenancy import RegioManager
from werkcentrum.validators import enkele_regel_validator, telefoon_validator

from .validators import geen_persoonsgegevens

MAX_BEDRAG = 14


def _zelfde_regio(obj: models.Model, veld: str) -> dict[str, str]:
    gerelateerd = getattr(obj, veld, None)
    if gerelateerd is not None and obj.regio_id and gerelateerd.regio_id != obj.regio_id:
        return {veld: _("Dit hoort bij een andere regio.")}
    return {}


class Thema(models.Model):
    """A hulpvraag-thema (reference data, the same for every regio)."""

    code = models.SlugField(_("code"), max_length=30, unique=True)
    naam = models.CharField(_("naam"), max_length=80, validators=[enkele_regel_validator])
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")
        ordering = ["volgorde", "naam"]

    def __str__(self) -> str:
        # Reference data: the names are in the loket catalogue, so the English site shows them.
        return gettext(self.naam)


class Doelgroep(GedeeldeLijst):
    """A doelgroep from DOMAIN.md section 3 (the national list), or a regio's own."""

    code = models.SlugField(_("code"), max_length=30)
    naam = models.CharField(_("naam"), max_length=80, validators=[enkele_regel_validator])
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta(GedeeldeLijst.Meta):
        verbose_name = _("doelgroep")
        verbose_name_plural = _("doelgroepen")
        ordering = ["volgorde", "naam"]

    def __str__(self) -> str:
        return gettext(self.naam)


class LoketInstelling(models.Model):
    """Per-regio settings of the loket (one row per regio; defaults when there is none)."""

    regio = models.OneToOneField(
        Arbeidsmarktregio,
        on_delete=models.PROTECT,
        related_name="loket_instelling",
        verbose_name=_("regio"),
    )
    antwoordtermijn_werkdagen = models.PositiveSmallIntegerField(
        _("antwoordtermijn (werkdagen)"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
        help_text=_("Binnen hoeveel werkdagen krijgt een inwoner antwoord op een vraag."),
    )
    reactietermijn_werkdagen = models.PositiveSmallIntegerField(
        _("reactietermijn doorverwijzing (werkdagen)"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
        help_text=_(
            "Binnen hoeveel werkdagen een partner reageert op een warme doorverwijzing, "
            "tenzij de dienst een eigen termijn belooft."
        ),
    )
    bewaartermijn_maanden = models.PositiveSmallIntegerField(
        _("bewaartermijn persoonsgegevens (maanden)"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
    )
    # Generous: a library computer or a spreekuurlocatie's Wi-Fi is one address for many
    # people; only stored questions count, floods are guarded per regio.
    vragen_per_uur_per_adres = models.PositiveSmallIntegerField(
        _("vragen per uur per IP-adres"),
        default=30,
        validators=[MinValueValidator(1)],
        help_text=_("Opgeslagen vragen per uur vanaf één adres (een bibliotheek telt als één)."),
    )
    # Trajecten are paid from the regional reserve under one standing RBA besluit; with both
    # set, a traject's cost is booked there as verplichting and settled when it ends.
    traject_besluit = models.ForeignKey(
        "rba.Besluit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("RBA-besluit voor trajecten"),
        help_text=_("Genomen besluit 'inzet regionale middelen' waaruit trajecten betaald worden."),
    )
    traject_begrotingspost = models.ForeignKey(
        "financien.Begrotingspost",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("begrotingspost voor trajecten"),
    )

    objects = RegioManager()

    class Meta:
        verbose_name = _("loketinstelling")
        verbose_name_plural = _("loketinstellingen")
        constraints = [
            models.CheckConstraint(
                condition=Q(antwoordtermijn_werkdagen__gte=1), name="loket_termijn_minstens_1"
            ),
            models.CheckConstraint(
                condition=Q(bewaartermijn_maanden__gte=1), name="loket_bewaartermijn_minstens_1"
            ),
        ]

    def __str__(self) -> str:
        return str(self.regio)

    def clean(self) -> None:
        besluit = self.traject_besluit
        if besluit is not None and (
            besluit.regio_id != self.regio_id
            or not besluit.telt_als_genomen
            or besluit.type != besluit.Type.INZET_REGIONALE_MIDDELEN
        ):
            raise ValidationError(
                {
                    "traject_besluit": _(
                        "Kies een genomen besluit 'inzet regionale middelen' van deze regio."
                    )
                }
            )
        post = self.traject_begrotingspost
        if post is not None and post.regio_id != self.regio_id:
            raise ValidationError(
                {"traject_begrotingspost": _("Deze begrotingspost hoort bij een andere regio.")}
            )


class Informatiepagina(models.Model):
    class Rubriek(models.TextChoices):
        WERKEN = "werken", _("Werken")
        LEREN = "leren", _("Leren")
        LOOPBAAN = "loopbaan", _("Loopbaan")
        WERKGEVER = "werkgever", _("Ik ben werkgever")

    regio = models.ForeignKey(
        Arbeidsmarktregio, on_delete=models.PROTECT, related_name="+", verbose_name=_("regio")
    )
    rubriek = models.CharField(_("rubriek"), max_length=20, choices=Rubriek.choices)
    titel = models.CharField(_("titel"), max_length=150, validators=[enkele_regel_validator])
    slug = models.SlugField(_("adres (slug)"), max_length=80)
    samenvatting = models.CharField(
        _("samenvatting"), max_length=300, blank=True, validators=[enkele_regel_validator]
    )
    inhoud = models.TextField(_("tekst"), help_text=_("Alinea's scheiden met een witregel."))
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    gepubliceerd = models.BooleanField(_("gepubliceerd"), default=False)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    objects = RegioManager()

    class Meta:
        verbose_name = _("informatiepagina")
        verbose_name_plural = _("informatiepagina's")
        ordering = ["rubriek", "volgorde", "titel"]
        constraints = [
            models.UniqueConstraint(fields=["regio", "slug"], name="infopagina_slug_uniek")
        ]
        indexes = [models.Index(fields=["regio", "rubriek", "gepubliceerd", "volgorde"])]

    def __str__(self) -> str:
        return self.titel


class Sluiting(models.Model):
    """An exception to a locatie's weekly spreekuren: closed on this date."""

    locatie = models.ForeignKey(
        Locatie, on_delete=models.CASCADE, related_name="sluitingen", verbose_name=_("locatie")
    )
    datum = models.DateField(_("datum"))
    reden = models.CharField(
        _("reden"), max_length=150, blank=True, validators=[enkele_regel_validator]
    )

    regio_pad = "locatie__regio"
    objects = RegioManager()

    class Meta:
        verbose_name = _("sluiting")
        verbose_name_plural = _("sluitingen")
        ordering = ["datum"]
        constraints = [
            models.UniqueConstraint(fields=["locatie", "datum"], name="sluiting_uniek_per_dag")
        ]

    def __str__(self) -> str:
        return f"{self.locatie} {self.datum:%d-%m-%Y}"


class Dienst(models.Model):
    """One service of a partner organisation on the regionale sociale kaart."""

    regio = models.ForeignKey(
        Arbeidsmarktregio, on_delete=models.PROTECT, related_name="+", verbose_name=_("regio")
    )
    organisatie = models.ForeignKey(
        Organisatie,
        on_delete=models.PROTECT,
        related_name="diensten",
        verbose_name=_("organisatie"),
    )
    naam = models.CharField(_("naam"), max_length=150, validators=[enkele_regel_validator])
    omschrijving = models.TextField(_("omschrijving"))
    doelgroepen = models.ManyToManyField(Doelgroep, blank=True, verbose_name=_("doelgroepen"))
    themas = models.ManyToManyField(Thema, blank=True, verbose_name=_("thema's"))
    gemeenten = models.ManyToManyField(
        Gemeente,
        blank=True,
        verbose_name=_("gemeenten"),
        help_text=_("Leeg: de hele regio."),
    )
    hoe_doorverwijzen = models.TextField(_("hoe doorverwijzen"), blank=True)
    reactietermijn_werkdagen = models.PositiveSmallIntegerField(
        _("verwachte reactietijd (werkdagen)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
        help_text=_("Leeg: de reactietermijn van de regio."),
    )
    contact = models.CharField(
        _("overig contact"), max_length=200, blank=True, validators=[enkele_regel_validator]
    )
    # How an inwoner or gids reaches the dienst itself, each in its own field so the pages can
    # link it (tel:, mailto:, the website) and show it the same way everywhere.
    telefoon = models.CharField(
        _("telefoonnummer"),
        max_length=30,
        blank=True,
        validators=[telefoon_validator, enkele_regel_validator],
    )
    email = models.EmailField(_("e-mailadres"), blank=True)
    website = models.URLField(_("website"), blank=True)
    adres = models.CharField(
        _("adres"),
        max_length=200,
        blank=True,
        validators=[enkele_regel_validator],
        help_text=_("Straat, huisnummer en plaats van het inloop- of bezoekadres."),
    )
    openingstijden = models.CharField(
        _("openingstijden"),
        max_length=200,
        blank=True,
        validators=[enkele_regel_validator],
        help_text=_("Bijvoorbeeld: maandag tot en met vrijdag 9.00 tot 17.00 uur."),
    )
    gepubliceerd = models.BooleanField(_("op de publieke website"), default=True, db_index=True)
    actief = models.BooleanField(_("actief"), default=True)

    objects = RegioManager()

    class Meta:
        verbose_name = _("dienst")
        verbose_name_plural = _("diensten")
        ordering = ["organisatie__naam", "naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisatie", "naam"], name="dienst_naam_uniek_per_organisatie"
            )
        ]
        indexes = [models.Index(fields=["regio", "actief", "naam"])]

    def __str__(self) -> str:
        return f"{self.naam} ({self.organisatie})"

    def clean(self) -> None:
        if self.organisatie_id:
            fouten = _zelfde_regio(self, "organisatie")
            if fouten:
                raise ValidationError(fouten)
        # The doelgroepen (many-to-many) are checked by the form: loket.regiolijsten.


class Bezoekcode(models.Model):
    """A short code a repeat visitor may keep; links gesprekken without any personal data."""

    regio = models.ForeignKey(
        Arbeidsmarktregio, on_delete=models.PROTECT, related_name="+", verbose_name=_("regio")
    )
    code = models.CharField(
        _("bezoekcode"), max_length=12, unique=True, validators=[enkele_regel_validator]
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)

    objects = RegioManager()

    class Meta:
        verbose_name = _("bezoekcode")
        verbose_name_plural = _("bezoekcodes")

    def __str__(self) -> str:
        return self.code


class Gesprek(models.Model):
    """A conversation of a gids: anonymous, no person."""

    class Kanaal(models.TextChoices):
        INLOOP = "inloop", _("Inloop")
        TELEFOON = "telefoon", _("Telefoon")
        ONLINE = "online", _("Online")
        OUTREACH = "outreach", _("Outreach")

    class Leeftijd(models.TextChoices):
        TOT_18 = "tot18", _("Jonger dan 18")
        TOT_27 = "18-26", _("18 tot 27")
        TOT_45 = "27-44", _("27 tot 45")
        TOT_55 = "45-54", _("45 tot 55")
        TOT_67 = "55-66", _("55 tot 67")
        VANAF_67 = "67plus", _("67 of ouder")
        ONBEKEND = "onbekend", _("Onbekend")

    class Uitkomst(models.TextChoices):
        INFORMATIE = "informatie", _("Informatie gegeven")
        DOORVERWEZEN = "doorverwezen", _("Doorverwezen")
        TRAJECT = "traject", _("Traject gestart")
        VERVOLG = "vervolg", _("Vervolggesprek")

    regio = models.ForeignKey(
        Arbeidsmarktregio, on_delete=models.PROTECT, related_name="+", verbose_name=_("regio")
    )
    datum = models.DateField(_("datum"), default=timezone.localdate, db_index=True)
    locatie = models.ForeignKey(
        Locatie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="gesprekken",
        verbose_name=_("locatie"),
    )
    kanaal = models.CharField(_("kanaal"), max_length=20, choices=Kanaal.choices)
    doelgroep = models.ForeignKey(
        Doelgroep, on_delete=models.PROTECT, related_name="+", verbose_name=_("doelgroep")
    )
    themas = models.ManyToManyField(Thema, verbose_name=_("hulpvraag-thema's"))
    leeftijdscategorie = models.CharField(
        _("leeftijd"), max_length=10, choices=Leeftijd.choices, default=Leeftijd.ONBEKEND
    )
    woongemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("woongemeente"),
        help_text=_("Leeg: buiten de regio of onbekend."),
    )
    uitkomst = models.CharField(_("uitkomst"), max_length=20, choices=Uitkomst.choices)
    notitie = models.TextField(
        _("notitie"),
        blank=True,
        validators=[geen_persoonsgegevens],
        help_text=_("Zonder naam, adres, telefoonnummer, e-mailadres of BSN."),
    )
    bezoekcode = models.ForeignKey(
        Bezoekcode,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="gesprekken",
        verbose_name=_("bezoekcode"),
    )
    gids = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("gids"),
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)

    objects = RegioManager()

    class Meta:
        verbose_name = _("gesprek")
        verbose_name_plural = _("gesprekken")
        ordering = ["-datum", "-pk"]
        indexes = [
            models.Index(fields=["regio", "datum"]),
            models.Index(fields=["regio", "kanaal", "datum"]),
            models.Index(fields=["regio", "uitkomst"]),
        ]

    def __str__(self) -> str:
        return f"{_('Gesprek')} {self.pk} ({self.datum:%d-%m-%Y})"

    def clean(self) -> None:
        fouten: dict = {}
        for veld in ("locatie", "woongemeente", "bezoekcode"):
            if getattr(self, f"{veld}_id"):
                fouten.update(_zelfde_regio(self, veld))
        fouten.update(van_andere_regio(self, "doelgroep"))
        if self.kanaal == self.Kanaal.INLOOP and not self.locatie_id:
            fouten["locatie"] = _("Kies de locatie van het inloopspreekuur.")
        if fouten:
            raise ValidationError(fouten)


class Persoonsgegevens(models.Model):
    """Contact data of a person plus the consent to use it; removed by the retention task."""

    naam = models.CharField(
        _("naam"), max_length=150, blank=True, validators=[enkele_regel_validator]
    )
    email = models.EmailField(_("e-mailadres"), blank=True)
    telefoon = models.CharField(
        _("telefoonnummer"),
        max_length=20,
        blank=True,
        validators=[telefoon_validator, enkele_regel_validator],
    )
    toestemming_op = models.DateTimeField(_("toestemming gegeven op"), null=True, blank=True)
    persoonsgegevens_verwijderd_op = models.DateTimeField(
        _("persoonsgegevens verwijderd op"), null=True, blank=True
    )

    PERSOONSVELDEN: tuple[str, ...] = ("naam", "email", "telefoon")

    class Meta:
        abstract = True


class Vraag(Persoonsgegevens):
    """A question of an inwoner (website) or a warme toeleiding by a partner."""

    class Bron(models.TextChoices):
        WEBSITE = "website", _("Website")
        TOELEIDING = "toeleiding", _("Warme toeleiding door partner")

    class Status(models.TextChoices):
        NIEUW = "nieuw", _("Nieuw")
        TOEGEWEZEN = "toegewezen", _("In behandeling")
        BEANTWOORD = "beantwoord", _("Beantwoord")
        GESLOTEN = "gesloten", _("Gesloten")

    regio = models.ForeignKey(
        Arbeidsmarktregio, on_delete=models.PROTECT, related_name="+", verbose_name=_("regio")
    )
    referentie = models.CharField(
        _("referentienummer"), max_length=20, unique=True, validators=[enkele_regel_validator]
    )
    bron = models.CharField(_("bron"), max_length=20, choices=Bron.choices, default=Bron.WEBSITE)
    thema = models.ForeignKey(
        Thema, on_delete=models.PROTECT, related_name="+", verbose_name=_("thema")
    )
    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gemeente"),
    )
    tekst = models.TextField(_("vraag"), max_length=3000)
    wil_antwoord = models.BooleanField(_("wil antwoord"), default=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NIEUW
    )
    ontvangen_op = models.DateTimeField(_("ontvangen op"), default=timezone.now)
    antwoord_uiterlijk = models.DateField(_("antwoord uiterlijk"))
    toegewezen_aan = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("toegewezen aan"),
    )
    antwoord = models.TextField(_("antwoord"), blank=True)
    beantwoord_op = models.DateTimeField(_("beantwoord op"), null=True, blank=True)
    beantwoord_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("beantwoord door"),
    )
    gesloten_op = models.DateTimeField(_("gesloten op"), null=True, blank=True)
    # Closing without an answer breaks the promise to the inwoner: it needs a reason, and the
    # status before closing is kept so it can be undone.
    sluitreden = models.CharField(
        _("reden van sluiten"), max_length=300, blank=True, validators=[enkele_regel_validator]
    )
    status_voor_sluiten = models.CharField(
        max_length=20, blank=True, editable=False, validators=[enkele_regel_validator]
    )
    # Toeleiding: who sent it in on behalf of which organisation (they recorded the consent).
    aangemeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("aangemeld door"),
    )
    van_organisatie = models.ForeignKey(
        Organisatie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("van organisatie"),
    )
    # Sent-markers of the deadline task (claimed with a conditional UPDATE).
    waarschuwing_verstuurd_op = models.DateTimeField(null=True, blank=True, editable=False)
    verlopen_gemeld_op = models.DateTimeField(null=True, blank=True, editable=False)
    ontvangst_verstuurd_op = models.DateTimeField(null=True, blank=True, editable=False)

    objects = RegioManager()

    class Meta:
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")
        ordering = ["antwoord_uiterlijk", "pk"]
        indexes = [
            models.Index(fields=["regio", "status", "antwoord_uiterlijk"]),
            models.Index(fields=["regio", "ontvangen_op"]),
            models.Index(fields=["toegewezen_aan", "status"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(wil_antwoord=False)
                | Q(persoonsgegevens_verwijderd_op__isnull=False)
                | (Q(toestemming_op__isnull=False) & (~Q(email="") | ~Q(telefoon=""))),
                name="vraag_antwoord_vraagt_contact_en_toestemming",
            ),
        ]

    def __str__(self) -> str:
        return self.referentie

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.NIEUW, self.Status.TOEGEWEZEN)

    @property
    def is_te_laat(self) -> bool:
        """Still open after the promised answer date."""
        return self.is_open and self.antwoord_uiterlijk < timezone.localdate()

    @property
    def op_tijd_beantwoord(self) -> bool | None:
        if self.beantwoord_op is None:
            return None
        return timezone.localdate(self.beantwoord_op) <= self.antwoord_uiterlijk


class Doorverwijzing(Persoonsgegevens):
    """A warme doorverwijzing to a dienst of a partner, followed until it really succeeded."""

    class Status(models.TextChoices):
        VERSTUURD = "verstuurd", _("Verstuurd")
        ONTVANGEN = "ontvangen", _("Ontvangen")
        CONTACT_GELEGD = "contact_gelegd", _("Contact gelegd")
        AFGEROND = "afgerond", _("Afgerond")
        NIET_GELUKT = "niet_gelukt", _("Niet gelukt")
        HEROPEND = "heropend", _("Heropend")

    class Aanleiding(models.TextChoices):
        """Why an adviseur of the WSP refers a werkgever's werknemer (empty for a gids)."""

        WERK_NAAR_WERK = "werk_naar_werk", _("Werk-naar-werk bij reorganisatie")
        VERZUIM = "verzuim", _("Verzuim")
        SCHOLING = "scholing", _("Vraag over scholing")
        ANDERS = "anders", _("Anders")

    GESLOTEN = (Status.AFGEROND, Status.NIET_GELUKT)

    regio = models.ForeignKey(
        Arbeidsmarktregio, on_delete=models.PROTECT, related_name="+", verbose_name=_("regio")
    )
    dienst = models.ForeignKey(
        Dienst, on_delete=models.PROTECT, related_name="doorverwijzingen", verbose_name=_("dienst")
    )
    # Copied from the dienst: the partner's queue filters on it and it must not move later.
    organisatie = models.ForeignKey(
        Organisatie,
        on_delete=models.PROTECT,
        related_name="ontvangen_doorverwijzingen",
        verbose_name=_("organisatie"),
    )
    gesprek = models.ForeignKey(
        Gesprek,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="doorverwijzingen",
        verbose_name=_("gesprek"),
    )
    vraag = models.ForeignKey(
        Vraag,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="doorverwijzingen",
        verbose_name=_("vraag"),
    )
    # A werknemer referred by the WSP on behalf of their werkgever (issue 23 point 4). The
    # referral outlives the account: erasing the werkgever leaves it, without the link.
    werkgever = models.ForeignKey(
        "wsp.Werkgever",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="doorverwijzingen",
        verbose_name=_("werkgever (WSP)"),
    )
    aanleiding = models.CharField(
        _("aanleiding"), max_length=20, choices=Aanleiding.choices, blank=True
    )
    woongemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("woongemeente"),
    )
    samenvatting = models.TextField(
        _("samenvatting van de vraag"),
        help_text=_("Zodat de persoon het verhaal niet opnieuw hoeft te vertellen."),
    )
    toestemming_gegevens = models.CharField(
        _("toestemming voor welke gegevens"), max_length=300, validators=[enkele_regel_validator]
    )
    toestemming_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("toestemming vastgelegd door"),
    )
    verwezen_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("verwezen door"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.VERSTUURD
    )
    verstuurd_op = models.DateTimeField(_("verstuurd op"), default=timezone.now)
    ontvangen_op = models.DateTimeField(_("ontvangen op"), null=True, blank=True)
    contact_gelegd_op = models.DateTimeField(_("contact gelegd op"), null=True, blank=True)
    afgesloten_op = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    reden_niet_gelukt = models.CharField(
        _("reden niet gelukt"), max_length=300, blank=True, validators=[enkele_regel_validator]
    )
    # The promise to the person: the organisation reacts (marks it received) by this date.
    reactie_uiterlijk = models.DateField(_("reactie uiterlijk"), null=True, blank=True)
    # Sent-marker of the notice to the organisation (claimed in the transaction that mails);
    # empty while the referral has reached nobody.
    melding_verstuurd_op = models.DateTimeField(
        _("melding verstuurd op"), null=True, blank=True, editable=False
    )
    melding_aan = models.CharField(
        _("melding verstuurd aan"),
        max_length=300,
        blank=True,
        editable=False,
        validators=[enkele_regel_validator],
    )
    partner_herinnerd_op = models.DateTimeField(null=True, blank=True, editable=False)
    gids_geinformeerd_op = models.DateTimeField(null=True, blank=True, editable=False)
    # The single-use satisfaction link: only the SHA-256 of its token is stored, and it
    # expires (werkcentrum/tokens.py, as the factsheet links).
    tevredenheid_token_hash = models.CharField(
        max_length=64,
        null=True,
        blank=True,
        unique=True,
        editable=False,
        validators=[enkele_regel_validator],
    )
    tevredenheid_geldig_tot = models.DateTimeField(null=True, blank=True, editable=False)
    tevredenheid_verstuurd_op = models.DateTimeField(null=True, blank=True, editable=False)
    tevreden = models.BooleanField(_("tevreden"), null=True, blank=True)
    tevredenheid_beantwoord_op = models.DateTimeField(null=True, blank=True)

    PERSOONSVELDEN = ("naam", "email", "telefoon", "samenvatting")
    objects = RegioManager()

    class Meta:
        verbose_name = _("warme doorverwijzing")
        verbose_name_plural = _("warme doorverwijzingen")
        ordering = ["-verstuurd_op", "-pk"]
        indexes = [
            models.Index(fields=["regio", "-verstuurd_op"], name="doorverwijzing_lijst_idx"),
            models.Index(fields=["regio", "status", "verstuurd_op"]),
            models.Index(fields=["organisatie", "status"]),
            models.Index(fields=["verwezen_door", "status"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(toestemming_op__isnull=False)
                | Q(persoonsgegevens_verwijderd_op__isnull=False),
                name="doorverwijzing_vraagt_toestemming",
            ),
            models.CheckConstraint(
                condition=~Q(status="niet_gelukt") | ~Q(reden_niet_gelukt=""),
                name="doorverwijzing_niet_gelukt_met_reden",
            ),
        ]

    def __str__(self) -> str:
        return f"{_('Doorverwijzing')} {self.pk} {_('naar')} {self.organisatie}"

    @property
    def is_open(self) -> bool:
        return self.status not in self.GESLOTEN

    @property
    def is_niet_afgeleverd(self) -> bool:
        return self.is_open and self.melding_verstuurd_op is None

    @property
    def is_te_laat(self) -> bool:
        """No reaction (not even 'ontvangen') by the promised working day."""
        return (
            self.status == self.Status.VERSTUURD
            and self.reactie_uiterlijk is not None
            and self.reactie_uiterlijk < timezone.localdate()
        )

    def clean(self) -> None:
        fouten: dict = {}
        if self.organisatie_id:
            fouten.update(_zelfde_regio(self, "organisatie"))
        if self.dienst_id:
            fouten.update(_zelfde_regio(self, "dienst"))
        for veld in ("werkgever", "woongemeente"):
            if getattr(self, f"{veld}_id"):
                fouten.update(_zelfde_regio(self, veld))
        if fouten:
            raise ValidationError(fouten)

    @property
    def via_wsp(self) -> bool:
        """Referred by an adviseur of the WSP on behalf of a werkgever."""
        return bool(self.werkgever_id or self.aanleiding)


class DoorverwijzingLink(models.Model):
    """A single-use, expiring link mailed to an organisation's functional mailbox, through which
    it confirms and updates one referral without an account. Only the SHA-256 of the random
    token is stored, as with the factsheet links (wsp/factsheets/links.py)."""

    doorverwijzing = models.ForeignKey(
        Doorverwijzing,
        on_delete=models.CASCADE,
        related_name="links",
        verbose_name=_("doorverwijzing"),
    )
    token_hash = models.CharField(
        max_length=64, unique=True, editable=False, validators=[enkele_regel_validator]
    )
    aan = models.EmailField(_("verstuurd aan"))
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    geldig_tot = models.DateTimeField(_("geldig tot"))
    gebruikt_op = models.DateTimeField(_("gebruikt op"), null=True, blank=True)
    ingetrokken_op = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)

    regio_pad = "doorverwijzing__regio"
    objects = RegioManager()

    class Meta:
        verbose_name = _("doorverwijzingslink")
        verbose_name_plural = _("doorverwijzingslinks")
        ordering = ["-aangemaakt_op", "-pk"]

    def __str__(self) -> str:
        return f"{_('Link')} {self.pk} ({self.doorverwijzing_id})"


class DoorverwijzingStap(models.Model):
    """Each status step of a referral, with time and user."""

    doorverwijzing = models.ForeignKey(
        Doorverwijzing,
        on_delete=models.CASCADE,
        related_name="stappen",
        verbose_name=_("doorverwijzing"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Doorverwijzing.Status.choices)
    tijdstip = models.DateTimeField(_("tijdstip"), default=timezone.now)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("door"),
    )
    toelichting = models.CharField(
        _("toelichting"), max_length=300, blank=True, validators=[enkele_regel_validator]
    )

    regio_pad = "doorverwijzing__regio"
    objects = RegioManager()

    class Meta:
        verbose_name = _("statusstap")
        verbose_name_plural = _("statusstappen")
        ordering = ["tijdstip", "pk"]

    def __str__(self) -> str:
        return f"{self.get_status_display()} {timezone.localtime(self.tijdstip):%d-%m-%Y %H:%M}"


class Traject(Persoonsgegevens):
    """A traject paid by the Werkcentrum for a person who gave consent."""

    class Soort(models.TextChoices):
        WERKFIT = "werkfit", _("Werkfit")
        OPLEIDING = "opleiding", _("Opleiding")
        LOOPBAAN = "loopbaan", _("Loopbaan")
        TAAL = "taal", _("Taal")
        OVERIG = "overig", _("Overig")

    class Status(models.TextChoices):
        AANGEVRAAGD = "aangevraagd", _("Aangevraagd")
        LOPEND = "lopend", _("Lopend")
        AFGEROND = "afgerond", _("Afgerond")
        AFGEBROKEN = "afgebroken", _("Afgebroken")

    GESLOTEN = (Status.AFGEROND, Status.AFGEBROKEN)

    regio = models.ForeignKey(
        Arbeidsmarktregio, on_delete=models.PROTECT, related_name="+", verbose_name=_("regio")
    )
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    aanbieder = models.ForeignKey(
        Organisatie, on_delete=models.PROTECT, related_name="+", verbose_name=_("aanbieder")
    )
    gesprek = models.ForeignKey(
        Gesprek,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="trajecten",
        verbose_name=_("gesprek"),
    )
    startdatum = models.DateField(_("startdatum"))
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)
    kosten = models.DecimalField(
        _("kosten (euro)"),
        max_digits=MAX_BEDRAG,
        decimal_places=2,
        validators=[MinValueValidator(0)],
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.AANGEVRAAGD
    )
    resultaat = models.TextField(_("resultaat"), blank=True)
    toestemming_gegevens = models.CharField(
        _("toestemming voor welke gegevens"), max_length=300, validators=[enkele_regel_validator]
    )
    toestemming_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("toestemming vastgelegd door"),
    )
    afgesloten_op = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    reserve_kenmerk = models.CharField(
        _("kenmerk in de regionale reserve"),
        max_length=40,
        blank=True,
        help_text=_("Gezet zodra de kosten als verplichting in de reserve staan."),
        validators=[enkele_regel_validator],
    )

    objects = RegioManager()

    class Meta:
        verbose_name = _("traject")
        verbose_name_plural = _("trajecten")
        ordering = ["-startdatum", "-pk"]
        indexes = [
            models.Index(fields=["regio", "-startdatum"], name="traject_lijst_idx"),
            models.Index(fields=["regio", "status", "startdatum"]),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(kosten__gte=0), name="traject_kosten_positief"),
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True) | Q(einddatum__gte=F("startdatum")),
                name="traject_eind_na_start",
            ),
            models.CheckConstraint(
                condition=Q(toestemming_op__isnull=False)
                | Q(persoonsgegevens_verwijderd_op__isnull=False),
                name="traject_vraagt_toestemming",
            ),
        ]

    def __str__(self) -> str:
        return (
            f"{self.get_soort_display()} {_('bij')} {self.aanbieder} ({self.startdatum:%d-%m-%Y})"
        )

    def clean(self) -> None:
        fouten: dict = {}
        if self.aanbieder_id:
            fouten.update(_zelfde_regio(self, "aanbieder"))
        if self.einddatum and self.startdatum and self.einddatum < self.startdatum:
            fouten["einddatum"] = _("De einddatum ligt voor de startdatum.")
        if fouten:
            raise ValidationError(fouten)
