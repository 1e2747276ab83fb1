"""Trajecten paid from the regionale reserve: committed on registration, realised when the
traject is completed, released when it is stopped; a breach of a ledger rule saves nothing."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from financien import services as financien
from financien.models import Mutatie
from financien.saldi import saldi
from loket import services
from loket.models import LoketInstelling, Traject
from tests.factories import OrganisatieFactory
from tests.financien.factories import BegrotingspostFactory, BesluitFactory, GeldstroomFactory


@pytest.fixture
def reserve(regio_a, maak_gebruiker):
    fonds = GeldstroomFactory(regio=regio_a)
    financien.storting_boeken(
        geldstroom=fonds,
        datum=date(2026, 1, 5),
        bedrag=Decimal("10000.00"),
        omschrijving="Rijksbijdrage",
        door=maak_gebruiker("financieel_beheerder"),
    )
    besluit = BesluitFactory(regio=regio_a, bedrag="5000.00")
    post = BegrotingspostFactory(regio=regio_a, code="TRAJ", naam="Trajecten")
    LoketInstelling.objects.create(
        regio=regio_a, traject_besluit=besluit, traject_begrotingspost=post
    )
    return fonds, besluit, post


def registreer(gids, regio, kosten):
    return services.traject_registreren(
        door=gids,
        soort=Traject.Soort.OPLEIDING,
        aanbieder=OrganisatieFactory(regio=regio),
        startdatum=date(2026, 3, 2),
        kosten=Decimal(kosten),
        toestemming=True,
        toestemming_gegevens="naam en e-mailadres",
        naam="Fictieve Deelnemer",
    )


def bijwerken(traject, gids, status, kosten=None):
    return services.traject_bijwerken(
        traject=traject,
        door=gids,
        status=status,
        einddatum=date(2026, 6, 30),
        resultaat="",
        kosten=traject.kosten if kosten is None else Decimal(kosten),
    )


def test_registering_a_traject_commits_its_cost_in_the_reserve(reserve, regio_a, maak_gebruiker):
    fonds, besluit, post = reserve
    traject = registreer(maak_gebruiker("gids"), regio_a, "1200.00")
    verplichting = Mutatie.objects.get(kenmerk=f"traject-{traject.pk}")
    assert verplichting.bedrag == Decimal("1200.00")
    assert verplichting.besluit == besluit and verplichting.begrotingspost == post
    assert saldi(Mutatie.objects.filter(geldstroom=fonds)).vrij == Decimal("8800.00")


def test_completing_realises_and_stopping_releases_exactly_once(reserve, regio_a, maak_gebruiker):
    fonds, _, _ = reserve
    gids = maak_gebruiker("gids")
    klaar = registreer(gids, regio_a, "1000.00")
    gestopt = registreer(gids, regio_a, "500.00")
    bijwerken(klaar, gids, Traject.Status.AFGEROND)
    bijwerken(gestopt, gids, Traject.Status.AFGEBROKEN)
    bijwerken(Traject.objects.get(pk=klaar.pk), gids, Traject.Status.AFGEROND)  # again
    totaal = saldi(Mutatie.objects.filter(geldstroom=fonds))
    assert totaal.gerealiseerd == Decimal("1000.00")
    assert totaal.saldo == Decimal("9000.00")
    assert totaal.vrij == Decimal("9000.00")  # the stopped traject's 500 is free again
    assert Mutatie.objects.filter(kenmerk__startswith=f"traject-{klaar.pk}").count() == 2


def test_a_traject_beyond_the_besluit_saves_nothing(reserve, regio_a, maak_gebruiker):
    with pytest.raises(ValidationError):
        registreer(maak_gebruiker("gids"), regio_a, "6000.00")  # besluit allows 5000
    assert not Traject.objects.exists()
    assert not Mutatie.objects.filter(kenmerk__startswith="traject-").exists()


def test_committed_cost_changes_only_in_the_reserve(reserve, regio_a, maak_gebruiker):
    gids = maak_gebruiker("gids")
    traject = registreer(gids, regio_a, "800.00")
    with pytest.raises(ValidationError) as fout:
        bijwerken(Traject.objects.get(pk=traject.pk), gids, Traject.Status.LOPEND, "900.00")
    assert "kosten" in fout.value.message_dict
    assert Traject.objects.get(pk=traject.pk).kosten == Decimal("800.00")


def test_without_reserve_settings_only_the_cost_is_recorded(regio_a, maak_gebruiker):
    traject = registreer(maak_gebruiker("gids"), regio_a, "300.00")
    assert Traject.objects.get(pk=traject.pk).kosten == Decimal("300.00")
    assert not Mutatie.objects.exists()


def test_reserve_settings_accept_only_a_taken_inzet_besluit_of_the_regio(regio_a, regio_b):
    from rba.models import Besluit

    instelling = LoketInstelling(regio=regio_a)
    for besluit in [
        BesluitFactory(regio=regio_b),
        BesluitFactory(regio=regio_a, status=Besluit.Status.VOORGESTELD),
        BesluitFactory(regio=regio_a, type=Besluit.Type.ADVIES),
    ]:
        instelling.traject_besluit = besluit
        with pytest.raises(ValidationError):
            instelling.full_clean()
    instelling.traject_besluit = BesluitFactory(regio=regio_a)
    instelling.traject_begrotingspost = BegrotingspostFactory(regio=regio_b)
    with pytest.raises(ValidationError):
        instelling.full_clean()
    instelling.traject_begrotingspost = BegrotingspostFactory(regio=regio_a)
    instelling.full_clean()


@pytest.fixture
def _geen_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


def test_the_traject_page_says_where_its_cost_was_booked(
    _geen_mfa, reserve, client, regio_a, maak_gebruiker, kies_doel
):
    _fonds, besluit, _post = reserve
    gids = maak_gebruiker("gids")
    traject = registreer(gids, regio_a, "1200.00")
    client.force_login(gids)
    kies_doel(client, traject)
    html = client.get(reverse("loket:traject", args=[traject.pk])).content.decode()
    assert f"Verplichting op besluit {besluit.nummer}" in html and "TRAJ Trajecten" in html


def test_the_traject_page_says_why_its_cost_was_not_booked(
    _geen_mfa, client, regio_a, maak_gebruiker, kies_doel
):
    gids = maak_gebruiker("gids")
    traject = registreer(gids, regio_a, "1200.00")
    client.force_login(gids)
    kies_doel(client, traject)
    html = client.get(reverse("loket:traject", args=[traject.pk])).content.decode()
    assert "Niet geboekt, omdat de regio geen RBA-besluit voor trajecten heeft ingesteld" in html
