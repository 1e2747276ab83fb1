"""Keep personal data out of free-text fields that must stay anonymous."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
# A BSN or a phone number: nine or more digits, possibly with spaces or dashes between them.
_NUMMER = re.compile(r"(?:\+?\d[\s-]?){9,}")


def geen_persoonsgegevens(tekst: str) -> None:
    """Refuse an e-mail address, phone number or BSN-like number in an anonymous note."""
    if _EMAIL.search(tekst or ""):
        raise ValidationError(
            _("Zet geen e-mailadres in de notitie: het gesprek is anoniem."),
            code="persoonsgegevens",
        )
    if _NUMMER.search(tekst or ""):
        raise ValidationError(
            _("Zet geen telefoonnummer of BSN in de notitie: het gesprek is anoniem."),
            code="persoonsgegevens",
        )
