"""Vacatures of werkgevers."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkcentrum.gedeelde_lijsten import van_andere_regio
from werkcentrum.models import Gemeente
from werkcentrum.tenancy import RegioManager
from werkcentrum.validators import enkele_regel_validator

from ..keuzes import Opleidingsniveau
from .base import _regio_fk
from .lijsten import WspDoelgroep, onbekend_fout, onbekende_codes
from .referentie import Sector, Skill
from .werkgevers import Werkgever

# Statuses of a vacature still being worked on (open, in behandeling); the other three are
# closed. Plain values: the index below is built before Vacature.Status exists (a test keeps
# them among the status values).
LOPENDE_STATUSSEN = ("open", "in_behandeling")


def werklijst_volgorde() -> tuple:
    """Order of the staff list: running vacatures first, soonest closing date first; then
    the closed ones, most recently closed first. `vacature_werklijst_idx` is built from the
    same expressions so PostgreSQL reads a page from the index instead of sorting them all."""
    gesloten = Case(When(status__in=LOPENDE_STATUSSEN, then=Value(0)), default=Value(1))
    sluit_lopend = Case(When(status__in=LOPENDE_STATUSSEN, then=F("sluitingsdatum")))
    return gesloten, sluit_lopend, F("sluitingsdatum").desc(), F("id").desc()


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
    functie = models.CharField(_("functie"), max_length=200, validators=[enkele_regel_validator])
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
        _("beroepscode (BRC 2014 of ISCO-08)"),
        max_length=10,
        blank=True,
        validators=[enkele_regel_validator],
    )
    externe_id = models.CharField(
        _("extern id"), max_length=50, blank=True, validators=[enkele_regel_validator]
    )
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
            # Bulk updates and raw SQL bypass the service; no unknown status slips in.
            # (Meta cannot see Status; the list is Status.values, tested to stay equal.)
            models.CheckConstraint(
                condition=Q(
                    status__in=["open", "in_behandeling", "vervuld", "ingetrokken", "verlopen"]
                ),
                name="vacature_status_geldig",
                violation_error_message=_("Onbekende status."),
            ),
        ]
        indexes = [
            models.Index(fields=["regio", "status", "sluitingsdatum"], name="vacature_status_idx"),
            models.Index(fields=["regio", "is_openbaar", "status"], name="vacature_openbaar_idx"),
            # The staff list in its order, so a page is read without sorting every vacature.
            models.Index(fields=["regio", "sluitingsdatum", "id"], name="vacature_lijst_idx"),
            models.Index(F("regio"), *werklijst_volgorde(), name="vacature_werklijst_idx"),
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
        if onbekend := onbekende_codes(WspDoelgroep, self.regio_id, self.doelgroepen):
            raise ValidationError({"doelgroepen": onbekend_fout(_("doelgroep"), onbekend)})
        if self.werkgever_id and self.regio_id and self.werkgever.regio_id != self.regio_id:
            raise ValidationError({"werkgever": _("Deze werkgever hoort bij een andere regio.")})
        if fout := van_andere_regio(self, "sector"):
            raise ValidationError(fout)
