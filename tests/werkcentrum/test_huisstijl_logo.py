"""A logo per regio (issue 24 point 4): only a real PNG, JPEG or WebP within the limits gets
in, set by the regio's beheerder next to the colour; it is served from its own address and
shown, with its alternative text, in the public and the staff header; the CSP stays strict."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests.factories import MedewerkerFactory
from werkcentrum.huisstijl import LOGO_MAX_BYTES, logo_controleren
from werkcentrum.models import Arbeidsmarktregio

pytestmark = pytest.mark.django_db


def beeld(soort: str = "PNG", maat: tuple[int, int] = (120, 40), kleur="#8a1538") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", maat, kleur).save(buffer, format=soort)
    return buffer.getvalue()


def upload(naam: str, inhoud: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(naam, inhoud, content_type="image/png")


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.WERKCENTRUM_MFA_VERPLICHT = False


def logo_zetten(regio: Arbeidsmarktregio, inhoud: bytes, naam: str = "logo.png", alt: str = ""):
    regio.huisstijl_logo = upload(naam, inhoud)
    regio.huisstijl_logo_alt = alt
    regio.full_clean()
    regio.save()
    return regio


# --- what gets in -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("naam", "soort"), [("logo.png", "PNG"), ("logo.JPG", "JPEG"), ("logo.webp", "WEBP")]
)
def test_a_real_png_jpeg_or_webp_is_accepted(naam, soort):
    assert logo_controleren(upload(naam, beeld(soort))) in (".png", ".jpg", ".webp")


def _fout(naam: str, inhoud: bytes) -> ValidationError:
    with pytest.raises(ValidationError) as fout:
        logo_controleren(upload(naam, inhoud))
    return fout.value


def test_a_logo_over_the_size_limit_is_refused_with_its_size_in_the_message():
    # A valid PNG, padded past the limit with a text chunk's worth of bytes after IEND.
    te_groot = beeld() + b"\0" * LOGO_MAX_BYTES
    fout = _fout("logo.png", te_groot)
    assert fout.code == "te_groot"
    assert "hoogstens 256 kB" in fout.messages[0]


def test_an_svg_or_another_type_is_refused():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    assert _fout("logo.svg", svg).code == "svg"
    assert "SVG" in _fout("logo.svg", svg).messages[0]
    assert _fout("logo.gif", beeld("GIF")).code == "extensie"
    assert _fout("logo", beeld()).code == "extensie"


def test_a_fake_png_is_refused_by_its_content():
    # The PNG signature and a start, then rubbish: the name and the first bytes lie.
    nep = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"rommel" * 50
    fout = _fout("logo.png", nep)
    assert fout.code == "inhoud"
    assert "geen geldige afbeelding" in fout.messages[0]
    # A script with a PNG name.
    assert _fout("logo.png", b"<html><script>alert(1)</script></html>").code == "inhoud"


def test_content_that_does_not_match_the_extension_is_refused():
    fout = _fout("logo.png", beeld("JPEG"))
    assert fout.code == "inhoud" and "JPEG" in fout.messages[0]


def test_a_logo_too_large_or_too_small_in_pixels_is_refused():
    assert _fout("logo.png", beeld(maat=(2001, 100))).code == "afmetingen"
    assert _fout("logo.png", beeld(maat=(300, 1001))).code == "afmetingen"
    assert _fout("logo.png", beeld(maat=(10, 10))).code == "afmetingen"


def test_an_empty_file_is_refused():
    assert _fout("logo.png", b"").code == "leeg"


# --- the beheerder sets it next to the colour --------------------------------------------------


@pytest.fixture
def beheerder(regio_a):
    return MedewerkerFactory(regio=regio_a, rollen=["beheerder"], is_staff=True)


def _formulier(regio, **extra) -> dict:
    return {
        "code": regio.code,
        "naam": regio.naam,
        "modules": '["wsp", "rba", "financien"]',
        "huisstijl_kleur": "#8a1538",
        "huisstijl_logo_alt": "",
        **extra,
    }


def test_the_beheerder_uploads_a_logo_beside_the_colour(client, beheerder, regio_a):
    client.force_login(beheerder)
    url = f"/beheer/werkcentrum/arbeidsmarktregio/{regio_a.pk}/change/"
    pagina = client.get(url).content.decode()
    # Logo and alt text in the Huisstijl fieldset, right after the colour.
    assert (
        pagina.index("huisstijl_kleur")
        < pagina.index("huisstijl_logo")
        < pagina.index("huisstijl_logo_alt")
    )
    antwoord = client.post(
        url,
        _formulier(
            regio_a, huisstijl_logo=upload("mijn logo.png", beeld()), huisstijl_logo_alt="Logo ZKIJ"
        ),
    )
    assert antwoord.status_code == 302, antwoord.content.decode()[:3000]
    regio_a.refresh_from_db()
    assert regio_a.huisstijl_logo.name.startswith("huisstijl/")
    assert regio_a.huisstijl_logo.name.endswith(".png")
    assert "mijn" not in regio_a.huisstijl_logo.name  # a random name, not the upload's
    assert regio_a.logo_alt == "Logo ZKIJ"


def test_a_fake_logo_gets_a_dutch_message_at_the_field_and_nothing_is_saved(
    client, beheerder, regio_a
):
    client.force_login(beheerder)
    url = f"/beheer/werkcentrum/arbeidsmarktregio/{regio_a.pk}/change/"
    antwoord = client.post(
        url, _formulier(regio_a, huisstijl_logo=upload("logo.png", b"\x89PNG\r\n\x1a\nnep"))
    )
    assert antwoord.status_code == 200
    assert "geen geldige afbeelding" in antwoord.content.decode()
    regio_a.refresh_from_db()
    assert not regio_a.huisstijl_logo and regio_a.huisstijl_kleur == ""


def test_replacing_the_logo_retires_the_old_address_and_file(
    client, beheerder, regio_a, django_capture_on_commit_callbacks
):
    logo_zetten(regio_a, beeld(kleur="#000000"))
    oud_url, oud_pad = regio_a.logo_url, regio_a.huisstijl_logo.path
    client.force_login(beheerder)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/beheer/werkcentrum/arbeidsmarktregio/{regio_a.pk}/change/",
            _formulier(regio_a, huisstijl_logo=upload("nieuw.webp", beeld("WEBP"))),
        )
    regio_a.refresh_from_db()
    assert regio_a.logo_url != oud_url and regio_a.logo_url.endswith(".webp")
    assert client.get(oud_url).status_code == 404
    assert client.get(regio_a.logo_url)["Content-Type"] == "image/webp"
    import os

    assert not os.path.exists(oud_pad)


# --- served and shown ---------------------------------------------------------------------------


def test_the_logo_is_served_with_its_type_nosniff_and_a_long_cache(client, regio_a, regio_b):
    logo_zetten(regio_a, beeld("JPEG"), naam="logo.jpeg")
    antwoord = client.get(regio_a.logo_url)
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "image/jpeg"
    assert antwoord["X-Content-Type-Options"] == "nosniff"
    assert "immutable" in antwoord["Cache-Control"]
    assert b"".join(antwoord.streaming_content) == regio_a.huisstijl_logo.open("rb").read()
    # Another regio's code with this file name does not serve it.
    bestand = regio_a.logo_url.rsplit("/", 1)[1]
    assert client.get(f"/huisstijl/logo/{regio_b.code}/{bestand}").status_code == 404


def test_the_public_header_shows_the_logo_with_its_alt_text(client, regio_a, regio_b):
    logo_zetten(regio_a, beeld(), alt="Werkcentrum Zuid-Kennemerland")
    html = client.get(f"/{regio_a.code}/").content.decode()
    assert (
        f'<img class="wc-logo__beeld" src="{regio_a.logo_url}" alt="Werkcentrum Zuid-Kennemerland">'
        in html
    )
    # Regio B has no logo: the portal's mark with B's name, never A's logo.
    html_b = client.get(f"/{regio_b.code}/").content.decode()
    assert '<img class="wc-logo__beeld"' not in html_b and regio_a.logo_url not in html_b
    assert '<span class="wc-logo__regio">Amersfoort</span>' in html_b


def test_the_alt_text_defaults_to_the_regios_name(client, regio_a):
    logo_zetten(regio_a, beeld())
    html = client.get(f"/{regio_a.code}/").content.decode()
    assert f'alt="{regio_a.naam}"' in html


def test_the_staff_header_shows_the_medewerkers_regio_logo(client, regio_a, regio_b):
    logo_zetten(regio_b, beeld(), alt="Logo Amersfoort")
    client.force_login(MedewerkerFactory(regio=regio_b, rollen=["gids"]))
    html = client.get("/werkplek/").content.decode()
    assert f'src="{regio_b.logo_url}" alt="Logo Amersfoort"' in html
    client.force_login(MedewerkerFactory(regio=regio_a, rollen=["gids"]))
    html = client.get("/werkplek/").content.decode()
    assert regio_b.logo_url not in html
    assert f'<span class="wc-logo__regio">{regio_a.naam}</span>' in html


def test_the_header_costs_no_query_of_its_own_for_the_staff_regio(client, regio_a):
    """The medewerker's regio comes with the user (adapters.AuthenticationBackend)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    logo_zetten(regio_a, beeld())
    client.force_login(MedewerkerFactory(regio=regio_a, rollen=["gids"]))
    with CaptureQueriesContext(connection) as queries:
        assert regio_a.logo_url in client.get("/locaties/").content.decode()
    eigen = [
        q["sql"]
        for q in queries.captured_queries
        if 'FROM "werkcentrum_arbeidsmarktregio"' in q["sql"]
    ]
    assert eigen == []


def test_the_csp_stays_strict_with_a_logo(client, regio_a):
    logo_zetten(regio_a, beeld())
    antwoord = client.get(f"/{regio_a.code}/")
    csp = antwoord["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "img-src 'self'" in csp
    assert "<style" not in antwoord.text and " style=" not in antwoord.text


# --- the definition file brings the logo --------------------------------------------------------


def _amf_data() -> dict:
    import yaml

    from werkcentrum import regiodefinitie

    return yaml.safe_load(regiodefinitie.bestand("amf").read_text())


def _lezen(data: dict, **kwargs):
    import yaml

    from werkcentrum import regiodefinitie

    return regiodefinitie.lezen(yaml.safe_dump(data, allow_unicode=True), **kwargs)


def _data_uri(inhoud: bytes, soort: str = "image/png") -> str:
    import base64

    return f"data:{soort};base64,{base64.b64encode(inhoud).decode()}"


def test_seed_regio_stores_the_logo_next_to_the_file_once():
    from io import StringIO

    from django.core.management import call_command

    from werkcentrum import regiodefinitie

    call_command("seed_regio", "amf", stdout=StringIO())
    amf = Arbeidsmarktregio.objects.get(code="amf")
    naast = regiodefinitie.MAP / "amf-logo.png"
    with amf.huisstijl_logo.open("rb") as f:
        assert f.read() == naast.read_bytes()
    assert amf.huisstijl_logo_alt == "Werkcentrum regio Amersfoort"
    naam = amf.huisstijl_logo.name
    uit = StringIO()
    call_command("seed_regio", "amf", stdout=uit)
    assert "al bijgewerkt" in uit.getvalue()  # the same bytes: no new file, no new address
    amf.refresh_from_db()
    assert amf.huisstijl_logo.name == naam


def test_an_uploaded_file_carries_its_logo_as_a_data_uri_and_an_empty_one_removes_it(
    django_capture_on_commit_callbacks,
):
    from django.core.files.storage import default_storage

    from werkcentrum import regiodefinitie

    data = _amf_data()
    data["huisstijl"]["logo"] = _data_uri(beeld("WEBP"), "image/webp")
    regiodefinitie.laden(_lezen(data))
    amf = Arbeidsmarktregio.objects.get(code="amf")
    oud = amf.huisstijl_logo.name
    assert oud.endswith(".webp") and default_storage.exists(oud)
    assert amf.logo_url
    data["huisstijl"]["logo"] = ""
    with django_capture_on_commit_callbacks(execute=True):
        regiodefinitie.laden(_lezen(data))
    amf.refresh_from_db()
    assert not amf.huisstijl_logo
    assert amf.logo_url == ""
    assert not default_storage.exists(oud)  # no orphan file once the load stands


def test_a_file_name_in_an_upload_is_reported_not_loaded_and_the_rest_loads():
    from werkcentrum import regiodefinitie

    definitie = _lezen(_amf_data())  # no folder: an uploaded copy of the repository's file
    assert definitie.huisstijl_logo is None
    assert any("amf-logo.png" in m and "beheer" in m for m in definitie.meldingen)
    regiodefinitie.laden(definitie)
    assert not Arbeidsmarktregio.objects.get(code="amf").huisstijl_logo


@pytest.mark.parametrize(
    ("logo", "verwacht"),
    [
        ("data:image/svg+xml;base64,PHN2Zy8+", "data-URI van een PNG, JPEG of WebP"),
        ("data:image/png;base64,@@@", "base64 van het logo is niet geldig"),
        (_data_uri(b"\x89PNG\r\n\x1a\n niet echt"), "geen geldige afbeelding"),
        (_data_uri(beeld(maat=(4000, 40))), "hoogstens 2000 pixels breed"),
        (_data_uri(beeld("JPEG")), "JPEG-afbeelding"),
        (["lijst"], "moet tekst zijn"),
    ],
)
def test_a_wrong_logo_in_the_file_gets_a_message_and_writes_nothing(logo, verwacht):
    from werkcentrum import regiodefinitie

    data = _amf_data()
    data["huisstijl"]["logo"] = logo
    with pytest.raises(regiodefinitie.DefinitieFout) as fout:
        _lezen(data)
    assert any(f.startswith("huisstijl:") and verwacht in f for f in fout.value.fouten), (
        fout.value.fouten
    )
    assert not Arbeidsmarktregio.objects.filter(code="amf").exists()


def test_a_logo_file_name_may_not_leave_the_definitions_folder(tmp_path):
    from werkcentrum import regiodefinitie

    (tmp_path / "logo.png").write_bytes(beeld())
    data = _amf_data()
    for naam in ("../amf-logo.png", "/etc/passwd", ".verborgen.png", "ontbreekt.png"):
        data["huisstijl"]["logo"] = naam
        with pytest.raises(regiodefinitie.DefinitieFout):
            _lezen(data, map=tmp_path)
    data["huisstijl"]["logo"] = "logo.png"
    assert _lezen(data, map=tmp_path).huisstijl_logo.inhoud == beeld()


def test_the_upload_preview_says_what_happens_to_the_logo(client, superuser):
    import yaml
    from django.urls import reverse

    client.force_login(superuser)

    def voorbeeld(logo: str) -> str:
        data = _amf_data()
        data["huisstijl"]["logo"] = logo
        tekst = yaml.safe_dump(data, allow_unicode=True).encode()
        upload = SimpleUploadedFile("amf.yaml", tekst, content_type="application/yaml")
        return client.post(reverse("platform:regio_nieuw"), {"bestand": upload}).content.decode()

    pagina = voorbeeld(_data_uri(beeld()))
    assert "een afbeelding (.png" in pagina
    assert "Werkcentrum regio Amersfoort" in pagina
    assert "zit niet in het geüploade bestand" in voorbeeld("amf-logo.png")
    assert not Arbeidsmarktregio.objects.filter(code="amf").exists()  # a preview writes nothing
