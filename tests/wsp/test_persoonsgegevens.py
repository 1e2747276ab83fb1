"""Personal data on WSP pages besides the kandidaat's own: the werkgever page logs exactly the
kandidaten and contactpersonen it shows."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from werkcentrum.models import AuditEvent
from wsp.models import Contactpersoon

from .factories import KandidaatFactory, PlaatsingFactory, WerkgeverFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _geen_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


def _lijst(event: str) -> AuditEvent:
    return AuditEvent.objects.get(event=event)


# --- werkgever page ------------------------------------------------------------------------


def _werkgever_met_personen(regio, plaatsingen: int = 2, contactpersonen: int = 2):
    werkgever = WerkgeverFactory(regio=regio)
    for i in range(plaatsingen):
        PlaatsingFactory(
            werkgever=werkgever,
            startdatum=date(2025, 3, 1 + i),
            kandidaat=KandidaatFactory(regio=regio, voornaam="Geplaatst", achternaam=f"Nr{i}"),
        )
    for i in range(contactpersonen):
        Contactpersoon.objects.create(
            werkgever=werkgever, naam=f"Contact Nr{i}", email=f"contact{i}@werkgever.example"
        )
    return werkgever


def test_werkgever_page_logs_exactly_the_kandidaten_and_contactpersonen_it_shows(
    client, adviseur, regio_a
):
    werkgever = _werkgever_met_personen(regio_a)
    # Persons of another werkgever and an unplaced kandidaat are not on the page.
    ander = _werkgever_met_personen(regio_a, plaatsingen=1, contactpersonen=1)
    KandidaatFactory(regio=regio_a, achternaam="Nietgeplaatst")
    client.force_login(adviseur)

    body = client.get(werkgever.get_absolute_url()).content.decode()

    kandidaten = _lijst("wsp_kandidatenlijst_ingezien")
    assert kandidaten.gebruiker == adviseur
    assert kandidaten.details["context"] == f"werkgever {werkgever.pk}"
    getoond = {p.kandidaat_id for p in werkgever.plaatsingen.all()}
    assert sorted(kandidaten.details["kandidaten"]) == sorted(getoond)
    for kandidaat in werkgever.plaatsingen.values_list("kandidaat__achternaam", flat=True):
        assert kandidaat in body
    assert "Nietgeplaatst" not in body

    contact = _lijst("wsp_contactpersonenlijst_ingezien")
    assert contact.doel == "werkgeversdienstverlening" and contact.gebruiker == adviseur
    assert contact.details["context"] == f"werkgever {werkgever.pk}"
    assert sorted(contact.details["contactpersonen"]) == sorted(
        werkgever.contactpersonen.values_list("pk", flat=True)
    )
    assert all(c.email in body for c in werkgever.contactpersonen.all())
    assert not set(contact.details["contactpersonen"]) & set(
        ander.contactpersonen.values_list("pk", flat=True)
    )


def test_werkgever_page_without_persons_logs_no_list(client, adviseur, regio_a):
    werkgever = _werkgever_met_personen(regio_a, plaatsingen=0, contactpersonen=0)
    client.force_login(adviseur)
    assert client.get(werkgever.get_absolute_url()).status_code == 200
    assert not AuditEvent.objects.filter(actie=AuditEvent.Actie.INGEZIEN).exists()


def test_werkgever_page_logs_in_the_same_number_of_queries_for_one_or_many_persons(
    client, adviseur, regio_a
):
    klein = _werkgever_met_personen(regio_a, plaatsingen=1, contactpersonen=1)
    groot = _werkgever_met_personen(regio_a, plaatsingen=8, contactpersonen=6)
    client.force_login(adviseur)
    client.get(klein.get_absolute_url())  # a first request saves the session
    tellingen = []
    for werkgever in (klein, groot):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(werkgever.get_absolute_url()).status_code == 200
        tellingen.append(len(ctx.captured_queries))
    # The bench allows 10 per page; the two list events are two of them.
    assert tellingen[0] == tellingen[1] <= 10, tellingen
    assert len(_lijst_van(groot, "wsp_kandidatenlijst_ingezien").details["kandidaten"]) == 8


def _lijst_van(werkgever, event: str) -> AuditEvent:
    return AuditEvent.objects.get(event=event, details__context=f"werkgever {werkgever.pk}")
