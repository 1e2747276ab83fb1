"""The platform beheerder adds a regio in the browser: upload, preview, confirm, hand over."""

import pytest
import yaml
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from werkcentrum import regiodefinitie
from werkcentrum.models import Arbeidsmarktregio, Gemeente, Medewerker

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _zonder_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False  # two-factor itself is proved elsewhere


def bestand(tekst: str | bytes, naam: str = "amf.yaml") -> SimpleUploadedFile:
    if isinstance(tekst, str):
        tekst = tekst.encode()
    return SimpleUploadedFile(naam, tekst, content_type="application/yaml")


def amf() -> str:
    return regiodefinitie.bestand("amf").read_text()


@pytest.fixture
def platform(client, superuser):
    client.force_login(superuser)
    return client


def test_preview_shows_what_the_file_creates_and_writes_nothing(platform):
    antwoord = platform.post(reverse("platform:regio_nieuw"), {"bestand": bestand(amf())})
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Voorbeeld: regio Amersfoort" in html
    assert "GM0317" in html and "Eemnes" in html
    assert "Bevestigen en aanmaken" in html
    # The file's sections in words, not in Python's notation.
    assert "eigen: Defensie en veiligheid (defensie); verbergen: beveiliging" in html
    assert "antwoord_werkdagen: 2;" in html and "{&#x27;" not in html and "[&#x27;" not in html
    assert not Arbeidsmarktregio.objects.filter(code="amf").exists()


def test_confirming_the_preview_creates_the_regio(platform):
    voorbeeld = platform.post(reverse("platform:regio_nieuw"), {"bestand": bestand(amf())})
    kenmerk = voorbeeld.context["kenmerk"]
    antwoord = platform.post(reverse("platform:regio_bevestigen"), {"kenmerk": kenmerk})
    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse("platform:regio", args=["amf"])
    assert Gemeente.objects.filter(regio__code="amf").count() == 7
    pagina = platform.get(antwoord["Location"])
    assert "Regio Amersfoort is geladen." in pagina.content.decode()
    # The same confirmation again does nothing: the preview is used up.
    opnieuw = platform.post(reverse("platform:regio_bevestigen"), {"kenmerk": kenmerk})
    assert opnieuw["Location"] == reverse("platform:regio_nieuw")


def test_a_changed_preview_cannot_be_confirmed(platform):
    platform.post(reverse("platform:regio_nieuw"), {"bestand": bestand(amf())})
    antwoord = platform.post(reverse("platform:regio_bevestigen"), {"kenmerk": "0" * 64})
    assert antwoord["Location"] == reverse("platform:regio_nieuw")
    assert not Arbeidsmarktregio.objects.filter(code="amf").exists()


def test_a_wrong_file_shows_every_problem_next_to_the_field(platform):
    data = yaml.safe_load(amf())
    data["gemeenten"][0].pop("centrumgemeente")
    data["gemeenten"][1]["cbs"] = "GM12"
    antwoord = platform.post(
        reverse("platform:regio_nieuw"), {"bestand": bestand(yaml.safe_dump(data))}
    )
    assert antwoord.status_code == 400
    html = antwoord.content.decode()
    assert "geen centrumgemeente" in html
    assert "&#x27;GM12&#x27; is geen CBS-gemeentecode" in html
    assert "<title>Fout:" in html
    assert not Arbeidsmarktregio.objects.filter(code="amf").exists()


@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [(b"\xff\xfe", "geen tekst in UTF-8"), (b"code: [", "geen geldige YAML")],
)
def test_unreadable_files_get_a_dutch_message(platform, inhoud, melding):
    antwoord = platform.post(reverse("platform:regio_nieuw"), {"bestand": bestand(inhoud)})
    assert antwoord.status_code == 400
    assert melding in antwoord.content.decode()


def test_the_regio_is_handed_to_a_beheerder_who_gets_a_link(platform):
    regiodefinitie.laden(regiodefinitie.lezen(amf()))
    antwoord = platform.post(
        reverse("platform:regio", args=["amf"]),
        {"voornaam": "Noor", "achternaam": "Fictief", "email": "Noor@Example.org"},
    )
    assert antwoord.status_code == 302
    beheerder = Medewerker.objects.get(email="noor@example.org")
    assert beheerder.regio.code == "amf"
    assert beheerder.heeft_rol("beheerder")
    assert not beheerder.has_usable_password()
    assert beheerder.organisatie.naam == "Werkcentrum regio Amersfoort"


def test_the_new_beheerder_gets_a_mail_to_choose_a_password(platform):
    regiodefinitie.laden(regiodefinitie.lezen(amf()))
    platform.post(
        reverse("platform:regio", args=["amf"]),
        {"voornaam": "Noor", "achternaam": "Fictief", "email": "noor@example.org"},
    )
    assert [m.to for m in mail.outbox] == [["noor@example.org"]]
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


def test_overview_counts_people_and_flags_a_regio_without_beheerder(platform, maak_gebruiker):
    maak_gebruiker("gids")
    maak_gebruiker("beheerder")
    regiodefinitie.laden(regiodefinitie.lezen(amf()))
    antwoord = platform.get(reverse("platform:overzicht"))
    regios = {r.code: r for r in antwoord.context["regios"]}
    assert regios["zkij"].medewerkers_actief == 2 and regios["zkij"].beheerders == 1
    assert regios["amf"].medewerkers_actief == 0 and regios["amf"].beheerders == 0
    assert "geen" in antwoord.content.decode()


def test_only_the_platform_beheerder_gets_in(client, maak_gebruiker):
    client.force_login(maak_gebruiker("beheerder"))
    for url in (
        reverse("platform:overzicht"),
        reverse("platform:regio_nieuw"),
        reverse("platform:regio", args=["zkij"]),
    ):
        assert client.get(url).status_code == 403
    assert client.post(reverse("platform:regio_bevestigen"), {"kenmerk": "x"}).status_code == 403
