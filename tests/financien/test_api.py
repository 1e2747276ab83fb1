from decimal import Decimal

import pytest
from rest_framework.test import APIClient

from financien import services
from financien.models import Mutatie
from tests.financien.conftest import DAG

pytestmark = pytest.mark.django_db

URL = "/api/v1/financien/"


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def gevuld(fonds, besluit, post, beheerder, regio_a):
    services.storting_boeken(
        geldstroom=fonds, datum=DAG, bedrag="1000.00", omschrijving="s", door=beheerder
    )
    services.begroting_vaststellen(
        regio=regio_a, jaar=DAG.year, begrotingspost=post, begroot="800.00", door=beheerder
    )
    return services.verplichting_boeken(
        geldstroom=fonds,
        besluit=besluit,
        begrotingspost=post,
        datum=DAG,
        bedrag="300.00",
        omschrijving="v",
        door=beheerder,
    )


def test_funds_with_their_figures(api, beheerder, gevuld):
    api.force_authenticate(beheerder)
    rij = api.get(URL + "geldstromen/").json()["results"][0]
    assert (rij["gestort"], rij["verplicht"], rij["vrij"]) == ("1000.00", "300.00", "700.00")


def test_begroting_with_verplicht_and_vrij(api, maak_gebruiker, gevuld):
    api.force_authenticate(maak_gebruiker("rba_lid"))
    rij = api.get(URL + "begroting/", {"jaar": DAG.year}).json()["results"][0]
    assert (rij["begroot"], rij["verplicht"], rij["vrij"]) == ("800.00", "300.00", "500.00")


def test_rba_lid_reads_summaries_but_no_mutaties(api, maak_gebruiker, gevuld):
    api.force_authenticate(maak_gebruiker("rba_lid"))
    assert api.get(URL + "geldstromen/").status_code == 200
    assert api.get(URL + "mutaties/").status_code == 403


def test_another_regio_sees_nothing(api, maak_gebruiker, regio_b, gevuld):
    api.force_authenticate(maak_gebruiker("financieel_beheerder", regio=regio_b))
    assert api.get(URL + "geldstromen/").json()["count"] == 0
    assert api.get(URL + f"mutaties/{gevuld.pk}/").status_code == 404


def test_booking_through_the_api_follows_the_rules(api, beheerder, gevuld):
    api.force_authenticate(beheerder)
    r = api.post(
        URL + "mutaties/",
        {
            "soort": "realisatie",
            "verplichting": gevuld.pk,
            "datum": "2025-06-03",
            "bedrag": "100.00",
            "omschrijving": "Factuur",
        },
        format="json",
    )
    assert r.status_code == 201, r.json()
    assert r.json()["verplichting"] == gevuld.pk
    r = api.post(
        URL + "mutaties/",
        {
            "soort": "realisatie",
            "verplichting": gevuld.pk,
            "datum": "2025-06-03",
            "bedrag": "200.01",
            "omschrijving": "Te veel",
        },
        format="json",
    )
    assert r.status_code == 400 and "open" in str(r.json()["bedrag"])
    r = api.post(
        URL + "mutaties/",
        {
            "soort": "storting",
            "geldstroom": gevuld.geldstroom_id,
            "datum": "2025-06-03",
            "bedrag": "1.001",
            "omschrijving": "x",
        },
        format="json",
    )
    assert r.status_code == 400 and "twee cijfers" in str(r.json()["bedrag"])
    assert Mutatie.objects.filter(soort="realisatie").get().bedrag == Decimal("100.00")


def test_no_update_or_delete_through_the_api(api, beheerder, gevuld):
    api.force_authenticate(beheerder)
    # No permission to delete or change, and no such route either.
    assert api.delete(URL + f"mutaties/{gevuld.pk}/").status_code in (403, 405)
    assert api.patch(URL + f"mutaties/{gevuld.pk}/", {"bedrag": "1"}).status_code in (403, 405)
    assert Mutatie.objects.get(pk=gevuld.pk).bedrag == Decimal("300.00")


def test_rba_lid_cannot_book(api, maak_gebruiker, gevuld):
    api.force_authenticate(maak_gebruiker("rba_lid", "wsp_manager"))
    r = api.post(
        URL + "mutaties/",
        {
            "soort": "storting",
            "geldstroom": gevuld.geldstroom_id,
            "datum": "2025-06-03",
            "bedrag": "1.00",
            "omschrijving": "x",
        },
        format="json",
    )
    assert r.status_code == 403


def test_a_taken_kenmerk_through_the_api_is_a_400_on_kenmerk(api, beheerder, gevuld):
    api.force_authenticate(beheerder)
    storting = {
        "soort": "storting",
        "geldstroom": gevuld.geldstroom_id,
        "datum": "2025-06-03",
        "bedrag": "10.00",
        "omschrijving": "x",
        "kenmerk": "BANK-42",
    }
    assert api.post(URL + "mutaties/", storting, format="json").status_code == 201
    r = api.post(URL + "mutaties/", storting, format="json")
    assert r.status_code == 400
    assert r.json()["kenmerk"] == ["Het kenmerk BANK-42 is in deze regio al gebruikt."]
    assert Mutatie.objects.filter(kenmerk="BANK-42").count() == 1
