"""The vacature status as a state machine: the same rules via service, page, API and import."""

from datetime import date

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from rest_framework.test import APIClient

from wsp import services
from wsp.models import Vacature
from wsp.models.vacatures import LOPENDE_STATUSSEN
from wsp.resources import VacatureResource

from .factories import VacatureFactory, WerkgeverFactory

pytestmark = pytest.mark.django_db

S = Vacature.Status
VANDAAG = date(2025, 6, 16)
# The closing date decides whether verlopen is allowed: before or after VANDAAG.
LOOPT_NOG = date(2025, 7, 31)
GESLOTEN = date(2025, 6, 1)

ALLE = set(S.values)
TOEGESTAAN = {
    (S.OPEN, S.IN_BEHANDELING),
    (S.OPEN, S.INGETROKKEN),
    (S.OPEN, S.VERLOPEN),
    (S.IN_BEHANDELING, S.VERVULD),
    (S.IN_BEHANDELING, S.INGETROKKEN),
    (S.IN_BEHANDELING, S.VERLOPEN),
    (S.INGETROKKEN, S.OPEN),
    (S.VERLOPEN, S.OPEN),
}
GEWEIGERD = sorted({(a, b) for a in ALLE for b in ALLE if a != b} - TOEGESTAAN)


@pytest.fixture(autouse=True)
def _vandaag(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    with time_machine.travel(date(2025, 6, 16), tick=False):
        yield


@pytest.fixture
def accounthouder(adviseur):
    return adviseur


@pytest.fixture
def vacature_van(regio_a, accounthouder):
    def maak(status: str, sluitingsdatum: date = LOOPT_NOG) -> Vacature:
        werkgever = WerkgeverFactory(regio=regio_a, accounthouder=accounthouder)
        return VacatureFactory(werkgever=werkgever, status=status, sluitingsdatum=sluitingsdatum)

    return maak


def _wijzig(vacature, naar, door, **kw):
    # Verlopen needs a passed closing date, reopening a new one after today.
    if naar == S.VERLOPEN:
        Vacature.objects.filter(pk=vacature.pk).update(sluitingsdatum=GESLOTEN)
    if naar == S.OPEN and vacature.status in (S.VERLOPEN, S.INGETROKKEN):
        kw.setdefault("sluitingsdatum", LOOPT_NOG)
    return services.vacature_status_wijzigen(vacature=vacature, status=naar, door=door, **kw)


def test_the_constraint_list_equals_the_status_choices():
    constraint = next(c for c in Vacature._meta.constraints if c.name == "vacature_status_geldig")
    assert sorted(constraint.condition.children[0][1]) == sorted(S.values)
    assert set(LOPENDE_STATUSSEN) == {S.OPEN, S.IN_BEHANDELING}


# --- service --------------------------------------------------------------------------------


@pytest.mark.parametrize(("van", "naar"), sorted(TOEGESTAAN))
def test_allowed_transition_via_service(van, naar, vacature_van, accounthouder):
    vacature = vacature_van(van, GESLOTEN if van == S.VERLOPEN else LOOPT_NOG)
    _wijzig(vacature, naar, accounthouder)
    assert Vacature.objects.get(pk=vacature.pk).status == naar


@pytest.mark.parametrize(("van", "naar"), GEWEIGERD)
def test_refused_transition_via_service(van, naar, vacature_van, accounthouder):
    vacature = vacature_van(van, GESLOTEN)
    with pytest.raises(ValidationError) as fout:
        services.vacature_status_wijzigen(vacature=vacature, status=naar, door=accounthouder)
    assert "kan niet naar" in fout.value.message_dict["status"][0]
    assert Vacature.objects.get(pk=vacature.pk).status == van


def test_verlopen_only_after_the_closing_date(vacature_van, accounthouder):
    vacature = vacature_van(S.OPEN, date(2025, 6, 16))  # closes today: still running
    with pytest.raises(ValidationError) as fout:
        services.vacature_status_wijzigen(vacature=vacature, status=S.VERLOPEN, door=accounthouder)
    assert fout.value.message_dict["status"] == [
        "Een vacature verloopt pas na de sluitingsdatum (16-06-2025); "
        "trek hem in als hij eerder vervalt."
    ]
    assert Vacature.objects.get(pk=vacature.pk).status == S.OPEN


@pytest.mark.parametrize("van", [S.VERLOPEN, S.INGETROKKEN])
@pytest.mark.parametrize("datum", [None, date(2025, 6, 16), date(2025, 6, 1)])
def test_reopening_needs_a_closing_date_after_today(van, datum, vacature_van, accounthouder):
    vacature = vacature_van(van, GESLOTEN)
    with pytest.raises(ValidationError) as fout:
        services.vacature_status_wijzigen(
            vacature=vacature, status=S.OPEN, door=accounthouder, sluitingsdatum=datum
        )
    assert fout.value.message_dict["sluitingsdatum"] == [
        "Kies bij heropenen een nieuwe sluitingsdatum na vandaag."
    ]
    opnieuw = Vacature.objects.get(pk=vacature.pk)
    assert (opnieuw.status, opnieuw.sluitingsdatum) == (van, GESLOTEN)


def test_reopening_sets_the_new_closing_date(vacature_van, accounthouder):
    vacature = vacature_van(S.VERLOPEN, GESLOTEN)
    services.vacature_status_wijzigen(
        vacature=vacature, status=S.OPEN, door=accounthouder, sluitingsdatum=date(2025, 9, 30)
    )
    opnieuw = Vacature.objects.get(pk=vacature.pk)
    assert (opnieuw.status, opnieuw.sluitingsdatum) == (S.OPEN, date(2025, 9, 30))


def test_a_new_closing_date_belongs_only_to_reopening(vacature_van, accounthouder):
    vacature = vacature_van(S.OPEN)
    with pytest.raises(ValidationError) as fout:
        services.vacature_status_wijzigen(
            vacature=vacature,
            status=S.INGETROKKEN,
            door=accounthouder,
            sluitingsdatum=date(2025, 9, 30),
        )
    assert "alleen op bij heropenen" in fout.value.message_dict["sluitingsdatum"][0]
    assert Vacature.objects.get(pk=vacature.pk).sluitingsdatum == LOOPT_NOG


def test_who_may_change_the_status(vacature_van, maak_gebruiker, manager, regio_b):
    vacature = vacature_van(S.OPEN)
    teamlid = maak_gebruiker("wsp_adviseur")
    vacature.werkgever.accountteam.add(teamlid)
    for niet in (teamlid, maak_gebruiker("wsp_adviseur"), maak_gebruiker("gids")):
        with pytest.raises(PermissionError, match="accounthouder van de werkgever"):
            services.vacature_status_wijzigen(vacature=vacature, status=S.INGETROKKEN, door=niet)
    anders = maak_gebruiker("wsp_manager", regio=regio_b)
    with pytest.raises(PermissionError):
        services.vacature_status_wijzigen(vacature=vacature, status=S.INGETROKKEN, door=anders)
    assert Vacature.objects.get(pk=vacature.pk).status == S.OPEN
    services.vacature_status_wijzigen(vacature=vacature, status=S.INGETROKKEN, door=manager)
    assert Vacature.objects.get(pk=vacature.pk).status == S.INGETROKKEN


def test_same_status_and_unknown_status_are_refused(vacature_van, accounthouder):
    vacature = vacature_van(S.OPEN)
    with pytest.raises(ValidationError, match="heeft deze status al"):
        services.vacature_status_wijzigen(vacature=vacature, status=S.OPEN, door=accounthouder)
    with pytest.raises(ValidationError, match="Onbekende status"):
        services.vacature_status_wijzigen(vacature=vacature, status="gesloten", door=accounthouder)


def test_editing_cannot_bypass_the_rules(vacature_van, accounthouder):
    vacature = vacature_van(S.OPEN)
    with pytest.raises(ValidationError, match="kan niet naar"):
        services.vacature_bijwerken(vacature=vacature, door=accounthouder, status=S.VERVULD)
    assert Vacature.objects.get(pk=vacature.pk).status == S.OPEN


def test_a_new_vacature_starts_open(regio_a, accounthouder):
    werkgever = WerkgeverFactory(regio=regio_a, accounthouder=accounthouder)
    with pytest.raises(ValidationError, match="begint altijd als open"):
        services.vacature_registreren(werkgever=werkgever, door=accounthouder, status=S.VERVULD)
    assert not Vacature.objects.exists()


def test_the_database_refuses_an_unknown_status(vacature_van):
    vacature = vacature_van(S.OPEN)
    with pytest.raises(IntegrityError), transaction.atomic():
        Vacature.objects.filter(pk=vacature.pk).update(status="gesloten")


def test_nightly_task_expires_only_running_vacatures_past_closing(vacature_van):
    verlopen = [vacature_van(s, GESLOTEN) for s in (S.OPEN, S.IN_BEHANDELING)]
    blijft = [vacature_van(s, GESLOTEN) for s in (S.VERVULD, S.INGETROKKEN)]
    loopt = vacature_van(S.OPEN, date(2025, 6, 16))
    assert services.vacatures_laten_verlopen() == 2
    assert services.vacatures_laten_verlopen() == 0
    assert {v.status for v in Vacature.objects.filter(pk__in=[v.pk for v in verlopen])} == {
        S.VERLOPEN
    }
    assert [Vacature.objects.get(pk=v.pk).status for v in blijft] == [S.VERVULD, S.INGETROKKEN]
    assert Vacature.objects.get(pk=loopt.pk).status == S.OPEN


# --- page -----------------------------------------------------------------------------------


def _pagina(vacature):
    return reverse("wsp:vacature_status", args=[vacature.pk])


@pytest.mark.parametrize(("van", "naar"), sorted(TOEGESTAAN))
def test_allowed_transition_via_page(van, naar, vacature_van, accounthouder, client):
    vacature = vacature_van(van, GESLOTEN if van == S.VERLOPEN or naar == S.VERLOPEN else LOOPT_NOG)
    client.force_login(accounthouder)
    data = {"status": naar}
    if naar == S.OPEN:
        data["sluitingsdatum"] = "2025-09-30"
    r = client.post(_pagina(vacature), data)
    assert r.status_code == 302
    assert Vacature.objects.get(pk=vacature.pk).status == naar


@pytest.mark.parametrize(("van", "naar"), GEWEIGERD)
def test_refused_transition_via_page(van, naar, vacature_van, accounthouder, client):
    vacature = vacature_van(van, GESLOTEN)
    client.force_login(accounthouder)
    r = client.post(_pagina(vacature), {"status": naar})
    assert r.status_code == 400
    assert "kan niet naar" in r.content.decode()
    assert Vacature.objects.get(pk=vacature.pk).status == van


def test_page_offers_only_allowed_statuses_and_keeps_input(vacature_van, accounthouder, client):
    vacature = vacature_van(S.VERLOPEN, GESLOTEN)
    client.force_login(accounthouder)
    r = client.get(_pagina(vacature))
    opties = r.context["form"]["status"].field.widget.choices
    assert [waarde for waarde, _ in opties] == [S.OPEN]
    r = client.post(_pagina(vacature), {"status": S.OPEN, "sluitingsdatum": "2025-06-10"})
    assert r.status_code == 400
    html = r.content.decode()
    assert "Kies bij heropenen een nieuwe sluitingsdatum na vandaag." in html
    assert 'value="2025-06-10"' in html
    assert Vacature.objects.get(pk=vacature.pk).status == S.VERLOPEN


def test_page_refuses_others_than_accounthouder_and_manager(
    vacature_van, maak_gebruiker, manager, client
):
    vacature = vacature_van(S.OPEN)
    client.force_login(maak_gebruiker("wsp_adviseur"))
    assert client.post(_pagina(vacature), {"status": S.INGETROKKEN}).status_code == 403
    assert Vacature.objects.get(pk=vacature.pk).status == S.OPEN
    client.force_login(manager)
    assert client.post(_pagina(vacature), {"status": S.INGETROKKEN}).status_code == 302
    assert Vacature.objects.get(pk=vacature.pk).status == S.INGETROKKEN


def test_edit_form_no_longer_changes_the_status(vacature_van, accounthouder, client):
    vacature = vacature_van(S.OPEN)
    client.force_login(accounthouder)
    r = client.get(reverse("wsp:vacature_bewerken", args=[vacature.pk]))
    assert "status" not in r.context["form"].fields


# --- API ------------------------------------------------------------------------------------


@pytest.fixture
def api():
    return APIClient()


def _api_url(vacature):
    return f"/api/v1/wsp/vacatures/{vacature.pk}/status/"


@pytest.mark.parametrize(("van", "naar"), sorted(TOEGESTAAN))
def test_allowed_transition_via_api(van, naar, vacature_van, accounthouder, api):
    vacature = vacature_van(van, GESLOTEN if van == S.VERLOPEN or naar == S.VERLOPEN else LOOPT_NOG)
    api.force_authenticate(accounthouder)
    data = {"status": naar}
    if naar == S.OPEN:
        data["sluitingsdatum"] = "2025-09-30"
    r = api.patch(_api_url(vacature), data, format="json")
    assert r.status_code == 200, r.json()
    assert r.json()["status"] == naar
    assert Vacature.objects.get(pk=vacature.pk).status == naar


@pytest.mark.parametrize(("van", "naar"), GEWEIGERD)
def test_refused_transition_via_api(van, naar, vacature_van, accounthouder, api):
    vacature = vacature_van(van, GESLOTEN)
    api.force_authenticate(accounthouder)
    r = api.patch(_api_url(vacature), {"status": naar}, format="json")
    assert r.status_code == 400
    assert "kan niet naar" in r.json()["status"][0]
    assert Vacature.objects.get(pk=vacature.pk).status == van


def test_api_refuses_others_and_other_regio(vacature_van, maak_gebruiker, regio_b, api):
    vacature = vacature_van(S.OPEN)
    api.force_authenticate(maak_gebruiker("wsp_adviseur"))
    data = {"status": "ingetrokken"}
    assert api.patch(_api_url(vacature), data, format="json").status_code == 403
    api.force_authenticate(maak_gebruiker("wsp_manager", regio=regio_b))
    assert api.patch(_api_url(vacature), data, format="json").status_code == 404
    assert Vacature.objects.get(pk=vacature.pk).status == S.OPEN


# --- import ---------------------------------------------------------------------------------


def _rij(vacature, **wijziging) -> dict:
    resource = VacatureResource(regio=vacature.regio)
    dataset = resource.export(queryset=Vacature.objects.filter(pk=vacature.pk))
    rij = dict(zip(dataset.headers, dataset[0], strict=True))
    rij.update(wijziging)
    return rij


def _importeer(rij: dict, user):
    from wsp.importeren import importeren

    kolommen = list(rij)
    csv = ",".join(kolommen) + "\n" + ",".join(f'"{rij[k]}"' for k in kolommen) + "\n"
    return importeren(
        soort="vacatures",
        inhoud=csv.encode(),
        bestandsnaam="v.csv",
        regio=user.regio,
        user=user,
        bevestigen=True,
    )


def test_import_applies_an_allowed_transition(vacature_van, accounthouder):
    vacature = vacature_van(S.IN_BEHANDELING)
    vacature.externe_id = "V-9"
    vacature.save()
    uitkomst = _importeer(_rij(vacature, status="vervuld"), accounthouder)
    assert uitkomst.ok and uitkomst.geschreven
    assert Vacature.objects.get(pk=vacature.pk).status == S.VERVULD


def test_import_refuses_a_transition_and_names_the_column(vacature_van, accounthouder):
    vacature = vacature_van(S.VERVULD)
    vacature.externe_id = "V-9"
    vacature.save()
    uitkomst = _importeer(_rij(vacature, status="open"), accounthouder)
    assert not uitkomst.geschreven
    assert [(f.rij, f.kolom) for f in uitkomst.fouten] == [(2, "status")]
    assert "kan niet naar" in uitkomst.fouten[0].melding
    assert Vacature.objects.get(pk=vacature.pk).status == S.VERVULD


def test_import_refuses_a_status_change_by_someone_else(vacature_van, maak_gebruiker):
    vacature = vacature_van(S.OPEN)
    vacature.externe_id = "V-9"
    vacature.save()
    uitkomst = _importeer(_rij(vacature, status="ingetrokken"), maak_gebruiker("wsp_adviseur"))
    assert [f.kolom for f in uitkomst.fouten] == ["status"], uitkomst.fouten
    assert "accounthouder" in uitkomst.fouten[0].melding
    assert Vacature.objects.get(pk=vacature.pk).status == S.OPEN


def test_import_of_a_new_row_may_not_expire_before_closing(vacature_van, accounthouder):
    vacature = vacature_van(S.OPEN)
    rij = _rij(vacature, status="verlopen", externe_id="NIEUW-1")
    uitkomst = _importeer(rij, accounthouder)
    assert [f.kolom for f in uitkomst.fouten] == ["status"], uitkomst.fouten
    assert not Vacature.objects.filter(externe_id="NIEUW-1").exists()


# --- transitions that follow from other events ----------------------------------------------


def test_first_voordracht_puts_an_open_vacature_in_behandeling(vacature_van, accounthouder):
    from tests.wsp.factories import KandidaatFactory

    vacature = vacature_van(S.OPEN)
    for _i in range(2):
        kandidaat = KandidaatFactory(regio=vacature.regio)
        services.voordracht_doen(vacature=vacature, kandidaat=kandidaat, door=accounthouder)
        assert Vacature.objects.get(pk=vacature.pk).status == S.IN_BEHANDELING


@pytest.mark.parametrize(
    ("van", "na"),
    [
        (S.OPEN, S.VERVULD),
        (S.IN_BEHANDELING, S.VERVULD),
        # Hired after the closing date from a voordracht made before it: filled after all.
        (S.VERLOPEN, S.VERVULD),
        # A withdrawn vacancy stays withdrawn; the placement itself is still recorded.
        (S.INGETROKKEN, S.INGETROKKEN),
    ],
)
def test_placement_from_a_voordracht_fills_the_vacature(van, na, vacature_van, accounthouder):
    from tests.wsp.factories import VoordrachtFactory

    vacature = vacature_van(van, GESLOTEN)
    voordracht = VoordrachtFactory(vacature=vacature, status="aangenomen")
    services.plaatsing_registreren(
        kandidaat=voordracht.kandidaat,
        werkgever=vacature.werkgever,
        voordracht=voordracht,
        startdatum=date(2025, 7, 1),
        contractvorm="bepaald",
        uren_per_week=24,
        door=accounthouder,
    )
    assert Vacature.objects.get(pk=vacature.pk).status == na
    assert voordracht.plaatsing.pk
