"""Doelstellingen and the activiteiten counted in the factsheet."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, Sum
from django.utils.translation import gettext_lazy as _

from werkcentrum.models import Gemeente
from werkcentrum.tenancy import RegioManager
from werkcentrum.validators import enkele_regel_validator

from .base import _regio_fk
from .lijsten import MetDoelgroepNaam, WspDoelgroep, onbekend_fout, onbekende_codes


class Doelstelling(MetDoelgroepNaam, models.Model):
    """Placements aimed at per year and doelgroep, for the whole regio (gemeente empty) or one
    gemeente. The gemeenten's targets split the regio's: together they never exceed it."""

    regio = _regio_fk("wsp_doelstellingen")
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    # A code of the regio's doelgroepen (WspDoelgroep).
    doelgroep = models.CharField(_("doelgroep"), max_length=20, validators=[enkele_regel_validator])
    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="wsp_doelstellingen",
        verbose_name=_("gemeente"),
        help_text=_("Leeg: de doelstelling van de hele regio."),
    )
    aantal = models.PositiveIntegerField(_("aantal plaatsingen"))

    objects = RegioManager()

    class Meta:
        verbose_name = _("doelstelling")
        verbose_name_plural = _("doelstellingen")
        ordering = ["jaar", "doelgroep"]
        # Two partial unique constraints rather than one with nulls_distinct=False: that
        # option exists on PostgreSQL 15+ only, SQLite would silently allow two regio rows.
        constraints = [
            models.UniqueConstraint(
                fields=["regio", "jaar", "doelgroep"],
                condition=Q(gemeente__isnull=True),
                name="doelstelling_uniek_regio",
                violation_error_message=_(
                    "Er is al een doelstelling voor de regio voor dit jaar en deze doelgroep."
                ),
            ),
            models.UniqueConstraint(
                fields=["regio", "jaar", "doelgroep", "gemeente"],
                condition=Q(gemeente__isnull=False),
                name="doelstelling_uniek_gemeente",
                violation_error_message=_(
                    "Er is al een doelstelling voor deze gemeente voor dit jaar en deze doelgroep."
                ),
            ),
        ]

    def __str__(self) -> str:
        waar = self.gemeente.naam if self.gemeente_id else _("regio")
        return f"{self.jaar} {self.get_doelgroep_display()} ({waar}): {self.aantal}"

    def clean(self) -> None:
        if self.gemeente_id and self.regio_id and self.gemeente.regio_id != self.regio_id:
            raise ValidationError({"gemeente": _("Deze gemeente hoort bij een andere regio.")})
        if self.doelgroep and (
            onbekend := onbekende_codes(WspDoelgroep, self.regio_id, [self.doelgroep])
        ):
            raise ValidationError({"doelgroep": onbekend_fout(_("doelgroep"), onbekend)})
        if self.regio_id and self.jaar and self.doelgroep and self.aantal is not None:
            self._binnen_regiodoel()

    def _binnen_regiodoel(self) -> None:
        """The gemeenten together stay within the regio's target (when it has one)."""
        zelfde = Doelstelling.objects.filter(
            regio_id=self.regio_id, jaar=self.jaar, doelgroep=self.doelgroep
        ).exclude(pk=self.pk)
        regio_rij = zelfde.filter(gemeente__isnull=True).first()
        som = zelfde.filter(gemeente__isnull=False).aggregate(s=Sum("aantal"))["s"] or 0
        if self.gemeente_id:
            som += self.aantal
            regiodoel = regio_rij.aantal if regio_rij else None
        else:
            regiodoel = self.aantal
        if regiodoel is not None and som > regiodoel:
            raise ValidationError(
                {
                    "aantal": _(
                        "De doelstellingen van de gemeenten (samen %(som)s) komen boven die "
                        "van de regio (%(doel)s) voor %(doelgroep)s in %(jaar)s."
                    )
                    % {
                        "som": som,
                        "doel": regiodoel,
                        "doelgroep": self.get_doelgroep_display(),
                        "jaar": self.jaar,
                    }
                }
            )


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
    naam = models.CharField(_("naam"), max_length=200, validators=[enkele_regel_validator])
    datum = models.DateField(_("datum"))
    type = models.CharField(
        _("type"),
        max_length=100,
        blank=True,
        help_text=_("Bijv. banenmarkt, meet-en-greet."),
        validators=[enkele_regel_validator],
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
