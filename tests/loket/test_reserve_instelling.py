"""The demo regio books trajecten in its reserve, and the coordinator is warned when the regio
has no standing besluit or begrotingspost for trajecten (issue 21, point 7)."""

import io
import random
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from financien import demo as financien_demo
from financien.models import Mutatie
from loket import demo as loket_demo
from loket import services
from loket.models import LoketInstelling, Traject
from tests.factories import OrganisatieFactory
from tests.financien.factories import BegrotingspostFactory, BesluitFactory
from werkcentrum.demo import DemoContext, generatoren

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _geen_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


def test_the_loket_reserve_demo_runs_after_the_financien_demo():
    namen = [naam for naam, _ in generatoren()]
    assert namen.index("loket-reserve") > namen.index("financien")


def test_a_traject_in_the_demo_regio_is_booked_on_the_trajecten_besluit(regio_a, maak_gebruiker):
    ctx = DemoContext(regio=regio_a, rng=random.Random(1), scale=1, stdout=io.StringIO())
    LoketInstelling.objects.create(regio=regio_a)
    financien_demo.reserve(ctx)
    loket_demo.loket_reserve(ctx)
    instelling = LoketInstelling.objects.get(regio=regio_a)
    assert instelling.traject_begrotingspost.code == "TRJ"
    assert instelling.traject_besluit.titel.startswith("Inzet reserve voor het Werkcentrum")
    traject = services.traject_registreren(
        door=maak_gebruiker("gids"),
        soort=Traject.Soort.OPLEIDING,
        aanbieder=OrganisatieFactory(regio=regio_a),
        startdatum=date.today(),
        kosten=Decimal("1500.00"),
        toestemming=True,
        toestemming_gegevens="naam",
        naam="Fictieve Deelnemer",
    )
    verplichting = Mutatie.objects.get(kenmerk=f"traject-{traject.pk}")
    assert verplichting.besluit == instelling.traject_besluit
    assert verplichting.bedrag == Decimal("1500.00")


def _melding(client, gebruiker) -> str:
    client.force_login(gebruiker)
    html = client.get(reverse("loket:trajecten")).content.decode()
    if 'data-testid="reserve-melding"' not in html:
        return ""
    return html.split('data-testid="reserve-melding"')[1].split("</div>")[0]


def test_the_coordinator_is_warned_without_a_trajecten_besluit(client, regio_a, maak_gebruiker):
    coordinator = maak_gebruiker("coordinator", regio=regio_a)
    assert "geen RBA-besluit voor trajecten" in _melding(client, coordinator)
    LoketInstelling.objects.create(
        regio=regio_a, traject_besluit=BesluitFactory(regio=regio_a, bedrag="5000.00")
    )
    assert "geen begrotingspost voor trajecten" in _melding(client, coordinator)
    LoketInstelling.objects.filter(regio=regio_a).update(
        traject_begrotingspost=BegrotingspostFactory(regio=regio_a, code="TRAJ")
    )
    assert _melding(client, coordinator) == ""


def test_a_besluit_that_does_not_count_as_genomen_warns_too(
    client, regio_a, maak_gebruiker, time_machine
):
    besluit = BesluitFactory(regio=regio_a, bedrag="5000.00")
    LoketInstelling.objects.create(
        regio=regio_a,
        traject_besluit=besluit,
        traject_begrotingspost=BegrotingspostFactory(regio=regio_a, code="TRAJ"),
    )
    time_machine.move_to(besluit.datum.replace(year=besluit.datum.year - 1))  # not yet taken
    assert "niet (meer) genomen" in _melding(client, maak_gebruiker("coordinator", regio=regio_a))


def test_a_gids_gets_no_settings_warning(client, regio_a, maak_gebruiker):
    assert _melding(client, maak_gebruiker("gids", regio=regio_a)) == ""
