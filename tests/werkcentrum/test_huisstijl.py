"""Each regio its own look: a brand colour from the definition file becomes design tokens in a
stylesheet per regio (no inline style, so the CSP stays strict); a colour white text cannot be
read on is refused."""

from io import StringIO

import pytest
import yaml
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client

from tests.factories import MedewerkerFactory
from werkcentrum import regiodefinitie
from werkcentrum.huisstijl import kleur_validator
from werkcentrum.models import Arbeidsmarktregio

pytestmark = pytest.mark.django_db


@pytest.fixture
def twee_regios():
    call_command("seed_regio", "zkij", stdout=StringIO())
    call_command("seed_regio", "amf", stdout=StringIO())


def test_a_colour_white_text_cannot_be_read_on_is_refused():
    kleur_validator("#154273")
    for fout in ("#ffd500", "#e8f0fa", "154273", "#15427", "rood"):
        with pytest.raises(ValidationError):
            kleur_validator(fout)


def test_the_definition_file_sets_the_colour_and_a_wrong_one_writes_nothing(twee_regios):
    assert Arbeidsmarktregio.objects.get(code="amf").huisstijl_kleur == "#8a1538"
    assert Arbeidsmarktregio.objects.get(code="zkij").huisstijl_kleur == ""
    data = yaml.safe_load(regiodefinitie.bestand("amf").read_text())
    data["huisstijl"] = {"kleur": "#ffd500"}
    with pytest.raises(regiodefinitie.DefinitieFout) as fout:
        regiodefinitie.lezen(yaml.safe_dump(data, allow_unicode=True))
    assert any("huisstijl" in f and "te licht" in f for f in fout.value.fouten)
    assert Arbeidsmarktregio.objects.get(code="amf").huisstijl_kleur == "#8a1538"


def test_public_pages_take_their_regios_tokens(twee_regios):
    client = Client()
    amf = client.get("/amf/").content.decode()
    assert '<link rel="stylesheet" href="/huisstijl/amf.css">' in amf
    css = client.get("/huisstijl/amf.css")
    assert css["Content-Type"].startswith("text/css")
    assert "--utrecht-color-blue-30: #8a1538;" in css.content.decode()
    # ZKIJ keeps the default look; its stylesheet overrides nothing.
    assert "--utrecht-color" not in client.get("/huisstijl/zkij.css").content.decode()
    assert client.get("/huisstijl/onbekend.css").status_code == 404


def test_staff_pages_take_the_medewerkers_regio(twee_regios, settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    amf = Arbeidsmarktregio.objects.get(code="amf")
    client = Client()
    client.force_login(MedewerkerFactory(regio=amf, rollen=["gids"]))
    html = client.get("/werkplek/").content.decode()
    assert f'href="/huisstijl/id/{amf.pk}.css"' in html
    assert "#8a1538" in client.get(f"/huisstijl/id/{amf.pk}.css").content.decode()
