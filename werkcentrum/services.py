"""Writes of the core domain."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .models import Hartslag


@transaction.atomic
def hartslag_registreren(*, naam: str) -> Hartslag:
    """Record that process `naam` is alive now."""
    nu = timezone.now()
    bijgewerkt = Hartslag.objects.filter(naam=naam).update(laatst=nu, aantal=F("aantal") + 1)
    if not bijgewerkt:
        Hartslag.objects.get_or_create(naam=naam, defaults={"laatst": nu, "aantal": 1})
    return Hartslag.objects.get(naam=naam)


def formulieralarm_mailen(alarm) -> int:
    """Tell the regio's active beheerders that a public form reached its flood limit and
    refuses submissions until the hour is over. Called by the task that claimed the alarm."""
    from django.conf import settings
    from django.utils.translation import gettext as _

    from .formulierbescherming import FORMULIEREN, VENSTER_SECONDEN, _per_regio
    from .mail import send_mail
    from .models import Medewerker

    aan = sorted(
        Medewerker.objects.filter(
            regio_id=alarm.regio_id, groups__name="beheerder", is_active=True
        ).values_list("email", flat=True)
    )
    if not aan:
        return 0
    formulier = FORMULIEREN.get(alarm.formulier, alarm.formulier)
    begin = timezone.localtime(alarm.venster)
    eind = timezone.localtime(alarm.venster + timedelta(seconds=VENSTER_SECONDEN))
    tekst = _(
        "Het publieke formulier '%(formulier)s' van regio %(regio)s kreeg sinds %(begin)s "
        "%(aantal)s inzendingen; dat is de grens per uur. Tot %(eind)s weigert het formulier "
        "nieuwe inzendingen en wijst het inwoners en werkgevers op de telefoon en de "
        "spreekuren.\n\nKijk of het om echte aanvragen gaat of om een aanval; de grens staat "
        "in de instelling FORMULIEREN_PER_REGIO_PER_UUR."
    ) % {
        "formulier": formulier,
        "regio": alarm.regio.naam,
        "begin": f"{begin:%d-%m-%Y %H:%M}",
        "eind": f"{eind:%H:%M}",
        "aantal": _per_regio(),
    }
    return send_mail(
        _("[Werkcentrum] Veel inzendingen via '%(formulier)s'") % {"formulier": formulier},
        tekst,
        settings.DEFAULT_FROM_EMAIL,
        aan,
        regio=alarm.regio,
    )
