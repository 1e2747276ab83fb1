"""Issue 20 point 11: a Permissions-Policy header on every response."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    ["/", "/zkij/", "/zkij/vraag/", "/health/", "/api/v1/", "/bestaat-niet/", "/accounts/login/"],
)
def test_elk_antwoord_zet_browserfuncties_uit(client, regio_a, url):
    response = client.get(url)
    beleid = response.headers.get("Permissions-Policy", "")
    for functie in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
        assert functie in beleid, (url, response.status_code, beleid)


def test_ook_statische_bestanden(client, settings):
    # Whitenoise answers before the later middleware; the header is set outside it. Served from
    # the source folders, as without collectstatic (CI runs with DEBUG off).
    settings.WHITENOISE_USE_FINDERS = True
    response = client.get("/static/loket/loket.css")
    assert response.status_code == 200
    assert "camera=()" in response.headers.get("Permissions-Policy", "")
