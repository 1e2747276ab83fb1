from datetime import date

import pytest
from django.urls import reverse

from werkcentrum.models import AuditEvent
from wsp.models import NazorgMoment, Plaatsing, Vacature, Werkgever

from .factories import (
    KandidaatFactory,
    PlaatsingFactory,
    VacatureFactory,
    WerkgeverFactory,
    sector,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _geen_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


def test_werkgever_list_filters_and_constant_queries(
    client, adviseur, regio_a, regio_b, haarlem, django_assert_max_num_queries
):
    for i in range(30):
        w = WerkgeverFactory(regio=regio_a, naam=f"Bedrijf {i:02d}", accounthouder=adviseur)
        w.vestigingen.create(
            straat="Markt 1", postcode="2011 AA", plaats="Haarlem", gemeente=haarlem
        )
    WerkgeverFactory(regio=regio_b, naam="Bedrijf elders")
    client.force_login(adviseur)
    with django_assert_max_num_queries(12):
        r = client.get(reverse("wsp:werkgevers"))
    assert r.status_code == 200
    assert "30 werkgevers" in r.content.decode()
    assert "Bedrijf elders" not in r.content.decode()
    r = client.get(reverse("wsp:werkgevers"), {"zoek": "Bedrijf 07"})
    assert "1 werkgever" in r.content.decode()
    kvk = Werkgever.objects.get(naam="Bedrijf 03").kvk_nummer
    assert "Bedrijf 03" in client.get(reverse("wsp:werkgevers"), {"zoek": kvk}).content.decode()
    cluster = sector().cluster.code
    r = client.get(
        reverse("wsp:werkgevers"),
        {"cluster": cluster, "gemeente": haarlem.pk, "accounthouder": "anouk", "pagina": 2},
    )
    assert r.status_code == 200 and "Pagina 2 van 2" in r.content.decode()


def test_werkgever_form_invalid_kvk_shows_dutch_error_and_keeps_input(client, adviseur):
    client.force_login(adviseur)
    r = client.post(
        reverse("wsp:werkgever_nieuw"),
        {"naam": "Bakkerij Zand", "kvk_nummer": "1234", "accounthouder": adviseur.pk},
    )
    assert r.status_code == 400
    body = r.content.decode()
    assert "precies 8 cijfers" in body and "Bakkerij Zand" in body
    assert not Werkgever.objects.exists()


def test_werkgever_form_duplicate_kvk_is_a_form_error(client, adviseur, regio_a):
    WerkgeverFactory(regio=regio_a, kvk_nummer="12345678")
    client.force_login(adviseur)
    r = client.post(
        reverse("wsp:werkgever_nieuw"),
        {"naam": "Dubbel", "kvk_nummer": "12345678", "accounthouder": adviseur.pk},
    )
    assert r.status_code == 400
    assert "Er staat al een werkgever met dit KvK-nummer." in r.content.decode()


def test_edit_rights_per_role(client, adviseur, manager, regio_a, regio_b, maak_gebruiker):
    eigen = WerkgeverFactory(regio=regio_a, accounthouder=adviseur)
    ander = WerkgeverFactory(regio=regio_a)
    elders = WerkgeverFactory(regio=regio_b)
    bewerk = lambda w: reverse("wsp:werkgever_bewerken", args=[w.pk])  # noqa: E731
    client.force_login(adviseur)
    assert client.get(bewerk(eigen)).status_code == 200
    assert client.get(bewerk(ander)).status_code == 403
    assert client.get(reverse("wsp:werkgever", args=[ander.pk])).status_code == 200  # read ok
    assert client.get(reverse("wsp:werkgever", args=[elders.pk])).status_code == 404
    client.force_login(manager)
    assert client.get(bewerk(ander)).status_code == 200
    assert client.get(bewerk(elders)).status_code == 404
    client.force_login(maak_gebruiker("wsp_manager", regio=regio_b))
    assert client.get(bewerk(eigen)).status_code == 404
    client.force_login(maak_gebruiker("gids"))
    assert client.get(reverse("wsp:werkgevers")).status_code == 403


def test_contactmoment_and_opvolging(client, adviseur, regio_a):
    werkgever = WerkgeverFactory(regio=regio_a, accounthouder=adviseur)
    client.force_login(adviseur)
    r = client.post(
        reverse("wsp:contactmoment_nieuw", args=[werkgever.pk]),
        {
            "datum": "2025-03-01",
            "type": "bezoek",
            "samenvatting": "Kennismaking",
            "afspraken": "Vacature sturen",
            "opvolgdatum": "2025-03-08",
        },
    )
    assert r.status_code == 302
    assert "Kennismaking" in client.get(werkgever.get_absolute_url()).content.decode()
    assert "Vacature sturen" in client.get(reverse("wsp:opvolgingen")).content.decode()
    r = client.post(
        reverse("wsp:contactmoment_nieuw", args=[werkgever.pk]),
        {"datum": "2025-03-01", "type": "bezoek", "samenvatting": "x", "opvolgdatum": "2025-02-01"},
    )
    assert r.status_code == 400


def test_vacature_form_closing_before_start(client, adviseur, regio_a, haarlem):
    werkgever = WerkgeverFactory(regio=regio_a, accounthouder=adviseur)
    client.force_login(adviseur)
    r = client.post(
        reverse("wsp:vacature_nieuw", args=[werkgever.pk]),
        {
            "functie": "Kok",
            "omschrijving": "Koken",
            "uren_per_week": 32,
            "gemeente": haarlem.pk,
            "sector": sector().pk,
            "opleidingsniveau": "mbo2",
            "startdatum": "2025-05-01",
            "sluitingsdatum": "2025-04-01",
            "status": "open",
            "nieuwe_skills": "koken, hygiëne",
        },
    )
    assert r.status_code == 400
    assert "sluitingsdatum mag niet voor de startdatum" in r.content.decode()
    assert not Vacature.objects.exists()


def test_plaatsing_form_without_consent_shows_error(client, adviseur, regio_a):
    werkgever = WerkgeverFactory(regio=regio_a, accounthouder=adviseur)
    kandidaat = KandidaatFactory(regio=regio_a, toestemming=False, toestemming_op=None)
    client.force_login(adviseur)
    r = client.post(
        reverse("wsp:plaatsing_nieuw"),
        {
            "werkgever": werkgever.pk,
            "kandidaat": kandidaat.pk,
            "startdatum": "2025-06-01",
            "contractvorm": "bepaald",
            "uren_per_week": 20,
        },
    )
    assert r.status_code == 400
    assert "geen toestemming" in r.content.decode()
    assert not Plaatsing.objects.exists()


def test_kandidaat_pages_are_audited(client, adviseur, regio_a, regio_b, kies_doel):
    kandidaat = KandidaatFactory(regio=regio_a)
    elders = KandidaatFactory(regio=regio_b)
    client.force_login(adviseur)
    kies_doel(client, kandidaat)
    kies_doel(client, elders)
    assert client.get(kandidaat.get_absolute_url()).status_code == 200
    assert client.get(elders.get_absolute_url()).status_code == 404
    assert (
        AuditEvent.objects.filter(
            event="persoonsgegevens_ingezien", object_id=str(kandidaat.pk), gebruiker=adviseur
        ).count()
        == 1
    )
    client.get(reverse("wsp:kandidaten"))
    lijst = AuditEvent.objects.get(event="wsp_kandidatenlijst_ingezien")
    assert lijst.details["kandidaten"] == [kandidaat.pk]


def test_nazorg_record_via_page(client, adviseur, regio_a, kies_doel):
    plaatsing = PlaatsingFactory(werkgever=WerkgeverFactory(regio=regio_a, accounthouder=adviseur))
    from wsp.services import nazorg_plannen

    nazorg_plannen(plaatsing=plaatsing)
    moment = plaatsing.nazorgmomenten.get(soort="2m")
    client.force_login(adviseur)
    kies_doel(client, plaatsing.kandidaat)
    body = client.get(plaatsing.get_absolute_url()).content.decode()
    assert "1 mei 2025" in body and "1 augustus 2025" in body
    r = client.post(
        reverse("wsp:nazorg_vastleggen", args=[moment.pk]),
        {"uitkomst": "goed", "nog_in_dienst": "ja", "afgerond_op": "2025-04-28", "vervolg": ""},
    )
    assert r.status_code == 302
    moment.refresh_from_db()
    assert moment.afgerond_op == date(2025, 4, 28) and moment.uitkomst == "goed"
    assert NazorgMoment.objects.filter(afgerond_op=None).count() == 1


def test_pages_render_for_adviseur(client, adviseur, regio_a):
    vacature = VacatureFactory(werkgever=WerkgeverFactory(regio=regio_a, accounthouder=adviseur))
    KandidaatFactory(regio=regio_a, woongemeente=vacature.gemeente)
    client.force_login(adviseur)
    for naam in [
        "vacatures",
        "kandidaten",
        "plaatsingen",
        "dashboard",
        "activiteiten",
        "importeren",
        "verzoeken",
        "verzoek_nieuw",
        "kandidaat_nieuw",
        "plaatsing_nieuw",
        "werkgever_nieuw",
        "opvolgingen",
    ]:
        assert client.get(reverse(f"wsp:{naam}")).status_code == 200, naam
    r = client.get(vacature.get_absolute_url())
    assert r.status_code == 200 and "Vaardigheden 20/40" in r.content.decode()
    assert client.get(reverse("wsp:exporteren", args=["werkgevers", "xlsx"])).status_code == 200


def test_every_form_page_carries_a_csrf_token(client, adviseur, regio_a):
    werkgever = WerkgeverFactory(regio=regio_a, accounthouder=adviseur)
    client.force_login(adviseur)
    for url in [
        reverse("wsp:werkgever_nieuw"),
        reverse("wsp:vacature_nieuw", args=[werkgever.pk]),
        reverse("wsp:kandidaat_nieuw"),
        reverse("wsp:plaatsing_nieuw"),
        reverse("wsp:verzoek_nieuw"),
        reverse("wsp:importeren"),
        reverse("wsp:activiteiten"),
        "/zkij/vacatures/ik-ben-werkgever/",
    ]:
        assert "csrfmiddlewaretoken" in client.get(url).content.decode(), url


def test_lists_have_constant_query_counts(client, adviseur, regio_a, django_assert_max_num_queries):
    werkgever = WerkgeverFactory(regio=regio_a, accounthouder=adviseur)
    for _ in range(30):
        VacatureFactory(werkgever=werkgever)
        PlaatsingFactory(werkgever=werkgever)
    client.force_login(adviseur)
    for naam in ("vacatures", "kandidaten", "plaatsingen"):
        with django_assert_max_num_queries(14):
            assert client.get(reverse(f"wsp:{naam}")).status_code == 200
    with django_assert_max_num_queries(20):
        assert client.get(werkgever.get_absolute_url()).status_code == 200


def test_activiteit_registration(client, adviseur, regio_a):
    client.force_login(adviseur)
    r = client.post(
        reverse("wsp:activiteiten"),
        {
            "soort": "event",
            "naam": "Care Fair",
            "datum": "2025-03-27",
            "aantal_werkgevers": 30,
            "aantal_werkzoekenden": 250,
            "aantal_plaatsingen": 12,
            "aantal": 0,
        },
    )
    assert r.status_code == 302
    assert "Care Fair" in client.get(reverse("wsp:activiteiten")).content.decode()
    r = client.post(reverse("wsp:activiteiten"), {"soort": "event", "naam": ""})
    assert r.status_code == 400


def test_import_page_previews_then_imports(client, adviseur, django_capture_on_commit_callbacks):
    from pathlib import Path

    from django.core.files.uploadedfile import SimpleUploadedFile

    data = Path(__file__).parent / "data"
    client.force_login(adviseur)

    def upload(naam, bevestigen):
        bestand = SimpleUploadedFile(naam, (data / naam).read_bytes())
        velden = {"soort": "werkgevers", "bestand": bestand}
        if bevestigen:
            # Straight to the import: the file names no accounthouders, so the default.
            velden.update(bevestigen="on", accounthouder=adviseur.pk)
        with django_capture_on_commit_callbacks(execute=True):
            r = client.post(reverse("wsp:importeren"), velden)
        assert r.status_code == 302  # the worker checks; the progress page follows it
        return client.get(r["Location"])

    r = upload("werkgevers_fout.csv", True)
    body = r.content.decode()
    assert "Rij 3, kolom kvk_nummer" in body and "Rij 4, kolom sector" in body
    assert not Werkgever.objects.exists()
    r = upload("werkgevers.csv", False)
    assert "3 nieuw" in r.content.decode() and not Werkgever.objects.exists()
    r = upload("werkgevers.csv", True)
    assert r.status_code == 200 and Werkgever.objects.count() == 3
    assert Werkgever.objects.filter(regio=adviseur.regio).count() == 3


def test_phone_verzoek_and_first_reaction_via_pages(client, adviseur, regio_a):
    client.force_login(adviseur)
    r = client.post(
        reverse("wsp:verzoek_nieuw"),
        {
            "bedrijfsnaam": "Garage Noord",
            "contactnaam": "Iris",
            "email": "iris@garage.example",
            "vraag": "Monteur gezocht",
            "sector": sector("techniek").pk,
        },
    )
    assert r.status_code == 302
    from wsp.models import Werkgeversverzoek

    verzoek = Werkgeversverzoek.objects.get()
    assert verzoek.bron == "telefoon" and verzoek.cluster.code == "techniek"
    assert "Garage Noord" in client.get(reverse("wsp:verzoeken")).content.decode()
    r = client.post(reverse("wsp:verzoek", args=[verzoek.pk]), {"reactie": "Teruggebeld"})
    assert r.status_code == 302
    verzoek.refresh_from_db()
    assert verzoek.reactietijd is not None and verzoek.toegewezen_aan == adviseur


def test_adviseur_takes_a_verzoek_from_the_cluster_queue(client, adviseur, regio_a, regio_b):
    from .factories import VerzoekFactory

    verzoek = VerzoekFactory(regio=regio_a)
    elders = VerzoekFactory(regio=regio_b)
    client.force_login(adviseur)
    assert client.get(reverse("wsp:verzoek", args=[verzoek.pk])).status_code == 200
    r = client.post(reverse("wsp:verzoek_oppakken", args=[verzoek.pk]))
    assert r.status_code == 302
    verzoek.refresh_from_db()
    assert verzoek.toegewezen_aan == adviseur
    assert client.post(reverse("wsp:verzoek_oppakken", args=[elders.pk])).status_code == 404


def test_each_werkgever_filter_leaves_out_what_does_not_match(adviseur, maak_gebruiker, regio_a):
    from types import SimpleNamespace

    from tests.factories import GemeenteFactory
    from wsp.filters import WerkgeverApiFilter
    from wsp.selectors import werkgevers_voor

    haarlem = GemeenteFactory(regio=regio_a, naam="Haarlem")
    velsen = GemeenteFactory(regio=regio_a, naam="Velsen")
    collega = maak_gebruiker("wsp_adviseur", first_name="Jan", last_name="de Vries")
    zorg = WerkgeverFactory(regio=regio_a, naam="Zorg", sector=sector(), accounthouder=adviseur)
    horeca = WerkgeverFactory(
        regio=regio_a, naam="Horeca", sector=sector("horeca"), accounthouder=collega
    )
    for werkgever, gemeente in ((zorg, haarlem), (horeca, velsen), (horeca, haarlem)):
        werkgever.vestigingen.create(
            straat="Markt 1", postcode="2011 AA", plaats=gemeente.naam, gemeente=gemeente
        )

    def namen(**filters):
        # The one FilterSet of the list (the page, its export and the API use it).
        data = {k: getattr(v, "pk", v) for k, v in filters.items()}
        filterset = WerkgeverApiFilter(
            data, queryset=werkgevers_voor(user=adviseur), request=SimpleNamespace(user=adviseur)
        )
        assert filterset.is_valid(), filterset.errors
        return [w.naam for w in filterset.qs]

    assert namen() == ["Horeca", "Zorg"]
    assert namen(kvk_nummer=zorg.kvk_nummer) == ["Zorg"]
    assert namen(zoek="hor") == ["Horeca"]
    assert namen(cluster=sector("horeca").cluster.code) == ["Horeca"]
    assert namen(gemeente=velsen) == ["Horeca"]
    assert namen(gemeente=haarlem) == ["Horeca", "Zorg"]  # once, though two vestigingen match
    assert namen(accounthouder="vries") == ["Horeca"]
    assert namen(accounthouder="Jan de Vries") == ["Horeca"]  # every word, first or last name
    assert namen(accounthouder="anouk") == ["Zorg"]
    assert namen(accounthouder="Jan Adviseur") == []
    assert namen(alleen_mijn=True) == ["Zorg"]


def test_dashboard_opens_on_the_latest_year_with_targets(client, manager, regio_a, time_machine):
    from wsp.models import Doelstelling

    time_machine.move_to("2026-01-15 12:00")
    Doelstelling.objects.create(regio=regio_a, jaar=2025, doelgroep="ww", aantal=140)
    Doelstelling.objects.create(regio=regio_a, jaar=2027, doelgroep="ww", aantal=150)  # future
    client.force_login(manager)
    r = client.get(reverse("wsp:dashboard"))
    assert r.status_code == 200
    assert r.context["form"]["jaar"].value() == 2025
    # An explicit year still wins.
    r = client.get(reverse("wsp:dashboard"), {"jaar": 2026})
    assert r.context["form"]["jaar"].value() == "2026"


def test_werkgever_page_shows_one_timeline_newest_first_in_few_queries(
    client, adviseur, maak_gebruiker, regio_a, django_assert_max_num_queries
):
    from wsp.models import Contactmoment

    from .factories import VerzoekFactory

    werkgever = WerkgeverFactory(regio=regio_a, partnerschap="strategisch")
    werkgever.accountteam.add(adviseur)  # the edit right comes from the accountteam
    Contactmoment.objects.create(
        werkgever=werkgever,
        medewerker=adviseur,
        datum=date(2025, 3, 10),
        type=Contactmoment.Type.BEZOEK,
        samenvatting="Kennismaking op locatie.",
        afspraken="Vacature uitwerken.",
        opvolgdatum=date(2025, 4, 1),
    )
    vacature = VacatureFactory(werkgever=werkgever, functie="Heftruckchauffeur")
    Vacature.objects.filter(pk=vacature.pk).update(aangemaakt_op="2025-03-05T10:00:00+01:00")
    plaatsing = PlaatsingFactory(
        werkgever=werkgever,
        startdatum=date(2025, 3, 10),
        kandidaat=KandidaatFactory(regio=regio_a, voornaam="Sem", achternaam="Kramer"),
    )
    VerzoekFactory(
        regio=regio_a,
        werkgever=werkgever,
        vraag="Wij zoeken twee chauffeurs.",
        ontvangen_op="2025-03-12T09:00:00+01:00",
    )
    client.force_login(adviseur)
    # Session, user, roles, session save (+ savepoint) and five of the page's own, whatever
    # the number of contacts, vacatures, plaatsingen and verzoeken; then the two list events
    # in one transaction (in a test a savepoint and its release around them).
    with django_assert_max_num_queries(13):
        r = client.get(werkgever.get_absolute_url())
    body = r.content.decode()
    tijdlijn = body[body.index("wsp-tijdlijn") :]
    volgorde = [
        tijdlijn.index(t)
        for t in (
            "12 Mrt 2025</strong> &middot; Verzoek: Wij zoeken twee chauffeurs.",
            "10 Mrt 2025</strong> &middot; Bezoek: Kennismaking op locatie.",
            f'Plaatsing: <a class="utrecht-link" href="{plaatsing.get_absolute_url()}">Sem Kramer',
            f'Vacature: <a class="utrecht-link" href="{vacature.get_absolute_url()}">Heftruck',
        )
    ]
    assert volgorde == sorted(volgorde)
    assert "Afspraken: Vacature uitwerken." in tijdlijn and "Opvolgen op 1 Apr 2025" in tijdlijn
    assert "Contactmoment opslaan" in body  # accountteam member may edit


def test_vacature_list_puts_running_vacatures_first(client, adviseur, regio_a):
    werkgever = WerkgeverFactory(regio=regio_a)
    S = Vacature.Status

    def vacature(functie, status, sluit):
        VacatureFactory(werkgever=werkgever, functie=functie, status=status, sluitingsdatum=sluit)

    vacature("Oud gesloten", S.VERLOPEN, date(2025, 3, 31))
    vacature("Open later", S.OPEN, date(2025, 9, 30))
    vacature("Net vervuld", S.VERVULD, date(2025, 6, 30))
    vacature("In behandeling", S.IN_BEHANDELING, date(2025, 7, 31))
    vacature("Open eerst", S.OPEN, date(2025, 6, 1))
    vacature("Ingetrokken", S.INGETROKKEN, date(2025, 5, 31))
    client.force_login(adviseur)
    r = client.get(reverse("wsp:vacatures"))
    assert [v.functie for v in r.context["rows"]] == [
        # still running, soonest closing first
        "Open eerst",
        "In behandeling",
        "Open later",
        # closed, most recently closed first
        "Net vervuld",
        "Ingetrokken",
        "Oud gesloten",
    ]
    r = client.get(reverse("wsp:vacatures"), {"status": S.OPEN})
    assert [v.functie for v in r.context["rows"]] == ["Open eerst", "Open later"]


def test_werkgever_filter_searches_accounthouders_by_name_instead_of_listing_them(
    client, adviseur, maak_gebruiker, regio_a
):
    collega = maak_gebruiker("wsp_adviseur", first_name="Jan", last_name="de Vries")
    WerkgeverFactory(regio=regio_a, naam="Zorg", accounthouder=adviseur)
    WerkgeverFactory(regio=regio_a, naam="Horeca", accounthouder=collega)
    for i in range(5):
        maak_gebruiker("wsp_adviseur", first_name="Zonder", last_name=f"Accounts {i}")
    client.force_login(adviseur)
    r = client.get(reverse("wsp:werkgevers"))
    body = r.content.decode()
    # A labelled text field, not an option per adviseur of the regio.
    assert '<label class="utrecht-form-label" for="id_accounthouder">Accounthouder</label>' in body
    assert "Zonder Accounts" not in body
    r = client.get(reverse("wsp:werkgevers"), {"accounthouder": "jan vries"})
    assert [w.naam for w in r.context["rows"]] == ["Horeca"]
