"""Writes of the WSP. Every function runs in a transaction, validates with full_clean, logs
the audit event and sends mail only after commit.

One module per subdomain; the public functions are re-exported here so
`from wsp import services; services.plaatsing_registreren(...)` keeps working."""

from .doelen import activiteit_registreren, doelstelling_vastleggen, mag_doelstellingen_beheren
from .kandidaten import (
    VOLGENDE_STATUS,
    kandidaat_bijwerken,
    kandidaat_registreren,
    voordracht_doen,
    voordracht_status_wijzigen,
)
from .nazorg import (
    NAZORG_MAANDEN,
    nazorg_herinneringen_versturen,
    nazorg_moment_toevoegen,
    nazorg_plannen,
    nazorg_vastleggen,
    nazorg_vervaldatum,
    plaatsing_registreren,
    plaatsing_startdatum_wijzigen,
)
from .overdracht import (
    al_overgedragen,
    mag_overdracht_beoordelen,
    mag_overdragen,
    mag_toestemming_intrekken,
    overdracht_aanbieden,
    overdracht_aannemen,
    overdracht_teruggeven,
    toestemming_intrekken,
)
from .rechten import mag_werkgever_bewerken, wsp_managers
from .vacatures import (
    VACATURE_OVERGANGEN,
    mag_vacaturestatus_wijzigen,
    toegestane_statussen,
    vacature_bijwerken,
    vacature_registreren,
    vacature_status_wijzigen,
    vacatures_laten_verlopen,
    vacaturestatus_controleren,
)
from .verzoeken import (
    BELOFTE,
    WAARSCHUWING_NA,
    verzoek_beantwoorden,
    verzoek_ontvangen,
    verzoek_toewijzen,
    verzoeken_bewaken,
)
from .werkgevers import (
    contactmoment_registreren,
    contactpersoon_toevoegen,
    opvolging_afronden,
    vestiging_toevoegen,
    werkgever_bijwerken,
    werkgever_registreren,
)

__all__ = [
    "BELOFTE",
    "NAZORG_MAANDEN",
    "VACATURE_OVERGANGEN",
    "VOLGENDE_STATUS",
    "WAARSCHUWING_NA",
    "activiteit_registreren",
    "al_overgedragen",
    "contactmoment_registreren",
    "contactpersoon_toevoegen",
    "doelstelling_vastleggen",
    "kandidaat_bijwerken",
    "kandidaat_registreren",
    "mag_doelstellingen_beheren",
    "mag_overdracht_beoordelen",
    "mag_overdragen",
    "mag_toestemming_intrekken",
    "mag_vacaturestatus_wijzigen",
    "mag_werkgever_bewerken",
    "nazorg_herinneringen_versturen",
    "nazorg_moment_toevoegen",
    "nazorg_plannen",
    "nazorg_vastleggen",
    "nazorg_vervaldatum",
    "opvolging_afronden",
    "overdracht_aanbieden",
    "overdracht_aannemen",
    "overdracht_teruggeven",
    "plaatsing_registreren",
    "plaatsing_startdatum_wijzigen",
    "toegestane_statussen",
    "toestemming_intrekken",
    "vacature_bijwerken",
    "vacature_registreren",
    "vacature_status_wijzigen",
    "vacatures_laten_verlopen",
    "vacaturestatus_controleren",
    "verzoek_beantwoorden",
    "verzoek_ontvangen",
    "verzoek_toewijzen",
    "verzoeken_bewaken",
    "vestiging_toevoegen",
    "voordracht_doen",
    "voordracht_status_wijzigen",
    "werkgever_bijwerken",
    "werkgever_registreren",
    "wsp_managers",
]
