"""Purposes (doelbinding) as data: why a member of staff may open a person's record.

Each role has a short list; before a record with personal data opens, the user picks one of
the purposes of their roles (werkcentrum/doelbinding.py) and that code is the `doel` of the
audit event. The platform superuser may pick any purpose.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Doel:
    code: str
    naam: str


DOELEN: dict[str, Doel] = {
    d.code: d
    for d in [
        Doel("vraag_behandelen", _("Vraag van de inwoner behandelen")),
        Doel("doorverwijzen", _("Warme doorverwijzing voorbereiden of opvolgen")),
        Doel("traject_begeleiden", _("Traject aanvragen of begeleiden")),
        Doel("overdragen", _("Warme overdracht aan het WSP voorbereiden of volgen")),
        Doel("kwaliteitscontrole", _("Kwaliteitscontrole of klachtbehandeling")),
        Doel("bemiddeling", _("Bemiddeling naar werk")),
        Doel("nazorg", _("Nazorg na een plaatsing")),
        # Verzoeken and contactpersonen hold the name, e-mail and phone of a werkgever's
        # contact person: read to serve the werkgever, which is not bemiddeling of a kandidaat.
        Doel("werkgeversdienstverlening", _("Werkgeversdienstverlening (verzoek of contact)")),
        # The RBA secretariaat keeps the members of the overlegorganen (name, e-mail).
        Doel("ledenadministratie", _("Ledenadministratie van een overlegorgaan")),
        # An actie may name an owner from outside the portal (name, e-mail).
        Doel("actielijst", _("Actielijst van een overlegorgaan bijhouden")),
        Doel("inzageverzoek", _("Inzageverzoek van de betrokkene")),
        Doel("verwijderverzoek", _("Verwijderverzoek van de betrokkene")),
        Doel("toezicht", _("Toezicht op de verwerking (AVG)")),
        # The Django admin asks no purpose: opening a record there is application management.
        Doel("beheer", _("Applicatiebeheer in de beheeromgeving")),
    ]
}

DOELEN_PER_ROL: dict[str, tuple[str, ...]] = {
    "gids": ("vraag_behandelen", "doorverwijzen", "traject_begeleiden", "overdragen"),
    "coordinator": (
        "vraag_behandelen",
        "doorverwijzen",
        "traject_begeleiden",
        "overdragen",
        "kwaliteitscontrole",
    ),
    "partnermedewerker": ("doorverwijzen", "overdragen"),
    "wsp_adviseur": ("bemiddeling", "nazorg", "werkgeversdienstverlening"),
    "wsp_manager": ("bemiddeling", "nazorg", "werkgeversdienstverlening", "kwaliteitscontrole"),
    "rba_secretariaat": ("ledenadministratie", "actielijst"),
    "privacy_officer": ("inzageverzoek", "verwijderverzoek", "toezicht"),
}


def doelen_voor(user) -> list[Doel]:
    """The purposes `user` may choose, in the order of DOELEN (no duplicates)."""
    if getattr(user, "is_superuser", False):
        return list(DOELEN.values())
    rollen = set(getattr(user, "rollen", ()))
    codes = {c for rol, lijst in DOELEN_PER_ROL.items() if rol in rollen for c in lijst}
    return [d for code, d in DOELEN.items() if code in codes]


def mag_doel(user, code: str) -> bool:
    return any(d.code == code for d in doelen_voor(user))


def doel_naam(code: str) -> str:
    """The label of a purpose code; older events hold free text, shown as it is."""
    doel = DOELEN.get(code)
    return str(doel.naam) if doel else code
