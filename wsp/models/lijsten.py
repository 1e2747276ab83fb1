"""The WSP's lists that differ per regio: doelgroepen and instrumenten.

Records keep the code (Kandidaat.doelgroep, Plaatsing.doelgroep and .instrumenten,
Doelstelling.doelgroep, Vacature.doelgroepen): a code stays valid when the regio renames it,
and a deactivated code stays readable on old records. The national lists in wsp/keuzes.py are
what a regio gets unless its definition file lists its own (wsp/regiolijsten.py)."""

from __future__ import annotations

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from werkcentrum.models import Arbeidsmarktregio
from werkcentrum.tenancy import RegioManager
from werkcentrum.validators import enkele_regel_validator

code_validator = RegexValidator(
    r"^[a-z0-9][a-z0-9_-]{0,19}$",
    _("Een code bestaat uit kleine letters, cijfers, '-' en '_' (hoogstens 20 tekens)."),
)


class RegioLijstItem(models.Model):
    regio = models.ForeignKey(
        Arbeidsmarktregio, on_delete=models.PROTECT, related_name="+", verbose_name=_("regio")
    )
    code = models.CharField(
        _("code"),
        max_length=20,
        validators=[code_validator, enkele_regel_validator],
        help_text=_("Wat in de gegevens wordt opgeslagen; na gebruik niet meer te wijzigen."),
    )
    naam = models.CharField(_("naam"), max_length=100, validators=[enkele_regel_validator])
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    actief = models.BooleanField(
        _("actief"),
        default=True,
        help_text=_("Niet actief: niet meer te kiezen, maar nog leesbaar bij bestaande gegevens."),
    )

    objects = RegioManager()

    class Meta:
        abstract = True
        ordering = ["volgorde", "naam"]

    def __str__(self) -> str:
        return self.naam


class WspDoelgroep(RegioLijstItem):
    class Meta(RegioLijstItem.Meta):
        verbose_name = _("doelgroep (WSP)")
        verbose_name_plural = _("doelgroepen (WSP)")
        constraints = [
            models.UniqueConstraint(
                fields=["regio", "code"],
                name="wsp_doelgroep_code_uniek",
                violation_error_message=_("Deze code bestaat al in de regio."),
            )
        ]


class WspInstrument(RegioLijstItem):
    class Meta(RegioLijstItem.Meta):
        verbose_name = _("instrument")
        verbose_name_plural = _("instrumenten")
        constraints = [
            models.UniqueConstraint(
                fields=["regio", "code"],
                name="wsp_instrument_code_uniek",
                violation_error_message=_("Deze code bestaat al in de regio."),
            )
        ]


def doelgroep_naam_subquery(regio_veld: str = "regio", code_veld: str = "doelgroep"):
    """The regio's name of a row's doelgroep code, for `.annotate(doelgroep_naam=...)` on
    lists: one query for the page instead of one per row."""
    return models.Subquery(
        WspDoelgroep.objects.filter(
            regio=models.OuterRef(regio_veld), code=models.OuterRef(code_veld)
        ).values("naam")[:1]
    )


class MetDoelgroepNaam:
    """`get_doelgroep_display()` for a model whose `doelgroep` is a code of its regio's list:
    the annotated `doelgroep_naam` of a list, else one lookup; the code when unknown."""

    def get_doelgroep_display(self) -> str:
        if "doelgroep_naam" in self.__dict__:
            return self.__dict__["doelgroep_naam"] or self.doelgroep
        if not self.doelgroep:
            return ""
        naam = (
            WspDoelgroep.objects.filter(regio_id=self.regio_id, code=self.doelgroep)
            .values_list("naam", flat=True)
            .first()
        )
        return naam or self.doelgroep


def onbekende_codes(model: type[RegioLijstItem], regio_id: int | None, codes) -> list[str]:
    """The codes the regio's list does not have at all (active or not), sorted. Without a
    regio yet (a form's unsaved instance) there is nothing to check against: the service
    checks again once the regio is set."""
    codes = {c for c in codes or () if c}
    if not codes or regio_id is None:
        return []
    bekend = set(
        model.objects.filter(regio_id=regio_id, code__in=codes).values_list("code", flat=True)
    )
    return sorted(codes - bekend)


def onbekend_fout(soort: str, codes: list[str]) -> str:
    return _("Onbekende %(soort)s voor deze regio: %(codes)s.") % {
        "soort": soort,
        "codes": ", ".join(codes),
    }
