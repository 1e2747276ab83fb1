"""Warme overdracht to the WSP: the rules of offering, accepting and returning."""

import pytest
from django.core.exceptions import ValidationError

from tests.factories import GemeenteFactory, OrganisatieFactory
from tests.wsp.factories import (
    KandidaatFactory,
    OverdrachtFactory,
    PlaatsingFactory,
    VoordrachtFactory,
)
from werkcentrum.models import AuditEvent, Organisatie
from wsp import selectors, services
from wsp.models import Kandidaat, Overdracht

pytestmark = pytest.mark.django_db


def velden(gemeente, **extra):
    return {
        "voornaam": "Sanne",
        "achternaam": "Voorbeeld",
        "email": "sanne@example.org",
        "telefoon": "",
        "woongemeente": gemeente,
        "doelgroep": "ww",
        "opleidingsniveau": "mbo3",
        "gewenst_beroep": "Logistiek medewerker",
        "uren_per_week": 32,
        **extra,
    }


def aanbieden(door, gemeente, *, toestemming=True, **extra):
    return services.overdracht_aanbieden(
        regio=door.regio,
        door=door,
        toestemming=toestemming,
        toestemming_gegevens="naam, contactgegevens, opleiding en wensen",
        **velden(gemeente, **extra),
    )


def test_gids_offers_with_recorded_consent(gids, haarlem, werkcentrum):
    overdracht = aanbieden(gids, haarlem)

    assert overdracht.status == Overdracht.Status.AANGEBODEN
    assert overdracht.bron == Overdracht.Bron.WERKCENTRUM
    assert overdracht.organisatie == werkcentrum
    assert overdracht.toestemming_door == gids
    assert overdracht.toestemming_op is not None
    assert "Zuid-Kennemerland" in overdracht.toestemming_aan
    assert AuditEvent.objects.filter(
        object_id=str(overdracht.pk), actie=AuditEvent.Actie.AANGEMAAKT
    ).exists()


def test_no_consent_no_handover(gids, haarlem):
    with pytest.raises(ValidationError) as fout:
        aanbieden(gids, haarlem, toestemming=False)

    assert "toestemming" in fout.value.message_dict
    assert not Overdracht.objects.exists()


def test_gemeente_outside_the_regio_is_refused(gids, regio_b):
    elders = GemeenteFactory(regio=regio_b, naam="Amersfoort")

    with pytest.raises(ValidationError) as fout:
        aanbieden(gids, elders)

    assert "woongemeente" in fout.value.message_dict
    assert not Overdracht.objects.exists()


def test_email_or_phone_needed(gids, haarlem):
    with pytest.raises(ValidationError) as fout:
        aanbieden(gids, haarlem, email="")

    assert "email" in fout.value.message_dict


def test_one_person_one_kandidaat(gids, consulent, haarlem, heemstede, adviseur):
    eerste = aanbieden(gids, haarlem)

    # Same e-mail, even from another organisation and another gemeente.
    with pytest.raises(ValidationError, match="al aan het WSP overgedragen"):
        aanbieden(consulent, heemstede, voornaam="S.", achternaam="Anders")
    # Same name in the same gemeente, other e-mail.
    with pytest.raises(ValidationError, match="al aan het WSP overgedragen"):
        aanbieden(gids, haarlem, email="ander@example.org")

    # Accepted: an active kandidaat still blocks a second handover.
    services.overdracht_aannemen(overdracht=eerste, door=adviseur)
    with pytest.raises(ValidationError):
        aanbieden(gids, haarlem)
    assert Kandidaat.objects.count() == 1


def test_returned_person_can_be_offered_again(gids, haarlem, adviseur):
    eerste = aanbieden(gids, haarlem)
    services.overdracht_teruggeven(overdracht=eerste, door=adviseur, reden="Nog niet werkfit")

    tweede = aanbieden(gids, haarlem)

    assert tweede.status == Overdracht.Status.AANGEBODEN


def test_partner_source_follows_the_organisation_type(consulent, haarlem, uwv):
    overdracht = aanbieden(consulent, haarlem)

    assert overdracht.bron == Overdracht.Bron.UWV
    assert overdracht.organisatie == uwv


def test_partner_of_other_organisation_type_may_not_offer(maak_gebruiker, regio_a, haarlem):
    vakbond = OrganisatieFactory(regio=regio_a, type=Organisatie.Type.VAKBOND)
    medewerker = maak_gebruiker("partnermedewerker", organisatie=vakbond)

    with pytest.raises(PermissionError):
        aanbieden(medewerker, haarlem)
    assert not Overdracht.objects.exists()


def test_adviseur_accepts_into_one_kandidaat_with_origin(gids, haarlem, adviseur, werkcentrum):
    overdracht = aanbieden(gids, haarlem)

    kandidaat = services.overdracht_aannemen(overdracht=overdracht, door=adviseur)

    overdracht.refresh_from_db()
    assert overdracht.status == Overdracht.Status.AANGENOMEN
    assert overdracht.kandidaat == kandidaat
    assert overdracht.beoordeeld_door == adviseur
    assert (kandidaat.voornaam, kandidaat.achternaam, kandidaat.email) == (
        "Sanne",
        "Voorbeeld",
        "sanne@example.org",
    )
    assert kandidaat.uren_per_week == 32 and kandidaat.gewenst_beroep == "Logistiek medewerker"
    assert kandidaat.overgedragen_door == werkcentrum
    assert kandidaat.overdrager_naam == "Gijs Gids"
    assert kandidaat.toestemming and kandidaat.toestemming_op is not None

    with pytest.raises(ValidationError, match="al beoordeeld"):
        services.overdracht_aannemen(overdracht=overdracht, door=adviseur)
    assert Kandidaat.objects.count() == 1


def test_return_needs_a_reason(gids, haarlem, adviseur):
    overdracht = aanbieden(gids, haarlem)

    with pytest.raises(ValidationError) as fout:
        services.overdracht_teruggeven(overdracht=overdracht, door=adviseur, reden="  ")
    assert "reden_teruggave" in fout.value.message_dict

    services.overdracht_teruggeven(overdracht=overdracht, door=adviseur, reden="Eerst taal")
    overdracht.refresh_from_db()
    assert overdracht.status == Overdracht.Status.TERUGGEGEVEN
    assert overdracht.reden_teruggave == "Eerst taal"


def test_only_the_wsp_of_the_regio_decides(gids, haarlem, maak_gebruiker, regio_b):
    overdracht = aanbieden(gids, haarlem)
    adviseur_elders = maak_gebruiker("wsp_adviseur", regio=regio_b)

    for wie in (gids, adviseur_elders):
        with pytest.raises(PermissionError):
            services.overdracht_aannemen(overdracht=overdracht, door=wie)
        with pytest.raises(PermissionError):
            services.overdracht_teruggeven(overdracht=overdracht, door=wie, reden="x")
    overdracht.refresh_from_db()
    assert overdracht.status == Overdracht.Status.AANGEBODEN


def test_offer_only_to_own_regio(gids, regio_b):
    elders = GemeenteFactory(regio=regio_b)

    with pytest.raises(PermissionError):
        services.overdracht_aanbieden(
            regio=regio_b,
            door=gids,
            toestemming=True,
            toestemming_gegevens="naam",
            **velden(elders),
        )


def test_chain_status_follows_the_kandidaat(regio_a, adviseur):
    aangeboden = OverdrachtFactory(regio=regio_a)
    teruggegeven = OverdrachtFactory(
        regio=regio_a, status=Overdracht.Status.TERUGGEGEVEN, reden_teruggave="x"
    )
    in_bemiddeling = OverdrachtFactory(
        regio=regio_a, status="aangenomen", kandidaat=KandidaatFactory(regio=regio_a)
    )
    voorgedragen = OverdrachtFactory(
        regio=regio_a, status="aangenomen", kandidaat=KandidaatFactory(regio=regio_a)
    )
    VoordrachtFactory(kandidaat=voorgedragen.kandidaat, vacature__regio=regio_a)
    geplaatst = OverdrachtFactory(
        regio=regio_a, status="aangenomen", kandidaat=KandidaatFactory(regio=regio_a)
    )
    PlaatsingFactory(kandidaat=geplaatst.kandidaat, werkgever__regio=regio_a)

    status = {o.pk: o.ketenstatus for o in selectors.overdrachten_voor(user=adviseur)}

    assert status == {
        aangeboden.pk: "aangeboden",
        teruggegeven.pk: "teruggegeven",
        in_bemiddeling.pk: "in_bemiddeling",
        voorgedragen.pk: "voorgedragen",
        geplaatst.pk: "geplaatst",
    }


def test_who_sees_which_handovers(regio_a, gids, consulent, uwv, maak_gebruiker, adviseur):
    van_gids = OverdrachtFactory(regio=regio_a, aangeboden_door=gids)
    andere_gids = OverdrachtFactory(regio=regio_a)
    van_uwv = OverdrachtFactory(
        regio=regio_a, bron="uwv", organisatie=uwv, aangeboden_door=consulent
    )
    gemeente = OrganisatieFactory(regio=regio_a, type=Organisatie.Type.GEMEENTE)
    van_gemeente = OverdrachtFactory(regio=regio_a, bron="gemeente", organisatie=gemeente)
    coordinator = maak_gebruiker("coordinator")
    rba = maak_gebruiker("rba_lid")

    def zichtbaar(user):
        return set(selectors.overdrachten_voor(user=user).values_list("pk", flat=True))

    assert zichtbaar(gids) == {van_gids.pk}
    assert zichtbaar(consulent) == {van_uwv.pk}
    assert zichtbaar(coordinator) == {van_gids.pk, andere_gids.pk}
    assert zichtbaar(adviseur) == {van_gids.pk, andere_gids.pk, van_uwv.pk, van_gemeente.pk}
    assert zichtbaar(rba) == set()


def test_doelgroep_of_the_regio_list(gids, haarlem):
    from wsp.models import WspDoelgroep
    from wsp.regiolijsten import in_gebruik

    with pytest.raises(ValidationError) as fout:
        aanbieden(gids, haarlem, doelgroep="bestaat-niet")
    assert "doelgroep" in fout.value.message_dict
    assert not Overdracht.objects.exists()

    overdracht = aanbieden(gids, haarlem, doelgroep="wia")
    # A doelgroep an open handover holds cannot be deleted from the regio's list.
    assert in_gebruik(WspDoelgroep.objects.get(regio=overdracht.regio, code="wia"))
