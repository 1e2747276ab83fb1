"""The reserve's import in the worker: books once, all-or-nothing, within the row limit."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from financien.models import Mutatie
from tests.financien.test_export_import import _xlsx
from werkcentrum.models import ImportTaak
from werkcentrum.tasks import importtaak_uitvoeren

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _geen_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


def _stortingen(fonds, aantal, *, fout_op=None):
    return _xlsx(
        [
            [f"S{i}", "2021-01-01", "storting", fonds.naam, None, None, None, 100, "Inleg"]
            if i != fout_op
            else [f"S{i}", "2021-01-01", "storting", "Geen fonds", None, None, None, 100, "x"]
            for i in range(aantal)
        ]
    )


def test_confirming_twice_or_rerunning_the_task_books_once(
    client, beheerder, fonds, django_capture_on_commit_callbacks
):
    client.force_login(beheerder)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("financien:importeren"),
            {"bestand": SimpleUploadedFile("r.xlsx", _stortingen(fonds, 3))},
        )
    taak = ImportTaak.objects.get()
    assert (taak.status, taak.totaal, taak.verwerkt) == ("gecontroleerd", 3, 3)
    assert not Mutatie.objects.exists()  # the preview booked nothing
    url = reverse("importtaak_bevestigen", args=[taak.pk])
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(url)
    importtaak_uitvoeren.delay(taak.pk)
    taak.refresh_from_db()
    assert taak.status == ImportTaak.Status.GEIMPORTEERD
    assert Mutatie.objects.count() == 3


def test_a_row_that_fails_at_confirmation_books_nothing(
    client, beheerder, fonds, django_capture_on_commit_callbacks
):
    client.force_login(beheerder)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("financien:importeren"),
            {"bestand": SimpleUploadedFile("r.xlsx", _stortingen(fonds, 3))},
        )
    taak = ImportTaak.objects.get()
    # The data changed between preview and confirmation: row 4 no longer fits. One bad row
    # at confirmation books none of the others.
    taak.inhoud = _stortingen(fonds, 3, fout_op=2)
    taak.save()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("importtaak_bevestigen", args=[taak.pk]))
    taak.refresh_from_db()
    assert taak.status == ImportTaak.Status.AFGEKEURD
    assert [(f["rij"], f["kolom"]) for f in taak.fouten] == [(4, "geldstroom")]
    assert not Mutatie.objects.exists()


def test_the_row_limit_holds_for_the_reserve_too(client, beheerder, fonds, settings):
    settings.WERKCENTRUM_IMPORT_MAX_REGELS = 2
    client.force_login(beheerder)
    response = client.post(
        reverse("financien:importeren"),
        {"bestand": SimpleUploadedFile("r.xlsx", _stortingen(fonds, 3))},
    )
    assert response.status_code == 400
    assert "Dit bestand heeft 3 regels; één import mag er hoogstens 2 hebben." in (
        response.content.decode()
    )
    assert not ImportTaak.objects.exists()
