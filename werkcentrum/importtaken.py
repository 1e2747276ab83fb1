"""Imports run in the worker, not in the web request (issue 20, point 6).

An app registers each kind of import (`registreren`) with a function that checks, and with
`bevestigen` imports, a file all-or-nothing. The request stores the file as an `ImportTaak`
(after refusing a file of more than WERKCENTRUM_IMPORT_MAX_REGELS rows up-front) and queues
`importtaak_uitvoeren`; the progress page reads the taak. While the worker runs, its rows are
inside one transaction nobody else can see, so the running count goes through the shared
cache; the final figures are saved on the taak in the transaction that did the work.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from .models import ImportTaak

logger = logging.getLogger(__name__)

Voortgang = Callable[[int, int], None]  # (rows done, rows with an error so far)


@dataclass
class Uitslag:
    """What an import function reports: errors as {rij, kolom, melding}, figures to show."""

    fouten: list[dict[str, Any]] = field(default_factory=list)
    samenvatting: dict[str, Any] = field(default_factory=dict)
    geschreven: bool = False


class Uitvoerder(Protocol):
    def __call__(
        self,
        *,
        inhoud: bytes,
        bestandsnaam: str,
        user: Any,
        regio: Any,
        bevestigen: bool,
        voortgang: Voortgang,
        opties: dict[str, Any],
    ) -> Uitslag: ...


class Bevestigformulier(Protocol):
    """A form with the choices to make before confirming a checked taak (e.g. a default
    accounthouder). `opties()` gives the valid choices as JSON, stored on the taak."""

    def is_valid(self) -> bool: ...

    def opties(self) -> dict[str, Any]: ...


@dataclass(frozen=True)
class Importsoort:
    code: str
    uitvoeren: Uitvoerder
    tellen: Callable[[bytes, str], int]  # data rows in the file; raises when unreadable
    pagina: str  # url name of the upload page, to start again
    rollen: tuple[str, ...]  # who may run it (checked again when confirming)
    klaar: str = ""  # url name of the page that shows the imported rows
    # (taak=, user=, data=) -> the form of choices on the preview, or None when there is
    # nothing to choose; its choices reach `uitvoeren` as `opties`.
    bevestigformulier: Callable[..., Bevestigformulier | None] | None = None


_SOORTEN: dict[str, Importsoort] = {}


def registreren(soort: Importsoort) -> None:
    _SOORTEN[soort.code] = soort


def soort_van(code: str) -> Importsoort:
    return _SOORTEN[code]


def max_regels() -> int:
    return settings.WERKCENTRUM_IMPORT_MAX_REGELS


def importtaak_aanmaken(
    *,
    soort: str,
    inhoud: bytes,
    bestandsnaam: str,
    user: Any,
    bevestigd: bool = False,
    opties: dict[str, Any] | None = None,
) -> ImportTaak:
    """Store the file and queue its check (or, `bevestigd`, check and import at once).
    Refuses a file with more rows than the limit before anything is stored or queued.
    `opties` are the choices made on the upload page, as JSON."""
    if user.regio_id is None:
        # The platform superuser stands above the regio's; data is imported into one.
        raise ValidationError(
            {"bestand": _("Een import hoort bij één regio: importeer als medewerker daarvan.")}
        )
    try:
        totaal = _SOORTEN[soort].tellen(inhoud, bestandsnaam)
    except Exception:  # unreadable: the worker reports the app's own message for that
        totaal = 0
    if totaal > max_regels():
        melding = _(
            "Dit bestand heeft %(n)s regels; één import mag er hoogstens %(max)s hebben. "
            "Splits het bestand en importeer de delen na elkaar."
        ) % {"n": totaal, "max": max_regels()}
        # On the file field of the upload form (werkcentrum.forms.run_service).
        raise ValidationError({"bestand": ValidationError(melding, code="te_veel_regels")})
    with transaction.atomic():
        taak = ImportTaak.objects.create(
            regio=user.regio,
            gebruiker=user,
            soort=soort,
            bestandsnaam=bestandsnaam[:255],
            inhoud=inhoud,
            totaal=totaal,
            opties=opties or {},
            status=ImportTaak.Status.BEVESTIGD if bevestigd else ImportTaak.Status.WACHTRIJ,
        )
        _wachtrij(taak)
    return taak


def importtaak_bevestigen(*, taak: ImportTaak, opties: dict[str, Any] | None = None) -> bool:
    """Confirm a checked taak with the choices made on the preview (`opties`, JSON, added to
    those of the upload); True when this call confirmed it. A second confirm (double click,
    second tab) finds it no longer GECONTROLEERD and queues nothing."""
    with transaction.atomic():
        geclaimd = ImportTaak.objects.filter(
            pk=taak.pk, status=ImportTaak.Status.GECONTROLEERD
        ).update(
            status=ImportTaak.Status.BEVESTIGD, verwerkt=0, opties={**taak.opties, **(opties or {})}
        )
        if geclaimd:
            _wachtrij(taak)
    return bool(geclaimd)


def _wachtrij(taak: ImportTaak) -> None:
    from .tasks import importtaak_uitvoeren

    importtaak_uitvoeren.delay_on_commit(taak.pk)


def _cache_sleutel(pk: int) -> str:
    return f"importtaak:{pk}:voortgang"


def voortgang_van(taak: ImportTaak) -> tuple[int, int]:
    """(rows done, rows with an error so far): live from the worker while the taak runs."""
    if taak.loopt:
        live = cache.get(_cache_sleutel(taak.pk))
        if live:
            return live[0], live[1]
    return taak.verwerkt, len({f.get("rij") for f in taak.fouten})


def _melder(pk: int) -> Voortgang:
    laatst = [-1]

    def melden(verwerkt: int, fouten: int) -> None:
        # Every 50 rows is enough for a page that refreshes every few seconds.
        if verwerkt - laatst[0] >= 50 or verwerkt == 0:
            laatst[0] = verwerkt
            cache.set(_cache_sleutel(pk), (verwerkt, fouten), 60 * 60)

    return melden


def importtaak_uitvoeren(*, pk: int) -> str:
    """Run the check (WACHTRIJ) or the import (BEVESTIGD) of taak `pk`; idempotent: the
    status is read under a row lock and changed in the transaction that does the work, so
    a second run (redelivery, retry) of a finished taak does nothing."""
    try:
        with transaction.atomic():
            taak = ImportTaak.objects.select_for_update().filter(pk=pk).first()
            if taak is None or taak.status not in ImportTaak.LOPEND:
                return "al gedaan"
            _draaien(taak)
            return taak.status
    except Exception as exc:
        from .celery import TRANSIENT_ERRORS

        if isinstance(exc, TRANSIENT_ERRORS):
            raise  # retried by the task; the taak still waits in its status
        logger.exception("importtaak %s mislukt", pk)
        # The work was rolled back with the transaction: record that nothing was stored.
        ImportTaak.objects.filter(pk=pk, status__in=ImportTaak.LOPEND).update(
            status=ImportTaak.Status.AFGEKEURD,
            inhoud=b"",
            fouten=[
                {
                    "rij": 0,
                    "kolom": "",
                    "melding": _("Het verwerken is mislukt; er is niets opgeslagen."),
                }
            ],
        )
        return ImportTaak.Status.AFGEKEURD
    finally:
        cache.delete(_cache_sleutel(pk))


def _draaien(taak: ImportTaak) -> None:
    bevestigen = taak.status == ImportTaak.Status.BEVESTIGD
    # Staff pages are Dutch: the row messages too, whatever an earlier task in this worker
    # left active.
    with translation.override(settings.LANGUAGE_CODE):
        uitslag = _uitvoeren(taak, bevestigen)

    taak.fouten = uitslag.fouten
    taak.samenvatting = uitslag.samenvatting
    taak.verwerkt = taak.totaal
    if uitslag.fouten:
        taak.status = ImportTaak.Status.AFGEKEURD
    elif bevestigen and uitslag.geschreven:
        taak.status = ImportTaak.Status.GEIMPORTEERD
    else:
        taak.status = ImportTaak.Status.GECONTROLEERD
    if taak.status != ImportTaak.Status.GECONTROLEERD:
        taak.inhoud = b""  # finished: the file is no longer needed
    taak.save()


def _uitvoeren(taak: ImportTaak, bevestigen: bool) -> Uitslag:
    return _SOORTEN[taak.soort].uitvoeren(
        inhoud=bytes(taak.inhoud),
        bestandsnaam=taak.bestandsnaam,
        user=taak.gebruiker,
        regio=taak.regio,
        bevestigen=bevestigen,
        voortgang=_melder(taak.pk),
        opties=taak.opties or {},
    )
