"""Staff pages: roles, regio scoping, forms that keep input and show Dutch errors."""

from decimal import Decimal

import pytest
from django.urls import reverse

from financien import services
from financien.models import Mutatie
from tests.financien.conftest import DAG
from tests.financien.factories import BesluitFactory, GeldstroomFactory

pytestmark = pytest.mark.django_db

LEESPAGINAS = ["overzicht", "reserve", "begroting", "besluiten"]
SCHRIJFPAGINAS = ["mutaties", "storting_nieuw", "verplichting_nieuw", "importeren", "export"]


@pytest.fixture(autouse=True)
def _geen_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


@pytest.fixture
def ingelogd(client, beheerder):
    client.force_login(beheerder)
    return client


@pytest.fixture
def gevuld(fonds, besluit, post, beheerder):
    services.storting_boeken(
        geldstroom=fonds, datum=DAG, bedrag="10000.00", omschrijving="Uitkering", door=beheerder
    )
    v = services.verplichting_boeken(
        geldstroom=fonds,
        besluit=besluit,
        begrotingspost=post,
        datum=DAG,
        bedrag="4000.00",
        omschrijving="Opdracht",
        door=beheerder,
    )
    return v


@pytest.mark.parametrize("naam", LEESPAGINAS + SCHRIJFPAGINAS)
def test_the_beheerder_opens_every_page(ingelogd, gevuld, naam):
    assert ingelogd.get(reverse(f"financien:{naam}")).status_code == 200


@pytest.mark.parametrize("rol", ["rba_lid", "wsp_manager"])
def test_rba_and_wsp_management_read_summaries_only(client, maak_gebruiker, gevuld, rol):
    client.force_login(maak_gebruiker(rol))
    for naam in LEESPAGINAS:
        response = client.get(reverse(f"financien:{naam}"))
        assert response.status_code == 200
        assert reverse("financien:mutaties") not in response.content.decode()
    for naam in SCHRIJFPAGINAS:
        assert client.get(reverse(f"financien:{naam}")).status_code == 403
    assert client.get(reverse("financien:mutatie", args=[gevuld.pk])).status_code == 403


def test_other_roles_read_nothing(client, maak_gebruiker, gevuld):
    client.force_login(maak_gebruiker("gids", "wsp_adviseur", "rba_secretariaat"))
    for naam in LEESPAGINAS + SCHRIJFPAGINAS:
        assert client.get(reverse(f"financien:{naam}")).status_code == 403


def test_nobody_outside_the_regio_sees_anything(client, maak_gebruiker, regio_b, gevuld, fonds):
    client.force_login(maak_gebruiker("financieel_beheerder", regio=regio_b))
    assert client.get(reverse("financien:geldstroom", args=[fonds.pk])).status_code == 404
    assert client.get(reverse("financien:mutatie", args=[gevuld.pk])).status_code == 404
    response = client.get(reverse("financien:overzicht"))
    assert fonds.naam not in response.content.decode()
    response = client.post(
        reverse("financien:realisatie_nieuw", args=[gevuld.pk]),
        {"datum": "2025-06-02", "bedrag": "1,00", "omschrijving": "x"},
    )
    assert response.status_code == 404
    assert not Mutatie.objects.filter(soort="realisatie").exists()


def test_a_storting_through_the_form(ingelogd, fonds):
    response = ingelogd.post(
        reverse("financien:storting_nieuw"),
        {
            "geldstroom": fonds.pk,
            "datum": "2025-06-02",
            "bedrag": "76.921,00",
            "omschrijving": "DU 2020",
        },
    )
    assert response.status_code == 302
    assert Mutatie.objects.get().bedrag == Decimal("76921.00")


def test_too_many_decimals_keeps_the_input_and_writes_nothing(ingelogd, fonds):
    response = ingelogd.post(
        reverse("financien:storting_nieuw"),
        {
            "geldstroom": fonds.pk,
            "datum": "2025-06-02",
            "bedrag": "10,005",
            "omschrijving": "Mijn omschrijving",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "hoogstens twee cijfers achter de komma" in html
    assert "Mijn omschrijving" in html and "10,005" in html
    assert not Mutatie.objects.exists()


def test_a_verplichting_over_the_free_balance_shows_it(ingelogd, gevuld, fonds, post, regio_a):
    groot = BesluitFactory(regio=regio_a, bedrag="100000.00")
    response = ingelogd.post(
        reverse("financien:verplichting_nieuw"),
        {
            "geldstroom": fonds.pk,
            "besluit": groot.pk,
            "begrotingspost": post.pk,
            "datum": "2025-06-02",
            "bedrag": "6000,01",
            "omschrijving": "Te veel",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "vrije ruimte" in html and "€ 6.000,00" in html
    assert Mutatie.objects.count() == 2


def test_realisatie_and_correctie_through_the_forms(ingelogd, gevuld, fonds):
    response = ingelogd.post(
        reverse("financien:realisatie_nieuw", args=[gevuld.pk]),
        {"datum": "2025-06-03", "bedrag": "1500", "omschrijving": "Factuur"},
    )
    assert response.status_code == 302
    realisatie = Mutatie.objects.get(soort="realisatie")
    response = ingelogd.post(
        reverse("financien:correctie_nieuw", args=[realisatie.pk]),
        {"datum": "2025-06-04", "omschrijving": "Verkeerde factuur"},
    )
    assert response.status_code == 302
    assert services.geldstroom_saldi(fonds).gerealiseerd == 0
    response = ingelogd.post(
        reverse("financien:correctie_nieuw", args=[realisatie.pk]),
        {"datum": "2025-06-04", "omschrijving": "Nog eens"},
    )
    assert response.status_code == 400
    assert "al gecorrigeerd" in response.content.decode()


def test_the_overview_shows_the_free_balance(ingelogd, gevuld):
    html = ingelogd.get(reverse("financien:overzicht")).content.decode()
    assert "€ 6.000,00" in html  # 10.000 received - 4.000 committed


def test_the_grootboek_list_has_a_constant_number_of_queries(
    ingelogd, gevuld, fonds, beheerder, django_assert_max_num_queries
):
    for i in range(30):
        services.realisatie_boeken(
            verplichting=gevuld, datum=DAG, bedrag="1.00", omschrijving=f"r{i}", door=beheerder
        )
    with django_assert_max_num_queries(14):
        response = ingelogd.get(reverse("financien:mutaties"), {"geldstroom": fonds.pk})
    assert response.status_code == 200
    assert "32 mutaties" in response.content.decode()


def test_overview_pages_have_a_constant_number_of_queries(
    ingelogd, regio_a, beheerder, post, django_assert_max_num_queries
):
    for i in range(8):
        f = GeldstroomFactory(regio=regio_a)
        services.storting_boeken(
            geldstroom=f, datum=DAG, bedrag="100.00", omschrijving=f"s{i}", door=beheerder
        )
    for naam in LEESPAGINAS:
        with django_assert_max_num_queries(14):
            assert ingelogd.get(reverse(f"financien:{naam}")).status_code == 200


def test_the_platform_superuser_reads_everything_and_gets_no_500(client, superuser, gevuld):
    client.force_login(superuser)
    for naam in LEESPAGINAS + SCHRIJFPAGINAS:
        assert client.get(reverse(f"financien:{naam}")).status_code == 200
    # A superuser has no regio of their own: a new fund needs one, so a clear refusal.
    response = client.post(reverse("financien:geldstroom_nieuw"), {"naam": "X", "bron": "rijk"})
    assert response.status_code == 400


def test_the_werkplek_links_to_the_reserve(client, maak_gebruiker):
    client.force_login(maak_gebruiker("rba_lid"))
    html = client.get(reverse("werkplek")).content.decode()
    assert reverse("financien:overzicht") in html
    assert reverse("financien:mutaties") not in html


def test_the_reserve_per_year_shows_a_booking_at_once_and_per_right(
    ingelogd, client, maak_gebruiker, gevuld, fonds, beheerder
):
    from django.test import Client

    url = reverse("financien:reserve")
    html = ingelogd.get(url).content.decode()
    assert "10.000,00" in html and reverse("financien:mutaties") in html
    # Another right to follow the year to the grootboek: no link to it.
    lid = Client()
    lid.force_login(maak_gebruiker("rba_lid"))
    assert reverse("financien:mutaties") not in lid.get(url).content.decode()
    services.storting_boeken(
        geldstroom=fonds, datum=DAG, bedrag="2500.00", omschrijving="Aanvulling", door=beheerder
    )
    assert "12.500,00" in ingelogd.get(url).content.decode()
