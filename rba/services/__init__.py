"""Writes of rba. Every function runs in a transaction, validates with full_clean, logs an
audit event and queues its tasks on commit. Views, API, admin, tasks and demo call these.

Split by subject; everything is importable from `rba.services` (e.g. `besluit_nemen`)."""

from .acties import (
    actie_herinneringen_versturen,
    actie_vastleggen,
    open_acties_doorschuiven,
    volgende_vergadering,
)
from .agenda import agendaregel_opslaan, voortgang_rapporteren
from .besluiten import (
    besluit_corrigeren,
    besluit_nemen,
    besluit_status_wijzigen,
    besluit_vastleggen,
    besluit_wijzigen,
)
from .vergaderingen import (
    GESLOTEN,
    agenda_publiceren,
    agenda_uitnodiging_versturen,
    agendapunt_toevoegen,
    leden_op,
    lid_opslaan,
    stuk_uploaden,
    vergadering_gehouden,
    vergadering_plannen,
    vergadering_wijzigen,
    verslag_vastleggen,
)

__all__ = [
    "GESLOTEN",
    "actie_herinneringen_versturen",
    "actie_vastleggen",
    "agenda_publiceren",
    "agenda_uitnodiging_versturen",
    "agendapunt_toevoegen",
    "agendaregel_opslaan",
    "besluit_corrigeren",
    "besluit_nemen",
    "besluit_status_wijzigen",
    "besluit_vastleggen",
    "besluit_wijzigen",
    "leden_op",
    "lid_opslaan",
    "open_acties_doorschuiven",
    "stuk_uploaden",
    "vergadering_gehouden",
    "vergadering_plannen",
    "vergadering_wijzigen",
    "verslag_vastleggen",
    "volgende_vergadering",
    "voortgang_rapporteren",
]
