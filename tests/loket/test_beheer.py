"""Beheer in the browser (admin), regio scoping of every loket model, tasks and schedules."""

import pytest
from django.core import mail
from django.urls import reverse

from loket import tasks
from loket.models import Dienst, Doorverwijzing, Gesprek, Informatiepagina, Sluiting, Vraag
from loket.schedules import SCHEDULE
from tests.factories import LocatieFactory
from tests.loket.factories import DienstFactory, DoorverwijzingFactory, GesprekFactory, VraagFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def beheerder(client, maak_gebruiker, settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    user = maak_gebruiker("beheerder", is_staff=True)
    client.force_login(user)
    return user


def test_beheerder_edits_information_pages_in_the_browser(client, beheerder, regio_a, regio_b):
    Informatiepagina.objects.create(
        regio=regio_b, rubriek="leren", titel="Elders", slug="elders", inhoud="x"
    )
    data = {
        "rubriek": "leren",
        "titel": "Scholing",
        "slug": "scholing",
        "samenvatting": "",
        "inhoud": "Tekst",
        "volgorde": 1,
        "gepubliceerd": "on",
    }
    response = client.post(reverse("admin:loket_informatiepagina_add"), data)
    assert response.status_code == 302
    assert Informatiepagina.objects.get(slug="scholing").regio == regio_a
    lijst = client.get(reverse("admin:loket_informatiepagina_changelist")).content.decode()
    assert "Scholing" in lijst and "Elders" not in lijst


def test_beheerder_records_a_closed_day(client, beheerder, regio_a):
    locatie = LocatieFactory(regio=regio_a)
    data = {"locatie": locatie.pk, "datum": "2026-12-24", "reden": "Kerst"}
    assert client.post(reverse("admin:loket_sluiting_add"), data).status_code == 302
    assert Sluiting.objects.get().locatie == locatie


@pytest.mark.parametrize(
    "maak",
    [
        lambda r: GesprekFactory(regio=r),
        lambda r: VraagFactory(regio=r),
        lambda r: DoorverwijzingFactory(regio=r),
        lambda r: DienstFactory(regio=r),
    ],
)
def test_every_loket_model_is_scoped_to_the_users_regio(maak, regio_a, regio_b, maak_gebruiker):
    eigen, ander = maak(regio_a), maak(regio_b)
    model = type(eigen)
    zichtbaar = list(model.objects.voor(maak_gebruiker("coordinator")))
    assert eigen in zichtbaar and ander not in zichtbaar


def test_periodic_tasks_are_scheduled_and_run(regio_a):
    assert {e["task"] for e in SCHEDULE.values()} == {
        "loket.tasks.vraag_termijnen_bewaken",
        "loket.tasks.doorverwijzingen_opvolgen",
        "loket.tasks.persoonsgegevens_opschonen",
    }
    assert tuple(tasks.vraag_termijnen_bewaken.delay().get()) == (0, 0)
    assert tuple(tasks.doorverwijzingen_opvolgen.delay().get()) == (0, 0)
    assert tasks.persoonsgegevens_opschonen.delay().get() == 0


def test_referral_mail_task_is_safe_for_a_missing_row(regio_a):
    assert tasks.doorverwijzing_melden.delay(999999).get() == 0
    assert mail.outbox == []


def test_models_have_no_bsn_field():
    for model in (Gesprek, Vraag, Doorverwijzing, Dienst):
        assert not [f for f in model._meta.get_fields() if "bsn" in f.name.lower()]


def test_duplicate_slug_in_admin_is_a_message_not_an_error(client, beheerder, regio_a):
    Informatiepagina.objects.create(regio=regio_a, rubriek="leren", titel="A", slug="a", inhoud="x")
    data = {"rubriek": "leren", "titel": "B", "slug": "a", "inhoud": "y", "volgorde": 0}
    response = client.post(reverse("admin:loket_informatiepagina_add"), data)
    assert response.status_code == 200 and "bestaat al" in response.content.decode()
