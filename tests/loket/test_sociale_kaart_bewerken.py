"""The sociale kaart offers "bewerken" exactly where services.mag_dienst_beheren allows it:
the coordinator every dienst of the regio, a partnermedewerker only its own organisation's."""

import pytest
from django.urls import reverse

from tests.loket.factories import DienstFactory

pytestmark = pytest.mark.django_db


def _bewerkbaar(client, user, diensten) -> set[str]:
    client.force_login(user)
    html = client.get(reverse("loket:sociale_kaart")).content.decode()
    return {d.naam for d in diensten if reverse("loket:dienst_bewerken", args=[d.pk]) in html}


def test_each_role_sees_bewerken_where_it_may_edit(client, maak_gebruiker, regio_a, settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    eigen = DienstFactory(regio=regio_a, naam="Schuldhulp")
    ander = DienstFactory(regio=regio_a, naam="Taalcafé")
    diensten = [eigen, ander]
    coordinator = maak_gebruiker("coordinator")
    partner = maak_gebruiker("partnermedewerker", organisatie=eigen.organisatie)
    gids = maak_gebruiker("gids")
    assert _bewerkbaar(client, coordinator, diensten) == {"Schuldhulp", "Taalcafé"}
    assert _bewerkbaar(client, partner, diensten) == {"Schuldhulp"}
    assert _bewerkbaar(client, gids, diensten) == set()


def test_dienst_toevoegen_is_offered_to_whom_may_add(client, maak_gebruiker, regio_a, settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    nieuw = reverse("loket:dienst_nieuw")
    organisatie = DienstFactory(regio=regio_a).organisatie
    for rol, ziet in (("coordinator", True), ("partnermedewerker", True), ("gids", False)):
        client.force_login(maak_gebruiker(rol, organisatie=organisatie))
        assert (nieuw in client.get(reverse("loket:sociale_kaart")).content.decode()) is ziet
