"""Writes of the factsheets: making a frozen version, text sections, publishing, mailing."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from werkcentrum import audit
from werkcentrum.isolation import isolated
from werkcentrum.mail import send_mail
from werkcentrum.models import Arbeidsmarktregio, AuditEvent, Gemeente

from ..factsheet_models import Factsheet, FactsheetOntvanger
from . import links, selectors
from .selectors import Periode


def _versie_qs(regio, periode: str, gemeente):
    qs = Factsheet.objects.filter(regio=regio, periode=periode)
    return qs.filter(gemeente=gemeente) if gemeente else qs.filter(gemeente__isnull=True)


def factsheet_maken(
    *,
    regio: Arbeidsmarktregio,
    periode: Periode,
    gemeente: Gemeente | None = None,
    user=None,
    aanleiding: str = "",
    vandaag: date | None = None,
) -> tuple[Factsheet, bool]:
    """Freeze the figures of a finished half year as a new version. With an `aanleiding` (the
    key of a scheduled run) a second run returns the existing version instead of a new one.
    Returns (factsheet, created)."""
    vandaag = vandaag or timezone.localdate()
    selectors.valideer_periode(periode, vandaag=vandaag, afgelopen=True)
    if gemeente is not None and gemeente.regio_id != regio.pk:
        raise ValidationError(_("Onbekende gemeente in deze regio."), code="gemeente")
    try:
        with transaction.atomic():
            # One maker at a time per regio: the row lock serialises the version numbering
            # and the "already made by this run" check (PostgreSQL; SQLite locks the file).
            Arbeidsmarktregio.objects.select_for_update().get(pk=regio.pk)
            bestaand = _versie_qs(regio, str(periode), gemeente)
            if aanleiding and (eerder := bestaand.filter(aanleiding=aanleiding).first()):
                return eerder, False
            laatste = bestaand.order_by("-versie").first()
            factsheet = Factsheet(
                regio=regio,
                periode=str(periode),
                gemeente=gemeente,
                versie=(laatste.versie + 1) if laatste else 1,
                cijfers=selectors.factsheet_cijfers(
                    regio=regio, periode=periode, gemeente=gemeente, vandaag=vandaag
                ),
                gemaakt_door=user if getattr(user, "pk", None) else None,
                aanleiding=aanleiding,
            )
            if laatste:  # the texts carry over to the new version, to be reviewed
                for veld in Factsheet.TEKSTVELDEN:
                    setattr(factsheet, veld, getattr(laatste, veld))
            factsheet.full_clean()
            factsheet.save()
            audit.vastleggen(
                actie=AuditEvent.Actie.AANGEMAAKT,
                event="wsp_factsheet_gemaakt",
                user=user,
                obj=factsheet,
                details={"periode": str(periode), "versie": factsheet.versie},
            )
            return factsheet, True
    except IntegrityError:
        # A parallel run won the race on the unique constraints: use its version.
        eerder = _versie_qs(regio, str(periode), gemeente).filter(
            Q(aanleiding=aanleiding) if aanleiding else Q()
        )
        factsheet = eerder.order_by("-versie").first()
        if factsheet is None:
            raise
        return factsheet, False


@transaction.atomic
def teksten_opslaan(*, factsheet: Factsheet, user, **teksten: str) -> Factsheet:
    if factsheet.gepubliceerd:
        raise ValidationError(
            _("Deze versie is gepubliceerd en ligt vast; maak een nieuwe versie om te wijzigen.")
        )
    for veld in Factsheet.TEKSTVELDEN:
        if veld in teksten:
            setattr(factsheet, veld, teksten[veld])
    factsheet.full_clean()
    factsheet.save(update_fields=list(Factsheet.TEKSTVELDEN))
    audit.vastleggen(
        actie=AuditEvent.Actie.GEWIJZIGD, event="wsp_factsheet_teksten", user=user, obj=factsheet
    )
    return factsheet


@transaction.atomic
def publiceren(*, factsheet: Factsheet, user) -> Factsheet:
    """Publish the frozen figures together with the text sections, then mail the link."""
    from .tasks import factsheet_versturen

    bijgewerkt = Factsheet.objects.filter(pk=factsheet.pk, gepubliceerd=False).update(
        gepubliceerd=True, gepubliceerd_op=timezone.now()
    )
    factsheet.refresh_from_db()
    if bijgewerkt == 1:
        audit.vastleggen(
            actie=AuditEvent.Actie.GEWIJZIGD,
            event="wsp_factsheet_gepubliceerd",
            user=user,
            obj=factsheet,
        )
        factsheet_versturen.delay_on_commit(factsheet.pk)
    return factsheet


def ontvangers(factsheet: Factsheet):
    qs = FactsheetOntvanger.objects.filter(regio=factsheet.regio_id)
    if factsheet.gemeente_id:
        return qs.filter(gemeente=factsheet.gemeente_id)
    return qs.filter(gemeente__isnull=True)


def versturen(*, factsheet_pk: int) -> int:
    """One e-mail with a personal token link per configured recipient, at most once per
    recipient and version, even when the task runs twice at the same moment: the factsheet's
    row lock serialises the runs, the link row is the sent-marker (unique per recipient and
    version) and is written in the transaction that sends the e-mail, so a failed or killed
    run rolls the links back and the retried task sends them. A recipient added later gets a
    link on the next run. Returns the number of e-mails sent."""
    with transaction.atomic():
        # order_by("pk"): the default ordering joins gemeente, which FOR UPDATE cannot lock.
        factsheet = (
            Factsheet.objects.select_for_update()
            .filter(pk=factsheet_pk, gepubliceerd=True)
            .order_by("pk")
            .first()
        )
        if factsheet is None:
            return 0
        al_verstuurd = set(factsheet.links.values_list("ontvanger_id", flat=True))
        nieuw = [o for o in ontvangers(factsheet) if o.pk not in al_verstuurd]
        if not nieuw:
            return 0
        nu = timezone.now()
        waar = factsheet.gemeente.naam if factsheet.gemeente_id else _("de regio")
        onderwerp = _("Factsheet %(periode)s voor %(waar)s") % {
            "periode": factsheet.periode,
            "waar": waar,
        }
        verstuurd = 0
        for ontvanger in nieuw:
            # Each recipient in a savepoint: a failed mail rolls back only that link (the next
            # run sends it); the other recipients get theirs.
            with isolated("factsheet_versturen", ontvanger):
                link, token = links.link_aanmaken(factsheet=factsheet, ontvanger=ontvanger, nu=nu)
                tekst = _mailtekst(factsheet, link, token, naam=ontvanger.naam, waar=waar)
                send_mail(
                    onderwerp,
                    tekst,
                    settings.DEFAULT_FROM_EMAIL,
                    [ontvanger.email],
                    fail_silently=False,
                    regio=factsheet.regio,
                )
                verstuurd += 1
        Factsheet.objects.filter(pk=factsheet.pk, verstuurd_op__isnull=True).update(verstuurd_op=nu)
        return verstuurd


def _mailtekst(factsheet: Factsheet, link, token: str, *, naam: str, waar: str) -> str:
    geldig_tot = timezone.localtime(link.geldig_tot).strftime("%d-%m-%Y")
    return _(
        "Beste %(naam)s,\n\nDe factsheet %(periode)s voor %(waar)s is gepubliceerd. U opent"
        " hem zonder account via uw persoonlijke link (met de PDF):\n%(link)s\n\n"
        "De link is geldig tot en met %(geldig_tot)s. Stuur hem niet door; vraag het"
        " Werkgeversservicepunt om een link voor een collega.\n\n"
        "Met vriendelijke groet,\nHet Werkgeversservicepunt"
    ) % {
        "naam": naam,
        "periode": factsheet.periode,
        "waar": waar,
        "link": links.link_url(token, regio=factsheet.regio),
        "geldig_tot": geldig_tot,
    }


def halfjaar_factsheets_maken(*, vandaag: date | None = None) -> int:
    """Beat on 1 January and 1 July: the factsheets of the half year that just ended for every
    regio and each of its gemeenten. Idempotent: the run key makes a rerun a no-op."""
    vandaag = vandaag or timezone.localdate()
    periode = Periode.van_datum(vandaag).vorige
    aanleiding = f"halfjaar:{periode}"
    gemaakt = 0
    for regio in Arbeidsmarktregio.objects.order_by("pk"):
        gemeenten = [None, *Gemeente.objects.filter(regio=regio).order_by("naam")]
        for gemeente in gemeenten:
            # One factsheet that cannot be built never costs the other regio's theirs.
            with isolated("halfjaar_factsheets_maken", gemeente or regio):
                _f, nieuw = factsheet_maken(
                    regio=regio,
                    periode=periode,
                    gemeente=gemeente,
                    aanleiding=aanleiding,
                    vandaag=vandaag,
                )
                gemaakt += nieuw
    return gemaakt


def _ontvanger_dubbel(*, regio, gemeente, email: str, behalve: int | None):
    qs = FactsheetOntvanger.objects.filter(regio=regio, email__iexact=email)
    qs = qs.filter(gemeente=gemeente) if gemeente else qs.filter(gemeente__isnull=True)
    return qs.exclude(pk=behalve).exists() if behalve else qs.exists()


def ontvanger_opslaan(
    *,
    regio: Arbeidsmarktregio,
    user,
    naam: str,
    email: str,
    gemeente: Gemeente | None = None,
    ontvanger: FactsheetOntvanger | None = None,
) -> FactsheetOntvanger:
    """Add a recipient of the factsheet of the regio (gemeente empty, e.g. UWV) or of one
    gemeente, or change one. One e-mail address once per factsheet (case-insensitive): the
    database's unique constraint does not cover the regio's factsheet (gemeente NULL), so
    the check runs here, serialised per regio by its row lock. A recipient moved to another
    gemeente keeps the links already sent; the next publication follows the new choice."""
    if gemeente is not None and gemeente.regio_id != regio.pk:
        raise ValidationError({"gemeente": _("Onbekende gemeente in deze regio.")})
    if ontvanger is not None and ontvanger.regio_id != regio.pk:
        raise ValidationError(_("Deze ontvanger hoort niet bij jouw regio."))
    email = email.strip()
    with transaction.atomic():
        Arbeidsmarktregio.objects.select_for_update().get(pk=regio.pk)
        behalve = ontvanger.pk if ontvanger else None
        if _ontvanger_dubbel(regio=regio, gemeente=gemeente, email=email, behalve=behalve):
            raise ValidationError(
                {"email": _("Dit e-mailadres ontvangt deze factsheet al.")}, code="dubbel"
            )
        nieuw = ontvanger is None
        ontvanger = ontvanger or FactsheetOntvanger(regio=regio)
        ontvanger.naam, ontvanger.email, ontvanger.gemeente = naam.strip(), email, gemeente
        ontvanger.full_clean()
        ontvanger.save()
        audit.vastleggen(
            actie=AuditEvent.Actie.AANGEMAAKT if nieuw else AuditEvent.Actie.GEWIJZIGD,
            event="wsp_factsheet_ontvanger_opgeslagen",
            user=user,
            obj=ontvanger,
        )
    return ontvanger


@transaction.atomic
def ontvanger_verwijderen(*, ontvanger: FactsheetOntvanger, user) -> None:
    """Remove a recipient; their personal links go with them (the pages answer 404 from now
    on: FactsheetLink.ontvanger cascades). The audit event keeps the id, not the address."""
    audit.vastleggen(
        actie=AuditEvent.Actie.VERWIJDERD,
        event="wsp_factsheet_ontvanger_verwijderd",
        user=user,
        obj=ontvanger,
        details={"links": ontvanger.links.count()},
    )
    ontvanger.delete()
