"""Validation of uploaded stukken: by content (magic bytes), extension and size."""

from __future__ import annotations

import hashlib
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

MAX_GROOTTE = 20 * 1024 * 1024

TOEGESTAAN = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
_ZIP_MAP = {".docx": "word/", ".xlsx": "xl/"}


def max_grootte() -> int:
    return getattr(settings, "RBA_MAX_STUK_GROOTTE", MAX_GROOTTE)


def _soort_van_inhoud(bestand: UploadedFile) -> str | None:
    """The extension the bytes really are (.pdf/.docx/.xlsx), or None."""
    bestand.seek(0)
    kop = bestand.read(8)
    bestand.seek(0)
    if kop.startswith(b"%PDF-"):
        return ".pdf"
    if kop.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(bestand) as zf:
                namen = zf.namelist()
        except (zipfile.BadZipFile, OSError):
            return None
        finally:
            bestand.seek(0)
        if "[Content_Types].xml" not in namen:
            return None
        for ext, map_ in _ZIP_MAP.items():
            if any(n.startswith(map_) for n in namen):
                return ext
    return None


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
    if _soort_van_inhoud(bestand) != ext:
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
