"""Writes of the WSP. Every function runs in a transaction, validates with full_clean, logs
the audit event and sends mail only after commit."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from werkcentrum.models import Arbeidsmarktregio, Medewerker
from werkcentrum.werkdagen import werkdagen_na

from . import audit, mail
from .models import (
    Activiteit,
    Contactmoment,
    Contactpersoon,
    Kandidaat,
    NazorgMoment,
    Plaatsing,
    Sector,
    Skill,
    Vacature,
    Vestiging,
    Voordracht,
    Werkgever,
    Werkgeversverzoek,
)

WAARSCHUWING_NA = timedelta(hours=20)
BELOFTE = timedelta(hours=24)
NAZORG_MAANDEN = {NazorgMoment.Soort.TWEE_MAANDEN: 2, NazorgMoment.Soort.VIJF_MAANDEN: 5}


# --- rights -------------------------------------------------------------------------------


def mag_werkgever_bewerken(user: Medewerker, werkgever: Werkgever) -> bool:
    """An adviseur edits their own accounts (accounthouder or accountteam); a wsp_manager every
    account of the regio; nobody another regio's (the superuser all)."""
    if user.is_superuser:
        return True
    if user.regio_id != werkgever.regio_id:
        return False
    if user.heeft_rol("wsp_manager"):
        return True
    if not user.heeft_rol("wsp_adviseur"):
        return False
    return (
        werkgever.accounthouder_id == user.pk or werkgever.accountteam.filter(pk=user.pk).exists()
    )


def wsp_managers(regio_id: int) -> QuerySet[Medewerker]:
    return Medewerker.objects.filter(
        regio_id=regio_id, groups__name="wsp_manager", is_active=True
    ).distinct()


def _vereist_bewerkrecht(user: Medewerker, werkgever: Werkgever) -> None:
    if not mag_werkgever_bewerken(user, werkgever):
        raise PermissionError(_("Je mag dit account niet bewerken."))


def _opslaan(obj, **velden: Any):
    for naam, waarde in velden.items():
        setattr(obj, naam, waarde)
    obj.full_clean()
    obj.save()
    return obj


def _met_nieuwe_skills(skills, nieuwe: list[str] | None) -> list[Skill]:
    """The chosen skills plus free additions to the shared vocabulary (matched case-blind)."""
    gekozen = list(skills or [])
    for naam in nieuwe or []:
        bestaand = Skill.objects.filter(naam__iexact=naam).first()
        gekozen.append(bestaand or Skill.objects.create(naam=naam))
    return gekozen


# --- werkgevers ---------------------------------------------------------------------------


@transaction.atomic
def werkgever_registreren(
    *, regio: Arbeidsmarktregio, door: Medewerker, accountteam=(), **velden: Any
) -> Werkgever:
    werkgever = _opslaan(Werkgever(regio=regio), **velden)
    if accountteam:
        werkgever.accountteam.set(accountteam)
    return werkgever


@transaction.atomic
def werkgever_bijwerken(
    *, werkgever: Werkgever, door: Medewerker, accountteam=None, **velden: Any
) -> Werkgever:
    _vereist_bewerkrecht(door, werkgever)
    _opslaan(werkgever, **velden)
    if accountteam is not None:
        werkgever.accountteam.set(accountteam)
    return werkgever


@transaction.atomic
def vestiging_toevoegen(*, werkgever: Werkgever, door: Medewerker, **velden: Any) -> Vestiging:
    _vereist_bewerkrecht(door, werkgever)
    if velden.get("gemeente") and velden["gemeente"].regio_id != werkgever.regio_id:
        raise ValidationError({"gemeente": _("Deze gemeente hoort bij een andere regio.")})
    return _opslaan(Vestiging(werkgever=werkgever), **velden)


@transaction.atomic
def contactpersoon_toevoegen(
    *, werkgever: Werkgever, door: Medewerker, **velden: Any
) -> Contactpersoon:
    _vereist_bewerkrecht(door, werkgever)
    return _opslaan(Contactpersoon(werkgever=werkgever), **velden)


@transaction.atomic
def contactmoment_registreren(
    *, werkgever: Werkgever, door: Medewerker, **velden: Any
) -> Contactmoment:
    _vereist_bewerkrecht(door, werkgever)
    return _opslaan(Contactmoment(werkgever=werkgever, medewerker=door), **velden)


@transaction.atomic
def opvolging_afronden(*, contactmoment: Contactmoment, door: Medewerker) -> None:
    _vereist_bewerkrecht(door, contactmoment.werkgever)
    Contactmoment.objects.filter(pk=contactmoment.pk).update(opvolging_afgerond=True)


# --- werkgeversverzoek and the 24-hour promise --------------------------------------------


@transaction.atomic
def verzoek_ontvangen(
    *,
    regio: Arbeidsmarktregio,
    bron: str,
    bedrijfsnaam: str,
    contactnaam: str,
    email: str,
    vraag: str,
    kvk_nummer: str = "",
    telefoon: str = "",
    sector: Sector | None = None,
    ontvangen_op: datetime | None = None,
    door: Medewerker | None = None,
) -> Werkgeversverzoek:
    """Route to the accounthouder of a known werkgever (by KvK), else to the cluster's queue."""
    werkgever = (
        Werkgever.objects.filter(regio=regio, kvk_nummer=kvk_nummer)
        .select_related("accounthouder", "sector")
        .first()
        if kvk_nummer
        else None
    )
    if werkgever and werkgever.sector_id and sector is None:
        sector = werkgever.sector
    verzoek = _opslaan(
        Werkgeversverzoek(regio=regio),
        bron=bron,
        bedrijfsnaam=bedrijfsnaam,
        contactnaam=contactnaam,
        email=email,
        vraag=vraag,
        kvk_nummer=kvk_nummer,
        telefoon=telefoon,
        sector=sector,
        cluster=sector.cluster if sector else None,
        werkgever=werkgever,
        toegewezen_aan=werkgever.accounthouder if werkgever else None,
        ontvangen_op=ontvangen_op or timezone.now(),
    )
    mail.verzoek_nieuw(verzoek, _verzoek_ontvangers(verzoek))
    return verzoek


def _verzoek_ontvangers(verzoek: Werkgeversverzoek) -> list[str]:
    # An unassigned request sits in its cluster's queue; the managers distribute that queue.
    if verzoek.toegewezen_aan_id:
        return [verzoek.toegewezen_aan.email]
    return list(wsp_managers(verzoek.regio_id).values_list("email", flat=True))


@transaction.atomic
def verzoek_toewijzen(
    *, verzoek: Werkgeversverzoek, aan: Medewerker, door: Medewerker
) -> Werkgeversverzoek:
    if aan.regio_id != verzoek.regio_id:
        raise ValidationError({"toegewezen_aan": _("Deze medewerker werkt in een andere regio.")})
    return _opslaan(verzoek, toegewezen_aan=aan)


@transaction.atomic
def verzoek_beantwoorden(
    *, verzoek: Werkgeversverzoek, door: Medewerker, reactie: str, op: datetime | None = None
) -> Werkgeversverzoek:
    """Record the first reaction; the reaction time (clock hours) is stored once."""
    op = op or timezone.now()
    if not reactie.strip():
        raise ValidationError({"reactie": _("Beschrijf de reactie aan de werkgever.")})
    if op < verzoek.ontvangen_op:
        raise ValidationError({"reactie": _("De reactie kan niet voor het verzoek liggen.")})
    claimed = Werkgeversverzoek.objects.filter(pk=verzoek.pk, eerste_reactie_op=None).update(
        eerste_reactie_op=op,
        reactietijd=op - verzoek.ontvangen_op,
        reactie=reactie,
        toegewezen_aan=verzoek.toegewezen_aan or door,
    )
    if claimed != 1:
        raise ValidationError({"reactie": _("Op dit verzoek is al gereageerd.")})
    verzoek.refresh_from_db()
    return verzoek


def verzoeken_bewaken(*, nu: datetime | None = None) -> dict[str, int]:
    """Warn the assignee at 20 hours and escalate to the wsp_managers at 24 hours without a
    reaction. Each happens once, also when two workers run this at the same time: the
    sent-marker is claimed with a conditional UPDATE in the transaction that sends."""
    nu = nu or timezone.now()
    resultaat = {"gewaarschuwd": 0, "geescaleerd": 0}
    open_ = Werkgeversverzoek.objects.filter(eerste_reactie_op=None).select_related(
        "toegewezen_aan", "regio"
    )
    for verzoek in open_.filter(ontvangen_op__lte=nu - BELOFTE, escalatie_op=None):
        with transaction.atomic():
            if Werkgeversverzoek.objects.filter(
                pk=verzoek.pk, escalatie_op=None, eerste_reactie_op=None
            ).update(escalatie_op=nu, waarschuwing_op=verzoek.waarschuwing_op or nu):
                managers = wsp_managers(verzoek.regio_id).values_list("email", flat=True)
                mail.verzoek_escalatie(verzoek, managers)
                resultaat["geescaleerd"] += 1
    for verzoek in open_.filter(ontvangen_op__lte=nu - WAARSCHUWING_NA, waarschuwing_op=None):
        with transaction.atomic():
            if Werkgeversverzoek.objects.filter(
                pk=verzoek.pk, waarschuwing_op=None, eerste_reactie_op=None
            ).update(waarschuwing_op=nu):
                mail.verzoek_waarschuwing(verzoek, _verzoek_ontvangers(verzoek))
                resultaat["gewaarschuwd"] += 1
    return resultaat


# --- vacatures ----------------------------------------------------------------------------


@transaction.atomic
def vacature_registreren(
    *,
    werkgever: Werkgever,
    door: Medewerker,
    skills=(),
    nieuwe_skills: list[str] | None = None,
    **velden: Any,
) -> Vacature:
    _vereist_bewerkrecht(door, werkgever)
    vacature = _opslaan(Vacature(regio_id=werkgever.regio_id, werkgever=werkgever), **velden)
    vacature.skills.set(_met_nieuwe_skills(skills, nieuwe_skills))
    return vacature


@transaction.atomic
def vacature_bijwerken(
    *,
    vacature: Vacature,
    door: Medewerker,
    skills=None,
    nieuwe_skills: list[str] | None = None,
    **velden: Any,
) -> Vacature:
    _vereist_bewerkrecht(door, vacature.werkgever)
    _opslaan(vacature, **velden)
    if skills is not None or nieuwe_skills:
        vacature.skills.set(_met_nieuwe_skills(skills, nieuwe_skills))
    return vacature


def vacatures_laten_verlopen(*, vandaag: date | None = None) -> int:
    """Open vacatures past their closing date become verlopen. Idempotent."""
    vandaag = vandaag or timezone.localdate()
    return Vacature.objects.filter(
        status__in=[Vacature.Status.OPEN, Vacature.Status.IN_BEHANDELING],
        sluitingsdatum__lt=vandaag,
    ).update(status=Vacature.Status.VERLOPEN)


# --- kandidaten and voordrachten ----------------------------------------------------------


@transaction.atomic
def kandidaat_registreren(
    *,
    regio: Arbeidsmarktregio,
    door: Medewerker,
    skills=(),
    nieuwe_skills: list[str] | None = None,
    gewenste_gemeenten=(),
    gewenste_sectoren=(),
    **velden: Any,
) -> Kandidaat:
    """Warme overdracht: who handed over, when, and the consent are recorded."""
    kandidaat = _opslaan(Kandidaat(regio=regio), **velden)
    kandidaat.skills.set(_met_nieuwe_skills(skills, nieuwe_skills))
    kandidaat.gewenste_gemeenten.set(gewenste_gemeenten)
    kandidaat.gewenste_sectoren.set(gewenste_sectoren)
    audit.kandidaat_aangemaakt(kandidaat, user=door)
    return kandidaat


@transaction.atomic
def kandidaat_bijwerken(
    *,
    kandidaat: Kandidaat,
    door: Medewerker,
    m2m: dict | None = None,
    nieuwe_skills: list[str] | None = None,
    **velden: Any,
) -> Kandidaat:
    gewijzigd = [n for n, w in velden.items() if getattr(kandidaat, n) != w]
    _opslaan(kandidaat, **velden)
    m2m = dict(m2m or {})
    if nieuwe_skills:
        m2m["skills"] = _met_nieuwe_skills(m2m.get("skills", kandidaat.skills.all()), nieuwe_skills)
    for naam, waarden in m2m.items():
        getattr(kandidaat, naam).set(waarden)
        gewijzigd.append(naam)
    audit.kandidaat_gewijzigd(kandidaat, user=door, velden=gewijzigd)
    return kandidaat


@transaction.atomic
def voordracht_doen(
    *, vacature: Vacature, kandidaat: Kandidaat, door: Medewerker, score: int = 0
) -> Voordracht:
    _vereist_bewerkrecht(door, vacature.werkgever)
    if not kandidaat.toestemming:
        raise ValidationError(
            {"kandidaat": _("Deze kandidaat heeft geen toestemming voor bemiddeling gegeven.")}
        )
    if kandidaat.regio_id != vacature.regio_id:
        raise ValidationError({"kandidaat": _("Deze kandidaat hoort bij een andere regio.")})
    if vacature.status not in (Vacature.Status.OPEN, Vacature.Status.IN_BEHANDELING):
        raise ValidationError(_("Voordragen kan alleen bij een open vacature."))
    voordracht = _opslaan(
        Voordracht(regio_id=vacature.regio_id),
        vacature=vacature,
        kandidaat=kandidaat,
        door=door,
        score=score,
    )
    if vacature.status == Vacature.Status.OPEN:
        Vacature.objects.filter(pk=vacature.pk).update(status=Vacature.Status.IN_BEHANDELING)
    return voordracht


VOLGENDE_STATUS = {
    Voordracht.Status.VOORGESTELD: {Voordracht.Status.GESPREK, Voordracht.Status.AFGEWEZEN},
    Voordracht.Status.GESPREK: {Voordracht.Status.AANGENOMEN, Voordracht.Status.AFGEWEZEN},
    Voordracht.Status.AANGENOMEN: set(),
    Voordracht.Status.AFGEWEZEN: set(),
}


@transaction.atomic
def voordracht_status_wijzigen(
    *, voordracht: Voordracht, status: str, door: Medewerker, afwijsreden: str = ""
) -> Voordracht:
    _vereist_bewerkrecht(door, voordracht.vacature.werkgever)
    if status not in VOLGENDE_STATUS[voordracht.status]:
        raise ValidationError({"status": _("Deze stap kan niet vanuit de huidige status.")})
    if status == Voordracht.Status.AFGEWEZEN and not afwijsreden.strip():
        raise ValidationError({"afwijsreden": _("Geef de reden van de afwijzing.")})
    return _opslaan(voordracht, status=status, afwijsreden=afwijsreden)


@transaction.atomic
def activiteit_registreren(
    *, regio: Arbeidsmarktregio, door: Medewerker, **velden: Any
) -> Activiteit:
    return _opslaan(Activiteit(regio=regio), **velden)


# --- plaatsingen and nazorg ---------------------------------------------------------------


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
    if voordracht is not None:
        if voordracht.status != Voordracht.Status.AANGENOMEN:
            raise ValidationError(_("Alleen een aangenomen voordracht wordt een plaatsing."))
        if (
            voordracht.kandidaat_id != kandidaat.pk
            or voordracht.vacature.werkgever_id != werkgever.pk
        ):
            raise ValidationError(_("Kandidaat en werkgever moeten die van de voordracht zijn."))
    velden.setdefault("doelgroep", kandidaat.doelgroep)
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
        Vacature.objects.filter(pk=voordracht.vacature_id).update(status=Vacature.Status.VERVULD)
    audit.plaatsing_geregistreerd(plaatsing, user=door)
    return plaatsing


def nazorg_plannen(*, plaatsing: Plaatsing) -> None:
    """Create the 2- and 5-month moments, or move the open ones to a new startdatum;
    completed moments stay where they are."""
    for soort, maanden in NAZORG_MAANDEN.items():
        datum = nazorg_vervaldatum(plaatsing.startdatum, maanden)
        moment, created = NazorgMoment.objects.get_or_create(
            plaatsing=plaatsing, soort=soort, defaults={"vervaldatum": datum}
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
    if not moment.is_open:
        raise ValidationError(_("Dit nazorgmoment is al vastgelegd."))
    if uitkomst == NazorgMoment.Uitkomst.UITGEVALLEN:
        nog_in_dienst = False
    _opslaan(
        moment,
        uitkomst=uitkomst,
        nog_in_dienst=nog_in_dienst,
        vervolg=vervolg,
        afgerond_op=afgerond_op or timezone.localdate(),
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
    if plaatsing.nazorg_niet_meer_nodig:
        raise ValidationError(_("De werkgever heeft aangegeven dat nazorg niet meer nodig is."))
    if vervaldatum < plaatsing.startdatum:
        raise ValidationError({"vervaldatum": _("Een nazorgmoment ligt na de startdatum.")})
    return _opslaan(
        NazorgMoment(plaatsing=plaatsing), soort=NazorgMoment.Soort.EXTRA, vervaldatum=vervaldatum
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
    regio's wsp_managers 5 working days after an open due date. Each exactly once."""
    vandaag = vandaag or timezone.localdate()
    resultaat = {"vooraf": 0, "vervaldag": 0, "escalatie": 0}
    open_ = NazorgMoment.objects.filter(
        afgerond_op=None, plaatsing__nazorg_niet_meer_nodig=False
    ).select_related("plaatsing__werkgever__accounthouder")
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
            with transaction.atomic():
                if _claim(moment.pk, "herinnering_vooraf_op", vandaag):
                    mail.nazorg_herinnering(moment, ontvangers, vervaldag=False)
                    resultaat["vooraf"] += 1
        if moment.herinnering_vervaldag_op is None and moment.vervaldatum <= vandaag:
            with transaction.atomic():
                if _claim(moment.pk, "herinnering_vervaldag_op", vandaag):
                    mail.nazorg_herinnering(moment, ontvangers, vervaldag=True)
                    resultaat["vervaldag"] += 1
        if moment.escalatie_op is None and werkdagen_na(moment.vervaldatum, 5) <= vandaag:
            with transaction.atomic():
                if _claim(moment.pk, "escalatie_op", vandaag):
                    managers = wsp_managers(moment.plaatsing.regio_id)
                    mail.nazorg_escalatie(moment, managers.values_list("email", flat=True))
                    resultaat["escalatie"] += 1
    return resultaat
