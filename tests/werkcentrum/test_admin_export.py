"""Issue 20 point 11: the admin's export (django-import-export) answers a file, never a 500,
for every model admin that offers it, with data present, for the platform beheerder
(superuser, no regio of its own) and a regio's beheerder. Generated over the admin registry,
so a new exporting admin is covered without a new test."""

from __future__ import annotations

import re

import pytest
from django.contrib import admin
from django.urls import reverse
from import_export.admin import ExportMixin

from tests.factories import GemeenteFactory, LocatieFactory, OrganisatieFactory
from tests.rba.factories import BesluitFactory
from tests.wsp.factories import WerkgeverFactory

pytestmark = pytest.mark.django_db

EXPORTERENDE = sorted(
    (
        model._meta.label
        for model, model_admin in admin.site._registry.items()
        if isinstance(model_admin, ExportMixin)
    ),
)


@pytest.fixture
def gegevens(regio_a):
    GemeenteFactory(regio=regio_a)
    OrganisatieFactory(regio=regio_a)
    LocatieFactory(regio=regio_a)
    WerkgeverFactory(regio=regio_a)
    BesluitFactory(orgaan__regio=regio_a)


def test_de_wandeling_vindt_de_exporterende_admins():
    assert {"wsp.Werkgever", "rba.Besluit", "werkcentrum.Gemeente"} <= set(EXPORTERENDE)


@pytest.mark.parametrize("wie", ["superuser", "beheerder"])
@pytest.mark.parametrize("label", EXPORTERENDE)
def test_export_geeft_een_bestand(
    client, settings, gegevens, maak_gebruiker, superuser, wie, label
):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    gebruiker = superuser if wie == "superuser" else maak_gebruiker("beheerder", is_staff=True)
    client.force_login(gebruiker)
    app, model = label.split(".")
    url = reverse(f"admin:{app}_{model.lower()}_export")
    pagina = client.get(url)
    assert pagina.status_code in (200, 403), (label, wie, pagina.status_code)
    if pagina.status_code == 403:
        return
    html = pagina.content.decode()
    formaat = re.search(r'<option value="(\d+)"[^>]*>\s*csv', html, re.IGNORECASE)
    assert formaat, (label, "no csv format offered")
    velden = set(re.findall(r'name="([a-z0-9]+resource[a-z0-9]*_[a-z0-9_]+)"', html))
    data = {"format": formaat.group(1), "resource": "0", **dict.fromkeys(velden, "on")}
    antwoord = client.post(url, data)
    assert antwoord.status_code == 200, (label, wie, antwoord.status_code)
    assert "text/csv" in antwoord.headers.get("Content-Type", ""), (label, wie, antwoord.headers)
