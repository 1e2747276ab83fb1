"""Voordrachten and plaatsingen."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkcentrum.models import Gemeente
from werkcentrum.tenancy import RegioManager
from werkcentrum.validators import enkele_regel_validator

from .base import User, _regio_fk
from .kandidaten import Kandidaat
from .lijsten import (
    MetDoelgroepNaam,
    WspDoelgroep,
    WspInstrument,
    onbekend_fout,
    onbekende_codes,
)
from .vacatures import Vacature
from .werkgevers import Werkgever


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


class Plaatsing(MetDoelgroepNaam, models.Model):
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
    einddatum = models.DateField(
        _("einddatum"),
        null=True,
        blank=True,
        help_text=_("Leeg zolang de plaatsing loopt of het einde niet bekend is."),
    )
    reden_overlap = models.TextField(
        _("reden voor overlap"),
        blank=True,
        help_text=_(
            "Alleen nodig als de kandidaat in dezelfde periode ook elders geplaatst is, "
            "bijvoorbeeld bij twee deeltijdbanen."
        ),
    )
    contractvorm = models.CharField(_("contractvorm"), max_length=20, choices=Contractvorm.choices)
    uren_per_week = models.PositiveSmallIntegerField(
        _("uren per week"), validators=[MaxValueValidator(60)]
    )
    # Codes of the regio's lists (WspDoelgroep, WspInstrument): they differ per regio.
    doelgroep = models.CharField(_("doelgroep"), max_length=20, validators=[enkele_regel_validator])
    woongemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="+", verbose_name=_("woongemeente")
    )
    instrumenten = models.JSONField(_("instrumenten ingezet"), default=list, blank=True)
    nazorg_niet_meer_nodig = models.BooleanField(
        _("werkgever: nazorg niet meer nodig"), default=False
    )
    externe_id = models.CharField(
        _("extern id"), max_length=50, blank=True, validators=[enkele_regel_validator]
    )
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
            # The paged list (newest first): a backward-free index scan that stops at the page.
            models.Index(fields=["regio", "-startdatum", "-id"], name="plaatsing_lijst_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.kandidaat} bij {self.werkgever} ({self.startdatum:%d-%m-%Y})"

    def get_absolute_url(self) -> str:
        return reverse("wsp:plaatsing", args=[self.pk])

    def get_instrumenten_display(self) -> list[str]:
        """The regio's names of the instrumenten (a JSON list of codes has no
        get_FOO_display), in the regio's order; an unknown code is shown as it is stored."""
        gekozen = set(self.instrumenten or [])
        if not gekozen:
            return []
        namen = dict(
            WspInstrument.objects.filter(regio_id=self.regio_id, code__in=gekozen)
            .order_by("volgorde", "naam")
            .values_list("code", "naam")
        )
        return list(namen.values()) + sorted(gekozen - set(namen))

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
        if onbekend := onbekende_codes(WspInstrument, self.regio_id, self.instrumenten):
            raise ValidationError({"instrumenten": onbekend_fout(_("instrument"), onbekend)})
        if self.doelgroep and (
            onbekend := onbekende_codes(WspDoelgroep, self.regio_id, [self.doelgroep])
        ):
            raise ValidationError({"doelgroep": onbekend_fout(_("doelgroep"), onbekend)})
        if self.einddatum and self.startdatum and self.einddatum < self.startdatum:
            raise ValidationError({"einddatum": _("De einddatum ligt voor de startdatum.")})
        if not (self.reden_overlap or "").strip() and (andere := self.overlappende()):
            eerste = andere[0]
            raise ValidationError(
                {
                    "reden_overlap": _(
                        "Deze kandidaat is in dezelfde periode al geplaatst bij %(werkgever)s "
                        "(vanaf %(start)s%(eind)s). Leg de reden voor de overlap vast, "
                        "bijvoorbeeld twee deeltijdbanen, of vul de einddatum van die "
                        "plaatsing in."
                    )
                    % {
                        "werkgever": eerste.werkgever,
                        "start": f"{eerste.startdatum:%d-%m-%Y}",
                        "eind": f" tot {eerste.einddatum:%d-%m-%Y}" if eerste.einddatum else "",
                    }
                }
            )

    def overlappende(self) -> list[Plaatsing]:
        """Other plaatsingen of this kandidaat in the same period (issue 22 point 7). One
        without einddatum runs on, unless its nazorg recorded the person had left by then."""
        if not self.kandidaat_id or not self.startdatum:
            return []
        qs = (
            Plaatsing.objects.filter(kandidaat_id=self.kandidaat_id)
            .exclude(pk=self.pk)
            .filter(Q(einddatum__isnull=True) | Q(einddatum__gte=self.startdatum))
            .exclude(
                nazorgmomenten__nog_in_dienst=False,
                nazorgmomenten__afgerond_op__lte=self.startdatum,
            )
        )
        if self.einddatum:
            qs = qs.filter(startdatum__lte=self.einddatum)
        return list(qs.select_related("werkgever").order_by("startdatum", "pk"))

    @property
    def is_duurzaam(self) -> bool:
        """The 5-month nazorg confirmed the person still works there."""
        from .nazorg import NazorgMoment  # nazorg.py imports this module

        return any(
            m.soort == NazorgMoment.Soort.VIJF_MAANDEN
            and m.afgerond_op is not None
            and m.nog_in_dienst
            for m in self.nazorgmomenten.all()
        )
