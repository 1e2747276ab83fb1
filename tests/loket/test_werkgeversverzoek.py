"""Issue 23 point 3: a gids records a werkgeversverzoek for a werkgever at the loket."""

import pytest
import time_machine
from django.core import mail

from wsp.models import Werkgeversverzoek

from ..wsp.factories import WerkgeverFactory

pytestmark = pytest.mark.django_db

LOKET_URL = "/loket/werkgeversverzoek/"
PUBLIEK_URL = "/zkij/vacatures/ik-ben-werkgever/"


@pytest.fixture(autouse=True)
def _geen_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


@pytest.fixture
def gids(maak_gebruiker):
    return maak_gebruiker("gids", first_name="Gijs", last_name="Gids")


@pytest.fixture
def manager(maak_gebruiker):
    return maak_gebruiker("wsp_manager", email="manager@wsp.example")


def _gegevens(**extra) -> dict:
    return {
        "bedrijfsnaam": "Bakkerij Korenbloem",
        "kvk_nummer": "",
        "contactnaam": "Sem Voorbeeld",
        "email": "sem@korenbloem.example",
        "telefoon": "023 123 4567",
        "vraag": "Wij zoeken twee bakkers.",
        **extra,
    }


def _vastleggen(client, gebruiker, capture, **extra):
    client.force_login(gebruiker)
    with capture(execute=True):
        return client.post(LOKET_URL, _gegevens(**{"bron": "spreekuur", **extra}), follow=True)


def _publiek(client, capture, **extra):
    client.logout()
    with capture(execute=True):
        return client.post(PUBLIEK_URL, _gegevens(website="", **extra))


@pytest.mark.parametrize("bekend", [True, False], ids=["accounthouder", "clusterwachtrij"])
@time_machine.travel("2025-03-14 16:30 +0100", tick=False)
def test_loket_verzoek_is_routed_timed_and_mailed_as_the_public_form(
    client, gids, manager, regio_a, bekend, django_capture_on_commit_callbacks
):
    werkgever = WerkgeverFactory(regio=regio_a, kvk_nummer="55556666")
    kvk = {"kvk_nummer": "55556666"} if bekend else {}

    assert _publiek(client, django_capture_on_commit_callbacks, **kvk).status_code == 302
    r = _vastleggen(client, gids, django_capture_on_commit_callbacks, **kvk)

    assert r.status_code == 200
    publiek, loket = Werkgeversverzoek.objects.order_by("pk")
    assert (loket.bron, loket.ingevoerd_door) == ("spreekuur", gids)
    assert (publiek.bron, publiek.ingevoerd_door) == ("website", None)
    for veld in ("regio", "werkgever", "toegewezen_aan", "sector", "cluster", "deadline"):
        assert getattr(loket, veld) == getattr(publiek, veld), veld
    verwacht = [werkgever.accounthouder.email] if bekend else [manager.email]
    assert [m.to for m in mail.outbox] == [verwacht, verwacht]
    assert mail.outbox[0].subject == mail.outbox[1].subject
    assert f"/wsp/verzoeken/{loket.pk}/" in mail.outbox[1].body


@time_machine.travel("2025-03-14 16:30 +0100", tick=False)
def test_gids_sees_reference_and_deadline_but_not_the_wsp_page(
    client, gids, manager, django_capture_on_commit_callbacks
):
    r = _vastleggen(client, gids, django_capture_on_commit_callbacks, bron="telefoon_loket")
    verzoek = Werkgeversverzoek.objects.get()
    body = r.content.decode()
    assert r.redirect_chain[-1][0] == LOKET_URL
    assert f"referentie {verzoek.pk}" in body
    assert "15 maart 2025 16:30" in body  # 24 hours after 14 March 16:30
    assert verzoek.bron == Werkgeversverzoek.Bron.TELEFOON_LOKET
    assert client.get(f"/wsp/verzoeken/{verzoek.pk}/").status_code == 403
    assert client.get("/wsp/verzoeken/").status_code == 403


def test_the_wsp_sees_who_at_the_loket_recorded_it(
    client, gids, manager, kies_doel, django_capture_on_commit_callbacks
):
    _vastleggen(client, gids, django_capture_on_commit_callbacks)
    verzoek = Werkgeversverzoek.objects.get()
    client.force_login(manager)
    kies_doel(client, verzoek)
    body = client.get(f"/wsp/verzoeken/{verzoek.pk}/").content.decode()
    assert "Spreekuur (loket), ingevoerd door Gijs Gids" in body


def test_bad_input_keeps_the_input_with_dutch_errors_and_stores_nothing(client, gids):
    client.force_login(gids)
    r = client.post(
        LOKET_URL, _gegevens(bron="", kvk_nummer="12", email="geen-mail", contactnaam="")
    )
    assert r.status_code == 400
    body = r.content.decode()
    assert "precies 8 cijfers" in body
    assert "Voer een geldig e-mailadres in" in body
    assert "Dit veld is vereist" in body
    assert "Bakkerij Korenbloem" in body and "Wij zoeken twee bakkers." in body
    assert not Werkgeversverzoek.objects.exists()
    assert mail.outbox == []


def test_a_bron_outside_the_loket_is_refused(client, gids):
    client.force_login(gids)
    r = client.post(LOKET_URL, _gegevens(bron="website"))
    assert r.status_code == 400
    assert not Werkgeversverzoek.objects.exists()


def test_gids_of_another_regio_records_in_its_own_regio_only(
    client, maak_gebruiker, regio_a, regio_b, manager, django_capture_on_commit_callbacks
):
    """Routing by KvK looks only in the gids' regio, the mail goes to that regio's WSP, and
    regio A's WSP cannot open the verzoek."""
    WerkgeverFactory(regio=regio_a, kvk_nummer="55556666")
    gids_b = maak_gebruiker("gids", regio=regio_b)
    manager_b = maak_gebruiker("wsp_manager", regio=regio_b, email="manager@b.example")
    _vastleggen(client, gids_b, django_capture_on_commit_callbacks, kvk_nummer="55556666")
    verzoek = Werkgeversverzoek.objects.get()
    assert verzoek.regio == regio_b and verzoek.werkgever is None
    assert [m.to for m in mail.outbox] == [[manager_b.email]]
    client.force_login(manager)
    assert client.get(f"/wsp/verzoeken/{verzoek.pk}/").status_code == 404
    assert not Werkgeversverzoek.objects.voor(manager).exists()


@pytest.mark.parametrize("rol", ["partnermedewerker", "wsp_adviseur", "rba_lid", "beheerder"])
def test_other_roles_are_refused(client, maak_gebruiker, rol):
    client.force_login(maak_gebruiker(rol))
    assert client.get(LOKET_URL).status_code == 403
    assert client.post(LOKET_URL, _gegevens(bron="spreekuur")).status_code == 403
    assert not Werkgeversverzoek.objects.exists()


def test_anonymous_is_sent_to_login(client, db):
    r = client.post(LOKET_URL, _gegevens(bron="spreekuur"))
    assert r.status_code == 302 and "login" in r["Location"]
    assert not Werkgeversverzoek.objects.exists()


def test_werkplek_and_gesprek_pages_link_to_the_form(client, gids):
    client.force_login(gids)
    assert LOKET_URL in client.get("/werkplek/").content.decode()
    assert LOKET_URL in client.get("/loket/gesprekken/nieuw/").content.decode()
