"""Formula injection: no CSV or XLSX the portal hands out holds a live formula.

Every text field of every record of the project's apps is given a dangerous first character
(=, +, -, @, tab, carriage return), one character at a time, and every export is downloaded:
no cell may start with it (the export home, werkcentrum/bestanden.py, puts a quote in front),
no XLSX cell may be a formula, and where an export shows typed text the escaped value must be
there (so the test proves the dangerous record was exported, not left out).

`EXPORTS` lists every export; `test_elke_export_staat_in_de_lijst` walks the URLconf (the
admin included) and fails when a URL whose name says export/csv/xlsx is missing from it, so a
new export is tested here from the day it is added.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

import pytest
from django.apps import apps
from django.core.cache import cache
from django.db import DatabaseError, models, transaction
from django.db.models import Value
from django.db.models.functions import Concat, Left
from django.urls import get_resolver, reverse
from openpyxl import load_workbook

from loket.dashboard import KOLOMMEN
from werkcentrum import audit
from werkcentrum.models import Arbeidsmarktregio, AuditEvent, Medewerker

from .urls import _walk

# The first characters a spreadsheet runs as (part of) a formula.
PREFIXEN = ("=", "+", "-", "@", "\t", "\r")
PROJECT_APPS = ("werkcentrum", "loket", "wsp", "rba", "financien")
# Keys the code looks records up by, not text a user typed (a regio code routes requests).
NIET_VERGIFTIGEN = {
    (Arbeidsmarktregio, "code"),
    (Arbeidsmarktregio, "hostnaam"),
    (Medewerker, "password"),
    (Medewerker, "username"),
}
EXPORT_NAAM = re.compile(r"(export|exporteren|csv|xlsx|voorbeeld)$")
# URLs whose name matches but that are no spreadsheet export.
GEEN_SPREADSHEET = {"mfa_download_recovery_codes"}


@dataclass
class Export:
    naam: str
    wie: str
    kwargs: dict = field(default_factory=dict)
    query: dict = field(default_factory=dict)
    # False: the export shows no free text of records (counts, a fixed example sheet).
    tekst: bool = True
    admin: bool = False


def _admin(naam: str) -> Export:
    return Export(naam, "superuser", admin=True)


LOKET_TABELLEN = list(KOLOMMEN)
WSP_SOORTEN = ["werkgevers", "contactpersonen", "vacatures", "kandidaten", "plaatsingen"]

EXPORTS: list[Export] = [
    *[
        Export("loket:dashboard_export", "coordinator", {"tabel": t, "formaat": f}, tekst=False)
        for t in LOKET_TABELLEN
        for f in ("csv", "xlsx")
    ],
    *[
        Export("wsp:exporteren", "wsp_manager", {"soort": s, "formaat": f})
        for s in [*WSP_SOORTEN, "doelstellingen"]
        for f in ("csv", "xlsx")
    ],
    *[
        Export("wsp:factsheet_export", "wsp_manager", {"tabel": "*", "formaat": f}, tekst=False)
        for f in ("csv", "xlsx")
    ],
    # The chain figures of the warme overdracht: counts per bron (issue 23, keten-cijfers).
    *[
        Export(
            "wsp:ketencijfers_export", "wsp_manager", {"tabel": "keten", "formaat": f}, tekst=False
        )
        for f in ("csv", "xlsx")
    ],
    Export("rba:monitoring_export", "rba_secretariaat"),
    Export("financien:export", "financieel_beheerder"),
    Export("financien:import_voorbeeld", "financieel_beheerder", tekst=False),
    Export("privacy:logboek_export", "privacy_officer", {"formaat": "csv"}),
    Export("privacy:logboek_export", "privacy_officer", {"formaat": "xlsx"}),
    Export("privacy:inzage_export", "privacy_officer", {"formaat": "xlsx"}, {"dossier": "*"}),
    _admin("admin:werkcentrum_gemeente_export"),
    _admin("admin:werkcentrum_organisatie_export"),
    _admin("admin:werkcentrum_locatie_export"),
    _admin("admin:wsp_werkgever_export"),
    # Besluiten are immutable once taken (their text cannot be given a prefix here); the rows
    # still pass the formula check, through the same admin export as the others.
    Export("admin:rba_besluit_export", "superuser", admin=True, tekst=False),
    _admin("admin:rba_agendaregel_export"),
]


def test_elke_export_staat_in_de_lijst():
    namen = {n for n, _r in _walk(get_resolver().url_patterns) if n and EXPORT_NAAM.search(n)}
    ontbrekend = sorted(namen - GEEN_SPREADSHEET - {e.naam for e in EXPORTS})
    assert not ontbrekend, (
        "Export URL(s) not in tests/security/test_export_formules.py EXPORTS; write them "
        f"through werkcentrum/bestanden.py and add them: {ontbrekend}"
    )


def test_geen_spreadsheet_buiten_de_exportmodule():
    """The writers themselves are used in one module only: a view that builds its own
    csv.writer or openpyxl Workbook skips the escaping."""
    from pathlib import Path

    wortel = Path(__file__).resolve().parents[2]
    verboden = re.compile(r"csv\.writer\(|Workbook\(\)|\.export\(\s*[\"'](csv|xlsx)")
    overtreders = []
    for app in PROJECT_APPS:
        for pad in (wortel / app).rglob("*.py"):
            if pad.name == "bestanden.py" or "migrations" in pad.parts:
                continue
            if verboden.search(pad.read_text(encoding="utf-8")):
                overtreders.append(str(pad.relative_to(wortel)))
    assert not overtreders, f"write spreadsheets through werkcentrum/bestanden.py: {overtreders}"


def _tekstvelden(model) -> list[models.Field]:
    return [
        f
        for f in model._meta.concrete_fields
        if isinstance(f, models.CharField | models.TextField)
        and not isinstance(f, models.SlugField | models.EmailField | models.URLField)
        and not f.choices
        and not f.primary_key
        and (model, f.name) not in NIET_VERGIFTIGEN
    ]


def _vergiftigen(prefix: str) -> None:
    """Every non-null text field of every record starts with `prefix` (kept within the
    field's length). AuditEvent is append-only: its rows are added instead."""
    for model in apps.get_models():
        meta = model._meta
        if meta.app_label not in PROJECT_APPS or meta.proxy or not meta.managed:
            continue
        if model is AuditEvent:
            continue
        for veld in _tekstvelden(model):
            rest = Left(veld.name, (veld.max_length or 10_000) - 1)
            try:
                # A field whose check constraint refuses the prefix cannot hold a formula.
                with transaction.atomic():
                    model._default_manager.filter(**{f"{veld.name}__isnull": False}).update(
                        **{veld.name: Concat(Value(prefix), rest, output_field=veld)}
                    )
            except (DatabaseError, PermissionError):  # append-only ledgers refuse updates
                continue


def _cellen(response) -> list:
    """Every cell of a CSV (text) or XLSX (typed values) download; fails on a formula."""
    inhoud = response.content
    if inhoud.startswith(b"PK"):
        boek = load_workbook(io.BytesIO(inhoud))
        cellen = []
        for blad in boek.worksheets:
            for rij in blad.iter_rows():
                for cel in rij:
                    assert cel.data_type != "f", f"formula cell {cel.coordinate}: {cel.value!r}"
                    cellen.append(cel.value)
        return cellen
    assert inhoud.startswith(b"\xef\xbb\xbf"), "a CSV starts with the UTF-8 BOM"
    tekst = inhoud.decode("utf-8-sig")
    return [c for rij in csv.reader(io.StringIO(tekst), delimiter=";") for c in rij]


def _url(export: Export, client, wereld) -> tuple[str, dict]:
    kwargs = dict(export.kwargs)
    query = dict(export.query)
    if query.get("dossier") == "*":
        from wsp.models import Kandidaat

        kandidaat = Kandidaat.objects.in_regio(wereld.regio_a).order_by("pk").first()
        query["dossier"] = f"wsp.kandidaat:{kandidaat.pk}"
    return reverse(export.naam, kwargs=kwargs), query


def _ophalen(export: Export, client, wereld) -> list:
    if export.kwargs.get("tabel") == "*":
        # The factsheet dashboard's tables: every one it offers.
        r = client.get(reverse("wsp:factsheet_dashboard"))
        assert r.status_code == 200
        cellen = []
        for tabel in r.context["tabellen"]:
            url = reverse(export.naam, kwargs={**export.kwargs, "tabel": tabel["code"]})
            cellen += _download(client.get(url), url)
        return cellen
    url, query = _url(export, client, wereld)
    if export.admin:
        return _download(_admin_export(client, url), url)
    return _download(client.get(url, query), url)


def _download(response, url: str) -> list:
    assert response.status_code == 200, f"{url}: {response.status_code}"
    assert "attachment" in response.get("Content-Disposition", ""), url
    return _cellen(response)


def _admin_export(client, url: str):
    """The admin export form, filled in as a beheerder would: every field, as XLSX; the CSV
    is the same rows through the same writer (the module's own tests)."""
    r = client.get(url)
    assert r.status_code == 200, url
    form = r.context["form"]
    keuzes = dict(form.fields["format"].choices)
    xlsx = next(k for k, v in keuzes.items() if str(v).lower() == "xlsx")
    data = {"format": xlsx}
    for naam, veld in form.fields.items():
        if naam == "resource":
            data[naam] = veld.initial or 0
        elif getattr(veld, "is_selectable_field", False):
            data[naam] = "on"
    return client.post(url, data)


def _logboek_regels(wereld, prefix: str) -> None:
    """The logboek is append-only: an event naming the prefix in its texts."""
    fg = wereld.gebruikers["privacy_officer"]
    audit.vastleggen(actie=AuditEvent.Actie.INGEZIEN, event=f"{prefix}event", user=fg, doel=prefix)


@pytest.fixture
def _zonder_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


# An XLSX stores a carriage return as a line feed: read back, "\r=..." starts with "\n".
GELEZEN = {"\r": ("\r", "\n")}


def _gevaarlijk(cel) -> bool:
    return isinstance(cel, str) and cel.startswith((*PREFIXEN, "\n")) and not _is_getal(cel)


def _is_getal(tekst: str) -> bool:
    return re.fullmatch(r"[+-]?\d+(?:[.,]\d+)?", tekst) is not None


def _controleren(export: Export, wereld, prefix: str) -> str | None:
    """What is wrong with one export for one prefix, or None."""
    cellen = _ophalen(export, wereld.clients[export.wie], wereld)
    fout = [c for c in cellen if _gevaarlijk(c)]
    if fout:
        return f"{export.naam} {export.kwargs}: live formula cells {fout[:3]!r}"
    if export.tekst:
        begin = tuple("'" + p for p in GELEZEN.get(prefix, (prefix,)))
        if not any(isinstance(c, str) and c.startswith(begin) for c in cellen):
            return f"{export.naam} {export.kwargs}: no record with {prefix!r} exported"
    return None


@pytest.mark.parametrize("prefix", PREFIXEN, ids=["is", "plus", "min", "at", "tab", "cr"])
def test_elke_export_ontsmet_formules(prefix: str, wereld, db, _zonder_mfa):
    """One prefix through every export (the records are prefixed once per test)."""
    _vergiftigen(prefix)
    _logboek_regels(wereld, prefix)
    cache.clear()  # dashboard figures are cached per day
    fouten = [f for e in EXPORTS if (f := _controleren(e, wereld, prefix))]
    assert not fouten, "\n".join(fouten)


VOORBEELDEN: list[tuple[object, object]] = [
    ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
    ("+cmd", "'+cmd"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"),
    ("\rx", "'\rx"),
    ("-5", "-5"),
    ("+31", "+31"),
    ("'=al", "'=al"),
    ("Jan", "Jan"),
]


@pytest.mark.parametrize(("waarde", "verwacht"), VOORBEELDEN)
def test_veilige_tekst(waarde, verwacht):
    from werkcentrum.bestanden import veilige_tekst

    assert veilige_tekst(waarde) == verwacht


def test_csv_nederlands_en_xlsx_getypeerd():
    from datetime import date
    from decimal import Decimal

    from werkcentrum.bestanden import csv_bytes, xlsx_bytes

    inhoud = csv_bytes(
        ["Naam", "Bedrag", "Datum"], [["=1+1", Decimal("1250.50"), date(2026, 1, 2)]]
    )
    assert inhoud == "\ufeffNaam;Bedrag;Datum\r\n'=1+1;1250,50;2026-01-02\r\n".encode()
    boek = load_workbook(io.BytesIO(xlsx_bytes({"Blad": (["Naam", "Bedrag"], [["@x", 3.5]])})))
    blad = boek["Blad"]
    assert blad["A1"].font.bold and blad.freeze_panes == "A2"
    assert blad["A2"].value == "'@x" and blad["A2"].data_type == "s"
    assert blad["B2"].value == 3.5 and blad["B2"].data_type == "n"
