"""Error pages in the portal's layout, in Dutch (issue 22 point 9): a refused action on a
staff page shows the portal's header, menu and a way back, not Django's bare "403 Forbidden"."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.wsp.factories import WerkgeverFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _geen_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


def _in_de_layout(html: str) -> bool:
    return (
        'class="utrecht-page-header"' in html
        and "Werkcentrum-portaal" in html
        and 'id="inhoud"' in html
        and "css/werkcentrum.css" in html
    )


def test_permission_denied_in_a_staff_view_renders_the_403_page_in_the_layout(
    client, maak_gebruiker, regio_a
):
    adviseur = maak_gebruiker("wsp_adviseur")
    werkgever = WerkgeverFactory(regio=regio_a)  # another adviseur's account
    client.force_login(adviseur)
    response = client.get(reverse("wsp:werkgever_bewerken", args=[werkgever.pk]))
    assert response.status_code == 403
    assert "403.html" in [t.name for t in response.templates]
    html = response.content.decode()
    assert _in_de_layout(html)
    assert '<h1 class="utrecht-heading-1">Geen toegang</h1>' in html
    assert "Uitloggen" in html and reverse("werkplek") in html  # the menu of a logged-in user
    assert '<html lang="nl"' in html


def test_a_role_the_user_lacks_gives_the_same_403_page(client, maak_gebruiker):
    client.force_login(maak_gebruiker("gids"))
    response = client.get(reverse("wsp:werkgevers"))
    assert response.status_code == 403 and _in_de_layout(response.content.decode())
    assert "Geen toegang" in response.content.decode()


def test_another_regios_record_gives_the_404_page_in_the_layout(client, maak_gebruiker, regio_b):
    client.force_login(maak_gebruiker("wsp_adviseur"))
    werkgever = WerkgeverFactory(regio=regio_b)
    response = client.get(werkgever.get_absolute_url())
    assert response.status_code == 404
    html = response.content.decode()
    assert _in_de_layout(html) and "Pagina niet gevonden" in html


def test_a_refused_csrf_token_explains_itself_in_the_layout(maak_gebruiker):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(maak_gebruiker("wsp_adviseur"))
    response = client.post(reverse("wsp:verzoek_nieuw"), {"bedrijfsnaam": "Bakkerij"})
    assert response.status_code == 403
    html = response.content.decode()
    assert _in_de_layout(html) and "Formulier verlopen" in html and "niets opgeslagen" in html
