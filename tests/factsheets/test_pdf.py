"""The factsheet PDF: tagged (PDF/UA-1), amounts in Dutch notation, a draft marked as such."""

from __future__ import annotations

import re
import subprocess
import zlib

import pytest
from django.urls import reverse

from tests.factsheets.conftest import VANDAAG
from wsp.factsheets import services
from wsp.factsheets.selectors import Periode


@pytest.fixture(autouse=True)
def _geen_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


@pytest.fixture
def factsheet(data, manager):
    fs, _n = services.factsheet_maken(
        regio=data["regio"], periode=Periode(2025, 1), user=manager, vandaag=VANDAAG
    )
    return fs


def _pdf(client, manager, factsheet) -> bytes:
    client.force_login(manager)
    r = client.get(reverse("wsp:factsheet_pdf", args=[factsheet.pk]))
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    return r.content


def _objecten(pdf: bytes) -> bytes:
    """The PDF with its compressed streams (object streams included) inflated."""
    delen = [pdf]
    for m in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            delen.append(zlib.decompress(m.group(1)))
        except zlib.error:
            continue
    return b"\n".join(delen)


def _tekst(pdf: bytes) -> str:
    uit = subprocess.run(["pdftotext", "-raw", "-", "-"], input=pdf, capture_output=True)
    assert uit.returncode == 0, uit.stderr
    return " ".join(uit.stdout.decode().split())


def _info(pdf: bytes) -> str:
    uit = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True)
    assert uit.returncode == 0, uit.stderr
    return uit.stdout.decode()


def test_pdf_is_getagd_met_structuur_taal_en_titel(client, manager, factsheet):
    pdf = _pdf(client, manager, factsheet)
    objecten = _objecten(pdf)
    assert b"/StructTreeRoot" in objecten
    assert b"/Lang" in objecten and b"/Figure" in objecten and b"/Table" in objecten
    assert b"pdfuaid" in objecten  # the PDF/UA identification in the XMP metadata
    assert re.search(r"Tagged:\s+yes", _info(pdf))


def test_bedragen_in_de_pdf_in_nederlandse_notatie(client, manager, factsheet):
    """The reserve up to 2025-06-30 holds 1350.50 (conftest): shown as EUR 1.351."""
    tekst = _tekst(_pdf(client, manager, factsheet))
    assert "Gestort EUR 1.351 EUR 100 EUR 0" in tekst
    assert "1350.50" not in tekst and "1350,50" not in tekst


def test_concept_staat_op_elke_pagina_en_verdwijnt_na_publiceren(client, manager, factsheet):
    pdf = _pdf(client, manager, factsheet)
    pagina = int(re.search(r"Pages:\s+(\d+)", _info(pdf))[1])
    tekst = _tekst(pdf)
    assert tekst.count("CONCEPT \u2013 NIET GEPUBLICEERD") == pagina
    assert re.search(r"Title:\s+Concept: Factsheet 2025-H1", _info(pdf))

    services.publiceren(factsheet=factsheet, user=manager)
    gepubliceerd = _pdf(client, manager, factsheet)
    assert "CONCEPT" not in _tekst(gepubliceerd).upper()
    assert re.search(r"Title:\s+Factsheet 2025-H1", _info(gepubliceerd))


# --- the regio's look (issue 24 point 4) ---------------------------------------------------

KLEUR_A, KLEUR_B = (0x8A, 0x15, 0x38), (0x0B, 0x5D, 0x1E)


def _pixels_van(pdf: bytes, kleur: tuple[int, int, int]) -> int:
    """How many pixels of the first page, rendered at 50 dpi, have exactly `kleur`."""
    import tempfile
    from pathlib import Path

    from PIL import Image

    with tempfile.TemporaryDirectory() as map_:
        uit = subprocess.run(
            ["pdftoppm", "-png", "-r", "50", "-singlefile", "-", str(Path(map_) / "p1")],
            input=pdf,
            capture_output=True,
        )
        assert uit.returncode == 0, uit.stderr
        pagina = Image.open(Path(map_) / "p1.png").convert("RGB")
    return sum(n for n, rgb in pagina.getcolors(1 << 24) if rgb == kleur)


@pytest.fixture
def factsheet_b(data, regio_a, regio_b, maak_gebruiker, settings, tmp_path):
    """A factsheet of regio B; regio A has a look of its own that must not show."""
    from tests.werkcentrum.test_huisstijl_logo import beeld, logo_zetten

    settings.MEDIA_ROOT = tmp_path / "media"
    for regio, kleur in ((regio_a, KLEUR_A), (regio_b, KLEUR_B)):
        regio.huisstijl_kleur = "#{:02x}{:02x}{:02x}".format(*kleur)
        logo_zetten(
            regio, beeld(kleur="#{:02x}{:02x}{:02x}".format(*kleur)), alt=f"Logo {regio.naam}"
        )
    manager_b = maak_gebruiker("wsp_manager", regio=regio_b)
    fs, _n = services.factsheet_maken(
        regio=regio_b, periode=Periode(2025, 1), user=manager_b, vandaag=VANDAAG
    )
    return fs, manager_b


def test_the_pdf_of_regio_b_has_bs_colour_logo_and_name(client, factsheet_b, regio_a, regio_b):
    factsheet, manager_b = factsheet_b
    pdf = _pdf(client, manager_b, factsheet)
    tekst = _tekst(pdf)
    pagina = int(re.search(r"Pages:\s+(\d+)", _info(pdf))[1])
    # B's name in every page's header and footer, A's nowhere.
    assert tekst.count("Amersfoort · factsheet 2025-H1") == pagina
    assert regio_a.naam not in tekst
    # B's colour on the first page (the bar, the headings, the logo), none of A's.
    assert _pixels_van(pdf, KLEUR_B) > 500
    assert _pixels_van(pdf, KLEUR_A) == 0
    # The logo is an image in the PDF, a figure with its alternative text: still tagged.
    lijst = subprocess.run(["pdfimages", "-list", "-"], input=pdf, capture_output=True)
    assert lijst.returncode == 0 and len(lijst.stdout.decode().splitlines()) >= 3
    objecten = _objecten(pdf)
    assert b"/StructTreeRoot" in objecten and b"pdfuaid" in objecten
    assert b"Logo Amersfoort" in objecten or "Logo Amersfoort".encode("utf-16-be") in objecten


def test_the_pdf_without_a_regio_colour_keeps_the_portals_blue(client, manager, factsheet):
    pdf = _pdf(client, manager, factsheet)
    assert _pixels_van(pdf, (0x15, 0x42, 0x73)) > 500
    assert "Zuid-Kennemerland en IJmond · factsheet 2025-H1" in _tekst(pdf)
