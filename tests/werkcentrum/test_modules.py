"""Which modules a regio uses is a setting: a regio that keeps its reserve elsewhere hides
financien (pages, API, werkplek), one without the RBA in the portal has no besluitenlijst,
and the other regio's keep theirs."""

from io import StringIO

import pytest
import yaml
from django.core.management import call_command
from django.test import Client

from tests.factories import MedewerkerFactory
from werkcentrum import regiodefinitie
from werkcentrum.models import Arbeidsmarktregio

pytestmark = pytest.mark.django_db


@pytest.fixture
def regios(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    call_command("seed_regio", "zkij", stdout=StringIO())
    data = yaml.safe_load(regiodefinitie.bestand("amf").read_text())
    data["modules"] = ["wsp"]
    regiodefinitie.laden(regiodefinitie.lezen(yaml.safe_dump(data, allow_unicode=True)))
    return Arbeidsmarktregio.objects.get(code="zkij"), Arbeidsmarktregio.objects.get(code="amf")


def _ingelogd(regio, rol):
    client = Client()
    client.force_login(MedewerkerFactory(regio=regio, rollen=[rol]))
    return client


def test_the_definition_file_says_which_modules(regios):
    zkij, amf = regios
    assert zkij.modules == ["wsp", "rba", "financien"]
    assert amf.modules == ["wsp"]
    data = yaml.safe_load(regiodefinitie.bestand("amf").read_text())
    data["modules"] = ["wsp", "boekhouding"]
    with pytest.raises(regiodefinitie.DefinitieFout) as fout:
        regiodefinitie.lezen(yaml.safe_dump(data, allow_unicode=True))
    assert any(f.startswith("modules:") for f in fout.value.fouten)


def test_a_switched_off_module_is_gone_for_that_regio_only(regios):
    zkij, amf = regios
    for regio, zichtbaar in ((zkij, True), (amf, False)):
        client = _ingelogd(regio, "financieel_beheerder")
        assert client.get("/financien/reserve/").status_code == (200 if zichtbaar else 404)
        assert client.get("/api/v1/financien/mutaties/").status_code == (200 if zichtbaar else 404)
        werkplek = client.get("/werkplek/").content.decode()
        assert ('href="/financien/' in werkplek) is zichtbaar


def test_the_public_besluitenlijst_follows_the_regios_modules(regios):
    client = Client()
    assert client.get("/zkij/besluiten/").status_code == 200
    assert client.get("/amf/besluiten/").status_code == 404
    # The loket is the Werkcentrum itself: always there; the WSP's vacaturekrant is on.
    assert client.get("/amf/").status_code == 200
    assert client.get("/amf/vacatures/").status_code == 200
