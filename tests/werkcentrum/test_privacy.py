"""The functionaris gegevensbescherming: the logboek (filters, paging, exports), inzage- and
verwijderverzoeken across the loket and the WSP, all scoped to the regio and all logged."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from loket import services as loket_services
from loket.models import Doorverwijzing, Traject, Vraag
from tests.factories import OrganisatieFactory
from tests.loket.factories import DoorverwijzingFactory, VraagFactory
from tests.wsp.factories import KandidaatFactory, PlaatsingFactory
from werkcentrum import audit, personen
from werkcentrum.models import AuditEvent
from wsp import audit as wsp_audit
from wsp.models import Kandidaat, Plaatsing

AMS = ZoneInfo("Europe/Amsterdam")
EMAIL = "j.fictief@voorbeeld.nl"


@pytest.fixture(autouse=True)
def _zonder_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


@pytest.fixture
def fg(client, maak_gebruiker):
    officer = maak_gebruiker("privacy_officer", email="fg@test.werkcentrum.nl")
    client.force_login(officer)
    return officer


@pytest.fixture
def persoon(maak_gebruiker, regio_a, regio_b):
    """One fictional person with data in every kind of record, plus a namesake in regio B."""
    gids = maak_gebruiker("gids")
    vraag = VraagFactory(regio=regio_a, naam="Jan Fictief", email=EMAIL, telefoon="0612345678")
    dv = DoorverwijzingFactory(regio=regio_a, naam="Jan Fictief", email=EMAIL)
    traject = loket_services.traject_registreren(
        door=gids,
        soort="taal",
        aanbieder=OrganisatieFactory(regio=regio_a),
        startdatum=date(2026, 3, 2),
        kosten=Decimal("750.00"),
        toestemming=True,
        toestemming_gegevens="naam en e-mail",
        naam="Jan Fictief",
        email=EMAIL,
    )
    geplaatst = PlaatsingFactory(
        werkgever__regio=regio_a,
        kandidaat__voornaam="Jan",
        kandidaat__achternaam="Fictief",
        kandidaat__email=EMAIL,
    ).kandidaat
    los = KandidaatFactory(regio=regio_a, voornaam="Jan", achternaam="Fictief", email=EMAIL)
    elders = KandidaatFactory(regio=regio_b, voornaam="Jan", achternaam="Fictief", email=EMAIL)
    audit.persoonsgegevens_ingezien(traject, user=gids, doel="traject_begeleiden")
    return {
        "gids": gids,
        "vraag": vraag,
        "dv": dv,
        "traject": traject,
        "geplaatst": geplaatst,
        "los": los,
        "elders": elders,
    }


def _sleutels(p) -> list[str]:
    return [
        f"loket.vraag:{p['vraag'].pk}",
        f"loket.doorverwijzing:{p['dv'].pk}",
        f"loket.traject:{p['traject'].pk}",
        f"wsp.kandidaat:{p['geplaatst'].pk}",
        f"wsp.kandidaat:{p['los'].pk}",
    ]


# --- Access ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "naam", ["privacy:logboek", "privacy:personen", "privacy:inzage", "privacy:verwijderen"]
)
def test_only_the_privacy_officer_opens_the_privacy_pages(client, maak_gebruiker, naam):
    for rol in ("gids", "coordinator", "wsp_manager", "beheerder"):
        client.force_login(maak_gebruiker(rol))
        assert client.get(reverse(naam)).status_code == 403, rol


def test_the_role_has_its_werkplek_entries(client, fg):
    html = client.get(reverse("werkplek")).content.decode()
    assert "Functionaris gegevensbescherming" in html
    assert reverse("privacy:logboek") in html and reverse("privacy:personen") in html


# --- Logboek --------------------------------------------------------------------------------


def _event(user, obj=None, *, tijd: datetime, actie=AuditEvent.Actie.INGEZIEN, **kw):
    return AuditEvent.objects.create(
        tijdstip=tijd,
        gebruiker=user,
        regio=user.regio,
        actie=actie,
        event=kw.pop("event", "persoonsgegevens_ingezien"),
        content_type=None,
        **kw,
    )


@pytest.fixture
def logregels(maak_gebruiker, regio_b):
    from django.contrib.contenttypes.models import ContentType

    gids, adviseur = maak_gebruiker("gids"), maak_gebruiker("wsp_adviseur")
    ct = ContentType.objects.get_for_model(Kandidaat)
    maart, april = datetime(2026, 3, 10, 12, tzinfo=AMS), datetime(2026, 4, 10, 12, tzinfo=AMS)
    regels = {
        "gids_maart": _event(gids, tijd=maart, doel="vraag_behandelen"),
        "adviseur_gewijzigd": _event(
            adviseur, tijd=april, actie=AuditEvent.Actie.GEWIJZIGD, doel="nazorg"
        ),
        "andere_regio": _event(maak_gebruiker("gids", regio=regio_b), tijd=april, doel="x"),
    }
    # An event about a kandidaat record, as the betrokkene filter looks for.
    regels["adviseur_april"] = AuditEvent.objects.create(
        tijdstip=april,
        gebruiker=adviseur,
        regio=adviseur.regio,
        actie=AuditEvent.Actie.INGEZIEN,
        event="persoonsgegevens_ingezien",
        content_type=ct,
        object_id="77",
        doel="bemiddeling",
    )
    return {"gids": gids, "adviseur": adviseur, **regels}


def _ids(response) -> set[int]:
    return {e.pk for e in response.context["rows"]}


def test_logboek_filters_by_betrokkene_user_period_and_type(client, fg, logregels):
    url = reverse("privacy:logboek")
    r = logregels
    assert _ids(client.get(url, {"betrokkene": "wsp.kandidaat:77"})) == {r["adviseur_april"].pk}
    assert _ids(client.get(url, {"gebruiker": r["gids"].pk})) == {r["gids_maart"].pk}
    assert _ids(client.get(url, {"van": "2026-03-01", "tot": "2026-03-31"})) == {r["gids_maart"].pk}
    assert _ids(client.get(url, {"actie": "gewijzigd"})) == {r["adviseur_gewijzigd"].pk}
    assert _ids(client.get(url, {"zoek": "nazorg"})) == {r["adviseur_gewijzigd"].pk}
    alle = _ids(client.get(url))
    assert r["andere_regio"].pk not in alle and r["gids_maart"].pk in alle


def test_logboek_period_is_inclusive_of_the_last_day_in_amsterdam_time(client, fg, logregels):
    laat = _event(logregels["gids"], tijd=datetime(2026, 3, 31, 23, 30, tzinfo=AMS))
    response = client.get(reverse("privacy:logboek"), {"van": "2026-03-31", "tot": "2026-03-31"})
    assert _ids(response) == {laat.pk}


@pytest.mark.parametrize(
    ("filters", "veld", "melding"),
    [
        (
            {"van": "2026-04-02", "tot": "2026-04-01"},
            "tot",
            "De einddatum ligt voor de begindatum.",
        ),
        ({"van": "2999-01-01"}, "van", "De begindatum ligt in de toekomst."),
        ({"van": "gisteren"}, "van", "Voer een geldige datum in."),
        ({"betrokkene": "kandidaat 12"}, "betrokkene", "Gebruik de vorm soort:nummer"),
    ],
)
def test_logboek_refuses_bad_filters_with_dutch_errors(
    client, fg, logregels, filters, veld, melding
):
    response = client.get(reverse("privacy:logboek"), filters)
    assert response.status_code == 400
    assert any(melding in fout for fout in response.context["form"].errors[veld])
    assert _ids(response) == set()  # a bad filter never widens to "everything"
    assert response.context["form"]["van"].value() == filters.get("van")  # input kept


def test_logboek_pages_with_a_constant_number_of_queries(client, fg, logregels):
    url = reverse("privacy:logboek")
    client.get(url)
    with CaptureQueriesContext(connection) as weinig:
        client.get(url)
    for i in range(60):
        _event(logregels["gids"], tijd=datetime(2026, 2, 1, 9, i % 60, tzinfo=AMS))
    client.get(url)  # the total is counted once after a change, then kept (paginering)
    with CaptureQueriesContext(connection) as veel:
        response = client.get(url)
    assert len(response.context["rows"]) == 50
    assert len(veel) == len(weinig)


def test_logboek_csv_export_holds_the_filtered_rows_and_is_logged(client, fg, logregels):
    response = client.get(
        reverse("privacy:logboek_export", args=["csv"]), {"gebruiker": logregels["adviseur"].pk}
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    rijen = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rijen[0][:3] == ["Tijdstip", "Medewerker", "Actie"]
    assert len(rijen) == 3
    assert {r[1] for r in rijen[1:]} == {logregels["adviseur"].email}
    assert "wsp.kandidaat" in {r[4] for r in rijen[1:]}
    assert "Bemiddeling naar werk" in {r[6] for r in rijen[1:]}
    export = AuditEvent.objects.get(event="logboek_geexporteerd")
    assert export.gebruiker == fg and export.details["aantal"] == 2
    assert export.details["formaat"] == "csv"


def test_logboek_xlsx_export_never_holds_another_regio(client, fg, logregels):
    response = client.get(reverse("privacy:logboek_export", args=["xlsx"]))
    blad = load_workbook(io.BytesIO(response.content)).active
    medewerkers = {rij[1] for rij in blad.iter_rows(min_row=2, values_only=True)}
    assert logregels["gids"].email in medewerkers
    assert logregels["andere_regio"].gebruiker.email not in medewerkers


def test_logboek_export_with_a_bad_period_is_400_and_not_logged(client, fg, logregels):
    response = client.get(
        reverse("privacy:logboek_export", args=["csv"]), {"van": "2026-05-01", "tot": "2026-04-01"}
    )
    assert response.status_code == 400
    assert not AuditEvent.objects.filter(event="logboek_geexporteerd").exists()


# --- List events: a person shown on a list page ------------------------------------------


@pytest.fixture
def lijsten(maak_gebruiker, regio_a, regio_b):
    """A kandidaat shown on the plaatsingen page (the real page writes the event), next to
    list events that did not show them."""
    adviseur = maak_gebruiker("wsp_adviseur")
    kandidaat = PlaatsingFactory(werkgever__regio=regio_a).kandidaat
    pk = kandidaat.pk
    naast = PlaatsingFactory(werkgever__regio=regio_a).kandidaat  # on the same page
    pagina = Client()
    pagina.force_login(adviseur)
    assert pagina.get(reverse("wsp:plaatsingen")).status_code == 200
    getoond = AuditEvent.objects.get(event="wsp_kandidatenlijst_ingezien")
    assert sorted(getoond.details["kandidaten"]) == sorted([pk, naast.pk])
    eigen = audit.persoonsgegevens_ingezien(kandidaat, user=adviseur, doel="bemiddeling")
    niet = [
        # Other kandidaten, among them ids that contain this one's digits.
        wsp_audit.kandidatenlijst_ingezien(
            user=adviseur, ids=[pk + 1, int(f"{pk}{pk}"), int(f"1{pk}")], context="zoeken"
        ),
        # The same number, but of a contactpersoon.
        wsp_audit.contactpersonenlijst_ingezien(user=adviseur, ids=[pk], context="werkgever 1"),
        # Another regio's list (its own kandidaat with the same number cannot exist, but the
        # filter must not rely on that).
        wsp_audit.kandidatenlijst_ingezien(
            user=maak_gebruiker("wsp_adviseur", regio=regio_b), ids=[pk], context="zoeken"
        ),
    ]
    return {
        "adviseur": adviseur,
        "kandidaat": kandidaat,
        "getoond": getoond,
        "eigen": eigen,
        "niet": niet,
    }


def test_logboek_on_a_kandidaat_finds_the_list_events_that_named_them(client, fg, lijsten):
    betrokkene = f"wsp.kandidaat:{lijsten['kandidaat'].pk}"
    response = client.get(reverse("privacy:logboek"), {"betrokkene": betrokkene})
    assert _ids(response) == {lijsten["getoond"].pk, lijsten["eigen"].pk}


def test_logboek_export_on_a_kandidaat_holds_the_list_events_that_named_them(client, fg, lijsten):
    betrokkene = f"wsp.kandidaat:{lijsten['kandidaat'].pk}"
    response = client.get(
        reverse("privacy:logboek_export", args=["csv"]), {"betrokkene": betrokkene}
    )
    rijen = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert sorted((r[3], r[4]) for r in rijen[1:]) == [
        ("persoonsgegevens_ingezien", "wsp.kandidaat"),
        ("wsp_kandidatenlijst_ingezien", ""),
    ]
    assert json.loads(next(r[7] for r in rijen[1:] if r[4] == ""))["context"] == "plaatsingen"


def test_logboek_on_a_kandidaat_pages_with_a_constant_number_of_queries(client, fg, lijsten):
    url, filters = (
        reverse("privacy:logboek"),
        {"betrokkene": f"wsp.kandidaat:{lijsten['kandidaat'].pk}"},
    )
    client.get(url, filters)
    with CaptureQueriesContext(connection) as weinig:
        client.get(url, filters)
    for i in range(60):
        wsp_audit.kandidatenlijst_ingezien(
            user=lijsten["adviseur"], ids=[lijsten["kandidaat"].pk, i + 10_000], context=f"p{i}"
        )
    client.get(url, filters)  # the total is counted once after a change, then kept
    with CaptureQueriesContext(connection) as veel:
        response = client.get(url, filters)
    assert len(response.context["rows"]) == 50
    assert len(veel) == len(weinig)


def test_inzage_trail_holds_the_list_events_that_named_the_person(client, fg, lijsten):
    dossier = {"dossier": [f"wsp.kandidaat:{lijsten['kandidaat'].pk}"]}
    html = client.get(reverse("privacy:inzage"), dossier).content.decode()
    assert (
        "WSP: kandidatenlijst ingezien" in html and "WSP: contactpersonenlijst ingezien" not in html
    )
    data = json.loads(client.get(reverse("privacy:inzage_export", args=["json"]), dossier).content)
    [lijst] = [r for r in data["logboek"] if r["Gebeurtenis"].endswith("lijst_ingezien")]
    # The other kandidaat on that page is someone else: not in this person's inzage.
    assert json.loads(lijst["Details"]) == {
        "context": "plaatsingen",
        "kandidaten": [lijsten["kandidaat"].pk],
    }


def test_a_list_key_belongs_to_one_model(regio_a):
    bron = personen.PersoonsBron(Vraag, ("naam",), dict, str, lijstsoort="kandidaten")
    with pytest.raises(ValueError, match=r"wsp\.kandidaat"):
        personen.registreer(bron)
    assert "loket.vraag" in personen._BRONNEN  # the loket's own registration is untouched
    assert personen.lijstsoorten()["kandidaten"].model is Kandidaat


# --- Inzageverzoek --------------------------------------------------------------------------


@pytest.mark.parametrize("term", [EMAIL, "Fictief", "0612345678"])
def test_search_finds_every_record_of_the_person_in_the_regio(client, fg, persoon, term):
    response = client.post(reverse("privacy:personen"), {"zoek": term})
    gevonden = {r.sleutel for r in response.context["records"]}
    if term == "0612345678":
        assert gevonden == {f"loket.vraag:{persoon['vraag'].pk}"}
        return
    assert gevonden == set(_sleutels(persoon))
    assert f"wsp.kandidaat:{persoon['elders'].pk}" not in gevonden
    gezocht = AuditEvent.objects.get(event="privacy_persoon_gezocht")
    assert gezocht.details == {"aantal": 5} and term not in json.dumps(gezocht.details)


def test_search_by_kandidaat_number(client, fg, persoon):
    response = client.post(reverse("privacy:personen"), {"zoek": str(persoon["los"].pk)})
    assert f"wsp.kandidaat:{persoon['los'].pk}" in {r.sleutel for r in response.context["records"]}


@pytest.mark.parametrize("nummer", ["²", "9" * 30])
def test_odd_numbers_are_refused_or_find_nothing_never_an_error(client, fg, nummer):
    # "²" is a digit to str.isdigit() but no number to int().
    zoek = client.post(reverse("privacy:personen"), {"zoek": nummer})
    assert zoek.status_code in (200, 400) and not zoek.context["records"]
    inzage = client.get(reverse("privacy:inzage"), {"dossier": [f"wsp.kandidaat:{nummer}"]})
    assert inzage.status_code == 400
    filter_ = {"betrokkene": f"wsp.kandidaat:{nummer}"}
    assert client.get(reverse("privacy:logboek"), filter_).status_code == 400


def test_search_term_too_short_is_a_dutch_error(client, fg):
    response = client.post(reverse("privacy:personen"), {"zoek": "ab"})
    assert response.status_code == 400
    assert "Vul minstens drie tekens in." in response.content.decode()


def test_inzage_shows_all_data_and_the_audit_trail_and_logs_it(client, fg, persoon):
    response = client.get(reverse("privacy:inzage"), {"dossier": _sleutels(persoon)})
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count(EMAIL) >= 5 and "0612345678" in html
    assert persoon["vraag"].tekst in html and "750.00" in html
    assert "traject_begeleiden" not in html and "Traject aanvragen of begeleiden" in html
    gelezen = AuditEvent.objects.filter(
        event="persoonsgegevens_ingezien", gebruiker=fg, doel="inzageverzoek"
    )
    assert gelezen.count() == 5


def test_inzage_refuses_a_record_of_another_regio(client, fg, persoon):
    response = client.get(
        reverse("privacy:inzage"), {"dossier": [f"wsp.kandidaat:{persoon['elders'].pk}"]}
    )
    assert response.status_code == 400
    assert "Jan" not in response.content.decode().split("<main", 1)[1].split("</main>")[0]


def test_inzage_json_download_holds_every_record_and_the_trail(client, fg, persoon):
    response = client.get(
        reverse("privacy:inzage_export", args=["json"]), {"dossier": _sleutels(persoon)}
    )
    data = json.loads(response.content)
    assert [d["sleutel"] for d in data["dossiers"]] == _sleutels(persoon)
    traject = next(d for d in data["dossiers"] if d["sleutel"].startswith("loket.traject"))
    assert traject["gegevens"]["e-mailadres"] == EMAIL
    assert traject["gegevens"]["kosten (euro)"] == "750.00"
    kandidaat = next(
        d for d in data["dossiers"] if d["sleutel"] == f"wsp.kandidaat:{persoon['geplaatst'].pk}"
    )
    assert len(kandidaat["gegevens"]["plaatsingen"]) == 1
    assert any(r["Doel"] == "Traject aanvragen of begeleiden" for r in data["logboek"])
    export = AuditEvent.objects.get(event="inzageverzoek_geexporteerd")
    assert export.details == {"formaat": "json", "dossiers": _sleutels(persoon)}


def test_inzage_xlsx_download_has_a_sheet_per_record_and_the_trail(client, fg, persoon):
    response = client.get(
        reverse("privacy:inzage_export", args=["xlsx"]), {"dossier": _sleutels(persoon)}
    )
    boek = load_workbook(io.BytesIO(response.content))
    assert len(boek.sheetnames) == 6 and boek.sheetnames[-1] == "Logboek"
    waarden = {
        c for blad in boek.worksheets[:5] for rij in blad.iter_rows(values_only=True) for c in rij
    }
    assert EMAIL in waarden and "Jan Fictief" in waarden


# --- Verwijderverzoek ---------------------------------------------------------------------


def test_confirm_page_says_what_is_anonymised_and_why(client, fg, persoon):
    response = client.get(reverse("privacy:verwijderen"), {"dossier": _sleutels(persoon)})
    html = response.content.decode()
    assert "financiële verantwoording" in html  # the traject's cost in the reserve
    assert "Geanonimiseerd, niet verwijderd" in html and "Definitief verwijderen" in html


def test_erasure_needs_a_reason_and_changes_nothing_without(client, fg, persoon):
    response = client.post(reverse("privacy:verwijderen"), {"dossier": _sleutels(persoon)})
    assert response.status_code == 400
    assert "Geef de reden van het verwijderverzoek." in response.content.decode()
    persoon["vraag"].refresh_from_db()
    assert persoon["vraag"].email == EMAIL
    assert not AuditEvent.objects.filter(event="verwijderverzoek_uitgevoerd").exists()


def test_erasure_removes_the_person_everywhere_keeps_counts_and_logs_it(client, fg, persoon):
    plaatsingen = Plaatsing.objects.count()
    response = client.post(
        reverse("privacy:verwijderen"),
        {"dossier": _sleutels(persoon), "reden": "Verzoek per brief van 1 maart"},
    )
    assert response.status_code == 302
    vraag = Vraag.objects.get(pk=persoon["vraag"].pk)
    assert (vraag.naam, vraag.email, vraag.telefoon, vraag.tekst) == ("", "", "", "")
    dv = Doorverwijzing.objects.get(pk=persoon["dv"].pk)
    assert (dv.naam, dv.email, dv.samenvatting) == ("", "", "")
    traject = Traject.objects.get(pk=persoon["traject"].pk)  # kept: financial record
    assert traject.naam == "" and traject.email == "" and traject.kosten == Decimal("750.00")
    assert traject.persoonsgegevens_verwijderd_op is not None
    geplaatst = Kandidaat.objects.get(pk=persoon["geplaatst"].pk)  # kept: it was placed
    assert geplaatst.email == "" and "Fictief" not in str(geplaatst) and not geplaatst.actief
    assert not Kandidaat.objects.filter(pk=persoon["los"].pk).exists()  # nothing depends on it
    assert Plaatsing.objects.count() == plaatsingen
    assert Kandidaat.objects.get(pk=persoon["elders"].pk).email == EMAIL  # other regio untouched
    # The person cannot be found any more.
    zoek = client.post(reverse("privacy:personen"), {"zoek": EMAIL})
    assert zoek.context["records"] == []
    verzoek = AuditEvent.objects.get(event="verwijderverzoek_uitgevoerd")
    assert verzoek.gebruiker == fg and verzoek.doel == "verwijderverzoek"
    assert verzoek.details["dossiers"] == {
        f"loket.vraag:{persoon['vraag'].pk}": "geanonimiseerd",
        f"loket.doorverwijzing:{persoon['dv'].pk}": "geanonimiseerd",
        f"loket.traject:{persoon['traject'].pk}": "geanonimiseerd",
        f"wsp.kandidaat:{persoon['geplaatst'].pk}": "geanonimiseerd",
        f"wsp.kandidaat:{persoon['los'].pk}": "verwijderd",
    }
    assert AuditEvent.objects.filter(event="persoonsgegevens_verwijderd", gebruiker=fg).count() == 5
    for event in AuditEvent.objects.all():
        tekst = json.dumps(event.details) + event.doel
        assert EMAIL not in tekst and "Fictief" not in tekst


def test_erasure_rolls_back_completely_when_one_part_fails(fg, persoon, monkeypatch):
    bron = personen._BRONNEN["wsp.kandidaat"]

    def kapot(obj, nu):
        raise RuntimeError("opslag onbereikbaar")

    monkeypatch.setitem(personen._BRONNEN, bron.code, dataclasses.replace(bron, wissen=kapot))
    records = personen.records_voor(user=fg, sleutels=_sleutels(persoon))
    assert records[0].bron.code == "loket.vraag"  # the loket parts run first and get undone
    with pytest.raises(RuntimeError):
        personen.persoon_wissen(records=records, reden="Verzoek", door=fg)
    assert Vraag.objects.get(pk=persoon["vraag"].pk).email == EMAIL
    assert Traject.objects.get(pk=persoon["traject"].pk).naam == "Jan Fictief"
    assert Kandidaat.objects.filter(pk=persoon["los"].pk).exists()
    assert not AuditEvent.objects.filter(
        event__in=["persoonsgegevens_verwijderd", "verwijderverzoek_uitgevoerd"]
    ).exists()


def test_retention_task_still_anonymises_with_the_shared_rule(regio_a):
    from django.utils import timezone

    vraag = VraagFactory(
        regio=regio_a,
        status=Vraag.Status.GESLOTEN,
        gesloten_op=datetime(2020, 1, 1, tzinfo=AMS),
    )
    assert loket_services.persoonsgegevens_opschonen(nu=timezone.now()) >= 1
    vraag.refresh_from_db()
    assert (vraag.naam, vraag.email, vraag.tekst) == ("", "", "")
