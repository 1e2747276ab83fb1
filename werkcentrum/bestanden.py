"""What an uploaded file really is, by its content (magic bytes and structure), never by its
name or the Content-Type the browser sent. Every upload form checks through here."""

from __future__ import annotations

import zipfile

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

# Office Open XML: a zip with a [Content_Types].xml and the part folder of its kind.
_OOXML_MAP = {".docx": "word/", ".xlsx": "xl/"}
# A spreadsheet that unpacks to more than this is refused (a "zip bomb" exhausts the worker).
MAX_UITGEPAKT = 100 * 1024 * 1024
# Text that starts like markup is a web page or script, not a CSV (a browser would render it).
_MARKUP_BEGIN = (b"<",)


def _lees(bestand: UploadedFile, aantal: int | None = None) -> bytes:
    bestand.seek(0)
    try:
        return bestand.read() if aantal is None else bestand.read(aantal)
    finally:
        bestand.seek(0)


def _ooxml_soort(bestand: UploadedFile) -> str | None:
    try:
        with zipfile.ZipFile(bestand) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        bestand.seek(0)
    namen = [i.filename for i in infos]
    if "[Content_Types].xml" not in namen or sum(i.file_size for i in infos) > MAX_UITGEPAKT:
        return None
    for ext, map_ in _OOXML_MAP.items():
        if any(n.startswith(map_) for n in namen):
            return ext
    return None


def _is_csv(inhoud: bytes) -> bool:
    """UTF-8 text (a BOM allowed, as Excel writes it) without NUL bytes that is not markup."""
    if b"\x00" in inhoud:
        return False
    try:
        tekst = inhoud.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return not tekst.lstrip().encode().startswith(_MARKUP_BEGIN)


def soort_van_inhoud(bestand: UploadedFile) -> str | None:
    """The extension the bytes really are (.pdf, .docx, .xlsx or .csv), or None."""
    kop = _lees(bestand, 8)
    if kop.startswith(b"%PDF-"):
        return ".pdf"
    if kop.startswith(b"PK\x03\x04"):
        return _ooxml_soort(bestand)
    if _is_csv(_lees(bestand)):
        return ".csv"
    return None


def extensie(bestand: UploadedFile) -> str:
    naam = (bestand.name or "").lower()
    return "." + naam.rsplit(".", 1)[-1] if "." in naam else ""


def bestand_controleren(bestand: UploadedFile, *, toegestaan: list[str], max_grootte: int) -> str:
    """Refuse a file whose extension is not allowed, that is empty or too big, or whose
    content is not what its extension says. Returns the (checked) extension."""
    ext = extensie(bestand)
    soorten = ", ".join(e[1:].upper() for e in toegestaan)
    if ext not in toegestaan:
        raise ValidationError(
            _("Kies een bestand van deze soort: %(soorten)s.") % {"soorten": soorten},
            code="extensie",
        )
    if not bestand.size:
        raise ValidationError(_("Het bestand is leeg."), code="leeg")
    if bestand.size > max_grootte:
        raise ValidationError(
            _("Het bestand is groter dan %(mb)s MB.") % {"mb": max_grootte // (1024 * 1024)},
            code="te_groot",
        )
    if soort_van_inhoud(bestand) != ext:
        raise ValidationError(
            _(
                "De inhoud van het bestand is geen geldig %(soort)s-bestand, ook al eindigt "
                "de naam op %(ext)s."
            )
            % {"soort": ext[1:].upper(), "ext": ext},
            code="inhoud",
        )
    return ext
