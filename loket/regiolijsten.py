"""Per-regio loket doelgroepen: the national list (shared, regio NULL) minus what the regio hid,
plus the regio's own (werkcentrum.gedeelde_lijsten). One place for every form, filter, API
and the definition file, like wsp.regiolijsten for sectoren and clusters."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import models
from django.utils.translation import gettext

from werkcentrum.gedeelde_lijsten import controleren, keuzes_voor

from .models import Doelgroep


def doelgroepen_voor(regio, *, ook: Iterable = ()) -> models.QuerySet:
    """The doelgroepen a form, filter or API of the regio offers; `ook` keeps a record's
    current doelgroep(en) selectable, even when the regio hid them since."""
    return keuzes_voor(Doelgroep, regio, ook=ook)


def doelgroepen_controleren(
    *, regio, doelgroepen: Iterable, huidig: Iterable = (), veld: str = "doelgroepen"
) -> None:
    """Raises ValidationError (Dutch, on `veld`) for a doelgroep of another regio, or one the
    regio hid that the record did not already have."""
    controleren(
        Doelgroep,
        regio=regio,
        items=doelgroepen,
        huidig=huidig,
        veld=veld,
        soort=gettext("Doelgroep"),
    )


def doelgroep_controleren(*, regio, doelgroep, huidig=None, veld: str = "doelgroep") -> None:
    doelgroepen_controleren(regio=regio, doelgroepen=[doelgroep], huidig=[huidig], veld=veld)
