"""Files in and out of the portal, in one place.

Uploads: what an uploaded file really is, by its content (magic bytes and structure), never by
its name or the Content-Type the browser sent. Every upload form checks through here.

Exports: every CSV and XLSX the portal hands out is written here (views, the privacy
officer's logboek and inzage, django-import-export resources and the admin), so every cell is
made safe the same way: text that a spreadsheet would run as a formula (it starts with =, +,
-, @, a tab or a carriage return) gets a leading single quote; numbers and dates stay typed.
CSV is written for a Dutch Excel: UTF-8 with a BOM, ';' between fields, a decimal comma.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

import tablib
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from import_export import resources
from import_export.admin import ExportMixin
from import_export.formats import base_formats
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

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


# --- Exports ---------------------------------------------------------------------------------

CSV_MIME = "text/csv; charset=utf-8"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# A cell starting with one of these is a formula (or becomes one) in Excel and LibreOffice.
GEVAARLIJK = ("=", "+", "-", "@", "\t", "\r")
# A plain number ("-5", "+31", "1250,50") is not a formula: it keeps its sign unquoted.
_GETAL = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
_VET = Font(bold=True)


def veilige_tekst(tekst: str) -> str:
    """`tekst` as a spreadsheet shows it without running it: a leading quote before a
    formula character. Idempotent (a quoted text starts with the quote)."""
    if tekst.startswith(GEVAARLIJK) and not _GETAL.fullmatch(tekst):
        return "'" + tekst
    return tekst


def xlsx_waarde(v: Any) -> Any:
    """A typed XLSX cell: numbers, dates and booleans as themselves (dates in local time,
    as Excel has no time zones), everything else as safe text."""
    if v is None or isinstance(v, int | float | Decimal):
        return v
    if isinstance(v, datetime):
        return timezone.localtime(v).replace(tzinfo=None) if timezone.is_aware(v) else v
    if isinstance(v, date | time):
        return v
    return veilige_tekst(str(v))


def csv_waarde(v: Any) -> str:
    """A CSV field for a Dutch Excel: decimal comma, ja/nee, ISO dates, safe text."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return _("ja") if v else _("nee")
    if isinstance(v, int):
        return str(v)
    if isinstance(v, Decimal | float):
        return format(v, "f" if isinstance(v, Decimal) else "").replace(".", ",")
    if isinstance(v, datetime):
        v = timezone.localtime(v) if timezone.is_aware(v) else v
        return v.isoformat(sep=" ", timespec="seconds")
    if isinstance(v, date | time):
        return v.isoformat()
    return veilige_tekst(str(v))


def csv_tekst(kop: Sequence, rijen: Iterable[Sequence]) -> str:
    """The CSV as text, starting with the BOM that lets Excel read the accents."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    schrijver = csv.writer(buffer, delimiter=";")
    schrijver.writerow([csv_waarde(k) for k in kop])
    schrijver.writerows([csv_waarde(c) for c in rij] for rij in rijen)
    return buffer.getvalue()


def csv_bytes(kop: Sequence, rijen: Iterable[Sequence]) -> bytes:
    return csv_tekst(kop, rijen).encode("utf-8")


def xlsx_boek() -> Workbook:
    """An empty workbook; add sheets with `xlsx_blad`."""
    boek = Workbook()
    boek.remove(boek.active)
    return boek


def xlsx_blad(boek: Workbook, titel: str, kop: Sequence):
    """A sheet with a bold, frozen header row and columns wide enough for their header."""
    blad = boek.create_sheet(str(titel)[:31])
    blad.append([xlsx_waarde(str(k)) for k in kop])
    for cel in blad[1]:
        cel.font = _VET
    blad.freeze_panes = "A2"
    for i, k in enumerate(kop, start=1):
        blad.column_dimensions[get_column_letter(i)].width = max(12, min(45, len(str(k)) + 4))
    return blad


def xlsx_regel(blad, waarden: Iterable[Any]) -> None:
    blad.append([xlsx_waarde(w) for w in waarden])


def xlsx_inhoud(boek: Workbook) -> bytes:
    buffer = io.BytesIO()
    boek.save(buffer)
    return buffer.getvalue()


def xlsx_bytes(bladen: dict[str, tuple[Sequence, Iterable[Sequence]]]) -> bytes:
    """A workbook of {sheet title: (header, rows)}."""
    boek = xlsx_boek()
    for titel, (kop, rijen) in bladen.items():
        blad = xlsx_blad(boek, titel, kop)
        for rij in rijen:
            xlsx_regel(blad, rij)
    return xlsx_inhoud(boek)


def bijlage(inhoud: bytes, *, formaat: str, naam: str) -> HttpResponse:
    """A download; `naam` without its extension."""
    mime = {"csv": CSV_MIME, "xlsx": XLSX_MIME, "json": "application/json"}[formaat]
    response = HttpResponse(inhoud, content_type=mime)
    response["Content-Disposition"] = f'attachment; filename="{naam}.{formaat}"'
    return response


def tabel_export(
    kop: Sequence, rijen: Iterable[Sequence], *, formaat: str, naam: str, titel: str = ""
) -> HttpResponse:
    """One table as a CSV or XLSX download."""
    rijen = list(rijen)
    if formaat == "csv":
        return bijlage(csv_bytes(kop, rijen), formaat=formaat, naam=naam)
    inhoud = xlsx_bytes({titel or naam: (kop, rijen)})
    return bijlage(inhoud, formaat=formaat, naam=naam)


def dataset_export(dataset: tablib.Dataset, *, formaat: str, naam: str) -> HttpResponse:
    """A django-import-export Dataset as a download, through the same writers."""
    return tabel_export(dataset.headers or [], list(dataset), formaat=formaat, naam=naam)


# django-import-export: its own formula escaping only drops a leading "=", so the resources
# and the admin write through the functions above.


class VeiligeResource(resources.ModelResource):
    """Base of every resource: the Dataset it exports holds safe text already, whatever
    writes it out."""

    def export(self, *args, **kwargs) -> tablib.Dataset:
        data = super().export(*args, **kwargs)
        veilig = tablib.Dataset(headers=data.headers, title=data.title)
        for rij in data:
            veilig.append([veilige_tekst(c) if isinstance(c, str) else c for c in rij])
        return veilig


class VeiligCSV(base_formats.CSV):
    def export_data(self, dataset, **kwargs) -> bytes:
        return csv_bytes(dataset.headers or [], list(dataset))

    def is_binary(self) -> bool:
        return True  # already encoded, with its BOM


class VeiligXLSX(base_formats.XLSX):
    def export_data(self, dataset, **kwargs) -> bytes:
        titel = dataset.title or "Export"
        return xlsx_bytes({titel: (dataset.headers or [], list(dataset))})


class VeiligeExportMixin(ExportMixin):
    """The admin's export (ExportMixin) in the portal's formats, with typed XLSX cells."""

    @property
    def export_formats(self):
        return [VeiligCSV, VeiligXLSX]

    def get_export_data(self, file_format, request, queryset, **kwargs):
        if not self.has_export_permission(request):
            raise PermissionDenied
        kwargs.pop("encoding", None)  # the CSV is UTF-8 with a BOM, always
        data = self.get_data_for_export(
            request,
            queryset,
            force_native_type=isinstance(file_format, VeiligXLSX),
            **kwargs,
        )
        return file_format.export_data(data)
