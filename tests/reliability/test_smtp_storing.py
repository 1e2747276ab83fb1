"""A reminder whose mail fails is not lost: the sent-marker is claimed in the same transaction
as the send, so an SMTP error rolls it back and the next (retried) run sends it."""

from __future__ import annotations

import smtplib
from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone

from loket import services as loket_services
from tests.factories import MedewerkerFactory
from tests.loket.factories import DoorverwijzingFactory
from tests.wsp.factories import NazorgMomentFactory, PlaatsingFactory
from wsp import services as wsp_services
from wsp.models import NazorgMoment

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _referentiedata(db):
    """Thema's and sectoren come from data migrations; a transactional test earlier in the
    session may have flushed them (as tests/loket/conftest.py does for the loket)."""
    from importlib import import_module

    from django.apps import apps

    from loket.models import Thema
    from wsp.models import Sector

    if not Thema.objects.exists():
        import_module("loket.migrations.0002_themas_doelgroepen").vullen(apps, None)
    if not Sector.objects.exists():
        import_module("wsp.migrations.0002_clusters_en_sectoren").laden(apps, None)


class SmtpWeg(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


def test_nazorg_reminder_survives_an_smtp_failure(regio_a, settings):
    vandaag = date(2025, 5, 2)
    moment = NazorgMomentFactory(
        plaatsing=PlaatsingFactory(werkgever__regio=regio_a), vervaldatum=vandaag
    )
    settings.EMAIL_BACKEND = "tests.reliability.test_smtp_storing.SmtpWeg"
    with pytest.raises(smtplib.SMTPServerDisconnected):  # the task's autoretry takes this
        wsp_services.nazorg_herinneringen_versturen(vandaag=vandaag)
    assert NazorgMoment.objects.get(pk=moment.pk).herinnering_vervaldag_op is None

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    for _ in range(2):
        wsp_services.nazorg_herinneringen_versturen(vandaag=vandaag)
    assert len(mail.outbox) == 1
    assert NazorgMoment.objects.get(pk=moment.pk).herinnering_vervaldag_op == vandaag


def test_referral_follow_up_survives_an_smtp_failure(regio_a, settings):
    dv = DoorverwijzingFactory(regio=regio_a, verstuurd_op=timezone.now() - timedelta(days=14))
    MedewerkerFactory(regio=regio_a, organisatie=dv.organisatie, rollen=["partnermedewerker"])
    settings.EMAIL_BACKEND = "tests.reliability.test_smtp_storing.SmtpWeg"
    with pytest.raises(smtplib.SMTPServerDisconnected):
        loket_services.doorverwijzingen_opvolgen()
    dv.refresh_from_db()
    assert dv.partner_herinnerd_op is None

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert loket_services.doorverwijzingen_opvolgen() == (1, 1)
    assert loket_services.doorverwijzingen_opvolgen() == (0, 0)
    assert len(mail.outbox) == 2
