"""The roles of the portal as data: each is a Django group with its permissions.

`rollen_synchroniseren()` runs after every migrate, so a permission added by a later app's
migration reaches its groups without a hand-written data migration. Apps add their own
permissions to a role with `permissies_toevoegen()` in their AppConfig.ready().
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _


@dataclass
class Rol:
    code: str
    naam: str
    omschrijving: str
    permissies: set[str] = field(default_factory=set)


# Everyone who works in the portal may read the reference data of their regio.
_REFERENTIE = {
    "werkcentrum.view_arbeidsmarktregio",
    "werkcentrum.view_gemeente",
    "werkcentrum.view_organisatie",
    "werkcentrum.view_locatie",
    "werkcentrum.view_openingstijd",
}

ROLLEN: dict[str, Rol] = {
    rol.code: rol
    for rol in [
        Rol(
            "gids",
            _("Gids"),
            _("Voert gesprekken op een spreekuurlocatie en verwijst warm door."),
            set(_REFERENTIE),
        ),
        Rol(
            "coordinator",
            _("Coördinator"),
            _("Leidt de gidsen van het Werkcentrum, bewaakt termijnen en de sociale kaart."),
            _REFERENTIE
            | {
                "werkcentrum.change_locatie",
                "werkcentrum.add_openingstijd",
                "werkcentrum.change_openingstijd",
                "werkcentrum.delete_openingstijd",
                "werkcentrum.view_medewerker",
            },
        ),
        Rol(
            "partnermedewerker",
            _("Partnermedewerker"),
            _("Ontvangt warme doorverwijzingen voor de eigen organisatie en koppelt terug."),
            set(_REFERENTIE),
        ),
        Rol(
            "wsp_adviseur",
            _("WSP-adviseur"),
            _("Accounthouder voor werkgevers: contactmomenten, vacatures, matching, nazorg."),
            set(_REFERENTIE),
        ),
        Rol(
            "wsp_manager",
            _("Manager WSP"),
            _("Stuurt teams en doelstellingen van het WSP, maakt de factsheet."),
            _REFERENTIE | {"werkcentrum.view_medewerker"},
        ),
        Rol(
            "rba_secretariaat",
            _("RBA-secretariaat"),
            _("Bereidt vergaderingen voor en legt besluiten en acties vast."),
            set(_REFERENTIE),
        ),
        Rol(
            "rba_lid",
            _("RBA-lid"),
            _("Leest agenda, stukken, besluiten en de stand van de regionale reserve."),
            set(_REFERENTIE),
        ),
        Rol(
            "financieel_beheerder",
            _("Financieel beheerder"),
            _("Beheert de regionale reserve: geldstromen, begroting, verplichtingen."),
            set(_REFERENTIE),
        ),
        Rol(
            "beheerder",
            _("Beheerder"),
            _("Beheert de regio: gemeenten, organisaties, locaties, medewerkers en rollen."),
            _REFERENTIE
            | {
                "werkcentrum.change_arbeidsmarktregio",
                "werkcentrum.add_gemeente",
                "werkcentrum.change_gemeente",
                "werkcentrum.add_organisatie",
                "werkcentrum.change_organisatie",
                "werkcentrum.add_locatie",
                "werkcentrum.change_locatie",
                "werkcentrum.add_openingstijd",
                "werkcentrum.change_openingstijd",
                "werkcentrum.delete_openingstijd",
                "werkcentrum.view_medewerker",
                "werkcentrum.add_medewerker",
                "werkcentrum.change_medewerker",
                "werkcentrum.view_auditevent",
                "werkcentrum.view_websitegegevens",
                "werkcentrum.add_websitegegevens",
                "werkcentrum.change_websitegegevens",
            },
        ),
        Rol(
            "privacy_officer",
            _("Functionaris gegevensbescherming"),
            _(
                "Houdt toezicht op de verwerking van persoonsgegevens: logboek, inzage- en "
                "verwijderverzoeken."
            ),
            _REFERENTIE | {"werkcentrum.view_auditevent"},
        ),
    ]
}

# Roles that may use the Django admin (is_staff) for their regio's reference data.
ADMIN_ROLLEN = {"beheerder"}


def permissies_toevoegen(rol: str, *permissies: str) -> None:
    """Let an app give a role permissions on its own models (call from AppConfig.ready)."""
    ROLLEN[rol].permissies.update(permissies)


def rollen_synchroniseren() -> None:
    """Make every role's group hold exactly its declared permissions. Idempotent."""
    from django.contrib.auth.models import Group, Permission

    for rol in ROLLEN.values():
        groep, _created = Group.objects.get_or_create(name=rol.code)
        gewenst = []
        for naam in sorted(rol.permissies):
            app_label, codename = naam.split(".", 1)
            perm = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if perm is None:
                # The app's models may not be migrated yet (post_migrate runs per app).
                continue
            gewenst.append(perm)
        groep.permissions.set(gewenst)
