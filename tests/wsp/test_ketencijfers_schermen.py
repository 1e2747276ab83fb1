"""Chain figures on the loket dashboard, the WSP dashboard and the keten page, and their
CSV/XLSX exports (issue 23, point 6)."""

import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories import GemeenteFactory, OrganisatieFactory
from tests.wsp.factories import KandidaatFactory, OverdrachtFactory, PlaatsingFactory
from werkcentrum.models import Organisatie
from wsp.models import Overdracht

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")
KOP = [
    "Bron",
    "Overgedragen",
    "Aangenomen",
    "Teruggegeven",
    "Voorgedragen",
    "Geplaatst",
    "Duurzaam",
]


@pytest.fixture(autouse=True)
def _geen_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


@pytest.fixture
def ketens(regio_a, regio_b):
    """Regio A: UWV 2 offered (1 accepted and placed), Werkcentrum 1 returned. Regio B: one."""
    uwv = OrganisatieFactory(regio=regio_a, type=Organisatie.Type.UWV)
    op = datetime(2026, 2, 10, 9, tzinfo=AMS)
    kandidaat = KandidaatFactory(regio=regio_a)
    OverdrachtFactory(
        regio=regio_a,
        bron=Overdracht.Bron.UWV,
        organisatie=uwv,
        aangeboden_op=op,
        status=Overdracht.Status.AANGENOMEN,
        kandidaat=kandidaat,
    )
    PlaatsingFactory(kandidaat=kandidaat, werkgever__regio=regio_a)
    OverdrachtFactory(regio=regio_a, bron=Overdracht.Bron.UWV, organisatie=uwv, aangeboden_op=op)
    OverdrachtFactory(
        regio=regio_a,
        aangeboden_op=op,
        status=Overdracht.Status.TERUGGEGEVEN,
        reden_teruggave="Nog niet werkfit",
        woongemeente=GemeenteFactory(regio=regio_a, naam="Velsen"),
    )
    OverdrachtFactory(regio=regio_b, aangeboden_op=op)


QUERY = "?van=2026-01-01&tot=2026-06-30"
UWV = ["UWV", 2, 1, 0, 0, 1, 0]
TOTAAL = ["Totaal", 3, 1, 1, 0, 1, 0]


def _xlsx(response) -> list[list]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml"
    )
    return [list(r) for r in load_workbook(io.BytesIO(response.content)).active.values]


def _csv(response) -> list[str]:
    assert response.status_code == 200
    assert response.content.startswith(b"\xef\xbb\xbf")  # the BOM a Dutch Excel needs
    return response.content.decode("utf-8-sig").splitlines()


def test_loket_dashboard_shows_the_chain_per_source_with_how_it_is_computed(
    client, maak_gebruiker, ketens
):
    client.force_login(maak_gebruiker("coordinator"))
    r = client.get(reverse("loket:dashboard") + QUERY)
    html = r.content.decode()
    assert "Keten: van overdracht tot duurzame plaatsing" in html
    keten = next(t for t in r.context["tabellen"] if t["code"] == "keten")
    assert keten["kolommen"] == KOP
    assert keten["rijen"][1] == UWV
    assert keten["totaal"] == TOTAAL  # regio B's handover not counted
    assert 'data-testid="uitleg-kolommen-keten"' in html
    assert "Twee voordrachten van dezelfde kandidaat tellen één keer" in html


def test_loket_dashboard_exports_the_chain_as_csv_and_typed_xlsx(client, maak_gebruiker, ketens):
    client.force_login(maak_gebruiker("coordinator"))
    rijen = _xlsx(client.get(reverse("loket:dashboard_export", args=["keten", "xlsx"]) + QUERY))
    assert rijen[0] == KOP
    assert rijen[2] == UWV  # numbers stay numbers
    assert rijen[-1] == TOTAAL
    regels = _csv(client.get(reverse("loket:dashboard_export", args=["keten", "csv"]) + QUERY))
    assert regels[0] == ";".join(KOP)
    assert regels[-1] == "Totaal;3;1;1;0;1;0"


def test_wsp_dashboard_shows_the_chain_of_its_year_with_exports(client, manager, ketens):
    client.force_login(manager)
    r = client.get(reverse("wsp:dashboard"), {"jaar": 2026})
    html = r.content.decode()
    assert "Keten: van overdracht tot duurzame plaatsing" in html
    assert r.context["keten"]["rijen"][1] == {"naam": "UWV", "cellen": UWV[1:]}
    assert r.context["keten"]["rijen"][-1]["cellen"] == TOTAAL[1:]
    assert 'data-testid="uitleg-kolommen-keten"' in html
    export = reverse("wsp:ketencijfers_export", args=["keten", "csv"])
    assert f"{export}?van=2026-01-01&amp;tot=2026-12-31" in html
    regels = _csv(client.get(f"{export}?van=2026-01-01&tot=2026-12-31"))
    assert regels[-1] == "Totaal;3;1;1;0;1;0"


def test_keten_page_filters_by_woongemeente_and_exports_the_same(client, adviseur, ketens):
    client.force_login(adviseur)
    velsen = GemeenteFactory._meta.model.objects.get(naam="Velsen")
    query = f"{QUERY}&gemeente={velsen.pk}"
    r = client.get(reverse("wsp:ketencijfers") + query)
    assert r.status_code == 200
    assert r.context["keten"]["rijen"][-1]["cellen"] == [1, 0, 1, 0, 0, 0]
    assert "Cijfers van" in r.content.decode()
    rijen = _xlsx(client.get(reverse("wsp:ketencijfers_export", args=["keten", "xlsx"]) + query))
    assert rijen[0] == KOP
    assert rijen[-1] == ["Totaal", 1, 0, 1, 0, 0, 0]


def test_keten_page_refuses_a_gemeente_of_another_regio_with_a_dutch_message(
    client, adviseur, regio_b
):
    client.force_login(adviseur)
    elders = GemeenteFactory(regio=regio_b)
    r = client.get(reverse("wsp:ketencijfers"), {"gemeente": elders.pk})
    assert r.status_code == 400
    assert "Onbekende gemeente in deze regio." in r.content.decode()


def test_keten_export_of_an_unknown_table_is_404(client, adviseur):
    client.force_login(adviseur)
    assert client.get(reverse("wsp:ketencijfers_export", args=["x", "csv"])).status_code == 404
    assert client.get(reverse("wsp:ketencijfers_export", args=["keten", "pdf"])).status_code == 404


def test_keten_page_counts_in_one_query_whatever_the_data(
    client, adviseur, regio_a, django_assert_max_num_queries
):
    client.force_login(adviseur)
    url = reverse("wsp:ketencijfers") + QUERY
    client.get(url)
    with django_assert_max_num_queries(20) as ctx:
        client.get(url)
    eerst = len(ctx.captured_queries)
    OverdrachtFactory.create_batch(4, regio=regio_a, aangeboden_op=datetime(2026, 3, 1, tzinfo=AMS))
    client.get(url)
    with django_assert_max_num_queries(eerst):
        assert client.get(url).context["keten"]["rijen"][-1]["cellen"][0] == 4
