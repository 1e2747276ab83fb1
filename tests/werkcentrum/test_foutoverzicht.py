"""Every form answers bad input the same way: the shared error summary at the top
(components/foutoverzicht.html) that names each error and links to its field, with status
400 and nothing saved. These pages had a summary of their own, without the links."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("rol", "url_naam", "veld"),
    [
        ("gids", "loket:gesprek_nieuw", "id_themas_0"),
        ("rba_secretariaat", "rba:onderwerp_nieuw", "id_titel"),
        ("financieel_beheerder", "financien:geldstroom_nieuw", "id_naam"),
    ],
)
def test_an_empty_form_shows_the_shared_error_summary(
    client, maak_gebruiker, settings, rol, url_naam, veld
):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    client.force_login(maak_gebruiker(rol))
    # One field sent (left empty), as a browser does: an empty POST leaves a form unbound.
    r = client.post(reverse(url_naam), {veld.removeprefix("id_").removesuffix("_0"): ""})
    assert r.status_code == 400
    html = r.content.decode()
    assert "wc-foutoverzicht" in html
    assert "Controleer het formulier; er is nog niets verstuurd of opgeslagen." in html
    assert f'href="#{veld}"' in html
