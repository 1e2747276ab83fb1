"""Signals for the financieel beheerder: a fund's end date comes near (90 and 30 days before)
while money is unspent, and verplichtingen that have had no realisatie for a year.

Idempotent: a signal is claimed by inserting its `Signaal` row (unique per soort and fund or
verplichting) in the same transaction that sends the mail, so running twice, or two
workers at once, sends each signal once, and a failed send rolls the claim back (the next
run tries again). One failing signal never stops the others (werkcentrum.isolation)."""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext as _

from werkcentrum.isolation import isolated
from werkcentrum.mail import send_mail

from .models import Geldstroom, Mutatie, Signaal
from .saldi import saldi, saldi_per
from .services import euro

DAGEN_90, DAGEN_30 = 90, 30
JAAR = timedelta(days=365)


def _ontvangers(regio_id: int) -> list[str]:
    return list(
        get_user_model()
        .objects.filter(regio_id=regio_id, is_active=True, groups__name="financieel_beheerder")
        .values_list("email", flat=True)
        .distinct()
    )


def _claimen(**velden) -> Signaal | None:
    """Insert the signal; None when it was sent before (by us or a concurrent worker)."""
    try:
        with transaction.atomic():
            return Signaal.objects.create(**velden)
    except IntegrityError:
        return None


def _mailen(signaal: Signaal) -> None:
    # Inside the claiming transaction, not on commit: a mail that fails after the claim
    # committed would be marked sent and lost.
    ontvangers = _ontvangers(signaal.regio_id)
    if ontvangers:
        send_mail(
            subject=_("[Regionale reserve] %(soort)s") % {"soort": signaal.get_soort_display()},
            message=signaal.bericht,
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=ontvangers,
            regio=signaal.regio,
        )


def einddatum_signalen(*, vandaag: date) -> int:
    verstuurd = 0
    fondsen = Geldstroom.objects.filter(
        actief=True, einddatum__gte=vandaag, einddatum__lte=vandaag + timedelta(days=DAGEN_90)
    )
    per = saldi_per(Mutatie.objects.filter(geldstroom__in=fondsen), "geldstroom")
    for fonds in fondsen:
        stand = per.get(fonds.pk)
        if stand is None or stand.saldo <= 0:
            continue  # all spent: nothing to warn about
        dagen = (fonds.einddatum - vandaag).days
        soort = Signaal.Soort.EINDDATUM_30 if dagen <= DAGEN_30 else Signaal.Soort.EINDDATUM_90
        bericht = _(
            "De geldstroom %(naam)s moet op %(einddatum)s besteed zijn (nog %(dagen)s dagen). "
            "Saldo: %(saldo)s, waarvan %(vrij)s nog niet verplicht."
        ) % {
            "naam": fonds.naam,
            "einddatum": fonds.einddatum.strftime("%d-%m-%Y"),
            "dagen": dagen,
            "saldo": euro(stand.saldo),
            "vrij": euro(stand.vrij),
        }
        with isolated("einddatum_signalen", fonds):
            signaal = _claimen(
                regio_id=fonds.regio_id, soort=soort, geldstroom=fonds, bericht=bericht
            )
            if signaal is not None:
                _mailen(signaal)
                verstuurd += 1
    return verstuurd


def verplichtingen_zonder_realisatie(*, vandaag: date) -> int:
    verstuurd = 0
    al_gesignaleerd = Signaal.objects.filter(
        verplichting=OuterRef("pk"), soort=Signaal.Soort.VERPLICHTING_ZONDER_REALISATIE
    )
    kandidaten = (
        Mutatie.objects.filter(soort=Mutatie.Soort.VERPLICHTING, datum__lte=vandaag - JAAR)
        .filter(Q(correctie__isnull=True))
        .exclude(Exists(al_gesignaleerd))
        .select_related("geldstroom", "besluit")
    )
    for v in kandidaten:
        afwikkeling = saldi(Mutatie.objects.filter(verplichting=v))
        if afwikkeling.gerealiseerd or v.bedrag - afwikkeling.vrijgevallen <= 0:
            continue  # something was realised on it (net of corrections), or all released
        bericht = _(
            "Op de verplichting van %(datum)s (%(bedrag)s, besluit %(besluit)s, %(fonds)s: "
            "%(omschrijving)s) is na een jaar nog niets gerealiseerd."
        ) % {
            "datum": v.datum.strftime("%d-%m-%Y"),
            "bedrag": euro(v.bedrag),
            "besluit": v.besluit.nummer,
            "fonds": v.geldstroom.naam,
            "omschrijving": v.omschrijving,
        }
        with isolated("verplichtingen_zonder_realisatie", v):
            signaal = _claimen(
                regio_id=v.regio_id,
                soort=Signaal.Soort.VERPLICHTING_ZONDER_REALISATIE,
                verplichting=v,
                bericht=bericht,
            )
            if signaal is not None:
                _mailen(signaal)
                verstuurd += 1
    return verstuurd


def signalen_versturen(*, vandaag: date) -> int:
    """Both kinds of signal for every regio; returns how many were sent now."""
    return einddatum_signalen(vandaag=vandaag) + verplichtingen_zonder_realisatie(vandaag=vandaag)
