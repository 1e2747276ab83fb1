"""Upload validation by content: every upload (rba stukken, the wsp import, the financien
import) refuses a file whose bytes are not what its name says, with a Dutch message next to
the field, and saves nothing. The honest files of the same kinds still pass."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from werkcentrum import bestanden

HTML = b"<!DOCTYPE html>\n<html><body><script>alert(document.cookie)</script></body></html>\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48
EXE += b"This program cannot be run in DOS mode.\r\n"
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 40
CSV = b"naam;kvk_nummer\nBakkerij Zon;12345678\n"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _ooxml(map_: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr(f"{map_}document.xml", "<x/>")
    return buf.getvalue()


def _xlsx() -> bytes:
    """A real spreadsheet, written by openpyxl."""
    wb = Workbook()
    wb.active.append(["kenmerk", "datum", "soort", "bedrag"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


DOCX = _ooxml("word/")


@pytest.fixture
def _geen_mfa(settings, tmp_path):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    settings.MEDIA_ROOT = tmp_path / "media"


def _tellingen() -> dict[str, int]:
    from financien.models import Mutatie
    from rba.models import Stuk, StukVersie
    from werkcentrum.models import AuditEvent
    from wsp.models import Kandidaat, Vacature, Werkgever

    modellen = (Stuk, StukVersie, Werkgever, Vacature, Kandidaat, Mutatie, AuditEvent)
    return {m.__name__: m.objects.count() for m in modellen}


def _upload(client, maak_gebruiker, regio_a, waar: str, naam: str, inhoud: bytes):
    """Post the file to the upload of `waar`; returns the response and the row counts taken
    right before the post (after the set-up's own rows)."""
    bestand = SimpleUploadedFile(naam, inhoud, content_type="application/octet-stream")
    if waar == "rba":
        from tests.rba.factories import AgendapuntFactory, OverlegorgaanFactory

        punt = AgendapuntFactory(vergadering__orgaan=OverlegorgaanFactory(regio=regio_a))
        client.force_login(maak_gebruiker("rba_secretariaat"))
        url, velden = reverse("rba:stuk_uploaden", args=[punt.pk]), {"titel": "Notulen"}
    elif waar == "wsp":
        client.force_login(maak_gebruiker("wsp_adviseur"))
        url, velden = reverse("wsp:importeren"), {"soort": "werkgevers", "bevestigen": "on"}
    else:
        client.force_login(maak_gebruiker("financieel_beheerder"))
        url, velden = reverse("financien:importeren"), {}
    voor = _tellingen()
    return client.post(url, {**velden, "bestand": bestand}), voor


@pytest.mark.parametrize(
    ("waar", "naam", "inhoud"),
    [
        ("rba", "notulen.pdf", EXE),  # a program named .pdf
        ("rba", "begroting.xlsx", HTML),  # a web page named .xlsx
        ("rba", "brief.docx", _ooxml("xl/")),  # a spreadsheet named .docx
        ("rba", "brief.pdf", DOCX),
        ("wsp", "werkgevers.xlsx", HTML),
        ("wsp", "werkgevers.xlsx", DOCX),
        ("wsp", "werkgevers.csv", EXE),
        ("wsp", "werkgevers.csv", ELF),
        ("wsp", "werkgevers.csv", HTML),  # markup renamed to .csv
        ("wsp", "werkgevers.csv", _ooxml("xl/")),  # a zip is no text
        ("wsp", "werkgevers.csv", PDF),
        ("financien", "reserve.xlsx", HTML),
        ("financien", "reserve.xlsx", EXE),
        ("financien", "reserve.xlsx", DOCX),
        ("financien", "reserve.xlsx", CSV),
    ],
)
def test_een_vermomd_bestand_wordt_geweigerd_en_niets_opgeslagen(
    client, maak_gebruiker, regio_a, _geen_mfa, waar, naam, inhoud
):
    soort = naam.rsplit(".", 1)[1].upper()
    response, voor = _upload(client, maak_gebruiker, regio_a, waar, naam, inhoud)
    assert response.status_code == 400
    html = response.content.decode()
    assert f"geen geldig {soort}-bestand" in html, html[-2000:]
    assert _tellingen() == voor


@pytest.mark.parametrize(
    ("waar", "naam", "melding"),
    [
        ("wsp", "werkgevers.html", "Kies een bestand van deze soort: CSV, XLSX."),
        ("wsp", "werkgevers.exe", "Kies een bestand van deze soort: CSV, XLSX."),
        ("financien", "reserve.csv", "Kies een bestand van deze soort: XLSX."),
        ("rba", "notulen.html", "Alleen PDF-, DOCX- en XLSX-bestanden zijn toegestaan."),
    ],
)
def test_een_verkeerde_extensie_wordt_geweigerd(
    client, maak_gebruiker, regio_a, _geen_mfa, waar, naam, melding
):
    response, _ = _upload(client, maak_gebruiker, regio_a, waar, naam, CSV)
    assert response.status_code == 400
    assert melding in response.content.decode()


@pytest.mark.parametrize(
    ("waar", "naam", "inhoud"),
    [
        ("rba", "notulen.pdf", PDF),
        ("rba", "brief.docx", DOCX),
        ("rba", "begroting.xlsx", _xlsx()),
        ("wsp", "werkgevers.csv", CSV),
        ("wsp", "werkgevers.csv", b"\xef\xbb\xbf" + CSV),  # Excel's "CSV UTF-8" has a BOM
        ("wsp", "werkgevers.xlsx", _xlsx()),
        ("financien", "reserve.xlsx", _xlsx()),
    ],
)
def test_een_eerlijk_bestand_komt_door_de_controle(
    client, maak_gebruiker, regio_a, _geen_mfa, waar, naam, inhoud
):
    response, _ = _upload(client, maak_gebruiker, regio_a, waar, naam, inhoud)
    # The import may still find its rows wrong (400); the file itself is accepted.
    assert response.status_code in (200, 302, 400)
    assert "geen geldig" not in response.content.decode()
    assert "Kies een bestand" not in response.content.decode()


def test_een_zip_bom_als_spreadsheet_wordt_geweigerd(monkeypatch):
    monkeypatch.setattr(bestanden, "MAX_UITGEPAKT", 10_000)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/worksheets/sheet1.xml", "0" * 20_000)  # unpacks far beyond the limit
    bestand = SimpleUploadedFile("groot.xlsx", buf.getvalue())
    assert len(buf.getvalue()) < 10_000
    assert bestanden.soort_van_inhoud(bestand) is None


def test_latin1_tekst_is_geen_geldige_csv():
    """The importer reads UTF-8; other encodings are refused up front, not half-decoded."""
    bestand = SimpleUploadedFile("werkgevers.csv", "naam\nCafé Zon\n".encode("latin-1"))
    assert bestanden.soort_van_inhoud(bestand) is None


def test_een_import_zonder_sleutelkolom_meldt_dat_en_schrijft_niets(
    client, maak_gebruiker, regio_a, _geen_mfa, django_capture_on_commit_callbacks
):
    """import-export only noticed a missing id column when writing for real (a 500)."""
    with django_capture_on_commit_callbacks(execute=True):
        response, voor = _upload(client, maak_gebruiker, regio_a, "wsp", "werkgevers.xlsx", _xlsx())
    assert response.status_code == 302  # the worker checks the file
    response = client.get(response["Location"])
    assert response.context["taak"].status == "afgekeurd"
    assert "kolom kvk_nummer: Deze kolom ontbreekt." in response.content.decode()
    assert _tellingen() == voor
