"""Werkgevers (accounts), vestigingen, contactpersonen, contactmomenten and the
werkgeversverzoek with the 24-hour promise."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkcentrum.gedeelde_lijsten import van_andere_regio
from werkcentrum.models import Gemeente
from werkcentrum.tenancy import RegioManager
from werkcentrum.validators import (
    enkele_regel_validator,
    postcode_validator,
    telefoon_validator,
)

from .base import User, _regio_fk, kvk_validator
from .referentie import Cluster, Sector


class Werkgever(models.Model):
    class Partnerschap(models.TextChoices):
        STRATEGISCH = "strategisch", _("Strategisch")
        TACTISCH = "tactisch", _("Tactisch")
        OPERATIONEEL = "operationeel", _("Operationeel")

    regio = _regio_fk("werkgevers")
    naam = models.CharField(
        _("naam"), max_length=200, db_index=True, validators=[enkele_regel_validator]
    )
    kvk_nummer = models.CharField(
        _("KvK-nummer"), max_length=8, validators=[kvk_validator, enkele_regel_validator]
    )
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
        _("telefoonnummer"),
        max_length=20,
        blank=True,
        validators=[telefoon_validator, enkele_regel_validator],
    )
    email = models.EmailField(_("e-mailadres"), blank=True)
    externe_id = models.CharField(
        _("extern id (WBS/Sonar)"), max_length=50, blank=True, validators=[enkele_regel_validator]
    )
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
        indexes = [
            models.Index(fields=["regio", "accounthouder"], name="werkgever_ah_idx"),
            # The list in its order (naam), so a page is read without sorting every account.
            models.Index(fields=["regio", "naam", "id"], name="werkgever_naam_idx"),
        ]

    def __str__(self) -> str:
        return self.naam

    def get_absolute_url(self) -> str:
        return reverse("wsp:werkgever", args=[self.pk])

    def clean(self) -> None:
        if fout := van_andere_regio(self, "sector"):
            raise ValidationError(fout)

    @property
    def is_strategisch(self) -> bool:
        return self.partnerschap == self.Partnerschap.STRATEGISCH


class Vestiging(models.Model):
    werkgever = models.ForeignKey(
        Werkgever, on_delete=models.CASCADE, related_name="vestigingen", verbose_name=_("werkgever")
    )
    naam = models.CharField(
        _("naam"), max_length=150, blank=True, validators=[enkele_regel_validator]
    )
    straat = models.CharField(
        _("straat en huisnummer"), max_length=150, validators=[enkele_regel_validator]
    )
    postcode = models.CharField(
        _("postcode"), max_length=7, validators=[postcode_validator, enkele_regel_validator]
    )
    plaats = models.CharField(_("plaats"), max_length=100, validators=[enkele_regel_validator])
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
    naam = models.CharField(_("naam"), max_length=150, validators=[enkele_regel_validator])
    functie = models.CharField(
        _("functie"), max_length=100, blank=True, validators=[enkele_regel_validator]
    )
    email = models.EmailField(_("e-mailadres"), blank=True)
    telefoon = models.CharField(
        _("telefoonnummer"),
        max_length=20,
        blank=True,
        validators=[telefoon_validator, enkele_regel_validator],
    )
    externe_id = models.CharField(
        _("extern id"), max_length=50, blank=True, validators=[enkele_regel_validator]
    )

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
            models.Index(fields=["medewerker", "opvolgdatum"], name="contactmoment_opvolg_idx"),
            # The open opvolgingen by date (the list's period filter, the werkplek tile),
            # without wading through the ones already done.
            models.Index(
                fields=["medewerker", "opvolgdatum"],
                condition=Q(opvolging_afgerond=False, opvolgdatum__isnull=False),
                name="contactmoment_open_opvolg_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.datum} {self.get_type_display()}"


class Werkgeversverzoek(models.Model):
    """A werkgever asks for contact: the 24-hour promise runs from `ontvangen_op`."""

    class Bron(models.TextChoices):
        WEBSITE = "website", _("Formulier 'Ik ben werkgever'")
        TELEFOON = "telefoon", _("Telefoon")
        # Recorded by a gids at the loket (issue 23 point 3): the werkgever came by or called.
        SPREEKUUR = "spreekuur", _("Spreekuur (loket)")
        TELEFOON_LOKET = "telefoon_loket", _("Telefoon loket")

    regio = _regio_fk("werkgeversverzoeken")
    werkgever = models.ForeignKey(
        Werkgever,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="verzoeken",
        verbose_name=_("werkgever"),
    )
    bedrijfsnaam = models.CharField(
        _("bedrijfsnaam"), max_length=200, validators=[enkele_regel_validator]
    )
    kvk_nummer = models.CharField(
        _("KvK-nummer"),
        max_length=8,
        blank=True,
        validators=[kvk_validator, enkele_regel_validator],
    )
    contactnaam = models.CharField(
        _("naam contactpersoon"), max_length=150, validators=[enkele_regel_validator]
    )
    email = models.EmailField(_("e-mailadres"))
    telefoon = models.CharField(
        _("telefoonnummer"),
        max_length=20,
        blank=True,
        validators=[telefoon_validator, enkele_regel_validator],
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
    ingevoerd_door = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ingevoerd door"),
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
        # Local time: the stored value is UTC.
        return f"{self.bedrijfsnaam} ({timezone.localtime(self.ontvangen_op):%d-%m-%Y %H:%M})"

    def clean(self) -> None:
        fouten = {**van_andere_regio(self, "sector"), **van_andere_regio(self, "cluster")}
        if fouten:
            raise ValidationError(fouten)

    # --- the promise (issue 22 point 6): its length is the regio's setting, 24 by default --

    @property
    def belofte_uren(self) -> int:
        """Hours promised; a list sets `_belofte_uren` once for all rows (one query)."""
        if "_belofte_uren" not in self.__dict__:
            from .instelling import belofte_uren

            self._belofte_uren = belofte_uren(self.regio_id)
        return self._belofte_uren

    @belofte_uren.setter
    def belofte_uren(self, uren: int) -> None:
        self._belofte_uren = uren

    @property
    def deadline(self):
        return self.ontvangen_op + timedelta(hours=self.belofte_uren)

    @property
    def is_te_laat(self) -> bool:
        """Answered after the deadline, or still unanswered past it."""
        moment = self.eerste_reactie_op or timezone.now()
        return moment > self.deadline

    @property
    def binnen_24_uur(self) -> bool | None:
        """Answered within the promise (24 hours unless the regio promises otherwise)."""
        if self.reactietijd is None:
            return None
        return self.reactietijd <= timedelta(hours=self.belofte_uren)
