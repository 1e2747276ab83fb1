"""Plaatsingen and their nazorg: planning, recording, reminders and escalations."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from werkcentrum.isolation import isolated
from werkcentrum.models import Medewerker
from werkcentrum.werkdagen import werkdagen_na

from .. import audit, mail
from ..models import (
    Kandidaat,
    NazorgMoment,
    Plaatsing,
    Vacature,
    Voordracht,
    Werkgever,
)
from ..models.nazorg import NAZORG_TE_DOEN
from ..regiolijsten import doelgroep_controleren, instrumenten_controleren
from .rechten import _opslaan, _vereist_bewerkrecht, toestemming_niet_ingetrokken, wsp_managers
from .vacatures import VERVULD_DOOR_PLAATSING, _systeemovergang

NAZORG_MAANDEN = {NazorgMoment.Soort.TWEE_MAANDEN: 2, NazorgMoment.Soort.VIJF_MAANDEN: 5}


def nazorg_vervaldatum(startdatum: date, maanden: int) -> date:
    """Calendar months later; relativedelta clamps the day to the month's end
    (31 December + 2 months = 28 or 29 February)."""
    return startdatum + relativedelta(months=maanden)


@transaction.atomic
def plaatsing_registreren(
    *,
    kandidaat: Kandidaat,
    werkgever: Werkgever,
    startdatum: date,
    door: Medewerker,
    voordracht: Voordracht | None = None,
    **velden: Any,
) -> Plaatsing:
    """Refused without consent or as a duplicate (same kandidaat, werkgever, startdatum);
    plans the two nazorg moments."""
    _vereist_bewerkrecht(door, werkgever)
    toestemming_niet_ingetrokken(kandidaat)
    if voordracht is not None:
        if voordracht.status != Voordracht.Status.AANGENOMEN:
            raise ValidationError(_("Alleen een aangenomen voordracht wordt een plaatsing."))
        if (
            voordracht.kandidaat_id != kandidaat.pk
            or voordracht.vacature.werkgever_id != werkgever.pk
        ):
            raise ValidationError(_("Kandidaat en werkgever moeten die van de voordracht zijn."))
    # The kandidaat's doelgroep stays valid even when the regio has deactivated it since.
    doelgroep_controleren(
        regio=werkgever.regio_id,
        code=velden.setdefault("doelgroep", kandidaat.doelgroep),
        huidig=kandidaat.doelgroep,
    )
    instrumenten_controleren(regio=werkgever.regio_id, codes=velden.get("instrumenten") or [])
    velden.setdefault("woongemeente", kandidaat.woongemeente)
    plaatsing = _opslaan(
        Plaatsing(regio_id=werkgever.regio_id),
        kandidaat=kandidaat,
        werkgever=werkgever,
        startdatum=startdatum,
        voordracht=voordracht,
        geregistreerd_door=door,
        **velden,
    )
    nazorg_plannen(plaatsing=plaatsing)
    if voordracht is not None:
        _systeemovergang(
            voordracht.vacature_id, van=VERVULD_DOOR_PLAATSING, naar=Vacature.Status.VERVULD
        )
    audit.plaatsing_geregistreerd(plaatsing, user=door)
    return plaatsing


def nazorg_plannen(*, plaatsing: Plaatsing) -> None:
    """Create the 2- and 5-month moments, or move the open ones to a new startdatum;
    completed moments stay where they are."""
    for soort, maanden in NAZORG_MAANDEN.items():
        datum = nazorg_vervaldatum(plaatsing.startdatum, maanden)
        moment, created = NazorgMoment.objects.get_or_create(
            plaatsing=plaatsing,
            soort=soort,
            defaults={"vervaldatum": datum, "regio_id": plaatsing.regio_id},
        )
        if not created and moment.is_open and moment.vervaldatum != datum:
            # A moved deadline gets fresh reminders.
            NazorgMoment.objects.filter(pk=moment.pk).update(
                vervaldatum=datum,
                herinnering_vooraf_op=None,
                herinnering_vervaldag_op=None,
                escalatie_op=None,
            )


@transaction.atomic
def plaatsing_startdatum_wijzigen(
    *, plaatsing: Plaatsing, startdatum: date, door: Medewerker
) -> Plaatsing:
    _vereist_bewerkrecht(door, plaatsing.werkgever)
    _opslaan(plaatsing, startdatum=startdatum)
    nazorg_plannen(plaatsing=plaatsing)
    return plaatsing


@transaction.atomic
def nazorg_vastleggen(
    *,
    moment: NazorgMoment,
    door: Medewerker,
    uitkomst: str,
    nog_in_dienst: bool | None,
    vervolg: str = "",
    afgerond_op: date | None = None,
    nazorg_niet_meer_nodig: bool = False,
) -> NazorgMoment:
    plaatsing = moment.plaatsing
    _vereist_bewerkrecht(door, plaatsing.werkgever)
    toestemming_niet_ingetrokken(plaatsing.kandidaat)
    if not moment.is_open:
        raise ValidationError(_("Dit nazorgmoment is al vastgelegd."))
    afgerond_op = afgerond_op or timezone.localdate()
    if afgerond_op < plaatsing.startdatum:
        # Nazorg is about how the work goes; before the start there is nothing to record.
        raise ValidationError(
            {
                "afgerond_op": _(
                    "De plaatsing begint op %(start)s; nazorg kan pas vanaf die datum worden "
                    "vastgelegd."
                )
                % {"start": f"{plaatsing.startdatum:%d-%m-%Y}"}
            }
        )
    if uitkomst == NazorgMoment.Uitkomst.UITGEVALLEN:
        nog_in_dienst = False
    _opslaan(
        moment,
        uitkomst=uitkomst,
        nog_in_dienst=nog_in_dienst,
        vervolg=vervolg,
        afgerond_op=afgerond_op,
        afgerond_door=door,
    )
    if nazorg_niet_meer_nodig:
        _opslaan(plaatsing, nazorg_niet_meer_nodig=True)
    audit.nazorg_vastgelegd(moment, user=door)
    return moment


@transaction.atomic
def nazorg_moment_toevoegen(
    *, plaatsing: Plaatsing, vervaldatum: date, door: Medewerker
) -> NazorgMoment:
    _vereist_bewerkrecht(door, plaatsing.werkgever)
    toestemming_niet_ingetrokken(plaatsing.kandidaat)
    if plaatsing.nazorg_niet_meer_nodig:
        raise ValidationError(_("De werkgever heeft aangegeven dat nazorg niet meer nodig is."))
    if vervaldatum < plaatsing.startdatum:
        raise ValidationError({"vervaldatum": _("Een nazorgmoment ligt na de startdatum.")})
    return _opslaan(
        NazorgMoment(plaatsing=plaatsing, regio_id=plaatsing.regio_id),
        soort=NazorgMoment.Soort.EXTRA,
        vervaldatum=vervaldatum,
    )


def _claim(moment_pk: int, veld: str, vandaag: date) -> bool:
    return (
        NazorgMoment.objects.filter(pk=moment_pk, afgerond_op=None, **{veld: None}).update(
            **{veld: vandaag}
        )
        == 1
    )


def nazorg_herinneringen_versturen(*, vandaag: date | None = None) -> dict[str, int]:
    """Remind the accounthouder 5 working days before and on the due date; escalate to the
    regio's wsp_managers 5 working days after an open due date. Each exactly once; a moment
    whose mail fails is logged and tried again on the next run (isolated)."""
    vandaag = vandaag or timezone.localdate()
    resultaat = {"vooraf": 0, "vervaldag": 0, "escalatie": 0}
    open_ = NazorgMoment.objects.filter(NAZORG_TE_DOEN).select_related(
        "plaatsing__werkgever__accounthouder"
    )
    # Only moments near today can be due for anything; the window keeps the scan small.
    kandidaten = open_.filter(
        vervaldatum__gte=vandaag - timedelta(days=60), vervaldatum__lte=vandaag + timedelta(days=14)
    )
    for moment in kandidaten:
        accounthouder = moment.plaatsing.werkgever.accounthouder
        ontvangers = [accounthouder.email] if accounthouder else []
        if (
            moment.herinnering_vooraf_op is None
            and werkdagen_na(vandaag, 5) >= moment.vervaldatum > vandaag
        ):
            with isolated("nazorg_herinneringen_versturen", moment):
                if _claim(moment.pk, "herinnering_vooraf_op", vandaag):
                    mail.nazorg_herinnering(moment, ontvangers, vervaldag=False)
                    resultaat["vooraf"] += 1
        if moment.herinnering_vervaldag_op is None and moment.vervaldatum <= vandaag:
            with isolated("nazorg_herinneringen_versturen", moment):
                if _claim(moment.pk, "herinnering_vervaldag_op", vandaag):
                    mail.nazorg_herinnering(moment, ontvangers, vervaldag=True)
                    resultaat["vervaldag"] += 1
        if moment.escalatie_op is None and werkdagen_na(moment.vervaldatum, 5) <= vandaag:
            with isolated("nazorg_herinneringen_versturen", moment):
                if _claim(moment.pk, "escalatie_op", vandaag):
                    managers = wsp_managers(moment.plaatsing.regio_id)
                    mail.nazorg_escalatie(moment, managers.values_list("email", flat=True))
                    resultaat["escalatie"] += 1
    return resultaat
