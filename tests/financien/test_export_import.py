"""P&C export figures equal the ledger sums; XLSX import previews and is all-or-nothing."""

from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from financien import export, selectors, services
from financien.importeren import import_uitvoeren
from financien.models import Mutatie
from tests.financien.factories import BesluitFactory
from werkcentrum.models import AuditEvent

pytestmark = pytest.mark.django_db


def d(waarde) -> Decimal:
    return Decimal(str(waarde)).quantize(Decimal("0.01"))


@pytest.fixture
def grootboek(fonds, besluit, post, beheerder, regio_a):
    services.storting_boeken(
        geldstroom=fonds,
        datum=date(2020, 12, 1),
        bedrag="76921.00",
        omschrijving="DU 2020",
        door=beheerder,
    )
    services.storting_boeken(
        geldstroom=fonds,
        datum=date(2021, 12, 1),
        bedrag="384607.00",
        omschrijving="DU 2021",
        door=beheerder,
    )
    v = services.verplichting_boeken(
        geldstroom=fonds,
        besluit=besluit,
        begrotingspost=post,
        datum=date(2021, 3, 1),
        bedrag="40000.00",
        omschrijving="Coördinatie",
        door=beheerder,
    )
    services.realisatie_boeken(
        verplichting=v,
        datum=date(2021, 9, 1),
        bedrag="12345.67",
        omschrijving="Factuur",
        door=beheerder,
    )
    r = services.realisatie_boeken(
        verplichting=v,
        datum=date(2021, 10, 1),
        bedrag="100.00",
        omschrijving="Fout",
        door=beheerder,
    )
    services.mutatie_corrigeren(
        mutatie=r, datum=date(2021, 10, 2), omschrijving="x", door=beheerder
    )
    services.begroting_vaststellen(
        regio=regio_a, jaar=2021, begrotingspost=post, begroot="50000.00", door=beheerder
    )
    return v


def test_export_figures_equal_the_ledger_sums(grootboek, beheerder, fonds, besluit):
    inhoud, aantal = export.pc_werkboek(user=beheerder, jaar=2021)
    wb = load_workbook(BytesIO(inhoud))
    assert wb.sheetnames == [
        "Verloop reserve",
        "Geldstromen",
        "Begroting 2021",
        "Besluiten",
        "Mutaties 2021",
    ]
    verloop = list(wb["Verloop reserve"].iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in verloop] == [2020, 2021]
    j2021 = verloop[1]
    assert d(j2021[1]) == Decimal("76921.00")  # beginsaldo = eindsaldo 2020
    assert d(j2021[2]) == Decimal("384607.00")
    assert d(j2021[3]) == Decimal("12345.67")  # the corrected realisatie does not count
    assert d(j2021[4]) == Decimal("76921.00") + Decimal("384607.00") - Decimal("12345.67")

    alle = Mutatie.objects.all()
    stand = selectors.saldi(alle)
    g = next(wb["Geldstromen"].iter_rows(min_row=2, values_only=True))
    assert [d(x) for x in g[4:10]] == [
        stand.gestort,
        stand.verplicht,
        stand.gerealiseerd,
        stand.openstaand,
        stand.saldo,
        stand.vrij,
    ]
    b = next(wb["Besluiten"].iter_rows(min_row=2, values_only=True))
    assert b[0] == besluit.nummer
    assert d(b[5]) == Decimal("40000.00") and d(b[7]) == Decimal("10000.00")
    post = next(wb["Begroting 2021"].iter_rows(min_row=2, values_only=True))
    assert [d(x) for x in post[2:7]] == [
        Decimal("50000.00"),
        Decimal("40000.00"),
        Decimal("12345.67"),
        Decimal("0.00"),
        Decimal("10000.00"),
    ]
    mutaties = list(wb["Mutaties 2021"].iter_rows(min_row=2, values_only=True))
    assert aantal == len(mutaties) == Mutatie.objects.filter(datum__year=2021).count()
    # Every figure is recomputable from the mutatie sheet itself.
    realisaties = sum(d(r[5]) for r in mutaties if r[3] == "Realisatie")
    assert realisaties == Decimal("12345.67")


def test_the_export_view_is_audited(client, settings, beheerder, grootboek):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    client.force_login(beheerder)
    response = client.get(reverse("financien:export"), {"jaar": 2021})
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('regionale-reserve-2021.xlsx"')
    assert AuditEvent.objects.filter(event="financien_geexporteerd").exists()


def _xlsx(rijen) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.append(
        [
            "kenmerk",
            "datum",
            "soort",
            "geldstroom",
            "begrotingspost",
            "besluit",
            "verplichting",
            "bedrag",
            "omschrijving",
        ]
    )
    for rij in rijen:
        ws.append(rij)
    uit = BytesIO()
    wb.save(uit)
    return uit.getvalue()


@pytest.fixture
def bestand(fonds, post, besluit):
    return _xlsx(
        [
            [
                "BEGIN",
                date(2021, 1, 1),
                "storting",
                fonds.naam,
                None,
                None,
                None,
                76921,
                "Beginsaldo",
            ],
            [
                "V1",
                "2021-02-01",
                "verplichting",
                fonds.naam,
                post.code,
                besluit.nummer,
                None,
                20000.5,
                "Opdracht",
            ],
            ["R1", "01-03-2021", "realisatie", None, None, None, "V1", "1500,25", "Factuur"],
        ]
    )


def test_import_preview_writes_nothing_and_confirm_writes_everything(
    client, settings, beheerder, bestand, fonds, django_capture_on_commit_callbacks
):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    client.force_login(beheerder)
    url = reverse("financien:importeren")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"bestand": SimpleUploadedFile("reserve.xlsx", bestand)})
    assert response.status_code == 302  # to the progress page; the worker previews
    response = client.get(response["Location"])
    assert "3 regels zijn in orde" in response.content.decode()
    assert not Mutatie.objects.exists()
    bevestigen = reverse("importtaak_bevestigen", args=[response.context["taak"].pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(bevestigen)
    assert response.status_code == 302
    stand = services.geldstroom_saldi(fonds)
    assert (stand.gestort, stand.verplicht, stand.gerealiseerd) == (
        Decimal("76921.00"),
        Decimal("20000.50"),
        Decimal("1500.25"),
    )


def test_one_bad_row_and_nothing_is_imported(beheerder, fonds, post, regio_a):
    voorgesteld = BesluitFactory(regio=regio_a, status="voorgesteld", bedrag=None)
    inhoud = _xlsx(
        [
            ["B", "2021-01-01", "storting", fonds.naam, None, None, None, 1000, "Beginsaldo"],
            [
                "V",
                "2021-02-01",
                "verplichting",
                fonds.naam,
                post.code,
                voorgesteld.nummer,
                None,
                10,
                "x",
            ],
            ["C", "2021-02-01", "storting", fonds.naam, None, None, None, 10.005, "x"],
        ]
    )
    uitkomst = import_uitvoeren(inhoud=inhoud, user=beheerder, bevestigd=True)
    assert not uitkomst.geldig
    fouten = [r.fouten for r in uitkomst.regels]
    assert fouten[0] == []
    assert "niet genomen" in " ".join(fouten[1])
    assert "twee cijfers" in " ".join(fouten[2])
    assert not Mutatie.objects.exists()


def test_the_example_sheet_has_the_import_columns(client, settings, beheerder):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    client.force_login(beheerder)
    response = client.get(reverse("financien:import_voorbeeld"))
    kop = next(load_workbook(BytesIO(response.content)).active.iter_rows(values_only=True))
    assert list(kop) == [
        "kenmerk",
        "datum",
        "soort",
        "geldstroom",
        "begrotingspost",
        "besluit",
        "verplichting",
        "bedrag",
        "omschrijving",
    ]


def test_a_file_that_is_not_xlsx_is_refused(client, settings, beheerder):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    client.force_login(beheerder)
    response = client.post(
        reverse("financien:importeren"),
        {"bestand": SimpleUploadedFile("reserve.xlsx", b"geen spreadsheet")},
    )
    assert response.status_code == 400
    assert "geen geldig XLSX-bestand" in response.content.decode()


def test_begroting_charges_realisaties_on_older_verplichtingen_to_this_year(
    grootboek, beheerder, regio_a, post
):
    services.realisatie_boeken(
        verplichting=grootboek,
        datum=date(2022, 2, 1),
        bedrag="5000.00",
        omschrijving="x",
        door=beheerder,
    )
    services.begroting_vaststellen(
        regio=regio_a, jaar=2022, begrotingspost=post, begroot="8000.00", door=beheerder
    )
    rij = next(r for r in selectors.begroting_overzicht(user=beheerder, jaar=2022) if r.obj == post)
    assert (rij.saldi.verplicht, rij.saldi.gerealiseerd, rij.eerder) == (0, 5000, 5000)
    assert rij.vrij_begroting == Decimal("3000.00")
