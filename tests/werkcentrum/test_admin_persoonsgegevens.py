"""The Django admin has no purpose gate: a record with personal data opened there is logged
with the purpose `beheer` and the regio of the record, the persons in its inlines as a list
read, and changes and deletions there are logged too. Every admin of such a model does this."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone

from tests.factories import GemeenteFactory
from tests.rba.factories import LidFactory, OverlegorgaanFactory
from tests.wsp.factories import VerzoekFactory
from werkcentrum.admin_persoonsgegevens import PersoonsgegevensAdmin
from werkcentrum.doelen import DOELEN
from werkcentrum.models import AuditEvent
from werkcentrum.personen import bron_van
from wsp.models import Werkgeversverzoek


@pytest.fixture(autouse=True)
def _zonder_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


@pytest.fixture
def beheer(client, superuser):
    client.force_login(superuser)
    return superuser


def _gelogd() -> list[AuditEvent]:
    return list(AuditEvent.objects.exclude(event="ingelogd").order_by("pk"))


def test_every_admin_showing_personal_records_logs_them():
    getoond = {
        model._meta.label_lower: model_admin
        for model, model_admin in admin.site._registry.items()
        if bron_van(model) or any(bron_van(i.model) for i in model_admin.inlines)
    }
    # Not vacuous: the verzoeken, and the leden and contactpersonen in their parents' inlines.
    assert {"wsp.werkgeversverzoek", "rba.overlegorgaan", "wsp.werkgever"} <= getoond.keys()
    for label, model_admin in getoond.items():
        assert isinstance(model_admin, PersoonsgegevensAdmin), label
    assert "beheer" in DOELEN


def test_opening_a_verzoek_in_the_admin_logs_one_read_for_beheer_in_its_regio(
    client, beheer, regio_a
):
    verzoek = VerzoekFactory(regio=regio_a)
    url = reverse("admin:wsp_werkgeversverzoek_change", args=[verzoek.pk])
    response = client.get(url)
    assert response.status_code == 200 and "contact@bakkerij.example" in response.content.decode()
    [event] = _gelogd()
    assert (event.event, event.doel, event.gebruiker) == (
        "persoonsgegevens_ingezien",
        "beheer",
        beheer,
    )
    assert (event.content_type.model, event.object_id) == ("werkgeversverzoek", str(verzoek.pk))
    assert event.regio == regio_a  # the superuser has none of its own


def test_the_changelist_logs_its_persons_once_and_a_record_without_them_nothing(
    client, beheer, regio_a
):
    verzoeken = [VerzoekFactory(regio=regio_a) for _ in range(3)]
    gemeente = GemeenteFactory(regio=regio_a)
    assert client.get(reverse("admin:wsp_werkgeversverzoek_changelist")).status_code == 200
    # One event for the whole page (not one per row), naming every verzoek shown.
    [event] = _gelogd()
    assert event.doel == "beheer"
    assert sorted(event.details["verzoeken"]) == sorted(v.pk for v in verzoeken)
    url = reverse("admin:werkcentrum_gemeente_change", args=[gemeente.pk])
    assert client.get(url).status_code == 200
    assert _gelogd() == [event]


def test_the_leden_inline_of_an_orgaan_is_logged_as_a_list_read(client, beheer, regio_a):
    orgaan = OverlegorgaanFactory(regio=regio_a)
    leden = [LidFactory(orgaan=orgaan), LidFactory(orgaan=orgaan)]
    LidFactory(orgaan=OverlegorgaanFactory(regio=regio_a, afkorting="WG"))  # not shown
    assert (
        client.get(reverse("admin:rba_overlegorgaan_change", args=[orgaan.pk])).status_code == 200
    )
    [event] = _gelogd()
    assert (event.event, event.doel, event.regio) == (
        "beheer_personenlijst_ingezien",
        "beheer",
        regio_a,
    )
    assert sorted(event.details["leden"]) == sorted(lid.pk for lid in leden)


def test_a_change_and_a_delete_in_the_admin_are_logged_for_beheer(client, beheer, regio_a):
    verzoek = VerzoekFactory(regio=regio_a)
    ontvangen = timezone.localtime(verzoek.ontvangen_op)
    data = {
        "regio": regio_a.pk,
        "bedrijfsnaam": verzoek.bedrijfsnaam,
        "contactnaam": "Andere Naam",
        "email": verzoek.email,
        "vraag": verzoek.vraag,
        "bron": verzoek.bron,
        "ontvangen_op_0": ontvangen.strftime("%d-%m-%Y"),
        "ontvangen_op_1": ontvangen.strftime("%H:%M:%S"),
    }
    url = reverse("admin:wsp_werkgeversverzoek_change", args=[verzoek.pk])
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    [event] = _gelogd()
    assert (event.event, event.doel, event.regio) == (
        "persoonsgegevens_gewijzigd",
        "beheer",
        regio_a,
    )
    assert "contactnaam" in event.details["velden"]  # names the field, not the value
    assert "Andere Naam" not in str(event.details)

    url = reverse("admin:wsp_werkgeversverzoek_delete", args=[verzoek.pk])
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert not Werkgeversverzoek.objects.filter(pk=verzoek.pk).exists()
    verwijderd = _gelogd()[-1]
    assert (verwijderd.event, verwijderd.doel, verwijderd.object_id) == (
        "persoonsgegevens_verwijderd",
        "beheer",
        str(verzoek.pk),
    )
    assert verwijderd.regio == regio_a
