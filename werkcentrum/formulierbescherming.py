"""Protection of public forms against bots and floods, shared by the loket's "Stel je vraag"
and the WSP's "Ik ben werkgever": a honeypot field and two limits on stored submissions.

Why it counts what it counts: a library computer or the Wi-Fi of a spreekuurlocatie is one
address for many people, and behind the TLS proxy the address comes from X-Forwarded-For
(werkcentrum/clientadres.py). So only stored submissions count (an invalid or honeypot POST
stores nothing and costs nothing), the per-address limit is generous, and each limit is kept
per regio and form, so a flood in one regio never shuts another. The per-regio limit guards
floods from many addresses; reaching it mails the regio's beheerders once per form and hour.
"""

from __future__ import annotations

import datetime as dt
import time

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .clientadres import limiet_sleutel

VENSTER_SECONDEN = 60 * 60
# Stored submissions of one form per address per hour, unless the caller passes its own.
PER_ADRES_STANDAARD = 30
# Stored submissions of one form per regio per hour (settings.FORMULIEREN_PER_REGIO_PER_UUR).
PER_REGIO_STANDAARD = 300

FORMULIEREN = {"loket:vraag": _("Stel je vraag"), "wsp:verzoek": _("Ik ben werkgever")}

ADRES = "adres"
REGIO = "regio"


class HoneypotWidget(forms.TextInput):
    """Hidden from people by a CSS class (CSP forbids style=""), skipped by keyboard and
    screen readers; bots fill it in. components/formulierveld.html renders it (widget_type
    "honeypot") inside a hidden wrapper together with its label."""

    def __init__(self):
        super().__init__(
            attrs={
                "class": "wc-honeypot",
                "tabindex": "-1",
                "autocomplete": "off",
                "aria-hidden": "true",
            }
        )


class HoneypotField(forms.CharField):
    """Empty for people. What a filled (or missing) one means is the view's choice: refuse
    visibly (loket) or pretend success and save nothing (WSP), see `honeypot_gevuld`."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Laat dit veld leeg"))
        super().__init__(required=False, widget=HoneypotWidget(), **kwargs)


def honeypot_gevuld(data, veld: str = "website") -> bool:
    """True when a bot touched the honeypot: filled it in, or left it out of the POST (a
    browser always sends the empty field; a script that skips it is no person)."""
    if isinstance(data, HttpRequest):
        data = data.POST
    return veld not in data or bool(str(data.get(veld, "")).strip())


def _per_regio() -> int:
    return getattr(settings, "FORMULIEREN_PER_REGIO_PER_UUR", PER_REGIO_STANDAARD)


def _venster() -> int:
    # Fixed clock hours: both counters and the alarm share the same window.
    return int(time.time() // VENSTER_SECONDEN)


def _sleutels(request: HttpRequest, regio, formulier: str) -> tuple[str, str]:
    venster = _venster()
    basis = f"formulier:{formulier}:{regio.pk}:{venster}"
    return f"{basis}:adres:{limiet_sleutel(request)}", f"{basis}:regio"


def te_vaak(
    request: HttpRequest, *, regio, formulier: str, per_adres: int = PER_ADRES_STANDAARD
) -> str | None:
    """Whether a new submission of `formulier` in `regio` is refused now, without counting
    it: ADRES when this client address stored `per_adres` already this hour, REGIO when the
    regio's flood limit is reached, else None. The counters live in the configured cache
    (CACHE_URL: a shared one such as Redis lets every web worker see the same count); while it
    is away they read as zero, so the forms stay open."""
    adres, heel = _sleutels(request, regio, formulier)
    tellers = cache.get_many([adres, heel])
    if tellers.get(heel, 0) >= _per_regio():
        return REGIO
    if tellers.get(adres, 0) >= per_adres:
        return ADRES
    return None


def _ophogen(sleutel: str) -> int:
    cache.add(sleutel, 0, VENSTER_SECONDEN)
    try:
        return cache.incr(sleutel)
    except ValueError:  # expired between add and incr
        cache.set(sleutel, 1, VENSTER_SECONDEN)
        return 1


def opgeslagen(request: HttpRequest, *, regio, formulier: str) -> None:
    """Count one stored submission. The one that reaches the regio's flood limit raises the
    alarm (once per regio, form and hour: a database row is the marker)."""
    adres, heel = _sleutels(request, regio, formulier)
    _ophogen(adres)
    if _ophogen(heel) >= _per_regio():
        alarm_slaan(regio=regio, formulier=formulier)


def alarm_slaan(*, regio, formulier: str) -> None:
    from .models import Formulieralarm
    from .tasks import formulieralarm_mailen

    begin = dt.datetime.fromtimestamp(_venster() * VENSTER_SECONDEN, tz=dt.UTC)
    try:
        with transaction.atomic():
            alarm, nieuw = Formulieralarm.objects.get_or_create(
                regio=regio, formulier=formulier, venster=begin
            )
            if nieuw:
                formulieralarm_mailen.delay_on_commit(alarm.pk)
    except IntegrityError:  # another worker created it at the same moment: it mails
        return


def ander_kanaal(regio, *soorten: str) -> dict:
    """How to reach the regio without the form: the phone number of the first active
    organisation of `soorten` (in that order) that has one or an e-mail address, the regio
    for the spreekuren link and when the form opens again. Shown on the refusal page."""
    from .models import Organisatie

    organisaties: dict = {}
    for o in (
        Organisatie.objects.in_regio(regio)
        .filter(type__in=soorten, actief=True)
        .exclude(telefoon="", email="")
        .order_by("-naam")  # the first by name wins per type
    ):
        organisaties[o.type] = o
    eerste = next((organisaties[s] for s in soorten if s in organisaties), None)
    return {"organisatie": eerste, "regio": regio, "tot": _einde_venster()}


def _einde_venster() -> dt.datetime:
    return timezone.localtime(
        dt.datetime.fromtimestamp((_venster() + 1) * VENSTER_SECONDEN, tz=dt.UTC)
    )
