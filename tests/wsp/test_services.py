from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.factories import MedewerkerFactory
from werkcentrum.models import AuditEvent
from wsp import services
from wsp.models import Vacature, Voordracht, Werkgever, Werkgeversverzoek
from wsp.selectors import verzoeken_per_maand

from .factories import (
    KandidaatFactory,
    PlaatsingFactory,
    VacatureFactory,
    VerzoekFactory,
    VoordrachtFactory,
    WerkgeverFactory,
    sector,
)

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")


# --- KvK --------------------------------------------------------------------------------


@pytest.mark.parametrize("kvk", ["1234567", "123456789", "1234567a", "", "12 34567"])
def test_kvk_must_be_exactly_eight_digits(kvk, regio_a, adviseur):
    with pytest.raises(ValidationError) as exc:
        services.werkgever_registreren(
            regio=regio_a, door=adviseur, naam="Bakkerij Zand", kvk_nummer=kvk
        )
    assert "kvk_nummer" in exc.value.message_dict
    assert not Werkgever.objects.exists()


def test_kvk_unique_per_regio_with_dutch_message(regio_a, regio_b, adviseur):
    services.werkgever_registreren(regio=regio_a, door=adviseur, naam="A", kvk_nummer="12345678")
    with pytest.raises(ValidationError) as exc:
        services.werkgever_registreren(
            regio=regio_a, door=adviseur, naam="B", kvk_nummer="12345678"
        )
    assert "Er staat al een werkgever met dit KvK-nummer." in str(exc.value)
    # Another regio may register the same company.
    services.werkgever_registreren(regio=regio_b, door=adviseur, naam="A", kvk_nummer="12345678")
    assert Werkgever.objects.count() == 2


def test_kvk_uniqueness_is_also_a_database_constraint(regio_a):
    WerkgeverFactory(regio=regio_a, kvk_nummer="87654321")
    with pytest.raises(IntegrityError), transaction.atomic():
        Werkgever.objects.create(regio=regio_a, naam="Dubbel", kvk_nummer="87654321")


def test_kvk_format_is_also_a_database_constraint(regio_a):
    with pytest.raises(IntegrityError), transaction.atomic():
        Werkgever.objects.create(regio=regio_a, naam="Fout", kvk_nummer="1234")


# --- rights -----------------------------------------------------------------------------


def test_adviseur_edits_own_and_team_accounts_manager_all_nobody_other_regio(
    regio_a, regio_b, adviseur, manager, maak_gebruiker
):
    eigen = WerkgeverFactory(regio=regio_a, accounthouder=adviseur)
    team = WerkgeverFactory(regio=regio_a, partnerschap="strategisch")
    team.accountteam.add(adviseur)
    ander = WerkgeverFactory(regio=regio_a)
    elders = WerkgeverFactory(regio=regio_b)
    assert services.mag_werkgever_bewerken(adviseur, eigen)
    assert services.mag_werkgever_bewerken(adviseur, team)
    assert not services.mag_werkgever_bewerken(adviseur, ander)
    assert services.mag_werkgever_bewerken(manager, ander)
    assert not services.mag_werkgever_bewerken(manager, elders)
    assert not services.mag_werkgever_bewerken(maak_gebruiker("gids"), eigen)
    with pytest.raises(PermissionError):
        services.werkgever_bijwerken(werkgever=ander, door=adviseur, naam="Overgenomen")


# --- 24-hour promise --------------------------------------------------------------------


def test_verzoek_for_known_kvk_goes_to_accounthouder(regio_a, adviseur):
    werkgever = WerkgeverFactory(regio=regio_a, accounthouder=adviseur, kvk_nummer="11112222")
    verzoek = services.verzoek_ontvangen(
        regio=regio_a,
        bron="website",
        bedrijfsnaam="X",
        contactnaam="Y",
        email="y@x.example",
        vraag="Hulp",
        kvk_nummer="11112222",
    )
    assert verzoek.werkgever == werkgever
    assert verzoek.toegewezen_aan == adviseur
    assert verzoek.cluster == werkgever.sector.cluster


def test_verzoek_of_unknown_employer_lands_in_cluster_queue(regio_a):
    verzoek = services.verzoek_ontvangen(
        regio=regio_a,
        bron="telefoon",
        bedrijfsnaam="Nieuw BV",
        contactnaam="Y",
        email="y@x.example",
        vraag="Hulp",
        sector=sector("bouw"),
    )
    assert verzoek.toegewezen_aan is None
    assert verzoek.cluster.code == "techniek"


def test_reaction_time_is_measured_in_clock_hours_and_stored_once(regio_a, adviseur):
    ontvangen = datetime(2025, 3, 28, 16, 0, tzinfo=AMS)  # Friday afternoon
    verzoek = VerzoekFactory(regio=regio_a, ontvangen_op=ontvangen, toegewezen_aan=adviseur)
    services.verzoek_beantwoorden(
        verzoek=verzoek, door=adviseur, reactie="Gebeld", op=ontvangen + timedelta(hours=25)
    )
    verzoek.refresh_from_db()
    assert verzoek.reactietijd == timedelta(hours=25)  # the weekend does not stop the clock
    assert verzoek.binnen_24_uur is False
    with pytest.raises(ValidationError):
        services.verzoek_beantwoorden(verzoek=verzoek, door=adviseur, reactie="Nog eens")


def test_warning_at_20_hours_and_escalation_at_24_each_once(
    regio_a, adviseur, manager, django_capture_on_commit_callbacks
):
    start = datetime(2025, 4, 1, 9, 0, tzinfo=AMS)
    verzoek = VerzoekFactory(regio=regio_a, ontvangen_op=start, toegewezen_aan=adviseur)

    def bewaak(uren):
        with django_capture_on_commit_callbacks(execute=True):
            return services.verzoeken_bewaken(nu=start + timedelta(hours=uren))

    assert bewaak(19.9) == {"gewaarschuwd": 0, "geescaleerd": 0}
    assert bewaak(20) == {"gewaarschuwd": 1, "geescaleerd": 0}
    assert bewaak(20.25) == {"gewaarschuwd": 0, "geescaleerd": 0}
    assert [m.to for m in mail.outbox] == [[adviseur.email]]
    assert bewaak(24) == {"gewaarschuwd": 0, "geescaleerd": 1}
    assert bewaak(24.25) == {"gewaarschuwd": 0, "geescaleerd": 0}
    assert [m.to for m in mail.outbox] == [[adviseur.email], [manager.email]]
    verzoek.refresh_from_db()
    assert verzoek.escalatie_op == start + timedelta(hours=24)


def test_answered_verzoek_is_never_escalated(regio_a, adviseur, manager):
    start = datetime(2025, 4, 1, 9, 0, tzinfo=AMS)
    verzoek = VerzoekFactory(regio=regio_a, ontvangen_op=start, toegewezen_aan=adviseur)
    services.verzoek_beantwoorden(
        verzoek=verzoek, door=adviseur, reactie="Gemaild", op=start + timedelta(hours=2)
    )
    assert services.verzoeken_bewaken(nu=start + timedelta(hours=30)) == {
        "gewaarschuwd": 0,
        "geescaleerd": 0,
    }


def test_share_within_24_hours_per_month_in_sql(regio_a, adviseur):
    maart = datetime(2025, 3, 10, 10, 0, tzinfo=AMS)
    for uren in (1, 23, 30):
        v = VerzoekFactory(regio=regio_a, ontvangen_op=maart)
        services.verzoek_beantwoorden(
            verzoek=v, door=adviseur, reactie="ok", op=maart + timedelta(hours=uren)
        )
    VerzoekFactory(regio=regio_a, ontvangen_op=maart)  # never answered: counts as missed
    april = datetime(2025, 4, 10, 10, 0, tzinfo=AMS)
    v = VerzoekFactory(regio=regio_a, ontvangen_op=april)
    services.verzoek_beantwoorden(verzoek=v, door=adviseur, reactie="ok", op=april)
    rijen = verzoeken_per_maand(user=adviseur)
    assert [(r["maand"].month, r["totaal"], r["binnen"], r["aandeel"]) for r in rijen] == [
        (4, 1, 1, 100.0),
        (3, 4, 2, 50.0),
    ]


# --- vacatures --------------------------------------------------------------------------


def test_closing_date_before_start_is_refused_and_nothing_saved(regio_a, adviseur):
    werkgever = WerkgeverFactory(regio=regio_a, accounthouder=adviseur)
    gemeente = VacatureFactory(werkgever=werkgever).gemeente
    with pytest.raises(ValidationError) as exc:
        services.vacature_registreren(
            werkgever=werkgever,
            door=adviseur,
            functie="Kok",
            omschrijving="x",
            uren_per_week=32,
            gemeente=gemeente,
            sector=sector(),
            opleidingsniveau="mbo2",
            startdatum=date(2025, 5, 1),
            sluitingsdatum=date(2025, 4, 30),
        )
    assert "sluitingsdatum" in exc.value.message_dict
    assert Vacature.objects.count() == 1


def test_closing_date_rule_is_a_database_constraint(regio_a):
    vacature = VacatureFactory(werkgever=WerkgeverFactory(regio=regio_a))
    with pytest.raises(IntegrityError), transaction.atomic():
        Vacature.objects.filter(pk=vacature.pk).update(sluitingsdatum=date(2000, 1, 1))


def test_nightly_expiry_is_idempotent(regio_a):
    oud = VacatureFactory(
        werkgever=WerkgeverFactory(regio=regio_a), sluitingsdatum=date(2025, 4, 1)
    )
    vandaag = VacatureFactory(werkgever=oud.werkgever, sluitingsdatum=date(2025, 4, 2))
    vervuld = VacatureFactory(
        werkgever=oud.werkgever, sluitingsdatum=date(2025, 3, 2), status="vervuld"
    )
    assert services.vacatures_laten_verlopen(vandaag=date(2025, 4, 2)) == 1
    assert services.vacatures_laten_verlopen(vandaag=date(2025, 4, 2)) == 0
    statussen = dict(Vacature.objects.values_list("pk", "status"))
    assert statussen == {oud.pk: "verlopen", vandaag.pk: "open", vervuld.pk: "vervuld"}


# --- plaatsingen ------------------------------------------------------------------------


def test_plaatsing_refused_without_consent(regio_a, adviseur):
    werkgever = WerkgeverFactory(regio=regio_a, accounthouder=adviseur)
    kandidaat = KandidaatFactory(regio=regio_a, toestemming=False, toestemming_op=None)
    with pytest.raises(ValidationError) as exc:
        services.plaatsing_registreren(
            kandidaat=kandidaat,
            werkgever=werkgever,
            startdatum=date(2025, 6, 1),
            contractvorm="bepaald",
            uren_per_week=20,
            door=adviseur,
        )
    assert "toestemming" in str(exc.value)
    assert not werkgever.plaatsingen.exists()


def test_duplicate_plaatsing_refused_with_message(regio_a, adviseur):
    werkgever = WerkgeverFactory(regio=regio_a, accounthouder=adviseur)
    kandidaat = KandidaatFactory(regio=regio_a)
    velden = dict(
        kandidaat=kandidaat,
        werkgever=werkgever,
        startdatum=date(2025, 6, 1),
        contractvorm="bepaald",
        uren_per_week=20,
        door=adviseur,
    )
    services.plaatsing_registreren(**velden)
    with pytest.raises(ValidationError) as exc:
        services.plaatsing_registreren(**velden)
    assert "al geplaatst bij deze werkgever op deze startdatum" in str(exc.value)
    assert werkgever.plaatsingen.count() == 1


def test_duplicate_plaatsing_is_a_database_constraint(regio_a):
    p = PlaatsingFactory(werkgever=WerkgeverFactory(regio=regio_a))
    with pytest.raises(IntegrityError), transaction.atomic():
        PlaatsingFactory(werkgever=p.werkgever, kandidaat=p.kandidaat, startdatum=p.startdatum)


def test_accepted_voordracht_becomes_plaatsing_and_fills_vacature(regio_a):
    voordracht = VoordrachtFactory(vacature__werkgever=WerkgeverFactory(regio=regio_a))
    door = voordracht.door
    services.voordracht_status_wijzigen(voordracht=voordracht, status="gesprek", door=door)
    services.voordracht_status_wijzigen(voordracht=voordracht, status="aangenomen", door=door)
    plaatsing = services.plaatsing_registreren(
        kandidaat=voordracht.kandidaat,
        werkgever=voordracht.vacature.werkgever,
        voordracht=voordracht,
        startdatum=date(2025, 6, 1),
        contractvorm="bepaald",
        uren_per_week=20,
        door=door,
    )
    assert plaatsing.nazorgmomenten.count() == 2
    assert Vacature.objects.get(pk=voordracht.vacature_id).status == "vervuld"
    assert AuditEvent.objects.filter(event="wsp_plaatsing_geregistreerd").count() == 1


def test_rejecting_a_voordracht_needs_a_reason(regio_a):
    voordracht = VoordrachtFactory(vacature__werkgever=WerkgeverFactory(regio=regio_a))
    with pytest.raises(ValidationError):
        services.voordracht_status_wijzigen(
            voordracht=voordracht, status="afgewezen", door=voordracht.door
        )
    services.voordracht_status_wijzigen(
        voordracht=voordracht, status="afgewezen", door=voordracht.door, afwijsreden="Te ver"
    )
    assert Voordracht.objects.get().status == "afgewezen"


def test_voordracht_refused_without_consent(regio_a, adviseur):
    vacature = VacatureFactory(werkgever=WerkgeverFactory(regio=regio_a, accounthouder=adviseur))
    kandidaat = KandidaatFactory(regio=regio_a, toestemming=False, toestemming_op=None)
    with pytest.raises(ValidationError):
        services.voordracht_doen(vacature=vacature, kandidaat=kandidaat, door=adviseur)


def test_kandidaat_registration_is_audited(regio_a, adviseur):
    k = KandidaatFactory.build(regio=regio_a)
    kandidaat = services.kandidaat_registreren(
        regio=regio_a,
        door=adviseur,
        voornaam="Eva",
        achternaam="Bos",
        woongemeente=KandidaatFactory(regio=regio_a).woongemeente,
        doelgroep="ww",
        opleidingsniveau="mbo2",
        overgedragen_door=KandidaatFactory(regio=regio_a).overgedragen_door,
        overdrager_naam="J. Jansen",
        overgedragen_op=date(2025, 2, 1),
        toestemming=True,
        toestemming_op=date(2025, 2, 1),
    )
    assert k.regio == regio_a
    assert AuditEvent.objects.filter(
        event="persoonsgegevens_aangemaakt", object_id=str(kandidaat.pk)
    ).exists()
    assert not hasattr(kandidaat, "bsn")
    assert Werkgeversverzoek.objects.count() == 0
    assert MedewerkerFactory  # imported for symmetry with other tests


def test_free_skill_additions_reuse_existing_terms_case_blind(regio_a, adviseur):
    from wsp.models import Skill

    werkgever = WerkgeverFactory(regio=regio_a, accounthouder=adviseur)
    gemeente = VacatureFactory(werkgever=werkgever).gemeente
    Skill.objects.create(naam="Lassen")
    vacature = services.vacature_registreren(
        werkgever=werkgever,
        door=adviseur,
        functie="Lasser",
        omschrijving="x",
        uren_per_week=36,
        gemeente=gemeente,
        sector=sector("techniek"),
        opleidingsniveau="mbo2",
        startdatum=date(2025, 5, 1),
        sluitingsdatum=date(2025, 6, 1),
        nieuwe_skills=["lassen", "tekening lezen"],
    )
    assert sorted(s.naam for s in vacature.skills.all()) == ["Lassen", "tekening lezen"]
    assert Skill.objects.count() == 2


def test_kandidaat_holds_no_bsn_or_birth_date():
    from wsp.models import Kandidaat

    velden = {f.name for f in Kandidaat._meta.get_fields()}
    assert not velden & {"bsn", "burgerservicenummer", "geboortedatum", "geslacht", "adres"}


def test_voordracht_only_for_open_vacature(regio_a, adviseur):
    werkgever = WerkgeverFactory(regio=regio_a, accounthouder=adviseur)
    vacature = VacatureFactory(werkgever=werkgever, status="vervuld")
    with pytest.raises(ValidationError):
        services.voordracht_doen(
            vacature=vacature, kandidaat=KandidaatFactory(regio=regio_a), door=adviseur
        )


def test_plaatsing_from_voordracht_must_match_its_kandidaat(regio_a):
    voordracht = VoordrachtFactory(
        vacature__werkgever=WerkgeverFactory(regio=regio_a), status="aangenomen"
    )
    with pytest.raises(ValidationError):
        services.plaatsing_registreren(
            kandidaat=KandidaatFactory(regio=regio_a),
            werkgever=voordracht.vacature.werkgever,
            voordracht=voordracht,
            startdatum=date(2025, 6, 1),
            contractvorm="bepaald",
            uren_per_week=20,
            door=voordracht.door,
        )
