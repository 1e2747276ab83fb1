"""A sociale kaart that helps (issue 21, point 5): contact per dienst, suggestions that follow
the visitor's woongemeente, also for doelgroep 'onbekend', beside the gesprek form's choices
with 'doorverwijzen', and the situations in plain words for the inwoner."""

import pytest
from django.urls import reverse

from loket.models import Gesprek
from tests.factories import GemeenteFactory, OrganisatieFactory
from tests.loket.factories import DienstFactory, doelgroep, thema

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _geen_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


@pytest.fixture
def kaart(regio_a):
    haarlem = GemeenteFactory(regio=regio_a, naam="Haarlem")
    beverwijk = GemeenteFactory(regio=regio_a, naam="Beverwijk")
    schulden = thema("schulden")
    DienstFactory(
        regio=regio_a,
        naam="Bijstand Beverwijk",
        organisatie=OrganisatieFactory(regio=regio_a, naam="Gemeente Beverwijk"),
        themas=[schulden],
    ).gemeenten.set([beverwijk])
    DienstFactory(
        regio=regio_a,
        naam="Bijstand Haarlem",
        organisatie=OrganisatieFactory(regio=regio_a, naam="Gemeente Haarlem"),
        themas=[schulden],
        doelgroepen=[doelgroep("bijstand")],
    ).gemeenten.set([haarlem])
    DienstFactory(
        regio=regio_a,
        naam="Schuldhulp regio",
        themas=[schulden],
        telefoon="023 511 5000",
        email="schuldhulp@example.org",
        website="https://schuldhulp.example.org",
        adres="Zijlweg 1, Haarlem",
        openingstijden="maandag tot en met vrijdag 9.00 tot 17.00 uur",
    )
    return haarlem


def _gesprek(haarlem, **kw):
    return {
        "kanaal": "telefoon",
        "doelgroep": doelgroep("onbekend").pk,
        "themas": [thema("schulden").pk],
        "uitkomst": "doorverwezen",
        "leeftijdscategorie": "onbekend",
        "woongemeente": haarlem.pk,
        **kw,
    }


def _kaarten(html: str) -> str:
    return html.split('data-testid="suggesties"')[1].split("</section>")[0]


def test_a_haarlem_resident_is_not_sent_to_beverwijk_and_onbekend_still_gets_suggestions(
    client, maak_gebruiker, regio_a, kaart
):
    client.force_login(maak_gebruiker("gids", regio=regio_a))
    data = _gesprek(kaart, suggesties="1")
    html = client.post(reverse("loket:gesprek_nieuw"), data).content.decode()
    kaarten = _kaarten(html)
    assert "Bijstand Haarlem" in kaarten and "Schuldhulp regio" in kaarten
    assert "Bijstand Beverwijk" not in kaarten
    # Beside the choices: the suggestions come before the form's submit button.
    assert html.index('data-testid="suggesties"') < html.index("Gesprek opslaan</button>")
    assert 'href="tel:0235115000"' in kaarten and "mailto:schuldhulp@example.org" in kaarten
    assert "Zijlweg 1, Haarlem" in kaarten and "9.00 tot 17.00 uur" in kaarten
    assert "Opslaan en doorverwijzen naar Schuldhulp regio" in kaarten


def test_doorverwijzen_saves_the_gesprek_and_opens_the_referral_for_that_dienst(
    client, maak_gebruiker, regio_a, kaart
):
    client.force_login(maak_gebruiker("gids", regio=regio_a))
    html = client.post(reverse("loket:gesprek_nieuw"), _gesprek(kaart, suggesties="1"))
    dienst = html.context["suggesties"][0]
    response = client.post(reverse("loket:gesprek_nieuw"), _gesprek(kaart, doorverwijzen=dienst.pk))
    gesprek = Gesprek.objects.get()
    assert response.status_code == 302
    assert response.url == (
        reverse("loket:doorverwijzing_nieuw") + f"?gesprek={gesprek.pk}&dienst={dienst.pk}"
    )


def test_doorverwijzen_to_a_dienst_of_another_regio_just_saves(
    client, maak_gebruiker, regio_a, regio_b, kaart
):
    client.force_login(maak_gebruiker("gids", regio=regio_a))
    elders = DienstFactory(regio=regio_b)
    response = client.post(reverse("loket:gesprek_nieuw"), _gesprek(kaart, doorverwijzen=elders.pk))
    assert response.url == reverse("loket:gesprek", args=[Gesprek.objects.get().pk])


def test_the_public_wegwijzer_shows_contact_and_plain_situations(client, regio_a, kaart):
    html = client.get("/zkij/waar-kan-ik-terecht/", {"thema": thema("schulden").pk}).content
    html = html.decode()
    assert "Ik heb geen uitkering" in html and "(NUG)" not in html
    assert ">Onbekend<" not in html
    assert 'href="https://schuldhulp.example.org"' in html and "Zijlweg 1, Haarlem" in html


def test_the_dienst_form_takes_the_contact_fields(client, maak_gebruiker, regio_a):
    client.force_login(maak_gebruiker("coordinator", regio=regio_a))
    html = client.get(reverse("loket:dienst_nieuw")).content.decode()
    for veld in ("telefoon", "email", "website", "adres", "openingstijden"):
        assert f'name="{veld}"' in html


def test_a_dienst_for_everyone_fits_every_situation_on_the_wegwijzer(client, regio_a, kaart):
    """A dienst without doelgroepen is meant for everyone: choosing a situation keeps it,
    while a dienst for another doelgroep drops out."""
    iedereen = DienstFactory(regio=regio_a, naam="Inloop voor iedereen", themas=[thema("schulden")])
    iedereen.doelgroepen.clear()
    html = client.get(
        "/zkij/waar-kan-ik-terecht/",
        {"thema": thema("schulden").pk, "doelgroep": doelgroep("wajong").pk},
    ).content.decode()
    assert "Inloop voor iedereen" in html
    assert "Bijstand Haarlem" not in html and "Schuldhulp regio" not in html
