"""Spreekuren skip Dutch public holidays and closures, and say which are open today
(issue 21, point 3)."""

from datetime import UTC, date, datetime, time

import pytest
import time_machine

from loket.models import Sluiting
from tests.factories import LocatieFactory, OpeningstijdFactory

pytestmark = pytest.mark.django_db


def _locatie(regio, naam, weekdag):
    locatie = LocatieFactory(regio=regio, naam=naam)
    OpeningstijdFactory(locatie=locatie, weekdag=weekdag, begintijd=time(9), eindtijd=time(12))
    return locatie


def test_christmas_and_new_year_are_no_spreekuur(client, regio_a):
    # Friday 25 December 2026 (Eerste Kerstdag) and Friday 1 January 2027 (Nieuwjaarsdag).
    _locatie(regio_a, "Raadhuis Heemstede", weekdag=5)
    with time_machine.travel(datetime(2026, 12, 21, 9, tzinfo=UTC)):
        response = client.get("/zkij/spreekuren/")
    datums = [s.datum for s in response.context["sessies"]]
    assert date(2026, 12, 25) not in datums and date(2027, 1, 1) not in datums
    assert date(2027, 1, 8) in datums and date(2027, 1, 15) in datums


def test_the_page_says_which_locations_are_open_today(client, regio_a):
    # Monday 28 December 2026: an ordinary working day.
    _locatie(regio_a, "Bibliotheek Centrum", weekdag=1)
    dicht = _locatie(regio_a, "Wijkcentrum Noord", weekdag=1)
    _locatie(regio_a, "Raadhuis Heemstede", weekdag=5)
    Sluiting.objects.create(locatie=dicht, datum=date(2026, 12, 28), reden="Studiedag")
    with time_machine.travel(datetime(2026, 12, 28, 9, tzinfo=UTC)):
        response = client.get("/zkij/spreekuren/")
    assert [loc.naam for loc in response.context["open_vandaag"]] == ["Bibliotheek Centrum"]
    html = response.content.decode()
    blok = html[html.index('data-testid="open-vandaag"') :][:400]
    assert "Bibliotheek Centrum" in blok and "Wijkcentrum Noord" not in blok


def test_on_a_holiday_no_location_is_open_today(client, regio_a):
    _locatie(regio_a, "Raadhuis Heemstede", weekdag=5)
    with time_machine.travel(datetime(2026, 12, 25, 9, tzinfo=UTC)):
        response = client.get("/zkij/spreekuren/")
    assert response.context["open_vandaag"] == []
    assert "Vandaag is er geen spreekuur." in response.content.decode()
