"""Reading a CSV or XLSX file with a preview: nothing is written unless every row is valid.

Runs in the worker as an `ImportTaak` (werkcentrum/importtaken.py); `registreren` makes every
kind of sheet known there.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from functools import partial

import tablib
from django.db import transaction
from django.utils.translation import gettext as _

from werkcentrum.importtaken import Importsoort, Uitslag, Voortgang
from werkcentrum.importtaken import registreren as _registreren

from . import audit
from .resources import RESOURCES


@dataclass
class Rijfout:
    rij: int
    kolom: str
    melding: str


@dataclass
class Importresultaat:
    nieuw: int = 0
    gewijzigd: int = 0
    ongewijzigd: int = 0
    fouten: list[Rijfout] = field(default_factory=list)
    geschreven: bool = False

    @property
    def ok(self) -> bool:
        return not self.fouten


def dataset_lezen(inhoud: bytes, bestandsnaam: str) -> tablib.Dataset:
    if bestandsnaam.lower().endswith(".xlsx"):
        return tablib.Dataset().load(inhoud, format="xlsx")
    tekst = inhoud.decode("utf-8-sig")
    scheiding = (
        ";" if tekst.split("\n", 1)[0].count(";") > tekst.split("\n", 1)[0].count(",") else ","
    )
    return tablib.Dataset().load(tekst, format="csv", delimiter=scheiding)


def _ontbrekende_sleutelkolommen(resource, dataset: tablib.Dataset) -> list[str]:
    """The columns that identify a row; without them import-export only fails when writing."""
    koppen = {str(k or "").strip() for k in (dataset.headers or [])}
    namen = [resource.fields[v].column_name for v in resource._meta.import_id_fields]
    return [naam for naam in namen if naam not in koppen]


def regels_tellen(inhoud: bytes, bestandsnaam: str) -> int:
    """The data rows of the file (blank rows do not count)."""
    dataset = dataset_lezen(inhoud, bestandsnaam)
    return sum(1 for rij in dataset if any(v not in (None, "") for v in rij))


def importeren(
    *,
    soort: str,
    inhoud: bytes,
    bestandsnaam: str,
    regio,
    user,
    bevestigen: bool,
    voortgang: Voortgang | None = None,
) -> Importresultaat:
    """Preview (bevestigen=False) or import all-or-nothing. Row numbers count the header as
    row 1, as in a spreadsheet. `voortgang` hears about each checked row."""
    resource = RESOURCES[soort][1](regio=regio, user=user)
    resource.voortgang = voortgang
    try:
        dataset = dataset_lezen(inhoud, bestandsnaam)
    except Exception:
        return Importresultaat(fouten=[Rijfout(0, "", _("Het bestand is niet te lezen."))])
    kolommen = {f.attribute: f.column_name for f in resource.fields.values()}
    if ontbrekend := _ontbrekende_sleutelkolommen(resource, dataset):
        return Importresultaat(
            fouten=[Rijfout(1, k, _("Deze kolom ontbreekt.")) for k in ontbrekend]
        )
    with transaction.atomic():
        result = resource.import_data(
            dataset, dry_run=True, raise_errors=False, use_transactions=True
        )
    uitkomst = Importresultaat(
        nieuw=result.totals.get("new", 0),
        gewijzigd=result.totals.get("update", 0),
        ongewijzigd=result.totals.get("skip", 0),
    )
    for rij in result.invalid_rows:
        for veld, meldingen in rij.error_dict.items():
            for melding in meldingen:
                kolom = kolommen.get(veld, veld if veld != "__all__" else "")
                uitkomst.fouten.append(Rijfout(rij.number + 1, kolom, str(melding)))
    for nummer, fouten in result.row_errors():
        for fout in fouten:
            uitkomst.fouten.append(Rijfout(nummer + 1, "", str(fout.error)))
    if uitkomst.ok and bevestigen:
        with transaction.atomic():
            echt = resource.import_data(
                dataset, dry_run=False, raise_errors=True, use_transactions=True
            )
            audit.import_uitgevoerd(user=user, model=soort, aantal=len(echt.rows))
        uitkomst.geschreven = True
    uitkomst.fouten.sort(key=lambda f: (f.rij, f.kolom))
    return uitkomst


def _uitvoeren(*, soort: str, voortgang: Voortgang, **kwargs) -> Uitslag:
    resultaat = importeren(soort=soort, voortgang=voortgang, **kwargs)
    return Uitslag(
        fouten=[asdict(f) for f in resultaat.fouten],
        samenvatting={
            "nieuw": resultaat.nieuw,
            "gewijzigd": resultaat.gewijzigd,
            "ongewijzigd": resultaat.ongewijzigd,
        },
        geschreven=resultaat.geschreven,
    )


def registreren() -> None:
    for code in RESOURCES:
        _registreren(
            Importsoort(
                code=f"wsp.{code}",
                uitvoeren=partial(_uitvoeren, soort=code),
                tellen=regels_tellen,
                pagina="wsp:importeren",
                # Targets are the managers' to set, by import as by hand.
                rollen=("wsp_manager",)
                if code == "doelstellingen"
                else ("wsp_adviseur", "wsp_manager"),
            )
        )
