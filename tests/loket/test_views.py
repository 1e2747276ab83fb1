"""Views per role: public pages, the gids forms and queues, partner scoping, the dashboard."""

from datetime import time, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from loket.models import Doorverwijzing, Gesprek, Informatiepagina, Sluiting, Traject, Vraag
from tests.factories import GemeenteFactory, LocatieFactory, OpeningstijdFactory, OrganisatieFactory
from tests.loket.factories import (
    DienstFactory,
    DoorverwijzingFactory,
    GesprekFactory,
    VraagFactory,
    doelgroep,
    thema,
)
from werkcentrum.models import AuditEvent

pytestmark = pytest.mark.django_db
S = Doorverwijzing.Status


@pytest.fixture(autouse=True)
def _geen_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


@pytest.fixture
def ingelogd(client, maak_gebruiker):
    def maak(*rollen, **kw):
        user = maak_gebruiker(*rollen, **kw)
        client.force_login(user)
        return user

    return maak


# --- Public --------------------------------------------------------------------------------


def test_public_home_in_dutch_and_english_shows_the_four_entries(client, regio_a):
    Informatiepagina.objects.create(
        regio=regio_a,
        rubriek="werken",
        titel="Werk zoeken",
        slug="werk-zoeken",
        inhoud="Tekst",
        gepubliceerd=True,
    )
    Informatiepagina.objects.create(
        regio=regio_a, rubriek="werken", titel="Concept", slug="concept", inhoud="x"
    )
    for url in ("/zkij/", "/en/zkij/"):
        html = client.get(url).content.decode()
        assert "Werk zoeken" in html and "Concept" not in html
    assert "Ik ben werkgever" in client.get("/zkij/").content.decode()
    assert 'lang="en"' in client.get("/en/zkij/").content.decode()
    assert client.get("/zkij/info/concept/").status_code == 404
    assert client.get("/zkij/info/werk-zoeken/").status_code == 200
    assert client.get("/onbekend/").status_code == 404


def test_spreekuren_list_the_next_four_weeks_without_closed_dates(client, regio_a):
    locatie = LocatieFactory(regio=regio_a, naam="Bibliotheek Centrum")
    vandaag = timezone.localdate()
    OpeningstijdFactory(
        locatie=locatie, weekdag=vandaag.isoweekday(), begintijd=time(9), eindtijd=time(12)
    )
    Sluiting.objects.create(locatie=locatie, datum=vandaag + timedelta(days=7), reden="Studiedag")
    response = client.get("/zkij/spreekuren/")
    sessies = response.context["sessies"]
    assert [s.datum for s in sessies] == [
        vandaag,
        vandaag + timedelta(days=14),
        vandaag + timedelta(days=21),
    ]
    assert "Studiedag" in response.content.decode()


def test_wegwijzer_filters_the_published_sociale_kaart(client, regio_a, regio_b):
    DienstFactory(regio=regio_a, naam="Taalcoach", themas=[thema("taal")])
    DienstFactory(regio=regio_a, naam="Verborgen", themas=[thema("taal")], gepubliceerd=False)
    DienstFactory(regio=regio_a, naam="Werkfit", themas=[thema("werk-zoeken")])
    DienstFactory(regio=regio_b, naam="Elders", themas=[thema("taal")])
    taal = thema("taal")
    html = client.get("/zkij/waar-kan-ik-terecht/", {"thema": taal.pk}).content.decode()
    assert (
        "Taalcoach" in html
        and "Verborgen" not in html
        and "Werkfit" not in html
        and "Elders" not in html
    )


def vraag_data(**kw):
    return {
        "thema": thema().pk,
        "tekst": "Hoe kom ik aan werk?",
        "wil_antwoord": "on",
        "email": "a@example.org",
        "toestemming": "on",
        "website": "",
        **kw,
    }


def test_asking_a_question_gives_a_reference_and_answer_date(client, regio_a):
    response = client.post("/zkij/vraag/", vraag_data(), follow=True)
    vraag = Vraag.objects.get()
    html = response.content.decode()
    assert vraag.referentie in html and vraag.antwoord_uiterlijk.strftime("%Y") in html
    assert vraag.regio == regio_a


def test_bad_question_input_shows_messages_and_keeps_the_text(client, regio_a):
    response = client.post("/zkij/vraag/", vraag_data(email="", toestemming=""))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Vul een e-mailadres of telefoonnummer in" in html and "Geef toestemming" in html
    assert "Hoe kom ik aan werk?" in html
    assert Vraag.objects.count() == 0


def test_honeypot_is_hidden_by_class_and_refuses_bots(client, regio_a):
    html = client.get("/zkij/vraag/").content.decode()
    assert (
        'class="wc-honeypot"' in html and 'tabindex="-1"' in html and 'aria-hidden="true"' in html
    )
    assert "style=" not in html
    assert client.post("/zkij/vraag/", vraag_data(website="http://spam")).status_code == 400
    assert Vraag.objects.count() == 0


def test_a_missing_honeypot_counts_as_filled(client, regio_a):
    """Issue 20 point 11: leaving the field out does not skip the honeypot."""
    zonder = {k: v for k, v in vraag_data().items() if k != "website"}
    assert client.post("/zkij/vraag/", zonder).status_code == 400
    assert Vraag.objects.count() == 0


def test_rate_limit_per_ip_address(client, regio_a):
    from loket.models import LoketInstelling

    LoketInstelling.objects.create(regio=regio_a, vragen_per_uur_per_adres=3)
    for _i in range(3):
        assert client.post("/zkij/vraag/", vraag_data(), REMOTE_ADDR="10.0.0.1").status_code == 302
    response = client.post("/zkij/vraag/", vraag_data(), REMOTE_ADDR="10.0.0.1")
    assert response.status_code == 429
    html = response.content.decode()
    assert "Vanaf dit adres zijn het afgelopen uur veel vragen gesteld." in html
    assert "Hoe kom ik aan werk?" in html  # the input is kept
    assert client.post("/zkij/vraag/", vraag_data(), REMOTE_ADDR="10.0.0.2").status_code == 302
    assert Vraag.objects.count() == 4


def test_satisfaction_link_get_does_not_use_it_post_does(client, regio_a):
    from datetime import timedelta

    from django.utils import timezone

    from werkcentrum.tokens import token_hash

    dv = DoorverwijzingFactory(
        regio=regio_a,
        status=S.AFGEROND,
        tevredenheid_token_hash=token_hash("abc123"),
        tevredenheid_geldig_tot=timezone.now() + timedelta(days=1),
    )
    url = "/zkij/tevredenheid/abc123/"
    # The stored hash itself is no token.
    assert client.get(f"/zkij/tevredenheid/{token_hash('abc123')}/").status_code == 404
    assert client.get(url).status_code == 200
    client.post(url, {"tevreden": "nee"})
    dv.refresh_from_db()
    assert dv.status == S.HEROPEND and dv.tevredenheid_token_hash is None
    assert client.get(url).status_code == 404


# --- Gids ----------------------------------------------------------------------------------


def test_gids_registers_an_anonymous_gesprek(client, ingelogd, regio_a):
    gids = ingelogd("gids")
    locatie = LocatieFactory(regio=regio_a)
    data = {
        "kanaal": "inloop",
        "locatie": locatie.pk,
        "doelgroep": doelgroep().pk,
        "themas": [thema().pk],
        "leeftijdscategorie": "27-44",
        "uitkomst": "informatie",
    }
    response = client.post(reverse("loket:gesprek_nieuw"), data)
    gesprek = Gesprek.objects.get()
    assert response.status_code == 302 and gesprek.gids == gids and gesprek.locatie == locatie
    # The next visitor at the same spreekuur: the location is already chosen.
    volgende = client.get(reverse("loket:gesprek_nieuw"))
    assert volgende.context["form"]["locatie"].value() == locatie.pk


def test_gesprek_form_errors_are_shown_and_nothing_is_saved(client, ingelogd, regio_a):
    ingelogd("gids")
    data = {
        "kanaal": "inloop",
        "doelgroep": doelgroep().pk,
        "uitkomst": "informatie",
        "notitie": "mail jan@example.org",
        "leeftijdscategorie": "onbekend",
    }
    response = client.post(reverse("loket:gesprek_nieuw"), data)
    html = response.content.decode()
    assert response.status_code == 400
    assert (
        "Kies minstens één thema" in html
        and "Kies de locatie" in html
        and "geen e-mailadres" in html
    )
    assert "jan@example.org" in html  # input kept
    assert Gesprek.objects.count() == 0


def test_gesprek_form_suggests_services_without_saving(client, ingelogd, regio_a):
    ingelogd("gids")
    DienstFactory(regio=regio_a, naam="Taalcoach", themas=[thema("taal")])
    data = {
        "kanaal": "telefoon",
        "doelgroep": doelgroep().pk,
        "themas": [thema("taal").pk],
        "uitkomst": "informatie",
        "leeftijdscategorie": "onbekend",
        "suggesties": "1",
    }
    response = client.post(reverse("loket:gesprek_nieuw"), data)
    assert response.status_code == 200 and "Taalcoach" in response.content.decode()
    assert Gesprek.objects.count() == 0


def test_referral_without_consent_is_refused_with_a_message(client, ingelogd, regio_a):
    gids = ingelogd("gids")
    gesprek = GesprekFactory(regio=regio_a, gids=gids)
    dienst = DienstFactory(regio=regio_a)
    url = reverse("loket:doorverwijzing_nieuw") + f"?gesprek={gesprek.pk}"
    data = {
        "dienst": dienst.pk,
        "samenvatting": "Zoekt werk",
        "telefoon": "0612345678",
        "toestemming_gegevens": "telefoon",
    }
    response = client.post(url, data)
    assert response.status_code == 400 and "Zonder toestemming" in response.content.decode()
    assert Doorverwijzing.objects.count() == 0
    response = client.post(url, {**data, "toestemming": "on"})
    dv = Doorverwijzing.objects.get()
    assert response.status_code == 302 and dv.gesprek == gesprek


def test_referral_to_another_regio_is_impossible(client, ingelogd, regio_a, regio_b):
    ingelogd("gids")
    dienst = DienstFactory(regio=regio_b)
    data = {
        "dienst": dienst.pk,
        "samenvatting": "x",
        "telefoon": "0612345678",
        "toestemming_gegevens": "t",
        "toestemming": "on",
    }
    response = client.post(reverse("loket:doorverwijzing_nieuw"), data)
    assert response.status_code == 400 and Doorverwijzing.objects.count() == 0


def test_question_queue_assign_answer_close(
    client, ingelogd, regio_a, regio_b, django_capture_on_commit_callbacks
):
    gids = ingelogd("gids")
    vraag = VraagFactory(regio=regio_a)
    VraagFactory(regio=regio_b, referentie="WC-ANDERE")
    html = client.get(reverse("loket:vragen")).content.decode()
    assert vraag.referentie in html and "WC-ANDERE" not in html
    client.post(reverse("loket:vraag_toewijzen", args=[vraag.pk]), {"aan": gids.pk})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("loket:vraag_beantwoorden", args=[vraag.pk]),
            {"antwoord": "Welkom op het spreekuur."},
        )
    client.post(reverse("loket:vraag_sluiten", args=[vraag.pk]))
    vraag.refresh_from_db()
    assert vraag.status == Vraag.Status.GESLOTEN and vraag.toegewezen_aan == gids
    assert len(mail.outbox) == 1
    assert (
        client.get(reverse("loket:vraag", args=[VraagFactory(regio=regio_b).pk])).status_code == 404
    )


def test_reading_a_question_with_personal_data_is_audited(client, ingelogd, regio_a, kies_doel):
    gids = ingelogd("gids")
    vraag = VraagFactory(regio=regio_a)
    kies_doel(client, vraag)
    client.get(reverse("loket:vraag", args=[vraag.pk]))
    assert AuditEvent.objects.filter(
        event="persoonsgegevens_ingezien", gebruiker=gids, object_id=str(vraag.pk)
    ).exists()


# --- Partner scoping -----------------------------------------------------------------------


def test_partner_sees_only_referrals_to_own_organisation(client, ingelogd, regio_a):
    eigen = DoorverwijzingFactory(regio=regio_a)
    andere = DoorverwijzingFactory(regio=regio_a)
    ingelogd("partnermedewerker", organisatie=eigen.organisatie)
    lijst = client.get(reverse("loket:doorverwijzingen"))
    assert list(lijst.context["rows"]) == [eigen]
    assert client.get(reverse("loket:doorverwijzing", args=[andere.pk])).status_code == 404
    assert (
        client.post(
            reverse("loket:doorverwijzing", args=[andere.pk]), {"status": "ontvangen"}
        ).status_code
        == 404
    )


def test_partner_moves_status_forward_and_backwards_is_refused(
    client, ingelogd, regio_a, kies_doel
):
    dv = DoorverwijzingFactory(regio=regio_a)
    ingelogd("partnermedewerker", organisatie=dv.organisatie)
    kies_doel(client, dv)
    url = reverse("loket:doorverwijzing", args=[dv.pk])
    assert client.post(url, {"status": "ontvangen"}).status_code == 302
    assert client.post(url, {"status": "contact_gelegd"}).status_code == 302
    response = client.post(url, {"status": "verstuurd"})
    assert response.status_code == 400
    dv.refresh_from_db()
    assert dv.status == S.CONTACT_GELEGD


def test_gids_sees_status_of_own_referrals(client, ingelogd, regio_a, kies_doel):
    gids = ingelogd("gids")
    eigen = DoorverwijzingFactory(
        regio=regio_a, verwezen_door=gids, toestemming_door=gids, status=S.CONTACT_GELEGD
    )
    kies_doel(client, eigen)
    DoorverwijzingFactory(regio=regio_a)
    response = client.get(reverse("loket:doorverwijzingen"))
    assert list(response.context["rows"]) == [eigen]
    assert (
        "Contact gelegd"
        in client.get(reverse("loket:doorverwijzing", args=[eigen.pk])).content.decode()
    )


def test_partner_cannot_open_gids_pages(client, ingelogd):
    ingelogd("partnermedewerker")
    assert client.get(reverse("loket:gesprek_nieuw")).status_code == 403
    assert client.get(reverse("loket:vragen")).status_code == 403


def test_partner_sends_a_warme_toeleiding_to_the_gidsen_queue(client, ingelogd, regio_a):
    org = OrganisatieFactory(regio=regio_a, naam="UWV Haarlem")
    ingelogd("partnermedewerker", organisatie=org)
    data = {
        "thema": thema("inkomen").pk,
        "tekst": "Uitkering afgewezen, zoekt werk",
        "naam": "Persoon",
        "telefoon": "0612345678",
    }
    assert client.post(reverse("loket:toeleiding_nieuw"), data).status_code == 400
    assert (
        client.post(reverse("loket:toeleiding_nieuw"), {**data, "toestemming": "on"}).status_code
        == 302
    )
    vraag = Vraag.objects.get()
    assert vraag.bron == Vraag.Bron.TOELEIDING and vraag.van_organisatie == org


def test_partner_edits_only_own_services(client, ingelogd, regio_a):
    eigen = DienstFactory(regio=regio_a)
    andere = DienstFactory(regio=regio_a)
    ingelogd("partnermedewerker", organisatie=eigen.organisatie)
    assert client.get(reverse("loket:dienst_bewerken", args=[eigen.pk])).status_code == 200
    assert client.get(reverse("loket:dienst_bewerken", args=[andere.pk])).status_code == 403


# --- Lists and dashboard -------------------------------------------------------------------


def test_lists_use_a_constant_number_of_queries(client, ingelogd, regio_a):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    gids = ingelogd("coordinator")

    def vul(n):
        for _i in range(n):
            GesprekFactory(regio=regio_a, gids=gids)
            DoorverwijzingFactory(regio=regio_a, verwezen_door=gids, toestemming_door=gids)
            DienstFactory(regio=regio_a)
            VraagFactory(regio=regio_a)

    def tellingen():
        uit = {}
        for naam in ("gesprekken", "doorverwijzingen", "sociale_kaart", "vragen", "dashboard"):
            # Warm: the first request of a session does extra one-off work.
            client.get(reverse(f"loket:{naam}"))
            with CaptureQueriesContext(connection) as ctx:
                assert client.get(reverse(f"loket:{naam}")).status_code == 200
            uit[naam] = len(ctx.captured_queries)
        return uit

    vul(2)
    weinig = tellingen()
    vul(13)
    assert tellingen() == weinig


def test_gesprekken_list_shows_labels_locatie_doelgroep_and_themas(client, ingelogd, regio_a):
    gids = ingelogd("gids", regio=regio_a)
    g = GesprekFactory(
        regio=regio_a,
        gids=gids,
        kanaal=Gesprek.Kanaal.INLOOP,
        locatie=LocatieFactory(regio=regio_a, naam="Wijkhuis"),
        uitkomst=Gesprek.Uitkomst.INFORMATIE,
        themas=[thema("werk-zoeken"), thema("schulden")],
    )
    html = client.get(reverse("loket:gesprekken")).content.decode()
    rij = html[html.index(reverse("loket:gesprek", args=[g.pk])) :]
    rij = rij[: rij.index("</tr>")]
    for tekst in (
        "Inloop",
        "Wijkhuis",
        str(doelgroep()),
        f"{thema('werk-zoeken')}, {thema('schulden')}",
        str(Gesprek.Uitkomst.INFORMATIE.label),
    ):
        assert tekst in rij


def test_dashboard_exports_csv_and_xlsx(client, ingelogd, regio_a):
    gids = ingelogd("coordinator")
    GesprekFactory(
        regio=regio_a,
        gids=gids,
        kanaal="inloop",
        locatie=LocatieFactory(regio=regio_a, naam="Wijkhuis"),
    )
    dv = DoorverwijzingFactory(
        regio=regio_a, status=S.AFGEROND, contact_gelegd_op=timezone.now() + timedelta(days=2)
    )
    response = client.get(reverse("loket:dashboard_export", args=["locatie", "csv"]))
    assert response["Content-Type"].startswith("text/csv")
    assert "Wijkhuis;1" in response.content.decode()
    response = client.get(reverse("loket:dashboard_export", args=["partners", "xlsx"]))
    assert response.content[:2] == b"PK"
    tabellen = client.get(reverse("loket:dashboard")).context["tabellen"]
    partners = next(t for t in tabellen if t["code"] == "partners")
    assert partners["rijen"] == [[dv.organisatie.naam, 1, 1, 0, 0, 0, 100, 2.0]]
    assert (
        client.get(reverse("loket:dashboard_export", args=["onbekend", "csv"])).status_code == 404
    )


def test_dashboard_is_not_for_gidsen(client, ingelogd):
    ingelogd("gids")
    assert client.get(reverse("loket:dashboard")).status_code == 403


def test_gemeente_of_other_regio_not_offered(client, regio_a, regio_b):
    GemeenteFactory(regio=regio_b, naam="Verweggistan")
    assert "Verweggistan" not in client.get("/zkij/vraag/").content.decode()


def test_staff_forms_carry_a_csrf_token(client, ingelogd, regio_a):
    ingelogd("gids")
    html = client.get(reverse("loket:gesprek_nieuw")).content.decode()
    assert 'name="csrfmiddlewaretoken" value="' in html
    assert 'name="csrfmiddlewaretoken" value=""' not in html


def test_werkplek_lists_the_loket_entries_per_role(client, ingelogd):
    ingelogd("gids")
    html = client.get(reverse("werkplek")).content.decode()
    assert "Gesprek registreren" in html and "Loket-dashboard" not in html


def test_public_question_form_in_english(client, regio_a):
    html = client.get("/en/zkij/vraag/").content.decode()
    assert "Ask your question" in html and "Finding work" in html and "Send question" in html


def test_traject_form_refuses_without_consent_and_records_cost(
    client, ingelogd, regio_a, kies_doel
):
    ingelogd("gids")
    aanbieder = OrganisatieFactory(regio=regio_a, naam="Taalschool")
    data = {
        "soort": "taal",
        "aanbieder": aanbieder.pk,
        "startdatum": "2026-03-01",
        "einddatum": "2026-02-01",
        "kosten": "1500,00",
        "naam": "Fictief",
        "toestemming_gegevens": "naam",
    }
    response = client.post(reverse("loket:traject_nieuw"), data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Zonder toestemming" in html and "De einddatum ligt voor de startdatum" in html
    data.update(einddatum="2026-06-01", kosten="1500.00", toestemming="on")
    response = client.post(reverse("loket:traject_nieuw"), data)
    assert response.status_code == 302
    traject = Traject.objects.get()
    assert str(traject.kosten) == "1500.00"
    kies_doel(client, traject)
    bijwerken = {"status": "afgerond", "kosten": "1480.25", "resultaat": "Diploma"}
    assert client.post(reverse("loket:traject", args=[traject.pk]), bijwerken).status_code == 302
    traject.refresh_from_db()
    assert traject.status == "afgerond" and str(traject.kosten) == "1480.25"


def test_referral_from_a_question_is_prefilled_and_audited(client, ingelogd, regio_a, kies_doel):
    gids = ingelogd("gids")
    vraag = VraagFactory(regio=regio_a, naam="Inwoner Fictief")
    kies_doel(client, vraag)
    html = client.get(reverse("loket:doorverwijzing_nieuw") + f"?vraag={vraag.pk}").content.decode()
    assert "Inwoner Fictief" in html and vraag.tekst in html
    assert AuditEvent.objects.filter(gebruiker=gids, object_id=str(vraag.pk)).exists()


def test_coordinator_and_partner_maintain_services(client, ingelogd, regio_a):
    org = OrganisatieFactory(regio=regio_a)
    ingelogd("partnermedewerker", organisatie=org)
    data = {
        "organisatie": org.pk,
        "naam": "Jobcoaching",
        "omschrijving": "Begeleiding op de werkplek",
        "themas": [thema().pk],
        "reactietermijn_werkdagen": 3,
        "gepubliceerd": "on",
        "actief": "on",
    }
    assert client.post(reverse("loket:dienst_nieuw"), data).status_code == 302
    andere = OrganisatieFactory(regio=regio_a)
    response = client.post(reverse("loket:dienst_nieuw"), {**data, "organisatie": andere.pk})
    assert response.status_code == 400  # not a choice for this partner
    html = client.get(reverse("loket:sociale_kaart"), {"zoek": "Jobcoach"}).content.decode()
    assert "Jobcoaching" in html


def test_sociale_kaart_kept_rows_show_edit_links_only_to_who_may_edit(client, ingelogd, regio_a):
    """The rows are kept per user; whether they carry edit links follows the user's own
    permission, which is part of what they are kept under."""
    dienst = DienstFactory(regio=regio_a, naam="Schuldhulp Haarlem")
    bewerken = reverse("loket:dienst_bewerken", args=[dienst.pk])
    ingelogd("coordinator")
    for _ in range(2):  # the second from the kept rows
        html = client.get(reverse("loket:sociale_kaart")).content.decode()
        assert "Schuldhulp Haarlem" in html and bewerken in html
    ingelogd("gids")
    for _ in range(2):
        html = client.get(reverse("loket:sociale_kaart")).content.decode()
        assert "Schuldhulp Haarlem" in html and bewerken not in html
    dienst.naam = "Schuldhulp Velsen"
    dienst.save()
    assert "Schuldhulp Velsen" in client.get(reverse("loket:sociale_kaart")).content.decode()
