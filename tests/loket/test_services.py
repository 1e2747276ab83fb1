"""Business rules of the loket, through the services."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from loket import services
from loket.models import Doorverwijzing, Gesprek, LoketInstelling, Traject, Vraag
from tests.factories import LocatieFactory, OrganisatieFactory
from tests.loket.factories import (
    DienstFactory,
    DoorverwijzingFactory,
    VraagFactory,
    doelgroep,
    thema,
)
from werkcentrum.models import AuditEvent

S = Doorverwijzing.Status
pytestmark = pytest.mark.django_db


def vraag(regio, **kw):
    args = dict(
        regio=regio,
        thema=thema(),
        tekst="Hoe vind ik werk?",
        naam="A",
        email="a@example.org",
        toestemming=True,
    )
    return services.vraag_stellen(**{**args, **kw})


# --- Deadline arithmetic ------------------------------------------------------------------


@pytest.mark.parametrize(
    "ontvangen, verwacht",
    [
        (datetime(2026, 3, 2, 10, tzinfo=UTC), date(2026, 3, 4)),  # Monday -> Wednesday
        (datetime(2026, 3, 5, 10, tzinfo=UTC), date(2026, 3, 9)),  # Thursday over the weekend
        (datetime(2026, 3, 7, 10, tzinfo=UTC), date(2026, 3, 10)),  # Saturday
        (datetime(2026, 4, 24, 10, tzinfo=UTC), date(2026, 4, 29)),  # Friday, Koningsdag Monday
        (datetime(2026, 12, 24, 10, tzinfo=UTC), date(2026, 12, 29)),  # Christmas
        # 23:30 UTC on Thursday is already Friday in Amsterdam.
        (datetime(2026, 4, 23, 23, 30, tzinfo=UTC), date(2026, 4, 29)),
    ],
)
def test_answer_date_counts_dutch_working_days(regio_a, ontvangen, verwacht):
    v = vraag(regio_a, nu=ontvangen)
    assert v.antwoord_uiterlijk == verwacht
    assert v.referentie.startswith("WC-")


def test_answer_term_is_configurable_per_regio(regio_a, regio_b):
    LoketInstelling.objects.create(regio=regio_b, antwoordtermijn_werkdagen=5)
    nu = datetime(2026, 3, 2, 10, tzinfo=UTC)
    assert vraag(regio_a, nu=nu).antwoord_uiterlijk == date(2026, 3, 4)
    assert vraag(regio_b, nu=nu).antwoord_uiterlijk == date(2026, 3, 9)


def test_a_question_wanting_an_answer_needs_contact_and_consent(regio_a):
    with pytest.raises(ValidationError) as exc:
        vraag(regio_a, email="", telefoon="")
    assert "email" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        vraag(regio_a, toestemming=False)
    assert "toestemming" in exc.value.message_dict
    assert Vraag.objects.count() == 0


def test_an_anonymous_question_keeps_no_contact_data(regio_a):
    v = vraag(regio_a, wil_antwoord=False, naam="", email="", toestemming=False)
    assert (v.naam, v.email, v.toestemming_op) == ("", "", None)


def test_answering_mails_the_inwoner_and_is_audited(
    regio_a, maak_gebruiker, django_capture_on_commit_callbacks
):
    gids = maak_gebruiker("gids")
    v = vraag(regio_a)
    services.vraag_toewijzen(vraag=v, aan=gids, door=gids)
    with django_capture_on_commit_callbacks(execute=True):
        services.vraag_beantwoorden(vraag=v, antwoord="Kom naar het spreekuur.", door=gids)
    v.refresh_from_db()
    assert v.status == Vraag.Status.BEANTWOORD and v.op_tijd_beantwoord
    assert len(mail.outbox) == 1 and "Kom naar het spreekuur." in mail.outbox[0].body
    assert AuditEvent.objects.filter(object_id=str(v.pk), gebruiker=gids).exists()
    with pytest.raises(ValidationError):
        services.vraag_beantwoorden(vraag=v, antwoord="Nog eens", door=gids)


def test_deadline_warnings_are_sent_once(
    regio_a, maak_gebruiker, django_capture_on_commit_callbacks
):
    gids = maak_gebruiker("gids")
    coordinator = maak_gebruiker("coordinator")
    bijna = VraagFactory(regio=regio_a, antwoord_uiterlijk=date(2026, 3, 4), toegewezen_aan=gids)
    te_laat = VraagFactory(regio=regio_a, antwoord_uiterlijk=date(2026, 3, 2))
    VraagFactory(regio=regio_a, antwoord_uiterlijk=date(2026, 3, 10))  # not yet
    for _i in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            services.vraag_termijnen_bewaken(vandaag=date(2026, 3, 3))
    assert sorted((m.to[0], m.subject) for m in mail.outbox) == sorted(
        [
            (gids.email, f"[Werkcentrum] Termijn vraag {bijna.referentie} verloopt morgen"),
            (coordinator.email, f"[Werkcentrum] Termijn vraag {te_laat.referentie} verlopen"),
        ]
    )


# --- Gesprekken ----------------------------------------------------------------------------


def test_a_gesprek_is_anonymous_and_refuses_personal_data_in_the_note(regio_a, maak_gebruiker):
    gids = maak_gebruiker("gids")
    args = dict(
        gids=gids,
        kanaal=Gesprek.Kanaal.TELEFOON,
        doelgroep=doelgroep(),
        themas=[thema()],
        uitkomst=Gesprek.Uitkomst.INFORMATIE,
    )
    for notitie in ["mail naar jan@example.org", "bel 06 12345678", "BSN 123456782"]:
        with pytest.raises(ValidationError) as exc:
            services.gesprek_registreren(**args, notitie=notitie)
        assert "notitie" in exc.value.message_dict
    assert Gesprek.objects.count() == 0
    gesprek = services.gesprek_registreren(**args, notitie="Wil omscholen naar de zorg.")
    assert gesprek.regio == regio_a and not hasattr(gesprek, "naam")


def test_walk_in_needs_a_location_of_the_own_regio(regio_a, regio_b, maak_gebruiker):
    gids = maak_gebruiker("gids")
    args = dict(
        gids=gids,
        kanaal=Gesprek.Kanaal.INLOOP,
        doelgroep=doelgroep(),
        themas=[thema()],
        uitkomst=Gesprek.Uitkomst.INFORMATIE,
    )
    with pytest.raises(ValidationError) as exc:
        services.gesprek_registreren(**args)
    assert "locatie" in exc.value.message_dict
    with pytest.raises(ValidationError):
        services.gesprek_registreren(**args, locatie=LocatieFactory(regio=regio_b))
    assert services.gesprek_registreren(**args, locatie=LocatieFactory(regio=regio_a)).pk


def test_a_visit_code_links_gesprekken_without_personal_data(regio_a, maak_gebruiker):
    gids = maak_gebruiker("gids")
    args = dict(
        gids=gids,
        kanaal=Gesprek.Kanaal.ONLINE,
        doelgroep=doelgroep(),
        themas=[thema()],
        uitkomst=Gesprek.Uitkomst.VERVOLG,
    )
    eerste = services.gesprek_registreren(**args, nieuwe_bezoekcode=True)
    code = eerste.bezoekcode.code
    tweede = services.gesprek_registreren(**args, bezoekcode=code.lower())
    assert tweede.bezoekcode == eerste.bezoekcode and len(code) == 6
    with pytest.raises(ValidationError):
        services.gesprek_registreren(**args, bezoekcode="ONBEKEND")


# --- Warme doorverwijzing ------------------------------------------------------------------


def verwijs(gids, dienst, **kw):
    args = dict(
        door=gids,
        dienst=dienst,
        samenvatting="Zoekt werk",
        toestemming=True,
        toestemming_gegevens="naam en telefoon",
        naam="P",
        telefoon="0612345678",
    )
    return services.doorverwijzing_maken(**{**args, **kw})


def test_a_referral_needs_consent(regio_a, maak_gebruiker):
    gids = maak_gebruiker("gids")
    dienst = DienstFactory(regio=regio_a)
    with pytest.raises(ValidationError) as exc:
        verwijs(gids, dienst, toestemming=False)
    assert "toestemming" in exc.value.message_dict
    with pytest.raises(ValidationError):
        verwijs(gids, dienst, toestemming_gegevens="")
    assert Doorverwijzing.objects.count() == 0


def test_a_referral_goes_only_to_an_organisation_of_the_same_regio(
    regio_a, regio_b, maak_gebruiker
):
    gids = maak_gebruiker("gids")
    with pytest.raises(ValidationError) as exc:
        verwijs(gids, DienstFactory(regio=regio_b))
    assert "dienst" in exc.value.message_dict


def test_a_referral_mails_the_partner_a_link_without_personal_data(
    regio_a, maak_gebruiker, django_capture_on_commit_callbacks
):
    gids = maak_gebruiker("gids")
    dienst = DienstFactory(regio=regio_a)
    partner = maak_gebruiker("partnermedewerker", organisatie=dienst.organisatie)
    maak_gebruiker("partnermedewerker", organisatie=OrganisatieFactory(regio=regio_a))
    with django_capture_on_commit_callbacks(execute=True):
        dv = verwijs(gids, dienst, naam="Fenna Veldhuis", email="fenna@example.org")
    assert [m.to for m in mail.outbox] == [[partner.email]]
    body = mail.outbox[0].body
    assert f"/loket/doorverwijzingen/{dv.pk}/" in body
    assert "Fenna" not in body and "fenna@" not in body and "Zoekt werk" not in body
    assert dv.toestemming_door == gids and dv.toestemming_op is not None
    assert list(dv.stappen.values_list("status", flat=True)) == [S.VERSTUURD]


def test_status_flow_forward_with_time_and_user_and_backwards_refused(regio_a, maak_gebruiker):
    dv = DoorverwijzingFactory(regio=regio_a)
    partner = maak_gebruiker("partnermedewerker", organisatie=dv.organisatie)
    for status in (S.ONTVANGEN, S.CONTACT_GELEGD, S.AFGEROND):
        dv = services.doorverwijzing_status_wijzigen(doorverwijzing=dv, status=status, door=partner)
    assert dv.ontvangen_op and dv.contact_gelegd_op and dv.afgesloten_op
    assert [(s.status, s.door) for s in dv.stappen.all()] == [
        (S.ONTVANGEN, partner),
        (S.CONTACT_GELEGD, partner),
        (S.AFGEROND, partner),
    ]
    with pytest.raises(ValidationError) as exc:
        services.doorverwijzing_status_wijzigen(doorverwijzing=dv, status=S.VERSTUURD, door=partner)
    assert "kan niet" in str(exc.value)


def test_skipping_a_step_is_refused_and_niet_gelukt_needs_a_reason(regio_a, maak_gebruiker):
    dv = DoorverwijzingFactory(regio=regio_a)
    partner = maak_gebruiker("partnermedewerker", organisatie=dv.organisatie)
    with pytest.raises(ValidationError):
        services.doorverwijzing_status_wijzigen(doorverwijzing=dv, status=S.AFGEROND, door=partner)
    with pytest.raises(ValidationError):
        services.doorverwijzing_status_wijzigen(
            doorverwijzing=dv, status=S.NIET_GELUKT, door=partner
        )
    dv = services.doorverwijzing_status_wijzigen(
        doorverwijzing=dv, status=S.NIET_GELUKT, door=partner, toelichting="Niet bereikbaar"
    )
    assert dv.reden_niet_gelukt == "Niet bereikbaar"


def test_only_the_receiving_organisation_moves_the_status(regio_a, maak_gebruiker):
    dv = DoorverwijzingFactory(regio=regio_a)
    andere = maak_gebruiker("partnermedewerker", organisatie=OrganisatieFactory(regio=regio_a))
    with pytest.raises(PermissionDenied):
        services.doorverwijzing_status_wijzigen(doorverwijzing=dv, status=S.ONTVANGEN, door=andere)


def test_reminders_at_two_and_five_working_days_are_sent_once(
    regio_a, maak_gebruiker, django_capture_on_commit_callbacks
):
    # Sent on Friday 24 April 2026; Monday 27 April is Koningsdag.
    verstuurd = datetime(2026, 4, 24, 9, tzinfo=UTC)
    dv = DoorverwijzingFactory(regio=regio_a, verstuurd_op=verstuurd)
    partner = maak_gebruiker("partnermedewerker", organisatie=dv.organisatie)

    def draai(dag):
        for _i in range(2):
            with django_capture_on_commit_callbacks(execute=True):
                services.doorverwijzingen_opvolgen(nu=datetime(*dag, 7, tzinfo=UTC))

    draai((2026, 4, 28))  # 1 working day
    assert mail.outbox == []
    draai((2026, 4, 29))  # 2 working days
    assert [m.to for m in mail.outbox] == [[partner.email]]
    draai((2026, 5, 1))  # 4 working days
    assert len(mail.outbox) == 1
    draai((2026, 5, 4))  # 5 working days (5 May is a holiday too, not reached yet)
    assert [m.to for m in mail.outbox][1:] == [[dv.verwezen_door.email]]
    draai((2026, 5, 11))
    assert len(mail.outbox) == 2


def test_no_gids_signal_once_contact_is_made(
    regio_a, maak_gebruiker, django_capture_on_commit_callbacks
):
    DoorverwijzingFactory(
        regio=regio_a, verstuurd_op=datetime(2026, 3, 2, 9, tzinfo=UTC), status=S.CONTACT_GELEGD
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert services.doorverwijzingen_opvolgen(nu=datetime(2026, 3, 20, 9, tzinfo=UTC)) == (0, 0)


def _token_uit_mail(tekst: str) -> str:
    import re

    return re.search(r"/tevredenheid/([^/\s]+)/", tekst).group(1)


def test_satisfaction_token_is_stored_hashed_and_expires(
    regio_a, maak_gebruiker, django_capture_on_commit_callbacks, settings
):
    """Issue 20 point 11: the database holds the token's SHA-256 only, and the link expires
    after LOKET_TEVREDENHEID_LINK_DAGEN (as the factsheet links)."""
    import hashlib
    from datetime import timedelta

    import time_machine
    from django.utils import timezone

    settings.LOKET_TEVREDENHEID_LINK_DAGEN = 10
    dv = DoorverwijzingFactory(regio=regio_a, status=S.CONTACT_GELEGD)
    partner = maak_gebruiker("partnermedewerker", organisatie=dv.organisatie)
    with django_capture_on_commit_callbacks(execute=True):
        services.doorverwijzing_status_wijzigen(doorverwijzing=dv, status=S.AFGEROND, door=partner)
    token = _token_uit_mail(mail.outbox[0].body)
    dv.refresh_from_db()
    assert token not in str(dv.__dict__.values())
    assert dv.tevredenheid_token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert dv.tevredenheid_geldig_tot - dv.tevredenheid_verstuurd_op == timedelta(days=10)
    assert services.tevredenheid_link(regio=regio_a, token=token) == dv
    with time_machine.travel(timezone.now() + timedelta(days=10, minutes=1)):
        assert services.tevredenheid_link(regio=regio_a, token=token) is None
        assert services.tevredenheid_beantwoorden(token=token, tevreden=False) is None
    dv.refresh_from_db()
    assert dv.tevreden is None and dv.status == S.AFGEROND


def test_satisfaction_link_is_single_use_and_no_reopens(
    regio_a, maak_gebruiker, django_capture_on_commit_callbacks
):
    dv = DoorverwijzingFactory(regio=regio_a, status=S.CONTACT_GELEGD)
    partner = maak_gebruiker("partnermedewerker", organisatie=dv.organisatie)
    with django_capture_on_commit_callbacks(execute=True):
        services.doorverwijzing_status_wijzigen(doorverwijzing=dv, status=S.AFGEROND, door=partner)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.tevredenheid_versturen(doorverwijzing_pk=dv.pk) is False  # already sent
    assert [m.to for m in mail.outbox] == [[dv.email]]
    token = _token_uit_mail(mail.outbox[0].body)
    with django_capture_on_commit_callbacks(execute=True):
        services.tevredenheid_beantwoorden(token=token, tevreden=False)
    assert services.tevredenheid_beantwoorden(token=token, tevreden=True) is None
    dv.refresh_from_db()
    assert dv.status == S.HEROPEND and dv.tevreden is False
    assert mail.outbox[-1].to == [dv.verwezen_door.email]
    # The gids can now close it again.
    dv = services.doorverwijzing_status_wijzigen(
        doorverwijzing=dv, status=S.AFGEROND, door=dv.verwezen_door
    )
    assert dv.status == S.AFGEROND


# --- Trajecten -----------------------------------------------------------------------------


def test_a_traject_needs_consent_and_records_the_cost_in_euro_cents(regio_a, maak_gebruiker):
    gids = maak_gebruiker("gids")
    aanbieder = OrganisatieFactory(regio=regio_a)
    args = dict(
        door=gids,
        soort=Traject.Soort.WERKFIT,
        aanbieder=aanbieder,
        startdatum=date(2026, 3, 1),
        kosten=Decimal("1250.505"),
        toestemming_gegevens="naam",
    )
    with pytest.raises(ValidationError):
        services.traject_registreren(**args, toestemming=False)
    traject = services.traject_registreren(**args, toestemming=True)
    traject.refresh_from_db()
    assert traject.kosten == Decimal("1250.51")
    with pytest.raises(ValidationError):
        services.traject_registreren(
            **{**args, "aanbieder": OrganisatieFactory()}, toestemming=True
        )


# --- Retention -----------------------------------------------------------------------------


def test_retention_removes_personal_data_and_keeps_the_counts(regio_a, maak_gebruiker):
    oud = timezone.now() - timedelta(days=400)
    v = VraagFactory(regio=regio_a, status=Vraag.Status.GESLOTEN, gesloten_op=oud)
    recent = VraagFactory(regio=regio_a, status=Vraag.Status.GESLOTEN, gesloten_op=timezone.now())
    open_ = VraagFactory(regio=regio_a)
    dv = DoorverwijzingFactory(regio=regio_a, status=S.AFGEROND, afgesloten_op=oud)
    lopend = DoorverwijzingFactory(regio=regio_a, verstuurd_op=oud)
    traject = Traject.objects.create(
        regio=regio_a,
        soort="taal",
        aanbieder=OrganisatieFactory(regio=regio_a),
        startdatum=date(2024, 1, 1),
        kosten=Decimal("10.00"),
        naam="X",
        toestemming_op=oud,
        toestemming_gegevens="naam",
        toestemming_door=maak_gebruiker("gids"),
        status=Traject.Status.AFGEROND,
        afgesloten_op=oud,
    )
    assert services.persoonsgegevens_opschonen() == 3
    assert services.persoonsgegevens_opschonen() == 0  # idempotent
    for obj in (v, dv, traject):
        obj.refresh_from_db()
        assert obj.naam == "" and obj.email == "" and obj.persoonsgegevens_verwijderd_op
    for obj in (recent, open_, lopend):
        obj.refresh_from_db()
        assert obj.naam and obj.persoonsgegevens_verwijderd_op is None
    assert Vraag.objects.count() == 3 and Doorverwijzing.objects.count() == 2
    assert AuditEvent.objects.filter(event="persoonsgegevens_bewaartermijn_verstreken").count() == 3


def test_retention_period_is_configurable(regio_a):
    LoketInstelling.objects.create(regio=regio_a, bewaartermijn_maanden=1)
    VraagFactory(
        regio=regio_a, status=Vraag.Status.GESLOTEN, gesloten_op=timezone.now() - timedelta(days=40)
    )
    assert services.persoonsgegevens_opschonen() == 1
