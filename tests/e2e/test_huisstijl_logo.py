"""The regio's logo in the browser, at phone (390 px) and desktop (1280 px) width: it loads
under the strict CSP (no violation reported), names the link to the regio's home by its alt
text, fits the header, and axe-core finds no serious or critical violation. Screenshots go to
test-results/ for a person to look at."""

from pathlib import Path

import pytest

from tests.e2e.conftest import ernstige_schendingen
from tests.factories import MedewerkerFactory
from tests.werkcentrum.test_huisstijl_logo import beeld, logo_zetten

BREEDTES = (390, 1280)
SCHERMAFDRUKKEN = Path(__file__).resolve().parents[2] / "test-results"


@pytest.fixture
def regio_met_logo(transactional_db, regio_a, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    regio_a.huisstijl_kleur = "#8a1538"
    return logo_zetten(regio_a, beeld(maat=(360, 96)), alt="Werkcentrum Zuid-Kennemerland")


def _csp_schendingen(page) -> list[str]:
    schendingen: list[str] = []
    page.on(
        "console",
        lambda bericht: (
            schendingen.append(bericht.text) if "Content Security Policy" in bericht.text else None
        ),
    )
    return schendingen


@pytest.mark.parametrize("breedte", BREEDTES)
def test_the_public_header_shows_the_logo(page, live_server, regio_met_logo, breedte):
    page.set_viewport_size({"width": breedte, "height": 800})
    schendingen = _csp_schendingen(page)
    page.goto(f"{live_server.url}/{regio_met_logo.code}/")
    logo = page.get_by_role("link", name="Werkcentrum Zuid-Kennemerland")
    assert logo.count() == 1
    geladen = page.locator("img.wc-logo__beeld").evaluate("b => b.complete && b.naturalWidth")
    assert geladen == 360
    doos = page.locator("img.wc-logo__beeld").bounding_box()
    assert doos["width"] <= breedte and doos["height"] <= 57
    assert schendingen == []
    assert ernstige_schendingen(page) == []
    SCHERMAFDRUKKEN.mkdir(exist_ok=True)
    page.screenshot(path=str(SCHERMAFDRUKKEN / f"huisstijl-publiek-{breedte}.png"))


@pytest.mark.parametrize("breedte", BREEDTES)
def test_the_staff_header_shows_the_logo(page, live_server, regio_met_logo, breedte):
    gebruiker = MedewerkerFactory(regio=regio_met_logo, rollen=["gids"])
    page.context.add_cookies(_sessie(gebruiker, live_server.url))
    page.set_viewport_size({"width": breedte, "height": 800})
    page.goto(f"{live_server.url}/werkplek/")
    assert page.get_by_role("link", name="Werkcentrum Zuid-Kennemerland").count() == 1
    assert page.locator("img.wc-logo__beeld").evaluate("b => b.naturalWidth") == 360
    assert ernstige_schendingen(page) == []
    SCHERMAFDRUKKEN.mkdir(exist_ok=True)
    page.screenshot(path=str(SCHERMAFDRUKKEN / f"huisstijl-werkplek-{breedte}.png"))


def _sessie(gebruiker, url: str) -> list[dict]:
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(gebruiker)
    return [
        {
            "name": settings.SESSION_COOKIE_NAME,
            "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
            "url": url,
        }
    ]
