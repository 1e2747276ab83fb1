"""The WSP's records with personal data, for inzage- and verwijderverzoeken
(werkcentrum/personen.py). Registered in WspConfig.ready()."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from werkcentrum.personen import (
    GEANONIMISEERD,
    VERWIJDERD,
    Onderdeel,
    PersoonsBron,
    alle_gegevens,
    registreer,
    registreer_vrije_tekst,
)

from .models import (
    Contactmoment,
    Contactpersoon,
    Kandidaat,
    NazorgMoment,
    Plaatsing,
    Voordracht,
    Werkgeversverzoek,
)

# Marks an anonymised kandidaat: its plaatsingen and voordrachten still count.
ANONIEM = "Geanonimiseerd"


def _kandidaat_wissen(obj: Kandidaat, nu) -> str:
    if not obj.voordrachten.exists() and not obj.plaatsingen.exists():
        obj.delete()
        return VERWIJDERD
    # Plaatsingen and voordrachten refer to the kandidaat and count in the doelstellingen and
    # factsheets: keep the row, empty everything that identifies the person.
    Kandidaat.objects.filter(pk=obj.pk).update(
        voornaam=ANONIEM,
        achternaam="",
        email="",
        telefoon="",
        gewenst_beroep="",
        overdrager_naam="",
        externe_id="",
        beschikbaar_vanaf=None,
        actief=False,
    )
    obj.skills.clear()
    obj.gewenste_gemeenten.clear()
    obj.gewenste_sectoren.clear()
    obj.voordrachten.exclude(afwijsreden="").update(afwijsreden=str(_("(verwijderd)")))
    from .models import NazorgMoment

    NazorgMoment.objects.filter(plaatsing__kandidaat=obj).exclude(vervolg="").update(vervolg="")
    return GEANONIMISEERD


def _contactpersoon_wissen(obj: Contactpersoon, nu) -> str:
    obj.delete()
    return VERWIJDERD


def _verzoek_wissen(obj: Werkgeversverzoek, nu) -> str:
    Werkgeversverzoek.objects.filter(pk=obj.pk).update(
        contactnaam=ANONIEM, email="", telefoon="", vraag="", reactie=""
    )
    return GEANONIMISEERD


def registreren() -> None:
    registreer(
        PersoonsBron(
            Kandidaat,
            ("voornaam", "achternaam", "email", "telefoon", "externe_id"),
            alle_gegevens,
            _kandidaat_wissen,
            lambda qs: qs.exclude(voornaam=ANONIEM, achternaam=""),
            nummerveld="pk",
            bewaarplicht=_(
                "Met voordrachten of plaatsingen: de kandidaat wordt geanonimiseerd, want "
                "plaatsingen tellen mee in de doelstellingen en factsheets. Zonder: verwijderd."
            ),
            lijstsoort="kandidaten",
            kenmerken=lambda obj: (f"{obj.voornaam} {obj.achternaam}", obj.email),
            # What the WSP did with and for the person: proposals, placements and the nazorg
            # after them (notes, outcome, still employed), instruments included.
            onderdelen=(
                Onderdeel(Voordracht, "kandidaat"),
                Onderdeel(Plaatsing, "kandidaat"),
                Onderdeel(NazorgMoment, "plaatsing__kandidaat"),
            ),
        )
    )
    registreer(
        PersoonsBron(
            Contactpersoon,
            ("naam", "email", "telefoon"),
            alle_gegevens,
            _contactpersoon_wissen,
            lijstsoort="contactpersonen",
            kenmerken=lambda obj: (obj.naam, obj.email),
        )
    )
    registreer(
        PersoonsBron(
            Werkgeversverzoek,
            ("contactnaam", "email", "telefoon"),
            alle_gegevens,
            _verzoek_wissen,
            lambda qs: qs.exclude(contactnaam=ANONIEM),
            lijstsoort="verzoeken",
            bewaarplicht=_(
                "De reactietijd telt mee in de cijfers van het WSP: het verzoek blijft bestaan "
                "zonder contactgegevens."
            ),
            kenmerken=lambda obj: (obj.contactnaam, obj.email),
        )
    )
    registreer_vrije_tekst(Contactmoment, "samenvatting", "afspraken")
    registreer_vrije_tekst(NazorgMoment, "vervolg")
    registreer_vrije_tekst(Voordracht, "afwijsreden")
    registreer_vrije_tekst(Werkgeversverzoek, "vraag", "reactie")
