"""Reading a CSV or XLSX file with a preview: nothing is written unless every row is valid.

Runs in the worker as an `ImportTaak` (werkcentrum/importtaken.py); `registreren` makes every
kind of sheet known there.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, field
from functools import partial

import tablib
from django.core.exceptions import MultipleObjectsReturned, ObjectDoesNotExist, ValidationError
from django.db import IntegrityError, InterfaceError, OperationalError, transaction
from django.utils.translation import gettext as _

from werkcentrum.importtaken import Importsoort, Uitslag, Voortgang
from werkcentrum.importtaken import registreren as _registreren

from . import audit
from .importwidgets import Importfout, wsp_medewerkers
from .resources import RESOURCES, RegioResource, WerkgeverResource

logger = logging.getLogger(__name__)


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
    # Werkgevers only: rows without an accounthouder in the file (they get the default).
    zonder_accounthouder: int | None = None

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


def _melding(fout: Exception) -> str:
    """A Dutch sentence for an error the resource did not put on a column; the library's
    own (English) text never reaches the user."""
    if isinstance(fout, OperationalError | InterfaceError):
        raise fout  # not the row's fault: the task retries, or records that nothing was saved
    if isinstance(fout, Importfout):
        return str(fout)
    if isinstance(fout, ValidationError):
        return " ".join(fout.messages)  # Django's and our own messages, translated
    if isinstance(fout, MultipleObjectsReturned):
        return _("Deze regel past op meer dan één rij die al in het portaal staat.")
    if isinstance(fout, ObjectDoesNotExist):
        return _("Een verwijzing in deze regel is niet gevonden in jouw regio.")
    if isinstance(fout, IntegrityError):
        return _("Deze regel botst met een rij die al in het portaal staat.")
    if isinstance(fout, ValueError | TypeError | ArithmeticError | KeyError):
        return _("Een waarde in deze regel is niet te lezen.")
    logger.warning("importregel niet verwerkt: %r", fout)
    return _("Deze regel kon niet worden verwerkt.")


def _resource(soort: str, *, regio, user, opties: dict) -> RegioResource:
    """The resource of `soort`; for werkgevers with the default accounthouder of `opties`,
    which must be an active WSP medewerker of the regio (ValidationError otherwise)."""
    klasse = RESOURCES[soort][1]
    if not issubclass(klasse, WerkgeverResource):
        return klasse(regio=regio, user=user)
    standaard = None
    if pk := opties.get("accounthouder"):
        standaard = wsp_medewerkers(regio).filter(is_active=True, pk=pk).first()
        if standaard is None:
            raise ValidationError(
                _("De gekozen accounthouder is geen WSP-adviseur of -manager van jouw regio.")
            )
    return klasse(regio=regio, user=user, standaard_accounthouder=standaard)


def importeren(
    *,
    soort: str,
    inhoud: bytes,
    bestandsnaam: str,
    regio,
    user,
    bevestigen: bool,
    voortgang: Voortgang | None = None,
    opties: dict | None = None,
) -> Importresultaat:
    """Preview (bevestigen=False) or import all-or-nothing. Row numbers count the header as
    row 1, as in a spreadsheet. `voortgang` hears about each checked row. `opties` holds the
    choices made on the upload page or the preview ({"accounthouder": pk})."""
    try:
        resource = _resource(soort, regio=regio, user=user, opties=opties or {})
    except ValidationError as exc:
        return Importresultaat(fouten=[Rijfout(0, "", m) for m in exc.messages])
    resource.voortgang = voortgang
    if isinstance(resource, WerkgeverResource):
        resource.accounthouder_verplicht = bevestigen
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
        zonder_accounthouder=getattr(resource, "zonder_accounthouder", None),
    )
    for rij in result.invalid_rows:
        for veld, meldingen in rij.error_dict.items():
            for melding in meldingen:
                kolom = kolommen.get(veld, veld if veld != "__all__" else "")
                uitkomst.fouten.append(Rijfout(rij.number + 1, kolom, str(melding)))
    for nummer, fouten in result.row_errors():
        for fout in fouten:
            uitkomst.fouten.append(Rijfout(nummer + 1, "", _melding(fout.error)))
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
    samenvatting = {
        "nieuw": resultaat.nieuw,
        "gewijzigd": resultaat.gewijzigd,
        "ongewijzigd": resultaat.ongewijzigd,
    }
    if resultaat.zonder_accounthouder is not None:
        samenvatting["zonder_accounthouder"] = resultaat.zonder_accounthouder
    return Uitslag(
        fouten=[asdict(f) for f in resultaat.fouten],
        samenvatting=samenvatting,
        geschreven=resultaat.geschreven,
    )


def _accounthouderformulier(*, taak, user, data):
    """The preview's choice of a default accounthouder, when rows of the file lack one."""
    from .forms import StandaardAccounthouderForm

    if not taak.samenvatting.get("zonder_accounthouder"):
        return None
    initial = {"accounthouder": taak.opties.get("accounthouder")}
    return StandaardAccounthouderForm(data, regio=taak.regio, initial=initial)


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
                bevestigformulier=_accounthouderformulier if code == "werkgevers" else None,
            )
        )
