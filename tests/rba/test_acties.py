from datetime import date, time, timedelta

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError

from rba import services
from rba.models import Actie, Vergadering
from tests.rba.factories import ActieFactory, VergaderingFactory

pytestmark = pytest.mark.django_db


def test_actie_needs_an_owner(rba):
    with pytest.raises(ValidationError):
        services.actie_vastleggen(
            orgaan=rba, omschrijving="x", deadline=date(2025, 5, 1), door=None
        )


@time_machine.travel(date(2025, 3, 20), tick=False)
def test_open_acties_carry_over_to_the_next_meeting_of_the_same_orgaan(rba, regio_a):
    from tests.rba.factories import OverlegorgaanFactory

    vorige = VergaderingFactory(
        orgaan=rba, datum=date(2025, 3, 19), status=Vergadering.Status.GEHOUDEN
    )
    open_ = services.actie_vastleggen(
        orgaan=rba,
        vergadering=vorige,
        omschrijving="Rapportage opstellen",
        deadline=date(2025, 5, 1),
        eigenaar_naam="Secretaris",
        eigenaar_email="s@voorbeeld.nl",
        door=None,
    )
    klaar = ActieFactory(orgaan=rba, vergadering=vorige, status=Actie.Status.AFGEROND)
    ander_orgaan = ActieFactory(orgaan=OverlegorgaanFactory(regio=regio_a, afkorting="KMT"))
    volgende = services.vergadering_plannen(
        orgaan=rba, datum=date(2025, 6, 18), aanvang=time(15), locatie="Velsen", door=None
    )
    assert list(volgende.doorgeschoven_acties.all()) == [open_]
    # A new actie after the meeting was planned lands on the same actielijst.
    later = services.actie_vastleggen(
        orgaan=rba,
        omschrijving="Nieuwe",
        deadline=date(2025, 6, 1),
        eigenaar_naam="X",
        eigenaar_email="x@voorbeeld.nl",
        door=None,
    )
    assert set(volgende.doorgeschoven_acties.all()) == {open_, later}
    assert klaar not in volgende.doorgeschoven_acties.all()
    assert ander_orgaan not in volgende.doorgeschoven_acties.all()
    # Idempotent.
    assert services.open_acties_doorschuiven(orgaan=rba) == 0


def test_reminders_five_working_days_before_and_on_the_deadline_once(rba, maak_gebruiker):
    eigenaar = maak_gebruiker("rba_lid", email="eigenaar@voorbeeld.nl")
    # Deadline Friday 2025-06-20 (no holidays that week or the one before): five working
    # days before is Friday 2025-06-13.
    actie = ActieFactory(orgaan=rba, eigenaar=eigenaar, deadline=date(2025, 6, 20))
    assert services.actie_herinneringen_versturen(vandaag=date(2025, 6, 12)) == 0
    assert services.actie_herinneringen_versturen(vandaag=date(2025, 6, 13)) == 1
    assert services.actie_herinneringen_versturen(vandaag=date(2025, 6, 13)) == 0
    assert services.actie_herinneringen_versturen(vandaag=date(2025, 6, 16)) == 0
    assert services.actie_herinneringen_versturen(vandaag=date(2025, 6, 20)) == 1
    assert services.actie_herinneringen_versturen(vandaag=date(2025, 6, 20)) == 0
    assert [m.to for m in mail.outbox] == [["eigenaar@voorbeeld.nl"]] * 2
    actie.refresh_from_db()
    assert (actie.herinnerd_vooraf_op, actie.herinnerd_deadline_op) == (
        date(2025, 6, 13),
        date(2025, 6, 20),
    )


def test_no_reminders_for_closed_acties_and_a_new_deadline_rearms_them(rba):
    klaar = ActieFactory(orgaan=rba, deadline=date(2025, 5, 9), status=Actie.Status.AFGEROND)
    assert services.actie_herinneringen_versturen(vandaag=date(2025, 5, 9)) == 0
    open_ = ActieFactory(orgaan=rba, deadline=date(2025, 5, 9))
    services.actie_herinneringen_versturen(vandaag=date(2025, 5, 9))
    services.actie_vastleggen(actie=open_, deadline=date(2025, 5, 16), door=None)
    assert services.actie_herinneringen_versturen(vandaag=date(2025, 5, 9)) == 1
    assert klaar.herinnerd_deadline_op is None


def test_a_failed_send_leaves_the_reminder_unclaimed(rba, monkeypatch):
    actie = ActieFactory(orgaan=rba, deadline=date(2025, 5, 9))

    def kapot(*a, **kw):
        raise ConnectionError

    monkeypatch.setattr("rba.services.acties._herinnering", kapot)
    with pytest.raises(ConnectionError):
        services.actie_herinneringen_versturen(vandaag=date(2025, 5, 9))
    actie.refresh_from_db()
    assert actie.herinnerd_deadline_op is None


def test_task_runs_the_service(rba):
    from rba.tasks import actie_herinneringen_versturen

    ActieFactory(orgaan=rba, deadline=date.today() + timedelta(days=0))
    assert actie_herinneringen_versturen.delay().get() == 1
