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
    Overdracht,
    Plaatsing,
    Voordracht,
    Werkgeversverzoek,
)

# Marks an anonymised kandidaat: its plaatsingen and voordrachten still count.
ANONIEM = "Geanonimiseerd"


def _kandidaat_wissen(obj: Kandidaat, nu) -> str:
    # A handover that led to the kandidaat keeps pointing at it (the chain figures count it).
    bewaren = obj.voordrachten.exists() or obj.plaatsingen.exists() or obj.overdrachten.exists()
    if not bewaren:
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


# What erasing a handover empties: everything naming the person. The row stays with the
# anonymous facts the chain figures count (bron, organisatie, status, dates, gemeente,
# doelgroep), and its link to the kandidaat.
OVERDRACHT_WISSEN = {
    "voornaam": ANONIEM,
    "achternaam": "",
    "email": "",
    "telefoon": "",
    "gewenst_beroep": "",
    "toelichting": "",
    "beschikbaar_vanaf": None,
}


def overdracht_wissen(obj: Overdracht, nu=None) -> str:
    velden = dict(OVERDRACHT_WISSEN)
    if obj.reden_teruggave:
        # A returned handover must keep a reason (constraint); the reason may name the person.
        velden["reden_teruggave"] = str(_("(verwijderd)"))
    Overdracht.objects.filter(pk=obj.pk).update(**velden)
    return GEANONIMISEERD


def _niet_gewist(qs):
    return qs.exclude(voornaam=ANONIEM, achternaam="")


def _overdracht_keten(obj: Overdracht) -> list:
    """The same person elsewhere in the chain: the kandidaat and the loket records."""
    return [x for x in (obj.kandidaat, obj.doorverwijzing, obj.traject) if x is not None]


def _kandidaat_keten(obj: Kandidaat) -> list:
    uit: list = []
    for o in obj.overdrachten.select_related("doorverwijzing", "traject").order_by("pk"):
        uit += [o, *(x for x in (o.doorverwijzing, o.traject) if x is not None)]
    return uit


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
            # What the WSP did with and for the person: the handovers that brought them,
            # proposals, placements and the nazorg after them (notes, outcome, still
            # employed), instruments included.
            onderdelen=(
                Onderdeel(Overdracht, "kandidaat"),
                Onderdeel(Voordracht, "kandidaat"),
                Onderdeel(Plaatsing, "kandidaat"),
                Onderdeel(NazorgMoment, "plaatsing__kandidaat"),
            ),
            keten=_kandidaat_keten,
        )
    )
    registreer(
        PersoonsBron(
            Overdracht,
            ("voornaam", "achternaam", "email", "telefoon"),
            alle_gegevens,
            overdracht_wissen,
            _niet_gewist,
            lijstsoort="overdrachten",
            bewaarplicht=_(
                "Telt mee in de ketencijfers: de overdracht blijft bestaan met bron, status, "
                "data, gemeente en doelgroep, zonder naam, contactgegevens of toelichting."
            ),
            kenmerken=lambda obj: (f"{obj.voornaam} {obj.achternaam}", obj.email),
            keten=_overdracht_keten,
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
    registreer_vrije_tekst(Overdracht, "toelichting", "reden_teruggave")
