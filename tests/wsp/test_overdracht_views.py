"""The WSP's pages of the warme overdracht: the inbox, one handover, accept and return."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import GemeenteFactory
from tests.queries import sessie_queries
from tests.wsp.factories import OverdrachtFactory, VacatureFactory
from werkcentrum.models import AuditEvent
from wsp.models import Kandidaat, Overdracht

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _zonder_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


@pytest.fixture
def consulent(maak_gebruiker, uwv):
    return maak_gebruiker(
        "partnermedewerker", organisatie=uwv, first_name="Carla", last_name="Consulent"
    )


@pytest.fixture
def van_uwv(regio_a, uwv, consulent, haarlem):
    return OverdrachtFactory(
        regio=regio_a,
        bron=Overdracht.Bron.UWV,
        organisatie=uwv,
        aangeboden_door=consulent,
        voornaam="Sanne",
        achternaam="Voorbeeld",
        woongemeente=haarlem,
        toestemming_gegevens="naam, contactgegevens en wensen",
    )


def _detail(client, overdracht, kies_doel):
    kies_doel(client, overdracht, "bemiddeling")
    return client.get(reverse("wsp:overdracht", args=[overdracht.pk]))


# --- the inbox ----------------------------------------------------------------------------


def test_inbox_opens_on_offers_waiting_and_filters(client, adviseur, regio_a, van_uwv, haarlem):
    beslist = OverdrachtFactory(
        regio=regio_a, status=Overdracht.Status.TERUGGEGEVEN, reden_teruggave="Nog niet werkfit"
    )
    heemstede = GemeenteFactory(regio=regio_a, naam="Heemstede")
    loket = OverdrachtFactory(regio=regio_a, voornaam="Piet", woongemeente=heemstede)
    vacature = VacatureFactory(werkgever__regio=regio_a)
    voor_vacature = OverdrachtFactory(regio=regio_a, voornaam="Vera", vacature=vacature)
    client.force_login(adviseur)

    def pks(**params):
        response = client.get(reverse("wsp:overdrachten"), params)
        assert response.status_code == 200
        return {o.pk for o in response.context["rows"]}

    assert pks() == {van_uwv.pk, loket.pk, voor_vacature.pk}
    assert pks(status="") == {van_uwv.pk, loket.pk, voor_vacature.pk, beslist.pk}
    assert pks(status="teruggegeven") == {beslist.pk}
    assert pks(bron="uwv") == {van_uwv.pk}
    assert pks(gemeente=heemstede.pk) == {loket.pk}
    assert pks(vacature=vacature.pk) == {voor_vacature.pk}
    assert pks(zoek="sanne voorb") == {van_uwv.pk}
    html = client.get(reverse("wsp:overdrachten")).content.decode()
    assert "3 overdrachten" in html and "UWV Haarlem (UWV)" in html and "Aangeboden" in html


def test_inbox_shows_the_ketenstatus_and_pages(client, adviseur, regio_a):
    for _ in range(27):
        OverdrachtFactory(regio=regio_a)
    client.force_login(adviseur)
    eerste = client.get(reverse("wsp:overdrachten"))
    assert len(eerste.context["rows"]) == 25
    tweede = client.get(reverse("wsp:overdrachten"), {"pagina": 2})
    assert len(tweede.context["rows"]) == 2
    assert "Ketenstatus" in tweede.content.decode()


def test_inbox_logs_the_persons_shown(client, adviseur, regio_a, van_uwv):
    elders = OverdrachtFactory(regio=regio_a, status=Overdracht.Status.INGETROKKEN)
    client.force_login(adviseur)
    client.get(reverse("wsp:overdrachten"))
    event = AuditEvent.objects.get(event="wsp_overdrachtenlijst_ingezien")
    assert event.gebruiker == adviseur
    assert event.details["overdrachten"] == [van_uwv.pk]
    assert elders.pk not in event.details["overdrachten"]


def test_inbox_of_another_regio_shows_none_of_ours(client, maak_gebruiker, regio_b, van_uwv):
    client.force_login(maak_gebruiker("wsp_adviseur", regio=regio_b))
    response = client.get(reverse("wsp:overdrachten"), {"status": ""})
    assert response.context["rows"] == []
    assert not AuditEvent.objects.filter(event="wsp_overdrachtenlijst_ingezien").exists()


def test_inbox_costs_the_same_number_of_queries_for_one_or_many(client, adviseur, regio_a):
    OverdrachtFactory(regio=regio_a)
    client.force_login(adviseur)
    client.get(reverse("wsp:overdrachten"))  # a first request saves the session

    def tellen() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("wsp:overdrachten")).status_code == 200
        transactie = re.compile(r"^(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)", re.I)
        return sum(not transactie.match(q["sql"]) for q in ctx.captured_queries)

    een = tellen()
    for _ in range(12):
        OverdrachtFactory(regio=regio_a, vacature=VacatureFactory(werkgever__regio=regio_a))
    assert tellen() == een <= 10 + sessie_queries()


@pytest.mark.parametrize("rol", ["gids", "coordinator", "partnermedewerker", "rba_lid"])
def test_other_roles_are_refused(client, maak_gebruiker, van_uwv, rol):
    client.force_login(maak_gebruiker(rol))
    assert client.get(reverse("wsp:overdrachten")).status_code == 403
    assert client.get(reverse("wsp:overdracht", args=[van_uwv.pk])).status_code == 403
    for naam in ("wsp:overdracht_aannemen", "wsp:overdracht_teruggeven"):
        assert (
            client.post(reverse(naam, args=[van_uwv.pk]), {"reden_teruggave": "x"}).status_code
            == 403
        )
    assert Overdracht.objects.get(pk=van_uwv.pk).status == Overdracht.Status.AANGEBODEN


def test_partner_who_offered_it_is_refused_too(client, consulent, van_uwv):
    client.force_login(consulent)
    assert client.get(reverse("wsp:overdracht", args=[van_uwv.pk])).status_code == 403


def test_another_regio_gets_404(client, maak_gebruiker, regio_b, van_uwv):
    client.force_login(maak_gebruiker("wsp_manager", regio=regio_b))
    assert client.get(reverse("wsp:overdracht", args=[van_uwv.pk])).status_code == 404
    assert client.post(reverse("wsp:overdracht_aannemen", args=[van_uwv.pk])).status_code == 404
    r = client.post(
        reverse("wsp:overdracht_teruggeven", args=[van_uwv.pk]), {"reden_teruggave": "x"}
    )
    assert r.status_code == 404
    assert Overdracht.objects.get(pk=van_uwv.pk).status == Overdracht.Status.AANGEBODEN


# --- one handover -------------------------------------------------------------------------


def test_detail_asks_the_purpose_first(client, adviseur, van_uwv):
    client.force_login(adviseur)
    response = client.get(reverse("wsp:overdracht", args=[van_uwv.pk]))
    assert response.status_code == 200
    assert "Waarom open je" in response.content.decode()
    assert "Sanne" not in response.content.decode()
    assert not AuditEvent.objects.filter(event="persoonsgegevens_ingezien").exists()


def test_detail_shows_person_consent_origin_and_is_logged(client, manager, van_uwv, kies_doel):
    client.force_login(manager)
    response = _detail(client, van_uwv, kies_doel)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Overdracht van Sanne Voorbeeld" in html
    assert "naam, contactgegevens en wensen" in html  # what was consented to
    assert "Carla Consulent, UWV Haarlem (UWV)" in html  # who offered, from where
    assert "Eigen cliënt van de aanbieder" in html  # no loket origin
    assert "Aannemen als kandidaat" in html and "Reden van teruggave" in html
    event = AuditEvent.objects.get(event="persoonsgegevens_ingezien", object_id=str(van_uwv.pk))
    assert event.doel == "bemiddeling" and event.gebruiker == manager


def test_detail_names_the_vacature_and_the_loket_origin(client, adviseur, regio_a, kies_doel):
    from datetime import date

    from tests.loket.factories import DoorverwijzingFactory, GesprekFactory

    vacature = VacatureFactory(werkgever__regio=regio_a, functie="Orderpicker")
    gesprek = GesprekFactory(regio=regio_a, datum=date(2026, 3, 2))
    uit_gesprek = OverdrachtFactory(regio=regio_a, vacature=vacature, gesprek=gesprek)
    doorverwijzing = DoorverwijzingFactory(regio=regio_a, organisatie__naam="Leerwerkloket")
    uit_doorverwijzing = OverdrachtFactory(regio=regio_a, doorverwijzing=doorverwijzing)
    client.force_login(adviseur)
    html = _detail(client, uit_gesprek, kies_doel).content.decode()
    assert "Orderpicker" in html and "Gesprek aan het loket op 2 maart 2026" in html
    html = _detail(client, uit_doorverwijzing, kies_doel).content.decode()
    assert "Warme doorverwijzing naar" in html and "Geen: algemeen aangeboden" in html


# --- accept -------------------------------------------------------------------------------


def test_accepting_makes_one_kandidaat_and_goes_there(client, adviseur, van_uwv, kies_doel):
    client.force_login(adviseur)
    _detail(client, van_uwv, kies_doel)
    response = client.post(reverse("wsp:overdracht_aannemen", args=[van_uwv.pk]), follow=True)
    kandidaat = Kandidaat.objects.get()
    assert response.redirect_chain[-1][0] == kandidaat.get_absolute_url()
    html = response.content.decode()
    assert "is aangenomen als kandidaat" in html
    # The kandidaat page shows where the person came from (and asked no second purpose).
    assert "Warm overgedragen door UWV Haarlem (UWV), Carla Consulent, op" in html
    assert "toestemming naam, contactgegevens en wensen vastgelegd door Carla Consulent" in html
    van_uwv.refresh_from_db()
    assert van_uwv.status == Overdracht.Status.AANGENOMEN and van_uwv.kandidaat == kandidaat
    assert van_uwv.beoordeeld_door == adviseur


def test_accepting_twice_gives_a_message_and_one_kandidaat(client, adviseur, van_uwv, kies_doel):
    client.force_login(adviseur)
    url = reverse("wsp:overdracht_aannemen", args=[van_uwv.pk])
    client.post(url)
    kies_doel(client, van_uwv, "bemiddeling")
    response = client.post(url, follow=True)
    assert response.redirect_chain[-1][0] == reverse("wsp:overdracht", args=[van_uwv.pk])
    html = response.content.decode()
    assert "al beoordeeld" in html
    assert Kandidaat.objects.count() == 1
    # A decided handover shows the decision, no buttons.
    assert "Aannemen als kandidaat" not in html and "Besluit" in html


def test_accept_is_post_only(client, adviseur, van_uwv):
    client.force_login(adviseur)
    assert client.get(reverse("wsp:overdracht_aannemen", args=[van_uwv.pk])).status_code == 405
    assert not Kandidaat.objects.exists()


# --- return -------------------------------------------------------------------------------


def test_returning_needs_a_reason_and_keeps_nothing(client, adviseur, van_uwv, kies_doel):
    client.force_login(adviseur)
    kies_doel(client, van_uwv, "bemiddeling")
    url = reverse("wsp:overdracht_teruggeven", args=[van_uwv.pk])
    response = client.post(url, {"reden_teruggave": "   "})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Geef de reden waarom je teruggeeft." in html
    assert "Controleer het formulier" in html  # the error summary
    van_uwv.refresh_from_db()
    assert van_uwv.status == Overdracht.Status.AANGEBODEN and van_uwv.reden_teruggave == ""


def test_returning_keeps_the_reason_on_error(client, adviseur, van_uwv, kies_doel):
    client.force_login(adviseur)
    kies_doel(client, van_uwv, "bemiddeling")
    url = reverse("wsp:overdracht_teruggeven", args=[van_uwv.pk])
    response = client.post(url, {"reden_teruggave": "x" * 1001})
    assert response.status_code == 400
    assert "x" * 1001 in response.content.decode()
    assert Overdracht.objects.get(pk=van_uwv.pk).status == Overdracht.Status.AANGEBODEN


def test_returning_with_a_reason(client, manager, van_uwv, kies_doel):
    client.force_login(manager)
    kies_doel(client, van_uwv, "bemiddeling")
    url = reverse("wsp:overdracht_teruggeven", args=[van_uwv.pk])
    response = client.post(url, {"reden_teruggave": "Nog niet werkfit: eerst taal"}, follow=True)
    html = response.content.decode()
    assert "teruggegeven aan UWV Haarlem" in html
    assert "Nog niet werkfit: eerst taal" in html and "Teruggeven</button>" not in html
    van_uwv.refresh_from_db()
    assert van_uwv.status == Overdracht.Status.TERUGGEGEVEN
    assert van_uwv.reden_teruggave == "Nog niet werkfit: eerst taal"
    assert not Kandidaat.objects.exists()


def test_returning_a_decided_handover_says_so(client, adviseur, van_uwv, kies_doel):
    client.force_login(adviseur)
    client.post(reverse("wsp:overdracht_aannemen", args=[van_uwv.pk]))
    kies_doel(client, van_uwv, "bemiddeling")
    url = reverse("wsp:overdracht_teruggeven", args=[van_uwv.pk])
    response = client.post(url, {"reden_teruggave": "Toch niet"})
    assert response.status_code == 400
    assert "al beoordeeld" in response.content.decode()
    assert Overdracht.objects.get(pk=van_uwv.pk).status == Overdracht.Status.AANGENOMEN


# --- werkplek and navigation --------------------------------------------------------------


def test_werkplek_tile_counts_the_offers_waiting(client, adviseur, regio_a, regio_b, van_uwv):
    OverdrachtFactory(regio=regio_a)
    OverdrachtFactory(regio=regio_a, status=Overdracht.Status.INGETROKKEN)
    OverdrachtFactory(regio=regio_b)
    client.force_login(adviseur)
    tegel = next(
        t for t in client.get(reverse("werkplek")).context["tegels"] if "aangeboden" in t.titel
    )
    assert (tegel.aantal, tegel.titel) == (2, "aangeboden kandidaten")
    lijst = client.get(tegel.url)
    assert lijst.context["page_obj"].paginator.count == 2


def test_subnavigation_links_the_inbox(client, adviseur):
    client.force_login(adviseur)
    html = client.get(reverse("wsp:overdrachten")).content.decode()
    assert f'href="{reverse("wsp:overdrachten")}" aria-current="page">Overdrachten<' in html
