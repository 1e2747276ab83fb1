import pytest
from rest_framework.test import APIClient

from werkcentrum.models import AuditEvent
from wsp.models import Plaatsing, Werkgever

from .factories import KandidaatFactory, PlaatsingFactory, VacatureFactory, WerkgeverFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    return APIClient()


def test_lists_are_scoped_and_filtered(api, adviseur, regio_a, regio_b):
    eigen = WerkgeverFactory(regio=regio_a, naam="Korenbloem", kvk_nummer="11110000")
    WerkgeverFactory(regio=regio_a, naam="Duinrand")
    WerkgeverFactory(regio=regio_b, naam="Elders")
    VacatureFactory(werkgever=eigen)
    api.force_authenticate(adviseur)
    namen = [w["naam"] for w in api.get("/api/v1/wsp/werkgevers/").json()["results"]]
    assert namen == ["Duinrand", "Korenbloem"]
    r = api.get("/api/v1/wsp/werkgevers/", {"kvk_nummer": "11110000"}).json()
    assert [w["id"] for w in r["results"]] == [eigen.pk]
    assert api.get("/api/v1/wsp/vacatures/", {"werkgever": eigen.pk}).json()["count"] == 1
    elders = Werkgever.objects.get(naam="Elders")
    assert api.get(f"/api/v1/wsp/werkgevers/{elders.pk}/").status_code == 404


def test_roles_without_wsp_permissions_get_403(api, maak_gebruiker):
    api.force_authenticate(maak_gebruiker("gids"))
    assert api.get("/api/v1/wsp/werkgevers/").status_code == 403
    assert api.get("/api/v1/wsp/kandidaten/").status_code == 403


def test_kandidaat_reads_are_audited(api, adviseur, regio_a):
    kandidaat = KandidaatFactory(regio=regio_a)
    api.force_authenticate(adviseur)
    assert api.get(f"/api/v1/wsp/kandidaten/{kandidaat.pk}/?doel=bemiddeling").status_code == 200
    assert AuditEvent.objects.filter(
        event="persoonsgegevens_ingezien", object_id=str(kandidaat.pk), doel="bemiddeling"
    ).exists()
    api.get("/api/v1/wsp/kandidaten/")
    assert AuditEvent.objects.filter(event="wsp_kandidatenlijst_ingezien").exists()


def test_create_werkgever_via_api_validates_kvk(api, adviseur):
    api.force_authenticate(adviseur)
    r = api.post("/api/v1/wsp/werkgevers/", {"naam": "X", "kvk_nummer": "12"}, format="json")
    assert r.status_code == 400 and "kvk_nummer" in r.json()
    r = api.post(
        "/api/v1/wsp/werkgevers/",
        {"naam": "X", "kvk_nummer": "12345678", "accounthouder": adviseur.pk},
        format="json",
    )
    assert r.status_code == 201
    r = api.post("/api/v1/wsp/werkgevers/", {"naam": "Y", "kvk_nummer": "12345678"}, format="json")
    assert r.status_code == 400


def test_update_respects_object_rules(api, adviseur, regio_a):
    ander = WerkgeverFactory(regio=regio_a)
    api.force_authenticate(adviseur)
    r = api.patch(f"/api/v1/wsp/werkgevers/{ander.pk}/", {"naam": "Nieuw"}, format="json")
    assert r.status_code == 403


def test_plaatsing_via_api_plans_nazorg_and_refuses_without_consent(api, adviseur, regio_a):
    werkgever = WerkgeverFactory(regio=regio_a, accounthouder=adviseur)
    kandidaat = KandidaatFactory(regio=regio_a)
    api.force_authenticate(adviseur)
    data = {
        "werkgever": werkgever.pk,
        "kandidaat": kandidaat.pk,
        "startdatum": "2025-12-31",
        "contractvorm": "bepaald",
        "uren_per_week": 24,
        "instrumenten": ["jobcoach"],
    }
    r = api.post("/api/v1/wsp/plaatsingen/", data, format="json")
    assert r.status_code == 201, r.json()
    assert [m["vervaldatum"] for m in r.json()["nazorgmomenten"]] == ["2026-02-28", "2026-05-31"]
    assert api.post("/api/v1/wsp/plaatsingen/", data, format="json").status_code == 400
    zonder = KandidaatFactory(regio=regio_a, toestemming=False, toestemming_op=None)
    r = api.post("/api/v1/wsp/plaatsingen/", {**data, "kandidaat": zonder.pk}, format="json")
    assert r.status_code == 400
    assert Plaatsing.objects.count() == 1
    open_ = api.get("/api/v1/wsp/nazorgmomenten/", {"open": "true"}).json()
    assert open_["count"] == 2
    assert PlaatsingFactory  # factory import used elsewhere


def test_a_polled_list_shows_a_save_at_once_and_filters(api, adviseur, regio_a):
    WerkgeverFactory(regio=regio_a, naam="Korenbloem")
    api.force_authenticate(adviseur)
    namen = [w["naam"] for w in api.get("/api/v1/wsp/werkgevers/").json()["results"]]
    assert namen == ["Korenbloem"]
    WerkgeverFactory(regio=regio_a, naam="Duinrand")
    namen = [w["naam"] for w in api.get("/api/v1/wsp/werkgevers/").json()["results"]]
    assert namen == ["Duinrand", "Korenbloem"]
    r = api.get("/api/v1/wsp/werkgevers/", {"naam": "koren"}).json()
    assert [w["naam"] for w in r["results"]] == ["Korenbloem"]
    # The page's filters work on the API too (one FilterSet): search and accounthouder by id.
    r = api.get("/api/v1/wsp/werkgevers/", {"zoek": "duin"}).json()
    assert [w["naam"] for w in r["results"]] == ["Duinrand"]


def test_a_polled_kandidaat_list_is_audited_each_time(api, adviseur, regio_a):
    kandidaat = KandidaatFactory(regio=regio_a)
    api.force_authenticate(adviseur)
    for _ in range(3):
        assert api.get("/api/v1/wsp/kandidaten/").json()["results"][0]["id"] == kandidaat.pk
    regels = AuditEvent.objects.filter(event="wsp_kandidatenlijst_ingezien", gebruiker=adviseur)
    assert regels.count() == 3
