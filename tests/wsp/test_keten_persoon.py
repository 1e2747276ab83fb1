"""One person, one story (issue 23 point 5): the timeline across loket and WSP, who sees it
for which purpose, the withdrawal of consent across the chain, and the privacy officer's
inzage, erasure and the bewaartermijn covering the handovers."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from loket import services as loket_services
from loket.models import Doorverwijzing
from tests.factories import OrganisatieFactory
from tests.loket.factories import DoorverwijzingFactory, GesprekFactory
from tests.wsp.factories import (
    NazorgMomentFactory,
    PlaatsingFactory,
    VacatureFactory,
    VoordrachtFactory,
    WerkgeverFactory,
)
from werkcentrum import personen
from werkcentrum.models import AuditEvent, Organisatie
from wsp import matching, services, tijdlijn
from wsp.models import Kandidaat, NazorgMoment, Overdracht, Vacature, Voordracht

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")
INGETROKKEN = "De persoon heeft de toestemming ingetrokken"


@pytest.fixture(autouse=True)
def _zonder_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


def _velden(gemeente, **extra):
    return {
        "voornaam": "Sanne",
        "achternaam": "Voorbeeld",
        "email": "sanne@example.org",
        "telefoon": "",
        "woongemeente": gemeente,
        "doelgroep": "ww",
        "opleidingsniveau": "mbo3",
        "gewenst_beroep": "Logistiek medewerker",
        **extra,
    }


def _aanbieden(door, gemeente, **extra):
    return services.overdracht_aanbieden(
        regio=door.regio,
        door=door,
        toestemming=True,
        toestemming_gegevens="naam, contactgegevens, opleiding en wensen",
        **_velden(gemeente, **extra),
    )


def _ams(*args) -> datetime:
    return datetime(*args, tzinfo=AMS)


@pytest.fixture
def keten(regio_a, gids, adviseur, haarlem):
    """The whole chain of one person: gesprek, doorverwijzing, handover, acceptance, two
    voordrachten, a plaatsing and its nazorg at 2 and 5 months."""
    gesprek = GesprekFactory(regio=regio_a, gids=gids, datum=date(2025, 1, 6))
    dv = DoorverwijzingFactory(
        regio=regio_a, gesprek=gesprek, naam="Sanne Voorbeeld", verstuurd_op=_ams(2025, 1, 6, 11)
    )
    dv.stappen.create(status=Doorverwijzing.Status.VERSTUURD, tijdstip=_ams(2025, 1, 6, 11))
    overdracht = _aanbieden(gids, haarlem, doorverwijzing=dv)
    Overdracht.objects.filter(pk=overdracht.pk).update(aangeboden_op=_ams(2025, 1, 7, 9))
    kandidaat = services.overdracht_aannemen(overdracht=overdracht, door=adviseur)
    Overdracht.objects.filter(pk=overdracht.pk).update(beoordeeld_op=_ams(2025, 1, 8, 14))
    werkgever = WerkgeverFactory(regio=regio_a, naam="Bakkerij Brood BV", accounthouder=adviseur)
    vacature = VacatureFactory(werkgever=werkgever, regio=regio_a, functie="Bezorger")
    eerder = VacatureFactory(werkgever=werkgever, regio=regio_a, functie="Chauffeur")
    afgewezen = VoordrachtFactory(
        vacature=eerder,
        kandidaat=kandidaat,
        voorgesteld_op=_ams(2025, 1, 10, 10),
        status=Voordracht.Status.AFGEWEZEN,
        afwijsreden="Geen rijbewijs",
    )
    aangenomen = VoordrachtFactory(
        vacature=vacature,
        kandidaat=kandidaat,
        voorgesteld_op=_ams(2025, 1, 20, 10),
        status=Voordracht.Status.AANGENOMEN,
    )
    plaatsing = PlaatsingFactory(
        werkgever=werkgever, kandidaat=kandidaat, startdatum=date(2025, 2, 3), voordracht=aangenomen
    )
    NazorgMomentFactory(
        plaatsing=plaatsing,
        soort=NazorgMoment.Soort.TWEE_MAANDEN,
        vervaldatum=date(2025, 4, 3),
        afgerond_op=date(2025, 4, 1),
        uitkomst=NazorgMoment.Uitkomst.GOED,
        nog_in_dienst=True,
    )
    NazorgMomentFactory(
        plaatsing=plaatsing,
        soort=NazorgMoment.Soort.VIJF_MAANDEN,
        vervaldatum=date(2025, 7, 3),
        afgerond_op=date(2025, 7, 1),
        uitkomst=NazorgMoment.Uitkomst.GOED,
        nog_in_dienst=True,
    )
    overdracht.refresh_from_db()
    return {
        "gesprek": gesprek,
        "dv": dv,
        "overdracht": overdracht,
        "kandidaat": kandidaat,
        "werkgever": werkgever,
        "vacature": vacature,
        "afgewezen": afgewezen,
        "plaatsing": plaatsing,
    }


# --- the story ---------------------------------------------------------------------------------


def test_kandidaat_timeline_tells_the_whole_story_in_order(keten):
    verhaal = tijdlijn.kandidaat_tijdlijn(keten["kandidaat"])
    soorten = [g.soort for g in verhaal.gebeurtenissen]

    assert soorten == [
        "Gesprek op het loket",
        "Warme doorverwijzing",
        "Warme overdracht",
        "Warme overdracht",
        "Voordracht",
        "Voordracht",
        "Plaatsing",
        "Nazorg",
        "Nazorg",
    ]
    tijden = [g.tijdstip for g in verhaal.gebeurtenissen]
    assert tijden == sorted(tijden)
    assert all(str(t.tzinfo) == "Europe/Amsterdam" for t in tijden)
    gesprek, dv, aangeboden, aangenomen, vd1, vd2, plaatsing, twee, vijf = verhaal.gebeurtenissen
    # The gesprek is anonymous: date, location/channel and themes only.
    assert gesprek.alleen_datum and gesprek.tijdstip.date() == date(2025, 1, 6)
    assert any(r.startswith("Thema's:") for r in gesprek.regels)
    assert "Sanne" not in " ".join([gesprek.titel, *gesprek.regels])
    assert keten["dv"].dienst.naam in dv.titel and "Verstuurd" in dv.titel
    assert dv.regels and "Verstuurd" in dv.regels[0]
    assert "Aangeboden" in aangeboden.titel and "Werkcentrum" in aangeboden.titel
    assert aangenomen.titel == "Aangenomen door het WSP"
    assert "Chauffeur bij Bakkerij Brood BV" in vd1.titel
    assert "Bezorger bij Bakkerij Brood BV" in vd2.titel
    assert "Reden: Geen rijbewijs" in vd1.regels
    assert "Bakkerij Brood BV" in plaatsing.titel
    assert "Na 2 maanden" in twee.titel and "Verloopt goed" in twee.regels
    assert "Na 5 maanden" in vijf.titel and "Nog in dienst" in vijf.regels


def test_time_is_amsterdam_time(keten):
    # 23:30 UTC on 9 January is 00:30 on 10 January in Amsterdam.
    Voordracht.objects.filter(pk=keten["afgewezen"].pk).update(
        voorgesteld_op=datetime(2025, 1, 9, 23, 30, tzinfo=ZoneInfo("UTC"))
    )
    vd = next(
        g
        for g in tijdlijn.kandidaat_tijdlijn(keten["kandidaat"]).gebeurtenissen
        if "Geen rijbewijs" in " ".join(g.regels)
    )
    assert (vd.tijdstip.day, vd.tijdstip.hour, vd.tijdstip.minute) == (10, 0, 30)


def _queries(functie) -> int:
    with CaptureQueriesContext(connection) as ctx:
        functie()
    return len(ctx.captured_queries)


def test_timelines_take_a_constant_number_of_queries(keten, regio_a):
    kandidaat, overdracht = keten["kandidaat"], keten["overdracht"]
    voor_k = _queries(lambda: tijdlijn.kandidaat_tijdlijn(kandidaat))
    voor_o = _queries(lambda: tijdlijn.overdracht_tijdlijn(overdracht))
    # A longer story: more referrals, steps, voordrachten, plaatsingen and nazorg.
    for i in range(3):
        DoorverwijzingFactory(regio=regio_a, gesprek=keten["gesprek"]).stappen.create(
            status=Doorverwijzing.Status.VERSTUURD
        )
        VoordrachtFactory(
            vacature=VacatureFactory(werkgever=keten["werkgever"], regio=regio_a),
            kandidaat=kandidaat,
        )
        p = PlaatsingFactory(
            werkgever=keten["werkgever"], kandidaat=kandidaat, startdatum=date(2025, 9, 1 + i)
        )
        NazorgMomentFactory(plaatsing=p)

    assert _queries(lambda: tijdlijn.kandidaat_tijdlijn(kandidaat)) == voor_k
    assert _queries(lambda: tijdlijn.overdracht_tijdlijn(overdracht)) == voor_o
    assert voor_k <= 12 and voor_o <= 12


def test_offerer_timeline_shows_chain_status_without_werkgever_or_wsp_notes(keten):
    verhaal = tijdlijn.overdracht_tijdlijn(keten["overdracht"])
    tekst = " ".join(f"{g.titel} {' '.join(g.regels)}" for g in verhaal.gebeurtenissen)

    assert "Bakkerij Brood BV" not in tekst
    assert "Bezorger" not in tekst and "Chauffeur" not in tekst
    assert "Geen rijbewijs" not in tekst
    assert "Warme doorverwijzing" in [g.soort for g in verhaal.gebeurtenissen]
    assert dict(verhaal.ketenstatus) == {
        "Overgedragen": date(2025, 1, 7),
        "Aangenomen door het WSP": date(2025, 1, 8),
        "Voorgedragen": date(2025, 1, 10),
        "Geplaatst": date(2025, 2, 3),
        "Duurzaam: na 5 maanden nog aan het werk": date(2025, 7, 1),
    }


def test_offered_only_handover_has_no_chain_yet(gids, haarlem):
    overdracht = _aanbieden(gids, haarlem)

    stappen = dict(tijdlijn.overdracht_tijdlijn(overdracht).ketenstatus)

    assert stappen["Overgedragen"] == timezone.localdate()
    assert stappen["Aangenomen door het WSP"] is None and stappen["Geplaatst"] is None


# --- who sees which timeline -------------------------------------------------------------------


def test_wsp_timeline_asks_the_purpose_and_logs_it(client, adviseur, keten, kies_doel):
    kandidaat = keten["kandidaat"]
    url = reverse("wsp:kandidaat_tijdlijn", args=[kandidaat.pk])
    client.force_login(adviseur)

    gevraagd = client.get(url)
    assert gevraagd.status_code == 200
    assert "Bakkerij Brood BV" not in gevraagd.content.decode()
    assert not AuditEvent.objects.filter(object_id=str(kandidaat.pk), doel="nazorg").exists()

    kies_doel(client, kandidaat, "nazorg")
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bakkerij Brood BV" in html and "Gesprek op het loket" in html
    event = AuditEvent.objects.filter(
        object_id=str(kandidaat.pk), event="persoonsgegevens_ingezien"
    ).latest("pk")
    assert event.doel == "nazorg"
    # The handover and the referral shown are named in one event with the same purpose.
    lijst = AuditEvent.objects.filter(event="personen_ingezien", doel="nazorg").latest("pk")
    assert lijst.details["overdrachten"] == [keten["overdracht"].pk]
    assert lijst.details["doorverwijzingen"] == [keten["dv"].pk]


def test_loket_roles_do_not_get_the_wsp_timeline(client, gids, keten):
    client.force_login(gids)
    url = reverse("wsp:kandidaat_tijdlijn", args=[keten["kandidaat"].pk])
    assert client.get(url).status_code == 403


def test_offerer_sees_the_chain_with_purpose(client, gids, keten, kies_doel):
    overdracht = keten["overdracht"]
    client.force_login(gids)
    kies_doel(client, overdracht, "doorverwijzen")

    response = client.get(reverse("loket:overdracht_tijdlijn", args=[overdracht.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Geplaatst" in html and "Duurzaam" in html
    assert "Bakkerij Brood BV" not in html and "Bezorger" not in html
    event = AuditEvent.objects.filter(
        object_id=str(overdracht.pk), event="persoonsgegevens_ingezien"
    ).latest("pk")
    assert event.doel == "doorverwijzen"


def test_timeline_of_someone_elses_handover_is_not_found(
    client, maak_gebruiker, keten, consulent, kies_doel
):
    overdracht = keten["overdracht"]
    url = reverse("loket:overdracht_tijdlijn", args=[overdracht.pk])
    andere_gids = maak_gebruiker("gids")
    for wie in (andere_gids, consulent):
        client.force_login(wie)
        kies_doel(client, overdracht)
        assert client.get(url).status_code == 404


def test_partner_sees_own_organisations_handover_only(
    client, maak_gebruiker, consulent, uwv, haarlem, kies_doel, regio_a
):
    overdracht = _aanbieden(consulent, haarlem)
    collega = maak_gebruiker("partnermedewerker", organisatie=uwv)
    anders = maak_gebruiker(
        "partnermedewerker",
        organisatie=OrganisatieFactory(regio=regio_a, type=Organisatie.Type.REINTEGRATIE),
    )
    url = reverse("loket:overdracht_tijdlijn", args=[overdracht.pk])

    client.force_login(collega)
    kies_doel(client, overdracht)
    assert client.get(url).status_code == 200
    client.force_login(anders)
    kies_doel(client, overdracht)
    assert client.get(url).status_code == 404


# --- withdrawal of consent ---------------------------------------------------------------------


def test_withdrawal_on_the_kandidaat_stops_everything(keten, adviseur):
    kandidaat = keten["kandidaat"]
    open_vd = VoordrachtFactory(
        vacature=VacatureFactory(werkgever=keten["werkgever"], regio=keten["werkgever"].regio),
        kandidaat=kandidaat,
        status=Voordracht.Status.GESPREK,
    )

    services.toestemming_intrekken(kandidaat=kandidaat, door=adviseur, toelichting="Belde zelf")

    kandidaat.refresh_from_db()
    assert kandidaat.toestemming is False and kandidaat.actief is False
    assert kandidaat.toestemming_ingetrokken_op is not None
    overdracht = Overdracht.objects.get(pk=keten["overdracht"].pk)
    assert overdracht.status == Overdracht.Status.INGETROKKEN
    assert overdracht.toestemming_ingetrokken_op == kandidaat.toestemming_ingetrokken_op
    open_vd.refresh_from_db()
    assert open_vd.status == Voordracht.Status.AFGEWEZEN
    assert open_vd.afwijsreden == "Toestemming ingetrokken"
    # A closed voordracht keeps its own outcome.
    assert Voordracht.objects.get(pk=keten["afgewezen"].pk).afwijsreden == "Geen rijbewijs"
    event = AuditEvent.objects.get(event="wsp_toestemming_ingetrokken")
    assert event.object_id == str(kandidaat.pk)
    assert event.details["overdrachten"] == [overdracht.pk]
    assert event.details["voordrachten_gesloten"] == 1
    assert event.details["toelichting"] == "Belde zelf"


def test_after_withdrawal_every_further_processing_is_refused(
    keten, adviseur, gids, haarlem, regio_a
):
    kandidaat = keten["kandidaat"]
    services.toestemming_intrekken(kandidaat=kandidaat, door=adviseur)
    kandidaat.refresh_from_db()
    vacature = VacatureFactory(
        werkgever=keten["werkgever"], regio=regio_a, status=Vacature.Status.OPEN
    )

    with pytest.raises(ValidationError, match=INGETROKKEN):
        services.voordracht_doen(vacature=vacature, kandidaat=kandidaat, door=adviseur)
    with pytest.raises(ValidationError, match=INGETROKKEN):
        services.plaatsing_registreren(
            kandidaat=kandidaat,
            werkgever=keten["werkgever"],
            startdatum=date(2026, 1, 5),
            door=adviseur,
            contractvorm="bepaald",
            uren_per_week=20,
        )
    with pytest.raises(ValidationError, match=INGETROKKEN):
        services.kandidaat_bijwerken(kandidaat=kandidaat, door=adviseur, gewenst_beroep="Kok")
    # A new handover of the same person (same e-mail, or same name in the same gemeente).
    with pytest.raises(ValidationError, match=INGETROKKEN):
        _aanbieden(gids, haarlem)
    with pytest.raises(ValidationError, match=INGETROKKEN):
        _aanbieden(gids, haarlem, email="nieuw@example.org")
    with pytest.raises(ValidationError, match=INGETROKKEN):
        services.toestemming_intrekken(kandidaat=kandidaat, door=adviseur)
    assert Overdracht.objects.count() == 1
    # Nor can an import (by externe_id) give the consent back: the model refuses it.
    kandidaat.toestemming, kandidaat.toestemming_op = True, date(2026, 1, 1)
    with pytest.raises(ValidationError, match=INGETROKKEN):
        kandidaat.full_clean()
    # The matching no longer offers the person.
    assert kandidaat.pk not in [m.kandidaat.pk for m in matching.kandidaten_voor_vacature(vacature)]


def test_offerer_withdraws_an_offered_handover_and_the_wsp_cannot_accept(gids, adviseur, haarlem):
    overdracht = _aanbieden(gids, haarlem)

    services.toestemming_intrekken(overdracht=overdracht, door=gids)

    overdracht.refresh_from_db()
    assert overdracht.status == Overdracht.Status.INGETROKKEN
    assert overdracht.toestemming_ingetrokken_op is not None
    with pytest.raises(ValidationError, match=INGETROKKEN):
        services.overdracht_aannemen(overdracht=overdracht, door=adviseur)
    assert not Kandidaat.objects.exists()


def test_withdrawal_by_the_offerer_reaches_the_kandidaat(keten, gids):
    services.toestemming_intrekken(overdracht=keten["overdracht"], door=gids)

    kandidaat = Kandidaat.objects.get(pk=keten["kandidaat"].pk)
    assert kandidaat.toestemming_ingetrokken_op is not None and not kandidaat.actief


def test_who_may_withdraw(keten, maak_gebruiker, consulent, uwv, haarlem, werkcentrum, regio_b):
    overdracht = keten["overdracht"]
    mag = services.mag_toestemming_intrekken
    assert mag(maak_gebruiker("coordinator", organisatie=werkcentrum), overdracht=overdracht)
    assert not mag(maak_gebruiker("gids"), overdracht=overdracht)
    assert not mag(consulent, overdracht=overdracht)
    assert not mag(maak_gebruiker("wsp_adviseur", regio=regio_b), overdracht=overdracht)
    # The offering side acts on the handover, not on the kandidaat.
    assert not mag(
        maak_gebruiker("coordinator", organisatie=werkcentrum), kandidaat=keten["kandidaat"]
    )
    partner_overdracht = _aanbieden(
        consulent, haarlem, voornaam="Piet", achternaam="Partner", email="piet@example.org"
    )
    assert mag(maak_gebruiker("partnermedewerker", organisatie=uwv), overdracht=partner_overdracht)
    with pytest.raises(PermissionError):
        services.toestemming_intrekken(overdracht=overdracht, door=consulent)
    assert Overdracht.objects.get(pk=overdracht.pk).toestemming_ingetrokken_op is None


def test_withdraw_page_has_a_confirm_step(client, adviseur, keten, kies_doel):
    kandidaat = keten["kandidaat"]
    url = reverse("wsp:toestemming_intrekken", args=[kandidaat.pk])
    client.force_login(adviseur)
    kies_doel(client, kandidaat)

    assert "lopende voordrachten" in client.get(url).content.decode()
    zonder = client.post(url, {"toelichting": "Belde"})
    assert zonder.status_code == 400
    assert "Bevestig dat de persoon" in zonder.content.decode()
    assert Kandidaat.objects.get(pk=kandidaat.pk).toestemming_ingetrokken_op is None

    response = client.post(url, {"toelichting": "Belde", "bevestigen": "on"})

    assert response.status_code == 302
    assert Kandidaat.objects.get(pk=kandidaat.pk).toestemming_ingetrokken_op is not None


def test_withdrawal_shows_on_every_holders_record(client, adviseur, gids, keten, kies_doel):
    services.toestemming_intrekken(kandidaat=keten["kandidaat"], door=adviseur)
    datum = f"{timezone.localdate():%d-%m-%Y}"
    banner = f"Toestemming ingetrokken op {datum}"

    client.force_login(adviseur)
    kies_doel(client, keten["kandidaat"])
    pagina = client.get(reverse("wsp:kandidaat", args=[keten["kandidaat"].pk])).content.decode()
    assert banner in pagina
    assert "Passende vacatures" not in pagina
    client.force_login(gids)
    for obj, url in (
        (keten["dv"], reverse("loket:doorverwijzing", args=[keten["dv"].pk])),
        (
            keten["overdracht"],
            reverse("loket:overdracht_tijdlijn", args=[keten["overdracht"].pk]),
        ),
    ):
        kies_doel(client, obj)
        assert banner in client.get(url).content.decode(), url


def test_offerer_withdraws_through_the_loket_page(client, gids, haarlem, kies_doel):
    overdracht = _aanbieden(gids, haarlem)
    url = reverse("loket:overdracht_toestemming_intrekken", args=[overdracht.pk])
    client.force_login(gids)
    kies_doel(client, overdracht)

    assert client.get(url).status_code == 200
    response = client.post(url, {"bevestigen": "on"})

    assert response.status_code == 302
    assert Overdracht.objects.get(pk=overdracht.pk).status == Overdracht.Status.INGETROKKEN


# --- privacy officer ---------------------------------------------------------------------------


def test_inzage_of_the_kandidaat_holds_its_handovers(keten):
    gegevens = personen.alle_gegevens(keten["kandidaat"])

    rijen = gegevens["warme overdrachten"]
    assert [r["ID"] for r in rijen] == [keten["overdracht"].pk]
    assert rijen[0]["toestemming voor welke gegevens"].startswith("naam, contactgegevens")


def test_privacy_search_finds_the_handover(gids, haarlem, maak_gebruiker):
    overdracht = _aanbieden(gids, haarlem)

    records = personen.zoeken(user=maak_gebruiker("privacy_officer"), term="Sanne Voorbeeld")

    assert f"wsp.overdracht:{overdracht.pk}" in [r.sleutel for r in records]


def test_erasure_of_the_kandidaat_covers_the_whole_chain(keten, maak_gebruiker):
    fg = maak_gebruiker("privacy_officer")
    records = personen.records_voor(user=fg, sleutels=[f"wsp.kandidaat:{keten['kandidaat'].pk}"])

    uitkomsten = personen.persoon_wissen(records=records, reden="Verzoek betrokkene", door=fg)

    overdracht = Overdracht.objects.get(pk=keten["overdracht"].pk)
    dv = Doorverwijzing.objects.get(pk=keten["dv"].pk)
    assert set(uitkomsten) == {
        f"wsp.kandidaat:{keten['kandidaat'].pk}",
        f"wsp.overdracht:{overdracht.pk}",
        f"loket.doorverwijzing:{dv.pk}",
    }
    assert (overdracht.voornaam, overdracht.achternaam, overdracht.email) == (
        "Geanonimiseerd",
        "",
        "",
    )
    assert overdracht.gewenst_beroep == "" and overdracht.toelichting == ""
    # The anonymous facts stay for the chain figures.
    assert overdracht.bron == Overdracht.Bron.WERKCENTRUM
    assert overdracht.status == Overdracht.Status.AANGENOMEN
    assert overdracht.woongemeente_id and overdracht.doelgroep == "ww"
    assert overdracht.kandidaat_id == keten["kandidaat"].pk
    assert dv.naam == "" and dv.persoonsgegevens_verwijderd_op is not None
    assert Kandidaat.objects.get(pk=keten["kandidaat"].pk).voornaam == "Geanonimiseerd"
    # Erased records are not found again.
    assert personen.zoeken(user=fg, term="Sanne Voorbeeld") == []


def test_erasure_starting_from_the_referral_reaches_the_kandidaat(keten, maak_gebruiker):
    fg = maak_gebruiker("privacy_officer")
    records = personen.records_voor(user=fg, sleutels=[f"loket.doorverwijzing:{keten['dv'].pk}"])

    personen.persoon_wissen(records=records, reden="Verzoek betrokkene", door=fg)

    assert Kandidaat.objects.get(pk=keten["kandidaat"].pk).voornaam == "Geanonimiseerd"


def test_kandidaat_with_only_a_handover_is_anonymised_not_deleted(
    gids, adviseur, haarlem, maak_gebruiker
):
    # Deleting would empty the handover's kandidaat, which an accepted handover must keep.
    overdracht = _aanbieden(gids, haarlem)
    kandidaat = services.overdracht_aannemen(overdracht=overdracht, door=adviseur)
    fg = maak_gebruiker("privacy_officer")
    records = personen.records_voor(user=fg, sleutels=[f"wsp.kandidaat:{kandidaat.pk}"])

    personen.persoon_wissen(records=records, reden="Verzoek", door=fg)

    assert Overdracht.objects.get(pk=overdracht.pk).kandidaat_id == kandidaat.pk


def test_erase_page_lists_the_chain_before_erasing(client, keten, maak_gebruiker):
    client.force_login(maak_gebruiker("privacy_officer"))

    response = client.get(
        reverse("privacy:verwijderen"), {"dossier": f"wsp.kandidaat:{keten['kandidaat'].pk}"}
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "warme overdracht" in html and "doorverwijzing" in html


# --- bewaartermijn -----------------------------------------------------------------------------


def test_retention_erases_returned_and_withdrawn_handovers_once(gids, adviseur, haarlem):
    teruggegeven = _aanbieden(gids, haarlem)
    services.overdracht_teruggeven(overdracht=teruggegeven, door=adviseur, reden="Nog niet fit")
    ingetrokken = _aanbieden(
        gids, haarlem, voornaam="Karel", achternaam="Klaas", email="karel@example.org"
    )
    services.toestemming_intrekken(overdracht=ingetrokken, door=gids)
    open_ = _aanbieden(gids, haarlem, voornaam="Olga", achternaam="Open", email="o@example.org")
    recent = _aanbieden(gids, haarlem, voornaam="Rik", achternaam="Recent", email="r@example.org")
    services.overdracht_teruggeven(overdracht=recent, door=adviseur, reden="Nog niet fit")
    lang_geleden = timezone.now() - timedelta(days=500)
    Overdracht.objects.filter(pk__in=[teruggegeven.pk, open_.pk]).update(
        beoordeeld_op=lang_geleden, aangeboden_op=lang_geleden
    )
    Overdracht.objects.filter(pk=ingetrokken.pk).update(toestemming_ingetrokken_op=lang_geleden)

    assert loket_services.persoonsgegevens_opschonen() >= 2

    for o, gewist in ((teruggegeven, True), (ingetrokken, True), (open_, False), (recent, False)):
        o.refresh_from_db()
        assert (o.voornaam == "Geanonimiseerd" and o.email == "") is gewist, o.pk
    teruggegeven.refresh_from_db()
    assert teruggegeven.reden_teruggave and "Nog niet fit" not in teruggegeven.reden_teruggave
    assert teruggegeven.status == Overdracht.Status.TERUGGEGEVEN
    assert (
        AuditEvent.objects.filter(
            event="persoonsgegevens_bewaartermijn_verstreken", object_id=str(ingetrokken.pk)
        ).count()
        == 1
    )
    # Idempotent: a second run touches nothing.
    assert loket_services.persoonsgegevens_opschonen() == 0


def test_after_withdrawal_no_more_nazorg_and_no_reminders(keten, adviseur, maak_gebruiker):
    """Nazorg talks to the werkgever about the person: after a withdrawal it stops too."""
    from wsp import selectors

    plaatsing = keten["plaatsing"]
    open_moment = NazorgMomentFactory(
        plaatsing=plaatsing, soort=NazorgMoment.Soort.EXTRA, vervaldatum=date(2026, 1, 5)
    )
    manager = maak_gebruiker("wsp_manager")
    assert open_moment in selectors.nazorg_open(user=manager)

    services.toestemming_intrekken(kandidaat=keten["kandidaat"], door=adviseur)
    open_moment.refresh_from_db()
    plaatsing.refresh_from_db()

    with pytest.raises(ValidationError, match=INGETROKKEN):
        services.nazorg_vastleggen(
            moment=open_moment,
            door=manager,
            uitkomst=NazorgMoment.Uitkomst.GOED,
            nog_in_dienst=True,
            afgerond_op=date(2026, 1, 5),
        )
    with pytest.raises(ValidationError, match=INGETROKKEN):
        services.nazorg_moment_toevoegen(
            plaatsing=plaatsing, vervaldatum=date(2026, 3, 1), door=manager
        )
    assert open_moment not in selectors.nazorg_open(user=manager)
    assert services.nazorg_herinneringen_versturen(vandaag=date(2026, 1, 5)) == {
        "vooraf": 0,
        "vervaldag": 0,
        "escalatie": 0,
    }
