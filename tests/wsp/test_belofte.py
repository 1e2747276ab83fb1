"""Issue 22 point 6: the promise to werkgevers is visible (deadline and time left on the list
and the page, overdue said in words), the month statistics count only verzoeken that can be
judged, and the warning and escalation mails carry the link and the deadline. The promise is
the regio's (WspInstelling.werkgever_belofte_uren, 24 by default)."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.urls import reverse
from time_machine import travel

from werkcentrum.doelbinding import KEUZE_VELD
from wsp import services
from wsp.models import WspInstelling
from wsp.selectors import verzoeken_per_maand

from .factories import VerzoekFactory

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")
NU = datetime(2026, 12, 7, 12, 0, tzinfo=AMS)


@pytest.fixture(autouse=True)
def _geen_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    settings.SITE_URL = "https://werkcentrum.test"


def test_the_list_shows_deadline_time_left_and_overdue_in_words(client, adviseur, regio_a):
    VerzoekFactory(regio=regio_a, bedrijfsnaam="Vers BV", ontvangen_op=NU - timedelta(hours=3))
    VerzoekFactory(regio=regio_a, bedrijfsnaam="Oud BV", ontvangen_op=NU - timedelta(hours=30))
    client.force_login(adviseur)
    with travel(NU, tick=False):
        html = client.get(reverse("wsp:verzoeken")).content.decode().replace("\xa0", " ")
    vers, oud = html.index("Vers BV"), html.index("Oud BV")
    assert "Uiterlijk reageren" in html and "Tijd over" in html
    # Received 09:00 on 7 December: the deadline is 8 December 09:00, 21 hours left.
    rij_vers = html[vers : html.index("</tr>", vers)]
    assert (
        "8 dec 09:00" in rij_vers.lower() and "nog 21 uur" in rij_vers and "te laat" not in rij_vers
    )
    rij_oud = html[oud : html.index("</tr>", oud)]
    assert "te laat" in rij_oud and "6 uur over de termijn" in rij_oud


def test_a_regio_with_48_hours_gets_48(client, adviseur, regio_a):
    WspInstelling.objects.create(regio=regio_a, werkgever_belofte_uren=48)
    verzoek = VerzoekFactory(
        regio=regio_a, bedrijfsnaam="Traag BV", ontvangen_op=NU - timedelta(hours=30)
    )
    assert verzoek.deadline == NU + timedelta(hours=18)
    client.force_login(adviseur)
    with travel(NU, tick=False):
        html = client.get(reverse("wsp:verzoeken")).content.decode().replace("\xa0", " ")
        assert "binnen 48 uur een reactie" in html
        rij = html[html.index("Traag BV") :]
        rij = rij[: rij.index("</tr>")]
        assert "nog 18 uur" in rij and "te laat" not in rij
        # No warning at 20 or escalation at 24 hours: at 44 and 48.
        assert services.verzoeken_bewaken(nu=NU) == {"gewaarschuwd": 0, "geescaleerd": 0}
        assert services.verzoeken_bewaken(nu=NU + timedelta(hours=14)) == {
            "gewaarschuwd": 1,
            "geescaleerd": 0,
        }
        assert services.verzoeken_bewaken(nu=NU + timedelta(hours=18)) == {
            "gewaarschuwd": 0,
            "geescaleerd": 1,
        }


def test_the_page_shows_deadline_and_overdue(client, adviseur, regio_a):
    verzoek = VerzoekFactory(regio=regio_a, ontvangen_op=NU - timedelta(hours=26))
    client.force_login(adviseur)
    url = reverse("wsp:verzoek", args=[verzoek.pk])
    with travel(NU, tick=False):
        client.post(url, {KEUZE_VELD: "werkgeversdienstverlening"})
        html = client.get(url).content.decode().replace("\xa0", " ")
    assert "Uiterlijk reageren" in html and "7 december 2026 10:00" in html
    assert "te laat" in html and "2 uur over de termijn" in html


def test_month_statistics_count_only_verzoeken_that_can_be_judged(adviseur, regio_a):
    # Still inside its 24 hours, unanswered: not (yet) a miss.
    VerzoekFactory(regio=regio_a, ontvangen_op=NU - timedelta(hours=2))
    assert verzoeken_per_maand(user=adviseur, nu=NU) == []
    # Answered in time, past its deadline unanswered, answered late.
    op_tijd = VerzoekFactory(regio=regio_a, ontvangen_op=NU - timedelta(hours=3))
    services.verzoek_beantwoorden(
        verzoek=op_tijd, door=adviseur, reactie="Gebeld", op=NU - timedelta(hours=1)
    )
    VerzoekFactory(regio=regio_a, ontvangen_op=NU - timedelta(hours=25))
    [rij] = verzoeken_per_maand(user=adviseur, nu=NU)
    assert (rij["totaal"], rij["binnen"], rij["aandeel"]) == (2, 1, 50.0)


def test_month_statistics_use_the_regio_promise(adviseur, regio_a):
    WspInstelling.objects.create(regio=regio_a, werkgever_belofte_uren=48)
    v = VerzoekFactory(regio=regio_a, ontvangen_op=NU - timedelta(hours=40))
    VerzoekFactory(regio=regio_a, ontvangen_op=NU - timedelta(hours=30))  # still inside 48
    services.verzoek_beantwoorden(verzoek=v, door=adviseur, reactie="ok", op=NU)
    [rij] = verzoeken_per_maand(user=adviseur, nu=NU)
    assert (rij["totaal"], rij["binnen"]) == (1, 1)


def test_warning_and_escalation_mails_carry_the_link_and_the_deadline(adviseur, manager, regio_a):
    verzoek = VerzoekFactory(
        regio=regio_a, toegewezen_aan=adviseur, ontvangen_op=NU - timedelta(hours=20)
    )
    link = "https://werkcentrum.test" + reverse("wsp:verzoek", args=[verzoek.pk])
    services.verzoeken_bewaken(nu=NU)
    services.verzoeken_bewaken(nu=NU + timedelta(hours=4))
    waarschuwing, escalatie = mail.outbox
    assert waarschuwing.to == [adviseur.email] and escalatie.to == [manager.email]
    for bericht in (waarschuwing, escalatie):
        assert link in bericht.body
        assert "7 december 2026 16:00" in bericht.body
