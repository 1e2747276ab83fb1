"""Loket doelgroepen per regio (issue 24 point 3): the national list is shared, a regio adds
its own and hides national ones (`doelgroepen_loket:` in the definition file, or the admin).
Forms, the wegwijzer, filters and the API offer and accept exactly the regio's doelgroepen; a
dienst keeps one hidden after it was chosen; another regio's is refused everywhere."""

from __future__ import annotations

import pytest
import yaml
from django.core.exceptions import ValidationError
from django.urls import reverse

from loket import services
from loket.forms import DienstFilterForm, DienstForm, GesprekForm, WegwijzerForm
from loket.models import Doelgroep, Gesprek
from loket.regiolijsten import doelgroep_controleren, doelgroepen_voor
from tests.loket.factories import DienstFactory
from werkcentrum import regiodefinitie
from werkcentrum.models import Arbeidsmarktregio

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _zonder_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


@pytest.fixture
def lijsten(regio_a, regio_b):
    """Regio A: its own 'mantelzorgers', national 'oekrainers' hidden. Regio B: its own
    'laaggeletterden'."""
    oekrainers = Doelgroep.objects.get(code="oekrainers")
    oekrainers.verborgen_in.add(regio_a)
    return {
        "eigen": Doelgroep.objects.create(regio=regio_a, code="mantelzorgers", naam="Mantelzorg"),
        "vreemd": Doelgroep.objects.create(
            regio=regio_b, code="laaggeletterden", naam="Laaggeletterden"
        ),
        "verborgen": oekrainers,
        "ww": Doelgroep.objects.get(code="ww"),
    }


def _codes(qs) -> set[str]:
    return set(qs.values_list("code", flat=True))


def test_a_regio_offers_the_national_doelgroepen_it_did_not_hide_and_its_own(
    lijsten, regio_a, regio_b
):
    a, b = _codes(doelgroepen_voor(regio_a)), _codes(doelgroepen_voor(regio_b))
    assert {"mantelzorgers", "ww", "onbekend"} <= a
    assert "laaggeletterden" not in a and "oekrainers" not in a
    assert {"laaggeletterden", "oekrainers"} <= b and "mantelzorgers" not in b
    assert "oekrainers" in _codes(doelgroepen_voor(regio_a, ook=[lijsten["verborgen"]]))
    with pytest.raises(ValidationError) as fout:
        doelgroep_controleren(regio=regio_a, doelgroep=lijsten["vreemd"])
    assert fout.value.message_dict["doelgroep"] == [
        "Doelgroep 'Laaggeletterden' hoort bij een andere regio."
    ]
    with pytest.raises(ValidationError):
        doelgroep_controleren(regio=regio_a, doelgroep=lijsten["verborgen"])
    doelgroep_controleren(
        regio=regio_a, doelgroep=lijsten["verborgen"], huidig=lijsten["verborgen"]
    )


def test_forms_and_the_wegwijzer_offer_the_regios_doelgroepen(
    client, lijsten, regio_a, maak_gebruiker
):
    gids = maak_gebruiker("gids")
    for form in (GesprekForm(user=gids), DienstFilterForm(regio=regio_a)):
        codes = _codes(form.fields["doelgroep"].queryset)
        assert "mantelzorgers" in codes and "laaggeletterden" not in codes
        assert "oekrainers" not in codes
    wegwijzer = _codes(WegwijzerForm(regio=regio_a).fields["doelgroep"].queryset)
    assert "mantelzorgers" in wegwijzer and "onbekend" not in wegwijzer
    html = client.get("/zkij/waar-kan-ik-terecht/").content.decode()
    assert "Mantelzorg" in html and "Ik kom uit Oekraïne" not in html
    assert "Laaggeletterden" not in html


def test_a_dienst_keeps_a_hidden_doelgroep_and_cannot_take_another_regios(
    lijsten, regio_a, maak_gebruiker
):
    coordinator = maak_gebruiker("coordinator")
    dienst = DienstFactory(regio=regio_a)
    dienst.doelgroepen.set([lijsten["verborgen"]])
    form = DienstForm(instance=dienst, user=coordinator)
    codes = _codes(form.fields["doelgroepen"].queryset)
    assert "oekrainers" in codes and "laaggeletterden" not in codes
    assert "oekrainers" not in _codes(DienstForm(user=coordinator).fields["doelgroepen"].queryset)
    # The service keeps the current one and refuses another regio's or a newly hidden one.
    services.dienst_opslaan(
        dienst=dienst,
        door=coordinator,
        doelgroepen=[lijsten["verborgen"], lijsten["eigen"]],
        themas=[],
        gemeenten=[],
    )
    nieuw = DienstFactory(regio=regio_a, organisatie=dienst.organisatie)
    for doelgroep in (lijsten["vreemd"], lijsten["verborgen"]):
        with pytest.raises(ValidationError) as fout:
            services.dienst_opslaan(
                dienst=nieuw, door=coordinator, doelgroepen=[doelgroep], themas=[], gemeenten=[]
            )
        assert "doelgroepen" in fout.value.message_dict


def test_the_gesprek_form_refuses_another_regios_doelgroep(client, lijsten, maak_gebruiker):
    client.force_login(maak_gebruiker("gids"))
    data = {
        "kanaal": "telefoon",
        "themas": ["1"],
        "leeftijdscategorie": "onbekend",
        "uitkomst": "informatie",
    }
    for doelgroep in (lijsten["vreemd"], lijsten["verborgen"]):
        r = client.post(reverse("loket:gesprek_nieuw"), {**data, "doelgroep": doelgroep.pk})
        assert r.status_code == 400 and "doelgroep" in r.context["form"].errors
    assert not Gesprek.objects.exists()


def test_the_model_and_service_refuse_another_regios_doelgroep(lijsten, regio_a, maak_gebruiker):
    gesprek = Gesprek(regio=regio_a, kanaal="telefoon", doelgroep=lijsten["vreemd"])
    with pytest.raises(ValidationError) as fout:
        gesprek.clean()
    assert fout.value.message_dict["doelgroep"] == ["Dit hoort bij een andere regio."]
    from loket.models import Thema

    with pytest.raises(ValidationError) as fout:
        services.gesprek_registreren(
            gids=maak_gebruiker("gids"),
            kanaal="telefoon",
            doelgroep=lijsten["vreemd"],
            themas=[Thema.objects.first()],
            uitkomst="informatie",
        )
    assert "hoort bij een andere regio" in fout.value.message_dict["doelgroep"][0]
    assert not Gesprek.objects.exists()


def test_the_api_accepts_only_the_regios_doelgroepen(client, lijsten, maak_gebruiker):
    client.force_login(maak_gebruiker("gids"))
    data = {"kanaal": "telefoon", "themas": ["werk-zoeken"], "uitkomst": "informatie"}
    for code in ("laaggeletterden", "oekrainers"):
        r = client.post(
            "/api/v1/loket/gesprekken/",
            {**data, "doelgroep": code},
            content_type="application/json",
        )
        assert r.status_code == 400 and r.json()["doelgroep"] == ["Onbekend in jouw regio."]
    assert not Gesprek.objects.exists()
    r = client.post(
        "/api/v1/loket/gesprekken/",
        {**data, "doelgroep": "mantelzorgers"},
        content_type="application/json",
    )
    assert r.status_code == 201, r.content
    r = client.get("/api/v1/loket/diensten/", {"doelgroep": lijsten["vreemd"].pk})
    assert r.status_code == 400 and "doelgroep" in r.json()


def test_the_beheerder_keeps_the_regios_doelgroepen_in_the_admin(
    client, lijsten, regio_a, regio_b, maak_gebruiker
):
    client.force_login(maak_gebruiker("beheerder", is_staff=True))
    lijst = client.get(reverse("admin:loket_doelgroep_changelist")).content.decode()
    assert "Mantelzorg" in lijst and "Laaggeletterden" not in lijst
    r = client.post(
        reverse("admin:loket_doelgroep_add"),
        {"code": "zzp", "naam": "Zelfstandigen", "volgorde": 20},
    )
    assert r.status_code == 302
    assert Doelgroep.objects.get(code="zzp").regio == regio_a
    ww = lijsten["ww"]
    url = reverse("admin:loket_doelgroep_changelist")
    client.post(
        url,
        {"action": "verbergen_in_mijn_regio", "_selected_action": [ww.pk, lijsten["vreemd"].pk]},
    )
    assert list(ww.verborgen_in.all()) == [regio_a]
    assert not lijsten["vreemd"].verborgen_in.exists()
    assert client.post(
        reverse("admin:loket_doelgroep_change", args=[ww.pk]), {"naam": "Anders"}
    ).status_code in (302, 403)
    ww.refresh_from_db()
    assert ww.naam != "Anders" and ww.regio_id is None
    # Used by a gesprek: not deleted, a Dutch message instead.
    from tests.loket.factories import GesprekFactory

    GesprekFactory(regio=regio_a, doelgroep=lijsten["eigen"])
    r = client.get(reverse("admin:loket_doelgroep_delete", args=[lijsten["eigen"].pk]))
    assert "staat nog in gegevens; verwijderen kan niet" in r.content.decode()


# --- the definition file --------------------------------------------------------------------


def _bestand(**extra) -> str:
    data = yaml.safe_load(regiodefinitie.bestand("amf").read_text())
    data.update(extra)
    return yaml.safe_dump(data, allow_unicode=True)


def test_the_section_loads_idempotently_and_a_later_file_hides_not_deletes():
    definitie = regiodefinitie.lezen(
        _bestand(
            doelgroepen_loket={
                "eigen": [{"code": "mantelzorgers", "naam": "Mantelzorg"}],
                "verbergen": ["oekrainers"],
            }
        )
    )
    s = regiodefinitie.laden(definitie)
    assert s.nieuw["doelgroepen_loket"] == 1
    regio = Arbeidsmarktregio.objects.get(code="amf")
    codes = _codes(doelgroepen_voor(regio))
    assert "mantelzorgers" in codes and "oekrainers" not in codes
    assert regiodefinitie.laden(definitie).ongewijzigd
    regiodefinitie.laden(regiodefinitie.lezen(_bestand(doelgroepen_loket={"eigen": []})))
    assert Doelgroep.objects.filter(regio=regio, code="mantelzorgers").exists()
    codes = _codes(doelgroepen_voor(regio))
    assert "mantelzorgers" not in codes and "oekrainers" in codes


@pytest.mark.parametrize(
    ("sectie", "melding"),
    [
        (
            {"verbergen": ["niemand"]},
            "doelgroepen_loket.verbergen[1]: 'niemand' is geen landelijke",
        ),
        (
            {"eigen": [{"code": "ww", "naam": "WW"}]},
            "doelgroepen_loket.eigen[1]: code 'ww' is al een landelijke code",
        ),
        (
            {"eigen": [{"code": "a1", "naam": "A"}, {"code": "a1", "naam": "B"}]},
            "doelgroepen_loket.eigen: code 'a1' staat er meer dan één keer in.",
        ),
        ({"eigen": [{"code": "a1", "naam": ""}]}, "doelgroepen_loket.eigen[1]: 'naam' ontbreekt"),
    ],
)
def test_a_wrong_section_names_the_place_and_writes_nothing(sectie, melding):
    aantal = Doelgroep.objects.count()
    with pytest.raises(regiodefinitie.DefinitieFout) as fout:
        regiodefinitie.lezen(_bestand(doelgroepen_loket=sectie))
    assert any(f.startswith(melding) for f in fout.value.fouten), fout.value.fouten
    assert Doelgroep.objects.count() == aantal
