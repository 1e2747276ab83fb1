"""Doelstellingen and the activiteiten counted in the factsheet."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from werkcentrum.tenancy import RegioManager

from ..keuzes import Doelgroep
from .base import _regio_fk


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
