"""Writes to the regionale reserve. The only place where mutaties are created.

Contract of every booking function: keyword-only arguments, runs in one transaction, takes
row locks (SELECT ... FOR UPDATE) in a fixed order - geldstroom, then besluit, then the
verplichting - *before* reading any balance, so concurrent bookings queue up and every check
sees the committed state; raises `ValidationError` with a Dutch message per field and writes
nothing on bad input; writes one audit event per mutatie. Authorisation (who may book) is the
caller's job: views and API allow only the financieel beheerder, the loket calls
`traject_kosten_boeken` for its own trajecten.

A package since it grew past 500 lines: `controles` (checks, row locks, balances),
`boekingen` (the mutaties), `stamgegevens` (geldstromen, begrotingsposten, begroting). Import
from `financien.services`; the submodules are an implementation detail.
"""

from ..saldi import Saldi, euro
from .boekingen import (
    mutatie_corrigeren,
    realisatie_boeken,
    storting_boeken,
    traject_kosten_afwikkelen,
    traject_kosten_boeken,
    verplichting_boeken,
    vrijval_boeken,
)
from .controles import (
    bedrag_controleren,
    besluit_bruikbaar,
    besluit_ruimte,
    geldstroom_saldi,
    verplichting_openstaand,
)
from .stamgegevens import begroting_vaststellen, begrotingspost_opslaan, geldstroom_opslaan

__all__ = [
    "Saldi",
    "bedrag_controleren",
    "begroting_vaststellen",
    "begrotingspost_opslaan",
    "besluit_bruikbaar",
    "besluit_ruimte",
    "euro",
    "geldstroom_opslaan",
    "geldstroom_saldi",
    "mutatie_corrigeren",
    "realisatie_boeken",
    "storting_boeken",
    "traject_kosten_afwikkelen",
    "traject_kosten_boeken",
    "verplichting_boeken",
    "verplichting_openstaand",
    "vrijval_boeken",
]
