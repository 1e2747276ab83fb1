import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

cbs_code_validator = RegexValidator(
    r"^GM\d{4}$", _("Een CBS-gemeentecode is 'GM' gevolgd door vier cijfers, bijvoorbeeld GM0392.")
)
postcode_validator = RegexValidator(
    r"^[1-9]\d{3} ?[A-Z]{2}$", _("Vul een postcode in als 1234 AB.")
)
telefoon_validator = RegexValidator(
    r"^\+?[0-9][0-9 \-]{8,14}$",
    _("Vul een telefoonnummer in van 10 cijfers, bijvoorbeeld 023 511 5115."),
)

# Joiners shape words in Persian and Indic scripts and emoji; harmless in a header or a cell.
_TOEGESTANE_OPMAAKTEKENS = frozenset({"\u200c", "\u200d"})


def _is_stuurteken(teken: str) -> bool:
    # Cc: line feed, carriage return, tab, NUL and the other C0/C1 controls. Cf: invisible
    # format characters such as bidi overrides (a name that reads differently than it is
    # stored). Zl/Zp: the Unicode line and paragraph separators, line breaks to many readers.
    if teken in _TOEGESTANE_OPMAAKTEKENS:
        return False
    return unicodedata.category(teken) in ("Cc", "Cf", "Zl", "Zp")


def enkele_regel_validator(waarde: object) -> None:
    """A single-line field (a name, a title, a number) holds no line break, tab or other
    control character. Such a value breaks what is built from it: a mail header
    (BadHeaderError), a CSV row, a log line. Multi-line text belongs in a TextField."""
    if isinstance(waarde, str) and any(_is_stuurteken(t) for t in waarde):
        raise ValidationError(
            _("Dit veld is één regel: haal regeleinden, tabs en andere onzichtbare tekens weg."),
            code="stuurteken",
        )
