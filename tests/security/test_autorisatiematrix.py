"""Authorization matrix: every URL of the URLconf, requested with GET by everyone.

The expected outcome per URL name and person is the table MATRIX below; a new URL without an
entry fails `test_elke_url_staat_in_de_matrix`. Outcomes:
  ok            2xx, or a redirect to anything but the login page
  login         redirect to the login page (UI) or 401/403 for an anonymous API call
  verboden      403 for a logged-in user
  niet_gevonden 404 (for "andere_regio": an object of regio A is invisible to regio B)
  methode       405 (POST-only views answer GET with 405)
People: anonymous, each role of regio A, the platform superuser, and a user of regio B with
every role ("andere_regio"); object URLs always point at objects of regio A.

Set SECURITY_MATRIX_OPNEMEN=/some/file.json to write the observed outcomes instead of
comparing (to review them when URLs are added; the table stays hand-checked).
"""

from __future__ import annotations

import json
import os

import pytest
from django.urls import reverse

from .conftest import DERDE, GEBRUIKERS
from .matrix_helpers import client_voor, uitkomst
from .matrix_tabel import DERDE_AFWIJKEND, MATRIX
from .urls import alle_routes, kwargs_voor, query_voor

ROUTES = alle_routes()
OPNEMEN = os.environ.get("SECURITY_MATRIX_OPNEMEN")


def test_elke_url_staat_in_de_matrix():
    ontbrekend = sorted(set(ROUTES) - set(MATRIX))
    assert not ontbrekend, (
        "URL(s) without an entry in tests/security/matrix_tabel.py; add an entry to the matrix: "
        + ", ".join(ontbrekend)
    )
    verouderd = sorted(set(MATRIX) - set(ROUTES))
    assert not verouderd, f"matrix entries for URLs that no longer exist: {verouderd}"
    for naam, rij in MATRIX.items():
        assert set(rij) == set(GEBRUIKERS), f"{naam}: the row must name exactly {GEBRUIKERS}"


@pytest.fixture
def _zonder_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


@pytest.mark.parametrize("naam", sorted(ROUTES))
def test_autorisatiematrix(naam, wereld, db, _zonder_mfa):
    url = reverse(naam, kwargs=kwargs_voor(naam, wereld)) + query_voor(naam, wereld)
    api = url.startswith("/api/")
    gezien = {}
    for wie in [*GEBRUIKERS, DERDE]:
        response = client_voor(wie, wereld).get(url, HTTP_ACCEPT="text/html,application/json")
        gezien[wie] = uitkomst(response, api=api)
    if OPNEMEN:
        with open(OPNEMEN, "a", encoding="utf-8") as uit:
            uit.write(json.dumps({naam: gezien}) + "\n")
        return
    verwacht = MATRIX.get(naam)
    assert verwacht is not None, f"{naam} ({url}): add an entry to the matrix"
    # The third regio's user meets the same wall as regio B's: objects of A stay invisible.
    verwacht = {**verwacht, DERDE: DERDE_AFWIJKEND.get(naam, verwacht["andere_regio"])}
    verschillen = {
        wie: f"verwacht {verwacht[wie]}, kreeg {gezien[wie]}"
        for wie in [*GEBRUIKERS, DERDE]
        if verwacht.get(wie) != gezien[wie]
    }
    assert not verschillen, f"{naam} ({url}): {verschillen}"
