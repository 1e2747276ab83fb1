"""Every list page and every page that shows a shared table (components/tabel.html) shows its
rows; the main list pages cost a fixed number of queries, with one row as with thirty.

Issue 22 point 1: the actie table looped over `objecten` while its callers passed `acties`,
so the vergadering and besluit pages said "Geen acties gevonden". Each case below renders a
page with data and asserts the rows are there."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import LocatieFactory, OrganisatieFactory
from tests.loket.factories import DienstFactory, DoorverwijzingFactory, GesprekFactory, VraagFactory
from tests.rba.factories import (
    ActieFactory,
    BesluitFactory,
    OnderwerpFactory,
    OverlegorgaanFactory,
    VergaderingFactory,
)
from tests.wsp.factories import (
    KandidaatFactory,
    PlaatsingFactory,
    VacatureFactory,
    WerkgeverFactory,
)

pytestmark = pytest.mark.django_db

MAX_QUERIES = 10


@pytest.fixture(autouse=True)
def _geen_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


@dataclass(frozen=True)
class Lijst:
    naam: str
    rollen: tuple[str, ...]
    url: str
    # Makes row number i of the regio and returns the text that row shows.
    maak: object
    # None: no query budget asserted (a detail page); else at most MAX_QUERIES.
    hoofdlijst: bool = True


def _werkgever(regio, i):
    return WerkgeverFactory(regio=regio, naam=f"Werkgever rij {i:02d}").naam


def _vacature(regio, i):
    return VacatureFactory(
        werkgever=WerkgeverFactory(regio=regio), functie=f"Functie {i:02d}"
    ).functie


def _kandidaat(regio, i):
    return str(KandidaatFactory(regio=regio, achternaam=f"Rij{i:02d}"))


def _plaatsing(regio, i):
    kandidaat = KandidaatFactory(regio=regio, achternaam=f"Geplaatst{i:02d}")
    return str(
        PlaatsingFactory(werkgever=WerkgeverFactory(regio=regio), kandidaat=kandidaat).kandidaat
    )


def _orgaan(regio):
    return OverlegorgaanFactory(regio=regio, naam="Regionaal Beraad")


def _vergadering(regio, i):
    return VergaderingFactory(orgaan=_orgaan(regio), locatie=f"Zaal {i:02d}").locatie


def _besluit(regio, i):
    return BesluitFactory(orgaan=_orgaan(regio), titel=f"Besluit rij {i:02d}").titel


def _actie(regio, i):
    return ActieFactory(orgaan=_orgaan(regio), omschrijving=f"Actie rij {i:02d}").omschrijving


def _onderwerp(regio, i):
    return OnderwerpFactory(regio=regio, titel=f"Onderwerp {i:02d}").titel


def _vraag(regio, i):
    return VraagFactory(regio=regio, referentie=f"WC-RIJ-{i:04d}").referentie


def _gesprek(regio, i):
    datum = date(2026, 1, 1) + timedelta(days=i)
    GesprekFactory(regio=regio, datum=datum)
    return datum.strftime("%d-%m-%Y")


def _doorverwijzing(regio, i):
    dienst = DienstFactory(regio=regio, naam=f"Verwezen dienst {i:02d}")
    return DoorverwijzingFactory(regio=regio, dienst=dienst).dienst.naam


def _dienst(regio, i):
    return DienstFactory(regio=regio, naam=f"Dienst rij {i:02d}").naam


def _organisatie(regio, i):
    return OrganisatieFactory(regio=regio, naam=f"Organisatie {i:02d}").naam


def _locatie(regio, i):
    return LocatieFactory(regio=regio, naam=f"Locatie {i:02d}").naam


LIJSTEN = [
    Lijst("werkgevers", ("wsp_adviseur",), "/wsp/werkgevers/", _werkgever),
    Lijst("vacatures", ("wsp_adviseur",), "/wsp/vacatures/", _vacature),
    Lijst("kandidaten", ("wsp_adviseur",), "/wsp/kandidaten/", _kandidaat),
    Lijst("plaatsingen", ("wsp_adviseur",), "/wsp/plaatsingen/", _plaatsing),
    Lijst("vergaderingen", ("rba_secretariaat",), "/rba/vergaderingen/", _vergadering),
    Lijst("besluiten", ("rba_secretariaat",), "/rba/besluiten/", _besluit),
    Lijst("acties", ("rba_secretariaat",), "/rba/acties/", _actie),
    Lijst("onderwerpen", ("rba_secretariaat",), "/rba/onderwerpen/", _onderwerp),
    Lijst("vragen", ("gids",), "/loket/vragen/", _vraag),
    Lijst("gesprekken", ("gids",), "/loket/gesprekken/", _gesprek),
    Lijst("doorverwijzingen", ("coordinator",), "/loket/doorverwijzingen/", _doorverwijzing),
    Lijst("sociale kaart", ("gids",), "/loket/sociale-kaart/", _dienst),
    Lijst("organisaties", ("gids",), "/organisaties/", _organisatie),
    Lijst("locaties", ("gids",), "/locaties/", _locatie),
]


def _get(client, url) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode(), len(queries.captured_queries)


@pytest.mark.parametrize("lijst", LIJSTEN, ids=lambda lijst: lijst.naam)
def test_a_list_page_shows_its_rows_with_a_fixed_number_of_queries(
    lijst, maak_gebruiker, regio_a, regio_b
):
    client = Client()
    client.force_login(maak_gebruiker(*lijst.rollen))
    eerste = lijst.maak(regio_a, 0)
    elders = lijst.maak(regio_b, 99)
    # Each measurement after a first request: the session's role cache is read again after
    # the factories created medewerkers with roles, which is not the list's cost.
    client.get(lijst.url)
    html, een = _get(client, lijst.url)
    assert eerste in html and elders not in html
    rijen = [eerste, *(lijst.maak(regio_a, i) for i in range(1, 30))]
    client.get(lijst.url)
    html, dertig = _get(client, lijst.url)
    # A page holds 25 (the organisaties and locaties 50): every one of them shows.
    assert sum(rij in html for rij in rijen) >= 25, lijst.naam
    assert elders not in html
    assert dertig == een, f"{lijst.naam}: {een} queries with 1 row, {dertig} with 30"
    assert een <= MAX_QUERIES, f"{lijst.naam}: {een} queries"


def _secretariaat(maak_gebruiker) -> Client:
    client = Client()
    client.force_login(maak_gebruiker("rba_secretariaat"))
    return client


def test_the_acties_of_a_vergadering_and_those_carried_over_to_it_are_shown(
    maak_gebruiker, regio_a
):
    from rba import services

    orgaan = _orgaan(regio_a)
    vorige = VergaderingFactory(orgaan=orgaan, datum=timezone.localdate() - timedelta(days=30))
    volgende = VergaderingFactory(orgaan=orgaan, datum=timezone.localdate() + timedelta(days=14))
    ActieFactory(orgaan=orgaan, vergadering=vorige, omschrijving="Notitie jeugdwerkloosheid")
    services.open_acties_doorschuiven(orgaan=orgaan)
    client = _secretariaat(maak_gebruiker)
    html = client.get(reverse("rba:vergadering", args=[volgende.pk])).content.decode()
    assert "Openstaande acties uit eerdere vergaderingen" in html
    assert "Notitie jeugdwerkloosheid" in html
    html = client.get(reverse("rba:vergadering", args=[vorige.pk])).content.decode()
    assert "Acties uit deze vergadering" in html and "Notitie jeugdwerkloosheid" in html


def test_the_acties_of_a_besluit_and_of_an_onderwerp_are_shown(maak_gebruiker, regio_a):
    orgaan = _orgaan(regio_a)
    besluit = BesluitFactory(orgaan=orgaan)
    onderwerp = OnderwerpFactory(regio=regio_a)
    ActieFactory(orgaan=orgaan, besluit=besluit, omschrijving="Uitvoeren besluit")
    ActieFactory(orgaan=orgaan, onderwerp=onderwerp, omschrijving="Dossier bijwerken")
    client = _secretariaat(maak_gebruiker)
    html = client.get(reverse("rba:besluit", args=[besluit.pk])).content.decode()
    assert "Uitvoeren besluit" in html and "Geen acties gevonden" not in html
    html = client.get(reverse("rba:onderwerp", args=[onderwerp.pk])).content.decode()
    assert "Dossier bijwerken" in html


def test_the_public_lists_show_their_rows(regio_a):
    from time_machine import travel

    with travel("2025-03-15 10:00 +0100", tick=False):
        VacatureFactory(
            werkgever=WerkgeverFactory(regio=regio_a),
            functie="Openbare bakker",
            is_openbaar=True,
            sluitingsdatum=date(2025, 4, 30),
        )
        # Dated before "today": a besluit dated later is still a voorstel (issue 22 point 2).
        BesluitFactory(orgaan=_orgaan(regio_a), titel="Openbaar besluit", datum=date(2025, 3, 5))
        client = Client()
        assert "Openbare bakker" in client.get("/zkij/vacatures/").content.decode()
        html = client.get(reverse("rba_publiek:besluiten", kwargs={"regio": "zkij"}))
        assert "Openbaar besluit" in html.content.decode()


def test_paging_keeps_the_filters_and_the_rows_of_page_two_show(maak_gebruiker, regio_a):
    for i in range(30):
        _werkgever(regio_a, i)
    WerkgeverFactory(regio=regio_a, naam="Anders genoemd")
    client = Client()
    client.force_login(maak_gebruiker("wsp_adviseur"))
    html = client.get("/wsp/werkgevers/", {"zoek": "rij"}).content.decode()
    assert "30 werkgevers" in html and "pagina=2" in html and "zoek=rij&amp;pagina=2" in html
    html = client.get("/wsp/werkgevers/", {"zoek": "rij", "pagina": 2}).content.decode()
    assert "Werkgever rij 29" in html and "Anders genoemd" not in html


def test_the_plaatsingen_list_searches_and_filters(maak_gebruiker, regio_a):
    """Issue 22 point 9: the plaatsingen list with search and filters."""
    from wsp.keuzes import Doelgroep

    bakkerij = WerkgeverFactory(regio=regio_a, naam="Bakkerij Korenbloem")
    PlaatsingFactory(
        werkgever=bakkerij,
        kandidaat=KandidaatFactory(regio=regio_a, voornaam="Tess", achternaam="Brouwer"),
        startdatum=date(2025, 3, 1),
    )
    PlaatsingFactory(
        werkgever=WerkgeverFactory(regio=regio_a, naam="Garage Snel"),
        kandidaat=KandidaatFactory(
            regio=regio_a, voornaam="Sam", achternaam="Visser", doelgroep=Doelgroep.PWET
        ),
        startdatum=date(2026, 2, 1),
    )
    client = Client()
    client.force_login(maak_gebruiker("wsp_adviseur"))

    def namen(**params):
        response = client.get("/wsp/plaatsingen/", params)
        assert response.status_code == 200
        return [str(p.kandidaat) for p in response.context["rows"]]

    assert namen() == ["Sam Visser", "Tess Brouwer"]
    assert namen(zoek="korenbloem") == ["Tess Brouwer"]
    assert namen(zoek="sam viss") == ["Sam Visser"]
    assert namen(doelgroep=Doelgroep.PWET) == ["Sam Visser"]
    assert namen(jaar=2025) == ["Tess Brouwer"]
    html = client.get("/wsp/plaatsingen/", {"jaar": "twintig"}).content.decode()
    assert "utrecht-form-field--invalid" in html  # the error next to the field, not a 500


def test_the_actielijst_opens_on_open_acties_and_all_statuses_stay_chosen(maak_gebruiker, regio_a):
    from rba.models import Actie

    orgaan = _orgaan(regio_a)
    ActieFactory(orgaan=orgaan, omschrijving="Nog te doen")
    ActieFactory(orgaan=orgaan, omschrijving="Al gedaan", status=Actie.Status.AFGEROND)
    for i in range(30):
        ActieFactory(orgaan=orgaan, omschrijving=f"Open {i:02d}")
    client = _secretariaat(maak_gebruiker)
    html = client.get("/rba/acties/").content.decode()
    assert "Nog te doen" in html and "Al gedaan" not in html and "31 acties" in html
    assert "32 acties" in client.get("/rba/acties/", {"status": ""}).content.decode()
    # Page 2 keeps the list's default: still the open ones only.
    html = client.get("/rba/acties/", {"pagina": 2}).content.decode()
    assert "31 acties" in html
