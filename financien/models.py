"""The regionale reserve arbeidsmarkt: geldstromen (funds), begrotingsposten with a begroting
per year, an append-only grootboek of mutaties, and the signals sent about them.

Money is Decimal euro with two decimals. A mutatie is never changed or removed (in Python and,
on PostgreSQL, by a trigger, migration 0002); a mistake is undone by a `correctie` that
reverses the original in full. Every row therefore carries the *rubriek* (storting,
verplichting, realisatie, vrijval) it counts towards and a *teken* (+1, or -1 for a
correctie), so every balance is one SQL sum of `teken * bedrag`.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkcentrum.models import Arbeidsmarktregio
from werkcentrum.tenancy import RegioManager, RegioQuerySet
from werkcentrum.validators import enkele_regel_validator

from .saldi import euro

CENT = Decimal("0.01")


def twee_decimalen(waarde: Decimal) -> None:
    """Amounts are whole euro cents: more than two decimals is refused, never rounded."""
    if waarde is None:
        return
    if not isinstance(waarde, Decimal):
        waarde = Decimal(str(waarde))
    if not waarde.is_finite() or waarde != waarde.quantize(CENT):
        raise ValidationError(
            _("Een bedrag heeft hoogstens twee cijfers achter de komma (hele eurocenten)."),
            code="decimalen",
        )


def bedrag_veld(verbose_name, **kwargs) -> models.DecimalField:
    kwargs.setdefault("validators", [twee_decimalen])
    return models.DecimalField(verbose_name, max_digits=14, decimal_places=2, **kwargs)


class Geldstroom(models.Model):
    """A fund that feeds the reserve, e.g. the decentralisatie-uitkering Versterking
    Arbeidsmarktregio or Dichterbij dan je Denkt. The amounts received are its stortingen in
    the grootboek (per boekjaar), so there is one source for every figure."""

    class Bron(models.TextChoices):
        RIJK = "rijk", _("Rijk")
        PROVINCIE = "provincie", _("Provincie")
        EU = "eu", _("Europese Unie")
        GEMEENTEN = "gemeenten", _("Gemeenten")
        OVERIG = "overig", _("Overig")

    regio = models.ForeignKey(
        Arbeidsmarktregio, on_delete=models.PROTECT, related_name="+", verbose_name=_("regio")
    )
    naam = models.CharField(_("naam"), max_length=150, validators=[enkele_regel_validator])
    bron = models.CharField(_("bron"), max_length=20, choices=Bron.choices, db_index=True)
    regeling = models.CharField(
        _("regeling"),
        max_length=200,
        blank=True,
        help_text=_("Bijv. decentralisatie-uitkering, subsidiebeschikking, convenant."),
        validators=[enkele_regel_validator],
    )
    voorwaarden = models.TextField(
        _("bestedingsvoorwaarden"), blank=True, help_text=_("Waaraan het geld besteed mag worden.")
    )
    einddatum = models.DateField(
        _("einddatum besteding"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Na deze datum kan er niets meer uit deze geldstroom worden besteed."),
    )
    actief = models.BooleanField(_("actief"), default=True)

    objects = RegioManager()

    class Meta:
        verbose_name = _("geldstroom")
        verbose_name_plural = _("geldstromen")
        ordering = ["naam"]
        constraints = [
            models.UniqueConstraint(fields=["regio", "naam"], name="geldstroom_naam_uniek")
        ]

    def __str__(self) -> str:
        return self.naam

    def get_absolute_url(self) -> str:
        return reverse("financien:geldstroom", args=[self.pk])

    def is_verlopen(self, op) -> bool:
        return self.einddatum is not None and op > self.einddatum


class Begrotingspost(models.Model):
    """A budget line of the regional begroting, e.g. Werkcentrum dienstverlening, trajecten,
    WSP jobhunters, or a project of the strategische agenda."""

    regio = models.ForeignKey(
        Arbeidsmarktregio, on_delete=models.PROTECT, related_name="+", verbose_name=_("regio")
    )
    code = models.CharField(_("code"), max_length=20, validators=[enkele_regel_validator])
    naam = models.CharField(_("naam"), max_length=150, validators=[enkele_regel_validator])
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    actief = models.BooleanField(_("actief"), default=True)

    objects = RegioManager()

    class Meta:
        verbose_name = _("begrotingspost")
        verbose_name_plural = _("begrotingsposten")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["regio", "code"], name="begrotingspost_code_uniek"),
            models.UniqueConstraint(fields=["regio", "naam"], name="begrotingspost_naam_uniek"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.naam}"


class Begrotingsregel(models.Model):
    """The amount budgeted (begroot) for one begrotingspost in one year. Verplicht,
    gerealiseerd and vrij are never stored: they are sums over the grootboek."""

    regio = models.ForeignKey(
        Arbeidsmarktregio, on_delete=models.PROTECT, related_name="+", verbose_name=_("regio")
    )
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    begrotingspost = models.ForeignKey(
        Begrotingspost,
        on_delete=models.PROTECT,
        related_name="regels",
        verbose_name=_("begrotingspost"),
    )
    begroot = bedrag_veld(_("begroot"), validators=[twee_decimalen, MinValueValidator(0)])
    toelichting = models.TextField(_("toelichting"), blank=True)

    objects = RegioManager()

    class Meta:
        verbose_name = _("begrotingsregel")
        verbose_name_plural = _("begroting")
        ordering = ["-jaar", "begrotingspost__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["regio", "jaar", "begrotingspost"], name="begrotingsregel_uniek"
            ),
            models.CheckConstraint(condition=Q(begroot__gte=0), name="begrotingsregel_begroot"),
            models.CheckConstraint(
                condition=Q(jaar__gte=2000, jaar__lte=2100), name="begrotingsregel_jaar"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.jaar} {self.begrotingspost}"

    def clean(self) -> None:
        if (
            self.begrotingspost_id
            and self.regio_id
            and self.begrotingspost.regio_id != self.regio_id
        ):
            raise ValidationError(
                {"begrotingspost": _("Deze begrotingspost hoort bij een andere regio.")}
            )


class MutatieQuerySet(RegioQuerySet):
    def update(self, **kwargs):
        raise PermissionError("Het grootboek is alleen aan te vullen, niet te wijzigen.")

    def delete(self):
        raise PermissionError("Het grootboek is alleen aan te vullen, niet te wijzigen.")

    def _raw_delete(self, using):
        raise PermissionError("Het grootboek is alleen aan te vullen, niet te wijzigen.")


class Mutatie(models.Model):
    """One immutable line of the grootboek. Only `financien.services` creates them."""

    class Soort(models.TextChoices):
        STORTING = "storting", _("Storting")
        VERPLICHTING = "verplichting", _("Verplichting")
        REALISATIE = "realisatie", _("Realisatie")
        VRIJVAL = "vrijval", _("Vrijval")
        CORRECTIE = "correctie", _("Correctie")

    class Rubriek(models.TextChoices):
        STORTING = "storting", _("Storting")
        VERPLICHTING = "verplichting", _("Verplichting")
        REALISATIE = "realisatie", _("Realisatie")
        VRIJVAL = "vrijval", _("Vrijval")

    regio = models.ForeignKey(
        Arbeidsmarktregio, on_delete=models.PROTECT, related_name="+", verbose_name=_("regio")
    )
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    rubriek = models.CharField(
        _("rubriek"),
        max_length=20,
        choices=Rubriek.choices,
        help_text=_("Het saldo waar deze regel meetelt; bij een correctie dat van het origineel."),
    )
    teken = models.SmallIntegerField(_("teken"), default=1)
    datum = models.DateField(_("boekdatum"))
    bedrag = bedrag_veld(_("bedrag"))
    geldstroom = models.ForeignKey(
        Geldstroom, on_delete=models.PROTECT, related_name="mutaties", verbose_name=_("geldstroom")
    )
    begrotingspost = models.ForeignKey(
        Begrotingspost,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="mutaties",
        verbose_name=_("begrotingspost"),
    )
    besluit = models.ForeignKey(
        "rba.Besluit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="financiele_mutaties",
        verbose_name=_("RBA-besluit"),
    )
    verplichting = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="afwikkelingen",
        verbose_name=_("verplichting"),
        help_text=_("De verplichting die deze realisatie of vrijval afwikkelt."),
    )
    corrigeert = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="correctie",
        verbose_name=_("corrigeert"),
    )
    omschrijving = models.CharField(
        _("omschrijving"), max_length=300, validators=[enkele_regel_validator]
    )
    kenmerk = models.CharField(
        _("kenmerk"),
        max_length=60,
        blank=True,
        help_text=_("Eigen of extern kenmerk, bijv. factuur- of importnummer."),
        validators=[enkele_regel_validator],
    )
    geboekt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("geboekt door"),
        help_text=_("Leeg alleen bij systeemboekingen (demo, migratie)."),
    )
    geboekt_op = models.DateTimeField(_("geboekt op"), default=timezone.now)

    objects = models.Manager.from_queryset(MutatieQuerySet)()

    class Meta:
        verbose_name = _("mutatie")
        verbose_name_plural = _("grootboek")
        ordering = ["-datum", "-pk"]
        indexes = [
            models.Index(fields=["regio", "rubriek", "datum"], name="mutatie_rubriek_idx"),
            models.Index(fields=["regio", "datum"], name="mutatie_regio_datum_idx"),
            models.Index(fields=["geldstroom", "rubriek"], name="mutatie_geldstroom_idx"),
            models.Index(fields=["besluit", "rubriek"], name="mutatie_besluit_idx"),
            models.Index(fields=["begrotingspost", "datum"], name="mutatie_post_idx"),
            models.Index(fields=["regio", "soort", "datum"], name="mutatie_soort_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(bedrag__gt=0), name="mutatie_bedrag_positief"),
            models.CheckConstraint(
                condition=(~Q(soort="correctie") & Q(teken=1) & Q(rubriek=models.F("soort")))
                | (Q(soort="correctie") & Q(teken=-1) & Q(corrigeert__isnull=False)),
                name="mutatie_teken_volgt_soort",
            ),
            models.CheckConstraint(
                condition=Q(soort="correctie") | Q(corrigeert__isnull=True),
                name="mutatie_alleen_correctie_corrigeert",
            ),
            models.CheckConstraint(
                condition=Q(rubriek="storting") | Q(besluit__isnull=False),
                name="mutatie_onttrekking_heeft_besluit",
            ),
            models.CheckConstraint(
                condition=Q(rubriek="storting") | Q(begrotingspost__isnull=False),
                name="mutatie_onttrekking_heeft_post",
            ),
            models.CheckConstraint(
                condition=(Q(rubriek__in=["realisatie", "vrijval"]) & Q(verplichting__isnull=False))
                | (~Q(rubriek__in=["realisatie", "vrijval"]) & Q(verplichting__isnull=True)),
                name="mutatie_afwikkeling_heeft_verplichting",
            ),
            models.UniqueConstraint(
                fields=["regio", "kenmerk"], condition=~Q(kenmerk=""), name="mutatie_kenmerk_uniek"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.datum:%d-%m-%Y} {self.get_soort_display()} {euro(self.bedrag)}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise PermissionError("Het grootboek is alleen aan te vullen, niet te wijzigen.")
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("financien:mutatie", args=[self.pk])

    def delete(self, *args, **kwargs):
        raise PermissionError("Het grootboek is alleen aan te vullen, niet te wijzigen.")

    @property
    def effect(self) -> Decimal:
        """The signed amount this line adds to its rubriek."""
        return self.teken * self.bedrag


class Signaal(models.Model):
    """A warning sent to the financieel beheerders, recorded once so a rerun sends nothing
    twice (the unique constraint is the claim)."""

    class Soort(models.TextChoices):
        EINDDATUM_90 = "einddatum_90", _("Einddatum geldstroom over 90 dagen")
        EINDDATUM_30 = "einddatum_30", _("Einddatum geldstroom over 30 dagen")
        VERPLICHTING_ZONDER_REALISATIE = (
            "verplichting_zonder_realisatie",
            _("Verplichting al een jaar zonder realisatie"),
        )

    regio = models.ForeignKey(
        Arbeidsmarktregio, on_delete=models.PROTECT, related_name="+", verbose_name=_("regio")
    )
    soort = models.CharField(_("soort"), max_length=40, choices=Soort.choices)
    geldstroom = models.ForeignKey(
        Geldstroom, on_delete=models.PROTECT, null=True, blank=True, related_name="signalen"
    )
    verplichting = models.ForeignKey(
        Mutatie, on_delete=models.PROTECT, null=True, blank=True, related_name="signalen"
    )
    bericht = models.TextField(_("bericht"))
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now, db_index=True)

    objects = RegioManager()

    class Meta:
        verbose_name = _("signaal")
        verbose_name_plural = _("signalen")
        ordering = ["-aangemaakt_op"]
        constraints = [
            models.UniqueConstraint(
                fields=["soort", "geldstroom"],
                condition=Q(geldstroom__isnull=False),
                name="signaal_geldstroom_eenmaal",
            ),
            models.UniqueConstraint(
                fields=["soort", "verplichting"],
                condition=Q(verplichting__isnull=False),
                name="signaal_verplichting_eenmaal",
            ),
        ]

    def __str__(self) -> str:
        return self.get_soort_display()
