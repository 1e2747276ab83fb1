"""Validation of uploaded stukken: by content (werkcentrum.bestanden), extension and size."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from werkcentrum.bestanden import soort_van_inhoud

MAX_GROOTTE = 20 * 1024 * 1024

TOEGESTAAN = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def max_grootte() -> int:
    return getattr(settings, "RBA_MAX_STUK_GROOTTE", MAX_GROOTTE)


def stuk_controleren(bestand: UploadedFile) -> tuple[str, str, str]:
    """Refuse anything but a PDF, DOCX or XLSX under the size limit whose content matches its
    extension. Returns (extension, mime type, sha256)."""
    naam = (bestand.name or "").lower()
    ext = "." + naam.rsplit(".", 1)[-1] if "." in naam else ""
    if ext not in TOEGESTAAN:
        raise ValidationError(
            _("Alleen PDF-, DOCX- en XLSX-bestanden zijn toegestaan."), code="extensie"
        )
    if bestand.size is None or bestand.size == 0:
        raise ValidationError(_("Het bestand is leeg."), code="leeg")
    if bestand.size > max_grootte():
        raise ValidationError(
            _("Het bestand is groter dan %(mb)s MB.") % {"mb": max_grootte() // (1024 * 1024)},
            code="te_groot",
        )
    if soort_van_inhoud(bestand) != ext:
        raise ValidationError(
            _("De inhoud van het bestand is geen geldig %(soort)s-bestand.")
            % {"soort": ext[1:].upper()},
            code="inhoud",
        )
    sha = hashlib.sha256()
    for chunk in bestand.chunks():
        sha.update(chunk)
    bestand.seek(0)
    return ext, TOEGESTAAN[ext], sha.hexdigest()
