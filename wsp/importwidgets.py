"""Widgets for the WSP import (django-import-export) that read Dutch sheets and answer in Dutch.

The library's own widgets answer in English ("Value could not be parsed using defined
formats.") or not at all (a Decimal error, "ja" read as False, 12,5 rounded to 12). Every
message a user sees on the preview is one of these, or Django's own (translated) model
validation; `wsp.importeren` turns any other error into a Dutch sentence too.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from import_export import widgets

from werkcentrum.models import Medewerker


class Importfout(ValueError):
    """A value the import cannot read, with a Dutch message for the user."""


def _tekst(value) -> str:
    return str(value).strip()


class DatumWidget(widgets.DateWidget):
    """A date as 31-12-2025, 31/12/2025 or 2025-12-31 (an Excel date cell too)."""

    FORMATEN = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y")

    def __init__(self, format=None, coerce_to_string=True) -> None:
        super().__init__(format, coerce_to_string)
        self.formats = self.FORMATEN  # the first is the export's format, as before

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, datetime):
            return value.date()
        try:
            return super().clean(_tekst(value) if isinstance(value, str) else value, row)
        except (ValueError, TypeError) as exc:
            raise Importfout(
                _("'%(waarde)s' is geen datum; schrijf dag-maand-jaar, zoals 31-12-2025.")
                % {"waarde": value}
            ) from exc


class TijdstipWidget(widgets.DateTimeWidget):
    """A moment as 31-12-2025 14:30 or 2025-12-31 14:30(:00); a date alone is midnight."""

    FORMATEN = (
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%d-%m-%Y %H:%M:%S",
        "%d-%m-%Y %H:%M",
        "%Y-%m-%d",
        "%d-%m-%Y",
    )

    def __init__(self, format=None, coerce_to_string=True) -> None:
        super().__init__(format, coerce_to_string)
        self.formats = self.FORMATEN

    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(_tekst(value) if isinstance(value, str) else value, row)
        except (ValueError, TypeError) as exc:
            raise Importfout(
                _("'%(waarde)s' is geen datum en tijd; schrijf bijvoorbeeld 31-12-2025 14:30.")
                % {"waarde": value}
            ) from exc


class GeheelGetalWidget(widgets.IntegerWidget):
    def clean(self, value, row=None, **kwargs):
        try:
            getal = super().clean(value, row, **kwargs)
            # The library rounds 12,5 down to 12 without a word.
            exact = self.is_empty(value) or Decimal(getal) == Decimal(
                widgets.sanitize_separators(value)
            )
        except (ValueError, TypeError, ArithmeticError):
            exact = False
        if not exact:
            raise Importfout(_("'%(waarde)s' is geen geheel getal.") % {"waarde": value})
        return getal


class DecimaalWidget(widgets.DecimalWidget):
    def clean(self, value, row=None, **kwargs):
        try:
            getal = super().clean(value, row, **kwargs)
            if getal is not None and not getal.is_finite():
                raise InvalidOperation
            return getal
        except (ValueError, TypeError, ArithmeticError) as exc:
            raise Importfout(
                _("'%(waarde)s' is geen getal; schrijf bijvoorbeeld 12,5.") % {"waarde": value}
            ) from exc


class JaNeeWidget(widgets.BooleanWidget):
    """ja/nee, 1/0 or true/false; anything else is an error instead of a silent 'nee'."""

    JA = {"1", "ja", "j", "true", "waar"}
    NEE = {"0", "nee", "n", "false", "onwaar"}

    def clean(self, value, row=None, **kwargs):
        if value in self.NULL_VALUES:
            return None
        if isinstance(value, bool):
            return value
        if isinstance(value, int | float | Decimal) and value in (0, 1):
            return value == 1  # an Excel number cell
        tekst = _tekst(value).lower()
        if tekst in self.JA:
            return True
        if tekst in self.NEE:
            return False
        if tekst == "":
            return None
        raise Importfout(
            _("'%(waarde)s' is geen ja of nee; schrijf ja of nee.") % {"waarde": value}
        )


class KeuzeWidget(widgets.CharWidget):
    """A choice by its code or its Dutch label ('Telefoon' as well as 'telefoon')."""

    def __init__(self, choices) -> None:
        super().__init__(coerce_to_string=True, allow_blank=True)
        self.choices = choices

    def clean(self, value, row=None, **kwargs):
        tekst = _tekst(value or "")
        if not tekst:
            return ""
        for code, label in self.choices:
            if tekst.lower() in (str(code).lower(), str(label).lower()):
                return code
        raise Importfout(
            _("'%(waarde)s' is geen geldige keuze; kies uit: %(keuzes)s.")
            % {"waarde": tekst, "keuzes": ", ".join(str(c) for c, _l in self.choices)}
        )


class RegioKeuzeWidget(KeuzeWidget):
    """A code of the importing regio's list (WspDoelgroep), read by its code or the regio's
    name for it; an export writes the regio's name (which the import reads back)."""

    def __init__(self, model) -> None:
        super().__init__(choices=())
        self.model = model
        self.regio = None
        self._namen: dict[str, str] | None = None

    def namen(self) -> dict[str, str]:
        if self._namen is None:
            rijen = self.model.objects.filter(regio=self.regio).order_by("volgorde", "naam")
            self._namen = dict(rijen.values_list("code", "naam"))
        return self._namen

    def clean(self, value, row=None, **kwargs):
        self.choices = list(self.namen().items())
        return super().clean(value, row, **kwargs)

    def render(self, value, obj=None, **kwargs):
        return self.namen().get(value, value or "")


class RegioFK(widgets.ForeignKeyWidget):
    """A foreign key looked up by a readable column, only within the importing regio."""

    def __init__(self, model, field: str, pad: str | None = "regio") -> None:
        super().__init__(model, field)
        self.pad = pad
        self.regio = None

    def get_queryset(self, value, row, *args, **kwargs):
        qs = self.model._default_manager.all()
        if self.pad:
            qs = qs.filter(**{self.pad: self.regio})
        return qs

    def niet_gevonden(self, value) -> str:
        if self.pad:
            return _("'%(waarde)s' is niet gevonden in jouw regio.") % {"waarde": value}
        return _("'%(waarde)s' is niet gevonden.") % {"waarde": value}

    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value.strip() if isinstance(value, str) else value, row, **kwargs)
        except self.model.DoesNotExist as exc:
            raise Importfout(self.niet_gevonden(value)) from exc
        except self.model.MultipleObjectsReturned as exc:
            raise Importfout(
                _("'%(waarde)s' komt meer dan eens voor; gebruik een eenduidige waarde.")
                % {"waarde": value}
            ) from exc


class SectorFK(RegioFK):
    """A sector by name among those the importing regio offers (wsp.regiolijsten): the
    national ones it did not hide and its own; another regio's sector is not found.

    `bestaand` names the records that hold a sector (`"werkgevers"`, `"vacatures"`) and the
    column that finds the row's record (`kvk_nummer`, `externe_id`): re-importing a record
    keeps the sector it already has, also when the regio hid that sector since, as its form
    does."""

    def __init__(self, bestaand: tuple[str, str] | None = None) -> None:
        from .models import Sector

        super().__init__(Sector, "naam", pad=None)
        self.bestaand = bestaand

    def get_queryset(self, value, row, *args, **kwargs):
        from .models import Sector
        from .regiolijsten import sectoren_voor

        ook = ()
        records, kolom = self.bestaand or ("", "")
        if sleutel := str((row or {}).get(kolom) or "").strip():
            # A subquery: the row's own record's sector, found in the same query.
            ook = Sector.objects.filter(
                **{f"{records}__regio": self.regio, f"{records}__{kolom}": sleutel}
            )
        return sectoren_voor(self.regio, ook=ook)

    def niet_gevonden(self, value) -> str:
        return _("Sector '%(waarde)s' is niet gevonden in de sectoren van jouw regio.") % {
            "waarde": value
        }


def wsp_medewerkers(regio):
    """The WSP-adviseurs and -managers of `regio`: who may hold an account."""
    return (
        Medewerker.objects.in_regio(regio)
        .filter(groups__name__in=["wsp_adviseur", "wsp_manager"], is_superuser=False)
        .distinct()
    )


class WspMedewerkerFK(RegioFK):
    """A WSP medewerker of the regio, by e-mail address (any case). `actief` limits the
    choice to current medewerkers (an accounthouder); history may name one who left."""

    def __init__(self, *, actief: bool) -> None:
        super().__init__(Medewerker, "email")
        self.actief = actief

    def get_queryset(self, value, row, *args, **kwargs):
        qs = wsp_medewerkers(self.regio)
        return qs.filter(is_active=True) if self.actief else qs

    def get_lookup_kwargs(self, value, row, **kwargs):
        return {"email__iexact": value}

    def niet_gevonden(self, value) -> str:
        return _("'%(waarde)s' is geen WSP-adviseur of -manager van jouw regio.") % {
            "waarde": value
        }
