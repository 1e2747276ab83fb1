"""The loket's records with personal data, for inzage- and verwijderverzoeken
(werkcentrum/personen.py). Registered in LoketConfig.ready()."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from werkcentrum.personen import (
    GEANONIMISEERD,
    Onderdeel,
    PersoonsBron,
    alle_gegevens,
    registreer,
    registreer_vrije_tekst,
)

from .models import Doorverwijzing, DoorverwijzingStap, Traject, Vraag
from .services import persoonsgegevens_wissen


def _wissen(obj, nu) -> str:
    persoonsgegevens_wissen(obj, nu=nu)
    return GEANONIMISEERD


def _nog_niet_gewist(qs):
    return qs.filter(persoonsgegevens_verwijderd_op=None)


def _kenmerken(obj) -> tuple[str, str]:
    return (obj.naam, obj.email)


def _keten(obj) -> list:
    """The WSP's handovers that started from this loket record (same person)."""
    return list(obj.wsp_overdrachten.order_by("pk"))


def registreren() -> None:
    zoekvelden = ("naam", "email", "telefoon")
    telt_mee = _(
        "Telt mee in de cijfers van het loket: het dossier blijft bestaan, zonder "
        "persoonsgegevens en zonder vrije tekst."
    )
    registreer(
        PersoonsBron(
            Vraag,
            zoekvelden,
            alle_gegevens,
            _wissen,
            _nog_niet_gewist,
            lijstsoort="vragen",
            bewaarplicht=telt_mee,
            kenmerken=_kenmerken,
        )
    )
    registreer(
        PersoonsBron(
            Doorverwijzing,
            zoekvelden,
            alle_gegevens,
            _wissen,
            _nog_niet_gewist,
            lijstsoort="doorverwijzingen",
            onderdelen=(Onderdeel(DoorverwijzingStap, "doorverwijzing"),),
            bewaarplicht=telt_mee,
            kenmerken=_kenmerken,
            keten=_keten,
        )
    )
    registreer(
        PersoonsBron(
            Traject,
            zoekvelden,
            alle_gegevens,
            _wissen,
            _nog_niet_gewist,
            lijstsoort="trajecten",
            bewaarplicht=_(
                "De kosten van een traject staan in de regionale reserve en moeten voor de "
                "financiële verantwoording bewaard blijven."
            ),
            kenmerken=_kenmerken,
            keten=_keten,
        )
    )
    registreer_vrije_tekst(Vraag, "tekst", "antwoord")
    registreer_vrije_tekst(Doorverwijzing, "samenvatting")
    registreer_vrije_tekst(DoorverwijzingStap, "toelichting")
    registreer_vrije_tekst(Traject, "resultaat")
