"""A referral always reaches a person: contact routes, the mailbox link, the coordinator's
watch and the partner inbox (issue 21, point 1)."""

import hashlib
import re
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from loket import bewaking, contactroute, services
from loket.models import Doorverwijzing, DoorverwijzingLink, LoketInstelling
from tests.factories import OrganisatieFactory
from tests.loket.factories import DienstFactory, DoorverwijzingFactory

pytestmark = pytest.mark.django_db
S = Doorverwijzing.Status


@pytest.fixture(autouse=True)
def _geen_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


def _dienst(regio, *, mailbox="", **kw):
    org = OrganisatieFactory(regio=regio, functionele_mailbox=mailbox)
    return DienstFactory(regio=regio, organisatie=org, **kw)


def verwijs(gids, dienst, **kw):
    args = dict(
        door=gids,
        dienst=dienst,
        samenvatting="Zoekt werk in de zorg",
        toestemming=True,
        toestemming_gegevens="naam en telefoon",
        naam="Fenna Veldhuis",
        telefoon="0612345678",
    )
    return services.doorverwijzing_maken(**{**args, **kw})


def _token(body: str) -> str:
    return re.search(r"/doorverwijzing/([A-Za-z0-9_-]+)/", body).group(1)


def test_a_referral_to_an_organisation_without_any_route_is_refused(regio_a, maak_gebruiker):
    gids = maak_gebruiker("gids")
    dienst = _dienst(regio_a)
    with pytest.raises(ValidationError) as exc:
        verwijs(gids, dienst)
    assert "geen functionele mailbox" in exc.value.message_dict["dienst"][0]
    assert Doorverwijzing.objects.count() == 0


def test_the_gids_sees_where_the_referral_goes_before_sending(client, maak_gebruiker, regio_a):
    gids = maak_gebruiker("gids")
    client.force_login(gids)
    met_medewerkers = _dienst(regio_a)
    for _i in range(2):
        maak_gebruiker("partnermedewerker", organisatie=met_medewerkers.organisatie)
    met_mailbox = _dienst(regio_a, mailbox="loket@beverwijk.example.org")
    zonder = _dienst(regio_a)
    url = reverse("loket:doorverwijzing_nieuw")
    pagina = client.get(url + f"?dienst={met_medewerkers.pk}").content.decode()
    assert f"gaat naar: 2 medewerkers van {met_medewerkers.organisatie.naam}" in pagina
    pagina = client.get(url + f"?dienst={met_mailbox.pk}").content.decode()
    assert "gaat naar: functionele mailbox loket@beverwijk.example.org" in pagina
    response = client.post(
        url,
        {
            "dienst": zonder.pk,
            "samenvatting": "Zoekt werk",
            "telefoon": "0612345678",
            "toestemming_gegevens": "telefoon",
            "toestemming": "on",
        },
    )
    assert response.status_code == 400
    assert "geen functionele mailbox" in response.content.decode()
    assert Doorverwijzing.objects.count() == 0


def test_the_notice_is_sent_once_even_when_the_task_runs_twice(
    regio_a, maak_gebruiker, django_capture_on_commit_callbacks
):
    gids = maak_gebruiker("gids")
    dienst = _dienst(regio_a)
    partner = maak_gebruiker("partnermedewerker", organisatie=dienst.organisatie)
    with django_capture_on_commit_callbacks(execute=True):
        dv = verwijs(gids, dienst)
    assert contactroute.melding_versturen(doorverwijzing_pk=dv.pk) == 0
    assert [m.to for m in mail.outbox] == [[partner.email]]
    dv.refresh_from_db()
    assert dv.melding_verstuurd_op is not None and "1 medewerker" in dv.melding_aan


def test_a_failed_send_leaves_the_referral_undelivered(regio_a, maak_gebruiker, monkeypatch):
    dv = DoorverwijzingFactory(regio=regio_a)

    def storing(*args, **kwargs):
        raise OSError("smtp down")

    monkeypatch.setattr("loket.mail.send_mail", storing)
    with pytest.raises(OSError):
        contactroute.melding_versturen(doorverwijzing_pk=dv.pk)
    dv.refresh_from_db()
    assert dv.melding_verstuurd_op is None and dv.is_niet_afgeleverd
    assert not DoorverwijzingLink.objects.exists()


def test_the_mailbox_gets_a_hashed_single_use_link_without_personal_data(
    client, regio_a, maak_gebruiker, django_capture_on_commit_callbacks
):
    gids = maak_gebruiker("gids")
    dienst = _dienst(regio_a, mailbox="loket@beverwijk.example.org")
    with django_capture_on_commit_callbacks(execute=True):
        dv = verwijs(gids, dienst)
    [bericht] = mail.outbox
    assert bericht.to == ["loket@beverwijk.example.org"]
    assert "Fenna" not in bericht.body and "0612345678" not in bericht.body
    assert "Zoekt werk" not in bericht.body
    token = _token(bericht.body)
    link = DoorverwijzingLink.objects.get()
    assert link.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in link.token_hash

    url = reverse("loket_publiek:doorverwijzing_link", kwargs={"regio": "zkij", "token": token})
    pagina = client.get(url)
    assert pagina.status_code == 200 and "Fenna Veldhuis" in pagina.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"status": S.ONTVANGEN})
    assert response.status_code == 200
    dv.refresh_from_db()
    assert dv.status == S.ONTVANGEN and dv.ontvangen_op is not None
    # Single use: the same link opens nothing any more, for reading or writing.
    assert client.get(url).status_code == 410
    assert client.post(url, {"status": S.CONTACT_GELEGD}).status_code == 410
    dv.refresh_from_db()
    assert dv.status == S.ONTVANGEN
    # The next step comes with a fresh link to the mailbox.
    assert len(mail.outbox) == 2 and mail.outbox[1].to == ["loket@beverwijk.example.org"]
    nieuw = _token(mail.outbox[1].body)
    assert nieuw != token
    url2 = reverse("loket_publiek:doorverwijzing_link", kwargs={"regio": "zkij", "token": nieuw})
    client.post(url2, {"status": S.CONTACT_GELEGD})
    dv.refresh_from_db()
    assert dv.status == S.CONTACT_GELEGD


def test_a_mailbox_link_expires(client, regio_a):
    dv = DoorverwijzingFactory(regio=regio_a)
    nu = datetime(2026, 3, 2, 9, tzinfo=UTC)
    _link, token = contactroute.link_aanmaken(doorverwijzing=dv, aan="x@example.org", nu=nu)
    url = reverse("loket_publiek:doorverwijzing_link", kwargs={"regio": "zkij", "token": token})
    with time_machine.travel(nu + timedelta(days=contactroute.LINK_GELDIG_DAGEN - 1)):
        assert client.get(url).status_code == 200
    with time_machine.travel(nu + timedelta(days=contactroute.LINK_GELDIG_DAGEN, seconds=1)):
        assert client.get(url).status_code == 410
        assert client.post(url, {"status": S.ONTVANGEN}).status_code == 410
    dv.refresh_from_db()
    assert dv.status == S.VERSTUURD


def test_a_link_of_another_regio_opens_nothing(client, regio_a, regio_b):
    dv = DoorverwijzingFactory(regio=regio_b)
    _link, token = contactroute.link_aanmaken(doorverwijzing=dv, aan="x@example.org")
    url = reverse("loket_publiek:doorverwijzing_link", kwargs={"regio": "zkij", "token": token})
    assert client.get(url).status_code == 404


def test_the_promised_reaction_date_follows_the_dienst_or_the_regio(regio_a, maak_gebruiker):
    gids = maak_gebruiker("gids")
    LoketInstelling.objects.create(regio=regio_a, reactietermijn_werkdagen=3)
    eigen = _dienst(regio_a, mailbox="a@example.org", reactietermijn_werkdagen=1)
    regio_termijn = _dienst(regio_a, mailbox="b@example.org", reactietermijn_werkdagen=None)
    # Wednesday 24 December 2026: Christmas and the weekend do not count.
    with time_machine.travel(datetime(2026, 12, 24, 9, tzinfo=UTC)):
        assert verwijs(gids, eigen).reactie_uiterlijk == date(2026, 12, 28)
        assert verwijs(gids, regio_termijn).reactie_uiterlijk == date(2026, 12, 30)


def test_the_coordinator_sees_undelivered_and_overdue_referrals(client, regio_a, maak_gebruiker):
    coordinator = maak_gebruiker("coordinator")
    vandaag = date(2026, 3, 10)
    niet_afgeleverd = DoorverwijzingFactory(regio=regio_a)
    te_laat = DoorverwijzingFactory(
        regio=regio_a,
        melding_verstuurd_op=datetime(2026, 3, 2, tzinfo=UTC),
        reactie_uiterlijk=date(2026, 3, 9),
    )
    op_tijd = DoorverwijzingFactory(
        regio=regio_a,
        melding_verstuurd_op=datetime(2026, 3, 9, tzinfo=UTC),
        reactie_uiterlijk=date(2026, 3, 16),
    )
    ontvangen = DoorverwijzingFactory(
        regio=regio_a,
        status=S.ONTVANGEN,
        melding_verstuurd_op=datetime(2026, 3, 2, tzinfo=UTC),
        reactie_uiterlijk=date(2026, 3, 9),
    )
    gevonden = set(bewaking.te_bewaken(user=coordinator, vandaag=vandaag))
    assert gevonden == {niet_afgeleverd, te_laat}
    assert op_tijd not in gevonden and ontvangen not in gevonden
    client.force_login(coordinator)
    with time_machine.travel(datetime(2026, 3, 10, 9, tzinfo=UTC)):
        pagina = client.get(reverse("loket:doorverwijzingen_bewaken")).content.decode()
    assert "niet afgeleverd" in pagina and "te laat" in pagina
    client.force_login(maak_gebruiker("gids"))
    assert client.get(reverse("loket:doorverwijzingen_bewaken")).status_code == 403


def test_the_partner_inbox_marks_overdue_referrals(client, regio_a, maak_gebruiker):
    dv = DoorverwijzingFactory(
        regio=regio_a,
        melding_verstuurd_op=datetime(2026, 3, 2, tzinfo=UTC),
        reactie_uiterlijk=date(2026, 3, 9),
    )
    client.force_login(maak_gebruiker("partnermedewerker", organisatie=dv.organisatie))
    with time_machine.travel(datetime(2026, 3, 9, 9, tzinfo=UTC)):
        assert "te laat" not in client.get(reverse("loket:doorverwijzingen")).content.decode()
    with time_machine.travel(datetime(2026, 3, 10, 9, tzinfo=UTC)):
        assert "te laat" in client.get(reverse("loket:doorverwijzingen")).content.decode()


def test_the_coordinator_resends_reassigns_and_closes(
    regio_a, maak_gebruiker, django_capture_on_commit_callbacks
):
    coordinator = maak_gebruiker("coordinator")
    dv = DoorverwijzingFactory(regio=regio_a)
    with django_capture_on_commit_callbacks(execute=True):
        bewaking.opnieuw_versturen(doorverwijzing=dv, door=coordinator)
    dv.refresh_from_db()
    assert dv.melding_verstuurd_op is not None
    assert mail.outbox[-1].to == [dv.organisatie.functionele_mailbox]

    ander = _dienst(regio_a, mailbox="nieuw@example.org")
    with pytest.raises(ValidationError) as exc:
        bewaking.doorsturen(doorverwijzing=dv, dienst=ander, toestemming=False, door=coordinator)
    assert "toestemming" in exc.value.message_dict
    with pytest.raises(ValidationError):
        bewaking.doorsturen(
            doorverwijzing=dv, dienst=_dienst(regio_a), toestemming=True, door=coordinator
        )
    oude_link = DoorverwijzingLink.objects.get(doorverwijzing=dv)
    with django_capture_on_commit_callbacks(execute=True):
        dv = bewaking.doorsturen(
            doorverwijzing=dv, dienst=ander, toestemming=True, door=coordinator
        )
    assert dv.organisatie == ander.organisatie and dv.status == S.VERSTUURD
    assert mail.outbox[-1].to == ["nieuw@example.org"]
    oude_link.refresh_from_db()
    assert oude_link.ingetrokken_op is not None  # the first organisation's link is dead

    dv = services.doorverwijzing_status_wijzigen(
        doorverwijzing=dv, status=S.NIET_GELUKT, door=coordinator, toelichting="Niet bereikbaar"
    )
    assert dv.status == S.NIET_GELUKT and not dv.is_open
    assert not bewaking.te_bewaken(user=coordinator).exists()


def test_a_gids_cannot_resend_or_reassign(client, regio_a, maak_gebruiker):
    gids = maak_gebruiker("gids")
    dv = DoorverwijzingFactory(regio=regio_a, verwezen_door=gids, toestemming_door=gids)
    client.force_login(gids)
    assert client.post(reverse("loket:doorverwijzing_opnieuw", args=[dv.pk])).status_code == 403
    assert client.post(reverse("loket:doorverwijzing_doorsturen", args=[dv.pk])).status_code == 403


def test_forwarding_offers_every_dienst_but_the_current_one(regio_a, maak_gebruiker):
    from loket.forms import DoorsturenForm

    coordinator = maak_gebruiker("coordinator")
    huidige = _dienst(regio_a, mailbox="huidig@example.org")
    andere = _dienst(regio_a, mailbox="ander@example.org")
    dv = verwijs(maak_gebruiker("gids"), huidige)
    form = DoorsturenForm(user=coordinator, huidige_dienst_id=dv.dienst_id)
    keuzes = set(form.fields["dienst"].queryset)
    assert andere in keuzes and huidige not in keuzes
    form = DoorsturenForm(
        {"dienst": huidige.pk, "toestemming": "on"},
        user=coordinator,
        huidige_dienst_id=dv.dienst_id,
    )
    assert not form.is_valid() and "dienst" in form.errors
