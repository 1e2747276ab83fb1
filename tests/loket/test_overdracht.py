"""The offering side of the warme overdracht (issue 23 points 1 and 2): the form fills itself
from where the handover starts, bad input gets a Dutch message and saves nothing, each role
sees only its own offers, and the loket's pages show the chain status."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from loket.models import Traject
from tests.factories import GemeenteFactory, OrganisatieFactory
from tests.loket.factories import DoorverwijzingFactory, GesprekFactory, doelgroep
from tests.wsp.factories import (
    KandidaatFactory,
    OverdrachtFactory,
    PlaatsingFactory,
    VacatureFactory,
    VoordrachtFactory,
)
from werkcentrum.models import AuditEvent, Organisatie
from wsp.forms_overdracht import OverdrachtForm, beginwaarden
from wsp.models import Overdracht

pytestmark = pytest.mark.django_db

NIEUW = reverse("loket:overdracht_nieuw")


@pytest.fixture(autouse=True)
def _zonder_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


@pytest.fixture
def werkcentrum(regio_a):
    return OrganisatieFactory(regio=regio_a, naam="Werkcentrum", type=Organisatie.Type.WERKCENTRUM)


@pytest.fixture
def haarlem(regio_a):
    return GemeenteFactory(regio=regio_a, naam="Haarlem")


@pytest.fixture
def gids(maak_gebruiker, werkcentrum):
    return maak_gebruiker("gids", first_name="Gijs", last_name="Gids", organisatie=werkcentrum)


@pytest.fixture
def uwv(regio_a):
    return OrganisatieFactory(regio=regio_a, naam="UWV Haarlem", type=Organisatie.Type.UWV)


@pytest.fixture
def gemeente_org(regio_a):
    return OrganisatieFactory(regio=regio_a, naam="Gemeente Velsen", type=Organisatie.Type.GEMEENTE)


@pytest.fixture
def consulent(maak_gebruiker, uwv):
    return maak_gebruiker("partnermedewerker", organisatie=uwv)


def _ingelogd(client, user):
    client.force_login(user)
    return client


def _traject(gids, gesprek=None, naam="Ayla de Boer") -> Traject:
    return Traject.objects.create(
        regio=gids.regio,
        soort=Traject.Soort.WERKFIT,
        aanbieder=OrganisatieFactory(regio=gids.regio),
        gesprek=gesprek,
        startdatum=date(2026, 3, 2),
        kosten=Decimal("100.00"),
        naam=naam,
        email="ayla@example.org",
        telefoon="0612345678",
        toestemming_gegevens="naam",
        toestemming_op=timezone.now(),
        toestemming_door=gids,
    )


def _post(haarlem, **extra):
    return {
        "voornaam": "Sanne",
        "achternaam": "Voorbeeld",
        "email": "sanne@example.org",
        "telefoon": "",
        "woongemeente": haarlem.pk,
        "doelgroep": "ww",
        "opleidingsniveau": "mbo3",
        "taalniveau": "",
        "gewenst_beroep": "Logistiek medewerker",
        "uren_per_week": "32",
        "beschikbaar_vanaf": "",
        "toelichting": "",
        "toestemming": "on",
        "toestemming_gegevens": "Naam, contactgegevens en werkwensen",
        **extra,
    }


# --- Prefill: nothing typed twice ---------------------------------------------------------


def test_a_gesprek_fills_woongemeente_and_a_doelgroep_the_wsp_knows(regio_a, gids, haarlem):
    gesprek = GesprekFactory(regio=regio_a, woongemeente=haarlem, doelgroep=doelgroep("bijstand"))
    assert beginwaarden(gesprek=gesprek) == {"woongemeente": haarlem.pk, "doelgroep": "pwet"}
    # A loket doelgroep without a WSP code leaves the choice to the gids.
    nug = GesprekFactory(regio=regio_a, woongemeente=haarlem, doelgroep=doelgroep("nug"))
    assert beginwaarden(gesprek=nug) == {"woongemeente": haarlem.pk}


def test_a_doorverwijzing_fills_the_split_name_contact_and_its_gesprek(regio_a, haarlem):
    gesprek = GesprekFactory(regio=regio_a, woongemeente=haarlem, doelgroep=doelgroep("ww"))
    dv = DoorverwijzingFactory(
        regio=regio_a, gesprek=gesprek, naam="Jan de Vries", telefoon="0612345678"
    )
    assert beginwaarden(doorverwijzing=dv) == {
        "voornaam": "Jan",
        "achternaam": "de Vries",
        "email": "persoon@example.org",
        "telefoon": "0612345678",
        "woongemeente": haarlem.pk,
        "doelgroep": "ww",
    }


def test_a_traject_fills_name_and_contact(gids):
    traject = _traject(gids)
    assert beginwaarden(traject=traject) == {
        "voornaam": "Ayla",
        "achternaam": "de Boer",
        "email": "ayla@example.org",
        "telefoon": "0612345678",
    }


def test_the_form_page_shows_the_prefill_and_the_consent_of_the_regio(
    client, regio_a, gids, haarlem, kies_doel
):
    gesprek = GesprekFactory(regio=regio_a, woongemeente=haarlem)
    dv = DoorverwijzingFactory(regio=regio_a, gesprek=gesprek, naam="Jan de Vries")
    _ingelogd(client, gids)
    kies_doel(client, dv, "overdragen")
    response = client.get(f"{NIEUW}?doorverwijzing={dv.pk}")
    assert response.status_code == 200
    form = response.context["form"]
    assert form["voornaam"].value() == "Jan" and form["achternaam"].value() == "de Vries"
    assert form["woongemeente"].value() == haarlem.pk
    html = response.content.decode()
    assert (
        "De persoon geeft toestemming om deze gegevens te delen met het "
        f"Werkgeversservicepunt {regio_a.naam}" in html
    )
    assert form["toestemming_gegevens"].value().startswith("Naam, e-mailadres")
    # A gids never picks a vacature; prefilling the person's data is logged with its purpose.
    assert "vacature" not in form.fields
    event = AuditEvent.objects.get(event="persoonsgegevens_ingezien", object_id=str(dv.pk))
    assert event.doel == "overdragen"


def test_the_woongemeente_choices_are_the_regios_gemeenten(regio_a, regio_b, gids, haarlem):
    elders = GemeenteFactory(regio=regio_b)
    form = OverdrachtForm(user=gids, regio=regio_a)
    assert list(form.fields["woongemeente"].queryset) == [haarlem]
    assert elders not in form.fields["woongemeente"].queryset


# --- Saving and bad input through the UI -------------------------------------------------


def test_a_gids_hands_over_from_a_gesprek(client, regio_a, gids, haarlem):
    gesprek = GesprekFactory(regio=regio_a, woongemeente=haarlem)
    response = _ingelogd(client, gids).post(f"{NIEUW}?gesprek={gesprek.pk}", _post(haarlem))
    overdracht = Overdracht.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("loket:overdracht", args=[overdracht.pk])
    assert overdracht.gesprek == gesprek and overdracht.aangeboden_door == gids
    assert overdracht.bron == "werkcentrum" and overdracht.toestemming_door == gids
    assert overdracht.toestemming_gegevens == "Naam, contactgegevens en werkwensen"
    assert overdracht.toestemming_aan == f"Werkgeversservicepunt {regio_a.naam}"
    pagina = client.get(response["Location"], follow=True).content.decode()
    assert "is overgedragen aan het Werkgeversservicepunt" in pagina
    assert "Aangeboden" in pagina


def test_without_consent_nothing_is_saved_and_the_input_stays(client, gids, haarlem):
    data = _post(haarlem)
    del data["toestemming"]
    response = _ingelogd(client, gids).post(NIEUW, data)
    assert response.status_code == 400
    assert not Overdracht.objects.exists()
    assert "Zonder toestemming van de persoon kan er niets worden overgedragen" in (
        response.content.decode()
    )
    assert response.context["form"].errors["toestemming"]
    assert response.context["form"]["voornaam"].value() == "Sanne"
    assert "Controleer het formulier" in response.content.decode()


def test_a_person_handed_over_already_is_not_handed_over_twice(client, regio_a, gids, haarlem):
    OverdrachtFactory(regio=regio_a, email="sanne@example.org", woongemeente=haarlem)
    response = _ingelogd(client, gids).post(NIEUW, _post(haarlem))
    assert response.status_code == 400
    assert Overdracht.objects.count() == 1
    assert "Deze persoon is al aan het WSP overgedragen" in response.content.decode()
    # An active kandidaat is the same person too.
    Overdracht.objects.all().delete()
    KandidaatFactory(regio=regio_a, voornaam="Sanne", achternaam="Voorbeeld", woongemeente=haarlem)
    response = client.post(NIEUW, _post(haarlem, email="ander@example.org"))
    assert response.status_code == 400 and not Overdracht.objects.exists()


def test_a_gemeente_outside_the_regio_is_refused_next_to_the_field(client, regio_b, gids, haarlem):
    elders = GemeenteFactory(regio=regio_b, naam="Amersfoort")
    response = _ingelogd(client, gids).post(NIEUW, _post(haarlem, woongemeente=elders.pk))
    assert response.status_code == 400 and not Overdracht.objects.exists()
    fouten = response.context["form"].errors["woongemeente"]
    assert "hoort niet bij de regio van dit WSP" in fouten[0]


def test_without_email_or_phone_the_form_says_so(client, gids, haarlem):
    response = _ingelogd(client, gids).post(NIEUW, _post(haarlem, email=""))
    assert response.status_code == 400 and not Overdracht.objects.exists()
    assert "Vul een e-mailadres of telefoonnummer in." in response.content.decode()


def test_a_gesprek_already_handed_over_is_refused(client, regio_a, gids, haarlem):
    gesprek = GesprekFactory(regio=regio_a)
    OverdrachtFactory(regio=regio_a, gesprek=gesprek, woongemeente=haarlem)
    response = _ingelogd(client, gids).post(f"{NIEUW}?gesprek={gesprek.pk}", _post(haarlem))
    assert response.status_code == 400 and Overdracht.objects.count() == 1


# --- Who may start where -----------------------------------------------------------------


def test_records_of_another_regio_are_404(client, regio_b, gids, haarlem):
    _ingelogd(client, gids)
    gesprek = GesprekFactory(regio=regio_b)
    assert client.get(f"{NIEUW}?gesprek={gesprek.pk}").status_code == 404
    dv = DoorverwijzingFactory(regio=regio_b)
    assert client.get(f"{NIEUW}?doorverwijzing={dv.pk}").status_code == 404
    vacature = VacatureFactory(werkgever__regio=regio_b, is_openbaar=True)
    assert client.get(f"{NIEUW}?vacature={vacature.pk}").status_code == 404
    assert client.get(f"{NIEUW}?gesprek=abc").status_code == 404


def test_a_partner_offers_for_a_vacature_of_the_vacaturekrant(client, regio_a, consulent, haarlem):
    vacature = VacatureFactory(
        werkgever__regio=regio_a,
        is_openbaar=True,
        sluitingsdatum=timezone.localdate() + timedelta(days=10),
    )
    _ingelogd(client, consulent)
    lijst = client.get(reverse("loket:overdracht_vacatures"))
    assert lijst.status_code == 200
    assert f"{NIEUW}?vacature={vacature.pk}" in lijst.content.decode()
    response = client.get(f"{NIEUW}?vacature={vacature.pk}")
    assert response.status_code == 200
    assert response.context["form"]["vacature"].value() == vacature.pk
    response = client.post(f"{NIEUW}?vacature={vacature.pk}", _post(haarlem, vacature=vacature.pk))
    overdracht = Overdracht.objects.get()
    assert overdracht.vacature == vacature and overdracht.bron == "uwv"
    assert overdracht.organisatie == consulent.organisatie


def test_a_closed_or_hidden_vacature_cannot_be_chosen(client, regio_a, consulent, haarlem):
    verborgen = VacatureFactory(
        werkgever__regio=regio_a, sluitingsdatum=timezone.localdate() + timedelta(days=10)
    )
    _ingelogd(client, consulent)
    assert client.get(f"{NIEUW}?vacature={verborgen.pk}").status_code == 404
    response = client.post(NIEUW, _post(haarlem, vacature=verborgen.pk))
    assert response.status_code == 400 and not Overdracht.objects.exists()
    assert "staat niet (meer) open" in response.context["form"].errors["vacature"][0]


def test_a_partner_cannot_start_from_a_gesprek_or_traject(client, regio_a, consulent, gids):
    _ingelogd(client, consulent)
    assert client.get(f"{NIEUW}?gesprek={GesprekFactory(regio=regio_a).pk}").status_code == 404
    assert client.get(f"{NIEUW}?traject={_traject(gids).pk}").status_code == 404


def test_roles_without_handover_get_403(client, maak_gebruiker):
    for rol in ("wsp_adviseur", "rba_lid", "beheerder"):
        _ingelogd(client, maak_gebruiker(rol))
        assert client.get(NIEUW).status_code == 403, rol
        assert client.get(reverse("loket:overdrachten")).status_code == 403, rol


# --- The offerer's list and status page --------------------------------------------------


def test_each_offerer_sees_only_their_own_offers(
    client, regio_a, gids, maak_gebruiker, werkcentrum, consulent, uwv, gemeente_org, kies_doel
):
    eigen = OverdrachtFactory(regio=regio_a, aangeboden_door=gids, organisatie=werkcentrum)
    collega = OverdrachtFactory(regio=regio_a, organisatie=werkcentrum)
    van_uwv = OverdrachtFactory(regio=regio_a, organisatie=uwv, bron="uwv")
    van_gemeente = OverdrachtFactory(regio=regio_a, organisatie=gemeente_org, bron="gemeente")
    lijst = reverse("loket:overdrachten")

    def namen(user):
        rows = _ingelogd(client, user).get(lijst).context["rows"]
        return {o.pk for o in rows}

    coordinator = maak_gebruiker("coordinator", organisatie=werkcentrum)
    assert namen(gids) == {eigen.pk}
    assert namen(coordinator) == {eigen.pk, collega.pk}
    assert namen(consulent) == {van_uwv.pk}
    # A partner of organisation X never opens an offer of organisation Y.
    _ingelogd(client, consulent)
    kies_doel(client, van_gemeente, "overdragen")
    assert client.get(reverse("loket:overdracht", args=[van_gemeente.pk])).status_code == 404
    kies_doel(client, van_uwv, "overdragen")
    assert client.get(reverse("loket:overdracht", args=[van_uwv.pk])).status_code == 200
    # A gids does not open a colleague's offer.
    _ingelogd(client, gids)
    assert client.get(reverse("loket:overdracht", args=[collega.pk])).status_code == 404


def test_the_list_filters_on_chain_status_and_searches(client, regio_a, gids, werkcentrum):
    aangeboden = OverdrachtFactory(
        regio=regio_a, aangeboden_door=gids, organisatie=werkcentrum, achternaam="Aanbod"
    )
    kandidaat = KandidaatFactory(regio=regio_a)
    geplaatst = OverdrachtFactory(
        regio=regio_a,
        aangeboden_door=gids,
        organisatie=werkcentrum,
        achternaam="Plaatsing",
        status="aangenomen",
        kandidaat=kandidaat,
    )
    PlaatsingFactory(kandidaat=kandidaat, werkgever__regio=regio_a)
    _ingelogd(client, gids)
    lijst = reverse("loket:overdrachten")
    rows = client.get(lijst, {"status": "geplaatst"}).context["rows"]
    assert [o.pk for o in rows] == [geplaatst.pk]
    rows = client.get(lijst, {"zoek": "aanbod"}).context["rows"]
    assert [o.pk for o in rows] == [aangeboden.pk]
    html = client.get(lijst).content.decode()
    assert "Geplaatst" in html and "Aangeboden" in html


def test_the_status_page_shows_the_chain_status_without_wsp_notes(
    client, regio_a, gids, werkcentrum, kies_doel
):
    kandidaat = KandidaatFactory(regio=regio_a)
    overdracht = OverdrachtFactory(
        regio=regio_a,
        aangeboden_door=gids,
        organisatie=werkcentrum,
        status="aangenomen",
        kandidaat=kandidaat,
        beoordeeld_op=timezone.now(),
    )
    VoordrachtFactory(
        kandidaat=kandidaat,
        vacature__werkgever__regio=regio_a,
        vacature__werkgever__naam="Geheime Werkgever BV",
        afwijsreden="Interne notitie van het WSP",
    )
    url = reverse("loket:overdracht", args=[overdracht.pk])
    _ingelogd(client, gids)
    kies_doel(client, overdracht, "overdragen")
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Voorgedragen" in html
    assert "Geheime Werkgever BV" not in html and "Interne notitie" not in html
    assert AuditEvent.objects.filter(
        event="persoonsgegevens_ingezien", object_id=str(overdracht.pk), doel="overdragen"
    ).exists()


def test_a_returned_offer_shows_the_reason(client, regio_a, gids, werkcentrum, kies_doel):
    overdracht = OverdrachtFactory(
        regio=regio_a,
        aangeboden_door=gids,
        organisatie=werkcentrum,
        status="teruggegeven",
        reden_teruggave="Nog niet werkfit: eerst taalcursus.",
    )
    _ingelogd(client, gids)
    kies_doel(client, overdracht, "overdragen")
    html = client.get(reverse("loket:overdracht", args=[overdracht.pk])).content.decode()
    assert "Teruggegeven" in html and "Nog niet werkfit: eerst taalcursus." in html


# --- The loket's own pages ---------------------------------------------------------------


def test_the_gesprek_page_offers_the_button_then_shows_the_status(
    client, regio_a, gids, werkcentrum
):
    gesprek = GesprekFactory(regio=regio_a)
    url = reverse("loket:gesprek", args=[gesprek.pk])
    html = _ingelogd(client, gids).get(url).content.decode()
    assert f"{NIEUW}?gesprek={gesprek.pk}" in html and "Nog niet overgedragen" not in html

    kandidaat = KandidaatFactory(regio=regio_a)
    overdracht = OverdrachtFactory(
        regio=regio_a,
        gesprek=gesprek,
        aangeboden_door=gids,
        organisatie=werkcentrum,
        status="aangenomen",
        kandidaat=kandidaat,
    )
    PlaatsingFactory(kandidaat=kandidaat, werkgever__regio=regio_a)
    html = client.get(url).content.decode()
    assert "Geplaatst" in html
    assert f"{NIEUW}?gesprek={gesprek.pk}" not in html
    assert reverse("loket:overdracht", args=[overdracht.pk]) in html


def test_the_doorverwijzing_and_traject_pages_offer_the_handover(client, regio_a, gids, kies_doel):
    dv = DoorverwijzingFactory(regio=regio_a)
    traject = _traject(gids)
    _ingelogd(client, gids)
    kies_doel(client, dv)
    kies_doel(client, traject)
    html = client.get(reverse("loket:doorverwijzing", args=[dv.pk])).content.decode()
    assert f"{NIEUW}?doorverwijzing={dv.pk}" in html
    html = client.get(reverse("loket:traject", args=[traject.pk])).content.decode()
    assert f"{NIEUW}?traject={traject.pk}" in html


def test_a_returned_handover_may_be_offered_again(client, regio_a, gids, werkcentrum):
    gesprek = GesprekFactory(regio=regio_a)
    OverdrachtFactory(
        regio=regio_a,
        gesprek=gesprek,
        aangeboden_door=gids,
        organisatie=werkcentrum,
        status="teruggegeven",
        reden_teruggave="Nog niet werkfit.",
    )
    html = _ingelogd(client, gids).get(reverse("loket:gesprek", args=[gesprek.pk])).content
    assert "Teruggegeven" in html.decode() and f"{NIEUW}?gesprek={gesprek.pk}" in html.decode()


def test_the_werkplek_lists_the_handover_for_offerers(client, gids, consulent):
    html = _ingelogd(client, gids).get(reverse("werkplek")).content.decode()
    assert "Overdrachten aan het WSP" in html and "Open vacatures: kandidaat aanbieden" not in html
    html = _ingelogd(client, consulent).get(reverse("werkplek")).content.decode()
    assert "Overdrachten aan het WSP" in html and "Open vacatures: kandidaat aanbieden" in html


def test_a_colleagues_open_handover_shows_no_status_nor_button(
    client, regio_a, gids, maak_gebruiker, werkcentrum
):
    gesprek = GesprekFactory(regio=regio_a)
    OverdrachtFactory(
        regio=regio_a,
        gesprek=gesprek,
        organisatie=werkcentrum,
        status="teruggegeven",
        reden_teruggave="Interne reden",
    )
    OverdrachtFactory(regio=regio_a, gesprek=gesprek, organisatie=werkcentrum)
    html = _ingelogd(client, gids).get(reverse("loket:gesprek", args=[gesprek.pk])).content
    html = html.decode()
    assert "al aan het WSP overgedragen door een collega of partner" in html
    assert 'data-testid="overdracht-status"' not in html
    assert f"{NIEUW}?gesprek={gesprek.pk}" not in html


def test_the_status_page_links_the_timeline_and_shows_a_withdrawal(
    client, regio_a, gids, werkcentrum, kies_doel
):
    overdracht = OverdrachtFactory(regio=regio_a, aangeboden_door=gids, organisatie=werkcentrum)
    _ingelogd(client, gids)
    kies_doel(client, overdracht, "overdragen")
    url = reverse("loket:overdracht", args=[overdracht.pk])
    intrekken = reverse("loket:overdracht_toestemming_intrekken", args=[overdracht.pk])

    html = client.get(url).content.decode()
    assert reverse("loket:overdracht_tijdlijn", args=[overdracht.pk]) in html
    assert intrekken in html
    assert 'data-testid="toestemming-ingetrokken"' not in html

    Overdracht.objects.filter(pk=overdracht.pk).update(
        status="ingetrokken", toestemming_ingetrokken_op=timezone.now()
    )
    html = client.get(url).content.decode()
    assert 'data-testid="toestemming-ingetrokken"' in html
    assert intrekken not in html
