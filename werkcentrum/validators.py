import re
import unicodedata
from urllib.parse import urlsplit

from django.conf import settings
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


# A DNS host name: labels of letters, digits and inner hyphens, at least two of them, no port,
# scheme or path. Lower case only, because the Host header is compared case-insensitively
# and the unique constraint is not.
_HOSTNAAM = re.compile(r"^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$")


def hostnaam_validator(waarde: object) -> None:
    """A regio's own host name, e.g. werkcentrum-zkij.nl: no http://, no port, no slash."""
    if isinstance(waarde, str) and waarde and not _HOSTNAAM.match(waarde):
        raise ValidationError(
            _(
                "Vul alleen een hostnaam in, in kleine letters, zoals werkcentrum-zkij.nl "
                "(zonder http://, poort of /)."
            ),
            code="hostnaam",
        )


def is_portaaladres(hostnaam: str) -> bool:
    """Whether `hostnaam` is the installation's own address (settings.SITE_URL), which serves
    every regio under /<code>/ and so can never be one regio's host name."""
    return bool(hostnaam) and hostnaam.lower() == (urlsplit(settings.SITE_URL).hostname or "")
