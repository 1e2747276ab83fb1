"""Demo staff: one known login per role, more with --scale."""

from __future__ import annotations

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from .demo import DEMO_DOMEIN, DEMO_WACHTWOORD, DemoContext, registreer
from .models import Medewerker, Organisatie
from .rollen import ADMIN_ROLLEN, ROLLEN

# The organisation a person in each role typically works for.
ORGANISATIE_TYPE = {
    "gids": Organisatie.Type.WERKCENTRUM,
    "coordinator": Organisatie.Type.WERKCENTRUM,
    "partnermedewerker": Organisatie.Type.UWV,
    "wsp_adviseur": Organisatie.Type.WSP,
    "wsp_manager": Organisatie.Type.WSP,
    "rba_secretariaat": Organisatie.Type.GEMEENTE,
    "rba_lid": Organisatie.Type.GEMEENTE,
    "financieel_beheerder": Organisatie.Type.GEMEENTE,
    "privacy_officer": Organisatie.Type.GEMEENTE,
    "beheerder": Organisatie.Type.WERKCENTRUM,
}
# How many people per role at --scale 1 (the first of each has the short, known address).
AANTAL_PER_ROL = {"gids": 7, "wsp_adviseur": 6, "partnermedewerker": 4}


def demo_gebruiker(
    *,
    email: str,
    voornaam: str,
    achternaam: str,
    regio,
    organisatie,
    rollen: list[str],
    wachtwoord_hash: str,
    superuser: bool = False,
) -> Medewerker:
    user, _ = Medewerker.objects.update_or_create(
        email=email,
        defaults={
            "first_name": voornaam,
            "last_name": achternaam,
            "regio": None if superuser else regio,
            "organisatie": None if superuser else organisatie,
            "is_staff": superuser or bool(ADMIN_ROLLEN.intersection(rollen)),
            "is_superuser": superuser,
            "is_active": True,
            "password": wachtwoord_hash,
        },
    )
    user.groups.set(Group.objects.filter(name__in=rollen))
    return user


@registreer("medewerkers")
def medewerkers(ctx: DemoContext) -> None:
    # One hash for everyone: hashing is deliberately slow (~0.3 s), and --scale 100 makes
    # 2,300 people with the same demo password.
    wachtwoord_hash = make_password(DEMO_WACHTWOORD)
    organisaties = {
        o.type: o for o in Organisatie.objects.filter(regio=ctx.regio).order_by("-naam")
    }
    # The gemeente roles (RBA-secretariaat, financieel beheerder, ...) work at the
    # centrumgemeente, which hosts the regional cooperation and its reserve.
    centrum = (
        Organisatie.objects.filter(
            regio=ctx.regio, type=Organisatie.Type.GEMEENTE, gemeente__is_centrumgemeente=True
        )
        .order_by("naam")
        .first()
    )
    if centrum is not None:
        organisaties[Organisatie.Type.GEMEENTE] = centrum
    for rol in ROLLEN:
        for i in range(AANTAL_PER_ROL.get(rol, 1) * ctx.scale):
            voornaam, achternaam = ctx.naam()
            adres = (
                f"{rol.replace('_', '.')}{'' if i == 0 else i + 1}@{ctx.regio.code}.{DEMO_DOMEIN}"
            )
            demo_gebruiker(
                email=adres,
                voornaam=voornaam,
                achternaam=achternaam,
                regio=ctx.regio,
                organisatie=organisaties.get(ORGANISATIE_TYPE[rol]),
                rollen=[rol],
                wachtwoord_hash=wachtwoord_hash,
            )
    demo_gebruiker(
        email=f"platform@{DEMO_DOMEIN}",
        voornaam="Platform",
        achternaam="Beheer",
        regio=None,
        organisatie=None,
        rollen=[],
        wachtwoord_hash=wachtwoord_hash,
        superuser=True,
    )
