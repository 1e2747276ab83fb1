"""The loket's part of a regio definition file (werkcentrum/regiodefinitie.py): its terms and
its own doelgroepen next to the national ones (`doelgroepen_loket:`; `doelgroepen:` is the
WSP's list)."""

from __future__ import annotations

from werkcentrum.gedeelde_lijsten import sectie_controleren, sectie_laden
from werkcentrum.regiodefinitie import geheel_getal, onderdeel

SECTIE = "doelgroepen_loket"

VELDEN = {
    "antwoord_werkdagen": "antwoordtermijn_werkdagen",
    "doorverwijzing_reactie_werkdagen": "reactietermijn_werkdagen",
}


def _controleren(termijnen: dict, _definitie) -> list[str]:
    return [
        fout
        for sleutel, waarde in termijnen.items()
        for fout in geheel_getal(waarde, f"termijnen: {sleutel}", 1, 30)
    ]


def _laden(termijnen: dict, *, regio, samenvatting, **_kw) -> None:
    from .models import LoketInstelling

    waarden = {VELDEN[k]: v for k, v in termijnen.items()}
    instelling, nieuw = LoketInstelling.objects.get_or_create(regio=regio, defaults=waarden)
    anders = {k: v for k, v in waarden.items() if getattr(instelling, k) != v}
    if anders:
        LoketInstelling.objects.filter(pk=instelling.pk).update(**anders)
    samenvatting.tel("loket-termijnen", nieuw, bool(anders))


def _doelgroepen_controleren(waarde, _definitie) -> list[str]:
    from .models import Doelgroep

    return sectie_controleren(SECTIE, waarde, model=Doelgroep)


def _doelgroepen_laden(waarde, *, regio, samenvatting, **_kw) -> None:
    from .models import Doelgroep

    sectie_laden(SECTIE, waarde, model=Doelgroep, regio=regio, samenvatting=samenvatting)


def registreren() -> None:
    onderdeel("termijnen", sleutels=set(VELDEN), controleren=_controleren, laden=_laden)
    onderdeel(SECTIE, controleren=_doelgroepen_controleren, laden=_doelgroepen_laden)
