"""Issue 20 point 1: one definition of the client address behind the trusted proxies, used by
the public form limits, the API throttles and allauth; the public forms count stored
submissions per regio and form, guard floods per regio and name another channel."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine
from django.core import mail
from django.test import Client, RequestFactory
from django.urls import reverse

from loket.models import LoketInstelling, Vraag
from tests.factories import OrganisatieFactory
from tests.loket.test_views import vraag_data
from werkcentrum.clientadres import client_adres, limiet_sleutel
from werkcentrum.models import Formulieralarm
from wsp.models import Werkgeversverzoek

pytestmark = pytest.mark.django_db

WSP_A = "/zkij/vacatures/ik-ben-werkgever/"
WSP_B = "/amersfoort/vacatures/ik-ben-werkgever/"
VRAAG_A = "/zkij/vraag/"
PROXY = "10.0.0.2"


@pytest.fixture(autouse=True)
def _midden_in_een_uur():
    # The limits count per clock hour: no test may straddle an hour boundary.
    with time_machine.travel(datetime(2026, 3, 4, 10, 20, tzinfo=UTC), tick=False):
        yield


def _verzoek(**extra) -> dict:
    return {
        "bedrijfsnaam": "Korenbloem",
        "kvk_nummer": "55556666",
        "contactnaam": "Sem",
        "email": "sem@korenbloem.example",
        "vraag": "Wij zoeken een bakker.",
        "website": "",
        **extra,
    }


@pytest.mark.parametrize(
    ("aantal", "remote", "xff", "verwacht"),
    [
        (0, "203.0.113.5", "192.0.2.1", "203.0.113.5"),  # no proxy: the header is forged
        (0, "203.0.113.5", "", "203.0.113.5"),
        (1, PROXY, "192.0.2.1, 198.51.100.4", "198.51.100.4"),  # what the proxy appended
        (1, PROXY, "198.51.100.4", "198.51.100.4"),
        (2, PROXY, "192.0.2.1, 198.51.100.4, 10.0.0.9", "198.51.100.4"),
        (2, PROXY, "198.51.100.4", PROXY),  # shorter than the chain: nothing vouched for
        (1, PROXY, "", PROXY),
        (1, PROXY, "192.0.2.1, niet-een-adres", PROXY),
        (1, PROXY, "2001:db8::1", "2001:db8::1"),
        (0, "", "", "onbekend"),
    ],
)
def test_het_clientadres_komt_uit_de_vertrouwde_proxyketen(settings, aantal, remote, xff, verwacht):
    settings.TRUSTED_PROXY_COUNT = aantal
    extra = {"HTTP_X_FORWARDED_FOR": xff} if xff else {}
    request = RequestFactory().post("/", REMOTE_ADDR=remote, **extra)
    assert client_adres(request) == verwacht


def test_een_ipv6_client_telt_als_een_64_netwerk(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    a = RequestFactory().post("/", REMOTE_ADDR="2001:db8:1:2::1")
    b = RequestFactory().post("/", REMOTE_ADDR="2001:db8:1:2:ffff::9")
    assert limiet_sleutel(a) == limiet_sleutel(b) == "2001:db8:1:2::"


def test_allauth_vraagt_het_adres_aan_dezelfde_helper(settings):
    from allauth.account.adapter import get_adapter

    settings.TRUSTED_PROXY_COUNT = 1
    request = RequestFactory().post("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="192.0.2.1, x")
    # An invalid proxy entry: allauth's own parser would return "x" or fail; ours the peer.
    assert get_adapter(request).get_client_ip(request) == PROXY


def test_achter_de_proxy_tellen_twee_clients_apart(client, regio_a, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.WSP_VERZOEKEN_PER_UUR_PER_ADRES = 2
    for _ in range(2):
        r = client.post(WSP_A, _verzoek(), REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.1")
        assert r.status_code == 302
    eerste = client.post(WSP_A, _verzoek(), REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert eerste.status_code == 429
    # Another visitor behind the same proxy is not that one.
    tweede = client.post(WSP_A, _verzoek(), REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.2")
    assert tweede.status_code == 302
    # Forging a first entry does not make the first visitor someone else.
    vervalst = client.post(
        WSP_A, _verzoek(), REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="192.0.2.77, 198.51.100.1"
    )
    assert vervalst.status_code == 429
    assert Werkgeversverzoek.objects.filter(regio=regio_a).count() == 3


def test_zonder_proxy_ontwijkt_een_vervalste_header_de_limiet_niet(client, regio_a, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    settings.WSP_VERZOEKEN_PER_UUR_PER_ADRES = 2
    codes = [
        client.post(
            WSP_A, _verzoek(), REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR=f"192.0.2.{i}"
        ).status_code
        for i in range(3)
    ]
    assert codes == [302, 302, 429]


def test_lege_ongeldige_en_honeypot_posts_verbruiken_de_limiet_niet(client, regio_a):
    LoketInstelling.objects.create(regio=regio_a, vragen_per_uur_per_adres=1)
    for _ in range(5):
        assert client.post(VRAAG_A, {}, REMOTE_ADDR="192.0.2.5").status_code == 400
        assert (
            client.post(VRAAG_A, vraag_data(tekst=""), REMOTE_ADDR="192.0.2.5").status_code == 400
        )
        bot = client.post(VRAAG_A, vraag_data(website="http://spam"), REMOTE_ADDR="192.0.2.5")
        assert bot.status_code == 400
    assert client.post(VRAAG_A, vraag_data(), REMOTE_ADDR="192.0.2.5").status_code == 302
    assert client.post(VRAAG_A, vraag_data(), REMOTE_ADDR="192.0.2.5").status_code == 429
    assert Vraag.objects.filter(regio=regio_a).count() == 1


def test_het_limiet_per_adres_geldt_per_regio(client, regio_a, regio_b, settings):
    settings.WSP_VERZOEKEN_PER_UUR_PER_ADRES = 1
    assert client.post(WSP_A, _verzoek(), REMOTE_ADDR="192.0.2.6").status_code == 302
    assert client.post(WSP_A, _verzoek(), REMOTE_ADDR="192.0.2.6").status_code == 429
    assert client.post(WSP_B, _verzoek(), REMOTE_ADDR="192.0.2.6").status_code == 302


def test_een_vloed_in_regio_a_sluit_regio_b_niet_en_alarmeert_de_beheerder_eenmaal(
    client, regio_a, regio_b, settings, maak_gebruiker, django_capture_on_commit_callbacks
):
    settings.FORMULIEREN_PER_REGIO_PER_UUR = 3
    beheerder = maak_gebruiker("beheerder")
    maak_gebruiker("beheerder", regio=regio_b)
    maak_gebruiker("gids")
    with django_capture_on_commit_callbacks(execute=True):
        codes = [
            client.post(WSP_A, _verzoek(), REMOTE_ADDR=f"192.0.2.{i}").status_code
            for i in range(10, 15)
        ]
    assert codes == [302, 302, 302, 429, 429]
    geweigerd = client.post(WSP_A, _verzoek(), REMOTE_ADDR="192.0.2.99")
    assert "erg veel verzoeken" in geweigerd.content.decode()
    # Regio B's form is open, and so is regio A's other form.
    assert client.post(WSP_B, _verzoek(), REMOTE_ADDR="192.0.2.10").status_code == 302
    assert client.post(VRAAG_A, vraag_data(), REMOTE_ADDR="192.0.2.10").status_code == 302
    # One alarm, one mail, to regio A's beheerder only.
    assert Formulieralarm.objects.filter(regio=regio_a, formulier="wsp:verzoek").count() == 1
    assert not Formulieralarm.objects.filter(regio=regio_b).exists()
    alarmen = [m for m in mail.outbox if "Veel inzendingen" in m.subject]
    assert len(alarmen) == 1 and alarmen[0].to == [beheerder.email]
    assert "Ik ben werkgever" in alarmen[0].subject


def test_het_alarm_mailt_eenmaal_ook_als_de_taak_twee_keer_draait(regio_a, maak_gebruiker):
    from werkcentrum.tasks import formulieralarm_mailen

    maak_gebruiker("beheerder")
    alarm = Formulieralarm.objects.create(
        regio=regio_a, formulier="loket:vraag", venster=datetime(2026, 3, 4, 10, tzinfo=UTC)
    )
    assert formulieralarm_mailen(alarm.pk) == 1
    assert formulieralarm_mailen(alarm.pk) == 0
    assert len(mail.outbox) == 1


def test_de_weigering_noemt_een_ander_kanaal(client, regio_a, settings):
    OrganisatieFactory(
        regio=regio_a, type="werkcentrum", naam="Werkcentrum ZKIJ", telefoon="023 123 4567"
    )
    OrganisatieFactory(regio=regio_a, type="wsp", naam="WSP ZKIJ", telefoon="023 765 4321")
    LoketInstelling.objects.create(regio=regio_a, vragen_per_uur_per_adres=1)
    client.post(VRAAG_A, vraag_data(), REMOTE_ADDR="192.0.2.7")
    html = client.post(VRAAG_A, vraag_data(), REMOTE_ADDR="192.0.2.7").content.decode()
    assert "023 123 4567" in html
    assert reverse("loket_publiek:spreekuren", kwargs={"regio": "zkij"}) in html
    settings.WSP_VERZOEKEN_PER_UUR_PER_ADRES = 1
    client.post(WSP_A, _verzoek(), REMOTE_ADDR="192.0.2.7")
    html = client.post(WSP_A, _verzoek(), REMOTE_ADDR="192.0.2.7").content.decode()
    assert "023 765 4321" in html


def test_een_vervalste_header_omzeilt_de_anonieme_api_limiet_niet(regio_a, settings):
    from rest_framework.settings import api_settings

    settings.TRUSTED_PROXY_COUNT = 0
    limiet = int(api_settings.DEFAULT_THROTTLE_RATES["anon"].split("/")[0])
    url = reverse("rba-openbaar-besluit-list")
    codes = [
        Client(REMOTE_ADDR="203.0.113.78", HTTP_X_FORWARDED_FOR=f"192.0.2.{i}")
        .get(url, {"regio": regio_a.code})
        .status_code
        for i in range(limiet + 1)
    ]
    assert codes[-1] == 429


def test_achter_de_proxy_heeft_elke_api_client_een_eigen_limiet(regio_a, settings):
    from rest_framework.settings import api_settings

    settings.TRUSTED_PROXY_COUNT = 1
    limiet = int(api_settings.DEFAULT_THROTTLE_RATES["anon"].split("/")[0])
    url = reverse("rba-openbaar-besluit-list")
    een = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.1")
    codes = [een.get(url, {"regio": regio_a.code}).status_code for _ in range(limiet + 1)]
    assert codes[-1] == 429
    ander = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.2")
    assert ander.get(url, {"regio": regio_a.code}).status_code == 200
    # The first client forging an extra entry is still the first client.
    vervalst = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="192.0.2.1, 198.51.100.1")
    assert vervalst.get(url, {"regio": regio_a.code}).status_code == 429


def test_de_api_krijgt_het_aantal_proxies_uit_dezelfde_instelling():
    from django.conf import settings

    assert settings.REST_FRAMEWORK["NUM_PROXIES"] == settings.TRUSTED_PROXY_COUNT
