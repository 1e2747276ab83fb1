"""Governance of the arbeidsmarktregio: overlegorganen, vergaderingen, besluiten, acties and
the strategische arbeidsmarktagenda.

Invariants that must hold whatever code path writes (gap-free numbers, immutability of a
taken besluit, one supersede per besluit) are also database constraints or triggers.
"""

from __future__ import annotations

import re
import secrets
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from werkcentrum.models import Arbeidsmarktregio, Organisatie
from werkcentrum.tenancy import RegioManager
from werkcentrum.validators import enkele_regel_validator


class Overlegorgaan(models.Model):
    """A body such as the RBA, the Keten-MT or the Adviesgroep Arbeidsmarkt."""

    regio = models.ForeignKey(
        Arbeidsmarktregio, on_delete=models.PROTECT, related_name="overlegorganen"
    )
    naam = models.CharField(_("naam"), max_length=150, validators=[enkele_regel_validator])
    afkorting = models.SlugField(
        _("afkorting"),
        max_length=20,
        help_text=_("Voorvoegsel van de besluitnummers, bijv. RBA geeft RBA-2025-007."),
    )
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    actief = models.BooleanField(_("actief"), default=True)

    objects = RegioManager()

    class Meta:
        verbose_name = _("overlegorgaan")
        verbose_name_plural = _("overlegorganen")
        ordering = ["naam"]
        constraints = [
            models.UniqueConstraint(fields=["regio", "afkorting"], name="rba_orgaan_afkorting"),
            models.UniqueConstraint(fields=["regio", "naam"], name="rba_orgaan_naam"),
        ]

    def __str__(self) -> str:
        return self.naam

    def clean(self) -> None:
        super().clean()
        self.afkorting = (self.afkorting or "").upper()


class Lid(models.Model):
    """A membership of a person in an overlegorgaan for a period; ended rows stay as history."""

    class Rol(models.TextChoices):
        VOORZITTER = "voorzitter", _("voorzitter")
        SECRETARIS = "secretaris", _("secretaris")
        LID = "lid", _("lid")
        ADVISEUR = "adviseur", _("adviseur")
        PLAATSVERVANGER = "plaatsvervanger", _("plaatsvervanger")

    regio_pad = "orgaan__regio"

    orgaan = models.ForeignKey(
        Overlegorgaan, on_delete=models.PROTECT, related_name="leden", verbose_name=_("orgaan")
    )
    naam = models.CharField(_("naam"), max_length=150, validators=[enkele_regel_validator])
    email = models.EmailField(_("e-mailadres"))
    functie = models.CharField(
        _("functie"), max_length=150, blank=True, validators=[enkele_regel_validator]
    )
    organisatie = models.ForeignKey(
        Organisatie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="rba_lidmaatschappen",
        verbose_name=_("organisatie"),
    )
    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="rba_lidmaatschappen",
        verbose_name=_("account in het portaal"),
    )
    rol = models.CharField(_("rol"), max_length=20, choices=Rol.choices, default=Rol.LID)
    van = models.DateField(_("lid vanaf"))
    tot = models.DateField(_("lid tot en met"), null=True, blank=True)

    objects = RegioManager()

    class Meta:
        verbose_name = _("lid")
        verbose_name_plural = _("leden")
        ordering = ["orgaan", "tot", "naam"]
        constraints = [
            models.CheckConstraint(
                condition=Q(tot__isnull=True) | Q(tot__gte=models.F("van")),
                name="rba_lid_periode",
            )
        ]
        indexes = [models.Index(fields=["orgaan", "tot"])]

    def __str__(self) -> str:
        return f"{self.naam} ({self.get_rol_display()})"

    def clean(self) -> None:
        super().clean()
        if self.tot and self.van and self.tot < self.van:
            raise ValidationError({"tot": _("De einddatum ligt voor de begindatum.")})
        if (
            self.organisatie_id
            and self.orgaan_id
            and self.organisatie.regio_id != self.orgaan.regio_id
        ):
            raise ValidationError(
                {"organisatie": _("Deze organisatie hoort bij een andere regio.")}
            )

    def is_actief_op(self, datum) -> bool:
        return self.van <= datum and (self.tot is None or self.tot >= datum)


class Onderwerp(models.Model):
    """A dossier that spans meetings: its agendapunten, besluiten and acties are shown together."""

    regio = models.ForeignKey(Arbeidsmarktregio, on_delete=models.PROTECT, related_name="+")
    titel = models.CharField(_("titel"), max_length=200, validators=[enkele_regel_validator])
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    actief = models.BooleanField(_("actief"), default=True)

    objects = RegioManager()

    class Meta:
        verbose_name = _("onderwerp")
        verbose_name_plural = _("onderwerpen")
        ordering = ["titel"]
        constraints = [
            models.UniqueConstraint(fields=["regio", "titel"], name="rba_onderwerp_titel")
        ]
        indexes = [
            models.Index(fields=["regio", "actief", "titel"], name="onderwerp_lijst_idx"),
        ]

    def __str__(self) -> str:
        return self.titel

    def get_absolute_url(self) -> str:
        return reverse("rba:onderwerp", args=[self.pk])


class Vergadering(models.Model):
    class Status(models.TextChoices):
        GEPLAND = "gepland", _("gepland")
        AGENDA_GEPUBLICEERD = "agenda_gepubliceerd", _("agenda gepubliceerd")
        GEHOUDEN = "gehouden", _("gehouden")
        VERSLAG_VASTGESTELD = "verslag_vastgesteld", _("verslag vastgesteld")

    regio = models.ForeignKey(Arbeidsmarktregio, on_delete=models.PROTECT, related_name="+")
    orgaan = models.ForeignKey(
        Overlegorgaan,
        on_delete=models.PROTECT,
        related_name="vergaderingen",
        verbose_name=_("orgaan"),
    )
    datum = models.DateField(_("datum"))
    aanvang = models.TimeField(_("aanvang"))
    einde = models.TimeField(_("einde"), null=True, blank=True)
    locatie = models.CharField(
        _("plaats"), max_length=200, blank=True, validators=[enkele_regel_validator]
    )
    online_link = models.URLField(_("link voor online deelname"), blank=True)
    status = models.CharField(
        _("status"), max_length=25, choices=Status.choices, default=Status.GEPLAND
    )
    verslag = models.TextField(_("verslag"), blank=True)
    agenda_gepubliceerd_op = models.DateTimeField(null=True, blank=True, editable=False)
    uitnodiging_verstuurd_op = models.DateTimeField(null=True, blank=True, editable=False)
    verslag_vastgesteld_op = models.DateTimeField(null=True, blank=True, editable=False)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    objects = RegioManager()

    class Meta:
        verbose_name = _("vergadering")
        verbose_name_plural = _("vergaderingen")
        ordering = ["-datum", "-aanvang"]
        indexes = [
            models.Index(fields=["regio", "datum"]),
            models.Index(fields=["orgaan", "datum"]),
            models.Index(fields=["regio", "status"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(einde__isnull=True) | Q(einde__gt=models.F("aanvang")),
                name="rba_vergadering_einde_na_aanvang",
            )
        ]

    def __str__(self) -> str:
        return f"{self.orgaan} {self.datum:%d-%m-%Y}"

    def get_absolute_url(self) -> str:
        return reverse("rba:vergadering", args=[self.pk])

    def clean(self) -> None:
        super().clean()
        fouten = {}
        if self.einde and self.aanvang and self.einde <= self.aanvang:
            fouten["einde"] = _("Het einde ligt voor de aanvang.")
        if not self.locatie and not self.online_link:
            fouten["locatie"] = _("Vul een plaats of een link voor online deelname in.")
        if self.orgaan_id and self.regio_id and self.orgaan.regio_id != self.regio_id:
            fouten["orgaan"] = _("Dit orgaan hoort bij een andere regio.")
        if fouten:
            raise ValidationError(fouten)

    @property
    def agenda_is_openbaar(self) -> bool:
        return self.status != self.Status.GEPLAND

    @property
    def is_gehouden(self) -> bool:
        """Reported as held (or its verslag set) and its date reached: only then can a besluit
        on its agenda be genomen (issue 22 point 2)."""
        return (
            self.status in (self.Status.GEHOUDEN, self.Status.VERSLAG_VASTGESTELD)
            and self.datum <= timezone.localdate()
        )


class Agendapunt(models.Model):
    class Type(models.TextChoices):
        BESLUITVORMING = "besluitvorming", _("ter besluitvorming")
        BESPREKING = "bespreking", _("ter bespreking")
        INFORMATIE = "informatie", _("ter informatie")
        EVALUATIE = "evaluatie", _("evaluatie uitvoeringsplan WSP")

    regio_pad = "vergadering__regio"

    vergadering = models.ForeignKey(
        Vergadering, on_delete=models.PROTECT, related_name="agendapunten"
    )
    volgorde = models.PositiveSmallIntegerField(_("volgorde"))
    titel = models.CharField(_("titel"), max_length=200, validators=[enkele_regel_validator])
    type = models.CharField(_("type"), max_length=20, choices=Type.choices)
    toelichting = models.TextField(_("toelichting"), blank=True)
    onderwerp = models.ForeignKey(
        Onderwerp,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agendapunten",
        verbose_name=_("onderwerp (dossier)"),
    )
    evaluatie_periode = models.CharField(
        _("halfjaar van de factsheet"),
        max_length=7,
        blank=True,
        help_text=_("Bij een evaluatie: het halfjaar van de WSP-factsheet, bijv. 2025-H1."),
        validators=[enkele_regel_validator],
    )

    objects = RegioManager()

    class Meta:
        verbose_name = _("agendapunt")
        verbose_name_plural = _("agendapunten")
        ordering = ["vergadering", "volgorde"]
        constraints = [
            models.UniqueConstraint(
                fields=["vergadering", "volgorde"], name="rba_agendapunt_volgorde"
            ),
            models.CheckConstraint(
                condition=~Q(type="evaluatie") | ~Q(evaluatie_periode=""),
                name="rba_evaluatie_heeft_periode",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.volgorde}. {self.titel}"

    @property
    def factsheet_url(self) -> str | None:
        """The WSP half-year factsheet this evaluatie is about, when the WSP app offers it
        (URL name `wsp:factsheet` with the period, e.g. 2025-H1); rba does not import wsp."""
        if self.type != self.Type.EVALUATIE or not self.evaluatie_periode:
            return None
        jaar, helft = self.evaluatie_periode.split("-")
        pogingen = [
            ("wsp:factsheet", [], {"periode": self.evaluatie_periode}),
            ("wsp:factsheet", [int(jaar), int(helft[1])], {}),
            ("wsp:factsheet", [], {"jaar": int(jaar), "halfjaar": int(helft[1])}),
        ]
        for naam, args, kwargs in pogingen:
            try:
                return reverse(naam, args=args, kwargs=kwargs)
            except NoReverseMatch:
                continue
        return None

    def clean(self) -> None:
        super().clean()
        if self.type == self.Type.EVALUATIE:
            if not re.fullmatch(r"\d{4}-H[12]", self.evaluatie_periode or ""):
                raise ValidationError(
                    {"evaluatie_periode": _("Vul het halfjaar in als JJJJ-H1 of JJJJ-H2.")}
                )
        elif self.evaluatie_periode:
            raise ValidationError(
                {"evaluatie_periode": _("Alleen een evaluatie verwijst naar een factsheet.")}
            )


def _stuk_pad(instance: StukVersie, filename: str) -> str:
    # A random name: the file is never served from MEDIA_URL, and even a leaked path
    # reveals nothing about the document.
    suffix = PurePosixPath(filename).suffix.lower()
    return f"rba/stukken/{secrets.token_urlsafe(24)}{suffix}"


class Stuk(models.Model):
    """A document on an agendapunt; its content lives in versions (never overwritten)."""

    regio_pad = "agendapunt__vergadering__regio"

    agendapunt = models.ForeignKey(Agendapunt, on_delete=models.PROTECT, related_name="stukken")
    titel = models.CharField(_("titel"), max_length=200, validators=[enkele_regel_validator])
    openbaar = models.BooleanField(
        _("leesbaar voor alle medewerkers van de regio"),
        default=False,
        help_text=_("Anders alleen voor het secretariaat en de leden."),
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    objects = RegioManager()

    class Meta:
        verbose_name = _("stuk")
        verbose_name_plural = _("stukken")
        ordering = ["agendapunt", "titel"]

    def __str__(self) -> str:
        return self.titel

    @property
    def laatste_versie(self) -> StukVersie | None:
        versies = getattr(self, "_prefetched_objects_cache", {}).get("versies")
        if versies is not None:
            return max(versies, key=lambda v: v.versie, default=None)
        return self.versies.order_by("-versie").first()


class StukVersie(models.Model):
    regio_pad = "stuk__agendapunt__vergadering__regio"

    stuk = models.ForeignKey(Stuk, on_delete=models.PROTECT, related_name="versies")
    versie = models.PositiveIntegerField(_("versie"), validators=[MinValueValidator(1)])
    bestand = models.FileField(_("bestand"), upload_to=_stuk_pad, max_length=200)
    bestandsnaam = models.CharField(
        _("oorspronkelijke bestandsnaam"), max_length=200, validators=[enkele_regel_validator]
    )
    mime_type = models.CharField(max_length=100, validators=[enkele_regel_validator])
    grootte = models.PositiveBigIntegerField(_("grootte in bytes"))
    sha256 = models.CharField(max_length=64, validators=[enkele_regel_validator])
    geupload_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    geupload_op = models.DateTimeField(default=timezone.now)

    objects = RegioManager()

    class Meta:
        verbose_name = _("versie van een stuk")
        verbose_name_plural = _("versies van stukken")
        ordering = ["stuk", "-versie"]
        constraints = [
            models.UniqueConstraint(fields=["stuk", "versie"], name="rba_stukversie_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.stuk} v{self.versie}"


class BesluitTeller(models.Model):
    """The last number given per regio, prefix (orgaan) and year.

    The row is locked with SELECT ... FOR UPDATE by the transaction that gives the next
    number, so concurrent saves queue up and get consecutive numbers (see services)."""

    regio = models.ForeignKey(Arbeidsmarktregio, on_delete=models.PROTECT, related_name="+")
    voorvoegsel = models.CharField(max_length=20, validators=[enkele_regel_validator])
    jaar = models.PositiveSmallIntegerField()
    laatste = models.PositiveIntegerField(default=0)

    objects = RegioManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["regio", "voorvoegsel", "jaar"], name="rba_besluitteller_uniek"
            )
        ]

    def __str__(self) -> str:
        return f"{self.voorvoegsel}-{self.jaar}: {self.laatste}"


class BesluitNietWijzigbaar(ValidationError):
    pass


def genomen_q(prefix: str = "") -> Q:
    """The besluiten that count as genomen today: status genomen with a date not in the
    future and, when taken at a vergadering, that vergadering's date reached. The status
    alone is not enough for rows written before the rule existed (a genomen row is immutable,
    so they are filtered here rather than migrated); public lists, feeds and financien use
    this."""
    vandaag = timezone.localdate()
    return Q(
        **{f"{prefix}status": "genomen", f"{prefix}datum__lte": vandaag},
    ) & (
        Q(**{f"{prefix}agendapunt__isnull": True})
        | Q(**{f"{prefix}agendapunt__vergadering__datum__lte": vandaag})
    )


class Besluit(models.Model):
    class Type(models.TextChoices):
        VASTSTELLING_UITVOERINGSPLAN = (
            "vaststelling_uitvoeringsplan",
            _("vaststelling uitvoeringsplan"),
        )
        INZET_REGIONALE_MIDDELEN = "inzet_regionale_middelen", _("inzet regionale middelen")
        ADVIES = "advies", _("advies")
        OVERIG = "overig", _("overig")

    class Status(models.TextChoices):
        VOORGESTELD = "voorgesteld", _("voorgesteld")
        GENOMEN = "genomen", _("genomen")
        AANGEHOUDEN = "aangehouden", _("aangehouden")
        VERWORPEN = "verworpen", _("verworpen")
        INGETROKKEN = "ingetrokken", _("ingetrokken")

    class Besluitvorming(models.TextChoices):
        VERGADERING = "vergadering", _("in een vergadering")
        SCHRIFTELIJK = "schriftelijk", _("schriftelijke besluitvorming")

    regio = models.ForeignKey(Arbeidsmarktregio, on_delete=models.PROTECT, related_name="+")
    orgaan = models.ForeignKey(
        Overlegorgaan,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="besluiten",
        verbose_name=_("orgaan"),
    )
    agendapunt = models.ForeignKey(
        Agendapunt,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="besluiten",
        verbose_name=_("agendapunt"),
    )
    onderwerp = models.ForeignKey(
        Onderwerp,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="besluiten",
        verbose_name=_("onderwerp (dossier)"),
    )
    nummer = models.CharField(
        _("nummer"), max_length=40, editable=False, validators=[enkele_regel_validator]
    )
    datum = models.DateField(_("datum"))
    titel = models.CharField(_("titel"), max_length=250, validators=[enkele_regel_validator])
    besluittekst = models.TextField(_("besluittekst"))
    type = models.CharField(_("type"), max_length=30, choices=Type.choices, default=Type.OVERIG)
    besluitvorming = models.CharField(
        _("besluitvorming"),
        max_length=15,
        choices=Besluitvorming.choices,
        default=Besluitvorming.VERGADERING,
        help_text=_(
            "In een vergadering: genomen zodra die vergadering is gehouden. Schriftelijk: "
            "genomen op de datum van het besluit, niet eerder."
        ),
    )
    status = models.CharField(
        _("status"), max_length=15, choices=Status.choices, default=Status.VOORGESTELD
    )
    bedrag = models.DecimalField(
        _("bedrag (euro)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    fonds = models.CharField(
        _("fonds of geldstroom"),
        max_length=200,
        blank=True,
        help_text=_("De geldstroom waaruit de middelen komen (vrije tekst)."),
        validators=[enkele_regel_validator],
    )
    openbaar = models.BooleanField(
        _("openbaar"), default=True, help_text=_("Verschijnt op de openbare besluitenlijst.")
    )
    vervangt = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="vervangen_door",
        verbose_name=_("vervangt besluit"),
    )
    genomen_op = models.DateTimeField(null=True, blank=True, editable=False)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    objects = RegioManager()

    class Meta:
        verbose_name = _("besluit")
        verbose_name_plural = _("besluiten")
        ordering = ["-datum", "-nummer"]
        constraints = [
            models.UniqueConstraint(fields=["regio", "nummer"], name="rba_besluit_nummer_uniek"),
            models.CheckConstraint(condition=~Q(nummer=""), name="rba_besluit_heeft_nummer"),
            models.CheckConstraint(
                condition=Q(bedrag__isnull=True) | Q(bedrag__gte=0),
                name="rba_besluit_bedrag_niet_negatief",
            ),
            models.CheckConstraint(
                condition=~Q(type="inzet_regionale_middelen", status="genomen")
                | Q(bedrag__isnull=False),
                name="rba_besluit_inzet_heeft_bedrag",
            ),
        ]
        indexes = [
            models.Index(fields=["regio", "-datum", "-nummer"], name="besluit_lijst_idx"),
            models.Index(fields=["regio", "openbaar", "status", "datum"]),
            models.Index(fields=["regio", "type", "status"]),
            models.Index(fields=["orgaan", "datum"]),
        ]

    def __str__(self) -> str:
        return f"{self.nummer} {self.titel}"

    def save(self, *args, **kwargs) -> None:
        # Second line of defence behind the services (the first) and the database trigger
        # (the last): a row that is genomen in the database is never written again.
        if self.pk is not None:
            opgeslagen = Besluit.objects.filter(pk=self.pk).values_list("status", flat=True).first()
            if opgeslagen == self.Status.GENOMEN:
                raise BesluitNietWijzigbaar(
                    _("Een genomen besluit is niet meer te wijzigen; leg een correctie vast.")
                )
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("rba:besluit", args=[self.pk])

    def delete(self, *args, **kwargs):
        raise BesluitNietWijzigbaar(_("Besluiten worden nooit verwijderd."))

    @property
    def is_genomen(self) -> bool:
        return self.status == self.Status.GENOMEN

    @property
    def telt_als_genomen(self) -> bool:
        """genomen_q for one row: genomen and its date (and its vergadering's) reached."""
        vandaag = timezone.localdate()
        if not self.is_genomen or (self.datum and self.datum > vandaag):
            return False
        return not self.agendapunt_id or self.agendapunt.vergadering.datum <= vandaag

    @property
    def vergadering(self) -> Vergadering | None:
        return self.agendapunt.vergadering if self.agendapunt_id else None

    def clean(self) -> None:
        super().clean()
        fouten: dict[str, str] = {}
        if self.type == self.Type.INZET_REGIONALE_MIDDELEN and self.bedrag is None:
            fouten["bedrag"] = _("Bij inzet van regionale middelen hoort een bedrag.")
        if self.orgaan_id and self.regio_id and self.orgaan.regio_id != self.regio_id:
            fouten["orgaan"] = _("Dit orgaan hoort bij een andere regio.")
        if self.vervangt_id and self.vervangt.regio_id != self.regio_id:
            fouten["vervangt"] = _("Dit besluit hoort bij een andere regio.")
        if self.status == self.Status.GENOMEN:
            fouten.update(self._genomen_fouten())
        if fouten:
            raise ValidationError(fouten)

    def _genomen_fouten(self) -> dict[str, str]:
        """A besluit is genomen only in a held vergadering, or by schriftelijke besluitvorming
        on a date not in the future; before that it stays a voorstel (issue 22 point 2)."""
        fouten: dict[str, str] = {}
        if self.datum and self.datum > timezone.localdate():
            fouten["datum"] = _(
                "Een besluit met een datum in de toekomst is nog niet genomen; leg het vast "
                "als voorstel."
            )
        if self.besluitvorming == self.Besluitvorming.SCHRIFTELIJK:
            return fouten
        if not self.agendapunt_id:
            fouten["agendapunt"] = _(
                "Een besluit in een vergadering hoort bij een agendapunt van een gehouden "
                "vergadering; kies het agendapunt of kies schriftelijke besluitvorming."
            )
        elif not self.agendapunt.vergadering.is_gehouden:
            fouten["agendapunt"] = _(
                "De vergadering van %(datum)s is nog niet gehouden; tot dan is dit besluit een "
                "voorstel."
            ) % {"datum": formats.date_format(self.agendapunt.vergadering.datum, "j F Y")}
        return fouten


class Actie(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("open")
        IN_BEHANDELING = "in_behandeling", _("in behandeling")
        AFGEROND = "afgerond", _("afgerond")
        VERVALLEN = "vervallen", _("vervallen")

    OPEN_STATUSSEN = (Status.OPEN, Status.IN_BEHANDELING)

    regio = models.ForeignKey(Arbeidsmarktregio, on_delete=models.PROTECT, related_name="+")
    orgaan = models.ForeignKey(
        Overlegorgaan, on_delete=models.PROTECT, related_name="acties", verbose_name=_("orgaan")
    )
    vergadering = models.ForeignKey(
        Vergadering,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="acties",
        verbose_name=_("uit vergadering"),
    )
    besluit = models.ForeignKey(
        Besluit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="acties",
        verbose_name=_("uit besluit"),
    )
    onderwerp = models.ForeignKey(
        Onderwerp,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="acties",
        verbose_name=_("onderwerp (dossier)"),
    )
    omschrijving = models.TextField(_("omschrijving"))
    eigenaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="rba_acties",
        verbose_name=_("eigenaar (medewerker)"),
    )
    eigenaar_naam = models.CharField(
        _("eigenaar (naam)"), max_length=150, blank=True, validators=[enkele_regel_validator]
    )
    eigenaar_email = models.EmailField(_("e-mailadres eigenaar"), blank=True)
    deadline = models.DateField(_("deadline"))
    status = models.CharField(
        _("status"), max_length=15, choices=Status.choices, default=Status.OPEN
    )
    geagendeerd_op = models.ManyToManyField(
        Vergadering,
        blank=True,
        related_name="doorgeschoven_acties",
        verbose_name=_("op de actielijst van"),
    )
    herinnerd_vooraf_op = models.DateField(null=True, blank=True, editable=False)
    herinnerd_deadline_op = models.DateField(null=True, blank=True, editable=False)
    afgerond_op = models.DateField(null=True, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    objects = RegioManager()

    class Meta:
        verbose_name = _("actie")
        verbose_name_plural = _("acties")
        ordering = ["deadline", "pk"]
        indexes = [
            models.Index(fields=["regio", "status", "deadline"]),
            models.Index(fields=["orgaan", "status"]),
        ]

    def __str__(self) -> str:
        return self.omschrijving[:80]

    def clean(self) -> None:
        super().clean()
        if not self.eigenaar_id and not (self.eigenaar_naam and self.eigenaar_email):
            raise ValidationError(
                {
                    "eigenaar": _(
                        "Kies een medewerker of vul naam en e-mailadres van de eigenaar in."
                    )
                }
            )
        if self.orgaan_id and self.regio_id and self.orgaan.regio_id != self.regio_id:
            raise ValidationError({"orgaan": _("Dit orgaan hoort bij een andere regio.")})
        if (
            self.eigenaar_id
            and self.regio_id
            and self.eigenaar.regio_id not in (None, self.regio_id)
        ):
            raise ValidationError({"eigenaar": _("Deze medewerker hoort bij een andere regio.")})

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSSEN

    @property
    def is_verlopen(self) -> bool:
        """Open past its deadline (today in Europe/Amsterdam)."""
        return self.is_open and self.deadline < timezone.localdate()

    @property
    def eigenaar_weergave(self) -> str:
        return str(self.eigenaar) if self.eigenaar_id else self.eigenaar_naam

    @property
    def genoemde_eigenaar_id(self) -> int | None:
        """The id when the owner is a person named by name (outside the portal): a list
        showing this action shows personal data (the audit log notes it)."""
        return self.pk if not self.eigenaar_id and self.eigenaar_naam else None

    @property
    def noemt_persoon(self) -> bool:
        """Whether the record holds a name or e-mail address of its own (as the form and the
        API show them, whoever the owner)."""
        return bool(self.eigenaar_naam or self.eigenaar_email)

    @property
    def eigenaar_adres(self) -> str:
        return self.eigenaar.email if self.eigenaar_id else self.eigenaar_email


class StrategischeAgenda(models.Model):
    regio = models.ForeignKey(Arbeidsmarktregio, on_delete=models.PROTECT, related_name="+")
    titel = models.CharField(_("titel"), max_length=200, validators=[enkele_regel_validator])
    startjaar = models.PositiveSmallIntegerField(_("startjaar"))
    eindjaar = models.PositiveSmallIntegerField(_("eindjaar"))
    ambities = models.TextField(_("ambities"), blank=True)

    objects = RegioManager()

    class Meta:
        verbose_name = _("strategische arbeidsmarktagenda")
        verbose_name_plural = _("strategische arbeidsmarktagenda's")
        ordering = ["-startjaar"]
        constraints = [
            models.UniqueConstraint(fields=["regio", "titel"], name="rba_agenda_titel"),
            models.CheckConstraint(
                condition=Q(eindjaar__gte=models.F("startjaar")), name="rba_agenda_periode"
            ),
        ]

    def __str__(self) -> str:
        return self.titel


class Pijler(models.Model):
    regio_pad = "agenda__regio"

    agenda = models.ForeignKey(StrategischeAgenda, on_delete=models.PROTECT, related_name="pijlers")
    naam = models.CharField(_("naam"), max_length=150, validators=[enkele_regel_validator])
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=1)

    objects = RegioManager()

    class Meta:
        verbose_name = _("pijler")
        verbose_name_plural = _("pijlers")
        ordering = ["agenda", "volgorde"]
        constraints = [models.UniqueConstraint(fields=["agenda", "naam"], name="rba_pijler_naam")]

    def __str__(self) -> str:
        return self.naam


class AgendaRegel(models.Model):
    """One row of the doe-agenda: what is done, for whom, by whom, paid how."""

    class Schaal(models.TextChoices):
        REGIONAAL = "regionaal", _("regionaal")
        SUBREGIONAAL = "subregionaal", _("subregionaal")
        BEIDE = "beide", _("regionaal en subregionaal")

    class Status(models.TextChoices):
        LOOPT = "loopt", _("loopt")
        NADER_UIT_TE_WERKEN = "nader_uit_te_werken", _("nader uit te werken")
        AFGEROND = "afgerond", _("afgerond")
        GESTOPT = "gestopt", _("gestopt")

    regio = models.ForeignKey(Arbeidsmarktregio, on_delete=models.PROTECT, related_name="+")
    pijler = models.ForeignKey(
        Pijler, on_delete=models.PROTECT, related_name="regels", verbose_name=_("pijler")
    )
    thema = models.CharField(_("thema"), max_length=200, validators=[enkele_regel_validator])
    voor_wie = models.CharField(
        _("voor wie"), max_length=300, blank=True, validators=[enkele_regel_validator]
    )
    schaal = models.CharField(
        _("(sub)regionaal"), max_length=15, choices=Schaal.choices, default=Schaal.REGIONAAL
    )
    actie = models.TextField(_("actie"))
    status = models.CharField(
        _("status"), max_length=25, choices=Status.choices, default=Status.LOOPT
    )
    trekkers = models.CharField(
        _("trekker(s)"), max_length=300, blank=True, validators=[enkele_regel_validator]
    )
    financiering = models.TextField(
        _("financiering"),
        blank=True,
        help_text=_("Vrije tekst; een geldstroom in Financiën kan naar deze regel verwijzen."),
    )
    onderwerp = models.ForeignKey(
        Onderwerp,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agendaregels",
        verbose_name=_("onderwerp (dossier)"),
    )
    gewijzigd_op = models.DateTimeField(auto_now=True, db_index=True)

    objects = RegioManager()

    class Meta:
        verbose_name = _("regel van de doe-agenda")
        verbose_name_plural = _("regels van de doe-agenda")
        ordering = ["pijler__volgorde", "thema", "pk"]
        indexes = [models.Index(fields=["regio", "status"])]

    def __str__(self) -> str:
        return f"{self.thema}: {self.actie[:60]}"

    def clean(self) -> None:
        super().clean()
        if self.pijler_id and self.regio_id and self.pijler.agenda.regio_id != self.regio_id:
            raise ValidationError({"pijler": _("Deze pijler hoort bij een andere regio.")})


class Voortgangsrapportage(models.Model):
    regio_pad = "regel__regio"

    regel = models.ForeignKey(
        AgendaRegel, on_delete=models.PROTECT, related_name="voortgangsrapportages"
    )
    datum = models.DateField(_("datum"), db_index=True)
    tekst = models.TextField(_("voortgang"))
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    objects = RegioManager()

    class Meta:
        verbose_name = _("voortgangsrapportage")
        verbose_name_plural = _("voortgangsrapportages")
        ordering = ["regel", "-datum", "-pk"]

    def __str__(self) -> str:
        return f"{self.datum}: {self.tekst[:60]}"
