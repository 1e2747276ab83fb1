"""The WSP's tiles on the werkplek (werkcentrum.werkplek): what waits for an adviseur today.
Each tile counts, in SQL and within the user's regio, exactly the rows of the list it links
to: both use the same selector and the same period (`Termijn`)."""

from __future__ import annotations

from datetime import date, timedelta
from urllib.parse import urlencode

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from werkcentrum.werkplek import Tegel

from . import selectors
from .models import Overdracht


class Termijn:
    """The periods of the nazorg and opvolgingen lists (their filter values)."""

    VERLOPEN = "verlopen"  # due before today
    DEZE_WEEK = "week"  # due today up to and including Sunday
    NU = "nu"  # due today or before


def einde_week(vandaag: date) -> date:
    """The Sunday of `vandaag`'s week (a week runs Monday to Sunday)."""
    return vandaag + timedelta(days=6 - vandaag.weekday())


def termijn_q(termijn: str, *, vandaag: date, veld: str) -> Q:
    """The rows of `termijn` by the date field `veld`; an unknown termijn filters nothing."""
    if termijn == Termijn.VERLOPEN:
        return Q(**{f"{veld}__lt": vandaag})
    if termijn == Termijn.DEZE_WEEK:
        return Q(**{f"{veld}__gte": vandaag, f"{veld}__lte": einde_week(vandaag)})
    if termijn == Termijn.NU:
        return Q(**{f"{veld}__lte": vandaag})
    return Q()


def _url(naam: str, **params: str) -> str:
    return f"{reverse(naam)}?{urlencode(params)}" if params else reverse(naam)


def tegels(*, user, vandaag: date) -> list[Tegel]:
    """Open verzoeken, opvolgingen due, nazorg due this week, nazorg overdue, handovers
    waiting for a decision: four queries, whatever the numbers."""
    verzoeken = selectors.open_verzoeken(user=user).order_by().count()
    opvolgingen = (
        selectors.mijn_opvolgingen(user=user)
        .filter(termijn_q(Termijn.NU, vandaag=vandaag, veld="opvolgdatum"))
        .order_by()
        .count()
    )
    nazorg = (
        selectors.nazorg_open(user=user)
        # Both tiles end on Sunday: the open moments due later (most of them) are not read.
        .filter(vervaldatum__lte=einde_week(vandaag))
        .order_by()
        .aggregate(
            week=Count(
                "pk", filter=termijn_q(Termijn.DEZE_WEEK, vandaag=vandaag, veld="vervaldatum")
            ),
            verlopen=Count(
                "pk", filter=termijn_q(Termijn.VERLOPEN, vandaag=vandaag, veld="vervaldatum")
            ),
        )
    )
    # The same selector and status as the inbox the tile links to.
    aangeboden = (
        selectors.overdrachten_voor(user=user)
        .filter(status=Overdracht.Status.AANGEBODEN)
        .order_by()
        .count()
    )
    return [
        Tegel(
            titel=ngettext("open werkgeversverzoek", "open werkgeversverzoeken", verzoeken),
            omschrijving=_("Verzoeken van werkgevers in je regio die nog geen reactie hebben."),
            aantal=verzoeken,
            url=_url("wsp:verzoeken"),
        ),
        Tegel(
            titel=ngettext("opvolging voor vandaag", "opvolgingen voor vandaag", opvolgingen),
            omschrijving=_("Jouw afspraken met werkgevers om op te volgen, vandaag of eerder."),
            aantal=opvolgingen,
            url=_url("wsp:opvolgingen", termijn=Termijn.NU),
        ),
        Tegel(
            titel=ngettext("nazorgmoment deze week", "nazorgmomenten deze week", nazorg["week"]),
            omschrijving=_("Open nazorg die uiterlijk zondag %(zondag)s moet gebeuren.")
            % {"zondag": date_format(einde_week(vandaag), "j F")},
            aantal=nazorg["week"],
            url=_url("wsp:nazorg", termijn=Termijn.DEZE_WEEK),
        ),
        Tegel(
            titel=ngettext("nazorgmoment te laat", "nazorgmomenten te laat", nazorg["verlopen"]),
            omschrijving=_("Open nazorg waarvan de uiterste datum voorbij is."),
            aantal=nazorg["verlopen"],
            url=_url("wsp:nazorg", termijn=Termijn.VERLOPEN),
            dringend=True,
        ),
        Tegel(
            titel=ngettext("aangeboden kandidaat", "aangeboden kandidaten", aangeboden),
            omschrijving=_(
                "Warme overdrachten van het loket en partners die op je besluit wachten."
            ),
            aantal=aangeboden,
            url=_url("wsp:overdrachten", status=Overdracht.Status.AANGEBODEN),
        ),
    ]
