"""Everyday WSP screens (issue 22 point 9): labels instead of codes, a success message after
every save, the WSP sub-navigation."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.contrib.messages import SUCCESS, get_messages
from django.urls import reverse

from tests.formulieren import als_post_data, formulieren
from wsp.models import Contactmoment, NazorgMoment, Voordracht

from .factories import (
    KandidaatFactory,
    NazorgMomentFactory,
    PlaatsingFactory,
    VacatureFactory,
    VerzoekFactory,
    VoordrachtFactory,
    WerkgeverFactory,
    sector,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _geen_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


def _zichtbare_tekst(html: str) -> str:
    """What a person reads: the text between the tags, without attribute values."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def _succes(response) -> list[str]:
    """The success messages the response left for the next page (the one it redirects to)."""
    berichten = [str(m) for m in get_messages(response.wsgi_request) if m.level == SUCCESS]
    if response.status_code == 302:
        response.client.get(response.url)  # shown there, and gone: the next save starts clean
    return berichten


# --- labels, not codes --------------------------------------------------------------------

# Stored codes that differ from their labels; none may be what a person reads.
CODES = re.compile(
    r"\b(no_riskpolis|loonkostensubsidie|in_behandeling|dreigt_uitval|pwet|mbo2|onbepaald|"
    r"oekraine|operationeel)\b"
)


def test_instrumenten_show_their_labels_in_the_order_of_the_choices(regio_a):
    from wsp.models import Plaatsing

    plaatsing = Plaatsing(regio=regio_a, instrumenten=["jobcoach", "no_riskpolis"])
    assert plaatsing.get_instrumenten_display() == ["No-riskpolis", "Jobcoach"]
    assert Plaatsing(instrumenten=[]).get_instrumenten_display() == []


def test_wsp_pages_show_labels_not_codes(client, adviseur, regio_a, kies_doel):
    werkgever = WerkgeverFactory(regio=regio_a, accounthouder=adviseur, partnerschap="operationeel")
    vacature = VacatureFactory(
        werkgever=werkgever, status="in_behandeling", doelgroepen=["pwet", "oekraine"]
    )
    kandidaat = KandidaatFactory(regio=regio_a, doelgroep="pwet", opleidingsniveau="mbo2")
    VoordrachtFactory(vacature=vacature, kandidaat=kandidaat)
    plaatsing = PlaatsingFactory(
        werkgever=werkgever,
        kandidaat=kandidaat,
        contractvorm="onbepaald",
        instrumenten=["no_riskpolis", "loonkostensubsidie"],
    )
    moment = NazorgMomentFactory(
        plaatsing=plaatsing, uitkomst="dreigt_uitval", afgerond_op=date(2025, 5, 1)
    )
    NazorgMomentFactory(plaatsing=plaatsing, soort=NazorgMoment.Soort.VIJF_MAANDEN)
    verzoek = VerzoekFactory(regio=regio_a)
    client.force_login(adviseur)
    kies_doel(client, kandidaat)
    kies_doel(client, verzoek)
    urls = [
        reverse("wsp:werkgevers"),
        werkgever.get_absolute_url(),
        reverse("wsp:vacatures"),
        vacature.get_absolute_url(),
        reverse("wsp:kandidaten"),
        kandidaat.get_absolute_url(),
        reverse("wsp:plaatsingen"),
        plaatsing.get_absolute_url(),
        reverse("wsp:verzoeken"),
        reverse("wsp:verzoek", args=[verzoek.pk]),
        reverse("wsp:dashboard") + "?jaar=2025",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        tekst = _zichtbare_tekst(response.content.decode())
        assert not CODES.search(tekst), (url, CODES.findall(tekst))
    tekst = _zichtbare_tekst(client.get(plaatsing.get_absolute_url()).content.decode())
    assert "No-riskpolis, Loonkostensubsidie" in tekst
    assert "Dreigt uit te vallen" in tekst and moment.pk


# --- a success message after every save ---------------------------------------------------


@pytest.fixture
def werkgever(regio_a, adviseur):
    return WerkgeverFactory(regio=regio_a, accounthouder=adviseur)


def _opslaan_ongewijzigd(client, url: str):
    """Post the page's own form back, as a browser sends it."""
    html = client.get(url).content.decode()
    formulier = next(
        f for f in formulieren(html) if f["method"] == "post" and f["action"] in ("", url)
    )
    return client.post(url, als_post_data(formulier))


def test_contactmoment_vestiging_and_contactpersoon_say_they_were_saved(
    client, adviseur, werkgever, haarlem
):
    client.force_login(adviseur)
    r = client.post(
        reverse("wsp:contactmoment_nieuw", args=[werkgever.pk]),
        {"datum": "2025-03-01", "type": "bezoek", "samenvatting": "Kennismaking"},
    )
    assert r.status_code == 302 and _succes(r) == ["Contactmoment vastgelegd."]
    r = client.post(
        reverse("wsp:vestiging_nieuw", args=[werkgever.pk]),
        {
            "straat": "Grote Markt 2",
            "postcode": "2011 RD",
            "plaats": "Haarlem",
            "gemeente": haarlem.pk,
        },
    )
    assert r.status_code == 302 and _succes(r) == ["Vestiging toegevoegd."]
    r = client.post(
        reverse("wsp:contactpersoon_nieuw", args=[werkgever.pk]), {"naam": "Noor de Wit"}
    )
    assert r.status_code == 302
    # The message is shown on the page the save leads to, once.
    assert "Contactpersoon toegevoegd." in client.get(r.url).content.decode()
    assert "Contactpersoon toegevoegd." not in client.get(r.url).content.decode()


def test_refused_input_gives_no_success_message(client, adviseur, werkgever):
    client.force_login(adviseur)
    r = client.post(
        reverse("wsp:contactmoment_nieuw", args=[werkgever.pk]),
        {"datum": "2025-03-01", "type": "bezoek", "samenvatting": ""},
    )
    assert r.status_code == 400 and _succes(r) == []


def test_opvolging_afronden_says_so(client, adviseur, werkgever):
    moment = Contactmoment.objects.create(
        werkgever=werkgever,
        datum=date(2025, 3, 1),
        type="bezoek",
        samenvatting="x",
        opvolgdatum=date(2025, 3, 8),
        medewerker=adviseur,
    )
    client.force_login(adviseur)
    r = client.post(reverse("wsp:opvolging_afronden", args=[moment.pk]))
    assert _succes(r) == ["Opvolging afgerond."]


def test_vacature_new_and_edit_say_they_were_saved(client, adviseur, werkgever, haarlem):
    client.force_login(adviseur)
    r = client.post(
        reverse("wsp:vacature_nieuw", args=[werkgever.pk]),
        {
            "functie": "Kok",
            "omschrijving": "Koken",
            "uren_per_week": 32,
            "gemeente": haarlem.pk,
            "sector": sector().pk,
            "opleidingsniveau": "mbo2",
            "startdatum": "2025-05-01",
            "sluitingsdatum": "2025-06-01",
        },
    )
    assert r.status_code == 302 and _succes(r) == ["Vacature geregistreerd."]
    vacature = werkgever.vacatures.get()
    r = _opslaan_ongewijzigd(client, reverse("wsp:vacature_bewerken", args=[vacature.pk]))
    assert r.status_code == 302 and _succes(r) == ["Vacature bijgewerkt."]


def test_werkgever_edit_says_it_was_saved(client, adviseur, werkgever):
    client.force_login(adviseur)
    r = _opslaan_ongewijzigd(client, reverse("wsp:werkgever_bewerken", args=[werkgever.pk]))
    assert r.status_code == 302 and _succes(r) == ["Werkgever bijgewerkt."]


def test_voordracht_status_says_the_new_status_by_its_label(client, adviseur, werkgever):
    voordracht = VoordrachtFactory(vacature=VacatureFactory(werkgever=werkgever))
    client.force_login(adviseur)
    url = reverse("wsp:voordracht_status", args=[voordracht.pk])
    r = client.post(url, {"status": "gesprek"})
    assert _succes(r) == ["Status van de voordracht gewijzigd in: Gesprek."]
    # A step that is not allowed: the service's message, no success.
    r = client.post(url, {"status": "gesprek"})
    assert _succes(r) == []
    assert "Deze stap kan niet vanuit de huidige status." in [
        str(m) for m in get_messages(r.wsgi_request)
    ]
    r = client.post(url, {"status": "ontslagen"})
    assert _succes(r) == [] and r.status_code == 302
    r = client.post(url, {"status": "aangenomen"})
    assert _succes(r) == ["Status van de voordracht gewijzigd in: Aangenomen."]
    assert r.url.endswith(f"?voordracht={voordracht.pk}")
    voordracht.refresh_from_db()
    assert voordracht.status == Voordracht.Status.AANGENOMEN


def test_kandidaat_edit_says_it_was_saved(client, adviseur, regio_a, kies_doel):
    kandidaat = KandidaatFactory(regio=regio_a)
    client.force_login(adviseur)
    kies_doel(client, kandidaat)
    r = _opslaan_ongewijzigd(client, reverse("wsp:kandidaat_bewerken", args=[kandidaat.pk]))
    assert r.status_code == 302 and _succes(r) == ["Kandidaat bijgewerkt."]


def test_plaatsing_startdatum_and_extra_nazorg_say_they_were_saved(client, adviseur, werkgever):
    plaatsing = PlaatsingFactory(werkgever=werkgever)
    client.force_login(adviseur)
    r = client.post(
        reverse("wsp:plaatsing_startdatum", args=[plaatsing.pk]), {"startdatum": "2025-04-01"}
    )
    assert _succes(r) == ["Startdatum gewijzigd; de nazorg is opnieuw gepland."]
    r = client.post(reverse("wsp:nazorg_extra", args=[plaatsing.pk]), {"vervaldatum": "2025-12-01"})
    assert _succes(r) == ["Extra nazorgmoment gepland."]


# --- the WSP sub-navigation ---------------------------------------------------------------


def _subnav(html: str) -> str:
    gevonden = re.search(r'<nav class="wsp-subnav".*?</nav>', html, re.S)
    return gevonden.group(0) if gevonden else ""


def test_wsp_pages_carry_the_sub_navigation_with_the_current_section(
    client, adviseur, werkgever, kies_doel
):
    plaatsing = PlaatsingFactory(werkgever=werkgever)
    client.force_login(adviseur)
    kies_doel(client, plaatsing.kandidaat)
    nav = _subnav(client.get(reverse("wsp:plaatsingen")).content.decode())
    assert 'aria-label="Werkgeversservicepunt"' in nav
    assert f'href="{reverse("wsp:plaatsingen")}" aria-current="page">Plaatsingen<' in nav
    for naam in ("werkgevers", "verzoeken", "opvolgingen", "vacatures", "kandidaten", "nazorg"):
        assert f'href="{reverse(f"wsp:{naam}")}"' in nav, naam
    # A page inside a section marks its section, not as the page itself.
    nav = _subnav(client.get(plaatsing.get_absolute_url()).content.decode())
    assert f'href="{reverse("wsp:plaatsingen")}" aria-current="true">' in nav
    assert nav.count("aria-current") == 1


def test_public_pages_and_other_roles_get_no_wsp_sub_navigation(client, regio_a, maak_gebruiker):
    assert _subnav(client.get("/zkij/vacatures/").content.decode()) == ""
    client.force_login(maak_gebruiker("wsp_adviseur"))
    assert _subnav(client.get("/zkij/vacatures/").content.decode()) == ""
    client.force_login(maak_gebruiker("rba_lid"))
    response = client.get(reverse("wsp:factsheets"))
    assert response.status_code == 200 and _subnav(response.content.decode()) == ""


# --- numbers with thousands separators ----------------------------------------------------


def test_counts_are_shown_with_thousands_separators(client, manager, regio_a):
    from wsp.models import Activiteit, Doelstelling

    Activiteit.objects.create(
        regio=regio_a,
        soort="communicatie",
        naam="Nieuwsbrief",
        datum=date(2025, 3, 1),
        aantal=12500,
    )
    Doelstelling.objects.create(regio=regio_a, jaar=2025, doelgroep="ww", aantal=1400)
    client.force_login(manager)
    assert ">12.500</td>" in client.get(reverse("wsp:activiteiten")).content.decode()
    html = client.get(reverse("wsp:dashboard"), {"jaar": 2025}).content.decode()
    assert ">1.400</td>" in html
    assert "Doelstellingen 2025" in html  # a year is not an amount: no separator
