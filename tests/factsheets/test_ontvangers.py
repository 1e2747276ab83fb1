"""The wsp_manager manages the factsheet recipients per gemeente and for the regio (UWV)."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from tests.factories import GemeenteFactory
from werkcentrum.models import AuditEvent
from wsp.factsheets import links
from wsp.models import Factsheet, FactsheetLink, FactsheetOntvanger

LIJST = reverse("wsp:factsheet_ontvangers")
NIEUW = reverse("wsp:factsheet_ontvanger_nieuw")


@pytest.fixture(autouse=True)
def _geen_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


@pytest.fixture
def uwv(regio_a):
    return FactsheetOntvanger.objects.create(
        regio=regio_a, naam="UWV (fictief)", email="uwv@example.org"
    )


@pytest.fixture
def vreemde(regio_b):
    return FactsheetOntvanger.objects.create(
        regio=regio_b, naam="Elders (fictief)", email="elders@example.org"
    )


def _meldingen(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_lijst_toont_alleen_de_eigen_regio(client, manager, uwv, vreemde, haarlem):
    FactsheetOntvanger.objects.create(
        regio=uwv.regio, gemeente=haarlem, naam="Gemeente Haarlem (fictief)", email="h@ex.org"
    )
    client.force_login(manager)
    html = client.get(LIJST).content.decode()
    assert "UWV (fictief)" in html and "Gemeente Haarlem (fictief)" in html
    assert "Elders (fictief)" not in html
    assert html.index("UWV (fictief)") < html.index("Gemeente Haarlem (fictief)")  # regio first


def test_toevoegen_met_melding(client, manager, haarlem):
    client.force_login(manager)
    r = client.post(
        NIEUW, {"naam": "Wethouder (fictief)", "email": "w@example.org", "gemeente": haarlem.pk}
    )
    assert r.status_code == 302 and r["Location"] == LIJST
    assert _meldingen(r) == ["Wethouder (fictief) is toegevoegd."]
    o = FactsheetOntvanger.objects.get(email="w@example.org")
    assert o.regio_id == manager.regio_id and o.gemeente == haarlem
    assert AuditEvent.objects.filter(
        event="wsp_factsheet_ontvanger_opgeslagen", object_id=str(o.pk)
    ).exists()


def test_fout_e_mailadres_houdt_de_invoer(client, manager):
    client.force_login(manager)
    r = client.post(NIEUW, {"naam": "Iemand (fictief)", "email": "geen-adres"})
    assert r.status_code == 400
    html = r.content.decode()
    assert "Vul een geldig e-mailadres in" in html
    assert 'value="Iemand (fictief)"' in html and 'value="geen-adres"' in html
    assert not FactsheetOntvanger.objects.exists()


def test_zelfde_adres_voor_de_regio_factsheet_geweigerd(client, manager, uwv):
    """The database's unique constraint lets two NULL gemeenten through: the service stops
    the second regio-level recipient with the same address (whatever its capitals)."""
    client.force_login(manager)
    r = client.post(NIEUW, {"naam": "Nog eens", "email": "UWV@example.org"})
    assert r.status_code == 400
    assert "Dit e-mailadres ontvangt deze factsheet al." in r.content.decode()
    assert FactsheetOntvanger.objects.count() == 1


def test_gemeente_van_een_andere_regio_geweigerd(client, manager, regio_b):
    elders = GemeenteFactory(regio=regio_b, naam="Amersfoort", cbs_code="GM0307")
    client.force_login(manager)
    r = client.post(NIEUW, {"naam": "X (fictief)", "email": "x@example.org", "gemeente": elders.pk})
    assert r.status_code == 400
    assert "Onbekende gemeente in deze regio." in r.content.decode()
    assert not FactsheetOntvanger.objects.exists()


def test_wijzigen_met_melding(client, manager, uwv, haarlem):
    client.force_login(manager)
    url = reverse("wsp:factsheet_ontvanger_bewerken", args=[uwv.pk])
    assert 'value="uwv@example.org"' in client.get(url).content.decode()
    r = client.post(url, {"naam": "UWV regio (fictief)", "email": "uwv@example.org"})
    assert r.status_code == 302
    assert _meldingen(r) == ["De gegevens van UWV regio (fictief) zijn opgeslagen."]
    uwv.refresh_from_db()
    assert uwv.naam == "UWV regio (fictief)" and uwv.gemeente is None


def test_verwijderen_na_bevestiging_maakt_de_links_ongeldig(client, manager, uwv, data):
    from datetime import date

    from wsp.factsheets import services
    from wsp.factsheets.selectors import Periode

    fs, _n = services.factsheet_maken(
        regio=data["regio"], periode=Periode(2025, 1), user=manager, vandaag=date(2025, 7, 15)
    )
    Factsheet.objects.filter(pk=fs.pk).update(gepubliceerd=True)
    fs.refresh_from_db()
    _link, token = links.link_aanmaken(factsheet=fs, ontvanger=uwv)
    client.force_login(manager)
    url = reverse("wsp:factsheet_ontvanger_verwijderen", args=[uwv.pk])
    r = client.get(url)
    assert r.status_code == 200 and "De 1 persoonlijke link" in r.content.decode()
    assert FactsheetOntvanger.objects.filter(pk=uwv.pk).exists()  # GET changes nothing
    r = client.post(url)
    assert r.status_code == 302
    assert _meldingen(r) == ["UWV (fictief) ontvangt de factsheet niet meer."]
    assert not FactsheetOntvanger.objects.filter(pk=uwv.pk).exists()
    assert not FactsheetLink.objects.exists()
    with pytest.raises(links.LinkOngeldig):
        links.link_openen(token)


@pytest.mark.parametrize("rol", ["wsp_adviseur", "rba_lid", "coordinator", "beheerder"])
def test_andere_rol_krijgt_403(client, maak_gebruiker, uwv, rol):
    client.force_login(maak_gebruiker(rol))
    for url in (
        LIJST,
        NIEUW,
        reverse("wsp:factsheet_ontvanger_bewerken", args=[uwv.pk]),
        reverse("wsp:factsheet_ontvanger_verwijderen", args=[uwv.pk]),
    ):
        assert client.get(url).status_code == 403, url
        assert client.post(url, {"naam": "x", "email": "x@example.org"}).status_code == 403
    assert FactsheetOntvanger.objects.count() == 1


def test_manager_van_andere_regio_krijgt_404(client, maak_gebruiker, regio_b, uwv):
    client.force_login(maak_gebruiker("wsp_manager", regio=regio_b))
    for naam in ("wsp:factsheet_ontvanger_bewerken", "wsp:factsheet_ontvanger_verwijderen"):
        url = reverse(naam, args=[uwv.pk])
        assert client.get(url).status_code == 404
        assert client.post(url, {"naam": "x", "email": "x@example.org"}).status_code == 404
    uwv.refresh_from_db()
    assert uwv.naam == "UWV (fictief)"
    assert "UWV (fictief)" not in client.get(LIJST).content.decode()
