"""Minimal valid and invalid files for upload tests."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _zip(map_: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr(f"{map_}document.xml", "<x/>")
    return buf.getvalue()


def pdf(naam: str = "stuk.pdf", inhoud: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(naam, inhoud, content_type="application/pdf")


def docx(naam: str = "stuk.docx") -> SimpleUploadedFile:
    return SimpleUploadedFile(naam, _zip("word/"))


def xlsx(naam: str = "stuk.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(naam, _zip("xl/"))
