import random
from datetime import date, timedelta

import pytest
from django.urls import reverse

from rba.demo import governance
from rba.models import Actie, Agendapunt, AgendaRegel, Besluit, BesluitTeller, Lid, Vergadering
from werkcentrum.demo import DemoContext
from werkcentrum.models import AuditEvent

pytestmark = pytest.mark.django_db


def _draai(regio, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    # The story as told on its own day (it moves with today: see test_demo_vandaag).
    governance(
        DemoContext(
            regio=regio, rng=random.Random(1), scale=1, stdout=None, vandaag=date(2026, 12, 7)
        )
    )


def _stand():
    return (
        list(Besluit.objects.order_by("nummer").values_list("nummer", "titel", "status")),
        list(Lid.objects.order_by("email").values_list("email", "naam")),
        Vergadering.objects.count(),
        Agendapunt.objects.count(),
        Actie.objects.count(),
        AgendaRegel.objects.count(),
    )


def test_demo_is_idempotent_and_has_the_key_besluiten(regio_a, settings, tmp_path):
    _draai(regio_a, settings, tmp_path)
    eerst = _stand()
    _draai(regio_a, settings, tmp_path)
    assert _stand() == eerst
    plan = Besluit.objects.get(nummer="RBA-2025-002")
    assert plan.datum == date(2025, 3, 19)
    assert plan.type == Besluit.Type.VASTSTELLING_UITVOERINGSPLAN and plan.is_genomen
    assert Besluit.objects.filter(
        status=Besluit.Status.GENOMEN, type=Besluit.Type.INZET_REGIONALE_MIDDELEN, bedrag__gt=0
    ).exists()
    assert Besluit.objects.get(nummer="RBA-2025-006").vervangt.nummer == "RBA-2025-004"
    assert BesluitTeller.objects.get(regio=regio_a, voorvoegsel="RBA", jaar=2025).laatste == 7
    assert set(AgendaRegel.objects.values_list("pijler__naam", flat=True)) == {
        "Inclusiviteit",
        "Leven Lang Ontwikkelen",
        "Talent binden en boeien",
    }
    assert Agendapunt.objects.filter(type=Agendapunt.Type.EVALUATIE).count() >= 3


def test_next_number_after_demo_continues_the_series(regio_a, settings, tmp_path):
    from rba import services
    from rba.models import Overlegorgaan

    _draai(regio_a, settings, tmp_path)
    rba = Overlegorgaan.objects.get(regio=regio_a, afkorting="RBA")
    nieuw = services.besluit_vastleggen(
        orgaan=rba, datum=date(2025, 12, 11), titel="t", besluittekst="b", door=None
    )
    assert nieuw.nummer == "RBA-2025-008"


def test_dossier_orgaan_and_regel_pages(client, settings, regio_a, tmp_path, maak_gebruiker):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    _draai(regio_a, settings, tmp_path)
    secretariaat = maak_gebruiker("rba_secretariaat")
    client.force_login(secretariaat)
    from rba.models import Onderwerp, Overlegorgaan

    dossier = Onderwerp.objects.get(titel="Jobhunters")
    html = client.get(reverse("rba:onderwerp", args=[dossier.pk])).content.decode()
    assert "RBA-2025-003" in html and "Verlenging inzet jobhunters" in html
    orgaan = Overlegorgaan.objects.get(afkorting="RBA")
    r = client.get(reverse("rba:orgaan", args=[orgaan.pk]))
    assert r.status_code == 200 and "Historie" in r.content.decode()
    lijst = AuditEvent.objects.get(event="rba_ledenlijst_ingezien", gebruiker=secretariaat)
    assert sorted(lijst.details["leden"]) == sorted(orgaan.leden.values_list("pk", flat=True))
    regel = AgendaRegel.objects.first()
    r = client.post(reverse("rba:regel", args=[regel.pk]), {"datum": "", "tekst": ""})
    assert r.status_code == 400
    r = client.post(
        reverse("rba:regel", args=[regel.pk]), {"datum": "2026-01-15", "tekst": "Loopt goed"}
    )
    assert r.status_code == 302 and regel.voortgangsrapportages.filter(tekst="Loopt goed").exists()
    html = client.get(reverse("rba:monitoring"), {"sinds": "2026-01-01"}).content.decode()
    assert regel.thema in html


def test_gids_cannot_see_leden(client, settings, regio_a, maak_gebruiker, rba):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    client.force_login(maak_gebruiker("gids"))
    assert client.get(reverse("rba:orgaan", args=[rba.pk])).status_code == 403


def test_evaluatie_links_to_a_factsheet_only_when_wsp_offers_it(rba):
    from tests.rba.factories import AgendapuntFactory

    punt = AgendapuntFactory(
        vergadering__orgaan=rba, type=Agendapunt.Type.EVALUATIE, evaluatie_periode="2025-H1"
    )
    url = punt.factsheet_url
    assert url is None or "2025" in url


def test_a_rerun_on_a_later_day_keeps_the_first_runs_dates(regio_a, settings, tmp_path):
    """The story moves with today on the first run only: a rerun two weeks later (as
    `scripts/dev.py run` does on every start) adds no second set of meetings or besluiten."""
    settings.MEDIA_ROOT = tmp_path / "media"
    for vandaag in (date(2026, 12, 7), date(2026, 12, 21)):
        ctx = DemoContext(
            regio=regio_a, rng=random.Random(1), scale=1, stdout=None, vandaag=vandaag
        )
        governance(ctx)
        if vandaag == date(2026, 12, 7):
            eerst = _stand(), sorted(Vergadering.objects.values_list("datum", flat=True))
    assert (_stand(), sorted(Vergadering.objects.values_list("datum", flat=True))) == eerst


def test_the_story_moves_in_whole_weeks_with_its_years(regio_a, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    vandaag = date(2027, 3, 3)  # 12 weeks and 2 days after the story's day
    governance(
        DemoContext(regio=regio_a, rng=random.Random(1), scale=1, stdout=None, vandaag=vandaag)
    )
    eerste = Vergadering.objects.order_by("datum").first()
    assert eerste.datum == date(2025, 1, 29) + timedelta(weeks=12)
    assert eerste.datum.weekday() == date(2025, 1, 29).weekday()
    # The besluit of 10 December 2025 now falls in 2026: numbered and worded for that year.
    correctie = Besluit.objects.get(titel__startswith="Correctie")
    assert correctie.datum == date(2026, 3, 4)
    assert correctie.nummer.startswith("RBA-2026-")
    assert correctie.vervangt.nummer in correctie.besluittekst
    evaluaties = Agendapunt.objects.filter(type=Agendapunt.Type.EVALUATIE)
    for punt in evaluaties.select_related("vergadering"):
        jaar, helft = punt.evaluatie_periode.split("-H")
        einde = date(int(jaar), 6, 30) if helft == "1" else date(int(jaar), 12, 31)
        assert einde < punt.vergadering.datum <= einde + timedelta(days=200), punt.titel
