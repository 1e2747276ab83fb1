"""Nazorgmomenten after a plaatsing."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from werkcentrum.tenancy import RegioManager

from .base import User, _regio_fk
from .bemiddeling import Plaatsing

# Nazorg still to do: not recorded, wanted by the werkgever, and the person has not withdrawn
# consent (after that nothing more is done with their data, issue 23).
NAZORG_TE_DOEN = Q(
    afgerond_op=None,
    plaatsing__nazorg_niet_meer_nodig=False,
    plaatsing__kandidaat__toestemming_ingetrokken_op=None,
)


class NazorgMoment(models.Model):
    class Soort(models.TextChoices):
        TWEE_MAANDEN = "2m", _("Na 2 maanden")
        VIJF_MAANDEN = "5m", _("Na 5 maanden")
        EXTRA = "extra", _("Extra moment")

    class Uitkomst(models.TextChoices):
        GOED = "goed", _("Verloopt goed")
        ONDERSTEUNING = "ondersteuning", _("Ondersteuning nodig")
        DREIGT_UITVAL = "dreigt_uitval", _("Dreigt uit te vallen")
        UITGEVALLEN = "uitgevallen", _("Uitgevallen")

    # Always the plaatsing's regio (see clean()); kept on the moment itself so that the regio's
    # nazorg lists are scoped and ordered from one index, without joining every plaatsing.
    regio = _regio_fk("nazorgmomenten")
    plaatsing = models.ForeignKey(
        Plaatsing,
        on_delete=models.CASCADE,
        related_name="nazorgmomenten",
        verbose_name=_("plaatsing"),
    )
    soort = models.CharField(_("soort"), max_length=10, choices=Soort.choices)
    vervaldatum = models.DateField(_("uiterlijk op"), db_index=True)
    afgerond_op = models.DateField(_("afgerond op"), null=True, blank=True)
    uitkomst = models.CharField(_("uitkomst"), max_length=20, choices=Uitkomst.choices, blank=True)
    nog_in_dienst = models.BooleanField(_("nog in dienst"), null=True, blank=True)
    vervolg = models.TextField(_("vervolgafspraken"), blank=True)
    afgerond_door = models.ForeignKey(
        User, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    herinnering_vooraf_op = models.DateField(null=True, blank=True, editable=False)
    herinnering_vervaldag_op = models.DateField(null=True, blank=True, editable=False)
    escalatie_op = models.DateField(null=True, blank=True, editable=False)

    objects = RegioManager()

    class Meta:
        verbose_name = _("nazorgmoment")
        verbose_name_plural = _("nazorgmomenten")
        ordering = ["vervaldatum", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["plaatsing", "soort"],
                condition=~Q(soort="extra"),
                name="nazorg_een_per_vaste_soort",
            ),
            models.CheckConstraint(
                condition=Q(afgerond_op__isnull=True) | ~Q(uitkomst=""),
                name="nazorg_afgerond_met_uitkomst",
            ),
        ]
        indexes = [
            # The regio's list in its order (API): scope, order and page from the index.
            models.Index(fields=["regio", "vervaldatum", "id"], name="nazorg_lijst_idx"),
            # The regio's open moments by due date (open nazorg list, API ?open=true).
            models.Index(
                fields=["regio", "vervaldatum", "id"],
                condition=Q(afgerond_op__isnull=True),
                name="nazorg_open_lijst_idx",
            ),
            models.Index(fields=["afgerond_op", "vervaldatum"], name="nazorg_open_idx"),
            # Open moments by due date without wading through the completed ones.
            models.Index(
                fields=["vervaldatum"],
                condition=Q(afgerond_op__isnull=True),
                name="nazorg_open_verval_idx",
            ),
            # "Duurzaam" (selectors._duurzaam) asks per plaatsing for a completed 5-month moment
            # with the person still employed: a small index instead of reading every moment.
            models.Index(
                fields=["plaatsing"],
                condition=Q(soort="5m", afgerond_op__isnull=False, nog_in_dienst=True),
                name="nazorg_duurzaam_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} ({self.vervaldatum:%d-%m-%Y})"

    def clean(self) -> None:
        # Not a CheckConstraint: the rule spans two tables. Services set the regio from the
        # plaatsing; this catches any other way in (admin, imports, shell).
        if self.plaatsing_id is not None and self.regio_id != self.plaatsing.regio_id:
            raise ValidationError(
                _("Een nazorgmoment hoort bij dezelfde regio als zijn plaatsing.")
            )

    @property
    def is_open(self) -> bool:
        return self.afgerond_op is None

    @property
    def op_tijd(self) -> bool | None:
        if self.afgerond_op is None:
            return None
        return self.afgerond_op <= self.vervaldatum
