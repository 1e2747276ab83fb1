"""Editing a traject keeps what was not changed (issue 21, point 7)."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from loket import services
from loket.models import Traject
from tests.factories import OrganisatieFactory
from tests.formulieren import als_post_data, formulieren

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _geen_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


def test_saving_a_traject_unchanged_keeps_its_einddatum(client, regio_a, maak_gebruiker, kies_doel):
    gids = maak_gebruiker("gids")
    traject = services.traject_registreren(
        door=gids,
        soort=Traject.Soort.OPLEIDING,
        aanbieder=OrganisatieFactory(regio=regio_a),
        startdatum=date(2026, 3, 2),
        einddatum=date(2026, 6, 30),
        kosten=Decimal("750.00"),
        toestemming=True,
        toestemming_gegevens="naam",
        naam="Fictieve Deelnemer",
    )
    client.force_login(gids)
    kies_doel(client, traject)
    url = reverse("loket:traject", args=[traject.pk])
    html = client.get(url).content.decode()
    assert 'type="date" name="einddatum" value="2026-06-30"' in html
    [formulier] = [
        f for f in formulieren(html) if f["method"] == "post" and f["action"] in ("", url)
    ]
    response = client.post(url, als_post_data(formulier))
    assert response.status_code == 302
    traject.refresh_from_db()
    assert traject.einddatum == date(2026, 6, 30)
    assert traject.status == Traject.Status.AANGEVRAAGD and traject.kosten == Decimal("750.00")
