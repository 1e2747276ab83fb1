"""A list page kept whole per process (werkcentrum.rijen.lijstpagina): answered without
rendering while its kept list is the same, with the request's own CSRF token, and rendered
again for a change, a message or other permissions."""

from __future__ import annotations

import dataclasses
import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.exceptions import ImproperlyConfigured
from django.test import Client, RequestFactory
from django.utils.safestring import mark_safe

from tests.wsp.factories import WerkgeverFactory
from werkcentrum import rijen
from werkcentrum.rijen import lijstpagina

pytestmark = pytest.mark.django_db

URL = "/wsp/werkgevers/"
SJABLOON = "wsp/werkgevers.html"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def adviseur(maak_gebruiker, settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    # The check renders every page again to compare; here the keeping itself is looked at.
    settings.WERKCENTRUM_LIJSTEN_CONTROLEREN = False
    return maak_gebruiker("wsp_adviseur")


@pytest.fixture
def paginas(monkeypatch):
    """The list pages rendered through `lijstpagina`, by template name."""
    gerenderd: list[str] = []
    origineel = rijen.render_to_string

    def spion(naam, *args, **kwargs):
        if naam == SJABLOON:
            gerenderd.append(naam)
        return origineel(naam, *args, **kwargs)

    monkeypatch.setattr(rijen, "render_to_string", spion)
    return gerenderd


def test_a_page_asked_again_is_not_rendered_again(adviseur, paginas, regio_a):
    WerkgeverFactory(regio=regio_a, naam="Bakkerij Bol")
    client = Client()
    client.force_login(adviseur)
    eerst = client.get(URL)
    daarna = client.get(URL)
    assert paginas == [SJABLOON]
    assert daarna.status_code == 200
    assert "Bakkerij Bol" in daarna.content.decode()
    zonder_token = [TOKEN.sub("", r.content.decode()) for r in (eerst, daarna)]
    assert zonder_token[0] == zonder_token[1]


def test_a_change_shows_at_once(adviseur, paginas, regio_a):
    client = Client()
    client.force_login(adviseur)
    assert "Bakkerij Bol" not in client.get(URL).content.decode()
    WerkgeverFactory(regio=regio_a, naam="Bakkerij Bol")
    assert "Bakkerij Bol" in client.get(URL).content.decode()
    assert paginas == [SJABLOON, SJABLOON]


def test_each_response_has_its_own_valid_csrf_token(adviseur, regio_a):
    client = Client(enforce_csrf_checks=True)
    client.force_login(adviseur)
    tokens = [TOKEN.search(client.get(URL).content.decode()).group(1) for _ in range(2)]
    assert tokens[0] != tokens[1]  # masked per response, never the kept placeholder
    assert not any(t.startswith("wc-") for t in tokens)
    uitgelogd = client.post("/accounts/logout/", {"csrfmiddlewaretoken": tokens[1]})
    assert uitgelogd.status_code == 302


def test_a_message_to_show_is_rendered_into_the_page(adviseur, paginas, regio_a):
    client = Client()
    client.force_login(adviseur)
    client.get(URL)
    opslag = CookieStorage(RequestFactory().get("/"))
    client.cookies["messages"] = opslag._encode([Message(constants.SUCCESS, "Werkgever bewaard")])
    met_melding = client.get(URL).content.decode()
    assert "Werkgever bewaard" in met_melding
    assert "Werkgever bewaard" not in client.get(URL).content.decode()  # shown once
    # The page with the message was rendered apart and not kept; the last one is the kept one.
    assert paginas == [SJABLOON]


def test_other_permissions_get_their_own_page(adviseur, maak_gebruiker):
    client = Client()
    client.force_login(maak_gebruiker("rba_secretariaat"))
    url, knop = "/rba/vergaderingen/", "/rba/vergaderingen/nieuw/"
    assert knop in client.get(url).content.decode()
    groep = Group.objects.get(name="rba_secretariaat")
    groep.permissions.remove(Permission.objects.get(codename="add_vergadering"))
    assert knop not in client.get(url).content.decode()


def test_the_tests_fail_a_page_that_depends_on_more_than_its_keys(adviseur, settings):
    verzoek = RequestFactory().get(URL)
    verzoek.user = adviseur
    verzoek._messages = CookieStorage(verzoek)
    getoond = rijen.Lijst(
        pagina=None,
        rijen=rijen.Rijen(mark_safe("<p>rij</p>"), (), 1),
        filterformulier=mark_safe(""),
        invoer=(),
        bijlagen={},
        kenmerk="vast-kenmerk",
    )
    sjabloon = "loket/gesprekken.html"
    lijstpagina(verzoek, sjabloon, getoond)
    getoond = dataclasses.replace(getoond, rijen=rijen.Rijen(mark_safe("<p>andere rij</p>"), (), 1))
    # Without the check the kept page would hide the other rows, which is why it exists.
    assert "andere rij" not in lijstpagina(verzoek, sjabloon, getoond).content.decode()
    settings.WERKCENTRUM_LIJSTEN_CONTROLEREN = True
    with pytest.raises(ImproperlyConfigured, match="meer dan zijn sleutels"):
        lijstpagina(verzoek, sjabloon, getoond)
