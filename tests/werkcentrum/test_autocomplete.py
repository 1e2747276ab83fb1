"""Large choice lists (accounthouder, kandidaat, werkgever) are search fields: suggestions come
from endpoints scoped to the user's regio, and the server resolves what was typed, so the
form works without JavaScript and says in Dutch when it finds nobody or more than one."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.wsp.factories import KandidaatFactory, WerkgeverFactory
from werkcentrum.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _geen_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


@pytest.fixture
def adviseur(maak_gebruiker):
    return maak_gebruiker("wsp_adviseur", first_name="Anouk", last_name="Adviseur")


@pytest.fixture
def client(adviseur):
    client = Client()
    client.force_login(adviseur)
    return client


def test_suggestions_come_from_the_own_regio_only(client, maak_gebruiker, regio_b):
    maak_gebruiker("wsp_adviseur", first_name="Lotte", last_name="Mulder")
    maak_gebruiker("wsp_adviseur", first_name="Lotte", last_name="Elders", regio=regio_b)
    data = client.get(reverse("medewerkers_zoeken"), {"q": "lotte"}).json()
    assert len(data["resultaten"]) == 1 and data["resultaten"][0].startswith("Lotte Mulder (nr. ")
    assert client.get(reverse("medewerkers_zoeken"), {"q": ""}).json() == {"resultaten": []}


def test_kandidaat_suggestions_are_logged_and_need_a_wsp_role(
    client, adviseur, maak_gebruiker, regio_a, regio_b
):
    eigen = KandidaatFactory(regio=regio_a, voornaam="Tess", achternaam="Brouwer")
    KandidaatFactory(regio=regio_b, voornaam="Tess", achternaam="Elders")
    data = client.get(reverse("wsp:kandidaten_zoeken"), {"q": "tess"}).json()
    assert data["resultaten"] == [f"Tess Brouwer (nr. {eigen.pk})"]
    [event] = AuditEvent.objects.filter(event="wsp_kandidatenlijst_ingezien", gebruiker=adviseur)
    assert event.details["context"] == "zoeken"
    gids = Client()
    gids.force_login(maak_gebruiker("gids"))
    assert gids.get(reverse("wsp:kandidaten_zoeken"), {"q": "tess"}).status_code == 403


def test_the_werkgever_form_resolves_a_typed_accounthouder(client, adviseur, maak_gebruiker):
    from wsp.models import Werkgever

    maak_gebruiker("wsp_adviseur", first_name="Jan", last_name="de Vries")
    maak_gebruiker("wsp_adviseur", first_name="Jan", last_name="Jansen")
    data = {"naam": "Bakkerij Zand", "kvk_nummer": "12345678", "accounthouder": "Jan"}
    response = client.post(reverse("wsp:werkgever_nieuw"), data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Meer dan één treffer voor “Jan”" in html and 'value="Bakkerij Zand"' in html
    data["accounthouder"] = "Piet"
    html = client.post(reverse("wsp:werkgever_nieuw"), data).content.decode()
    assert "Niets gevonden met “Piet”" in html
    data["accounthouder"] = "jan vries"
    assert client.post(reverse("wsp:werkgever_nieuw"), data).status_code == 302
    assert Werkgever.objects.get().accounthouder.last_name == "de Vries"


def test_the_field_is_a_labelled_text_input_with_its_datalist(client, adviseur):
    html = client.get(reverse("wsp:werkgever_nieuw")).content.decode()
    assert '<label class="utrecht-form-label" for="id_accounthouder">' in html
    assert 'list="id_accounthouder-keuzes"' in html
    assert '<datalist id="id_accounthouder-keuzes"></datalist>' in html
    assert f'data-zoeklijst="{reverse("medewerkers_zoeken")}"' in html
    assert '<select name="accounthouder"' not in html


def test_a_label_from_the_list_picks_that_one_of_two_with_the_same_name(client, adviseur, regio_a):
    from wsp.forms import PlaatsingForm

    werkgever = WerkgeverFactory(regio=regio_a, accounthouder=adviseur)
    een = KandidaatFactory(regio=regio_a, voornaam="Sam", achternaam="de Boer")
    KandidaatFactory(regio=regio_a, voornaam="Sam", achternaam="de Boer")
    form = PlaatsingForm(
        {
            "werkgever": werkgever.naam,
            "kandidaat": f"Sam de Boer (nr. {een.pk})",
            "startdatum": "2026-01-05",
            "contractvorm": "bepaald",
            "uren_per_week": "24",
        },
        user=adviseur,
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["kandidaat"] == een and form.cleaned_data["werkgever"] == werkgever
    # Shown again, the field holds the label, not a bare number.
    initieel = PlaatsingForm(initial={"kandidaat": een.pk}, user=adviseur)
    assert f'value="Sam de Boer (nr. {een.pk})"' in str(initieel["kandidaat"])


def test_another_regios_number_is_not_found(client, adviseur, regio_b):
    from wsp.forms import VoordrachtForm

    elders = KandidaatFactory(regio=regio_b)
    form = VoordrachtForm({"kandidaat": str(elders.pk)}, user=adviseur)
    assert not form.is_valid() and "Niets gevonden" in str(form.errors["kandidaat"])
