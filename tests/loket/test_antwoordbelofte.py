"""The guaranteed answer to an inwoner's question is guarded (issue 21, point 2)."""

import re
from datetime import UTC, date, datetime

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from loket import services
from loket.models import LoketInstelling, Vraag
from tests.loket.factories import VraagFactory, thema

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _geen_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


def test_overdue_questions_are_marked_in_words_in_the_queue(client, maak_gebruiker, regio_a):
    client.force_login(maak_gebruiker("gids"))
    VraagFactory(regio=regio_a, referentie="WC-LAAT", antwoord_uiterlijk=date(2026, 3, 9))
    VraagFactory(regio=regio_a, referentie="WC-OPTIJD", antwoord_uiterlijk=date(2026, 3, 10))
    with time_machine.travel(datetime(2026, 3, 10, 9, tzinfo=UTC)):
        html = client.get(reverse("loket:vragen")).content.decode()
    rijen = {
        ref: rij for rij in html.split("<tr") for ref in ("WC-LAAT", "WC-OPTIJD") if ref in rij
    }
    assert "te laat" in rijen["WC-LAAT"] and "te laat" not in rijen["WC-OPTIJD"]


def test_the_status_filter_says_the_list_shows_open_questions(client, maak_gebruiker, regio_a):
    client.force_login(maak_gebruiker("gids"))
    VraagFactory(regio=regio_a, referentie="WC-DICHT", status=Vraag.Status.GESLOTEN)
    html = client.get(reverse("loket:vragen")).content.decode()
    assert "WC-DICHT" not in html
    status = re.search(r'<select name="status".*?</select>', html, re.S).group(0)
    assert re.search(r'<option value="open"[^>]*selected', status)
    assert not re.search(r'<option value=""[^>]*selected', status)


def test_closing_without_an_answer_needs_a_reason_and_confirmation_and_can_be_undone(
    client, maak_gebruiker, regio_a, kies_doel
):
    gids = maak_gebruiker("gids")
    client.force_login(gids)
    vraag = VraagFactory(regio=regio_a)
    url = reverse("loket:vraag_sluiten", args=[vraag.pk])
    response = client.post(url, {"reden": "Dubbele vraag"})
    assert response.status_code == 400
    assert "Bevestig" in response.content.decode() and "Dubbele vraag" in response.content.decode()
    response = client.post(url, {"bevestigd": "on"})
    assert response.status_code == 400 and "Geef de reden" in response.content.decode()
    vraag.refresh_from_db()
    assert vraag.status == Vraag.Status.NIEUW
    client.post(url, {"reden": "Dubbele vraag", "bevestigd": "on"})
    vraag.refresh_from_db()
    assert vraag.status == Vraag.Status.GESLOTEN and vraag.sluitreden == "Dubbele vraag"
    kies_doel(client, vraag)
    pagina = client.get(reverse("loket:vraag", args=[vraag.pk])).content.decode()
    assert "Sluiten ongedaan maken" in pagina
    client.post(reverse("loket:vraag_heropenen", args=[vraag.pk]))
    vraag.refresh_from_db()
    assert vraag.status == Vraag.Status.NIEUW and vraag.gesloten_op is None
    assert vraag.sluitreden == ""


def test_an_answered_question_cannot_be_reopened(regio_a, maak_gebruiker):
    gids = maak_gebruiker("gids")
    vraag = VraagFactory(regio=regio_a)
    services.vraag_beantwoorden(vraag=vraag, antwoord="Zie het spreekuur.", door=gids)
    services.vraag_sluiten(vraag=vraag, door=gids)
    with pytest.raises(ValidationError):
        services.vraag_heropenen(vraag=vraag, door=gids)


def test_the_inwoner_gets_a_receipt_with_reference_and_promised_date_once(
    regio_a, django_capture_on_commit_callbacks
):
    LoketInstelling.objects.create(regio=regio_a, antwoordtermijn_werkdagen=2)
    with django_capture_on_commit_callbacks(execute=True):
        vraag = services.vraag_stellen(
            regio=regio_a,
            thema=thema(),
            tekst="Hoe vind ik werk?",
            naam="Sanne",
            email="sanne@example.org",
            toestemming=True,
            nu=datetime(2026, 12, 23, 10, tzinfo=UTC),  # Wednesday before Christmas
        )
    assert not services.vraag_ontvangst_versturen(vraag_pk=vraag.pk)  # a retry sends nothing
    [bericht] = mail.outbox
    assert bericht.to == ["sanne@example.org"]
    assert vraag.referentie in bericht.subject and vraag.referentie in bericht.body
    assert vraag.antwoord_uiterlijk == date(2026, 12, 28)
    assert "28 december 2026" in bericht.body


def test_the_answer_mail_is_previewed_and_adds_no_second_salutation(
    client, maak_gebruiker, regio_a, django_capture_on_commit_callbacks
):
    client.force_login(maak_gebruiker("gids"))
    vraag = VraagFactory(regio=regio_a)
    tekst = "Beste Sanne,\n\nKom dinsdag naar het spreekuur.\n\nGroet, Mira"
    url = reverse("loket:vraag_beantwoorden", args=[vraag.pk])
    response = client.post(url, {"antwoord": tekst, "voorbeeld": "1"})
    html = response.content.decode()
    assert response.status_code == 200 and 'data-testid="voorbeeld"' in html
    assert "Kom dinsdag naar het spreekuur." in html
    vraag.refresh_from_db()
    assert vraag.status == Vraag.Status.NIEUW and mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"antwoord": tekst})
    [bericht] = mail.outbox
    assert bericht.body.count("Beste") == 1
    assert "Met vriendelijke groet" not in bericht.body
    assert bericht.body.startswith("Beste Sanne,") and vraag.referentie in bericht.body


def test_assigning_a_question_mails_the_assignee(
    regio_a, maak_gebruiker, django_capture_on_commit_callbacks
):
    coordinator = maak_gebruiker("coordinator")
    gids = maak_gebruiker("gids")
    vraag = VraagFactory(regio=regio_a)
    with django_capture_on_commit_callbacks(execute=True):
        services.vraag_toewijzen(vraag=vraag, aan=gids, door=coordinator)
    [bericht] = mail.outbox
    assert bericht.to == [gids.email] and f"/loket/vragen/{vraag.pk}/" in bericht.body
    assert vraag.naam not in bericht.body and vraag.email not in bericht.body
