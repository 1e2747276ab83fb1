"""Doelgroepen and instrumenten differ per regio (issue 24 point 3): data, not code. A regio
offers exactly its own active list in forms, filters and the API; names are the regio's;
codes stay what records store; the national lists are the default."""

from __future__ import annotations

import importlib
from datetime import date

import pytest
import yaml
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse
from rest_framework.test import APIClient

from tests.factories import OrganisatieFactory
from werkcentrum import regiodefinitie
from wsp import services
from wsp.factsheets.selectors import Periode, factsheet_cijfers
from wsp.models import Kandidaat, WspDoelgroep, WspInstrument
from wsp.regiolijsten import (
    doelgroep_controleren,
    doelgroepen_voor,
    in_gebruik,
    lijst_bijwerken,
    nationale_doelgroepen,
)

from .factories import KandidaatFactory, PlaatsingFactory

pytestmark = pytest.mark.django_db

EIGEN = [("statushouder", "Statushouders"), ("jongeren", "Jongeren zonder startkwalificatie")]


@pytest.fixture
def eigen_lijst(regio_a):
    lijst_bijwerken(WspDoelgroep, regio=regio_a, items=EIGEN)
    return regio_a


def _opties(html: str, naam: str) -> list[str]:
    """The option values of the select named `naam`, in order, without the empty one."""
    import re

    select = re.search(rf'<select name="{naam}"[^>]*>(.*?)</select>', html, re.S)
    assert select, naam
    return [v for v in re.findall(r'<option value="([^"]*)"', select.group(1)) if v]


# --- what is offered ------------------------------------------------------------------------


def test_a_regio_with_its_own_list_offers_exactly_it_in_form_filter_and_api(
    client, settings, eigen_lijst, regio_b, adviseur
):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    client.force_login(adviseur)
    formulier = client.get(reverse("wsp:kandidaat_nieuw")).content.decode()
    assert _opties(formulier, "doelgroep") == ["statushouder", "jongeren"]
    assert "Statushouders" in formulier
    lijst = client.get(reverse("wsp:kandidaten")).content.decode()
    assert set(_opties(lijst, "doelgroep")) >= {"statushouder", "jongeren"}

    lijst_bijwerken(WspDoelgroep, regio=regio_b, items=[("elders", "Alleen in regio B")])
    KandidaatFactory(regio=eigen_lijst, doelgroep="statushouder", achternaam="Eigen")
    KandidaatFactory(regio=regio_b, doelgroep="elders", achternaam="Elders")
    api = APIClient()
    api.force_authenticate(adviseur)
    r = api.get("/api/v1/wsp/kandidaten/", {"doelgroep": "statushouder"})
    assert [k["achternaam"] for k in r.json()["results"]] == ["Eigen"]
    # Another regio's code is not a choice here: a 400 naming the parameter.
    r = api.get("/api/v1/wsp/kandidaten/", {"doelgroep": "elders"})
    assert r.status_code == 400 and "doelgroep" in r.json()


def test_another_regios_list_never_shows(client, settings, eigen_lijst, regio_b, maak_gebruiker):
    lijst_bijwerken(WspDoelgroep, regio=regio_b, items=[("elders", "Alleen in regio B")])
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    client.force_login(maak_gebruiker("wsp_adviseur", regio=regio_b))
    html = client.get(reverse("wsp:kandidaat_nieuw")).content.decode()
    assert _opties(html, "doelgroep") == ["elders"]
    assert "Statushouders" not in html
    assert doelgroepen_voor(eigen_lijst) == EIGEN


def test_a_deactivated_doelgroep_is_no_longer_offered_but_stays_readable(regio_a, adviseur):
    kandidaat = KandidaatFactory(regio=regio_a, doelgroep="oekraine")
    WspDoelgroep.objects.filter(regio=regio_a, code="oekraine").update(
        actief=False, naam="Oekraïne (tot 2026)"
    )
    assert "oekraine" not in dict(doelgroepen_voor(regio_a))
    assert Kandidaat.objects.get(pk=kandidaat.pk).get_doelgroep_display() == "Oekraïne (tot 2026)"
    # The record keeps it when edited; a new one cannot choose it.
    services.kandidaat_bijwerken(kandidaat=kandidaat, door=adviseur, doelgroep="oekraine")
    with pytest.raises(ValidationError) as fout:
        doelgroep_controleren(regio=regio_a, code="oekraine")
    assert (
        "Onbekende doelgroep 'oekraine' voor deze regio" in fout.value.message_dict["doelgroep"][0]
    )


# --- unknown codes --------------------------------------------------------------------------


def test_an_unknown_code_is_refused_with_a_dutch_message(eigen_lijst, adviseur):
    organisatie = OrganisatieFactory(regio=eigen_lijst)
    with pytest.raises(ValidationError) as fout:
        services.kandidaat_registreren(
            regio=eigen_lijst,
            door=adviseur,
            voornaam="Sam",
            achternaam="Jansen",
            woongemeente=organisatie.gemeente or _gemeente(eigen_lijst),
            doelgroep="ww",
            opleidingsniveau="mbo2",
            overgedragen_door=organisatie,
            overgedragen_op=date(2025, 1, 6),
            toestemming=True,
            toestemming_op=date(2025, 1, 6),
        )
    assert fout.value.message_dict["doelgroep"] == [
        "Onbekende doelgroep 'ww' voor deze regio; kies uit: statushouder, jongeren."
    ]
    assert not Kandidaat.objects.exists()


def _gemeente(regio):
    from tests.factories import GemeenteFactory

    return GemeenteFactory(regio=regio)


def test_the_form_refuses_another_regios_code_and_keeps_the_input(
    client, settings, eigen_lijst, adviseur
):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    client.force_login(adviseur)
    r = client.post(reverse("wsp:kandidaat_nieuw"), {"voornaam": "Sam", "doelgroep": "ww"})
    assert r.status_code == 400
    assert "Kies een doelgroep uit de lijst van de regio." in r.content.decode()
    assert r.context["form"]["voornaam"].value() == "Sam"


def test_an_instrument_outside_the_regios_list_is_refused(regio_a, adviseur):
    lijst_bijwerken(WspInstrument, regio=regio_a, items=[("jobcoach", "Jobcoach")])
    plaatsing = PlaatsingFactory(regio=regio_a, werkgever__regio=regio_a)
    with pytest.raises(ValidationError) as fout:
        services.plaatsing_registreren(
            kandidaat=plaatsing.kandidaat,
            werkgever=plaatsing.werkgever,
            startdatum=date(2025, 9, 1),
            door=plaatsing.werkgever.accounthouder,
            contractvorm="bepaald",
            uren_per_week=20,
            instrumenten=["jobcoach", "no_riskpolis"],
            reden_overlap="twee banen",
        )
    assert "Onbekende instrument 'no_riskpolis'" in fout.value.message_dict["instrumenten"][0]


# --- names ----------------------------------------------------------------------------------


def test_lists_and_the_factsheet_show_the_regios_name(client, settings, regio_a, adviseur):
    WspDoelgroep.objects.filter(regio=regio_a, code="pwet").update(naam="Bijstand (P-wet)")
    PlaatsingFactory(
        regio=regio_a,
        werkgever__regio=regio_a,
        kandidaat__doelgroep="pwet",
        startdatum=date(2025, 3, 1),
    )
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    client.force_login(adviseur)
    assert "Bijstand (P-wet)" in client.get(reverse("wsp:plaatsingen")).content.decode()
    assert "Bijstand (P-wet)" in client.get(reverse("wsp:kandidaten")).content.decode()
    cijfers = factsheet_cijfers(regio=regio_a, periode=Periode(2025, 1), vandaag=date(2025, 7, 15))
    tabel = next(t for t in cijfers["tabellen"] if t["code"] == "doelgroep")
    rijen = {r["naam"]: r["waarde"] for r in tabel["rijen"]}
    assert rijen["Bijstand (P-wet)"] == 1
    assert "P-wet" not in rijen


# --- the definition file --------------------------------------------------------------------


def _bestand(**extra) -> str:
    data = yaml.safe_load(regiodefinitie.bestand("amf").read_text())
    data.update(extra)
    return yaml.safe_dump(data, allow_unicode=True)


def _lijst(regio, model=WspDoelgroep) -> list[tuple[str, str, bool]]:
    return list(
        model.objects.filter(regio=regio).order_by("volgorde").values_list("code", "naam", "actief")
    )


def test_a_file_without_lists_gives_the_national_ones_and_loads_twice_unchanged():
    definitie = regiodefinitie.lezen(_bestand())
    regiodefinitie.laden(definitie)
    regio = apps.get_model("werkcentrum", "Arbeidsmarktregio").objects.get(code="amf")
    assert [(c, n) for c, n, _a in _lijst(regio)] == nationale_doelgroepen()
    assert len(_lijst(regio, WspInstrument)) == 9
    assert regiodefinitie.laden(definitie).ongewijzigd


def test_a_file_with_its_own_lists_gives_exactly_those_and_loads_twice_unchanged():
    eigen = [{"code": c, "naam": n} for c, n in EIGEN]
    definitie = regiodefinitie.lezen(
        _bestand(
            doelgroepen=eigen,
            instrumenten=[{"code": "jobcoach", "naam": "Jobcoaching"}],
            doelen={2026: {"statushouder": 40}},
        )
    )
    s = regiodefinitie.laden(definitie)
    assert s.nieuw["doelgroepen"] == 2
    regio = apps.get_model("werkcentrum", "Arbeidsmarktregio").objects.get(code="amf")
    assert _lijst(regio) == [(c, n, True) for c, n in EIGEN]
    assert _lijst(regio, WspInstrument) == [("jobcoach", "Jobcoaching", True)]
    assert regiodefinitie.laden(definitie).ongewijzigd


def test_a_file_listing_fewer_later_deactivates_never_deletes():
    regiodefinitie.laden(regiodefinitie.lezen(_bestand()))
    regiodefinitie.laden(
        regiodefinitie.lezen(_bestand(doelgroepen=[{"code": "ww", "naam": "WW-uitkering"}]))
    )
    regio = apps.get_model("werkcentrum", "Arbeidsmarktregio").objects.get(code="amf")
    lijst = _lijst(regio)
    assert ("ww", "WW-uitkering", True) in lijst
    assert len(lijst) == 6 and sum(actief for _c, _n, actief in lijst) == 1


def test_a_wrong_list_is_refused_with_every_problem_and_writes_nothing():
    with pytest.raises(regiodefinitie.DefinitieFout) as fout:
        regiodefinitie.lezen(
            _bestand(
                doelgroepen=[
                    {"code": "ww", "naam": "WW"},
                    {"code": "ww", "naam": "Nog eens WW"},
                    {"code": "leeg", "naam": " "},
                    {"code": "Fout Code", "naam": "X"},
                ],
                doelen={2026: {"wajong": 10}},
            )
        )
    assert "doelgroepen: code 'ww' staat er meer dan één keer in." in fout.value.fouten
    assert "doelgroepen[3]: 'naam' ontbreekt of is leeg." in fout.value.fouten
    assert any("doelgroepen[4]: code 'Fout Code'" in f for f in fout.value.fouten)
    assert (
        not apps.get_model("werkcentrum", "Arbeidsmarktregio").objects.filter(code="amf").exists()
    )


def test_targets_in_the_file_must_name_the_files_own_doelgroepen():
    with pytest.raises(regiodefinitie.DefinitieFout) as fout:
        regiodefinitie.lezen(
            _bestand(
                doelgroepen=[{"code": "statushouder", "naam": "Statushouders"}],
                doelen={2026: {"wajong": 10}},
            )
        )
    assert fout.value.fouten == [
        "doelen[2026]: doelgroep 'wajong' is onbekend; kies uit statushouder."
    ]


# --- the regio beheerder in the admin -------------------------------------------------------


def test_the_beheerder_manages_the_list_of_their_own_regio_only(
    client, settings, regio_a, regio_b, maak_gebruiker
):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    lijst_bijwerken(WspDoelgroep, regio=regio_b, items=[("elders", "Alleen in regio B")])
    client.force_login(maak_gebruiker("beheerder", regio=regio_a, is_staff=True))
    html = client.get(reverse("admin:wsp_wspdoelgroep_changelist")).content.decode()
    assert "Wajong" in html and "Alleen in regio B" not in html
    r = client.post(
        reverse("admin:wsp_wspdoelgroep_add"),
        {"code": "statushouder", "naam": "Statushouders", "volgorde": 7, "actief": "on"},
    )
    assert r.status_code == 302
    assert WspDoelgroep.objects.get(code="statushouder").regio == regio_a
    wajong = WspDoelgroep.objects.get(regio=regio_a, code="wajong")
    r = client.post(
        reverse("admin:wsp_wspdoelgroep_change", args=[wajong.pk]),
        {"code": "anders", "naam": "Wajong (UWV)", "volgorde": 1},
    )
    assert r.status_code == 302
    wajong.refresh_from_db()
    # Renamed and deactivated (unchecked); the code, what records store, stays.
    assert (wajong.code, wajong.naam, wajong.actief) == ("wajong", "Wajong (UWV)", False)


def test_a_code_in_use_cannot_be_deleted(client, settings, regio_a, maak_gebruiker):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    KandidaatFactory(regio=regio_a, doelgroep="wia")
    gebruikt = WspDoelgroep.objects.get(regio=regio_a, code="wia")
    vrij = WspDoelgroep.objects.get(regio=regio_a, code="wajong")
    assert in_gebruik(gebruikt) and not in_gebruik(vrij)
    client.force_login(maak_gebruiker("beheerder", regio=regio_a, is_staff=True))
    url = reverse("admin:wsp_wspdoelgroep_delete", args=[gebruikt.pk])
    html = client.get(url).content.decode()
    assert "staat nog in gegevens; zet hem op niet actief" in html
    client.post(url, {"post": "yes"})
    assert WspDoelgroep.objects.filter(pk=gebruikt.pk).exists()
    client.post(reverse("admin:wsp_wspdoelgroep_delete", args=[vrij.pk]), {"post": "yes"})
    assert not WspDoelgroep.objects.filter(pk=vrij.pk).exists()


def test_an_instrument_in_a_placements_list_counts_as_in_use(regio_a):
    PlaatsingFactory(regio=regio_a, werkgever__regio=regio_a, instrumenten=["jobcoach"])
    assert in_gebruik(WspInstrument.objects.get(regio=regio_a, code="jobcoach"))
    assert not in_gebruik(WspInstrument.objects.get(regio=regio_a, code="scholing"))


# --- the data migration ---------------------------------------------------------------------


def test_the_data_migration_gives_existing_regios_the_national_lists_and_keeps_odd_codes(
    regio_a,
):
    kandidaat = KandidaatFactory(regio=regio_a, doelgroep="wajong")
    WspDoelgroep.objects.filter(regio=regio_a).delete()
    WspInstrument.objects.filter(regio=regio_a).delete()
    # A code stored before any list checked it (an old import).
    Kandidaat.objects.filter(pk=kandidaat.pk).update(doelgroep="oud")
    migratie = importlib.import_module("wsp.migrations.0019_regio_doelgroepen_instrumenten")
    migratie.nationale_lijsten(apps, None)
    lijst = _lijst(regio_a)
    assert [(c, n) for c, n, _a in lijst[:6]] == nationale_doelgroepen()
    assert lijst[6] == ("oud", "oud", False)
    assert len(_lijst(regio_a, WspInstrument)) == 9
    kandidaat.refresh_from_db()
    kandidaat.full_clean()  # the stored code is still valid
    migratie.nationale_lijsten(apps, None)  # again: nothing changes
    assert _lijst(regio_a) == lijst


def test_a_regio_made_without_a_file_gets_the_national_lists_once():
    regio = apps.get_model("werkcentrum", "Arbeidsmarktregio").objects.create(
        code="nieuw", naam="Nieuwe regio"
    )
    assert not WspDoelgroep.objects.filter(regio=regio).exists()
    regiodefinitie.standaarden_geven(regio)  # what the admin does on adding a regio
    assert [(c, n) for c, n, _a in _lijst(regio)] == nationale_doelgroepen()
    assert regiodefinitie.standaarden_geven(regio).ongewijzigd


def test_the_dashboard_shows_the_regios_doelgroepen_by_name(client, settings, regio_a, manager):
    lijst_bijwerken(WspDoelgroep, regio=regio_a, items=EIGEN)
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    client.force_login(manager)
    html = client.get(reverse("wsp:dashboard"), {"jaar": 2025}).content.decode()
    assert "Statushouders" in html and "Wajong" not in html


def test_the_doelgroep_filter_offers_the_regio_list_even_after_the_class_field_was_built(
    eigen_lijst, adviseur, rf
):
    """The API schema builds the class's filter fields once (empty choices); a later
    FilterSet must still offer the regio's list (this made CI depend on test order)."""
    from wsp.filters import KandidaatFilter, PlaatsingFilter

    for klasse in (KandidaatFilter, PlaatsingFilter):
        assert klasse.base_filters["doelgroep"].field.choices is not None  # builds _field
        request = rf.get("/")
        request.user = adviseur
        keuzes = [c for c, _ in klasse(request=request).filters["doelgroep"].field.choices]
        assert {"statushouder", "jongeren"} <= set(keuzes)
