from datetime import date
from xml.etree import ElementTree

import pytest
import time_machine
from django.core import mail

from wsp.models import Werkgeversverzoek

from .factories import VacatureFactory, WerkgeverFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def vacatures(regio_a, regio_b, haarlem):
    werkgever = WerkgeverFactory(regio=regio_a, naam="Bakkerij Korenbloem")
    openbaar = VacatureFactory(
        werkgever=werkgever,
        functie="Bakker",
        gemeente=haarlem,
        is_openbaar=True,
        startdatum=date(2025, 3, 1),
        sluitingsdatum=date(2025, 4, 30),
    )
    VacatureFactory(
        werkgever=werkgever, functie="Intern", is_openbaar=False, sluitingsdatum=date(2025, 4, 30)
    )
    VacatureFactory(
        werkgever=werkgever,
        functie="Vervuld",
        is_openbaar=True,
        status="vervuld",
        sluitingsdatum=date(2025, 4, 30),
    )
    VacatureFactory(
        werkgever=WerkgeverFactory(regio=regio_b),
        functie="Elders",
        is_openbaar=True,
        sluitingsdatum=date(2025, 4, 30),
    )
    return openbaar


@time_machine.travel("2025-03-15 10:00 +0100")
def test_vacaturekrant_html_lists_only_public_open_vacatures_of_the_regio(client, vacatures):
    body = client.get("/zkij/vacatures/").content.decode()
    assert "Bakker" in body
    for verborgen in ("Intern", "Vervuld", "Elders"):
        assert verborgen not in body
    assert client.get(f"/zkij/vacatures/{vacatures.pk}/").status_code == 200
    assert client.get("/en/zkij/vacatures/").status_code == 200
    assert client.get("/zkij/vacatures/", {"zoek": "loodgieter"}).status_code == 200


@time_machine.travel("2025-03-15 10:00 +0100")
def test_vacaturekrant_json_and_rss(client, vacatures):
    data = client.get("/zkij/vacatures/feed.json").json()
    assert data["aantal"] == 1
    assert data["vacatures"][0]["functie"] == "Bakker"
    assert data["vacatures"][0]["gemeente_cbs_code"] == "GM0392"
    rss = client.get("/zkij/vacatures/feed.rss")
    assert rss["Content-Type"].startswith("application/rss+xml")
    feed = ElementTree.fromstring(rss.content)  # noqa: S314 - our own feed
    titels = [t.text for t in feed.iter("title")]
    assert any("Bakker" in t for t in titels)


@time_machine.travel("2025-05-15 10:00 +0200")
def test_closed_vacature_disappears_after_closing_date(client, vacatures):
    assert client.get("/zkij/vacatures/feed.json").json()["aantal"] == 0


def test_ik_ben_werkgever_form_creates_verzoek_routed_to_accounthouder(
    client, regio_a, django_capture_on_commit_callbacks
):
    werkgever = WerkgeverFactory(regio=regio_a, kvk_nummer="55556666")
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(
            "/zkij/vacatures/ik-ben-werkgever/",
            {
                "bedrijfsnaam": "Korenbloem",
                "kvk_nummer": "55556666",
                "contactnaam": "Sem",
                "email": "sem@korenbloem.example",
                "vraag": "Wij zoeken een bakker.",
                "website": "",
            },
        )
    assert r.status_code == 302
    verzoek = Werkgeversverzoek.objects.get()
    assert verzoek.bron == "website" and verzoek.toegewezen_aan == werkgever.accounthouder
    assert mail.outbox[0].to == [werkgever.accounthouder.email]


def test_ik_ben_werkgever_form_errors_in_dutch(client, regio_a):
    r = client.post(
        "/zkij/vacatures/ik-ben-werkgever/",
        {
            "bedrijfsnaam": "Korenbloem",
            "kvk_nummer": "12",
            "contactnaam": "Sem",
            "email": "geen-mail",
            "vraag": "x",
            "website": "",
        },
    )
    assert r.status_code == 400
    body = r.content.decode()
    assert "precies 8 cijfers" in body and "Korenbloem" in body
    assert not Werkgeversverzoek.objects.exists()


def test_unknown_regio_is_404(client, db):
    assert client.get("/bestaatniet/vacatures/").status_code == 404


def test_public_pages_in_english(client, regio_a):
    body = client.get("/en/zkij/vacatures/").content.decode()
    assert "I am an employer" in body
    form = client.get("/en/zkij/vacatures/ik-ben-werkgever/").content.decode()
    assert "Chamber of Commerce number" in form
