"""One setting for the portal's address in mails (SITE_URL, werkcentrum.site.site_url)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import MedewerkerFactory
from werkcentrum.site import site_url

ROOT = Path(__file__).resolve().parents[2]


def _run_env(environ: dict) -> tuple[dict, str]:
    spec = importlib.util.spec_from_file_location("dev_script", ROOT / "scripts" / "dev.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.run_env(environ)


def test_dev_run_points_mail_links_at_its_own_port():
    env, port = _run_env({"PORT": "8123"})
    assert (port, env["SITE_URL"]) == ("8123", "http://127.0.0.1:8123")
    env, _port = _run_env({"PORT": "8123", "SITE_URL": "https://portaal.example.nl"})
    assert env["SITE_URL"] == "https://portaal.example.nl"


def _setting(**env_vars) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "PORT")}
    env.update(env_vars, DJANGO_SETTINGS_MODULE="werkcentrum.settings")
    script = "import django; django.setup(); from django.conf import settings; "
    script += "print(settings.SITE_URL)"
    uit = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=60, check=True,
    )  # fmt: skip
    return uit.stdout.strip()


def test_the_setting_comes_from_site_url_else_port():
    assert _setting(PORT="8124") == "http://127.0.0.1:8124"
    assert _setting(PORT="8124", SITE_URL="https://portaal.example.nl") == (
        "https://portaal.example.nl"
    )


@pytest.mark.django_db
def test_site_url_is_the_setting_unless_the_regio_has_its_own_served_host(settings, regio_a):
    settings.SITE_URL = "https://portaal.example.nl/"
    settings.ALLOWED_HOSTS = ["portaal.example.nl"]
    assert site_url() == "https://portaal.example.nl"
    assert site_url(regio_a) == "https://portaal.example.nl"
    # A host name this installation does not answer on would make every link dead.
    regio_a.hostnaam = "werkcentrum-zkij.nl"
    assert site_url(regio_a) == "https://portaal.example.nl"
    settings.ALLOWED_HOSTS = ["portaal.example.nl", "werkcentrum-zkij.nl"]
    assert site_url(regio_a) == "https://werkcentrum-zkij.nl"


@pytest.mark.django_db
def test_a_regio_host_keeps_the_scheme_and_port_of_the_dev_server(settings, regio_a):
    settings.SITE_URL = "http://127.0.0.1:8123"
    settings.ALLOWED_HOSTS = ["127.0.0.1", ".localhost"]
    regio_a.hostnaam = "zkij.localhost"
    assert site_url(regio_a) == "http://zkij.localhost:8123"


@pytest.mark.django_db
def test_a_mail_links_to_the_configured_address(settings, regio_a):
    from loket import mail as loket_mail
    from tests.loket.factories import VraagFactory

    settings.SITE_URL = "https://portaal.example.nl"
    gids = MedewerkerFactory(regio=regio_a, rollen=["gids"], email="gids@example.nl")
    vraag = VraagFactory(regio=regio_a)
    mail.outbox.clear()
    assert loket_mail.vraag_termijn_bijna(vraag, [gids]) == 1
    pad = reverse("loket:vraag", args=[vraag.pk])
    assert f"https://portaal.example.nl{pad}" in mail.outbox[0].body
