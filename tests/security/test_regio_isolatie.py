"""Regio isolation: a user of regio B (holding every role) never reads regio A's personal or
financial rows, through UI list pages, API lists and exports. Object URLs of regio A are a
404 for regio B in the authorization matrix; this module looks at what lists and files show.

Every check has a positive control: a regio A user with every role does see at least one of
the same fingerprints on the same page, so an empty or broken page cannot pass by accident.
"""

from __future__ import annotations

import html
import io

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import MedewerkerFactory

from .conftest import DERDE, ROLCODES


def _vingerafdrukken(wereld) -> dict[str, set[str]]:
    """Per model: names, e-mail addresses and texts of regio A's rows (at least one each)."""
    sporen = _sporen(wereld.regio_a)
    for model, waarden in sporen.items():
        assert waarden, f"demo data has no {model} rows with a fingerprint in regio A"
    return sporen


def _sporen(a) -> dict[str, set[str]]:
    """Per model: names, e-mail addresses, texts and detail links of regio `a`'s rows."""
    from financien.models import Geldstroom, Mutatie
    from loket.models import Doorverwijzing, Traject, Vraag
    from rba.models import Besluit, Lid
    from wsp.models import Contactpersoon, Kandidaat, Plaatsing

    def persoon(qs) -> set[str]:
        return {w for rij in qs.values_list("naam", "email") for w in rij if w}

    sporen = {
        "vraag": persoon(Vraag.objects.in_regio(a)),
        "doorverwijzing": persoon(Doorverwijzing.objects.in_regio(a)),
        "traject": persoon(Traject.objects.in_regio(a)),
        "kandidaat": {
            w
            for rij in Kandidaat.objects.in_regio(a).values_list("achternaam", "email")
            for w in rij
            if w
        },
        "plaatsing": {
            w
            for rij in Plaatsing.objects.in_regio(a).values_list(
                "kandidaat__achternaam", "kandidaat__email"
            )
            for w in rij
            if w
        },
        "contactpersoon": persoon(Contactpersoon.objects.in_regio(a)),
        "lid": persoon(Lid.objects.in_regio(a)),
        "besluit": set(Besluit.objects.in_regio(a).values_list("titel", flat=True)),
        "mutatie": set(Mutatie.objects.in_regio(a).values_list("omschrijving", flat=True)),
        "geldstroom": set(Geldstroom.objects.in_regio(a).values_list("naam", flat=True)),
    }
    # List pages show few personal fields; their links to the rows' detail pages are fingerprints.
    links = {
        "vraag": ("loket:vraag", Vraag),
        "doorverwijzing": ("loket:doorverwijzing", Doorverwijzing),
        "traject": ("loket:traject", Traject),
        "kandidaat": ("wsp:kandidaat", Kandidaat),
        "plaatsing": ("wsp:plaatsing", Plaatsing),
        "lid": ("rba:orgaan", None),
        "besluit": ("rba:besluit", Besluit),
        "mutatie": ("financien:mutatie", Mutatie),
        "geldstroom": ("financien:geldstroom", Geldstroom),
    }
    for model, (url_naam, klasse) in links.items():
        if klasse is None:
            pks = Lid.objects.in_regio(a).values_list("orgaan_id", flat=True)
        else:
            pks = klasse.objects.in_regio(a).values_list("pk", flat=True)
        sporen[model] |= {f'href="{reverse(url_naam, args=[pk])}"' for pk in pks}
    return {model: {w for w in waarden if w} for model, waarden in sporen.items()}


# (model, how to request it, url name, kwargs, query)
BRONNEN = [
    ("vraag", "ui", "loket:vragen", {}, ""),
    ("doorverwijzing", "ui", "loket:doorverwijzingen", {}, ""),
    ("doorverwijzing", "api", "loket-doorverwijzing-list", {}, ""),
    ("traject", "ui", "loket:trajecten", {}, ""),
    ("kandidaat", "ui", "wsp:kandidaten", {}, ""),
    ("kandidaat", "api", "wsp-kandidaat-list", {}, ""),
    ("kandidaat", "bestand", "wsp:exporteren", {"soort": "kandidaten", "formaat": "csv"}, ""),
    ("kandidaat", "bestand", "wsp:exporteren", {"soort": "kandidaten", "formaat": "xlsx"}, ""),
    ("plaatsing", "ui", "wsp:plaatsingen", {}, ""),
    ("plaatsing", "api", "wsp-plaatsing-list", {}, ""),
    ("plaatsing", "bestand", "wsp:exporteren", {"soort": "plaatsingen", "formaat": "csv"}, ""),
    (
        "contactpersoon",
        "bestand",
        "wsp:exporteren",
        {"soort": "contactpersonen", "formaat": "csv"},
        "",
    ),
    ("lid", "ui", "rba:organen", {}, ""),
    ("besluit", "ui", "rba:besluiten", {}, ""),
    ("besluit", "api", "rba-besluit-list", {}, ""),
    ("besluit", "ui", "financien:besluiten", {}, ""),
    ("mutatie", "ui", "financien:mutaties", {}, ""),
    ("mutatie", "api", "financien-mutatie-list", {}, ""),
    ("geldstroom", "bestand", "financien:export", {}, ""),
    ("geldstroom", "ui", "financien:overzicht", {}, ""),
    ("geldstroom", "api", "financien-geldstroom-list", {}, ""),
]


def _tekst(response) -> str:
    inhoud = b"".join(response.streaming_content) if response.streaming else response.content
    soort = response.headers.get("Content-Type", "")
    if "spreadsheetml" in soort:
        from openpyxl import load_workbook

        boek = load_workbook(io.BytesIO(inhoud), read_only=True)
        return "\n".join(
            str(cel)
            for blad in boek.worksheets
            for rij in blad.iter_rows(values_only=True)
            for cel in rij
            if cel is not None
        )
    tekst = inhoud.decode("utf-8", errors="replace")
    return html.unescape(tekst) + tekst if "html" in soort else tekst


@pytest.fixture
def _zonder_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


@pytest.fixture
def client_a(wereld, db, _zonder_mfa):
    client = Client()
    client.force_login(MedewerkerFactory(regio=wereld.regio_a, rollen=ROLCODES))
    return client


@pytest.mark.parametrize(
    ("model", "soort", "naam", "kwargs", "query"),
    BRONNEN,
    ids=[f"{b[0]}-{b[2]}-{b[3].get('formaat', '')}" for b in BRONNEN],
)
def test_regio_b_ziet_geen_rijen_van_regio_a(
    model, soort, naam, kwargs, query, wereld, client_a, _zonder_mfa
):
    """Regio B (Amersfoort, with its own demo data) and regio C (loaded from a definition
    file, empty) both see none of regio A's rows."""
    sporen = _vingerafdrukken(wereld)[model]
    url = reverse(naam, kwargs=kwargs) + query

    eigen = client_a.get(url)
    assert eigen.status_code == 200, (url, eigen.status_code)
    # Both demo regio's have a Bakker and an "Inzet regionale middelen": only what is A's
    # alone tells a leak from B's own rows (the detail links always do).
    eigen_van_b = _sporen(wereld.regio_b)[model]
    assert sporen - eigen_van_b, f"no fingerprint of {model} is regio A's alone"
    for wie, zoek in (("andere_regio", sporen - eigen_van_b), (DERDE, sporen)):
        vreemd = wereld.clients[wie].get(url)
        assert vreemd.status_code == 200, (url, wie, vreemd.status_code)
        tekst = _tekst(vreemd)
        gelekt = sorted(s for s in zoek if s in tekst)
        assert not gelekt, f"{url} shows regio A's {model} to {wie}: {gelekt[:5]}"
        if soort != "ui" and wie == DERDE:
            assert _datarijen(vreemd) == 0, f"{url}: the empty regio C got rows"

    if soort == "ui":
        eigen_tekst = _tekst(eigen)
        assert any(s in eigen_tekst for s in sporen), f"positive control: {url} shows no {model}"
    else:
        assert _datarijen(eigen) > 0, f"positive control: {url} has no {model} rows for regio A"


@pytest.mark.parametrize(
    ("model", "soort", "naam", "kwargs", "query"),
    BRONNEN,
    ids=[f"{b[0]}-{b[2]}-{b[3].get('formaat', '')}" for b in BRONNEN],
)
def test_regio_a_ziet_geen_rijen_van_regio_b(
    model, soort, naam, kwargs, query, wereld, client_a, _zonder_mfa
):
    """The other way round: Amersfoort's own demo rows never show in regio A."""
    sporen = _sporen(wereld.regio_b)[model] - _sporen(wereld.regio_a)[model]
    if not sporen:
        pytest.fail(f"Amersfoort's demo data has no {model} rows of its own to look for")
    url = reverse(naam, kwargs=kwargs) + query
    client_b = Client()
    client_b.force_login(MedewerkerFactory(regio=wereld.regio_b, rollen=ROLCODES))
    eigen = client_b.get(url)
    assert eigen.status_code == 200, (url, eigen.status_code)
    tekst = _tekst(client_a.get(url))
    gelekt = sorted(s for s in sporen if s in tekst)
    assert not gelekt, f"{url} shows Amersfoort's {model} to regio A: {gelekt[:5]}"
    if soort == "ui":
        assert any(s in _tekst(eigen) for s in sporen), f"positive control: {url} for B"
    else:
        assert _datarijen(eigen) > 0, f"positive control: {url} has no {model} rows for B"


def _datarijen(response) -> int:
    """Rows of an API list page, or data rows (without the header) of a CSV/XLSX file."""
    soort = response.headers.get("Content-Type", "")
    if "json" in soort:
        data = response.json()
        return len(data["results"] if isinstance(data, dict) else data)
    if "spreadsheetml" in soort:
        from openpyxl import load_workbook

        boek = load_workbook(io.BytesIO(response.content), read_only=True)
        return sum(
            1
            for blad in boek.worksheets
            for i, rij in enumerate(blad.iter_rows(values_only=True))
            # A "Totaal" row of zeros is a sum over nothing, not a row of regio A.
            if i > 0 and rij and rij[0] != "Totaal" and any(c not in (None, "", 0) for c in rij)
        )
    regels = [r for r in response.content.decode().splitlines() if r.strip()]
    return max(len(regels) - 1, 0)


def test_niet_openbaar_besluit_is_onzichtbaar_voor_andere_rollen_en_regio(wereld, db, _zonder_mfa):
    """A non-public besluit of regio A: 404 for a gids of A and for regio B (UI and API)."""
    from rba.models import Besluit

    besluit = (
        Besluit.objects.in_regio(wereld.regio_a)
        .filter(openbaar=False, status=Besluit.Status.GENOMEN)
        .order_by("pk")
        .first()
    )
    assert besluit is not None, "demo data has no non-public besluit"
    for wie, verwacht in (("gids", 404), ("andere_regio", 404), ("rba_secretariaat", 200)):
        client = wereld.clients[wie]
        assert client.get(reverse("rba:besluit", args=[besluit.pk])).status_code == verwacht, wie
        assert client.get(reverse("rba:raadsinformatie", args=[besluit.pk])).status_code in (
            verwacht,
            403,
        ), wie
        lijst = client.get(reverse("rba:besluiten"), {"zoek": besluit.titel})
        if verwacht == 404:
            link = f'href="{reverse("rba:besluit", args=[besluit.pk])}"'
            assert link not in lijst.content.decode(), wie
    openbaar = Client().get(
        reverse("rba-openbaar-besluit-detail", args=[besluit.nummer]), {"regio": "zkij"}
    )
    assert openbaar.status_code == 404


@pytest.mark.parametrize(
    ("naam", "kwargs"),
    [
        ("privacy:logboek", {}),
        ("privacy:logboek_export", {"formaat": "csv"}),
        ("privacy:logboek_export", {"formaat": "xlsx"}),
    ],
)
def test_privacy_officer_of_regio_b_never_sees_regio_a_events(
    wereld, db, _zonder_mfa, naam, kwargs
):
    """The logboek page and its exports go through the tenancy mechanism: regio B's privacy
    officer (andere_regio holds every role) sees none of regio A's events."""
    from werkcentrum import audit

    gids_a = wereld.gebruikers["gids"]
    audit.vastleggen(actie="ingezien", event="isolatieproef_regio_a", user=gids_a, doel="x")
    url = reverse(naam, kwargs=kwargs)
    eigen = wereld.clients["privacy_officer"].get(url)
    assert eigen.status_code == 200
    # The page names the event in words, the exports by code as well.
    sporen = ("isolatieproef_regio_a", "Isolatieproef regio a")
    assert any(s in _tekst(eigen) for s in sporen)  # positive control
    for wie in ("andere_regio", DERDE):
        vreemd = wereld.clients[wie].get(url)
        assert vreemd.status_code == 200
        tekst = _tekst(vreemd)
        assert not any(s in tekst for s in sporen) and gids_a.email not in tekst, wie
        assert gids_a.get_full_name() not in tekst, wie


def test_privacy_officer_of_regio_b_cannot_find_or_read_regio_a_persons(wereld, db, _zonder_mfa):
    from wsp.models import Kandidaat

    kandidaat = Kandidaat.objects.in_regio(wereld.regio_a).order_by("pk").first()
    zoekterm = kandidaat.achternaam
    eigen = wereld.clients["privacy_officer"].post(reverse("privacy:personen"), {"zoek": zoekterm})
    assert f"wsp.kandidaat:{kandidaat.pk}" in {r.sleutel for r in eigen.context["records"]}
    vreemd = wereld.clients["andere_regio"]
    gezocht = vreemd.post(reverse("privacy:personen"), {"zoek": zoekterm})
    # Amersfoort may have its own person of that name; regio A's never shows.
    gevonden = {r.sleutel for r in gezocht.context["records"]}
    assert f"wsp.kandidaat:{kandidaat.pk}" not in gevonden
    for record in gezocht.context["records"]:
        model = type(record.obj)
        assert not model.objects.in_regio(wereld.regio_a).filter(pk=record.obj.pk).exists()
    for naam, kwargs in (
        ("privacy:inzage", {}),
        ("privacy:inzage_export", {"formaat": "json"}),
        ("privacy:verwijderen", {}),
    ):
        url = reverse(naam, kwargs=kwargs) + f"?dossier=wsp.kandidaat:{kandidaat.pk}"
        response = vreemd.get(url)
        assert response.status_code == 400, naam
        assert str(kandidaat) not in _tekst(response), naam
    response = vreemd.post(
        reverse("privacy:verwijderen"),
        {"dossier": f"wsp.kandidaat:{kandidaat.pk}", "reden": "poging"},
    )
    assert response.status_code == 400
    assert str(Kandidaat.objects.get(pk=kandidaat.pk)) == str(kandidaat)
