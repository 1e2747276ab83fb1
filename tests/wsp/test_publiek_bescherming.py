"""The public "Ik ben werkgever" form against bots: honeypot and limits on stored requests
(the same helper as the loket's "Stel je vraag", werkcentrum/formulierbescherming.py)."""

import pytest
from django.core import mail

from wsp.models import Werkgeversverzoek

pytestmark = pytest.mark.django_db

URL = "/zkij/vacatures/ik-ben-werkgever/"


def _data(**extra) -> dict:
    return {
        "bedrijfsnaam": "Korenbloem",
        "kvk_nummer": "55556666",
        "contactnaam": "Sem",
        "email": "sem@korenbloem.example",
        "vraag": "Wij zoeken een bakker.",
        "website": "",  # a browser sends the empty honeypot
        **extra,
    }


def test_honeypot_is_hidden_by_class_for_people(client, regio_a):
    html = client.get(URL).content.decode()
    assert '<div class="wc-honeypot" aria-hidden="true">' in html
    assert 'name="website"' in html and 'tabindex="-1"' in html
    assert "style=" not in html


def test_filled_honeypot_saves_nothing_and_looks_like_success(
    client, regio_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        bot = client.post(URL, _data(website="http://spam.example"))
    mens = client.post(URL, _data())
    # The bot gets exactly what a person gets: the same redirect to the thank-you page.
    assert bot.status_code == mens.status_code == 302
    assert bot["Location"] == mens["Location"] == "/zkij/vacatures/ik-ben-werkgever/ontvangen/"
    assert Werkgeversverzoek.objects.count() == 1  # only the person's
    assert Werkgeversverzoek.objects.get().email == "sem@korenbloem.example"


def test_too_many_requests_from_one_address_are_refused(client, regio_a, settings):
    settings.WSP_VERZOEKEN_PER_UUR_PER_ADRES = 3
    for i in range(3):
        r = client.post(URL, _data(bedrijfsnaam=f"Bedrijf {i}"), REMOTE_ADDR="192.0.2.7")
        assert r.status_code == 302
    r = client.post(URL, _data(bedrijfsnaam="Bedrijf Vier"), REMOTE_ADDR="192.0.2.7")
    assert r.status_code == 429
    html = r.content.decode()
    assert "Er zijn vanaf je adres veel verzoeken kort na elkaar verstuurd." in html
    # The person's input stays in the form.
    assert 'value="Bedrijf Vier"' in html and "Wij zoeken een bakker." in html
    assert Werkgeversverzoek.objects.count() == 3
    assert not Werkgeversverzoek.objects.filter(bedrijfsnaam="Bedrijf Vier").exists()
    # Another address is not affected.
    assert client.post(URL, _data(), REMOTE_ADDR="192.0.2.8").status_code == 302
    assert Werkgeversverzoek.objects.count() == 4


def test_bot_and_invalid_posts_do_not_use_up_the_limit(client, regio_a, settings):
    settings.WSP_VERZOEKEN_PER_UUR_PER_ADRES = 2
    for _i in range(5):
        client.post(URL, _data(website="x"), REMOTE_ADDR="192.0.2.9")
        client.post(URL, _data(kvk_nummer="12"), REMOTE_ADDR="192.0.2.9")
        client.post(URL, {}, REMOTE_ADDR="192.0.2.9")
    assert not Werkgeversverzoek.objects.exists()
    assert mail.outbox == []
    # A person at the same address still gets through (twice: the limit counts stored ones).
    assert client.post(URL, _data(), REMOTE_ADDR="192.0.2.9").status_code == 302
    assert client.post(URL, _data(), REMOTE_ADDR="192.0.2.9").status_code == 302
    assert client.post(URL, _data(), REMOTE_ADDR="192.0.2.9").status_code == 429


def test_the_loket_and_the_wsp_count_separately(client, regio_a, settings):
    from django.test import RequestFactory

    from werkcentrum.formulierbescherming import ADRES, opgeslagen, te_vaak

    request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.10")
    assert te_vaak(request, regio=regio_a, formulier="wsp:verzoek", per_adres=1) is None
    opgeslagen(request, regio=regio_a, formulier="wsp:verzoek")
    assert te_vaak(request, regio=regio_a, formulier="wsp:verzoek", per_adres=1) == ADRES
    assert te_vaak(request, regio=regio_a, formulier="loket:vraag", per_adres=1) is None


def test_invalid_input_keeps_what_was_typed(client, regio_a):
    # An address of its own: this test is about the form, not about the rate limit.
    r = client.post(
        URL, _data(kvk_nummer="12", contactnaam="Sem de Bakker"), REMOTE_ADDR="192.0.2.11"
    )
    assert r.status_code == 400
    html = r.content.decode()
    assert "precies 8 cijfers" in html
    assert 'value="Sem de Bakker"' in html and 'value="12"' in html
    assert not Werkgeversverzoek.objects.exists()


def test_a_missing_honeypot_counts_as_filled(client, regio_a):
    """Issue 20 point 11: a script that leaves the field out is still a bot."""
    zonder = {k: v for k, v in _data().items() if k != "website"}
    r = client.post(URL, zonder)
    assert r.status_code == 302  # the same pretended success as a filled honeypot
    assert not Werkgeversverzoek.objects.exists()
    assert mail.outbox == []
