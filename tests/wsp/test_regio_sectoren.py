"""Clusters and sectoren per regio (issue 24 point 3): the national list is shared (regio
NULL, one code for every regio), a regio adds its own items and hides national ones. Forms,
filters, the API, the public verzoek form and the import offer and accept exactly the regio's
items; a record keeps a sector hidden after it was chosen; another regio's item is refused
everywhere; the regio beheerder keeps the list in the admin; the definition file loads it."""

from __future__ import annotations

import re

import pytest
import yaml
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from werkcentrum import regiodefinitie
from werkcentrum.models import Arbeidsmarktregio
from wsp import services
from wsp.forms import VacatureForm, WerkgeverForm
from wsp.importeren import importeren
from wsp.models import Cluster, Sector, Vacature, Werkgever, Werkgeversverzoek
from wsp.regiolijsten import clusters_voor, sector_controleren, sectoren_voor

from .factories import VacatureFactory, WerkgeverFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _zonder_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


@pytest.fixture
def lijsten(regio_a, regio_b):
    """Regio A: an own sector (havens) and cluster (maritiem), national 'beveiliging'
    hidden. Regio B: its own sector 'defensie' and cluster 'veiligheid'."""
    handel = Cluster.objects.get(code="handel", regio=None)
    oozd = Cluster.objects.get(code="oozd", regio=None)
    maritiem = Cluster.objects.create(regio=regio_a, code="maritiem", naam="Maritiem")
    havens = Sector.objects.create(
        regio=regio_a, code="havens", naam="Havens en zeevaart", cluster=maritiem
    )
    veiligheid = Cluster.objects.create(regio=regio_b, code="veiligheid", naam="Veiligheid")
    defensie = Sector.objects.create(
        regio=regio_b, code="defensie", naam="Defensie en veiligheid", cluster=oozd
    )
    beveiliging = Sector.objects.get(code="beveiliging")
    beveiliging.verborgen_in.add(regio_a)
    return {
        "handel": handel,
        "maritiem": maritiem,
        "havens": havens,
        "veiligheid": veiligheid,
        "defensie": defensie,
        "beveiliging": beveiliging,
    }


def _opties(html: str, naam: str) -> list[str]:
    select = re.search(rf'<select name="{naam}"[^>]*>(.*?)</select>', html, re.S)
    assert select, naam
    return [v for v in re.findall(r'<option value="([^"]*)"', select.group(1)) if v]


# --- what a regio offers -------------------------------------------------------------------


def test_a_regio_offers_the_national_items_it_did_not_hide_and_its_own(lijsten, regio_a, regio_b):
    a = set(sectoren_voor(regio_a).values_list("code", flat=True))
    b = set(sectoren_voor(regio_b).values_list("code", flat=True))
    assert {"havens", "bouw", "zorg-welzijn"} <= a
    assert "defensie" not in a and "beveiliging" not in a
    assert {"defensie", "beveiliging", "bouw"} <= b and "havens" not in b
    # A record's current (hidden) sector stays a choice when it is edited.
    assert "beveiliging" in set(
        sectoren_voor(regio_a, ook=[lijsten["beveiliging"].pk]).values_list("code", flat=True)
    )
    assert set(clusters_voor(regio_a).values_list("code", flat=True)) == {
        "techniek",
        "zorg",
        "oozd",
        "handel",
        "maritiem",
    }
    # The national rows stay one row per code, as the existing tests and factsheets use them.
    assert Sector.objects.get(code="bouw").regio_id is None


def test_the_check_refuses_another_regios_item_and_a_hidden_new_one(lijsten, regio_a):
    with pytest.raises(ValidationError) as fout:
        sector_controleren(regio=regio_a, sector=lijsten["defensie"])
    assert fout.value.message_dict["sector"] == [
        "Sector 'Defensie en veiligheid' hoort bij een andere regio."
    ]
    with pytest.raises(ValidationError) as fout:
        sector_controleren(regio=regio_a, sector=lijsten["beveiliging"])
    assert fout.value.message_dict["sector"] == [
        "Sector 'Beveiliging en Bewaking' wordt in deze regio niet gebruikt."
    ]
    # The record's current value is fine; another regio's never is.
    sector_controleren(regio=regio_a, sector=lijsten["beveiliging"], huidig=lijsten["beveiliging"])
    with pytest.raises(ValidationError):
        sector_controleren(regio=regio_a, sector=lijsten["defensie"], huidig=lijsten["defensie"])


# --- forms -----------------------------------------------------------------------------------


def test_the_werkgever_form_offers_the_regios_sectoren(client, lijsten, adviseur):
    client.force_login(adviseur)
    html = client.get(reverse("wsp:werkgever_nieuw")).content.decode()
    opties = _opties(html, "sector")
    assert str(lijsten["havens"].pk) in opties
    assert str(lijsten["defensie"].pk) not in opties
    assert str(lijsten["beveiliging"].pk) not in opties


def _werkgever_data(w: Werkgever, **anders) -> dict:
    return {
        "naam": w.naam,
        "kvk_nummer": w.kvk_nummer,
        "sector": w.sector_id,
        "partnerschap": w.partnerschap,
        "accounthouder": w.accounthouder_id,
        **anders,
    }


def test_an_existing_werkgever_keeps_its_hidden_sector_when_edited(lijsten, regio_a, adviseur):
    werkgever = WerkgeverFactory(
        regio=regio_a, accounthouder=adviseur, sector=lijsten["beveiliging"]
    )
    form = WerkgeverForm(
        data=_werkgever_data(werkgever, naam="Nieuwe naam"), instance=werkgever, user=adviseur
    )
    assert str(lijsten["beveiliging"].pk) in [str(v) for v, _l in form.fields["sector"].choices]
    assert form.is_valid(), form.errors
    # A new werkgever cannot choose it, nor another regio's sector.
    for sector in (lijsten["beveiliging"], lijsten["defensie"]):
        nieuw = WerkgeverForm(
            data=_werkgever_data(werkgever, kvk_nummer="99990000", sector=sector.pk),
            user=adviseur,
        )
        assert not nieuw.is_valid() and "sector" in nieuw.errors


def test_the_vacature_and_kandidaat_forms_use_the_regios_sectoren(
    client, lijsten, regio_a, adviseur
):
    werkgever = WerkgeverFactory(regio=regio_a, accounthouder=adviseur)
    vacature = VacatureFactory(werkgever=werkgever, sector=lijsten["beveiliging"])
    form = VacatureForm(instance=vacature, user=adviseur)
    keuzes = {str(v) for v, _l in form.fields["sector"].choices}
    assert {str(lijsten["beveiliging"].pk), str(lijsten["havens"].pk)} <= keuzes
    assert str(lijsten["defensie"].pk) not in keuzes
    assert str(lijsten["beveiliging"].pk) not in {
        str(v) for v, _l in VacatureForm(user=adviseur).fields["sector"].choices
    }
    client.force_login(adviseur)
    html = client.get(reverse("wsp:kandidaat_nieuw")).content.decode()
    assert f'value="{lijsten["havens"].pk}"' in html
    assert "Defensie en veiligheid" not in html and "Beveiliging en Bewaking" not in html


def test_the_model_refuses_another_regios_sector_and_cluster(lijsten, regio_a):
    werkgever = WerkgeverFactory(regio=regio_a, sector=lijsten["defensie"])
    with pytest.raises(ValidationError) as fout:
        werkgever.full_clean()
    assert "sector" in fout.value.message_dict
    vacature = Vacature(regio=regio_a, werkgever=werkgever, sector=lijsten["defensie"])
    with pytest.raises(ValidationError) as fout:
        vacature.clean()
    assert fout.value.message_dict["sector"] == ["Dit hoort bij een andere regio."]
    verzoek = Werkgeversverzoek(regio=regio_a, cluster=lijsten["veiligheid"])
    with pytest.raises(ValidationError) as fout:
        verzoek.clean()
    assert "cluster" in fout.value.message_dict


def test_an_own_item_keeps_code_meaning_and_cluster_within_the_regio(lijsten, regio_a):
    with pytest.raises(ValidationError) as fout:
        Sector(regio=regio_a, code="bouw", naam="Bouw", cluster=lijsten["handel"]).full_clean()
    assert "al een landelijke code" in fout.value.message_dict["code"][0]
    with pytest.raises(ValidationError) as fout:
        Sector(
            regio=regio_a, code="wacht", naam="Wacht", cluster=lijsten["veiligheid"]
        ).full_clean()
    assert fout.value.message_dict["cluster"] == [
        "Kies een landelijk cluster of een cluster van deze regio."
    ]
    with pytest.raises(ValidationError) as fout:
        Sector(regio=regio_a, code="havens", naam="Dubbel", cluster=lijsten["handel"]).clean()
    assert "bestaat al in deze regio" in fout.value.message_dict["code"][0]


# --- filters ---------------------------------------------------------------------------------


def test_the_cluster_filters_offer_the_regios_clusters(client, lijsten, regio_a, adviseur):
    client.force_login(adviseur)
    html = client.get(reverse("wsp:werkgevers")).content.decode()
    opties = _opties(html, "cluster")
    assert "maritiem" in opties and "veiligheid" not in opties and "zorg" in opties
    havenbedrijf = WerkgeverFactory(regio=regio_a, naam="Havenbedrijf", sector=lijsten["havens"])
    WerkgeverFactory(regio=regio_a, naam="Zorggroep")
    r = client.get(reverse("wsp:werkgevers"), {"cluster": "maritiem"})
    assert havenbedrijf.naam in r.content.decode() and "Zorggroep" not in r.content.decode()
    publiek = client.get("/zkij/vacatures/").content.decode()
    assert str(lijsten["maritiem"].pk) in _opties(publiek, "cluster")
    assert str(lijsten["veiligheid"].pk) not in _opties(publiek, "cluster")


# --- API -------------------------------------------------------------------------------------


def test_the_api_accepts_only_the_regios_sectoren_and_clusters(lijsten, regio_a, adviseur):
    api = APIClient()
    api.force_authenticate(adviseur)
    nieuw = {"naam": "Havenbedrijf", "kvk_nummer": "12345678", "accounthouder": adviseur.pk}
    for sector in (lijsten["defensie"], lijsten["beveiliging"]):
        r = api.post("/api/v1/wsp/werkgevers/", {**nieuw, "sector": sector.pk}, format="json")
        assert r.status_code == 400 and r.json()["sector"] == ["Onbekend in jouw regio."]
    assert not Werkgever.objects.exists()
    r = api.post(
        "/api/v1/wsp/werkgevers/", {**nieuw, "sector": lijsten["havens"].pk}, format="json"
    )
    assert r.status_code == 201, r.content
    assert r.json()["cluster"] == "maritiem"
    # An existing werkgever with a sector hidden since keeps it through an update.
    oud = WerkgeverFactory(regio=regio_a, accounthouder=adviseur, sector=lijsten["beveiliging"])
    r = api.patch(
        f"/api/v1/wsp/werkgevers/{oud.pk}/",
        {"naam": "Anders", "sector": lijsten["beveiliging"].pk},
        format="json",
    )
    assert r.status_code == 200, r.content
    r = api.get("/api/v1/wsp/werkgevers/", {"cluster": "veiligheid"})
    assert r.status_code == 400 and "cluster" in r.json()
    r = api.get("/api/v1/wsp/werkgevers/", {"cluster": "maritiem"})
    assert [w["naam"] for w in r.json()["results"]] == ["Havenbedrijf"]


# --- the public verzoek form and its service ------------------------------------------------


def _verzoek(sector) -> dict:
    return {
        "bedrijfsnaam": "Korenbloem",
        "contactnaam": "Sem",
        "email": "sem@korenbloem.example",
        "vraag": "Wij zoeken een bakker.",
        "sector": sector.pk,
        "website": "",
    }


def test_the_public_verzoek_form_offers_and_accepts_the_regios_sectoren(client, lijsten, regio_a):
    html = client.get("/zkij/vacatures/ik-ben-werkgever/").content.decode()
    opties = _opties(html, "sector")
    assert str(lijsten["havens"].pk) in opties
    assert str(lijsten["beveiliging"].pk) not in opties
    assert str(lijsten["defensie"].pk) not in opties
    for sector in (lijsten["defensie"], lijsten["beveiliging"]):
        r = client.post("/zkij/vacatures/ik-ben-werkgever/", _verzoek(sector))
        assert r.status_code == 400
    assert not Werkgeversverzoek.objects.exists()
    r = client.post("/zkij/vacatures/ik-ben-werkgever/", _verzoek(lijsten["havens"]))
    assert r.status_code == 302
    verzoek = Werkgeversverzoek.objects.get()
    assert (verzoek.sector, verzoek.cluster) == (lijsten["havens"], lijsten["maritiem"])


def test_the_verzoek_service_refuses_another_regios_sector(lijsten, regio_a):
    with pytest.raises(ValidationError) as fout:
        services.verzoek_ontvangen(
            regio=regio_a,
            bron="website",
            bedrijfsnaam="X",
            contactnaam="Y",
            email="y@x.example",
            vraag="Z",
            sector=lijsten["defensie"],
        )
    assert "hoort bij een andere regio" in fout.value.message_dict["sector"][0]
    assert not Werkgeversverzoek.objects.exists()


# --- import ---------------------------------------------------------------------------------


def _import(regio, user, sector: str):
    regels = [
        "kvk_nummer,naam,sector,partnerschap,accounthouder",
        f"12340001,Bakkerij,{sector},operationeel,",
    ]
    return importeren(
        soort="werkgevers",
        inhoud="\n".join(regels).encode(),
        bestandsnaam="werkgevers.csv",
        regio=regio,
        user=user,
        bevestigen=True,
        opties={"accounthouder": user.pk},
    )


@pytest.mark.parametrize("naam", ["Defensie en veiligheid", "Beveiliging en Bewaking"])
def test_the_import_refuses_a_sector_the_regio_does_not_offer(lijsten, regio_a, adviseur, naam):
    resultaat = _import(regio_a, adviseur, naam)
    assert not resultaat.geschreven and not Werkgever.objects.exists()
    assert [(f.rij, f.kolom, f.melding) for f in resultaat.fouten] == [
        (2, "sector", f"Sector '{naam}' is niet gevonden in de sectoren van jouw regio.")
    ]


def test_the_import_finds_the_regios_own_sector_by_name(lijsten, regio_a, adviseur):
    resultaat = _import(regio_a, adviseur, "Havens en zeevaart")
    assert resultaat.geschreven, resultaat.fouten
    assert Werkgever.objects.get().sector == lijsten["havens"]


# --- the admin ------------------------------------------------------------------------------


@pytest.fixture
def beheerder_a(client, maak_gebruiker, regio_a):
    beheerder = maak_gebruiker("beheerder", regio=regio_a, is_staff=True)
    client.force_login(beheerder)
    return beheerder


def test_the_beheerder_sees_national_and_own_items_only(client, lijsten, beheerder_a):
    html = client.get(reverse("admin:wsp_sector_changelist")).content.decode()
    assert "Havens en zeevaart" in html and "Bouw" in html
    assert "Defensie en veiligheid" not in html
    # Whether an item is used in the regio comes right after its name, before the columns a
    # tablet scrolls out of view.
    assert html.index("column-in_mijn_regio") < html.index("column-code")
    vreemd = reverse("admin:wsp_sector_change", args=[lijsten["defensie"].pk])
    assert client.get(vreemd).status_code == 302  # "does not exist" for another regio's item
    client.post(vreemd, {"code": "defensie", "naam": "Overgenomen", "cluster": 1})
    lijsten["defensie"].refresh_from_db()
    assert lijsten["defensie"].naam == "Defensie en veiligheid"


def test_national_items_are_read_only_for_the_beheerder(client, lijsten, beheerder_a):
    bouw = Sector.objects.get(code="bouw")
    url = reverse("admin:wsp_sector_change", args=[bouw.pk])
    r = client.get(url)
    assert r.status_code == 200 and 'name="naam"' not in r.content.decode()
    r = client.post(url, {"naam": "Gewijzigd", "cluster": bouw.cluster_id})
    assert r.status_code == 403
    bouw.refresh_from_db()
    assert bouw.naam == "Bouw" and bouw.regio_id is None


def test_the_beheerder_adds_own_items_in_their_own_regio(client, lijsten, beheerder_a, regio_a):
    r = client.post(
        reverse("admin:wsp_sector_add"),
        {"code": "luchtvaart", "naam": "Luchtvaart", "cluster": lijsten["maritiem"].pk},
    )
    assert r.status_code == 302, r.content.decode()[:2000]
    assert Sector.objects.get(code="luchtvaart").regio == regio_a
    # Another regio's cluster is no choice; a national code is refused in Dutch.
    r = client.post(
        reverse("admin:wsp_sector_add"),
        {"code": "wacht", "naam": "Wacht", "cluster": lijsten["veiligheid"].pk},
    )
    assert r.status_code == 200 and not Sector.objects.filter(code="wacht").exists()
    r = client.post(
        reverse("admin:wsp_sector_add"),
        {"code": "bouw", "naam": "Eigen bouw", "cluster": lijsten["handel"].pk},
    )
    assert "al een landelijke code" in r.content.decode()
    r = client.post(
        reverse("admin:wsp_cluster_add"), {"code": "maritiem", "naam": "Dubbel", "volgorde": 5}
    )
    assert "bestaat al in deze regio" in r.content.decode()


def test_the_beheerder_hides_and_shows_for_their_own_regio_only(
    client, lijsten, beheerder_a, regio_a, regio_b
):
    bouw = Sector.objects.get(code="bouw")
    url = reverse("admin:wsp_sector_changelist")
    client.post(
        url,
        {
            "action": "verbergen_in_mijn_regio",
            # Another regio's item in the selection is not in this admin's queryset.
            "_selected_action": [bouw.pk, lijsten["defensie"].pk],
        },
    )
    assert list(bouw.verborgen_in.all()) == [regio_a]
    assert not lijsten["defensie"].verborgen_in.exists()
    assert "bouw" not in set(sectoren_voor(regio_a).values_list("code", flat=True))
    assert "bouw" in set(sectoren_voor(regio_b).values_list("code", flat=True))
    client.post(url, {"action": "tonen_in_mijn_regio", "_selected_action": [bouw.pk]})
    assert not bouw.verborgen_in.exists()


def test_an_own_item_in_use_is_not_deleted(client, lijsten, beheerder_a, regio_a):
    WerkgeverFactory(regio=regio_a, sector=lijsten["havens"])
    url = reverse("admin:wsp_sector_delete", args=[lijsten["havens"].pk])
    r = client.get(url)
    assert r.status_code == 200
    assert "staat nog in gegevens; verwijderen kan niet" in r.content.decode()
    r = client.post(url, {"post": "yes"})
    assert r.status_code in (200, 403)
    assert Sector.objects.filter(pk=lijsten["havens"].pk).exists()


def test_the_platform_account_sees_every_regios_items(client, lijsten, superuser):
    client.force_login(superuser)
    html = client.get(reverse("admin:wsp_sector_changelist")).content.decode()
    assert "Havens en zeevaart" in html and "Defensie en veiligheid" in html


# --- the definition file --------------------------------------------------------------------


def _bestand(**extra) -> str:
    data = yaml.safe_load(regiodefinitie.bestand("amf").read_text())
    data.update(extra)
    return yaml.safe_dump(data, allow_unicode=True)


def test_amf_has_its_own_sector_and_hides_one_and_loads_twice_unchanged():
    definitie = regiodefinitie.lezen(_bestand())
    s = regiodefinitie.laden(definitie)
    regio = Arbeidsmarktregio.objects.get(code="amf")
    assert s.nieuw["sectoren"] == 1
    defensie = Sector.objects.get(regio=regio, code="defensie")
    assert (defensie.naam, defensie.cluster.code) == ("Defensie en veiligheid", "oozd")
    codes = set(sectoren_voor(regio).values_list("code", flat=True))
    assert "defensie" in codes and "beveiliging" not in codes
    assert regiodefinitie.laden(definitie).ongewijzigd


def test_own_clusters_and_sectoren_load_in_any_order_and_a_later_file_hides_not_deletes():
    definitie = regiodefinitie.lezen(
        _bestand(
            sectoren={"eigen": [{"code": "havens", "naam": "Havens", "cluster": "maritiem"}]},
            clusters={"eigen": [{"code": "maritiem", "naam": "Maritiem"}], "verbergen": ["zorg"]},
        )
    )
    regiodefinitie.laden(definitie)
    regio = Arbeidsmarktregio.objects.get(code="amf")
    assert Sector.objects.get(regio=regio, code="havens").cluster.regio == regio
    assert "zorg" not in set(clusters_voor(regio).values_list("code", flat=True))
    assert regiodefinitie.laden(definitie).ongewijzigd
    # The next file lists neither: the own items are hidden (records may use them), the
    # national cluster is shown again.
    regiodefinitie.laden(regiodefinitie.lezen(_bestand(sectoren={}, clusters={})))
    assert Sector.objects.filter(regio=regio, code="havens").exists()
    assert "havens" not in set(sectoren_voor(regio).values_list("code", flat=True))
    assert "zorg" in set(clusters_voor(regio).values_list("code", flat=True))


@pytest.mark.parametrize(
    ("sectoren", "melding"),
    [
        (
            {"verbergen": ["bestaat-niet"]},
            "sectoren.verbergen[1]: 'bestaat-niet' is geen landelijke code; kies uit ",
        ),
        (
            {
                "eigen": [
                    {"code": "havens", "naam": "Havens", "cluster": "handel"},
                    {"code": "havens", "naam": "Nog eens", "cluster": "handel"},
                ]
            },
            "sectoren.eigen: code 'havens' staat er meer dan één keer in.",
        ),
        (
            {"eigen": [{"code": "bouw", "naam": "Bouw", "cluster": "techniek"}]},
            "sectoren.eigen[1]: code 'bouw' is al een landelijke code; geef het eigen item "
            "een andere code (of verberg het landelijke).",
        ),
        (
            {"eigen": [{"code": "havens", "naam": "Havens", "cluster": "maritiem"}]},
            "sectoren.eigen[1].cluster: cluster 'maritiem' is onbekend; kies uit ",
        ),
        (
            {"eigen": [{"code": "havens", "naam": "Havens", "cluster": "handel", "x": 1}]},
            "sectoren.eigen[1]: verwacht alleen 'cluster', 'code', 'naam'.",
        ),
        (["havens"], "'sectoren' heeft alleen de onderdelen 'eigen' en 'verbergen'."),
    ],
)
def test_a_wrong_section_names_the_place_and_writes_nothing(sectoren, melding):
    aantal = Sector.objects.count()
    with pytest.raises(regiodefinitie.DefinitieFout) as fout:
        regiodefinitie.lezen(_bestand(sectoren=sectoren))
    assert any(f.startswith(melding) for f in fout.value.fouten), fout.value.fouten
    assert Sector.objects.count() == aantal
    assert not Arbeidsmarktregio.objects.filter(code="amf").exists()


# --- query counts ---------------------------------------------------------------------------


@pytest.mark.parametrize("naam", ["wsp:werkgevers", "wsp:vacatures"])
def test_list_pages_keep_a_constant_query_count_with_own_and_hidden_sectoren(
    client, lijsten, regio_a, adviseur, naam
):
    client.force_login(adviseur)
    sectoren = [lijsten["havens"], lijsten["beveiliging"], Sector.objects.get(code="bouw")]

    def tellen(aantal: int) -> int:
        for i in range(aantal):
            werkgever = WerkgeverFactory(
                regio=regio_a, accounthouder=adviseur, sector=sectoren[i % 3]
            )
            VacatureFactory(werkgever=werkgever, sector=sectoren[i % 3])
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse(naam)).status_code == 200
        return len(queries)

    assert tellen(3) == tellen(12)


def test_the_admin_offers_the_beheerder_only_the_clusters_of_their_regio(
    client, lijsten, beheerder_a, regio_a
):
    # As in the regio's own forms: a hidden national cluster and another regio's are no
    # choice for a new own sector.
    lijsten["handel"].verborgen_in.add(regio_a)
    html = client.get(reverse("admin:wsp_sector_add")).content.decode()
    opties = {int(pk) for pk in _opties(html, "cluster")}
    techniek = Cluster.objects.get(code="techniek", regio=None)
    assert {lijsten["maritiem"].pk, techniek.pk} <= opties
    assert lijsten["handel"].pk not in opties and lijsten["veiligheid"].pk not in opties


def test_reimporting_a_werkgever_keeps_the_sector_it_has_although_hidden_since(
    lijsten, regio_a, regio_b, adviseur
):
    """As its form does: a record keeps the sector it already has. A new werkgever, or one of
    another regio with the same KvK-nummer, does not unlock the hidden sector."""
    bestaand = WerkgeverFactory(
        regio=regio_a, kvk_nummer="12340001", naam="Bakkerij", sector=lijsten["beveiliging"]
    )
    resultaat = _import(regio_a, adviseur, "Beveiliging en Bewaking")
    assert not resultaat.fouten, resultaat.fouten
    bestaand.refresh_from_db()
    assert bestaand.sector == lijsten["beveiliging"]
    Werkgever.objects.filter(pk=bestaand.pk).update(regio=regio_b)
    resultaat = _import(regio_a, adviseur, "Beveiliging en Bewaking")
    assert [(f.kolom, f.melding) for f in resultaat.fouten] == [
        (
            "sector",
            "Sector 'Beveiliging en Bewaking' is niet gevonden in de sectoren van jouw regio.",
        )
    ]
