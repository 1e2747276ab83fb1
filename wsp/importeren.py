"""Reading a CSV or XLSX file with a preview: nothing is written unless every row is valid."""

from __future__ import annotations

from dataclasses import dataclass, field

import tablib
from django.db import transaction
from django.utils.translation import gettext as _

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


def importeren(
    *, soort: str, inhoud: bytes, bestandsnaam: str, regio, user, bevestigen: bool
) -> Importresultaat:
    """Preview (bevestigen=False) or import all-or-nothing. Row numbers count the header as
    row 1, as in a spreadsheet."""
    resource = RESOURCES[soort][1](regio=regio, user=user)
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
