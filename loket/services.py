"""Writes of the loket. Every function: keyword-only, one transaction, full_clean, audit for
personal data, tasks queued on commit."""

from __future__ import annotations

import secrets
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from werkcentrum.isolation import isolated
from werkcentrum.models import Arbeidsmarktregio, Gemeente, Locatie, Medewerker, Organisatie
from werkcentrum.tokens import nieuw_token, token_hash
from werkcentrum.werkdagen import werkdagen_na, werkdagen_tussen

from . import audit, contactroute, mail, reserve
from .models import (
    Bezoekcode,
    Dienst,
    Doelgroep,
    Doorverwijzing,
    DoorverwijzingStap,
    Gesprek,
    LoketInstelling,
    Thema,
    Traject,
    Vraag,
)
from .regiolijsten import doelgroep_controleren, doelgroepen_controleren

if TYPE_CHECKING:
    from wsp.models import Werkgever

S = Doorverwijzing.Status
# The only steps a referral may take; anything else (e.g. afgerond -> verstuurd) is refused.
OVERGANGEN: dict[str, set[str]] = {
    S.VERSTUURD: {S.ONTVANGEN, S.NIET_GELUKT},
    S.ONTVANGEN: {S.CONTACT_GELEGD, S.NIET_GELUKT},
    S.CONTACT_GELEGD: {S.AFGEROND, S.NIET_GELUKT},
    S.AFGEROND: set(),
    S.NIET_GELUKT: set(),
    S.HEROPEND: {S.AFGEROND, S.NIET_GELUKT},
}
PARTNER_HERINNERING_WERKDAGEN = 2
GIDS_SIGNAAL_WERKDAGEN = 5
_CODE_TEKENS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud or from paper


def instelling_voor(regio: Arbeidsmarktregio | int) -> LoketInstelling:
    """The regio's loket settings; the defaults (2 working days, 12 months) when none saved."""
    regio_id = getattr(regio, "pk", regio)
    return LoketInstelling.objects.filter(regio_id=regio_id).first() or LoketInstelling(
        regio_id=regio_id
    )


def antwoordtermijn(*, regio: Arbeidsmarktregio | int, ontvangen_op: datetime | date) -> date:
    """The promised answer date: N working days after receipt (Amsterdam time)."""
    return werkdagen_na(ontvangen_op, instelling_voor(regio).antwoordtermijn_werkdagen)


def _code(lengte: int) -> str:
    return "".join(secrets.choice(_CODE_TEKENS) for _i in range(lengte))


def _referentie() -> str:
    while True:
        ref = f"WC-{_code(4)}-{_code(4)}"
        if not Vraag.objects.filter(referentie=ref).exists():
            return ref


# --- Vragen --------------------------------------------------------------------------------


def _contact_controleren(*, wil_antwoord: bool, email: str, telefoon: str, toestemming: bool):
    fouten = {}
    if wil_antwoord and not (email or telefoon):
        fouten["email"] = _("Vul een e-mailadres of telefoonnummer in, dan kunnen we antwoorden.")
    if (wil_antwoord or email or telefoon) and not toestemming:
        fouten["toestemming"] = _("Geef toestemming om je gegevens voor het antwoord te gebruiken.")
    if fouten:
        raise ValidationError(fouten)


@transaction.atomic
def vraag_stellen(
    *,
    regio: Arbeidsmarktregio,
    thema: Thema,
    tekst: str,
    gemeente: Gemeente | None = None,
    wil_antwoord: bool = True,
    naam: str = "",
    email: str = "",
    telefoon: str = "",
    toestemming: bool = False,
    nu: datetime | None = None,
) -> Vraag:
    """An inwoner asks a question on the website; returns it with referentie and deadline."""
    nu = nu or timezone.now()
    _contact_controleren(
        wil_antwoord=wil_antwoord, email=email, telefoon=telefoon, toestemming=toestemming
    )
    if gemeente is not None and gemeente.regio_id != regio.pk:
        raise ValidationError({"gemeente": _("Deze gemeente hoort niet bij deze regio.")})
    persoonlijk = wil_antwoord or bool(email or telefoon)
    vraag = Vraag(
        regio=regio,
        referentie=_referentie(),
        thema=thema,
        gemeente=gemeente,
        tekst=tekst,
        wil_antwoord=wil_antwoord,
        naam=naam if persoonlijk else "",
        email=email if persoonlijk else "",
        telefoon=telefoon if persoonlijk else "",
        toestemming_op=nu if persoonlijk else None,
        ontvangen_op=nu,
        antwoord_uiterlijk=antwoordtermijn(regio=regio, ontvangen_op=nu),
    )
    vraag.full_clean()
    vraag.save()
    if vraag.email:
        from .tasks import vraag_ontvangst_mailen

        vraag_ontvangst_mailen.delay_on_commit(vraag.pk)
    return vraag


def vraag_ontvangst_versturen(*, vraag_pk: int) -> bool:
    """Confirm receipt to the inwoner once (reference and promised date): the sent-marker is
    claimed in the transaction that mails, so a retried task sends nothing twice."""
    with transaction.atomic():
        if (
            Vraag.objects.filter(pk=vraag_pk, ontvangst_verstuurd_op=None)
            .exclude(email="")
            .update(ontvangst_verstuurd_op=timezone.now())
            != 1
        ):
            return False
        mail.vraag_ontvangen(Vraag.objects.get(pk=vraag_pk))
    return True


@transaction.atomic
def toeleiding_aanmelden(
    *,
    door: Medewerker,
    thema: Thema,
    tekst: str,
    gemeente: Gemeente | None = None,
    naam: str = "",
    email: str = "",
    telefoon: str = "",
    toestemming: bool = False,
) -> Vraag:
    """Inbound warme toeleiding by a partnermedewerker; lands in the gidsen queue."""
    if not door.heeft_rol("partnermedewerker") or door.regio_id is None:
        raise PermissionDenied
    if not toestemming:
        raise ValidationError(
            {"toestemming": _("Leg vast dat de persoon toestemming gaf voor deze toeleiding.")}
        )
    _contact_controleren(wil_antwoord=True, email=email, telefoon=telefoon, toestemming=True)
    nu = timezone.now()
    vraag = Vraag(
        regio=door.regio,
        referentie=_referentie(),
        bron=Vraag.Bron.TOELEIDING,
        thema=thema,
        gemeente=gemeente,
        tekst=tekst,
        naam=naam,
        email=email,
        telefoon=telefoon,
        toestemming_op=nu,
        ontvangen_op=nu,
        antwoord_uiterlijk=antwoordtermijn(regio=door.regio, ontvangen_op=nu),
        aangemeld_door=door,
        van_organisatie=door.organisatie,
    )
    vraag.full_clean()
    vraag.save()
    audit.aangemaakt(vraag, user=door, doel="warme toeleiding")
    return vraag


def _open_vraag(vraag: Vraag) -> Vraag:
    vraag = Vraag.objects.select_for_update().get(pk=vraag.pk)
    if not vraag.is_open:
        raise ValidationError(_("Deze vraag is al afgehandeld."))
    return vraag


@transaction.atomic
def vraag_toewijzen(*, vraag: Vraag, aan: Medewerker, door: Medewerker) -> Vraag:
    vraag = _open_vraag(vraag)
    if aan.regio_id != vraag.regio_id or not aan.heeft_rol("gids", "coordinator"):
        raise ValidationError({"aan": _("Wijs de vraag toe aan een gids van deze regio.")})
    vraag.toegewezen_aan = aan
    vraag.status = Vraag.Status.TOEGEWEZEN
    vraag.save(update_fields=["toegewezen_aan", "status"])
    if aan.pk != door.pk:
        transaction.on_commit(lambda: mail.vraag_toegewezen(vraag, aan=aan, door=door))
    return vraag


@transaction.atomic
def vraag_beantwoorden(*, vraag: Vraag, antwoord: str, door: Medewerker) -> Vraag:
    """Record the answer and mail it to the inwoner (on commit) when they left an address."""
    vraag = _open_vraag(vraag)
    if not antwoord.strip():
        raise ValidationError({"antwoord": _("Schrijf het antwoord.")})
    vraag.antwoord = antwoord
    vraag.status = Vraag.Status.BEANTWOORD
    vraag.beantwoord_op = timezone.now()
    vraag.beantwoord_door = door
    vraag.toegewezen_aan = vraag.toegewezen_aan or door
    vraag.save()
    audit.gewijzigd(vraag, user=door, doel="vraag beantwoorden", velden=["antwoord"])
    if vraag.email:
        from .tasks import vraag_antwoord_mailen

        vraag_antwoord_mailen.delay_on_commit(vraag.pk)
    return vraag


@transaction.atomic
def vraag_sluiten(
    *, vraag: Vraag, door: Medewerker, reden: str = "", bevestigd: bool = False
) -> Vraag:
    """Close a question. Without an answer the inwoner's promise is broken: that needs a
    reason and an explicit confirmation, and can be undone (vraag_heropenen)."""
    vraag = Vraag.objects.select_for_update().get(pk=vraag.pk)
    if vraag.status == Vraag.Status.GESLOTEN:
        raise ValidationError(_("Deze vraag is al gesloten."))
    if vraag.is_open:
        fouten = {}
        if not reden.strip():
            fouten["reden"] = _("Geef de reden waarom deze vraag zonder antwoord sluit.")
        if not bevestigd:
            fouten["bevestigd"] = _("Bevestig dat je deze vraag zonder antwoord wilt sluiten.")
        if fouten:
            raise ValidationError(fouten)
        vraag.status_voor_sluiten = vraag.status
    vraag.sluitreden = reden.strip()
    vraag.status = Vraag.Status.GESLOTEN
    vraag.gesloten_op = timezone.now()
    vraag.full_clean()
    vraag.save(update_fields=["status", "gesloten_op", "sluitreden", "status_voor_sluiten"])
    return vraag


@transaction.atomic
def vraag_heropenen(*, vraag: Vraag, door: Medewerker) -> Vraag:
    """Undo closing a question without an answer: it is open again with its old status."""
    vraag = Vraag.objects.select_for_update().get(pk=vraag.pk)
    if vraag.status != Vraag.Status.GESLOTEN or not vraag.status_voor_sluiten:
        raise ValidationError(_("Alleen een zonder antwoord gesloten vraag gaat weer open."))
    vraag.status = vraag.status_voor_sluiten
    vraag.status_voor_sluiten = ""
    vraag.sluitreden = ""
    vraag.gesloten_op = None
    vraag.save(update_fields=["status", "status_voor_sluiten", "sluitreden", "gesloten_op"])
    return vraag


def vraag_termijnen_bewaken(*, vandaag: date | None = None) -> tuple[int, int]:
    """Warn the assignee (or the coordinators) the working day before the deadline and the
    coordinators once it is missed. Idempotent: each warning is claimed before sending."""
    vandaag = vandaag or timezone.localdate()
    open_ = Vraag.objects.filter(status__in=[Vraag.Status.NIEUW, Vraag.Status.TOEGEWEZEN])
    gewaarschuwd = verlopen = 0
    bijna = open_.filter(
        waarschuwing_verstuurd_op=None,
        antwoord_uiterlijk__gte=vandaag,
        antwoord_uiterlijk__lte=werkdagen_na(vandaag, 1),
    ).select_related("regio", "toegewezen_aan")
    for vraag in bijna:
        with isolated("vraag_termijnen_bewaken", vraag):
            if (
                Vraag.objects.filter(pk=vraag.pk, waarschuwing_verstuurd_op=None).update(
                    waarschuwing_verstuurd_op=timezone.now()
                )
                != 1
            ):
                continue  # another worker got there first
            aan = (
                [vraag.toegewezen_aan]
                if vraag.toegewezen_aan
                else mail.coordinatoren(vraag.regio_id)
            )
            mail.vraag_termijn_bijna(vraag, aan)
            gewaarschuwd += 1
    te_laat = open_.filter(verlopen_gemeld_op=None, antwoord_uiterlijk__lt=vandaag).select_related(
        "regio"
    )
    for vraag in te_laat:
        with isolated("vraag_termijnen_bewaken", vraag):
            if (
                Vraag.objects.filter(pk=vraag.pk, verlopen_gemeld_op=None).update(
                    verlopen_gemeld_op=timezone.now()
                )
                != 1
            ):
                continue
            aan = mail.coordinatoren(vraag.regio_id)
            mail.vraag_termijn_verlopen(vraag, aan)
            verlopen += 1
    return gewaarschuwd, verlopen


# --- Gesprekken ----------------------------------------------------------------------------


@transaction.atomic
def bezoekcode_maken(*, regio: Arbeidsmarktregio) -> Bezoekcode:
    while True:
        code = _code(6)
        if not Bezoekcode.objects.filter(code=code).exists():
            return Bezoekcode.objects.create(regio=regio, code=code)


@transaction.atomic
def gesprek_registreren(
    *,
    gids: Medewerker,
    kanaal: str,
    doelgroep: Doelgroep,
    themas: list[Thema],
    uitkomst: str,
    locatie: Locatie | None = None,
    leeftijdscategorie: str = Gesprek.Leeftijd.ONBEKEND,
    woongemeente: Gemeente | None = None,
    notitie: str = "",
    bezoekcode: str = "",
    nieuwe_bezoekcode: bool = False,
    datum: date | None = None,
) -> Gesprek:
    """An anonymous conversation. A visit code links repeat visits without personal data."""
    if gids.regio_id is None:
        raise ValidationError(_("Een gesprek hoort bij een regio; kies eerst een regio."))
    if not themas:
        raise ValidationError({"themas": _("Kies minstens één thema.")})
    doelgroep_controleren(regio=gids.regio_id, doelgroep=doelgroep)
    code = None
    if bezoekcode:
        code = Bezoekcode.objects.filter(regio_id=gids.regio_id, code=bezoekcode.upper()).first()
        if code is None:
            raise ValidationError({"bezoekcode": _("Deze bezoekcode kennen we niet.")})
    elif nieuwe_bezoekcode:
        code = bezoekcode_maken(regio=gids.regio)
    gesprek = Gesprek(
        regio_id=gids.regio_id,
        gids=gids,
        kanaal=kanaal,
        doelgroep=doelgroep,
        uitkomst=uitkomst,
        locatie=locatie,
        leeftijdscategorie=leeftijdscategorie,
        woongemeente=woongemeente,
        notitie=notitie,
        bezoekcode=code,
        datum=datum or timezone.localdate(),
    )
    # The related objects come as instances (from the form's regio-scoped choices): checking
    # that each exists would cost a query apiece on every registration.
    gesprek.full_clean(
        exclude=["regio", "gids", "doelgroep", "locatie", "woongemeente", "bezoekcode"]
    )
    gesprek.save()
    gesprek.themas.set(themas)
    return gesprek


# --- Sociale kaart -------------------------------------------------------------------------


def mag_dienst_beheren(user: Medewerker, organisatie: Organisatie) -> bool:
    """The regio's beheerder and coordinator manage all; a partner only its own services."""
    if user.is_superuser:
        return True
    if user.regio_id != organisatie.regio_id:
        return False
    if user.heeft_rol("beheerder", "coordinator"):
        return True
    return user.heeft_rol("partnermedewerker") and user.organisatie_id == organisatie.pk


@transaction.atomic
def dienst_opslaan(
    *,
    dienst: Dienst,
    door: Medewerker,
    doelgroepen: list[Doelgroep],
    themas: list[Thema],
    gemeenten: list[Gemeente],
) -> Dienst:
    if not dienst.organisatie_id or not mag_dienst_beheren(door, dienst.organisatie):
        raise PermissionDenied
    dienst.regio_id = dienst.organisatie.regio_id
    if any(g.regio_id != dienst.regio_id for g in gemeenten):
        raise ValidationError({"gemeenten": _("Kies gemeenten uit deze regio.")})
    doelgroepen_controleren(
        regio=dienst.regio_id,
        doelgroepen=doelgroepen,
        huidig=dienst.doelgroepen.all() if dienst.pk else (),
    )
    dienst.full_clean()
    dienst.save()
    dienst.doelgroepen.set(doelgroepen)
    dienst.themas.set(themas)
    dienst.gemeenten.set(gemeenten)
    return dienst


# --- Warme doorverwijzing ------------------------------------------------------------------


@transaction.atomic
def doorverwijzing_maken(
    *,
    door: Medewerker,
    dienst: Dienst,
    samenvatting: str,
    toestemming: bool,
    toestemming_gegevens: str,
    naam: str = "",
    email: str = "",
    telefoon: str = "",
    gesprek: Gesprek | None = None,
    vraag: Vraag | None = None,
    werkgever: Werkgever | None = None,
    aanleiding: str = "",
    woongemeente: Gemeente | None = None,
) -> Doorverwijzing:
    """Refer a person to a partner's dienst. Refused without consent, outside the regio or
    when the organisation has no contact route (loket.contactroute). The organisation gets an
    e-mail with a link only.

    With `werkgever` it is an adviseur of the WSP referring that werkgever's werknemer (issue
    23 point 4): the adviseur must have edit rights on the account, give the `aanleiding` and
    an e-mail address or phone number (there is no gesprek to fall back on). Deadlines,
    reminders, steps and links are the same as for a gids's referral: this is the one place
    a referral is made."""
    if werkgever is not None:
        _wsp_verwijzing_controleren(
            door=door, werkgever=werkgever, aanleiding=aanleiding, email=email, telefoon=telefoon
        )
    if not toestemming or not toestemming_gegevens.strip():
        raise ValidationError(
            {
                "toestemming": _(
                    "Zonder toestemming van de persoon kan er niet worden doorverwezen. "
                    "Leg vast voor welke gegevens de persoon toestemming gaf."
                )
            }
        )
    if dienst.regio_id != door.regio_id or dienst.organisatie.regio_id != door.regio_id:
        raise ValidationError(
            {"dienst": _("Verwijs alleen door naar een organisatie in jouw regio.")}
        )
    if not dienst.actief or not dienst.organisatie.actief:
        raise ValidationError({"dienst": _("Deze dienst is niet meer actief.")})
    for bron in (gesprek, vraag):
        if bron is not None and bron.regio_id != door.regio_id:
            raise ValidationError(_("Dit gesprek of deze vraag hoort bij een andere regio."))
    if woongemeente is not None and woongemeente.regio_id != door.regio_id:
        raise ValidationError({"woongemeente": _("Kies een woongemeente in jouw regio.")})
    # Refused before anything is written: a referral that reaches nobody is no referral.
    contactroute.route_vereist(dienst.organisatie)
    nu = timezone.now()
    dv = Doorverwijzing(
        regio_id=door.regio_id,
        dienst=dienst,
        organisatie=dienst.organisatie,
        gesprek=gesprek,
        vraag=vraag,
        werkgever=werkgever,
        aanleiding=aanleiding if werkgever is not None else "",
        woongemeente=woongemeente,
        naam=naam,
        email=email,
        telefoon=telefoon,
        samenvatting=samenvatting,
        toestemming_op=nu,
        toestemming_gegevens=toestemming_gegevens,
        toestemming_door=door,
        verwezen_door=door,
        verstuurd_op=nu,
        reactie_uiterlijk=contactroute.reactie_uiterlijk(dienst=dienst, verstuurd_op=nu),
    )
    dv.full_clean()
    dv.save()
    DoorverwijzingStap.objects.create(doorverwijzing=dv, status=dv.status, tijdstip=nu, door=door)
    audit.aangemaakt(dv, user=door, doel="warme doorverwijzing")
    from .tasks import doorverwijzing_melden

    doorverwijzing_melden.delay_on_commit(dv.pk)
    return dv


def _wsp_verwijzing_controleren(
    *, door: Medewerker, werkgever: Werkgever, aanleiding: str, email: str, telefoon: str
) -> None:
    # The WSP's own rule for who acts on an account (an import, not a copy of it).
    from wsp.services import mag_werkgever_bewerken

    if werkgever.regio_id != door.regio_id or not mag_werkgever_bewerken(door, werkgever):
        raise PermissionDenied
    fouten = {}
    if aanleiding not in Doorverwijzing.Aanleiding.values:
        fouten["aanleiding"] = _("Kies de aanleiding van de doorverwijzing.")
    if not (email or telefoon):
        fouten["email"] = _(
            "Vul een e-mailadres of telefoonnummer in, zodat de organisatie de werknemer kan "
            "bereiken."
        )
    if fouten:
        raise ValidationError(fouten)


def mag_status_zetten(user: Medewerker, dv: Doorverwijzing, status: str) -> bool:
    """Partners move their own referrals forward; the gids handles a reopened one."""
    if user.regio_id != dv.regio_id and not user.is_superuser:
        return False
    if dv.status == S.HEROPEND:
        return user.pk == dv.verwezen_door_id or user.heeft_rol("coordinator")
    if status == S.NIET_GELUKT and user.heeft_rol("coordinator"):
        return True  # the coordinator closes a referral that is stuck
    return user.heeft_rol("partnermedewerker") and user.organisatie_id == dv.organisatie_id


@transaction.atomic
def doorverwijzing_status_wijzigen(
    *,
    doorverwijzing: Doorverwijzing,
    status: str,
    door: Medewerker | None,
    toelichting: str = "",
    doel: str = "warme doorverwijzing opvolgen",
) -> Doorverwijzing:
    dv = Doorverwijzing.objects.select_for_update().get(pk=doorverwijzing.pk)
    if status not in OVERGANGEN.get(dv.status, set()):
        raise ValidationError(
            {
                "status": _("Van '%(van)s' naar '%(naar)s' kan niet.")
                % {
                    "van": dv.get_status_display(),
                    "naar": S(status).label if status in S.values else status,
                }
            }
        )
    if door is not None and not mag_status_zetten(door, dv, status):
        raise PermissionDenied
    if status == S.NIET_GELUKT and not toelichting.strip():
        raise ValidationError({"toelichting": _("Geef de reden waarom het niet gelukt is.")})
    nu = timezone.now()
    dv.status = status
    if status == S.ONTVANGEN:
        dv.ontvangen_op = nu
    elif status == S.CONTACT_GELEGD:
        dv.contact_gelegd_op = nu
    elif status in Doorverwijzing.GESLOTEN:
        dv.afgesloten_op = nu
        if status == S.NIET_GELUKT:
            dv.reden_niet_gelukt = toelichting
    dv.full_clean()
    dv.save()
    DoorverwijzingStap.objects.create(
        doorverwijzing=dv, status=status, tijdstip=nu, door=door, toelichting=toelichting
    )
    audit.gewijzigd(dv, user=door, doel=doel, velden=["status"])
    if status in Doorverwijzing.GESLOTEN and dv.email and dv.tevredenheid_verstuurd_op is None:
        from .tasks import tevredenheid_vragen

        tevredenheid_vragen.delay_on_commit(dv.pk)
    return dv


def doorverwijzingen_opvolgen(*, nu: datetime | None = None) -> tuple[int, int]:
    """Remind the partner after 2 working days without 'ontvangen' and tell the gids after 5
    working days without 'contact gelegd'. Each exactly once: the mail goes out inside the
    transaction that claims its sent-marker, so a failed or killed send rolls the claim back."""
    nu = nu or timezone.now()
    vandaag = timezone.localdate(nu)
    # Working days are counted from the send date; the cut-off limits the rows we look at.
    grens_partner = vandaag - timedelta(days=PARTNER_HERINNERING_WERKDAGEN)
    grens_gids = vandaag - timedelta(days=GIDS_SIGNAAL_WERKDAGEN)
    partners = gidsen = 0
    for dv in Doorverwijzing.objects.filter(
        status=S.VERSTUURD, partner_herinnerd_op=None, verstuurd_op__date__lte=grens_partner
    ).select_related("regio", "organisatie", "dienst"):
        if (
            werkdagen_tussen(timezone.localdate(dv.verstuurd_op), vandaag)
            < PARTNER_HERINNERING_WERKDAGEN
        ):
            continue
        with isolated("doorverwijzingen_opvolgen", dv):
            if (
                Doorverwijzing.objects.filter(
                    pk=dv.pk, status=S.VERSTUURD, partner_herinnerd_op=None
                ).update(partner_herinnerd_op=nu)
                != 1
            ):
                continue
            _partner_herinneren(dv)
            partners += 1
    for dv in Doorverwijzing.objects.filter(
        status__in=[S.VERSTUURD, S.ONTVANGEN],
        gids_geinformeerd_op=None,
        verstuurd_op__date__lte=grens_gids,
    ).select_related("regio", "organisatie", "verwezen_door"):
        if werkdagen_tussen(timezone.localdate(dv.verstuurd_op), vandaag) < GIDS_SIGNAAL_WERKDAGEN:
            continue
        with isolated("doorverwijzingen_opvolgen", dv):
            if (
                Doorverwijzing.objects.filter(
                    pk=dv.pk, status__in=[S.VERSTUURD, S.ONTVANGEN], gids_geinformeerd_op=None
                ).update(gids_geinformeerd_op=nu)
                != 1
            ):
                continue
            mail.doorverwijzing_zonder_contact(dv)
            gidsen += 1
    return partners, gidsen


def _partner_herinneren(dv: Doorverwijzing) -> None:
    """Partnermedewerkers get the reminder behind the login; an organisation reached through
    its functional mailbox gets a fresh link (the earlier one is revoked)."""
    route = contactroute.contactroute(dv.organisatie)
    if route.medewerkers or not route.mailbox:
        mail.doorverwijzing_herinnering_partner(dv)
        return
    link, token = contactroute.link_aanmaken(doorverwijzing=dv, aan=route.mailbox)
    mail.doorverwijzing_via_mailbox(dv, token=token, link=link, herinnering=True)


def tevredenheid_versturen(*, doorverwijzing_pk: int) -> bool:
    """Mail the single-use satisfaction link once: the claim (conditional UPDATE) and the mail
    share a transaction, so a failed or killed send is retried instead of lost. Only the
    token's hash is stored, with an expiry (LOKET_TEVREDENHEID_LINK_DAGEN)."""
    token = nieuw_token()
    nu = timezone.now()
    with transaction.atomic():
        if (
            Doorverwijzing.objects.filter(pk=doorverwijzing_pk, tevredenheid_verstuurd_op=None)
            .exclude(email="")
            .update(
                tevredenheid_verstuurd_op=nu,
                tevredenheid_token_hash=token_hash(token),
                tevredenheid_geldig_tot=nu + timedelta(days=settings.LOKET_TEVREDENHEID_LINK_DAGEN),
            )
            != 1
        ):
            return False
        dv = Doorverwijzing.objects.select_related("regio").get(pk=doorverwijzing_pk)
        mail.tevredenheidsvraag(dv, token)  # inside the claim: a failed send rolls it back
    return True


def tevredenheid_link(*, regio, token: str) -> Doorverwijzing | None:
    """The referral whose open, unexpired satisfaction link `token` is, in `regio`."""
    if not token or len(token) > 100:
        return None
    return (
        Doorverwijzing.objects.in_regio(regio)
        .filter(
            tevredenheid_token_hash=token_hash(token), tevredenheid_geldig_tot__gt=timezone.now()
        )
        .first()
    )


@transaction.atomic
def tevredenheid_beantwoorden(*, token: str, tevreden: bool) -> Doorverwijzing | None:
    """Single use: the token is cleared as the answer is stored. A 'no' reopens the referral
    for the gids. Returns None for an unknown, used or expired link."""
    if not token or len(token) > 100:
        return None
    dv = (
        Doorverwijzing.objects.select_for_update()
        .filter(
            tevredenheid_token_hash=token_hash(token), tevredenheid_geldig_tot__gt=timezone.now()
        )
        .first()
    )
    if dv is None:
        return None
    dv.tevredenheid_token_hash = None
    dv.tevreden = tevreden
    dv.tevredenheid_beantwoord_op = timezone.now()
    velden = ["tevredenheid_token_hash", "tevreden", "tevredenheid_beantwoord_op"]
    if not tevreden and dv.status in Doorverwijzing.GESLOTEN:
        dv.status = S.HEROPEND
        dv.afgesloten_op = None
        velden += ["status", "afgesloten_op"]
        DoorverwijzingStap.objects.create(
            doorverwijzing=dv, status=S.HEROPEND, toelichting=_("Persoon is niet tevreden.")
        )
        transaction.on_commit(lambda: mail.doorverwijzing_heropend(dv))
    dv.save(update_fields=velden)
    return dv


# --- Trajecten -----------------------------------------------------------------------------


def traject_kosten_vastleggen(*, traject: Traject, kosten: Decimal, door: Medewerker) -> Traject:
    """The one place where a traject's cost is recorded (rounded to cents). Once the cost is
    committed in the regionale reserve (loket.reserve) it can only change there."""
    kosten = Decimal(kosten).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    reserve.kosten_wijziging_toegestaan(traject=traject, nieuwe_kosten=kosten)
    traject.kosten = kosten
    return traject


@transaction.atomic
def traject_registreren(
    *,
    door: Medewerker,
    soort: str,
    aanbieder: Organisatie,
    startdatum: date,
    kosten: Decimal,
    toestemming: bool,
    toestemming_gegevens: str,
    naam: str = "",
    email: str = "",
    telefoon: str = "",
    einddatum: date | None = None,
    gesprek: Gesprek | None = None,
) -> Traject:
    if not toestemming or not toestemming_gegevens.strip():
        raise ValidationError(
            {"toestemming": _("Zonder toestemming van de persoon start er geen traject.")}
        )
    if aanbieder.regio_id != door.regio_id:
        raise ValidationError({"aanbieder": _("Kies een aanbieder in jouw regio.")})
    traject = Traject(
        regio_id=door.regio_id,
        soort=soort,
        aanbieder=aanbieder,
        startdatum=startdatum,
        einddatum=einddatum,
        naam=naam,
        email=email,
        telefoon=telefoon,
        gesprek=gesprek,
        toestemming_op=timezone.now(),
        toestemming_gegevens=toestemming_gegevens,
        toestemming_door=door,
        kosten=Decimal("0.00"),
    )
    traject_kosten_vastleggen(traject=traject, kosten=kosten, door=door)
    traject.full_clean()
    traject.save()
    reserve.kosten_vastleggen(traject=traject, door=door)
    audit.aangemaakt(traject, user=door, doel="traject")
    return traject


@transaction.atomic
def traject_bijwerken(
    *,
    traject: Traject,
    door: Medewerker,
    status: str,
    einddatum: date | None,
    resultaat: str,
    kosten: Decimal,
    doel: str = "traject",
) -> Traject:
    traject = Traject.objects.select_for_update().get(pk=traject.pk)
    if traject.status in Traject.GESLOTEN and status != traject.status:
        raise ValidationError({"status": _("Een afgesloten traject gaat niet meer open.")})
    traject.status = status
    traject.einddatum = einddatum
    traject.resultaat = resultaat
    if status in Traject.GESLOTEN and traject.afgesloten_op is None:
        traject.afgesloten_op = timezone.now()
    traject_kosten_vastleggen(traject=traject, kosten=kosten, door=door)
    traject.full_clean()
    traject.save()
    reserve.kosten_vastleggen(traject=traject, door=door)
    reserve.kosten_afwikkelen(traject=traject, door=door)
    audit.gewijzigd(traject, user=door, doel=doel, velden=["status", "resultaat", "kosten"])
    return traject


# --- Bewaartermijn -------------------------------------------------------------------------


def _maanden_terug(nu: datetime, maanden: int) -> datetime:
    jaar, maand = divmod(nu.month - 1 - maanden, 12)
    dag = min(nu.day, 28)
    return nu.replace(year=nu.year + jaar, month=maand + 1, day=dag)


def _opschonen(qs, nu: datetime) -> int:
    aantal = 0
    for obj in qs:
        with transaction.atomic():
            if not persoonsgegevens_wissen(obj, nu=nu):
                continue
            audit.verwijderd_na_bewaartermijn(obj)
        aantal += 1
    return aantal


# What erasing a record's personal data empties, per model: used by the retention task and by a
# verwijderverzoek (werkcentrum/personen.py). The rows stay, so every count stays.
_LEEG = {"naam": "", "email": "", "telefoon": ""}
WISSEN: dict[type, dict[str, object]] = {
    Vraag: {**_LEEG, "tekst": "", "antwoord": ""},
    Doorverwijzing: {**_LEEG, "samenvatting": "", "tevredenheid_token_hash": None},
    Traject: {**_LEEG, "resultaat": ""},
}


def persoonsgegevens_wissen(obj: Vraag | Doorverwijzing | Traject, *, nu: datetime) -> bool:
    """Empty the personal data of one record (once: False if it was already done)."""
    gewist = (
        type(obj)
        .objects.filter(pk=obj.pk, persoonsgegevens_verwijderd_op=None)
        .update(persoonsgegevens_verwijderd_op=nu, **WISSEN[type(obj)])
    )
    if gewist and isinstance(obj, Doorverwijzing):
        # A step's note may name the person ("gebeld met ..."); the steps themselves stay.
        obj.stappen.exclude(toelichting="").update(toelichting="")
    return gewist == 1


def persoonsgegevens_opschonen(*, nu: datetime | None = None) -> int:
    """Remove personal data of closed vragen, doorverwijzingen and trajecten, and of returned
    or withdrawn handovers to the WSP, older than the regio's bewaartermijn. The rows (and so
    the counts) stay. Idempotent."""
    nu = nu or timezone.now()
    totaal = 0
    for regio in Arbeidsmarktregio.objects.all():
        with isolated("persoonsgegevens_opschonen", regio):
            totaal += _regio_opschonen(regio, nu)
    return totaal


def _regio_opschonen(regio: Arbeidsmarktregio, nu: datetime) -> int:
    """One regio's share of persoonsgegevens_opschonen; returns how many rows were cleared."""
    totaal = 0
    grens = _maanden_terug(nu, instelling_voor(regio).bewaartermijn_maanden)
    basis = {"regio": regio, "persoonsgegevens_verwijderd_op": None}
    totaal += _opschonen(
        Vraag.objects.filter(
            Q(status=Vraag.Status.GESLOTEN, gesloten_op__lt=grens)
            | Q(status=Vraag.Status.BEANTWOORD, beantwoord_op__lt=grens),
            **basis,
        ).only("pk", "regio_id"),
        nu,
    )
    totaal += _opschonen(
        Doorverwijzing.objects.filter(
            **basis, status__in=Doorverwijzing.GESLOTEN, afgesloten_op__lt=grens
        ).only("pk", "regio_id"),
        nu,
    )
    totaal += _opschonen(
        Traject.objects.filter(**basis, status__in=Traject.GESLOTEN, afgesloten_op__lt=grens).only(
            "pk", "regio_id"
        ),
        nu,
    )
    # Handovers to the WSP that were returned or withdrawn: the same bewaartermijn.
    from wsp.services.overdracht import overdrachten_opschonen

    totaal += overdrachten_opschonen(regio=regio, grens=grens, nu=nu)
    return totaal
