from datetime import date, timedelta

import pytest
import time_machine
from django.core import mail

from financien import services, signalen, tasks
from financien.models import Signaal
from tests.financien.factories import GeldstroomFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def dichterbij(regio_a, beheerder):
    fonds = GeldstroomFactory(
        regio=regio_a, naam="Dichterbij dan je Denkt", einddatum=date(2025, 9, 1)
    )
    services.storting_boeken(
        geldstroom=fonds,
        datum=date(2022, 6, 1),
        bedrag="200000.00",
        omschrijving="DU",
        door=beheerder,
    )
    return fonds


def test_end_date_warnings_at_90_and_30_days_each_once(
    dichterbij, beheerder, django_capture_on_commit_callbacks
):
    einde = dichterbij.einddatum
    with django_capture_on_commit_callbacks(execute=True):
        assert signalen.signalen_versturen(vandaag=einde - timedelta(days=91)) == 0
        assert signalen.signalen_versturen(vandaag=einde - timedelta(days=90)) == 1
        assert signalen.signalen_versturen(vandaag=einde - timedelta(days=60)) == 0  # sent
        assert signalen.signalen_versturen(vandaag=einde - timedelta(days=30)) == 1
        assert signalen.signalen_versturen(vandaag=einde - timedelta(days=29)) == 0
    assert [m.to for m in mail.outbox] == [[beheerder.email], [beheerder.email]]
    assert "Dichterbij dan je Denkt" in mail.outbox[0].body
    assert "01-09-2025" in mail.outbox[0].body
    assert set(Signaal.objects.values_list("soort", flat=True)) == {"einddatum_90", "einddatum_30"}


def test_end_date_warning_only_for_a_fund_with_unspent_money(dichterbij, besluit, post, beheerder):
    v = services.verplichting_boeken(
        geldstroom=dichterbij,
        besluit=besluit,
        begrotingspost=post,
        datum=date(2023, 1, 1),
        bedrag="50000.00",
        omschrijving="Jobhunters",
        door=beheerder,
    )
    services.realisatie_boeken(
        verplichting=v,
        datum=date(2023, 6, 1),
        bedrag="50000.00",
        omschrijving="x",
        door=beheerder,
    )
    assert signalen.einddatum_signalen(vandaag=date(2025, 8, 1)) == 1  # 150.000 unspent
    leeg = GeldstroomFactory(regio=dichterbij.regio, einddatum=date(2025, 9, 1))
    assert signalen.einddatum_signalen(vandaag=date(2025, 8, 1)) == 0
    assert not Signaal.objects.filter(geldstroom=leeg).exists()


def test_verplichtingen_without_realisatie_for_a_year_are_flagged_once(
    dichterbij, besluit, post, beheerder, django_capture_on_commit_callbacks
):
    oud = services.verplichting_boeken(
        geldstroom=dichterbij,
        besluit=besluit,
        begrotingspost=post,
        datum=date(2024, 1, 10),
        bedrag="1000.00",
        omschrijving="Oude opdracht",
        door=beheerder,
    )
    bezig = services.verplichting_boeken(
        geldstroom=dichterbij,
        besluit=besluit,
        begrotingspost=post,
        datum=date(2024, 1, 10),
        bedrag="1000.00",
        omschrijving="Lopende opdracht",
        door=beheerder,
    )
    services.realisatie_boeken(
        verplichting=bezig,
        datum=date(2024, 3, 1),
        bedrag="10.00",
        omschrijving="x",
        door=beheerder,
    )
    services.verplichting_boeken(
        geldstroom=dichterbij,
        besluit=besluit,
        begrotingspost=post,
        datum=date(2025, 1, 10),
        bedrag="1000.00",
        omschrijving="Recent",
        door=beheerder,
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert signalen.verplichtingen_zonder_realisatie(vandaag=date(2025, 2, 1)) == 1
        assert signalen.verplichtingen_zonder_realisatie(vandaag=date(2025, 2, 2)) == 0
    assert Signaal.objects.get().verplichting == oud
    assert "Oude opdracht" in mail.outbox[0].body


def test_the_task_runs_the_service_and_is_safe_to_repeat(dichterbij):
    with time_machine.travel(date(2025, 8, 15)):
        assert tasks.signalen_versturen.delay().get() == 1
        assert tasks.signalen_versturen.delay().get() == 0


def test_the_schedule_is_registered(settings):
    assert settings.CELERY_BEAT_SCHEDULE["financien-signalen"]["task"] == (
        "financien.tasks.signalen_versturen"
    )
