"""Per-regio settings of the WSP (one row per regio; defaults when there is none)."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from werkcentrum.models import Arbeidsmarktregio
from werkcentrum.tenancy import RegioManager

BELOFTE_UREN = 24


class WspInstelling(models.Model):
    regio = models.OneToOneField(
        Arbeidsmarktregio,
        on_delete=models.PROTECT,
        related_name="wsp_instelling",
        verbose_name=_("regio"),
    )
    werkgever_belofte_uren = models.PositiveSmallIntegerField(
        _("reactiebelofte aan werkgevers (uren)"),
        default=BELOFTE_UREN,
        validators=[MinValueValidator(1), MaxValueValidator(168)],
        help_text=_("Binnen hoeveel uur het WSP reageert op een verzoek van een werkgever."),
    )

    objects = RegioManager()

    class Meta:
        verbose_name = _("WSP-instelling")
        verbose_name_plural = _("WSP-instellingen")

    def __str__(self) -> str:
        return str(self.regio)


def belofte_uren(regio_id: int) -> int:
    """The regio's promise to werkgevers in hours (the default without a setting)."""
    uren = (
        WspInstelling.objects.filter(regio_id=regio_id)
        .values_list("werkgever_belofte_uren", flat=True)
        .first()
    )
    return uren or BELOFTE_UREN
