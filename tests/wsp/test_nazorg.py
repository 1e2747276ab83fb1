from datetime import date

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from wsp import services
from wsp.models import NazorgMoment, Plaatsing
from wsp.selectors import met_duurzaam

from .factories import KandidaatFactory, WerkgeverFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "start, twee, vijf",
    [
        (date(2025, 12, 31), date(2026, 2, 28), date(2026, 5, 31)),
        (date(2027, 12, 31), date(2028, 2, 29), date(2028, 5, 31)),
        (date(2025, 3, 15), date(2025, 5, 15), date(2025, 8, 15)),
        (date(2025, 9, 30), date(2025, 11, 30), date(2026, 2, 28)),
        (date(2026, 8, 31), date(2026, 10, 31), date(2027, 1, 31)),
        (date(2027, 9, 30), date(2027, 11, 30), date(2028, 2, 29)),
    ],
)
def test_nazorg_due_dates_clamp_to_month_end(start, twee, vijf, regio_a):
    werkgever = WerkgeverFactory(regio=regio_a)
    kandidaat = KandidaatFactory(regio=regio_a)
    plaatsing = services.plaatsing_registreren(
        kandidaat=kandidaat,
        werkgever=werkgever,
        startdatum=start,
        contractvorm="bepaald",
        uren_per_week=24,
        door=werkgever.accounthouder,
    )
    momenten = plaatsing.nazorgmomenten.order_by("vervaldatum")
    assert [(m.soort, m.vervaldatum) for m in momenten] == [("2m", twee), ("5m", vijf)]


def _plaatsing(regio, start=date(2025, 3, 1)):
    werkgever = WerkgeverFactory(regio=regio)
    return services.plaatsing_registreren(
        kandidaat=KandidaatFactory(regio=regio),
        werkgever=werkgever,
        startdatum=start,
        contractvorm="bepaald",
        uren_per_week=24,
        door=werkgever.accounthouder,
    )


def test_changing_startdatum_moves_open_moments_and_keeps_completed(regio_a):
    plaatsing = _plaatsing(regio_a, date(2025, 3, 1))
    door = plaatsing.werkgever.accounthouder
    eerste = plaatsing.nazorgmomenten.get(soort="2m")
    services.nazorg_vastleggen(
        moment=eerste, door=door, uitkomst="goed", nog_in_dienst=True, afgerond_op=date(2025, 5, 1)
    )
    services.plaatsing_startdatum_wijzigen(
        plaatsing=plaatsing, startdatum=date(2025, 3, 31), door=door
    )
    assert plaatsing.nazorgmomenten.get(soort="2m").vervaldatum == date(2025, 5, 1)
    assert plaatsing.nazorgmomenten.get(soort="5m").vervaldatum == date(2025, 8, 31)
    assert plaatsing.nazorgmomenten.count() == 2


def test_duurzaam_only_when_five_month_nazorg_confirms_still_working(regio_a):
    plaatsing = _plaatsing(regio_a)
    door = plaatsing.werkgever.accounthouder
    assert not plaatsing.is_duurzaam
    twee = plaatsing.nazorgmomenten.get(soort="2m")
    services.nazorg_vastleggen(moment=twee, door=door, uitkomst="goed", nog_in_dienst=True)
    assert not Plaatsing.objects.get(pk=plaatsing.pk).is_duurzaam
    vijf = plaatsing.nazorgmomenten.get(soort="5m")
    services.nazorg_vastleggen(moment=vijf, door=door, uitkomst="goed", nog_in_dienst=True)
    assert Plaatsing.objects.get(pk=plaatsing.pk).is_duurzaam
    assert met_duurzaam(Plaatsing.objects.filter(pk=plaatsing.pk)).get().duurzaam


def test_not_duurzaam_when_five_month_nazorg_says_left(regio_a):
    plaatsing = _plaatsing(regio_a)
    vijf = plaatsing.nazorgmomenten.get(soort="5m")
    services.nazorg_vastleggen(
        moment=vijf,
        door=plaatsing.werkgever.accounthouder,
        uitkomst="uitgevallen",
        nog_in_dienst=True,
    )
    assert not Plaatsing.objects.get(pk=plaatsing.pk).is_duurzaam
    assert not met_duurzaam(Plaatsing.objects.filter(pk=plaatsing.pk)).get().duurzaam


def test_extra_moment_refused_when_werkgever_says_no_more_nazorg(regio_a):
    plaatsing = _plaatsing(regio_a)
    door = plaatsing.werkgever.accounthouder
    extra = services.nazorg_moment_toevoegen(
        plaatsing=plaatsing, vervaldatum=date(2025, 10, 1), door=door
    )
    services.nazorg_vastleggen(
        moment=extra, door=door, uitkomst="goed", nog_in_dienst=True, nazorg_niet_meer_nodig=True
    )
    with pytest.raises(ValidationError):
        services.nazorg_moment_toevoegen(
            plaatsing=plaatsing, vervaldatum=date(2025, 11, 1), door=door
        )


def test_reminders_before_on_due_date_and_escalation_are_sent_once(
    regio_a, maak_gebruiker, django_capture_on_commit_callbacks
):
    manager = maak_gebruiker("wsp_manager")
    plaatsing = _plaatsing(regio_a, date(2025, 3, 3))
    moment = plaatsing.nazorgmomenten.get(soort="2m")
    assert moment.vervaldatum == date(2025, 5, 3)  # Saturday: working-day maths matter
    ah = plaatsing.werkgever.accounthouder.email

    def draai(dag):
        with django_capture_on_commit_callbacks(execute=True):
            return services.nazorg_herinneringen_versturen(vandaag=dag)

    # 5 working days before Sat 3 May: Mon 28 April (Tue 29, Wed 30, Thu 1, Fri 2 between).
    assert draai(date(2025, 4, 25))["vooraf"] == 0
    for _ in range(2):
        draai(date(2025, 4, 28))
    assert [m.to for m in mail.outbox] == [[ah]]

    for _ in range(2):
        draai(date(2025, 5, 3))
    assert len(mail.outbox) == 2 and "vandaag" in mail.outbox[1].subject

    # Escalation 5 working days after Sat 3 May: Mon 5 May is Bevrijdingsdag, so Mon 12 May.
    assert draai(date(2025, 5, 9))["escalatie"] == 0
    for _ in range(2):
        draai(date(2025, 5, 12))
    assert [m.to for m in mail.outbox[2:]] == [[manager.email]]
    moment.refresh_from_db()
    assert moment.escalatie_op == date(2025, 5, 12)


def test_completed_moment_gets_no_reminders(regio_a):
    plaatsing = _plaatsing(regio_a, date(2025, 3, 3))
    moment = plaatsing.nazorgmomenten.get(soort="2m")
    services.nazorg_vastleggen(
        moment=moment, door=plaatsing.werkgever.accounthouder, uitkomst="goed", nog_in_dienst=True
    )
    services.nazorg_herinneringen_versturen(vandaag=date(2025, 5, 3))
    services.nazorg_herinneringen_versturen(vandaag=date(2025, 5, 12))
    assert mail.outbox == []


def test_nazorg_task_is_idempotent(regio_a, django_capture_on_commit_callbacks):
    from wsp.tasks import nazorg_bewaken

    plaatsing = _plaatsing(regio_a, date(2025, 3, 3))
    with django_capture_on_commit_callbacks(execute=True):
        nazorg_bewaken.delay(vandaag="2025-05-03")
        nazorg_bewaken.delay(vandaag="2025-05-03")
    assert NazorgMoment.objects.filter(herinnering_vervaldag_op=date(2025, 5, 3)).count() == 1
    assert len(mail.outbox) == 1  # the due-date reminder, once
    assert plaatsing.pk


def test_dashboard_counts_targets_nazorg_on_time_and_duurzaam(regio_a, adviseur):
    from wsp.models import Doelstelling
    from wsp.selectors_dashboard import doelstellingen_dashboard

    Doelstelling.objects.create(regio=regio_a, jaar=2025, doelgroep="ww", aantal=140)
    plaatsing = _plaatsing(regio_a, date(2025, 3, 1))
    door = plaatsing.werkgever.accounthouder
    twee = plaatsing.nazorgmomenten.get(soort="2m")
    services.nazorg_vastleggen(
        moment=twee, door=door, uitkomst="goed", nog_in_dienst=True, afgerond_op=date(2025, 4, 30)
    )
    vijf = plaatsing.nazorgmomenten.get(soort="5m")
    services.nazorg_vastleggen(
        moment=vijf, door=door, uitkomst="goed", nog_in_dienst=True, afgerond_op=date(2025, 8, 5)
    )
    _plaatsing(regio_a, date(2025, 6, 1))
    d = doelstellingen_dashboard(user=adviseur, jaar=2025, vandaag=date(2025, 9, 1))
    ww = next(r for r in d["per_doelgroep"] if r["doelgroep"] == "WW")
    assert (ww["doel"], ww["realisatie"]) == (140, 2)
    assert d["nazorg"] == {"afgerond": 2, "op_tijd": 1}
    assert d["duurzaam"] == {"totaal": 2, "duurzaam": 1}


def test_the_overview_shows_the_first_open_nazorg_and_says_when_there_is_more(
    client, regio_a, adviseur, settings
):
    from django.urls import reverse

    from wsp.views_bemiddeling import OPEN_NAZORG_OP_OVERZICHT as MAX

    settings.WERKCENTRUM_MFA_VERPLICHT = False
    client.force_login(adviseur)
    for _ in range(MAX // 2):  # two open moments each
        _plaatsing(regio_a)
    response = client.get(reverse("wsp:plaatsingen"))
    assert "Er zijn meer open nazorgmomenten" not in response.text
    _plaatsing(regio_a)
    _plaatsing(regio_a)
    response = client.get(reverse("wsp:plaatsingen"))
    assert "Er zijn meer open nazorgmomenten" in response.text
    assert response.text.count("Na 2 maanden, ") + response.text.count("Na 5 maanden, ") == MAX
