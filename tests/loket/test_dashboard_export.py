"""Every loket dashboard export downloads and opens (issue 21, point 6)."""

import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from loket.dashboard import KOLOMMEN
from loket.models import Gesprek
from tests.loket.factories import GesprekFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _geen_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


@pytest.mark.parametrize("tabel", list(KOLOMMEN))
def test_every_dashboard_table_downloads_as_xlsx_and_csv(client, maak_gebruiker, regio_a, tabel):
    coordinator = maak_gebruiker("coordinator", regio=regio_a)
    GesprekFactory(
        regio=regio_a, gids=coordinator, datum=date(2026, 1, 5), kanaal=Gesprek.Kanaal.INLOOP
    )
    client.force_login(coordinator)
    query = "?van=2026-01-01&tot=2026-03-31"
    xlsx = client.get(reverse("loket:dashboard_export", args=[tabel, "xlsx"]) + query)
    assert xlsx.status_code == 200
    rijen = list(load_workbook(io.BytesIO(xlsx.content)).active.values)
    assert list(rijen[0]) == [str(label) for _veld, label in KOLOMMEN[tabel]]
    assert rijen[-1][0] == "Totaal"
    if tabel == "kanaal":  # a choice label ('Inloop', a lazy text) was refused by Excel: a 500
        assert rijen[1] == ("Inloop", 1)
    csv = client.get(reverse("loket:dashboard_export", args=[tabel, "csv"]) + query)
    assert csv.status_code == 200
    assert csv.content.decode("utf-8-sig").splitlines()[-1].startswith("Totaal;")
