"""Personal data on WSP pages besides the kandidaat's own: a werkgeversverzoek (its contact
person's name, e-mail and phone) opens only after a purpose of the user's roles is chosen and
is logged with it; the werkgever page logs exactly the kandidaten and contactpersonen it
shows."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.queries import sessie_queries
from werkcentrum.doelbinding import KEUZE_VELD
from werkcentrum.models import AuditEvent
from wsp.models import Contactpersoon, Werkgeversverzoek

from .factories import KandidaatFactory, PlaatsingFactory, VerzoekFactory, WerkgeverFactory

VRAAG = "Waarom open je dit dossier?"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _geen_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


def _lijst(event: str) -> AuditEvent:
    return AuditEvent.objects.get(event=event)


def _gelogd() -> list[AuditEvent]:
    """Every event but the login of the test user."""
    return list(AuditEvent.objects.exclude(event="ingelogd"))


# --- werkgeversverzoek ---------------------------------------------------------------------


@pytest.fixture
def verzoek(regio_a) -> Werkgeversverzoek:
    return VerzoekFactory(
        regio=regio_a,
        contactnaam="Iris Verzoeker",
        email="iris@garage.example",
        telefoon="0231234567",
    )


PERSOONLIJK = ("Iris Verzoeker", "iris@garage.example", "0231234567")


def test_verzoek_asks_why_first_and_shows_no_contact_person(client, adviseur, verzoek):
    client.force_login(adviseur)
    response = client.get(reverse("wsp:verzoek", args=[verzoek.pk]))
    html = response.content.decode()
    assert response.status_code == 200 and VRAAG in html
    assert not [p for p in PERSOONLIJK if p in html]
    assert 'value="werkgeversdienstverlening"' in html and 'value="traject_begeleiden"' not in html
    assert _gelogd() == []


@pytest.mark.parametrize(
    ("rol", "doel"),
    [("wsp_adviseur", "werkgeversdienstverlening"), ("wsp_manager", "kwaliteitscontrole")],
)
def test_verzoek_opens_with_a_purpose_of_the_role_and_logs_it_once(
    client, maak_gebruiker, verzoek, rol, doel
):
    client.force_login(maak_gebruiker(rol))
    url = reverse("wsp:verzoek", args=[verzoek.pk])
    response = client.post(url, {KEUZE_VELD: doel})
    assert response.status_code == 302 and response["Location"] == url
    assert _gelogd() == []  # choosing is not reading
    html = client.get(url).content.decode()
    assert VRAAG not in html and all(p in html for p in PERSOONLIJK)
    [event] = _gelogd()
    assert (event.event, event.doel, event.object_id) == (
        "persoonsgegevens_ingezien",
        doel,
        str(verzoek.pk),
    )
    assert event.content_type.model == "werkgeversverzoek"


def test_verzoek_refuses_a_purpose_of_another_role_in_dutch_and_logs_nothing(
    client, adviseur, verzoek
):
    client.force_login(adviseur)
    url = reverse("wsp:verzoek", args=[verzoek.pk])
    response = client.post(url, {KEUZE_VELD: "traject_begeleiden"})  # a gids's purpose
    html = response.content.decode()
    assert response.status_code == 400
    assert "Dit doel hoort niet bij je rol" in html
    assert not [p for p in PERSOONLIJK if p in html]
    assert VRAAG in client.get(url).content.decode()
    assert _gelogd() == []


def test_verzoek_reply_without_a_purpose_changes_nothing(client, adviseur, verzoek):
    client.force_login(adviseur)
    response = client.post(reverse("wsp:verzoek", args=[verzoek.pk]), {"reactie": "Gebeld"})
    assert VRAAG in response.content.decode()
    verzoek.refresh_from_db()
    assert verzoek.eerste_reactie_op is None
    assert _gelogd() == []


def test_verzoek_of_another_regio_is_404_before_any_question(
    client, maak_gebruiker, verzoek, regio_b
):
    client.force_login(maak_gebruiker("wsp_adviseur", regio=regio_b))
    assert client.get(reverse("wsp:verzoek", args=[verzoek.pk])).status_code == 404


def test_a_verzoek_taken_by_phone_opens_for_its_author_without_asking(client, adviseur):
    from .factories import sector

    client.force_login(adviseur)
    client.post(
        reverse("wsp:verzoek_nieuw"),
        {
            "bedrijfsnaam": "Garage Noord",
            "contactnaam": "Iris Verzoeker",
            "email": "iris@garage.example",
            "vraag": "Monteur gezocht",
            "sector": sector("techniek").pk,
        },
        follow=True,
    )
    verzoek = Werkgeversverzoek.objects.get()
    assert [(e.doel, e.object_id) for e in _gelogd() if e.actie == AuditEvent.Actie.INGEZIEN] == [
        ("werkgeversdienstverlening", str(verzoek.pk))
    ]


def test_verzoeken_list_names_no_contact_person(client, adviseur, verzoek):
    """Why the list writes no list event: it shows company, queue and status only. If it
    ever shows the contact person, it needs a list event like the kandidatenlijst."""
    client.force_login(adviseur)
    html = client.get(reverse("wsp:verzoeken")).content.decode()
    assert verzoek.bedrijfsnaam in html
    assert not [p for p in PERSOONLIJK if p in html]


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


TRANSACTIE = re.compile(r"^(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE SAVEPOINT|ROLLBACK TO)", re.I)


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
        # As the bench counts: transaction control (BEGIN, SAVEPOINT, ...) is not a query.
        tellingen.append(sum(not TRANSACTIE.match(q["sql"]) for q in ctx.captured_queries))
    # The bench allows 10 per page; the two list events are two of them.
    assert tellingen[0] == tellingen[1] <= 10 + sessie_queries(), tellingen
    assert len(_lijst_van(groot, "wsp_kandidatenlijst_ingezien").details["kandidaten"]) == 8


def _lijst_van(werkgever, event: str) -> AuditEvent:
    return AuditEvent.objects.get(event=event, details__context=f"werkgever {werkgever.pk}")


def test_the_kept_werkgever_page_logs_every_showing_and_shows_a_new_contact_at_once(
    client, adviseur, regio_a, settings
):
    werkgever = _werkgever_met_personen(regio_a, plaatsingen=1, contactpersonen=1)
    client.force_login(adviseur)
    for _ in range(3):
        assert client.get(werkgever.get_absolute_url()).status_code == 200
    lijsten = AuditEvent.objects.filter(
        event="wsp_contactpersonenlijst_ingezien", details__context=f"werkgever {werkgever.pk}"
    )
    assert lijsten.count() == 3
    nieuw = Contactpersoon.objects.create(werkgever=werkgever, naam="Nieuw Contact")
    assert "Nieuw Contact" in client.get(werkgever.get_absolute_url()).content.decode()
    assert (
        nieuw.pk
        in AuditEvent.objects.filter(event="wsp_contactpersonenlijst_ingezien")
        .latest("pk")
        .details["contactpersonen"]
    )


def test_the_kept_werkgever_page_is_never_shown_outside_the_regio(
    client, maak_gebruiker, regio_a, regio_b, settings
):
    werkgever = _werkgever_met_personen(regio_a, plaatsingen=1, contactpersonen=1)
    eigen = maak_gebruiker("wsp_adviseur")
    client.force_login(eigen)
    assert client.get(werkgever.get_absolute_url()).status_code == 200
    client.force_login(maak_gebruiker("wsp_adviseur", regio=regio_b))
    assert client.get(werkgever.get_absolute_url()).status_code == 404
