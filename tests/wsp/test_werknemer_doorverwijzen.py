"""Issue 23 point 4: an adviseur of the WSP refers a werkgever's werknemer to the Werkcentrum
as a warme doorverwijzing, through the loket's own service, and follows it like any referral."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from loket import services
from loket.models import Doorverwijzing, DoorverwijzingLink
from tests.factories import GemeenteFactory, OrganisatieFactory
from tests.loket.conftest import _referentiedata  # noqa: F401 (the thema's for DienstFactory)
from tests.loket.factories import DienstFactory
from werkcentrum.models import AuditEvent, Organisatie
from werkcentrum.personen import alle_gegevens

from .factories import WerkgeverFactory

S = Doorverwijzing.Status
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _geen_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


@pytest.fixture
def werkcentrum(regio_a):
    """The Werkcentrum's own spreekuur dienst, reached through its functional mailbox."""
    org = OrganisatieFactory(
        regio=regio_a,
        naam="Werkcentrum ZKIJ",
        type=Organisatie.Type.WERKCENTRUM,
        functionele_mailbox="doorverwijzingen@werkcentrum.example.org",
    )
    return DienstFactory(regio=regio_a, organisatie=org, naam="Loopbaanspreekuur")


@pytest.fixture
def werkgever(regio_a, adviseur):
    return WerkgeverFactory(regio=regio_a, naam="Staalbedrijf IJmond BV", accounthouder=adviseur)


def verwijs(adviseur, werkgever, dienst, **kw):
    args = dict(
        door=adviseur,
        werkgever=werkgever,
        dienst=dienst,
        aanleiding=Doorverwijzing.Aanleiding.WERK_NAAR_WERK,
        samenvatting="Functie vervalt bij de reorganisatie.",
        toestemming=True,
        toestemming_gegevens="naam, e-mailadres, werkgever, aanleiding, samenvatting",
        naam="Ruud Staal",
        email="ruud@example.org",
    )
    return services.doorverwijzing_maken(**{**args, **kw})


# --- Service ---------------------------------------------------------------------------------


def test_a_wsp_referral_gets_the_deadline_step_and_single_use_link_of_a_gids_referral(
    adviseur, werkgever, werkcentrum, haarlem, maak_gebruiker, django_capture_on_commit_callbacks
):
    gids = maak_gebruiker("gids")
    with django_capture_on_commit_callbacks(execute=True):
        dv = verwijs(adviseur, werkgever, werkcentrum, woongemeente=haarlem)
        van_gids = services.doorverwijzing_maken(
            door=gids,
            dienst=werkcentrum,
            samenvatting="Zoekt werk",
            toestemming=True,
            toestemming_gegevens="naam",
            naam="P",
            telefoon="0612345678",
        )
    assert dv.reactie_uiterlijk == van_gids.reactie_uiterlijk is not None
    assert (dv.werkgever, dv.aanleiding, dv.woongemeente) == (
        werkgever,
        "werk_naar_werk",
        haarlem,
    )
    assert dv.verwezen_door == dv.toestemming_door == adviseur and dv.toestemming_op
    assert list(dv.stappen.values_list("status", "door")) == [(S.VERSTUURD, adviseur.pk)]
    # The organisation without portal users got a single-use link, without personal data.
    link = DoorverwijzingLink.objects.get(doorverwijzing=dv)
    bericht = next(m for m in mail.outbox if f"nummer {dv.pk})" in m.body)
    assert bericht.to == [link.aan] == ["doorverwijzingen@werkcentrum.example.org"]
    for geheim in ("Ruud", "ruud@", "reorganisatie", "Staalbedrijf"):
        assert geheim not in bericht.body and geheim not in bericht.subject
    assert AuditEvent.objects.filter(
        event="persoonsgegevens_aangemaakt", object_id=str(dv.pk), gebruiker=adviseur
    ).exists()


def test_a_wsp_referral_without_consent_saves_nothing(adviseur, werkgever, werkcentrum):
    with pytest.raises(ValidationError) as exc:
        verwijs(adviseur, werkgever, werkcentrum, toestemming=False)
    assert "toestemming" in exc.value.message_dict
    assert not Doorverwijzing.objects.exists()


def test_a_wsp_referral_needs_an_email_address_or_phone_number(adviseur, werkgever, werkcentrum):
    with pytest.raises(ValidationError) as exc:
        verwijs(adviseur, werkgever, werkcentrum, email="", telefoon="")
    assert "bereiken" in exc.value.message_dict["email"][0]
    assert verwijs(adviseur, werkgever, werkcentrum, email="", telefoon="0612345678").pk


def test_a_wsp_referral_needs_its_aanleiding(adviseur, werkgever, werkcentrum):
    with pytest.raises(ValidationError) as exc:
        verwijs(adviseur, werkgever, werkcentrum, aanleiding="")
    assert "aanleiding" in exc.value.message_dict
    assert not Doorverwijzing.objects.exists()


def test_a_woongemeente_outside_the_regio_is_refused(adviseur, werkgever, werkcentrum, regio_b):
    elders = GemeenteFactory(regio=regio_b, naam="Amersfoort")
    with pytest.raises(ValidationError) as exc:
        verwijs(adviseur, werkgever, werkcentrum, woongemeente=elders)
    assert exc.value.message_dict["woongemeente"] == ["Kies een woongemeente in jouw regio."]
    assert not Doorverwijzing.objects.exists()


def test_a_dienst_of_another_regio_is_refused(adviseur, werkgever, regio_b):
    with pytest.raises(ValidationError) as exc:
        verwijs(adviseur, werkgever, DienstFactory(regio=regio_b))
    assert "dienst" in exc.value.message_dict
    assert not Doorverwijzing.objects.exists()


def test_only_who_may_edit_the_account_refers_its_werknemers(
    werkgever, werkcentrum, maak_gebruiker, manager
):
    for buitenstaander in (maak_gebruiker("wsp_adviseur"), maak_gebruiker("gids", "coordinator")):
        with pytest.raises(PermissionDenied):
            verwijs(buitenstaander, werkgever, werkcentrum)
    assert not Doorverwijzing.objects.exists()
    assert verwijs(manager, werkgever, werkcentrum).verwezen_door == manager


def test_after_five_working_days_without_contact_the_adviseur_is_told_on_their_own_page(
    adviseur, werkgever, werkcentrum
):
    dv = verwijs(adviseur, werkgever, werkcentrum)
    mail.outbox.clear()
    services.doorverwijzingen_opvolgen(nu=dv.verstuurd_op + timedelta(days=9))
    aan_adviseur = [m for m in mail.outbox if m.to == [adviseur.email]]
    assert len(aan_adviseur) == 1
    assert f"/wsp/doorverwijzingen/{dv.pk}/" in aan_adviseur[0].body
    assert "Ruud" not in aan_adviseur[0].body


def test_the_inzage_shows_the_werkgever_aanleiding_and_woongemeente(
    adviseur, werkgever, werkcentrum, haarlem
):
    gegevens = alle_gegevens(verwijs(adviseur, werkgever, werkcentrum, woongemeente=haarlem))
    assert gegevens["werkgever (WSP)"] == "Staalbedrijf IJmond BV"
    assert gegevens["aanleiding"] == "Werk-naar-werk bij reorganisatie"
    assert gegevens["woongemeente"] == "Haarlem"


# --- Pages -----------------------------------------------------------------------------------


def _formdata(naar, gemeente, **kw):
    data = {
        "naam": "Ruud Staal",
        "email": "ruud@example.org",
        "telefoon": "",
        "woongemeente": gemeente.pk,
        "aanleiding": "verzuim",
        "samenvatting": "Langdurig verzuim, wil ander werk.",
        "dienst": naar.pk,
        "toestemming_gegevens": "naam, e-mailadres, werkgever, aanleiding",
        "toestemming": "on",
    }
    return {**data, **kw}


def test_the_form_preselects_the_werkcentrum_and_refers_from_the_werkgever_page(
    client, adviseur, werkgever, werkcentrum, haarlem
):
    DienstFactory(regio=werkcentrum.regio, naam="Aaa eerst op naam")
    client.force_login(adviseur)
    pagina = client.get(reverse("wsp:werkgever", args=[werkgever.pk])).content.decode()
    url = reverse("wsp:werknemer_doorverwijzen", args=[werkgever.pk])
    assert url in pagina
    formulier = client.get(url)
    assert formulier.status_code == 200
    assert formulier.context["form"]["dienst"].value() == werkcentrum.pk
    r = client.post(url, _formdata(werkcentrum, haarlem))
    dv = Doorverwijzing.objects.get()
    assert r.status_code == 302 and r.url == reverse("wsp:doorverwijzing", args=[dv.pk])
    assert (dv.werkgever, dv.verwezen_door, dv.aanleiding) == (werkgever, adviseur, "verzuim")
    # Just made: the adviseur is not asked why they open it, and the read is logged.
    detail = client.get(r.url)
    assert detail.status_code == 200 and "Ruud Staal" in detail.content.decode()
    assert AuditEvent.objects.filter(
        event="persoonsgegevens_ingezien", object_id=str(dv.pk), gebruiker=adviseur
    ).exists()


@pytest.mark.parametrize(
    "wijziging, veld, melding",
    [
        ({"toestemming": ""}, "toestemming", "Zonder toestemming van de werknemer"),
        ({"email": "", "telefoon": ""}, "email", "Vul een e-mailadres of telefoonnummer in"),
        ({"aanleiding": ""}, "aanleiding", "Kies de aanleiding"),
        ("gemeente_elders", "woongemeente", "Kies een woongemeente in jouw regio."),
        ("dienst_elders", "dienst", "Kies een actieve dienst van de sociale kaart in jouw regio."),
    ],
)
def test_bad_input_shows_a_dutch_message_at_the_field_and_saves_nothing(
    client, adviseur, werkgever, werkcentrum, haarlem, regio_b, wijziging, veld, melding
):
    if wijziging == "gemeente_elders":
        wijziging = {"woongemeente": GemeenteFactory(regio=regio_b).pk}
    elif wijziging == "dienst_elders":
        wijziging = {"dienst": DienstFactory(regio=regio_b).pk}
    client.force_login(adviseur)
    url = reverse("wsp:werknemer_doorverwijzen", args=[werkgever.pk])
    r = client.post(url, _formdata(werkcentrum, haarlem, **wijziging))
    assert r.status_code == 400
    assert any(melding in fout for fout in r.context["form"].errors[veld])
    assert "Ruud Staal" in r.content.decode()  # the input is kept
    assert not Doorverwijzing.objects.exists()


def test_an_adviseur_without_rights_on_the_account_may_not_refer(
    client, maak_gebruiker, werkgever, werkcentrum, haarlem
):
    client.force_login(maak_gebruiker("wsp_adviseur"))
    url = reverse("wsp:werknemer_doorverwijzen", args=[werkgever.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, _formdata(werkcentrum, haarlem)).status_code == 403
    pagina = client.get(reverse("wsp:werkgever", args=[werkgever.pk])).content.decode()
    assert url not in pagina
    assert not Doorverwijzing.objects.exists()


def test_a_gids_gets_no_wsp_referral_pages(client, maak_gebruiker, werkgever):
    client.force_login(maak_gebruiker("gids"))
    assert client.get(reverse("wsp:doorverwijzingen")).status_code == 403
    url = reverse("wsp:werknemer_doorverwijzen", args=[werkgever.pk])
    assert client.get(url).status_code == 403


def test_the_list_shows_an_adviseur_their_own_and_a_manager_the_regio(
    client, adviseur, manager, maak_gebruiker, werkgever, werkcentrum, regio_b, kies_doel
):
    eigen = verwijs(adviseur, werkgever, werkcentrum)
    collega = maak_gebruiker("wsp_adviseur")
    ander_account = WerkgeverFactory(
        regio=werkgever.regio, naam="Bakkerij Bol", accounthouder=collega
    )
    van_collega = verwijs(collega, ander_account, werkcentrum, aanleiding="scholing")
    elders = WerkgeverFactory(regio=regio_b, naam="Elders BV")
    verwijs(elders.accounthouder, elders, DienstFactory(regio=regio_b))
    lijst = reverse("wsp:doorverwijzingen")

    client.force_login(adviseur)
    assert [d.pk for d in client.get(lijst).context["rows"]] == [eigen.pk]
    detail = reverse("wsp:doorverwijzing", args=[van_collega.pk])
    kies_doel(client, van_collega, "werkgeversdienstverlening")
    assert client.get(detail).status_code == 404

    client.force_login(manager)
    assert {d.pk for d in client.get(lijst).context["rows"]} == {eigen.pk, van_collega.pk}
    assert [d.pk for d in client.get(lijst, {"zoek": "bakkerij"}).context["rows"]] == [
        van_collega.pk
    ]
    partner = maak_gebruiker("partnermedewerker", organisatie=werkcentrum.organisatie)
    services.doorverwijzing_status_wijzigen(doorverwijzing=eigen, status=S.ONTVANGEN, door=partner)
    assert [d.pk for d in client.get(lijst, {"status": "ontvangen"}).context["rows"]] == [eigen.pk]
    kies_doel(client, van_collega, "werkgeversdienstverlening")
    assert client.get(detail).status_code == 200


def test_the_list_pages(client, adviseur, werkgever, werkcentrum):
    for _i in range(27):
        verwijs(adviseur, werkgever, werkcentrum)
    client.force_login(adviseur)
    eerste = client.get(reverse("wsp:doorverwijzingen"))
    assert len(eerste.context["rows"]) == 25 and "27 doorverwijzingen" in eerste.content.decode()
    tweede = client.get(reverse("wsp:doorverwijzingen"), {"pagina": 2})
    assert len(tweede.context["rows"]) == 2
    assert eerste.context["page_obj"].paginator.num_pages == 2


def test_the_timeline_shows_the_status_without_naming_the_werknemer(
    client, adviseur, werkgever, werkcentrum, maak_gebruiker
):
    dv = verwijs(adviseur, werkgever, werkcentrum)
    partner = maak_gebruiker("partnermedewerker", organisatie=werkcentrum.organisatie)
    for status in (S.ONTVANGEN, S.CONTACT_GELEGD):
        services.doorverwijzing_status_wijzigen(doorverwijzing=dv, status=status, door=partner)
    client.force_login(adviseur)
    pagina = client.get(reverse("wsp:werkgever", args=[werkgever.pk])).content.decode()
    assert "Werk-naar-werk bij reorganisatie: Werkcentrum ZKIJ (Contact gelegd)" in pagina
    assert reverse("wsp:doorverwijzing", args=[dv.pk]) in pagina
    assert "Ruud" not in pagina
    # A colleague sees the status on the account's timeline, not a link to the person.
    client.force_login(maak_gebruiker("wsp_adviseur"))
    pagina = client.get(reverse("wsp:werkgever", args=[werkgever.pk])).content.decode()
    assert "(Contact gelegd)" in pagina
    assert reverse("wsp:doorverwijzing", args=[dv.pk]) not in pagina


def test_the_receiving_partner_sees_it_came_from_the_wsp_and_another_partner_gets_404(
    client, adviseur, werkgever, werkcentrum, maak_gebruiker, kies_doel
):
    dv = verwijs(adviseur, werkgever, werkcentrum, aanleiding="scholing")
    partner = maak_gebruiker("partnermedewerker", organisatie=werkcentrum.organisatie)
    client.force_login(partner)
    lijst = client.get(reverse("loket:doorverwijzingen")).content.decode()
    assert "via het WSP" in lijst and "Staalbedrijf IJmond BV" in lijst
    kies_doel(client, dv)
    detail = client.get(reverse("loket:doorverwijzing", args=[dv.pk]))
    tekst = detail.content.decode()
    assert detail.status_code == 200
    assert "Staalbedrijf IJmond BV" in tekst and "Vraag over scholing" in tekst
    assert AuditEvent.objects.filter(
        event="persoonsgegevens_ingezien", object_id=str(dv.pk), gebruiker=partner
    ).exists()

    andere = maak_gebruiker(
        "partnermedewerker", organisatie=OrganisatieFactory(regio=werkgever.regio)
    )
    client.force_login(andere)
    kies_doel(client, dv)
    assert client.get(reverse("loket:doorverwijzing", args=[dv.pk])).status_code == 404


def test_the_gids_and_coordinator_see_the_origin(
    client, adviseur, werkgever, werkcentrum, maak_gebruiker, kies_doel
):
    dv = verwijs(adviseur, werkgever, werkcentrum, aanleiding="verzuim")
    client.force_login(maak_gebruiker("coordinator"))
    kies_doel(client, dv)
    tekst = client.get(reverse("loket:doorverwijzing", args=[dv.pk])).content.decode()
    assert "Verwezen door het WSP namens werkgever" in tekst and "Verzuim" in tekst


def test_the_api_tells_the_receiving_partner_the_werkgever_and_aanleiding_only(
    adviseur, werkgever, werkcentrum, maak_gebruiker
):
    from rest_framework.test import APIClient

    dv = verwijs(adviseur, werkgever, werkcentrum)
    api = APIClient()
    api.force_authenticate(maak_gebruiker("partnermedewerker", organisatie=werkcentrum.organisatie))
    [rij] = api.get("/api/v1/loket/doorverwijzingen/").json()["results"]
    assert (rij["id"], rij["werkgever"], rij["aanleiding"]) == (
        dv.pk,
        "Staalbedrijf IJmond BV",
        "werk_naar_werk",
    )
    assert "Ruud" not in str(rij) and "reorganisatie" not in str(rij)
    api.force_authenticate(
        maak_gebruiker("partnermedewerker", organisatie=OrganisatieFactory(regio=werkgever.regio))
    )
    assert api.get(f"/api/v1/loket/doorverwijzingen/{dv.pk}/").status_code == 404
