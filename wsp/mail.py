"""Notification mails of the WSP (subject + text).

A mail caused by a user's change goes out after that transaction commits (SMTP never holds up
or breaks the request). A reminder sent by a periodic task goes out *inside* the transaction
that claims its sent-marker (`direct=True`): the marker and the mail succeed or fail together,
so a worker killed or an SMTP error mid-run rolls the marker back and the retried run sends
it. The only duplicate left is a process dying between the SMTP server's acceptance and COMMIT.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from werkcentrum.mail import send_mass_mail
from werkcentrum.site import site_url


def _versturen(
    onderwerp: str, tekst: str, ontvangers: Iterable[str], *, regio, direct=False
) -> None:
    """`regio`: of the verzoek or plaatsing the mail is about (its look and contact data)."""
    adressen = sorted({a for a in ontvangers if a})
    if not adressen:
        return
    berichten = [(onderwerp, tekst, settings.DEFAULT_FROM_EMAIL, [a]) for a in adressen]
    if direct:
        send_mass_mail(berichten, regio=regio, fail_silently=False)
    else:
        # robust: the change is committed; a mail server that refuses now is logged by Django
        # instead of turning the saved request into a 500 (the 20-hour warning still follows).
        transaction.on_commit(
            lambda: send_mass_mail(berichten, regio=regio, fail_silently=False), robust=True
        )


def _verzoek_gegevens(verzoek) -> dict[str, object]:
    """What every verzoek mail names: the firm, the promise, its deadline (Dutch local time)
    and the link to the request (issue 22 point 6)."""
    return {
        "naam": verzoek.bedrijfsnaam,
        "uren": verzoek.belofte_uren,
        "deadline": formats.date_format(timezone.localtime(verzoek.deadline), "j F Y H:i"),
        "link": site_url(verzoek.regio) + reverse("wsp:verzoek", args=[verzoek.pk]),
    }


def verzoek_nieuw(verzoek, ontvangers: Iterable[str]) -> None:
    gegevens = _verzoek_gegevens(verzoek)
    _versturen(
        _("Nieuw werkgeversverzoek: %(naam)s") % gegevens,
        _(
            "Er is een nieuw verzoek van %(naam)s. Reageer binnen %(uren)s uur, uiterlijk "
            "%(deadline)s.\n\n%(link)s"
        )
        % gegevens,
        ontvangers,
        regio=verzoek.regio,
    )


def verzoek_waarschuwing(verzoek, ontvangers: Iterable[str]) -> None:
    gegevens = _verzoek_gegevens(verzoek)
    _versturen(
        _("Nog 4 uur: werkgeversverzoek van %(naam)s") % gegevens,
        _(
            "Het verzoek van %(naam)s heeft nog geen reactie. De belofte van %(uren)s uur "
            "verloopt op %(deadline)s.\n\n%(link)s"
        )
        % gegevens,
        ontvangers,
        regio=verzoek.regio,
        direct=True,
    )


def verzoek_escalatie(verzoek, ontvangers: Iterable[str]) -> None:
    gegevens = _verzoek_gegevens(verzoek)
    _versturen(
        _("%(uren)s-uursbelofte niet gehaald: %(naam)s") % gegevens,
        _(
            "Het verzoek van %(naam)s heeft na %(uren)s uur nog geen reactie; de termijn "
            "verliep op %(deadline)s.\n\n%(link)s"
        )
        % gegevens,
        ontvangers,
        regio=verzoek.regio,
        direct=True,
    )


def nazorg_herinnering(moment, ontvangers: Iterable[str], *, vervaldag: bool) -> None:
    onderwerp = (
        _("Nazorg vandaag: %(plaatsing)s")
        if vervaldag
        else _("Nazorg over 5 werkdagen: %(plaatsing)s")
    )
    _versturen(
        onderwerp % {"plaatsing": moment.plaatsing.werkgever},
        _("Nazorgmoment '%(soort)s' voor de plaatsing bij %(werkgever)s is uiterlijk %(datum)s.")
        % {
            "soort": moment.get_soort_display(),
            "werkgever": moment.plaatsing.werkgever,
            "datum": f"{moment.vervaldatum:%d-%m-%Y}",
        },
        ontvangers,
        regio=moment.regio,
        direct=True,
    )


def nazorg_escalatie(moment, ontvangers: Iterable[str]) -> None:
    _versturen(
        _("Nazorg te laat: %(werkgever)s") % {"werkgever": moment.plaatsing.werkgever},
        _("Nazorgmoment '%(soort)s' was uiterlijk %(datum)s en is nog open.")
        % {"soort": moment.get_soort_display(), "datum": f"{moment.vervaldatum:%d-%m-%Y}"},
        ontvangers,
        regio=moment.regio,
        direct=True,
    )
