"""The core's entries on the werkplek pages; the apps add theirs the same way."""

from django.utils.translation import gettext_lazy as _

from .rollen import ROLLEN
from .werkplek import registreer

ALLE_ROLLEN = set(ROLLEN)

registreer(
    titel=_("Gemeenten, organisaties en locaties"),
    omschrijving=_("De referentiegegevens van de regio beheren."),
    url_naam="admin:index",
    rollen={"beheerder"},
)
registreer(
    titel=_("Platform: alle regio's"),
    omschrijving=_("Regio's met hun gebruikers en activiteit; een nieuwe regio toevoegen."),
    url_naam="platform:overzicht",
    rollen={"beheerder"},
    # Only the platform beheerder (superuser) holds it; a regio's beheerder does not.
    permissie="werkcentrum.add_arbeidsmarktregio",
)
registreer(
    titel=_("Medewerkers en rollen"),
    omschrijving=_("Accounts aanmaken, rollen toekennen, toegang intrekken."),
    url_naam="admin:werkcentrum_medewerker_changelist",
    rollen={"beheerder"},
    permissie="werkcentrum.view_medewerker",
)
registreer(
    titel=_("Logboek dataverwerkingen"),
    omschrijving=_("Wie heeft wanneer welke persoonsgegevens ingezien of gewijzigd."),
    url_naam="admin:werkcentrum_auditevent_changelist",
    rollen={"beheerder"},
    permissie="werkcentrum.view_auditevent",
)
registreer(
    titel=_("Logboek dataverwerkingen"),
    omschrijving=_("Zoeken en exporteren: wie heeft wanneer welk dossier geopend, en waarom."),
    url_naam="privacy:logboek",
    rollen={"privacy_officer"},
)
registreer(
    titel=_("Inzage- en verwijderverzoeken"),
    omschrijving=_("Alle gegevens van een persoon vinden, verstrekken of verwijderen."),
    url_naam="privacy:personen",
    rollen={"privacy_officer"},
)
registreer(
    titel=_("Spreekuurlocaties"),
    omschrijving=_("Adressen en openingstijden van de spreekuurlocaties."),
    url_naam="locaties",
    rollen={"gids", "coordinator", "beheerder"},
)
registreer(
    titel=_("Partnerorganisaties"),
    omschrijving=_("De organisaties in de regio met hun contactgegevens."),
    url_naam="organisaties",
    rollen=ALLE_ROLLEN,
)
registreer(
    titel=_("API-documentatie"),
    omschrijving=_("De REST-API voor koppelingen met partners."),
    url_naam="api-docs",
    rollen={"beheerder"},
)
