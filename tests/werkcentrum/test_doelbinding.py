"""Purpose before opening (doelbinding): staff say why before a person's record opens, the
choice is remembered per record for a while, it is the `doel` of the audit event, and a
purpose outside the user's roles is refused. The API asks for it on the kandidaat detail."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse
from rest_framework.test import APIClient

from loket import services as loket_services
from loket.models import Traject
from tests.factories import OrganisatieFactory
from tests.wsp.factories import KandidaatFactory
from werkcentrum.doelbinding import KEUZE_VELD
from werkcentrum.doelen import DOELEN, DOELEN_PER_ROL, doelen_voor
from werkcentrum.models import AuditEvent
from werkcentrum.rollen import ROLLEN

VRAAG = "Waarom open je dit dossier?"


@pytest.fixture(autouse=True)
def _zonder_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


@pytest.fixture
def gids(maak_gebruiker):
    return maak_gebruiker("gids")


def _traject(gids, naam="Fictieve Deelnemer") -> Traject:
    return loket_services.traject_registreren(
        door=gids,
        soort="taal",
        aanbieder=OrganisatieFactory(regio=gids.regio),
        startdatum=date(2026, 3, 2),
        kosten=Decimal("100.00"),
        toestemming=True,
        toestemming_gegevens="naam",
        naam=naam,
    )


def _ingezien(obj) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(event="persoonsgegevens_ingezien", object_id=str(obj.pk)))


def test_every_role_lists_only_known_purposes_and_roles():
    for rol, codes in DOELEN_PER_ROL.items():
        assert rol in ROLLEN
        assert codes and set(codes) <= set(DOELEN)


def test_opening_a_record_asks_why_first_and_shows_nothing_personal(client, gids):
    traject = _traject(gids)
    client.force_login(gids)
    response = client.get(reverse("loket:traject", args=[traject.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert VRAAG in html and "Fictieve Deelnemer" not in html
    # Only the gids's own purposes are offered.
    assert 'value="traject_begeleiden"' in html and 'value="bemiddeling"' not in html
    assert _ingezien(traject) == []


def test_the_chosen_purpose_opens_the_record_and_is_the_doel_of_the_event(client, gids):
    traject = _traject(gids)
    client.force_login(gids)
    url = reverse("loket:traject", args=[traject.pk])
    response = client.post(url, {KEUZE_VELD: "traject_begeleiden"})
    assert response.status_code == 302 and response["Location"] == url
    html = client.get(url).content.decode()
    assert "Fictieve Deelnemer" in html and VRAAG not in html
    assert [e.doel for e in _ingezien(traject)] == ["traject_begeleiden"]


def test_the_purpose_is_remembered_per_record_for_a_limited_time(client, gids, settings):
    settings.DOELBINDING_MINUTEN = 30
    eerste, tweede = _traject(gids), _traject(gids, naam="Andere Deelnemer")
    client.force_login(gids)
    with time_machine.travel("2026-04-01 09:00 +0000", tick=False) as reis:
        client.post(reverse("loket:traject", args=[eerste.pk]), {KEUZE_VELD: "traject_begeleiden"})
        reis.shift(29 * 60)
        assert VRAAG not in client.get(reverse("loket:traject", args=[eerste.pk])).content.decode()
        # Another person's record asks again.
        assert VRAAG in client.get(reverse("loket:traject", args=[tweede.pk])).content.decode()
        reis.shift(2 * 60)
        assert VRAAG in client.get(reverse("loket:traject", args=[eerste.pk])).content.decode()
    assert len(_ingezien(eerste)) == 1


def test_a_purpose_of_another_role_is_refused_server_side(client, gids):
    traject = _traject(gids)
    client.force_login(gids)
    url = reverse("loket:traject", args=[traject.pk])
    response = client.post(url, {KEUZE_VELD: "bemiddeling"})  # a WSP purpose
    assert response.status_code == 400
    assert "Dit doel hoort niet bij je rol" in response.content.decode()
    assert VRAAG in client.get(url).content.decode()
    assert _ingezien(traject) == []


def test_no_purpose_chosen_is_a_dutch_error(client, gids):
    traject = _traject(gids)
    client.force_login(gids)
    response = client.post(reverse("loket:traject", args=[traject.pk]), {KEUZE_VELD: ""})
    assert response.status_code == 400
    assert "Kies waarom je dit dossier opent." in response.content.decode()


def test_a_change_without_a_purpose_changes_nothing(client, gids):
    traject = _traject(gids)
    client.force_login(gids)
    response = client.post(
        reverse("loket:traject", args=[traject.pk]),
        {"status": "afgerond", "kosten": "90.00", "resultaat": "klaar"},
    )
    assert VRAAG in response.content.decode()
    traject.refresh_from_db()
    assert traject.status == Traject.Status.AANGEVRAAGD and traject.kosten == Decimal("100.00")


def test_a_change_carries_the_chosen_purpose_into_its_event(client, gids, kies_doel):
    traject = _traject(gids)
    client.force_login(gids)
    kies_doel(client, traject, "traject_begeleiden")
    client.post(
        reverse("loket:traject", args=[traject.pk]),
        {"status": "lopend", "kosten": "100.00", "resultaat": ""},
    )
    gewijzigd = AuditEvent.objects.filter(
        event="persoonsgegevens_gewijzigd", object_id=str(traject.pk)
    ).get()
    assert gewijzigd.doel == "traject_begeleiden"


def test_another_regio_gets_404_before_any_question(client, gids, maak_gebruiker, regio_b):
    traject = _traject(gids)
    client.force_login(maak_gebruiker("gids", regio=regio_b))
    assert client.get(reverse("loket:traject", args=[traject.pk])).status_code == 404


def test_wsp_kandidaat_page_asks_and_logs_the_wsp_purpose(client, maak_gebruiker, regio_a):
    adviseur = maak_gebruiker("wsp_adviseur")
    kandidaat = KandidaatFactory(regio=regio_a)
    client.force_login(adviseur)
    url = reverse("wsp:kandidaat", args=[kandidaat.pk])
    assert VRAAG in client.get(url).content.decode()
    client.post(url, {KEUZE_VELD: "nazorg"})
    assert client.get(url).status_code == 200
    assert [e.doel for e in _ingezien(kandidaat)] == ["nazorg"]


def test_superuser_may_choose_any_purpose(superuser):
    assert [d.code for d in doelen_voor(superuser)] == list(DOELEN)


# --- API -----------------------------------------------------------------------------------


@pytest.fixture
def api_adviseur(maak_gebruiker, regio_a):
    api = APIClient()
    adviseur = maak_gebruiker("wsp_adviseur")
    api.force_authenticate(adviseur)
    return api, adviseur, KandidaatFactory(regio=regio_a)


def test_api_detail_without_purpose_is_400_in_dutch(api_adviseur):
    api, _adviseur, kandidaat = api_adviseur
    response = api.get(f"/api/v1/wsp/kandidaten/{kandidaat.pk}/")
    assert response.status_code == 400
    assert "Geef het doel van de inzage op" in response.json()["doel"][0]
    assert _ingezien(kandidaat) == []


def test_api_detail_refuses_a_purpose_of_another_role(api_adviseur):
    api, _adviseur, kandidaat = api_adviseur
    response = api.get(f"/api/v1/wsp/kandidaten/{kandidaat.pk}/?doel=traject_begeleiden")
    assert response.status_code == 403
    assert api.get(f"/api/v1/wsp/kandidaten/{kandidaat.pk}/?doel=onzin").status_code == 400
    assert _ingezien(kandidaat) == []


def test_api_detail_logs_the_purpose_from_query_or_header(api_adviseur):
    api, adviseur, kandidaat = api_adviseur
    url = f"/api/v1/wsp/kandidaten/{kandidaat.pk}/"
    assert api.get(url + "?doel=bemiddeling").status_code == 200
    assert api.get(url, HTTP_X_DOEL="nazorg").status_code == 200
    assert sorted(e.doel for e in _ingezien(kandidaat)) == ["bemiddeling", "nazorg"]
    assert all(e.gebruiker == adviseur for e in _ingezien(kandidaat))


def test_schema_documents_the_purpose_parameter(api_adviseur):
    api, _adviseur, _kandidaat = api_adviseur
    schema = api.get("/api/schema/?format=json").json()
    detail = schema["paths"]["/api/v1/wsp/kandidaten/{id}/"]["get"]
    doel = next(p for p in detail["parameters"] if p["name"] == "doel")
    assert doel["in"] == "query" and doel["required"] is True
    assert "bemiddeling" in doel["schema"]["enum"]
    assert any(p["name"] == "X-Doel" and p["in"] == "header" for p in detail["parameters"])
