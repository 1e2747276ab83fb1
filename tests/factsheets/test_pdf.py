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
