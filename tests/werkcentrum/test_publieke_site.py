"""The public site without dead ends (issue 21, points 4 and 8): one layout with the regio's
menu and footer, statements the beheerder edits per regio, error summaries, Dutch error
pages, the English besluitenlijst."""

from __future__ import annotations

import re
from datetime import date
from importlib import import_module

import pytest
import time_machine
from django.test import RequestFactory
from django.urls import reverse
from django.views.defaults import server_error

from loket.models import Informatiepagina
from tests.factories import LocatieFactory, OrganisatieFactory
from tests.rba.factories import BesluitFactory
from tests.wsp.factories import VacatureFactory, WerkgeverFactory
from werkcentrum.models import Organisatie, Websitegegevens

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _vandaag():
    with time_machine.travel("2025-03-15 10:00 +0100", tick=False):
        yield


@pytest.fixture(autouse=True)
def _referentiedata(django_db_blocker):
    """Sectoren and thema's come from data migrations a transactional test may have flushed."""
    from django.apps import apps

    from loket.models import Thema
    from wsp.models import Sector

    with django_db_blocker.unblock():
        if not Sector.objects.exists():
            import_module("wsp.migrations.0002_clusters_en_sectoren").laden(apps, None)
        if not Thema.objects.exists():
            import_module("loket.migrations.0002_themas_doelgroepen").vullen(apps, None)


@pytest.fixture
def werkcentrum(regio_a):
    org = OrganisatieFactory(
        regio=regio_a,
        naam="Regionaal Werkcentrum ZKIJ",
        type=Organisatie.Type.WERKCENTRUM,
        telefoon="023 555 0100",
        email="info@werkcentrum.example",
    )
    LocatieFactory(regio=regio_a, organisatie=org, straat="Stationsplein 1", plaats="Haarlem")
    return org


def _html(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


# --- Layout: logo, menu, footer ------------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["/zkij/", "/zkij/spreekuren/", "/zkij/vacatures/", "/zkij/besluiten/"]
)
def test_every_public_page_has_the_regio_menu_and_its_logo_leads_to_the_regio(client, regio_a, url):
    html = _html(client, url)
    assert 'class="wc-logo" href="/zkij/"' in html
    for pad in ("/zkij/spreekuren/", "/zkij/vraag/", "/zkij/vacatures/", "/zkij/besluiten/"):
        assert f'href="{pad}"' in html
    # Exactly one menu item is the current page.
    assert len(re.findall(r'aria-current="page"', html)) == 1
    assert re.search(rf'href="{re.escape(url)}" aria-current="page"', html)


def test_a_vacature_marks_the_vacaturekrant_as_the_current_section(client, regio_a):
    werkgever = WerkgeverFactory(regio=regio_a)
    vacature = VacatureFactory(
        werkgever=werkgever, is_openbaar=True, sluitingsdatum=date(2025, 4, 30)
    )
    html = _html(client, f"/zkij/vacatures/{vacature.pk}/")
    assert 'href="/zkij/vacatures/" aria-current="true"' in html


def test_a_regio_without_wsp_and_rba_has_no_dead_links_to_them(client, regio_a):
    regio_a.modules = ["financien"]
    regio_a.save()
    html = _html(client, "/zkij/")
    assert "/zkij/vacatures/" not in html
    assert "/zkij/besluiten/" not in html


def test_footer_shows_the_werkcentrum_contact_data_from_its_organisatie(
    client, regio_a, werkcentrum
):
    html = _html(client, "/zkij/")
    assert "023 555 0100" in html and 'href="tel:0235550100"' in html
    assert 'href="mailto:info@werkcentrum.example"' in html
    assert "Stationsplein 1, 2011 LR Haarlem" in html
    assert 'href="/zkij/privacyverklaring/"' in html
    assert 'href="/zkij/toegankelijkheidsverklaring/"' in html


def test_footer_contact_data_the_beheerder_filled_in_wins(client, regio_a, werkcentrum):
    Websitegegevens.objects.create(
        regio=regio_a, telefoon="088 123 4567", email="loket@zkij.example", adres="Markt 2, Haarlem"
    )
    html = _html(client, "/zkij/vacatures/")
    assert "088 123 4567" in html and "loket@zkij.example" in html and "Markt 2, Haarlem" in html
    assert "023 555 0100" not in html


# --- Privacy- and toegankelijkheidsverklaring -----------------------------------------------


def test_without_own_text_the_statements_show_a_default_with_the_regio_and_contact(
    client, regio_a, werkcentrum
):
    html = _html(client, "/zkij/privacyverklaring/")
    assert '<h1 class="utrecht-heading-1">Privacyverklaring</h1>' in html
    assert "Het Werkcentrum Zuid-Kennemerland en IJmond gebruikt je gegevens" in html
    assert "info@werkcentrum.example" in html
    assert "WCAG" in _html(client, "/zkij/toegankelijkheidsverklaring/")


def test_a_regio_s_own_statement_is_shown_escaped_and_marked_dutch_on_english_pages(
    client, regio_a, regio_b
):
    Websitegegevens.objects.create(
        regio=regio_a, privacyverklaring="Eerste alinea.\n\nTweede <script>alert(1)</script>"
    )
    html = _html(client, "/zkij/privacyverklaring/")
    assert '<p class="utrecht-paragraph">Eerste alinea.</p>' in html
    assert "&lt;script&gt;" in html and "<script>alert" not in html
    assert '<div lang="nl">' in _html(client, "/en/zkij/privacyverklaring/")
    # Another regio keeps its default.
    assert "Eerste alinea" not in _html(client, "/amersfoort/privacyverklaring/")


def test_an_unknown_statement_is_a_404(client, regio_a):
    _html(client, "/zkij/geheimeverklaring/", status=404)


def test_beheerder_edits_the_statements_of_their_own_regio_once(
    client, maak_gebruiker, regio_a, regio_b, settings
):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    Websitegegevens.objects.create(regio=regio_b, privacyverklaring="Van Amersfoort")
    client.force_login(maak_gebruiker("beheerder", is_staff=True))
    data = {
        "telefoon": "023 555 0199",
        "email": "",
        "adres": "",
        "privacyverklaring": "Onze eigen tekst.",
        "toegankelijkheidsverklaring": "",
    }
    add = reverse("admin:werkcentrum_websitegegevens_add")
    assert client.post(add, data).status_code == 302
    gegevens = Websitegegevens.objects.get(regio=regio_a)
    assert gegevens.privacyverklaring == "Onze eigen tekst."
    # One row per regio: a second add is refused, not a 500.
    assert client.get(add).status_code == 403
    lijst = _html(client, reverse("admin:werkcentrum_websitegegevens_changelist"))
    assert "Zuid-Kennemerland" in lijst and "Amersfoort" not in lijst
    assert "Onze eigen tekst." in _html(client, "/zkij/privacyverklaring/")


# --- Werkgever and vacature pages -----------------------------------------------------------


def test_werkgever_information_reaches_the_ik_ben_werkgever_form(client, regio_a):
    pagina = Informatiepagina.objects.create(
        regio=regio_a,
        rubriek=Informatiepagina.Rubriek.WERKGEVER,
        titel="Personeel gezocht",
        slug="personeel",
        inhoud="Het WSP helpt je.",
        gepubliceerd=True,
    )
    formulier = 'href="/zkij/vacatures/ik-ben-werkgever/"'
    assert formulier in _html(client, "/zkij/thema/werkgever/")
    assert formulier in _html(client, f"/zkij/info/{pagina.slug}/")
    assert formulier in _html(client, "/zkij/")


def test_a_vacature_says_how_to_react(client, regio_a, werkcentrum):
    werkgever = WerkgeverFactory(regio=regio_a)
    vacature = VacatureFactory(
        werkgever=werkgever, is_openbaar=True, sluitingsdatum=date(2025, 4, 30)
    )
    html = _html(client, f"/zkij/vacatures/{vacature.pk}/")
    assert "Zo reageer je" in html
    assert f"noem vacaturenummer {vacature.pk}" in html
    assert 'href="tel:0235550100"' in html and 'href="/zkij/vraag/"' in html
    assert "Vaardigheden" in html and "Skills" not in html


def test_werkgever_pages_address_the_visitor_as_je(client, regio_a):
    html = _html(client, "/zkij/vacatures/ik-ben-werkgever/")
    assert "Zoek je personeel" in html
    assert not re.search(r"\b[Uu]w?\b", re.sub(r"<[^>]+>", " ", html))


# --- Forms: error summary, title, autocomplete, character count -----------------------------


def test_a_failed_question_has_an_error_summary_linking_to_the_fields(client, regio_a):
    response = client.post("/zkij/vraag/", {"tekst": "x" * 3005, "wil_antwoord": "on"})
    assert response.status_code == 400
    html = response.content.decode()
    assert re.search(r"<title>Fout: Stel je vraag", html)
    assert 'class="utrecht-alert utrecht-alert--error wc-foutoverzicht"' in html
    assert 'href="#id_thema"' in html and 'href="#id_tekst"' in html
    # The text is kept in full, not cut off at 3,000 characters.
    assert "x" * 3005 in html


def test_the_question_form_counts_characters_instead_of_truncating(client, regio_a):
    html = _html(client, "/zkij/vraag/")
    tekst = re.search(r"<textarea[^>]*>", html).group(0)
    assert "maxlength" not in tekst
    assert 'data-teller-voor="id_tekst"' in html and 'data-max="3000"' in html
    assert "Maximaal 3000 tekens." in html
    assert '<script src="/static/js/formulier.js" defer></script>' in html


def test_name_email_and_phone_help_the_browser_and_the_keyboard(client, regio_a):
    html = _html(client, "/zkij/vraag/")
    assert re.search(r'<input type="text" name="naam"[^>]*autocomplete="name"', html)
    assert re.search(r'<input type="email" name="email"[^>]*inputmode="email"', html)
    assert re.search(r'<input type="tel" name="telefoon"[^>]*autocomplete="tel"', html)
    werkgever = _html(client, "/zkij/vacatures/ik-ben-werkgever/")
    assert re.search(r'<input type="tel" name="telefoon"[^>]*inputmode="tel"', werkgever)


def test_the_consent_checkbox_links_to_the_privacyverklaring(client, regio_a):
    html = _html(client, "/zkij/vraag/")
    assert re.search(
        r'id="id_toestemming_helptext"><a class="utrecht-link" href="/zkij/privacy', html
    )
    assert 'href="/en/zkij/privacyverklaring/"' in _html(client, "/en/zkij/vraag/")


def test_no_public_page_shows_dashes_as_a_choice(client, regio_a):
    for url in (
        "/zkij/vacatures/",
        "/zkij/besluiten/",
        "/zkij/vraag/",
        "/zkij/waar-kan-ik-terecht/",
    ):
        assert "---------" not in _html(client, url), url


# --- Error pages ----------------------------------------------------------------------------


def test_an_unknown_page_is_a_dutch_404_in_the_portal_layout(client, regio_a):
    html = _html(client, "/zkij/bestaat-niet/", status=404)
    assert "Pagina niet gevonden" in html and 'class="utrecht-page-footer"' in html
    assert "Not Found" not in html


def test_a_server_error_is_a_dutch_page_in_the_portal_layout():
    response = server_error(RequestFactory().get("/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert "Er ging iets mis" in html and 'class="utrecht-page-header"' in html


# --- The English besluitenlijst -------------------------------------------------------------


def test_the_english_besluitenlijst_is_english_and_marks_dutch_titles(client, regio_a):
    BesluitFactory(regio=regio_a, titel="Inzet regionale middelen", datum=date(2025, 3, 1))
    html = _html(client, "/en/zkij/besluiten/")
    for engels in ("Decisions Zuid-Kennemerland", "Type of decision", "All types", "Year"):
        assert engels in html
    for nederlands in ("Soort besluit", "Alle soorten", "Zoeken op nummer", "Orgaan<"):
        assert nederlands not in html
    assert '<span lang="nl">Inzet regionale middelen</span>' in html
