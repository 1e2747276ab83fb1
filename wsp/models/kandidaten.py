"""Kandidaten handed over warmly to the WSP."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from werkcentrum.models import Gemeente, Organisatie
from werkcentrum.tenancy import RegioManager
from werkcentrum.validators import enkele_regel_validator, telefoon_validator

from ..keuzes import Opleidingsniveau, Taalniveau
from .base import _regio_fk
from .lijsten import MetDoelgroepNaam, WspDoelgroep, onbekend_fout, onbekende_codes
from .referentie import Sector, Skill


def ingetrokken_melding(op) -> str:
    """The message that refuses any processing after the person withdrew consent."""
    return gettext(
        "De persoon heeft de toestemming ingetrokken op %(datum)s: er wordt niets meer met "
        "deze gegevens gedaan."
    ) % {"datum": timezone.localtime(op).strftime("%d-%m-%Y")}


class Kandidaat(MetDoelgroepNaam, models.Model):
    """A werkfit werkzoekende handed over warmly; holds only what is needed to mediate
    (no BSN, no date of birth, no medical details)."""

    regio = _regio_fk("wsp_kandidaten")
    voornaam = models.CharField(_("voornaam"), max_length=80, validators=[enkele_regel_validator])
    achternaam = models.CharField(
        _("achternaam"), max_length=120, validators=[enkele_regel_validator]
    )
    email = models.EmailField(_("e-mailadres"), blank=True)
    telefoon = models.CharField(
        _("telefoonnummer"),
        max_length=20,
        blank=True,
        validators=[telefoon_validator, enkele_regel_validator],
    )
    woongemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        related_name="wsp_kandidaten",
        verbose_name=_("woongemeente"),
    )
    # A code of the regio's doelgroepen (WspDoelgroep), not a choice list: it differs per regio.
    doelgroep = models.CharField(_("doelgroep"), max_length=20, validators=[enkele_regel_validator])
    doelgroepregister = models.BooleanField(_("doelgroepregister (banenafspraak)"), default=False)
    werkfit = models.BooleanField(_("werkfit"), default=True)
    skills = models.ManyToManyField(Skill, blank=True, related_name="kandidaten")
    gewenst_beroep = models.CharField(
        _("gewenst beroep"), max_length=150, blank=True, validators=[enkele_regel_validator]
    )
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
    overdrager_naam = models.CharField(
        _("naam overdrager"), max_length=150, blank=True, validators=[enkele_regel_validator]
    )
    overgedragen_op = models.DateField(_("overgedragen op"), default=date.today)
    toestemming = models.BooleanField(
        _("toestemming voor bemiddeling"),
        default=False,
        help_text=_("De kandidaat geeft toestemming om gegevens te delen met werkgevers."),
    )
    toestemming_op = models.DateField(_("toestemming gegeven op"), null=True, blank=True)
    # Set once, when the person withdraws consent: from then on nothing more is done with the
    # record (no voordracht, plaatsing or change), and every holder in the chain shows it.
    toestemming_ingetrokken_op = models.DateTimeField(
        _("toestemming ingetrokken op"), null=True, blank=True, editable=False
    )
    externe_id = models.CharField(
        _("extern id"), max_length=50, blank=True, validators=[enkele_regel_validator]
    )
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
        indexes = [
            models.Index(fields=["regio", "actief"], name="kandidaat_actief_idx"),
            models.Index(fields=["regio", "doelgroep"], name="kandidaat_doelgroep_idx"),
            # The paged lists (staff page and API) by name: read a page, do not sort them all.
            models.Index(
                fields=["regio", "achternaam", "voornaam", "id"], name="kandidaat_lijst_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.voornaam} {self.achternaam}"

    def get_absolute_url(self) -> str:
        return reverse("wsp:kandidaat", args=[self.pk])

    @property
    def toestemming_ingetrokken(self) -> bool:
        return self.toestemming_ingetrokken_op is not None

    def clean(self) -> None:
        # Also an import by externe_id cannot bring a withdrawn person back (issue 23).
        if self.toestemming_ingetrokken_op is not None:
            raise ValidationError(ingetrokken_melding(self.toestemming_ingetrokken_op))
        if self.toestemming and not self.toestemming_op:
            raise ValidationError({"toestemming_op": _("Vul in wanneer toestemming is gegeven.")})
        if self.doelgroep and (
            onbekend := onbekende_codes(WspDoelgroep, self.regio_id, [self.doelgroep])
        ):
            raise ValidationError({"doelgroep": onbekend_fout(_("doelgroep"), onbekend)})
