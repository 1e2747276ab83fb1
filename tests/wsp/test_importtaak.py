"""Imports run in the worker with a progress page and a row limit (issue 20, point 6)."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from werkcentrum import importtaken
from werkcentrum.models import ImportTaak
from wsp.importeren import importeren
from wsp.models import Werkgever
from wsp.resources import RegioResource

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"
KOP = "kvk_nummer,naam,sector,partnerschap,accounthouder,website,telefoon,email,externe_id\n"


@pytest.fixture(autouse=True)
def _geen_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


def _csv(aantal: int) -> bytes:
    rijen = [f"{12350000 + i},Werkgever {i},Techniek,tactisch,,,,,WBS-{i}\n" for i in range(aantal)]
    return (KOP + "".join(rijen)).encode()


def _upload(client, naam, inhoud, *, bevestigen=False, soort="werkgevers", accounthouder=None):
    velden = {"soort": soort, "bestand": SimpleUploadedFile(naam, inhoud)}
    if bevestigen:
        velden["bevestigen"] = "on"
    if accounthouder:
        velden["accounthouder"] = accounthouder.pk
    return client.post(reverse("wsp:importeren"), velden)


def test_a_file_over_the_row_limit_is_refused_up_front_with_a_dutch_message(
    client, adviseur, settings, django_capture_on_commit_callbacks
):
    settings.WERKCENTRUM_IMPORT_MAX_REGELS = 5
    client.force_login(adviseur)
    with django_capture_on_commit_callbacks(execute=True) as taken:
        response = _upload(client, "groot.csv", _csv(6), bevestigen=True)
    assert response.status_code == 400
    assert response.context["form"].errors["bestand"] == [
        "Dit bestand heeft 6 regels; één import mag er hoogstens 5 hebben. "
        "Splits het bestand en importeer de delen na elkaar."
    ]
    assert not taken and not ImportTaak.objects.exists() and not Werkgever.objects.exists()
    # At the limit the file is taken.
    with django_capture_on_commit_callbacks(execute=True):
        response = _upload(client, "precies.csv", _csv(5), bevestigen=True, accounthouder=adviseur)
    assert response.status_code == 302
    assert Werkgever.objects.count() == 5


def test_the_request_only_queues_the_work(client, adviseur):
    client.force_login(adviseur)
    # Without running the on-commit callbacks the worker never ran: nothing checked yet.
    response = _upload(client, "werkgevers.csv", (DATA / "werkgevers.csv").read_bytes())
    taak = ImportTaak.objects.get()
    assert response["Location"] == reverse("importtaak", args=[taak.pk])
    assert (taak.status, taak.totaal, taak.verwerkt) == (ImportTaak.Status.WACHTRIJ, 3, 0)
    assert (taak.regio, taak.gebruiker, taak.soort) == (adviseur.regio, adviseur, "wsp.werkgevers")
    pagina = client.get(response["Location"])
    html = pagina.content.decode()
    # A meta refresh (no inline script under the CSP) while the worker has not finished.
    assert '<meta http-equiv="refresh" content="3">' in html
    assert "0 van 3 regels verwerkt; regels met een fout tot nu toe: 0." in html


def test_the_progress_page_shows_the_workers_running_count(client, adviseur):
    client.force_login(adviseur)
    _upload(client, "groot.csv", _csv(300))
    taak = ImportTaak.objects.get()
    # What the worker reports from inside its transaction (invisible to the page's query).
    importtaken._melder(taak.pk)(150, 4)
    html = client.get(reverse("importtaak", args=[taak.pk])).content.decode()
    assert "150 van 300 regels verwerkt; regels met een fout tot nu toe: 4." in html


def test_the_import_reports_progress_row_by_row(adviseur):
    gezien = []
    inhoud = (DATA / "werkgevers_fout.csv").read_bytes()
    importeren(
        soort="werkgevers",
        inhoud=inhoud,
        bestandsnaam="w.csv",
        regio=adviseur.regio,
        user=adviseur,
        bevestigen=False,
        voortgang=lambda verwerkt, fouten: gezien.append((verwerkt, fouten)),
    )
    assert gezien == [(1, 0), (2, 1), (3, 2)]


def test_after_the_check_the_taak_holds_the_figures_and_stops_refreshing(
    client, adviseur, django_capture_on_commit_callbacks
):
    client.force_login(adviseur)
    with django_capture_on_commit_callbacks(execute=True):
        response = _upload(client, "w.csv", (DATA / "werkgevers_fout.csv").read_bytes())
    taak = ImportTaak.objects.get()
    assert (taak.status, taak.totaal, taak.verwerkt) == (ImportTaak.Status.AFGEKEURD, 3, 3)
    assert {(f["rij"], f["kolom"]) for f in taak.fouten} == {(3, "kvk_nummer"), (4, "sector")}
    assert taak.inhoud in (b"", memoryview(b""))  # finished: the file is gone
    html = client.get(response["Location"]).content.decode()
    assert "http-equiv" not in html
    assert "3 van 3 regels verwerkt; regels met een fout tot nu toe: 2." in html


def test_one_bad_row_imports_nothing_even_when_confirmed(
    client, adviseur, django_capture_on_commit_callbacks
):
    client.force_login(adviseur)
    with django_capture_on_commit_callbacks(execute=True):
        _upload(client, "w.csv", (DATA / "werkgevers_fout.csv").read_bytes(), bevestigen=True)
    assert ImportTaak.objects.get().status == ImportTaak.Status.AFGEKEURD
    assert not Werkgever.objects.exists()


def test_a_crash_halfway_the_import_leaves_nothing_and_says_so(
    client, adviseur, monkeypatch, django_capture_on_commit_callbacks
):
    origineel = RegioResource.import_row

    def import_row(self, row, instance_loader, **kwargs):
        if not kwargs["dry_run"] and kwargs["row_number"] == 2:
            raise RuntimeError("schijf vol")
        return origineel(self, row, instance_loader, **kwargs)

    monkeypatch.setattr(RegioResource, "import_row", import_row)
    client.force_login(adviseur)
    with django_capture_on_commit_callbacks(execute=True):
        inhoud = (DATA / "werkgevers.csv").read_bytes()
        _upload(client, "w.csv", inhoud, bevestigen=True, accounthouder=adviseur)
    taak = ImportTaak.objects.get()
    assert taak.status == ImportTaak.Status.AFGEKEURD
    assert taak.fouten[0]["melding"] == "Het verwerken is mislukt; er is niets opgeslagen."
    assert not Werkgever.objects.exists()


def test_a_taak_is_seen_and_confirmed_only_by_its_uploader_in_its_regio(
    client, adviseur, maak_gebruiker, regio_b, django_capture_on_commit_callbacks
):
    client.force_login(adviseur)
    with django_capture_on_commit_callbacks(execute=True):
        _upload(client, "w.csv", (DATA / "werkgevers.csv").read_bytes())
    taak = ImportTaak.objects.get()
    for ander in (maak_gebruiker("wsp_adviseur"), maak_gebruiker("wsp_manager", regio=regio_b)):
        client.force_login(ander)
        assert client.get(reverse("importtaak", args=[taak.pk])).status_code == 404
        assert client.post(reverse("importtaak_bevestigen", args=[taak.pk])).status_code == 404
    taak.refresh_from_db()
    assert taak.status == ImportTaak.Status.GECONTROLEERD and not Werkgever.objects.exists()


def test_confirming_imports_once_however_often_it_is_confirmed_or_rerun(
    client, adviseur, django_capture_on_commit_callbacks
):
    from werkcentrum.tasks import importtaak_uitvoeren

    client.force_login(adviseur)
    with django_capture_on_commit_callbacks(execute=True):
        _upload(client, "w.csv", (DATA / "werkgevers.csv").read_bytes())
    taak = ImportTaak.objects.get()
    assert taak.status == ImportTaak.Status.GECONTROLEERD and not Werkgever.objects.exists()
    url = reverse("importtaak_bevestigen", args=[taak.pk])
    with django_capture_on_commit_callbacks(execute=True) as eerste:
        client.post(url, {"accounthouder": adviseur.pk})
    with django_capture_on_commit_callbacks(execute=True) as tweede:
        response = client.post(url, {"accounthouder": adviseur.pk}, follow=True)
    assert len(eerste) == 1 and not tweede  # the second confirm queues nothing
    assert "al bevestigd" in response.content.decode()
    taak.refresh_from_db()
    assert taak.status == ImportTaak.Status.GEIMPORTEERD
    assert taak.samenvatting == {
        "nieuw": 3,
        "gewijzigd": 0,
        "ongewijzigd": 0,
        "zonder_accounthouder": 3,
    }
    assert importtaak_uitvoeren.delay(taak.pk).get() == "al gedaan"  # a redelivered task
    assert Werkgever.objects.count() == 3


def test_the_preview_asks_for_the_accounthouder_of_werkgevers_without_one(
    client, adviseur, manager, maak_gebruiker, regio_b, django_capture_on_commit_callbacks
):
    gids = maak_gebruiker("gids", first_name="Gerrit", last_name="Gids")
    elders = maak_gebruiker("wsp_adviseur", regio=regio_b, first_name="Els", last_name="Elders")
    client.force_login(adviseur)
    with django_capture_on_commit_callbacks(execute=True):
        response = _upload(client, "w.csv", (DATA / "werkgevers.csv").read_bytes())
    taak = ImportTaak.objects.get()
    html = client.get(response["Location"]).content.decode()
    assert "3 werkgevers hebben in het bestand geen accounthouder" in html
    assert "Anouk Adviseur" in html and "Mila Manager" in html
    assert "Gerrit Gids" not in html and "Els Elders" not in html
    url = reverse("importtaak_bevestigen", args=[taak.pk])
    for keuze, melding in (
        ({}, "Kies de accounthouder van de werkgevers zonder accounthouder."),
        ({"accounthouder": elders.pk}, "Kies een WSP-adviseur of -manager van jouw regio."),
        ({"accounthouder": gids.pk}, "Kies een WSP-adviseur of -manager van jouw regio."),
    ):
        with django_capture_on_commit_callbacks(execute=True) as taken:
            response = client.post(url, keuze)
        assert response.status_code == 400 and not taken
        assert response.context["form"].errors["accounthouder"] == [melding]
        taak.refresh_from_db()
        assert taak.status == ImportTaak.Status.GECONTROLEERD
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"accounthouder": manager.pk})
    taak.refresh_from_db()
    assert taak.status == ImportTaak.Status.GEIMPORTEERD
    assert list(Werkgever.objects.values_list("accounthouder", flat=True)) == [manager.pk] * 3


def test_a_default_chosen_on_upload_is_preselected_and_a_complete_file_asks_nothing(
    client, adviseur, manager, django_capture_on_commit_callbacks
):
    client.force_login(adviseur)
    with django_capture_on_commit_callbacks(execute=True):
        response = _upload(
            client, "w.csv", (DATA / "werkgevers.csv").read_bytes(), accounthouder=manager
        )
    form = client.get(response["Location"]).context["form"]
    assert form["accounthouder"].value() == manager.pk
    compleet = (KOP + f"12340001,Een BV,Techniek,,{adviseur.email},,,,\n").encode()
    with django_capture_on_commit_callbacks(execute=True):
        response = _upload(client, "compleet.csv", compleet)
    taak = ImportTaak.objects.get(bestandsnaam="compleet.csv")
    assert client.get(response["Location"]).context["form"] is None
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("importtaak_bevestigen", args=[taak.pk]))
    assert Werkgever.objects.get().accounthouder == adviseur


def test_contactmomenten_are_offered_on_the_import_page(client, adviseur):
    client.force_login(adviseur)
    response = client.get(reverse("wsp:importeren"))
    assert ("contactmomenten", "Contactmomenten") in response.context["form"].fields[
        "soort"
    ].choices


def test_the_worker_reports_in_dutch_whatever_language_an_earlier_task_left_active(
    adviseur, django_capture_on_commit_callbacks
):
    from django.utils import translation

    inhoud = (KOP + "12340001,Een BV,Techniek,,,,,geen-e-mailadres,\n").encode()
    with django_capture_on_commit_callbacks(execute=False):
        taak = importtaken.importtaak_aanmaken(
            soort="wsp.werkgevers", inhoud=inhoud, bestandsnaam="w.csv", user=adviseur
        )
    with translation.override("en"):
        importtaken.importtaak_uitvoeren(pk=taak.pk)
    taak.refresh_from_db()
    assert [(f["kolom"], f["melding"]) for f in taak.fouten] == [
        ("email", "Voer een geldig e-mailadres in.")
    ]


def test_exporting_contactmomenten_gives_the_regios_rows_and_is_logged(
    client, adviseur, regio_b, maak_gebruiker
):
    from tests.wsp.factories import WerkgeverFactory
    from werkcentrum.models import AuditEvent
    from wsp.models import Contactmoment

    eigen = WerkgeverFactory(regio=adviseur.regio, naam="Eigen BV", kvk_nummer="12340001")
    elders = WerkgeverFactory(regio=regio_b, naam="Elders BV", kvk_nummer="12340001")
    for werkgever, wie in (
        (eigen, adviseur),
        (elders, maak_gebruiker("wsp_adviseur", regio=regio_b)),
    ):
        Contactmoment.objects.create(
            werkgever=werkgever, type="bezoek", samenvatting=werkgever.naam, medewerker=wie
        )
    client.force_login(adviseur)
    response = client.get(reverse("wsp:exporteren", args=["contactmomenten", "csv"]))
    tekst = response.content.decode("utf-8-sig")
    assert "Eigen BV" in tekst and "Elders BV" not in tekst
    assert tekst.splitlines()[0].split(";")[:3] == ["werkgever_kvk", "datum", "type"]
    event = AuditEvent.objects.get(event="persoonsgegevens_geexporteerd")
    assert event.details == {"model": "wsp.Contactmoment", "aantal": 1}
