"""Every mail wears the look of the regio of the record it is about (issue 24 point 4): the
regio's name, colour and logo (inline, Content-ID) in the HTML header, its contact data in the
footer of the HTML and the text part; never another regio's, whatever host the request came
in on."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import MedewerkerFactory
from tests.loket.factories import VraagFactory
from tests.werkcentrum.test_huisstijl_logo import beeld, logo_zetten
from tests.wsp.factories import VerzoekFactory
from werkcentrum.models import Arbeidsmarktregio, Websitegegevens

pytestmark = pytest.mark.django_db

KLEUR_A, KLEUR_B = "#8a1538", "#0b5d1e"
HOST_B = "werkcentrum-amersfoort.example.nl"


@pytest.fixture
def regios(settings, tmp_path, regio_a, regio_b):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    settings.ALLOWED_HOSTS = ["testserver", HOST_B]
    for regio, kleur, tel in (
        (regio_a, KLEUR_A, "023 511 5000"),
        (regio_b, KLEUR_B, "033 469 4000"),
    ):
        regio.huisstijl_kleur = kleur
        logo_zetten(regio, beeld(kleur=kleur), alt=f"Logo {regio.naam}")
        Websitegegevens.objects.create(
            regio=regio,
            telefoon=tel,
            email=f"info@{regio.code}.example.nl",
            adres=f"Stationsplein 1, {regio.naam}",
        )
    Arbeidsmarktregio.objects.filter(pk=regio_b.pk).update(hostnaam=HOST_B)
    return regio_a, regio_b


def _html(bericht) -> str:
    [(html, soort)] = bericht.alternatives
    assert soort == "text/html"
    return html


def _logo_deel(bericht):
    [beeld_deel] = [a for a in bericht.attachments if getattr(a, "get_content_type", None)]
    return beeld_deel


def _is_van(bericht, eigen, ander) -> None:
    html, tekst = _html(bericht), bericht.body
    # Header: name (as the logo's alt text), colour and the inline logo.
    assert f"border-top:8px solid {eigen.huisstijl_kleur}" in html
    assert f'src="cid:logo-{eigen.code}@werkcentrum" alt="Logo {eigen.naam}"' in html
    beeld_deel = _logo_deel(bericht)
    assert beeld_deel["Content-ID"] == f"<logo-{eigen.code}@werkcentrum>"
    assert beeld_deel.get_payload(decode=True) == eigen.huisstijl_logo.open("rb").read()
    # Footer: name and contact data, in both parts.
    for deel in (html, tekst):
        assert eigen.naam in deel
        assert f"info@{eigen.code}.example.nl" in deel
        assert f"Stationsplein 1, {eigen.naam}" in deel
    # Nothing of the other regio.
    for deel in (html, tekst, bericht.message().as_string()):
        assert ander.naam not in deel
        assert ander.huisstijl_kleur not in deel
        assert f"logo-{ander.code}" not in deel
        assert f"info@{ander.code}" not in deel
    assert beeld_deel.get_payload(decode=True) != ander.huisstijl_logo.open("rb").read()


def test_a_loket_mail_of_regio_a_carries_as_look_and_never_bs(regios):
    from loket import mail as loket_mail

    regio_a, regio_b = regios
    loket_mail.vraag_ontvangen(VraagFactory(regio=regio_a))
    [bericht] = mail.outbox
    _is_van(bericht, regio_a, regio_b)
    # The message is multipart/related: the HTML finds its logo in the same mail.
    assert "multipart/related" in bericht.message().as_string()
    assert "We hebben je vraag ontvangen" in bericht.body


def test_a_wsp_mass_mail_of_regio_b_carries_bs_look(regios, django_capture_on_commit_callbacks):
    from wsp import mail as wsp_mail

    regio_a, regio_b = regios
    verzoek = VerzoekFactory(regio=regio_b)
    with django_capture_on_commit_callbacks(execute=True):
        wsp_mail.verzoek_nieuw(verzoek, ["een@example.nl", "twee@example.nl"])
    assert len(mail.outbox) == 2
    for bericht in mail.outbox:
        _is_van(bericht, regio_b, regio_a)


def test_the_records_regio_wins_over_the_request_host(
    regios, client, django_capture_on_commit_callbacks
):
    """A coordinator of A, working on B's host name: the mail about A's vraag looks like A."""
    regio_a, regio_b = regios
    coordinator = MedewerkerFactory(regio=regio_a, rollen=["coordinator"])
    gids = MedewerkerFactory(regio=regio_a, rollen=["gids"], email="gids@example.nl")
    vraag = VraagFactory(regio=regio_a)
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(
            reverse("loket:vraag_toewijzen", args=[vraag.pk]), {"aan": gids.pk}, HTTP_HOST=HOST_B
        )
    assert antwoord.status_code == 302
    [bericht] = mail.outbox
    _is_van(bericht, regio_a, regio_b)


def test_a_regio_without_logo_shows_its_name_and_the_text_keeps_the_contact_data(regios):
    from loket import mail as loket_mail

    regio_a, _regio_b = regios
    Arbeidsmarktregio.objects.filter(pk=regio_a.pk).update(huisstijl_logo="", huisstijl_kleur="")
    regio_a.refresh_from_db()
    loket_mail.vraag_ontvangen(VraagFactory(regio=regio_a))
    [bericht] = mail.outbox
    html = _html(bericht)
    assert "cid:" not in html and not bericht.attachments
    assert f">{regio_a.naam}</p>" in html
    assert "#154273" in html  # the portal's own colour
    assert "\n-- \nZuid-Kennemerland en IJmond\n" in bericht.body
    assert "Telefoon: 023 511 5000" in bericht.body


def test_html_mail_escapes_what_people_typed(regios):
    from loket import mail as loket_mail

    regio_a, _regio_b = regios
    vraag = VraagFactory(regio=regio_a, antwoord="<script>alert(1)</script> zie https://example.nl")
    loket_mail.antwoord_op_vraag(vraag)
    html = _html(mail.outbox[0])
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert '<a href="https://example.nl"' in html


def test_the_password_reset_mail_has_the_users_regio_look(regios, client):
    regio_a, regio_b = regios
    MedewerkerFactory(regio=regio_b, email="medewerker@example.nl")
    client.post(reverse("account_reset_password"), {"email": "medewerker@example.nl"})
    [bericht] = mail.outbox
    _is_van(bericht, regio_b, regio_a)
