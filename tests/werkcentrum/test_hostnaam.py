"""Each regio on its own address: a request for a regio's host name shows that regio only,
links in mails come from the stored address (never from the request's Host header), and the
CSP stays strict on every address."""

from io import StringIO

import pytest
import time_machine
import yaml
from django.contrib.admin.sites import site as admin_site
from django.core import mail
from django.core.checks import run_checks
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client, RequestFactory
from django.urls import reverse

from tests.factories import MedewerkerFactory
from tests.loket.factories import VraagFactory
from tests.wsp.factories import VacatureFactory
from werkcentrum import regiodefinitie
from werkcentrum.models import Arbeidsmarktregio

pytestmark = pytest.mark.django_db

PORTAAL = "portaal.example.nl"
HOST_A = "werkcentrum-zkij.example.nl"
HOST_B = "werkcentrum-amersfoort.example.nl"


@pytest.fixture
def hosts(settings, regio_a, regio_b):
    """Regio A and B each on their own host name, the portal on PORTAAL."""
    settings.SITE_URL = f"https://{PORTAAL}"
    settings.ALLOWED_HOSTS = ["testserver", PORTAAL, HOST_A, HOST_B]
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    Arbeidsmarktregio.objects.filter(pk=regio_a.pk).update(hostnaam=HOST_A)
    Arbeidsmarktregio.objects.filter(pk=regio_b.pk).update(hostnaam=HOST_B)
    regio_a.refresh_from_db()
    regio_b.refresh_from_db()
    return regio_a, regio_b


# --- Host routing ----------------------------------------------------------------------------


def test_a_regio_host_serves_that_regio_and_never_another(hosts, client):
    regio_a, regio_b = hosts
    assert client.get("/", HTTP_HOST=HOST_A)["Location"] == f"/{regio_a.code}/"
    eigen = client.get(f"/{regio_a.code}/", HTTP_HOST=HOST_A)
    assert eigen.status_code == 200
    assert regio_a.naam in eigen.text
    for pad in (f"/{regio_b.code}/", f"/en/{regio_b.code}/", f"/{regio_b.code}/besluiten/"):
        assert client.get(pad, HTTP_HOST=HOST_A).status_code == 404, pad


@time_machine.travel("2025-03-15 10:00 +0100")
def test_a_regio_host_shows_none_of_the_other_regios_vacatures(hosts, client):
    regio_a, regio_b = hosts
    VacatureFactory(werkgever__regio=regio_b, functie="Hovenier Elders", is_openbaar=True)
    assert client.get(f"/{regio_b.code}/vacatures/", HTTP_HOST=HOST_A).status_code == 404
    assert "Hovenier Elders" not in client.get(f"/{regio_a.code}/vacatures/", HTTP_HOST=HOST_A).text
    assert "Hovenier Elders" in client.get(f"/{regio_b.code}/vacatures/", HTTP_HOST=HOST_B).text


def test_the_portal_address_keeps_every_regio_under_its_path_prefix(hosts, client):
    regio_a, regio_b = hosts
    for regio in (regio_a, regio_b):
        assert client.get(f"/{regio.code}/", HTTP_HOST=PORTAAL).status_code == 200


def test_an_unknown_host_is_refused(hosts, client):
    assert client.get("/", HTTP_HOST="aanvaller.example").status_code == 400


def test_the_csp_stays_strict_on_a_regio_host(hosts, client):
    regio_a, _regio_b = hosts
    Arbeidsmarktregio.objects.filter(pk=regio_a.pk).update(huisstijl_kleur="#8a1538")
    antwoord = client.get(f"/{regio_a.code}/", HTTP_HOST=HOST_A)
    csp = antwoord["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "style-src 'self'" in csp
    # The regio's look is a stylesheet of its own, not inline style.
    assert f'href="/huisstijl/{regio_a.code}.css"' in antwoord.text
    assert "<style" not in antwoord.text and " style=" not in antwoord.text


# --- Links in mails --------------------------------------------------------------------------


def test_mail_links_go_to_the_regios_own_host(hosts, django_capture_on_commit_callbacks):
    regio_a, _regio_b = hosts
    from loket import mail as loket_mail

    gids = MedewerkerFactory(regio=regio_a, rollen=["gids"])
    vraag = VraagFactory(regio=regio_a)
    loket_mail.vraag_termijn_bijna(vraag, [gids])
    pad = reverse("loket:vraag", args=[vraag.pk])
    assert f"https://{HOST_A}{pad}" in mail.outbox[0].body


def test_a_forged_host_header_does_not_change_a_mail_link(
    hosts, client, django_capture_on_commit_callbacks
):
    regio_a, _regio_b = hosts
    coordinator = MedewerkerFactory(regio=regio_a, rollen=["coordinator"])
    gids = MedewerkerFactory(regio=regio_a, rollen=["gids"], email="gids@example.nl")
    vraag = VraagFactory(regio=regio_a)
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(
            reverse("loket:vraag_toewijzen", args=[vraag.pk]), {"aan": gids.pk}, HTTP_HOST=HOST_B
        )
    assert antwoord.status_code == 302
    [bericht] = mail.outbox
    assert f"https://{HOST_A}{reverse('loket:vraag', args=[vraag.pk])}" in bericht.body
    assert HOST_B not in bericht.body


def test_a_password_reset_link_ignores_the_host_header(hosts, client):
    regio_a, _regio_b = hosts
    Arbeidsmarktregio.objects.filter(pk=regio_a.pk).update(hostnaam="")
    gids = MedewerkerFactory(regio=regio_a, rollen=["gids"], email="gids@example.nl")
    client.post(reverse("account_reset_password"), {"email": gids.email}, HTTP_HOST=HOST_B)
    [bericht] = mail.outbox
    assert f"https://{PORTAAL}/accounts/password/reset/key/" in bericht.body
    assert HOST_B not in bericht.body


# --- Where the host name is set --------------------------------------------------------------


def test_a_host_name_is_a_bare_lower_case_name(regio_a, settings):
    settings.SITE_URL = f"https://{PORTAAL}"
    regio_a.hostnaam = "werkcentrum-zkij.nl"
    regio_a.full_clean()
    for fout in (
        "https://werkcentrum-zkij.nl",
        "zkij.nl:8000",
        "zkij.nl/",
        "ZKIJ.nl",
        "zkij",
        PORTAAL,
    ):
        regio_a.hostnaam = fout
        with pytest.raises(ValidationError) as info:
            regio_a.full_clean()
        assert "hostnaam" in info.value.message_dict, fout


def _met_hostnaam(hostnaam) -> bytes:
    data = yaml.safe_load(regiodefinitie.bestand("amf").read_text())
    data["hostnaam"] = hostnaam
    return yaml.safe_dump(data, allow_unicode=True).encode()


def test_the_definition_file_sets_the_host_name_and_leaves_it_alone_when_silent(db):
    call_command("seed_regio", "amf", stdout=StringIO())
    regiodefinitie.laden(regiodefinitie.lezen(_met_hostnaam("Werkcentrum-Amersfoort.nl")))
    regio = Arbeidsmarktregio.objects.get(code="amf")
    assert regio.hostnaam == "werkcentrum-amersfoort.nl"
    call_command("seed_regio", "amf", stdout=StringIO())  # the file in the repository: silent
    regio.refresh_from_db()
    assert regio.hostnaam == "werkcentrum-amersfoort.nl"
    with pytest.raises(regiodefinitie.DefinitieFout) as fout:
        regiodefinitie.lezen(_met_hostnaam("https://amf.nl/"))
    assert any("hostnaam" in f for f in fout.value.fouten)


def test_the_definition_file_cannot_take_another_regios_host_name(regio_a):
    Arbeidsmarktregio.objects.filter(pk=regio_a.pk).update(hostnaam="werkcentrum.example.nl")
    with pytest.raises(regiodefinitie.DefinitieFout) as fout:
        regiodefinitie.laden(regiodefinitie.lezen(_met_hostnaam("werkcentrum.example.nl")))
    assert any("andere regio" in f for f in fout.value.fouten)


def test_only_the_platform_sets_a_regios_host_name_in_the_admin(regio_a):
    model_admin = admin_site._registry[Arbeidsmarktregio]
    request = RequestFactory().get("/")
    request.user = MedewerkerFactory(regio=regio_a, rollen=["beheerder"], is_staff=True)
    assert "hostnaam" in model_admin.get_readonly_fields(request, regio_a)
    request.user = MedewerkerFactory(regio=regio_a, is_staff=True, is_superuser=True)
    assert "hostnaam" not in model_admin.get_readonly_fields(request, regio_a)


def test_a_host_name_the_portal_does_not_serve_is_a_warning(regio_a, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    Arbeidsmarktregio.objects.filter(pk=regio_a.pk).update(hostnaam=HOST_A)
    ids = {c.id for c in run_checks(databases=["default"])}
    assert "werkcentrum.W001" in ids
    settings.ALLOWED_HOSTS = ["testserver", HOST_A]
    assert "werkcentrum.W001" not in {c.id for c in run_checks(databases=["default"])}


def test_the_english_site_on_a_regio_host(hosts):
    regio_a, _regio_b = hosts
    assert Client().get(f"/en/{regio_a.code}/", HTTP_HOST=HOST_A).status_code == 200
