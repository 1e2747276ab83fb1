"""Every edit form of the portal, saved unchanged, changes nothing (issue 21, point 7).

For each edit page (URL names ending in _bewerken or _wijzigen, and the traject page) the
test opens the page as a person the matrix lets in, reads the form as a browser would
(tests/formulieren.py: a date input drops a value that is not ISO), posts it back and compares
every row of the page's app that existed before. A date field rendered in Dutch format (shown
empty by the browser) is wiped by such a save, and fails here.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.apps import apps
from django.urls import reverse

from tests.formulieren import als_post_data, formulieren

from .conftest import GEBRUIKERS
from .matrix_helpers import client_voor
from .matrix_tabel import MATRIX
from .urls import alle_routes, kwargs_voor

EXTRA = {"loket:traject"}  # the traject's detail page is its edit form
BEWERKPAGINAS = sorted(
    naam for naam in alle_routes() if naam.endswith(("_bewerken", "_wijzigen")) or naam in EXTRA
)
MENSEN = [w for w in GEBRUIKERS if w not in ("anoniem", "andere_regio")]


@pytest.fixture
def _zonder_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


def _momentopname(app_label: str) -> dict:
    """Every row of the app's models, without the fields a save stamps by itself."""
    rijen = {}
    for model in apps.get_app_config(app_label).get_models():
        velden = [
            f.attname for f in model._meta.concrete_fields if not getattr(f, "auto_now", False)
        ]
        for rij in model._base_manager.values(*velden):
            rijen[(model._meta.label, rij[model._meta.pk.attname])] = rij
    return rijen


def _bewerkformulier(html: str, url: str) -> dict:
    kandidaten = [
        f
        for f in formulieren(html)
        if f["method"] == "post" and f["action"] in ("", url) and f["velden"]
    ]
    assert kandidaten, f"{url}: no edit form on the page"
    return kandidaten[0]


def _fouten(html: str) -> str:
    """The error messages on a refused page (field id and message), for the failure report."""
    fouten = re.findall(r'id="([^"]+)_error">(.*?)</div>', html, re.S)
    tekst = " | ".join(
        f"{veld}: {re.sub(r'<[^>]+>', '', bericht).strip()}" for veld, bericht in fouten
    )
    return tekst[:800] or re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))[-800:]


def _openen(client, url: str):
    response = client.get(url)
    if response.status_code == 200 and any(
        t.name == "werkcentrum/doel_kiezen.html" for t in response.templates
    ):
        # The purpose interstitial (doelbinding): choose the first purpose, then the page.
        html = response.content.decode()
        doel = re.search(r'name="(doelbinding_doel)" value="([^"]+)"', html)
        client.post(url, {doel.group(1): doel.group(2)})
        response = client.get(url)
    return response


def _concept_besluit(wereld) -> dict:
    """The matrix's besluit is genomen (not editable any more): take one still in draft."""
    from rba.models import Besluit

    besluit = (
        Besluit.objects.in_regio(wereld.regio_a)
        .exclude(status=Besluit.Status.GENOMEN)
        .order_by("pk")
        .first()
    )
    return {"pk": besluit.pk} if besluit else kwargs_voor("rba:besluit_wijzigen", wereld)


def _komende_vergadering(wereld) -> dict:
    """A held meeting is not edited any more (the service refuses it): take a coming one."""
    from rba.models import Vergadering
    from rba.services.vergaderingen import GESLOTEN

    vergadering = (
        Vergadering.objects.in_regio(wereld.regio_a)
        .exclude(status__in=GESLOTEN)
        .order_by("pk")
        .first()
    )
    return {"pk": vergadering.pk}


ANDER_OBJECT = {
    "rba:besluit_wijzigen": _concept_besluit,
    "rba:vergadering_wijzigen": _komende_vergadering,
}


def _einddatum_op_traject(wereld) -> None:
    """The matrix's traject has no einddatum; give it one, the field this test guards."""
    from loket.models import Traject

    Traject.objects.in_regio(wereld.regio_a).update(einddatum=date(2026, 6, 30))


def test_there_are_edit_pages_to_check():
    assert {"loket:traject", "loket:dienst_bewerken", "wsp:vacature_bewerken"} <= set(BEWERKPAGINAS)


@pytest.mark.parametrize("naam", BEWERKPAGINAS)
def test_saving_an_edit_form_unchanged_changes_nothing(naam, wereld, db, _zonder_mfa):
    wie = next((w for w in MENSEN if MATRIX[naam][w] == "ok"), None)
    assert wie is not None, f"{naam}: nobody in the matrix may open it"
    _einddatum_op_traject(wereld)
    kwargs = ANDER_OBJECT[naam](wereld) if naam in ANDER_OBJECT else kwargs_voor(naam, wereld)
    url = reverse(naam, kwargs=kwargs)
    client = client_voor(wie, wereld)
    response = _openen(client, url)
    if response.status_code == 302 and "/accounts/" not in response.url:
        return  # not editable in its state (a genomen besluit): there is no form to save
    assert response.status_code == 200, f"{naam}: GET as {wie} gave {response.status_code}"
    formulier = _bewerkformulier(response.content.decode(), url)
    app_label = naam.split(":")[0].replace("factsheet", "wsp")
    voor = _momentopname(app_label)
    response = client.post(url, als_post_data(formulier))
    assert response.status_code == 302, (
        f"{naam}: the unchanged form was refused ({response.status_code}): "
        f"{_fouten(response.content.decode())}"
    )
    na = _momentopname(app_label)
    gewijzigd = {
        sleutel: {
            k: (v, na.get(sleutel, {}).get(k))
            for k, v in rij.items()
            if na.get(sleutel, {}).get(k) != v
        }
        for sleutel, rij in voor.items()
        if na.get(sleutel) != rij
    }
    assert not gewijzigd, f"{naam} saved unchanged as {wie} changed: {gewijzigd}"
