"""Snapshots: frozen figures, versions, idempotent beat run, texts, publishing and mail."""

from __future__ import annotations

from datetime import date

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from tests.factsheets.conftest import VANDAAG
from tests.wsp.factories import KandidaatFactory, PlaatsingFactory, WerkgeverFactory
from wsp.factsheets import services
from wsp.factsheets.selectors import Periode, factsheet_cijfers
from wsp.models import Factsheet, FactsheetOntvanger

H1 = Periode(2025, 1)


def totaal(factsheet) -> int:
    tabel = next(t for t in factsheet.cijfers["tabellen"] if t["code"] == "doelgroep")
    return next(r["waarde"] for r in tabel["rijen"] if r["naam"] == "Totaal")


def test_snapshot_is_bevroren_en_gelijk_aan_live_cijfers(data, manager):
    fs, nieuw = services.factsheet_maken(
        regio=data["regio"], periode=H1, user=manager, vandaag=VANDAAG
    )
    assert nieuw and fs.versie == 1 and totaal(fs) == 6
    # A test recomputes every figure of the stored factsheet from the raw data.
    fs.refresh_from_db()
    assert fs.cijfers == factsheet_cijfers(regio=data["regio"], periode=H1, vandaag=VANDAAG)
    # Later data edits do not change the stored version...
    k = KandidaatFactory(regio=data["regio"], woongemeente=data["haarlem"])
    PlaatsingFactory(
        werkgever=WerkgeverFactory(regio=data["regio"]), kandidaat=k, startdatum=date(2025, 2, 2)
    )
    fs.refresh_from_db()
    assert totaal(fs) == 6
    # ...making it again creates version 2 with the new figure and keeps version 1.
    fs2, nieuw = services.factsheet_maken(
        regio=data["regio"], periode=H1, user=manager, vandaag=VANDAAG
    )
    assert nieuw and fs2.versie == 2 and totaal(fs2) == 7
    assert totaal(Factsheet.objects.get(pk=fs.pk)) == 6


def test_per_gemeente_eigen_versienummers(data):
    regio, _n = services.factsheet_maken(regio=data["regio"], periode=H1, vandaag=VANDAAG)
    gem, _n = services.factsheet_maken(
        regio=data["regio"], periode=H1, gemeente=data["haarlem"], vandaag=VANDAAG
    )
    assert regio.versie == gem.versie == 1
    assert totaal(gem) == 4


def test_niet_afgelopen_periode_of_gemeente_buiten_regio(data, regio_b):
    with pytest.raises(ValidationError, match="nog niet afgelopen"):
        services.factsheet_maken(regio=data["regio"], periode=Periode(2025, 2), vandaag=VANDAAG)
    with pytest.raises(ValidationError, match="Onbekende gemeente"):
        services.factsheet_maken(
            regio=regio_b, periode=H1, gemeente=data["haarlem"], vandaag=VANDAAG
        )
    assert not Factsheet.objects.exists()


def test_beat_run_is_idempotent(data):
    from werkcentrum.models import Gemeente

    gemeenten = Gemeente.objects.filter(regio=data["regio"]).count()
    assert services.halfjaar_factsheets_maken(vandaag=date(2025, 7, 1)) > 1 + gemeenten
    aantal = Factsheet.objects.filter(regio=data["regio"], periode="2025-H1").count()
    assert aantal == 1 + gemeenten
    assert services.halfjaar_factsheets_maken(vandaag=date(2025, 7, 1)) == 0
    assert Factsheet.objects.filter(regio=data["regio"], periode="2025-H1").count() == aantal
    # On 1 January the half year that just ended is H2 of the year before.
    services.halfjaar_factsheets_maken(vandaag=date(2026, 1, 1))
    assert Factsheet.objects.filter(periode="2025-H2", gemeente__isnull=True).exists()


def test_task_via_celery(data):
    from wsp.tasks import halfjaar_factsheets

    halfjaar_factsheets.delay("2025-07-01")
    halfjaar_factsheets.delay("2025-07-01")
    assert (
        Factsheet.objects.filter(
            regio=data["regio"], periode="2025-H1", gemeente__isnull=True
        ).count()
        == 1
    )


def test_schedule_1_januari_en_1_juli():
    from wsp.schedules import SCHEDULE

    entry = SCHEDULE["wsp-halfjaar-factsheets"]
    assert entry["task"] == "wsp.tasks.halfjaar_factsheets"
    assert entry["schedule"].month_of_year == {1, 7}
    assert entry["schedule"].day_of_month == {1}


def test_teksten_en_publiceren_met_een_mail_per_ontvanger(
    data, manager, django_capture_on_commit_callbacks
):
    regio = data["regio"]
    FactsheetOntvanger.objects.create(regio=regio, naam="UWV", email="uwv@example.org")
    FactsheetOntvanger.objects.create(regio=regio, naam="Regio 2", email="r2@example.org")
    FactsheetOntvanger.objects.create(
        regio=regio, gemeente=data["haarlem"], naam="Haarlem", email="h@example.org"
    )
    fs, _n = services.factsheet_maken(regio=regio, periode=H1, vandaag=VANDAAG)
    services.teksten_opslaan(
        factsheet=fs, user=manager, tekst_samenvatting="Een goed halfjaar.", tekst_loket="Druk."
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.publiceren(factsheet=fs, user=manager)
    with django_capture_on_commit_callbacks(execute=True):
        services.publiceren(factsheet=fs, user=manager)  # twice: still one mail each
        services.versturen(factsheet_pk=fs.pk)
    fs.refresh_from_db()
    assert fs.gepubliceerd and fs.tekst_samenvatting == "Een goed halfjaar."
    assert sorted(m.to[0] for m in mail.outbox) == ["r2@example.org", "uwv@example.org"]
    # Each mail carries its own token link, not the staff page (recipients have no account).
    assert all("/factsheet/" in m.body and "/wsp/" not in m.body for m in mail.outbox)
    assert len({m.body for m in mail.outbox}) == 2
    with pytest.raises(ValidationError, match="gepubliceerd"):
        services.teksten_opslaan(factsheet=fs, user=manager, tekst_loket="Anders.")
    # A new version takes the texts over as a concept.
    fs2, _n = services.factsheet_maken(regio=regio, periode=H1, vandaag=VANDAAG)
    assert fs2.tekst_samenvatting == "Een goed halfjaar." and not fs2.gepubliceerd
