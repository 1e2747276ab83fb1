"""Half-year factsheets: frozen snapshots of the reporting figures (issue 7)."""

from __future__ import annotations

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkcentrum.models import Arbeidsmarktregio, Gemeente
from werkcentrum.tenancy import RegioManager
from werkcentrum.validators import enkele_regel_validator

__all__ = ["Factsheet", "FactsheetLink", "FactsheetOntvanger"]

PERIODE_REGEX = r"^\d{4}-H[12]$"


class Factsheet(models.Model):
    """One version of the factsheet of a half year for the regio (gemeente empty) or one
    gemeente. `cijfers` is frozen at creation; later data edits never change it."""

    regio = models.ForeignKey(
        Arbeidsmarktregio, on_delete=models.PROTECT, related_name="+", verbose_name=_("regio")
    )
    periode = models.CharField(
        _("periode"),
        max_length=7,
        help_text=_("Bijv. 2025-H1."),
        validators=[enkele_regel_validator],
    )
    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gemeente"),
    )
    versie = models.PositiveIntegerField(_("versie"))
    cijfers = models.JSONField(_("cijfers"), encoder=DjangoJSONEncoder)
    gemaakt_op = models.DateTimeField(_("gemaakt op"), default=timezone.now)
    gemaakt_door = models.ForeignKey(
        "werkcentrum.Medewerker",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gemaakt door"),
    )
    aanleiding = models.CharField(
        _("aanleiding"),
        max_length=40,
        blank=True,
        help_text=_("Sleutel van de geplande run (hoogstens één versie per run)."),
        validators=[enkele_regel_validator],
    )
    tekst_samenvatting = models.TextField(_("samenvatting"), blank=True)
    tekst_werkgevers = models.TextField(_("werkgeversdienstverlening"), blank=True)
    tekst_loket = models.TextField(_("Werkcentrum-loket"), blank=True)
    tekst_vooruitblik = models.TextField(_("vooruitblik"), blank=True)
    gepubliceerd = models.BooleanField(_("gepubliceerd"), default=False)
    gepubliceerd_op = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    verstuurd_op = models.DateTimeField(null=True, blank=True, editable=False)

    objects = RegioManager()

    TEKSTVELDEN = ("tekst_samenvatting", "tekst_werkgevers", "tekst_loket", "tekst_vooruitblik")

    class Meta:
        verbose_name = _("factsheet")
        verbose_name_plural = _("factsheets")
        ordering = ["-periode", "gemeente__naam", "-versie"]
        constraints = [
            models.UniqueConstraint(
                fields=["regio", "periode", "gemeente", "versie"],
                name="factsheet_versie_uniek",
            ),
            models.UniqueConstraint(
                fields=["regio", "periode", "versie"],
                condition=models.Q(gemeente__isnull=True),
                name="factsheet_regio_versie_uniek",
            ),
            models.UniqueConstraint(
                fields=["regio", "periode", "gemeente", "aanleiding"],
                condition=~models.Q(aanleiding=""),
                name="factsheet_aanleiding_uniek",
            ),
            models.UniqueConstraint(
                fields=["regio", "periode", "aanleiding"],
                condition=~models.Q(aanleiding="") & models.Q(gemeente__isnull=True),
                name="factsheet_regio_aanleiding_uniek",
            ),
            models.CheckConstraint(
                condition=models.Q(periode__regex=PERIODE_REGEX), name="factsheet_periode_geldig"
            ),
            models.CheckConstraint(condition=models.Q(versie__gte=1), name="factsheet_versie_min"),
        ]
        indexes = [
            models.Index(fields=["regio", "periode", "gemeente"], name="factsheet_periode_idx"),
            models.Index(fields=["regio", "gepubliceerd"], name="factsheet_gepubl_idx"),
        ]

    def __str__(self) -> str:
        waar = self.gemeente.naam if self.gemeente_id else _("regio")
        return f"Factsheet {self.periode} {waar} v{self.versie}"

    def get_absolute_url(self) -> str:
        if self.gemeente_id:
            url = reverse(
                "wsp:factsheet_gemeente",
                kwargs={"periode": self.periode, "gemeente": self.gemeente.cbs_code},
            )
        else:
            url = reverse("wsp:factsheet", kwargs={"periode": self.periode})
        return f"{url}?versie={self.versie}"


class FactsheetOntvanger(models.Model):
    """Who gets the link to a published factsheet: gemeente empty = the regio's factsheet
    (e.g. UWV), otherwise the factsheet of that gemeente."""

    regio = models.ForeignKey(
        Arbeidsmarktregio, on_delete=models.PROTECT, related_name="+", verbose_name=_("regio")
    )
    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gemeente"),
    )
    naam = models.CharField(_("naam"), max_length=150, validators=[enkele_regel_validator])
    email = models.EmailField(_("e-mailadres"))

    objects = RegioManager()

    class Meta:
        verbose_name = _("ontvanger factsheet")
        verbose_name_plural = _("ontvangers factsheet")
        ordering = ["naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["regio", "gemeente", "email"], name="factsheetontvanger_uniek"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.naam} <{self.email}>"


class FactsheetLink(models.Model):
    """One recipient's personal link to one published version, opened without an account.

    Only the SHA-256 of the random token is stored: the e-mail is the one place the token
    exists, so neither a database copy nor an admin can open the page. A row (not a signed,
    stateless token) because a wsp_manager revokes single links and each opening is counted.
    The row is also the "sent" marker: one per recipient and version (unique), created in the
    transaction that queues the e-mail. Deleting a recipient deletes their links (access ends).
    """

    regio = models.ForeignKey(
        Arbeidsmarktregio, on_delete=models.PROTECT, related_name="+", verbose_name=_("regio")
    )
    factsheet = models.ForeignKey(
        Factsheet, on_delete=models.PROTECT, related_name="links", verbose_name=_("factsheet")
    )
    ontvanger = models.ForeignKey(
        FactsheetOntvanger,
        on_delete=models.CASCADE,
        related_name="links",
        verbose_name=_("ontvanger"),
    )
    token_hash = models.CharField(
        max_length=64, unique=True, editable=False, validators=[enkele_regel_validator]
    )
    verstuurd_op = models.DateTimeField(_("verstuurd op"), default=timezone.now)
    geldig_tot = models.DateTimeField(_("geldig tot"))
    ingetrokken_op = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    ingetrokken_door = models.ForeignKey(
        "werkcentrum.Medewerker",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ingetrokken door"),
    )
    aantal_geopend = models.PositiveIntegerField(_("aantal keer geopend"), default=0)
    laatst_geopend = models.DateTimeField(_("laatst geopend"), null=True, blank=True)

    objects = RegioManager()

    class Meta:
        verbose_name = _("link naar factsheet")
        verbose_name_plural = _("links naar factsheets")
        ordering = ["ontvanger__naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["factsheet", "ontvanger"], name="factsheetlink_een_per_ontvanger"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.factsheet} -> {self.ontvanger_id}"

    def is_geldig(self, nu=None) -> bool:
        nu = nu or timezone.now()
        return self.ingetrokken_op is None and self.geldig_tot > nu
