"""Every read of personal data is in the logboek, in the request that shows it.

The person fields (the search fields of every registered PersoonsBron) of every record get a
unique marker ("zqx<bron>n<pk>q"). Then every URL of the portal (UI pages, API endpoints and
the admin's list, search, change, history and delete pages) is requested as someone allowed
to see it (the authorization matrix says who). When a marker is in the answer, the request
must have written an audit event with a purpose (doel): otherwise a person was shown to staff
without a trace. A page that first asks for the purpose (doelbinding) is answered with the
first purpose on offer, and the page behind it is checked.

New URLs are in the walk automatically (tests/security/urls.py walks the URLconf; the admin
pages come from the admin site's registry).
"""

from __future__ import annotations

import re

import pytest
from django.contrib import admin
from django.db import DatabaseError, models, transaction
from django.db.models import Value
from django.db.models.functions import Cast, Concat
from django.urls import reverse

from werkcentrum import personen
from werkcentrum.doelbinding import KEUZE_VELD
from werkcentrum.models import AuditEvent

from .conftest import ROLCODES
from .matrix_tabel import MATRIX
from .urls import alle_routes, kwargs_voor, query_voor

MARKER = re.compile(r"zqx(\d+)n(\d+)q")
# Who requests a URL: the first of these the matrix allows (anonymous first: a person shown
# on a public page fails here too, as nobody can have logged a purpose).
VOLGORDE = ["anoniem", *ROLCODES, "superuser"]


def _markeren() -> None:
    """A unique marker in every person field of every record (one UPDATE per field)."""
    for i, bron in enumerate(personen.bronnen()):
        for naam in bron.zoekvelden:
            veld = bron.model._meta.get_field(naam)
            if not isinstance(veld, models.CharField | models.TextField):
                continue
            delen = [Value(f"zqx{i}n"), Cast("pk", models.CharField()), Value("q")]
            if isinstance(veld, models.EmailField):
                delen.append(Value("@zqx.nl"))
            try:
                with transaction.atomic():
                    bron.model._default_manager.exclude(**{f"{naam}__isnull": True}).update(
                        **{naam: Concat(*delen, output_field=veld)}
                    )
            except DatabaseError:  # a check constraint on the field's form (a phone number)
                continue


@pytest.fixture
def _gemarkeerd(wereld, db, settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    _markeren()


def _wie(naam: str) -> str | None:
    rij = MATRIX.get(naam, {})
    return next((w for w in VOLGORDE if rij.get(w) == "ok"), None)


def _laatste_event() -> int:
    return AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def _opvragen(client, url: str):
    response = client.get(url, HTTP_ACCEPT="text/html,application/json")
    templates = [t.name for t in getattr(response, "templates", []) or []]
    if "werkcentrum/doel_kiezen.html" in templates:
        keuzes = response.context["form"].fields[KEUZE_VELD].choices
        client.post(url, {KEUZE_VELD: keuzes[0][0]})
        response = client.get(url, HTTP_ACCEPT="text/html,application/json")
    return response


def _controleren(client, url: str) -> str | None:
    voor = _laatste_event()
    response = _opvragen(client, url)
    inhoud = b"".join(response) if response.streaming else response.content
    getoond = sorted(set(MARKER.findall(inhoud.decode("utf-8", errors="replace"))))
    if not getoond:
        return None
    met_doel = AuditEvent.objects.filter(pk__gt=voor).exclude(doel="").exists()
    if met_doel:
        return None
    bronnen = personen.bronnen()
    wie = sorted({f"{bronnen[int(b)].code}:{pk}" for b, pk in getoond})[:5]
    return f"{url} ({response.status_code}) shows {wie} without an audit event with a doel"


ROUTES = alle_routes()


@pytest.mark.parametrize("naam", sorted(n for n in ROUTES if _wie(n)))
def test_pagina_logt_getoonde_personen(naam, wereld, _gemarkeerd):
    url = reverse(naam, kwargs=kwargs_voor(naam, wereld)) + query_voor(naam, wereld)
    fout = _controleren(wereld.clients[_wie(naam)], url)
    assert fout is None, fout


def _admin_urls(wereld) -> list[str]:
    """The admin pages of every registered model that show records: the list, a search, and
    the change, history and delete pages of its first record."""
    urls = []
    for model, model_admin in admin.site._registry.items():
        meta = model._meta
        basis = f"admin:{meta.app_label}_{meta.model_name}"
        urls += [reverse(f"{basis}_changelist"), reverse(f"{basis}_changelist") + "?q=zqx"]
        obj = model_admin.get_queryset(_Verzoek(wereld)).order_by("pk").first()
        if obj is not None:
            for pagina in ("change", "history", "delete"):
                urls.append(reverse(f"{basis}_{pagina}", args=[obj.pk]))
    return urls


class _Verzoek:
    """Enough of a request for ModelAdmin.get_queryset (the superuser's view)."""

    def __init__(self, wereld) -> None:
        self.user = wereld.gebruikers["superuser"]


def test_beheer_logt_getoonde_personen(wereld, _gemarkeerd):
    client = wereld.clients["superuser"]
    fouten = [f for url in _admin_urls(wereld) if (f := _controleren(client, url))]
    assert not fouten, "\n".join(fouten)


def test_api_plaatsingen_voordrachten_nazorg_gelogd(wereld, _gemarkeerd):
    """These answers hold a kandidaat's id, not the name, so the marker walk cannot see them:
    each list and detail must name the kandidaten in one event with a doel."""
    from wsp.models import NazorgMoment, Plaatsing, Voordracht

    client = wereld.clients["wsp_manager"]
    for basis, model, pad in [
        ("wsp-plaatsing", Plaatsing, "kandidaat_id"),
        ("wsp-voordracht", Voordracht, "kandidaat_id"),
        ("wsp-nazorgmoment", NazorgMoment, "plaatsing__kandidaat_id"),
    ]:
        rij = model.objects.in_regio(wereld.regio_a).order_by("pk").values("pk", pad).first()
        lijst = reverse(f"{basis}-list")
        detail = reverse(f"{basis}-detail", args=[rij["pk"]])
        for url, verwacht in ((lijst, None), (detail, rij[pad])):
            voor = _laatste_event()
            assert client.get(url).status_code == 200
            events = list(AuditEvent.objects.filter(pk__gt=voor))
            assert len(events) == 1, f"{url}: {len(events)} events, one per request expected"
            assert events[0].doel and events[0].details.get("kandidaten"), url
            assert verwacht is None or verwacht in events[0].details["kandidaten"], url


def _tekst(response) -> str:
    """The text of a download: the cells of an XLSX (compressed, so not searchable as
    bytes), else the body."""
    inhoud = response.content
    if inhoud.startswith(b"PK"):
        import io

        from openpyxl import load_workbook

        boek = load_workbook(io.BytesIO(inhoud))
        return " ".join(
            str(c)
            for blad in boek.worksheets
            for rij in blad.iter_rows(values_only=True)
            for c in rij
        )
    return inhoud.decode("utf-8", errors="replace")


def test_exports_loggen_getoonde_personen(wereld, _gemarkeerd):
    """Every CSV/XLSX export of the central list (tests/security/test_export_formules.py),
    the contactpersonen export among them: persons in the file, a doel in the logboek."""
    from .test_export_formules import EXPORTS, _url

    fouten = []
    for export in EXPORTS:
        if export.admin or export.kwargs.get("tabel") == "*":
            continue  # the admin pages are walked above; the factsheet tables hold counts
        client = wereld.clients[export.wie]
        url, query = _url(export, client, wereld)
        voor = _laatste_event()
        response = client.get(url, query)
        assert response.status_code == 200, url
        getoond = MARKER.findall(_tekst(response))
        met_doel = AuditEvent.objects.filter(pk__gt=voor).exclude(doel="").exists()
        if getoond and not met_doel:
            fouten.append(f"{url} {export.kwargs}: {len(getoond)} person fields, no doel logged")
    assert not fouten, "\n".join(fouten)
