"""The privacy officer's person search and the pages that confirm, per person, what an inzage
download or an erasure touches (issue 22, point 4)."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from tests.loket.factories import VraagFactory
from tests.wsp.factories import KandidaatFactory, PlaatsingFactory, VerzoekFactory

UTC = ZoneInfo("UTC")


@pytest.fixture(autouse=True)
def _zonder_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


@pytest.fixture
def fg(client, maak_gebruiker):
    client.force_login(maak_gebruiker("privacy_officer"))


@pytest.fixture
def peters(regio_a):
    """Three people called Peters: Lotte twice (a placed kandidaat and a vraag), Jan once."""
    lotte = PlaatsingFactory(
        werkgever__regio=regio_a,
        kandidaat__voornaam="Lotte",
        kandidaat__achternaam="Peters",
        kandidaat__email="lotte@voorbeeld.nl",
    ).kandidaat
    vraag = VraagFactory(regio=regio_a, naam="Lotte Peters", email="lotte@voorbeeld.nl")
    jan = KandidaatFactory(regio=regio_a, voornaam="Jan", achternaam="Peters")
    anders = KandidaatFactory(regio=regio_a, voornaam="Lotte", achternaam="Jansen")
    return {"lotte": lotte, "vraag": vraag, "jan": jan, "anders": anders}


def _zoek(client, term):
    return client.post(reverse("privacy:personen"), {"zoek": term})


def test_search_ticks_nothing_and_groups_the_hits_per_person(client, fg, peters):
    response = _zoek(client, "Peters")
    html = response.content.decode()
    assert len(response.context["records"]) == 3
    assert 'name="dossier"' in html and "checked" not in html
    legends = re.findall(r'<legend class="utrecht-form-fieldset__legend">([^<]*)</legend>', html)
    assert legends == ["Lotte Peters (lotte@voorbeeld.nl)", "Jan Peters"]


@pytest.mark.parametrize("term", ["Lotte Peters", "lotte  peters", "Peters, Lotte"])
def test_a_full_name_finds_the_person_across_first_and_last_name(client, fg, peters, term):
    gevonden = {r.obj for r in _zoek(client, term).context["records"]}
    assert gevonden == {peters["lotte"], peters["vraag"]}


def test_search_shows_times_in_amsterdam_time(client, fg, regio_a):
    VerzoekFactory(
        regio=regio_a,
        contactnaam="Lotte Peters",
        ontvangen_op=datetime(2026, 7, 1, 10, 5, tzinfo=UTC),
    )
    html = _zoek(client, "Lotte Peters").content.decode()
    assert "01-07-2026 12:05" in html and "10:05" not in html


def _sleutels(*objs) -> list[str]:
    return [f"{o._meta.label_lower}:{o.pk}" for o in objs]


def test_inzage_page_confirms_per_person_what_the_download_holds(client, fg, peters):
    dossiers = _sleutels(peters["vraag"], peters["lotte"], peters["jan"])
    html = client.get(reverse("privacy:inzage"), {"dossier": dossiers}).content.decode()
    assert "De gekozen dossiers zijn van 2 verschillende personen." in html
    tekst = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))
    assert "Lotte Peters (lotte@voorbeeld.nl): 1 vraag, 1 kandidaat; daarbij 1 plaatsing" in tekst
    assert "Jan Peters: 1 kandidaat" in tekst


def test_erasure_page_confirms_per_person_and_one_person_gets_no_warning(client, fg, peters):
    dossiers = _sleutels(peters["lotte"], peters["vraag"])
    html = client.get(reverse("privacy:verwijderen"), {"dossier": dossiers}).content.decode()
    tekst = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))
    assert "Lotte Peters (lotte@voorbeeld.nl): 1 kandidaat, 1 vraag" in tekst
    assert "verschillende personen" not in html


def test_erasing_records_of_two_people_needs_an_explicit_tick(client, fg, peters):
    dossiers = _sleutels(peters["lotte"], peters["jan"])
    url = reverse("privacy:verwijderen")
    zonder = client.post(url, {"dossier": dossiers, "reden": "Verzoek per brief"})
    assert zonder.status_code == 400
    assert "bevestig dat ze allemaal bij het verzoek horen" in zonder.content.decode()
    assert zonder.context["form"]["reden"].value() == "Verzoek per brief"  # input kept
    peters["jan"].refresh_from_db()  # nothing erased
    met = client.post(
        url, {"dossier": dossiers, "reden": "Verzoek per brief", "personen_gecontroleerd": "on"}
    )
    assert met.status_code == 302
    assert not type(peters["jan"]).objects.filter(pk=peters["jan"].pk).exists()


def test_erasing_one_persons_records_asks_no_extra_tick(client, fg, peters):
    dossiers = _sleutels(peters["lotte"], peters["vraag"])
    html = client.get(reverse("privacy:verwijderen"), {"dossier": dossiers}).content.decode()
    assert "personen_gecontroleerd" not in html


def test_the_erasure_confirmation_logs_whom_it_showed(client, fg, peters):
    from werkcentrum.models import AuditEvent

    dossiers = _sleutels(peters["lotte"], peters["vraag"])
    client.get(reverse("privacy:verwijderen"), {"dossier": dossiers})
    event = AuditEvent.objects.get(event="personen_ingezien", doel="verwijderverzoek")
    assert event.details == {
        "context": "verwijderverzoek",
        "kandidaten": [peters["lotte"].pk],
        "vragen": [peters["vraag"].pk],
    }
