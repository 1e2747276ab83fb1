"""Issue 20 point 2: a periodic task that handles many items goes on past a failing one.

verzoeken_bewaken stopped at the first request whose mail raised (a line break in the name,
BadHeaderError), on every run, so no regio got its 20-hour warnings. Each task loop below
gets one poisoned item (its mail raises) next to a healthy one in another regio: the healthy
one is handled and marked, the poisoned one stays unmarked and is logged, and a second run
sends the healthy one nothing twice while trying the poisoned one again."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from tests.factories import RegioFactory
from tests.loket.factories import DoorverwijzingFactory, VraagFactory
from tests.rba.factories import ActieFactory, OverlegorgaanFactory
from tests.wsp.factories import NazorgMomentFactory, PlaatsingFactory, VerzoekFactory

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")
START = datetime(2025, 4, 1, 9, 0, tzinfo=AMS)
VANDAAG = date(2025, 5, 9)


@dataclass
class Geval:
    mailfunctie: str  # dotted path of the function that mails one item
    maak: Any  # regio -> item
    draai: Any  # () -> None, one run of the task's service
    gedaan: Any  # item -> bool, its sent-marker is set


def _verzoeken():
    from wsp import services

    return Geval(
        "wsp.mail.verzoek_waarschuwing",
        lambda regio: VerzoekFactory(regio=regio, ontvangen_op=START),
        lambda: services.verzoeken_bewaken(nu=START + timedelta(hours=20)),
        lambda v: v.waarschuwing_op is not None,
    )


def _nazorg():
    from wsp import services

    return Geval(
        "wsp.mail.nazorg_herinnering",
        lambda regio: NazorgMomentFactory(
            plaatsing=PlaatsingFactory(werkgever__regio=regio), vervaldatum=VANDAAG
        ),
        lambda: services.nazorg_herinneringen_versturen(vandaag=VANDAAG),
        lambda m: m.herinnering_vervaldag_op is not None,
    )


def _vraagtermijnen():
    from loket import services

    return Geval(
        "loket.mail.vraag_termijn_bijna",
        lambda regio: VraagFactory(regio=regio, antwoord_uiterlijk=timezone.localdate()),
        lambda: services.vraag_termijnen_bewaken(),
        lambda v: v.waarschuwing_verstuurd_op is not None,
    )


def _doorverwijzingen():
    from loket import services

    # The factory's organisation is reached through its functional mailbox (a fresh link).
    return Geval(
        "loket.mail.doorverwijzing_via_mailbox",
        lambda regio: DoorverwijzingFactory(
            regio=regio, verstuurd_op=timezone.now() - timedelta(days=14)
        ),
        lambda: services.doorverwijzingen_opvolgen(),
        lambda dv: dv.partner_herinnerd_op is not None,
    )


def _acties():
    from rba import services

    return Geval(
        "rba.services.acties._herinnering",
        lambda regio: ActieFactory(orgaan=OverlegorgaanFactory(regio=regio), deadline=VANDAAG),
        lambda: services.actie_herinneringen_versturen(vandaag=VANDAAG),
        lambda a: a.herinnerd_deadline_op is not None,
    )


@pytest.mark.parametrize(
    "geval",
    [_verzoeken, _nazorg, _vraagtermijnen, _doorverwijzingen, _acties],
    ids=lambda g: g.__name__[1:],
)
def test_one_poisoned_item_does_not_stop_the_others_and_a_rerun_sends_nothing_twice(
    geval, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    geval = geval()
    module_pad, naam = geval.mailfunctie.rsplit(".", 1)
    module = __import__(module_pad, fromlist=[naam])
    echt = getattr(module, naam)
    vergiftigd = geval.maak(RegioFactory())
    gezond = geval.maak(RegioFactory())
    pogingen: list[int] = []

    def mailen(item, *args, **kwargs):
        pogingen.append(item.pk)
        if item.pk == vergiftigd.pk and type(item) is type(vergiftigd):
            raise ValueError("Header values can't contain newlines")
        return echt(item, *args, **kwargs)

    monkeypatch.setattr(module, naam, mailen)
    caplog.set_level(logging.ERROR, logger="werkcentrum.isolation")

    for _run in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            geval.draai()

    gezond.refresh_from_db()
    vergiftigd.refresh_from_db()
    assert geval.gedaan(gezond)
    assert not geval.gedaan(vergiftigd)  # its claim rolled back: the next run tries again
    assert pogingen.count(gezond.pk) == 1  # never twice
    assert pogingen.count(vergiftigd.pk) == 2
    label = f"{vergiftigd._meta.label_lower}:{vergiftigd.pk}"
    assert [r for r in caplog.records if label in r.getMessage() and r.exc_info]
