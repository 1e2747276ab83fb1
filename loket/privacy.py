"""The loket's records with personal data, for inzage- and verwijderverzoeken
(werkcentrum/personen.py). Registered in LoketConfig.ready()."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from werkcentrum.personen import (
    GEANONIMISEERD,
    PersoonsBron,
    registreer,
    registreer_vrije_tekst,
    velden,
    waarde,
)

from .models import Doorverwijzing, DoorverwijzingStap, Traject, Vraag
from .services import persoonsgegevens_wissen

VRAAG = (
    "referentie", "naam", "email", "telefoon", "toestemming_op", "thema", "gemeente", "tekst",
    "status", "ontvangen_op", "antwoord", "beantwoord_op",
)  # fmt: skip
DOORVERWIJZING = (
    "naam", "email", "telefoon", "toestemming_op", "toestemming_gegevens", "dienst",
    "organisatie", "samenvatting", "status", "verstuurd_op", "afgesloten_op",
)  # fmt: skip
TRAJECT = (
    "naam", "email", "telefoon", "toestemming_op", "toestemming_gegevens", "soort", "aanbieder",
    "startdatum", "einddatum", "kosten", "status", "resultaat",
)  # fmt: skip


def _vraag(obj: Vraag) -> dict[str, Any]:
    return velden(obj, VRAAG)


def _doorverwijzing(obj: Doorverwijzing) -> dict[str, Any]:
    gegevens = velden(obj, DOORVERWIJZING)
    gegevens[str(_("stappen"))] = [
        f"{waarde(s.tijdstip)} {s.get_status_display()} {s.toelichting}".strip()
        for s in obj.stappen.order_by("tijdstip", "pk")
    ]
    return gegevens


def _traject(obj: Traject) -> dict[str, Any]:
    return velden(obj, TRAJECT)


def _wissen(obj, nu) -> str:
    persoonsgegevens_wissen(obj, nu=nu)
    return GEANONIMISEERD


def _nog_niet_gewist(qs):
    return qs.filter(persoonsgegevens_verwijderd_op=None)


def _kenmerken(obj) -> tuple[str, str]:
    return (obj.naam, obj.email)


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
            _vraag,
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
            _doorverwijzing,
            _wissen,
            _nog_niet_gewist,
            lijstsoort="doorverwijzingen",
            bewaarplicht=telt_mee,
            kenmerken=_kenmerken,
        )
    )
    registreer(
        PersoonsBron(
            Traject,
            zoekvelden,
            _traject,
            _wissen,
            _nog_niet_gewist,
            lijstsoort="trajecten",
            bewaarplicht=_(
                "De kosten van een traject staan in de regionale reserve en moeten voor de "
                "financiële verantwoording bewaard blijven."
            ),
            kenmerken=_kenmerken,
        )
    )
    registreer_vrije_tekst(Vraag, "tekst", "antwoord")
    registreer_vrije_tekst(Doorverwijzing, "samenvatting")
    registreer_vrije_tekst(DoorverwijzingStap, "toelichting")
    registreer_vrije_tekst(Traject, "resultaat")
