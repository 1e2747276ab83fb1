"""The warme overdracht of a werkfit werkzoekende to the WSP: offered by a gids of the loket or
a partner consultant (UWV, gemeente, re-integratiebedrijf), accepted by the WSP as a kandidaat
or returned with a reason. Until the WSP accepts, the person's data lives here and nowhere else
in the WSP; on acceptance it is copied once into the Kandidaat, so nothing is typed twice."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkcentrum.models import Gemeente, Organisatie
from werkcentrum.tenancy import RegioManager
from werkcentrum.validators import enkele_regel_validator, telefoon_validator

from ..keuzes import Opleidingsniveau, Taalniveau
from .base import _regio_fk
from .kandidaten import Kandidaat
from .lijsten import MetDoelgroepNaam, WspDoelgroep, onbekend_fout, onbekende_codes
from .vacatures import Vacature


class Overdracht(MetDoelgroepNaam, models.Model):
    class Status(models.TextChoices):
        AANGEBODEN = "aangeboden", _("Aangeboden")
        AANGENOMEN = "aangenomen", _("Aangenomen")
        TERUGGEGEVEN = "teruggegeven", _("Teruggegeven")
        INGETROKKEN = "ingetrokken", _("Toestemming ingetrokken")

    class Bron(models.TextChoices):
        """Where the person comes from, as the chain figures count it (seed 002)."""

        WERKCENTRUM = "werkcentrum", _("Werkcentrum")
        UWV = "uwv", _("UWV")
        GEMEENTE = "gemeente", _("Gemeente")
        REINTEGRATIE = "reintegratie", _("Re-integratiebedrijf")

    # An open handover blocks a second one of the same person: one kandidaat, not two.
    OPEN = (Status.AANGEBODEN, Status.AANGENOMEN)

    regio = _regio_fk("wsp_overdrachten")
    bron = models.CharField(_("bron"), max_length=20, choices=Bron.choices, db_index=True)
    organisatie = models.ForeignKey(
        Organisatie,
        on_delete=models.PROTECT,
        related_name="wsp_aangeboden_overdrachten",
        verbose_name=_("aangeboden door organisatie"),
    )
    aangeboden_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("aangeboden door"),
    )
    aangeboden_op = models.DateTimeField(_("aangeboden op"), default=timezone.now)

    # Where in the loket the handover started (none for a partner's own client).
    gesprek = models.ForeignKey(
        "loket.Gesprek",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="wsp_overdrachten",
        verbose_name=_("gesprek"),
    )
    doorverwijzing = models.ForeignKey(
        "loket.Doorverwijzing",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="wsp_overdrachten",
        verbose_name=_("doorverwijzing"),
    )
    traject = models.ForeignKey(
        "loket.Traject",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="wsp_overdrachten",
        verbose_name=_("traject"),
    )
    # A partner may offer the person for one vacature of the vacaturekrant.
    vacature = models.ForeignKey(
        Vacature,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="overdrachten",
        verbose_name=_("voor vacature"),
    )

    # Only what the WSP needs to mediate: the kandidaat fields, nothing more.
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
        Gemeente, on_delete=models.PROTECT, related_name="+", verbose_name=_("woongemeente")
    )
    # A code of the regio's doelgroepen (WspDoelgroep), as on the Kandidaat.
    doelgroep = models.CharField(_("doelgroep"), max_length=20, validators=[enkele_regel_validator])
    opleidingsniveau = models.CharField(
        _("opleidingsniveau"), max_length=10, choices=Opleidingsniveau.choices
    )
    taalniveau = models.CharField(
        _("taalniveau Nederlands"), max_length=2, choices=Taalniveau.choices, blank=True
    )
    gewenst_beroep = models.CharField(
        _("gewenst beroep"), max_length=150, blank=True, validators=[enkele_regel_validator]
    )
    uren_per_week = models.PositiveSmallIntegerField(
        _("gewenst aantal uren per week"), null=True, blank=True, validators=[MaxValueValidator(60)]
    )
    rijbewijs = models.BooleanField(_("rijbewijs"), default=False)
    beschikbaar_vanaf = models.DateField(_("beschikbaar vanaf"), null=True, blank=True)
    toelichting = models.TextField(
        _("toelichting voor het WSP"),
        max_length=2000,
        blank=True,
        help_text=_(
            "Wat zoekt de persoon en wat kan hij of zij? Geen medische gegevens, geen BSN."
        ),
    )

    # The consent: what, to whom, when, recorded by whom.
    toestemming_gegevens = models.CharField(
        _("toestemming voor welke gegevens"), max_length=300, validators=[enkele_regel_validator]
    )
    toestemming_aan = models.CharField(
        _("toestemming om te delen met"), max_length=200, validators=[enkele_regel_validator]
    )
    toestemming_op = models.DateTimeField(_("toestemming gegeven op"))
    toestemming_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("toestemming vastgelegd door"),
    )
    toestemming_ingetrokken_op = models.DateTimeField(
        _("toestemming ingetrokken op"), null=True, blank=True
    )

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.AANGEBODEN
    )
    beoordeeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("beoordeeld door"),
    )
    beoordeeld_op = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)
    reden_teruggave = models.TextField(_("reden van teruggave"), max_length=1000, blank=True)
    kandidaat = models.ForeignKey(
        Kandidaat,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="overdrachten",
        verbose_name=_("kandidaat"),
    )

    PERSOONSVELDEN = ("voornaam", "achternaam", "email", "telefoon", "toelichting")
    objects = RegioManager()

    class Meta:
        verbose_name = _("warme overdracht")
        verbose_name_plural = _("warme overdrachten")
        ordering = ["-aangeboden_op", "-pk"]
        indexes = [
            models.Index(fields=["regio", "status", "-aangeboden_op"], name="overdracht_lijst_idx"),
            models.Index(fields=["organisatie", "status"], name="overdracht_organisatie_idx"),
            models.Index(fields=["aangeboden_door", "status"], name="overdracht_door_idx"),
            models.Index(fields=["regio", "bron"], name="overdracht_bron_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="teruggegeven") | ~Q(reden_teruggave=""),
                name="overdracht_teruggegeven_met_reden",
            ),
            models.CheckConstraint(
                condition=~Q(status="aangenomen") | Q(kandidaat__isnull=False),
                name="overdracht_aangenomen_met_kandidaat",
            ),
            # The same loket record is never handed over twice while the first is open.
            *[
                models.UniqueConstraint(
                    fields=[veld],
                    condition=Q(status__in=["aangeboden", "aangenomen"]),
                    name=f"overdracht_{veld}_eenmaal_open",
                )
                for veld in ("gesprek", "doorverwijzing", "traject")
            ],
        ]

    def __str__(self) -> str:
        return f"{_('Overdracht')} {self.pk}: {self.voornaam} {self.achternaam}"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN

    def clean(self) -> None:
        fouten: dict = {}
        if self.woongemeente_id and self.regio_id and self.woongemeente.regio_id != self.regio_id:
            fouten["woongemeente"] = _(
                "Deze gemeente hoort niet bij de regio van dit WSP. Kies de woongemeente "
                "binnen de regio, of draag over aan het WSP van de regio van de persoon."
            )
        if self.organisatie_id and self.regio_id and self.organisatie.regio_id != self.regio_id:
            fouten["organisatie"] = _("Deze organisatie hoort bij een andere regio.")
        if self.vacature_id and self.regio_id and self.vacature.regio_id != self.regio_id:
            fouten["vacature"] = _("Deze vacature hoort bij een andere regio.")
        if self.doelgroep and (
            onbekend := onbekende_codes(WspDoelgroep, self.regio_id, [self.doelgroep])
        ):
            fouten["doelgroep"] = onbekend_fout(_("doelgroep"), onbekend)
        if not (self.email or self.telefoon):
            fouten["email"] = _("Vul een e-mailadres of telefoonnummer in.")
        if fouten:
            raise ValidationError(fouten)
