"""The WSP's part of a regio definition file (werkcentrum/regiodefinitie.py): the promise to
werkgevers and the targets per year and doelgroep."""

from __future__ import annotations

from werkcentrum.regiodefinitie import geheel_getal, onderdeel

from .keuzes import Doelgroep


def _termijn_controleren(termijnen: dict, _definitie) -> list[str]:
    if "werkgever_belofte_uren" not in termijnen:
        return []
    return geheel_getal(
        termijnen["werkgever_belofte_uren"], "termijnen: werkgever_belofte_uren", 1, 168
    )


def _termijn_laden(termijnen: dict, *, regio, samenvatting, **_kw) -> None:
    from .models import WspInstelling

    if "werkgever_belofte_uren" not in termijnen:
        return
    uren = termijnen["werkgever_belofte_uren"]
    instelling, nieuw = WspInstelling.objects.get_or_create(
        regio=regio, defaults={"werkgever_belofte_uren": uren}
    )
    anders = instelling.werkgever_belofte_uren != uren
    if anders:
        WspInstelling.objects.filter(pk=instelling.pk).update(werkgever_belofte_uren=uren)
    samenvatting.tel("wsp-termijnen", nieuw, anders)


def _doelen_controleren(doelen, _definitie) -> list[str]:
    if not isinstance(doelen, dict):
        return ["'doelen' moet per jaar de aantallen per doelgroep geven."]
    fouten = []
    for jaar, per_doelgroep in doelen.items():
        fouten += geheel_getal(jaar, f"doelen: jaar '{jaar}'", 2000, 2100)
        if not isinstance(per_doelgroep, dict):
            fouten.append(f"doelen[{jaar}]: geef de aantallen per doelgroep.")
            continue
        for doelgroep, aantal in per_doelgroep.items():
            if doelgroep not in Doelgroep.values:
                fouten.append(
                    f"doelen[{jaar}]: doelgroep '{doelgroep}' is onbekend; kies uit "
                    f"{', '.join(Doelgroep.values)}."
                )
            fouten += geheel_getal(aantal, f"doelen[{jaar}].{doelgroep}", 0, 100_000)
    return fouten


def _doelen_laden(doelen: dict, *, regio, samenvatting, **_kw) -> None:
    from .models import Doelstelling

    for jaar, per_doelgroep in doelen.items():
        for doelgroep, aantal in per_doelgroep.items():
            bestaand = Doelstelling.objects.filter(
                regio=regio, jaar=jaar, doelgroep=doelgroep, gemeente=None
            ).first()
            if bestaand is None:
                Doelstelling.objects.create(
                    regio=regio, jaar=jaar, doelgroep=doelgroep, gemeente=None, aantal=aantal
                )
                samenvatting.tel("doelen", True)
            elif bestaand.aantal != aantal:
                Doelstelling.objects.filter(pk=bestaand.pk).update(aantal=aantal)
                samenvatting.tel("doelen", False)


def registreren() -> None:
    onderdeel(
        "termijnen",
        sleutels={"werkgever_belofte_uren"},
        controleren=_termijn_controleren,
        laden=_termijn_laden,
    )
    onderdeel("doelen", controleren=_doelen_controleren, laden=_doelen_laden)
