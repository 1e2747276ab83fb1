"""The logboek page names staff, events and records in words, and shows Amsterdam time."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from tests.wsp.factories import KandidaatFactory
from werkcentrum import logboek
from werkcentrum.models import AuditEvent

UTC = ZoneInfo("UTC")


@pytest.fixture(autouse=True)
def _zonder_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


@pytest.fixture
def regel(client, maak_gebruiker, regio_a):
    client.force_login(maak_gebruiker("privacy_officer"))
    gids = maak_gebruiker("gids", first_name="Sanne", last_name="de Gids")
    kandidaat = KandidaatFactory(regio=regio_a)
    return AuditEvent.objects.create(
        tijdstip=datetime(2026, 7, 1, 22, 30, tzinfo=UTC),  # 2 July, 00:30 in Amsterdam
        gebruiker=gids,
        regio=regio_a,
        actie=AuditEvent.Actie.INGEZIEN,
        event="wsp_kandidatenlijst_ingezien",
        content_type=ContentType.objects.get_for_model(kandidaat),
        object_id=str(kandidaat.pk),
        doel="bemiddeling",
    )


def test_logboek_shows_names_labels_and_records_in_words(client, regel):
    html = client.get(reverse("privacy:logboek")).content.decode()
    assert "Sanne de Gids" in html and regel.gebruiker.email not in html
    assert "WSP: kandidatenlijst ingezien" in html and "wsp_kandidatenlijst_ingezien" not in html
    assert f"Kandidaat #{regel.object_id}</a>" in html
    assert f"?betrokkene=wsp.kandidaat%3A{regel.object_id}" in html


def test_logboek_export_names_staff_events_and_records_in_words_too(client, regel):
    import csv
    import io

    response = client.get(reverse("privacy:logboek_export", args=["csv"]))
    kop, *rijen = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    [rij] = [r for r in rijen if r[3] == "wsp_kandidatenlijst_ingezien"]
    assert rij[0] == "2026-07-02T00:30:00+02:00"
    woorden = dict(zip(kop, rij, strict=True))
    assert woorden["Naam medewerker"] == "Sanne de Gids"
    assert woorden["Omschrijving"] == "WSP: kandidatenlijst ingezien"
    assert woorden["Dossier"] == f"Kandidaat #{regel.object_id}"


def test_logboek_shows_amsterdam_time(client, regel):
    html = client.get(reverse("privacy:logboek")).content.decode()
    assert "02-07-2026 00:30:00" in html and "01-07-2026 22:30" not in html


def test_the_logboek_entry_itself_reads_in_amsterdam_time(regel):
    assert str(regel).startswith("2026-07-02 00:30")


@pytest.mark.parametrize(
    ("code", "naam"),
    [
        ("persoonsgegevens_ingezien", "Persoonsgegevens ingezien"),
        ("rba_besluit_vastgelegd", "RBA: besluit vastgelegd"),
        ("financien_mutatie_geboekt", "Financiën: mutatie geboekt"),
        ("iets_nieuws", "Iets nieuws"),
    ],
)
def test_every_event_code_gets_a_readable_name(code, naam):
    assert logboek.event_naam(code) == naam
