"""Writes for leden, vergaderingen, agendapunten and stukken."""

from __future__ import annotations

from datetime import date, time

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max, Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from werkcentrum.isolation import isolated
from werkcentrum.mail import send_mail
from werkcentrum.models import Medewerker
from werkcentrum.site import site_url

from .. import audit
from ..models import (
    Agendapunt,
    Lid,
    Overlegorgaan,
    Stuk,
    StukVersie,
    Vergadering,
)
from ..uploads import stuk_controleren
from .acties import open_acties_doorschuiven

GESLOTEN = (Vergadering.Status.GEHOUDEN, Vergadering.Status.VERSLAG_VASTGESTELD)


# --- leden ---------------------------------------------------------------------------------


@transaction.atomic
def lid_opslaan(*, lid: Lid, door: Medewerker | None, doel: str = audit.LEDENADMINISTRATIE) -> Lid:
    """`doel` is the purpose the secretariaat chose when it opened the lid (doelbinding)."""
    nieuw = lid.pk is None
    lid.full_clean()
    lid.save()
    audit.lid_gewijzigd(lid, user=door, nieuw=nieuw, doel=doel)
    return lid


# --- vergaderingen -------------------------------------------------------------------------


@transaction.atomic
def vergadering_plannen(
    *,
    orgaan: Overlegorgaan,
    datum: date,
    aanvang: time,
    einde: time | None = None,
    locatie: str = "",
    online_link: str = "",
    door: Medewerker | None,
) -> Vergadering:
    vergadering = Vergadering(
        regio=orgaan.regio,
        orgaan=orgaan,
        datum=datum,
        aanvang=aanvang,
        einde=einde,
        locatie=locatie,
        online_link=online_link,
    )
    vergadering.full_clean()
    vergadering.save()
    open_acties_doorschuiven(orgaan=orgaan)
    audit.vergadering_gewijzigd(vergadering, user=door, wat="gepland")
    return vergadering


@transaction.atomic
def vergadering_wijzigen(
    *, vergadering: Vergadering, door: Medewerker | None, **velden
) -> Vergadering:
    """Change date, time or place. Refused once the meeting was held: its date is history."""
    vergadering = Vergadering.objects.select_for_update().get(pk=vergadering.pk)
    if vergadering.status in GESLOTEN:
        raise ValidationError(
            _("Deze vergadering is al gehouden; datum, tijd en plaats liggen vast.")
        )
    for veld, waarde in velden.items():
        if veld not in {"datum", "aanvang", "einde", "locatie", "online_link"}:
            raise TypeError(veld)
        setattr(vergadering, veld, waarde)
    vergadering.full_clean()
    vergadering.save()
    open_acties_doorschuiven(orgaan=vergadering.orgaan)
    audit.vergadering_gewijzigd(vergadering, user=door, wat="gewijzigd")
    return vergadering


def _status_overgang(
    vergadering: Vergadering, van: tuple[str, ...], naar: str, melding: str
) -> Vergadering:
    # Conditional UPDATE: two clicks or two workers cannot both make the same transition.
    nu = timezone.now()
    extra = {}
    if naar == Vergadering.Status.AGENDA_GEPUBLICEERD:
        extra["agenda_gepubliceerd_op"] = nu
    elif naar == Vergadering.Status.VERSLAG_VASTGESTELD:
        extra["verslag_vastgesteld_op"] = nu
    gedaan = Vergadering.objects.filter(pk=vergadering.pk, status__in=van).update(
        status=naar, **extra
    )
    if gedaan != 1:
        raise ValidationError(melding)
    vergadering.refresh_from_db()
    return vergadering


@transaction.atomic
def agenda_publiceren(*, vergadering: Vergadering, door: Medewerker | None) -> Vergadering:
    """Publish the agenda and e-mail the leden (once, by a task after commit)."""
    if not vergadering.agendapunten.exists():
        raise ValidationError(_("Een agenda zonder agendapunten kan niet worden gepubliceerd."))
    vergadering = _status_overgang(
        vergadering,
        (Vergadering.Status.GEPLAND,),
        Vergadering.Status.AGENDA_GEPUBLICEERD,
        _("Alleen de agenda van een geplande vergadering kan worden gepubliceerd."),
    )
    open_acties_doorschuiven(orgaan=vergadering.orgaan)
    audit.vergadering_gewijzigd(vergadering, user=door, wat="agenda_gepubliceerd")
    from ..tasks import agenda_uitnodiging_versturen

    agenda_uitnodiging_versturen.delay_on_commit(vergadering.pk)
    return vergadering


def leden_op(orgaan: Overlegorgaan, datum: date):
    return orgaan.leden.filter(Q(tot__isnull=True) | Q(tot__gte=datum), van__lte=datum)


def agenda_uitnodiging_versturen(*, vergadering_id: int) -> int:
    """Mail the agenda link to every lid active on the meeting date. Idempotent: the sent
    marker is claimed with a conditional UPDATE in the transaction that sends."""
    with transaction.atomic():
        geclaimd = Vergadering.objects.filter(
            pk=vergadering_id,
            uitnodiging_verstuurd_op__isnull=True,
            status=Vergadering.Status.AGENDA_GEPUBLICEERD,
        ).update(uitnodiging_verstuurd_op=timezone.now())
        if geclaimd != 1:
            return 0
        vergadering = Vergadering.objects.select_related("orgaan", "regio").get(pk=vergadering_id)
        leden = list(leden_op(vergadering.orgaan, vergadering.datum))
        url = site_url(vergadering.regio) + vergadering.get_absolute_url()
        context = {"vergadering": vergadering, "url": url}
        onderwerp = _("Agenda %(orgaan)s van %(datum)s") % {
            "orgaan": vergadering.orgaan.naam,
            "datum": vergadering.datum.strftime("%d-%m-%Y"),
        }
        verstuurd = 0
        for lid in leden:
            # One lid whose mail fails (a refused address) is logged; the others get theirs.
            with isolated("agenda_uitnodiging_versturen", lid):
                context["lid"] = lid
                send_mail(
                    onderwerp,
                    render_to_string("rba/mail/agenda.txt", context),
                    None,
                    [lid.email],
                    html_message=render_to_string("rba/mail/agenda.html", context),
                    regio=vergadering.regio,
                )
                verstuurd += 1
        return verstuurd


@transaction.atomic
def vergadering_gehouden(*, vergadering: Vergadering, door: Medewerker | None) -> Vergadering:
    if vergadering.datum > timezone.localdate():
        raise ValidationError(_("Een vergadering in de toekomst kan nog niet gehouden zijn."))
    vergadering = _status_overgang(
        vergadering,
        (Vergadering.Status.AGENDA_GEPUBLICEERD,),
        Vergadering.Status.GEHOUDEN,
        _("Alleen een vergadering met een gepubliceerde agenda kan als gehouden worden gemeld."),
    )
    open_acties_doorschuiven(orgaan=vergadering.orgaan)
    audit.vergadering_gewijzigd(vergadering, user=door, wat="gehouden")
    return vergadering


@transaction.atomic
def verslag_vastleggen(
    *, vergadering: Vergadering, verslag: str, vaststellen: bool = False, door: Medewerker | None
) -> Vergadering:
    vergadering = Vergadering.objects.select_for_update().get(pk=vergadering.pk)
    if vergadering.status != Vergadering.Status.GEHOUDEN:
        raise ValidationError(
            _("Een verslag wordt vastgelegd na de vergadering en voor de vaststelling.")
        )
    if not verslag.strip():
        raise ValidationError({"verslag": _("Vul het verslag in.")})
    vergadering.verslag = verslag
    vergadering.save(update_fields=["verslag"])
    if vaststellen:
        vergadering = _status_overgang(
            vergadering,
            (Vergadering.Status.GEHOUDEN,),
            Vergadering.Status.VERSLAG_VASTGESTELD,
            _("Het verslag is al vastgesteld."),
        )
    audit.vergadering_gewijzigd(vergadering, user=door, wat="verslag")
    return vergadering


@transaction.atomic
def agendapunt_toevoegen(
    *,
    vergadering: Vergadering,
    titel: str,
    type: str,
    toelichting: str = "",
    onderwerp=None,
    evaluatie_periode: str = "",
    door: Medewerker | None,
) -> Agendapunt:
    # Lock the meeting so two secretaries adding at once get distinct positions.
    vergadering = Vergadering.objects.select_for_update().get(pk=vergadering.pk)
    if vergadering.status in GESLOTEN:
        raise ValidationError(_("De agenda van een gehouden vergadering ligt vast."))
    if onderwerp is not None and onderwerp.regio_id != vergadering.regio_id:
        raise ValidationError({"onderwerp": _("Dit onderwerp hoort bij een andere regio.")})
    hoogste = vergadering.agendapunten.aggregate(m=Max("volgorde"))["m"] or 0
    punt = Agendapunt(
        vergadering=vergadering,
        volgorde=hoogste + 1,
        titel=titel,
        type=type,
        toelichting=toelichting,
        onderwerp=onderwerp,
        evaluatie_periode=evaluatie_periode,
    )
    punt.full_clean()
    punt.save()
    audit.vergadering_gewijzigd(vergadering, user=door, wat="agendapunt_toegevoegd")
    return punt


@transaction.atomic
def stuk_uploaden(
    *,
    agendapunt: Agendapunt,
    bestand: UploadedFile,
    titel: str = "",
    stuk: Stuk | None = None,
    openbaar: bool = False,
    door: Medewerker | None,
) -> StukVersie:
    """Add a stuk (or a new version of `stuk`). Refuses other types, mismatching content and
    files over the size limit; earlier versions stay available."""
    _ext, mime, sha = stuk_controleren(bestand)
    if agendapunt.vergadering.status == Vergadering.Status.VERSLAG_VASTGESTELD:
        raise ValidationError(
            _("Na vaststelling van het verslag worden geen stukken meer toegevoegd.")
        )
    if stuk is None:
        if not titel.strip():
            raise ValidationError({"titel": _("Geef het stuk een titel.")})
        stuk = Stuk(agendapunt=agendapunt, titel=titel, openbaar=openbaar)
        stuk.full_clean()
        stuk.save()
    else:
        if stuk.agendapunt_id != agendapunt.pk:
            raise ValidationError(_("Dit stuk hoort bij een ander agendapunt."))
        stuk = Stuk.objects.select_for_update().get(pk=stuk.pk)
    volgende = (stuk.versies.aggregate(m=Max("versie"))["m"] or 0) + 1
    versie = StukVersie(
        stuk=stuk,
        versie=volgende,
        bestandsnaam=bestand.name[-200:],
        mime_type=mime,
        grootte=bestand.size,
        sha256=sha,
        geupload_door=door if getattr(door, "pk", None) else None,
    )
    versie.bestand.save(bestand.name, bestand, save=False)
    # If the transaction fails after this point the row vanishes; remove the file too.
    naam = versie.bestand.name
    storage = versie.bestand.storage
    try:
        versie.full_clean()
        versie.save()
    except Exception:
        storage.delete(naam)
        raise
    audit.stuk_geupload(versie, user=door)
    return versie
