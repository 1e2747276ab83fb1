"""Import of an opening balance and historic mutaties from XLSX: preview, then all-or-nothing.

The sheet is read with django-import-export's XLSX format (a tablib Dataset). Rows are not
written by an import-export ModelResource, which would bypass the ledger rules: each row goes
through the same booking services as the forms, in ONE transaction. The preview runs that
transaction and rolls it back; confirming runs it again and commits, or (one bad row) commits
nothing. Columns: kenmerk, datum, soort, geldstroom (naam), begrotingspost (code), besluit
(nummer), verplichting (kenmerk of the verplichting row), bedrag, omschrijving. A correctie
names the kenmerk of the mutatie it reverses in the column `verplichting`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from import_export.formats.base_formats import XLSX

from rba.models import Besluit
from werkcentrum.decorators import rol_vereist
from werkcentrum.forms import run_service
from werkcentrum.importtaken import Importsoort, Uitslag, Voortgang, importtaak_aanmaken
from werkcentrum.importtaken import registreren as _registreren

from . import audit, services
from .forms import ImportForm
from .models import Begrotingspost, Geldstroom, Mutatie
from .selectors import SCHRIJVERS

KOLOMMEN = [
    "kenmerk",
    "datum",
    "soort",
    "geldstroom",
    "begrotingspost",
    "besluit",
    "verplichting",
    "bedrag",
    "omschrijving",
]
SOORT = "financien.mutaties"


@dataclass
class Regel:
    nummer: int
    waarden: dict[str, Any]
    mutatie: Mutatie | None = None
    fouten: list[str] = field(default_factory=list)
    # (column, message) for the progress page; `fouten` holds the same messages.
    kolomfouten: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Uitkomst:
    regels: list[Regel]
    fouten: list[str] = field(default_factory=list)

    @property
    def geldig(self) -> bool:
        return not self.fouten and all(not r.fouten for r in self.regels)


class _Terugdraaien(Exception):
    pass


def dataset_lezen(inhoud: bytes):
    dataset = XLSX().create_dataset(inhoud)
    dataset.headers = [str(h or "").strip().lower() for h in (dataset.headers or [])]
    return dataset


def _datum(waarde: Any) -> date:
    if isinstance(waarde, datetime):
        return waarde.date()
    if isinstance(waarde, date):
        return waarde
    tekst = str(waarde or "").strip()
    for vorm in ("%Y-%m-%d", "%d-%m-%Y"):
        try:
            return datetime.strptime(tekst, vorm).date()
        except ValueError:
            continue
    raise ValidationError(
        {"datum": _("Onbekende datum %(d)s (gebruik jjjj-mm-dd).") % {"d": tekst}}
    )


def _bedrag(waarde: Any) -> Decimal:
    # Excel stores numbers as floats; their shortest repr is what the user typed.
    tekst = repr(waarde) if isinstance(waarde, float) else str(waarde or "").strip()
    return services.bedrag_controleren(tekst.replace(",", "."))


def _zoek(qs, veld: str, waarde: Any, label: str):
    sleutel = str(waarde or "").strip()
    if not sleutel:
        raise ValidationError({label: _("Vul %(veld)s in.") % {"veld": label}})
    obj = qs.filter(**{veld: sleutel}).first()
    if obj is None:
        raise ValidationError(
            {
                label: _("%(veld)s '%(w)s' bestaat niet in deze regio.")
                % {"veld": label, "w": sleutel}
            }
        )
    return obj


def _regel_boeken(w: dict[str, Any], *, user: Any) -> Mutatie:
    soort = str(w.get("soort") or "").strip().lower()
    gemeen = {
        "datum": _datum(w.get("datum")),
        "omschrijving": str(w.get("omschrijving") or "").strip() or _("Import"),
        "door": user,
        "kenmerk": str(w.get("kenmerk") or "").strip(),
    }
    eigen = Mutatie.objects.voor(user)
    if soort == "storting":
        fonds = _zoek(Geldstroom.objects.voor(user), "naam", w.get("geldstroom"), "geldstroom")
        return services.storting_boeken(geldstroom=fonds, bedrag=_bedrag(w.get("bedrag")), **gemeen)
    if soort == "verplichting":
        return services.verplichting_boeken(
            geldstroom=_zoek(
                Geldstroom.objects.voor(user), "naam", w.get("geldstroom"), "geldstroom"
            ),
            besluit=_zoek(Besluit.objects.voor(user), "nummer", w.get("besluit"), "besluit"),
            begrotingspost=_zoek(
                Begrotingspost.objects.voor(user), "code", w.get("begrotingspost"), "begrotingspost"
            ),
            bedrag=_bedrag(w.get("bedrag")),
            **gemeen,
        )
    if soort in ("realisatie", "vrijval"):
        verplichting = _zoek(eigen, "kenmerk", w.get("verplichting"), "verplichting")
        functie = services.realisatie_boeken if soort == "realisatie" else services.vrijval_boeken
        return functie(verplichting=verplichting, bedrag=_bedrag(w.get("bedrag")), **gemeen)
    if soort == "correctie":
        origineel = _zoek(eigen, "kenmerk", w.get("verplichting"), "verplichting")
        del gemeen["door"]
        return services.mutatie_corrigeren(mutatie=origineel, door=user, **gemeen)
    raise ValidationError({"soort": _("Onbekende soort '%(s)s'.") % {"s": soort}})


def regels_tellen(inhoud: bytes, bestandsnaam: str = "") -> int:
    """The data rows of the sheet (blank rows do not count)."""
    return sum(
        1 for rij in dataset_lezen(inhoud).dict if any(v not in (None, "") for v in rij.values())
    )


def import_uitvoeren(
    *,
    inhoud: bytes,
    user: Any,
    bevestigd: bool,
    bestand: str = "",
    voortgang: Voortgang | None = None,
) -> Uitkomst:
    """Book every row through the services in one transaction. Unless `bevestigd` and every
    row is valid, the transaction is rolled back: nothing is written. `voortgang` hears
    (rows done, rows with an error) after each row."""
    try:
        dataset = dataset_lezen(inhoud)
    except Exception:  # a corrupt or non-xlsx file: any parser error means "unreadable"
        return Uitkomst([], [_("Dit bestand is geen leesbare .xlsx-spreadsheet.")])
    ontbreekt = [k for k in ("datum", "soort", "bedrag") if k not in dataset.headers]
    if ontbreekt:
        return Uitkomst([], [_("Kolommen ontbreken: %(k)s.") % {"k": ", ".join(ontbreekt)}])
    uitkomst = Uitkomst([])
    try:
        with transaction.atomic():
            for i, rij in enumerate(dataset.dict, start=2):
                if not any(v not in (None, "") for v in rij.values()):
                    continue
                regel = Regel(i, {k: rij.get(k) for k in KOLOMMEN})
                try:
                    with transaction.atomic():
                        regel.mutatie = _regel_boeken(regel.waarden, user=user)
                except ValidationError as exc:
                    regel.fouten = exc.messages
                    regel.kolomfouten = [
                        (kolom, melding)
                        for kolom, meldingen in getattr(
                            exc, "message_dict", {"": exc.messages}
                        ).items()
                        for melding in meldingen
                    ]
                uitkomst.regels.append(regel)
                if voortgang:
                    voortgang(len(uitkomst.regels), sum(1 for r in uitkomst.regels if r.fouten))
            if not uitkomst.regels:
                uitkomst.fouten.append(_("Het bestand bevat geen regels."))
            if not (bevestigd and uitkomst.geldig):
                raise _Terugdraaien
            audit.geimporteerd(user=user, aantal=len(uitkomst.regels), bestand=bestand)
    except _Terugdraaien:
        pass
    return uitkomst


@rol_vereist(*SCHRIJVERS)
@require_http_methods(["GET", "POST"])
def importeren(request: HttpRequest) -> HttpResponse:
    """Upload: the worker previews the file; the progress page offers the confirmation,
    after which the worker books it all, or nothing."""
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        bestand = form.cleaned_data["bestand"]
        taak = run_service(
            form,
            lambda: importtaak_aanmaken(
                soort=SOORT, inhoud=bestand.read(), bestandsnaam=bestand.name, user=request.user
            ),
        )
        if taak:
            return redirect("importtaak", pk=taak.pk)
    return _pagina(request, form, status=400 if form.errors else 200)


def _uitvoeren(
    *,
    inhoud: bytes,
    bestandsnaam: str,
    user: Any,
    regio: Any,
    bevestigen: bool,
    voortgang,
    opties: dict[str, Any] | None = None,  # nothing to choose for this import
) -> Uitslag:
    uitkomst = import_uitvoeren(
        inhoud=inhoud, user=user, bevestigd=bevestigen, bestand=bestandsnaam, voortgang=voortgang
    )
    fouten = [{"rij": 0, "kolom": "", "melding": str(f)} for f in uitkomst.fouten]
    fouten += [
        {"rij": r.nummer, "kolom": kolom if kolom != "__all__" else "", "melding": str(m)}
        for r in uitkomst.regels
        for kolom, m in r.kolomfouten
    ]
    return Uitslag(
        fouten=fouten,
        samenvatting={"regels": len(uitkomst.regels)},
        geschreven=bevestigen and uitkomst.geldig,
    )


def registreren() -> None:
    _registreren(
        Importsoort(
            code=SOORT,
            uitvoeren=_uitvoeren,
            tellen=regels_tellen,
            pagina="financien:importeren",
            rollen=SCHRIJVERS,
            klaar="financien:mutaties",
        )
    )


@rol_vereist(*SCHRIJVERS)
def voorbeeld(request: HttpRequest) -> HttpResponse:
    """An empty import sheet with the header row and one example line per soort."""
    from werkcentrum.bestanden import bijlage, xlsx_bytes

    rijen = [
        [
            "BEGIN-2024",
            "2024-01-01",
            "storting",
            "Naam geldstroom",
            "",
            "",
            "",
            10000,
            "Beginsaldo 1 januari 2024",
        ],
        [
            "V-1",
            "2024-02-01",
            "verplichting",
            "Naam geldstroom",
            "TRJ",
            "2024/000001",
            "",
            2500,
            "Opdracht",
        ],
        ["R-1", "2024-03-01", "realisatie", "", "", "", "V-1", 1250.5, "Factuur"],
    ]
    inhoud = xlsx_bytes({"Mutaties": (KOLOMMEN, rijen)})
    return bijlage(inhoud, formaat="xlsx", naam="import-regionale-reserve")


def _pagina(request, form, status: int = 200) -> HttpResponse:
    from werkcentrum.importtaken import max_regels

    return render(
        request,
        "financien/importeren.html",
        {
            "form": form,
            "kolommen": KOLOMMEN,
            "mag_boeken": True,
            "max_regels": max_regels(),
        },
        status=status,
    )
