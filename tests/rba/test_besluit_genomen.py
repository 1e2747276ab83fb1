"""Issue 22 point 2: a besluit is genomen only in a held vergadering, or by schriftelijke
besluitvorming with a date not in the future; before that it is a voorstel: not on the
public besluitenlijst or RSS, and not usable for a verplichting."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from financien import services as financien
from rba import services
from rba.models import Besluit, Vergadering
from tests.financien.factories import BegrotingspostFactory, GeldstroomFactory
from tests.rba.factories import AgendapuntFactory, BesluitFactory, VergaderingFactory

pytestmark = pytest.mark.django_db

VANDAAG = timezone.localdate


@pytest.fixture(autouse=True)
def _geen_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


def _punt(rba, *, dagen: int, status=Vergadering.Status.AGENDA_GEPUBLICEERD):
    vergadering = VergaderingFactory(
        orgaan=rba, datum=VANDAAG() + timedelta(days=dagen), status=status
    )
    return AgendapuntFactory(vergadering=vergadering)


def _velden(rba, **kw):
    velden = {
        "orgaan": rba,
        "datum": VANDAAG(),
        "titel": "Inzet regionale middelen jobhunters",
        "besluittekst": "Het RBA stelt EUR 200.000 beschikbaar.",
        "type": Besluit.Type.INZET_REGIONALE_MIDDELEN,
        "bedrag": Decimal("200000.00"),
    }
    velden.update(kw)
    return velden


def test_a_besluit_for_a_vergadering_not_yet_held_is_refused_as_genomen(rba, secretariaat):
    punt = _punt(rba, dagen=44)
    with pytest.raises(ValidationError) as fout:
        services.besluit_nemen(
            door=secretariaat,
            **_velden(rba, agendapunt=punt, datum=punt.vergadering.datum),
        )
    assert "nog niet gehouden" in " ".join(fout.value.message_dict["agendapunt"])
    assert "toekomst" in " ".join(fout.value.message_dict["datum"])
    # The same on the day of a meeting that was not reported as held.
    vandaag = _punt(rba, dagen=0)
    with pytest.raises(ValidationError) as fout:
        services.besluit_nemen(door=secretariaat, **_velden(rba, agendapunt=vandaag))
    assert "nog niet gehouden" in " ".join(fout.value.message_dict["agendapunt"])
    assert not Besluit.objects.exists()


def test_a_voorstel_becomes_genomen_once_its_vergadering_is_held(rba, secretariaat):
    punt = _punt(rba, dagen=0)
    voorstel = services.besluit_vastleggen(door=secretariaat, **_velden(rba, agendapunt=punt))
    assert voorstel.status == Besluit.Status.VOORGESTELD
    with pytest.raises(ValidationError):
        services.besluit_nemen(besluit=voorstel, door=secretariaat)
    services.vergadering_gehouden(vergadering=punt.vergadering, door=secretariaat)
    genomen = services.besluit_nemen(besluit=voorstel, door=secretariaat)
    assert genomen.status == Besluit.Status.GENOMEN


def test_in_a_vergadering_needs_an_agendapunt(rba, secretariaat):
    with pytest.raises(ValidationError) as fout:
        services.besluit_nemen(door=secretariaat, **_velden(rba))
    assert "agendapunt" in fout.value.message_dict


def test_schriftelijk_is_genomen_on_its_date_not_before(rba, secretariaat):
    schriftelijk = Besluit.Besluitvorming.SCHRIFTELIJK
    morgen = VANDAAG() + timedelta(days=1)
    with pytest.raises(ValidationError) as fout:
        services.besluit_nemen(
            door=secretariaat, **_velden(rba, besluitvorming=schriftelijk, datum=morgen)
        )
    assert "toekomst" in " ".join(fout.value.message_dict["datum"])
    besluit = services.besluit_nemen(door=secretariaat, **_velden(rba, besluitvorming=schriftelijk))
    assert besluit.status == Besluit.Status.GENOMEN


def test_the_form_shows_the_refusal_next_to_the_field_and_keeps_the_input(
    client, secretariaat, rba
):
    punt = _punt(rba, dagen=44)
    client.force_login(secretariaat)
    r = client.post(
        reverse("rba:besluit_nieuw"),
        {
            "orgaan": rba.pk,
            "agendapunt": punt.pk,
            "datum": punt.vergadering.datum.isoformat(),
            "titel": "Jobhunters voor de regio",
            "besluittekst": "Het RBA stelt EUR 200.000 beschikbaar.",
            "type": Besluit.Type.INZET_REGIONALE_MIDDELEN,
            "besluitvorming": Besluit.Besluitvorming.VERGADERING,
            "bedrag": "200000.00",
            "status": Besluit.Status.GENOMEN,
            "openbaar": "on",
        },
    )
    assert r.status_code == 400
    form = r.context["form"]
    assert "nog niet gehouden" in " ".join(form.errors["agendapunt"])
    assert "toekomst" in " ".join(form.errors["datum"])
    assert "Jobhunters voor de regio" in r.content.decode()
    assert not Besluit.objects.exists()


def _voorstellen(rba):
    """A voorstel, and a row stored as genomen for a vergadering not yet held (as written
    before this rule: a genomen row is immutable, so it is filtered, not migrated)."""
    BesluitFactory(orgaan=rba, titel="Alleen voorgesteld", status=Besluit.Status.VOORGESTELD)
    punt = _punt(rba, dagen=44)
    te_vroeg = BesluitFactory(
        orgaan=rba,
        titel="Te vroeg genomen",
        agendapunt=punt,
        datum=punt.vergadering.datum,
        type=Besluit.Type.INZET_REGIONALE_MIDDELEN,
        bedrag=Decimal("200000.00"),
    )
    BesluitFactory(orgaan=rba, titel="Echt genomen", datum=VANDAAG() - timedelta(days=3))
    return te_vroeg


def test_public_list_rss_and_json_show_no_voorstellen(client, rba):
    _voorstellen(rba)
    for naam in ("besluiten", "feed_rss", "feed_json"):
        html = client.get(reverse(f"rba_publiek:{naam}", kwargs={"regio": "zkij"})).content
        html = html.decode()
        assert "Echt genomen" in html, naam
        assert "Alleen voorgesteld" not in html and "Te vroeg genomen" not in html, naam


def test_staff_without_rba_rights_see_no_voorstellen(client, gids, rba):
    te_vroeg = _voorstellen(rba)
    client.force_login(gids)
    html = client.get(reverse("rba:besluiten")).content.decode()
    assert "Echt genomen" in html and "Te vroeg genomen" not in html
    assert client.get(reverse("rba:besluit", args=[te_vroeg.pk])).status_code == 404


def test_financien_refuses_a_verplichting_on_a_voorstel(rba, maak_gebruiker):
    beheerder = maak_gebruiker("financieel_beheerder")
    fonds = GeldstroomFactory(regio=rba.regio)
    post = BegrotingspostFactory(regio=rba.regio)
    financien.storting_boeken(
        geldstroom=fonds,
        datum=VANDAAG(),
        bedrag="500000.00",
        omschrijving="Uitkering",
        door=beheerder,
    )
    te_vroeg = _voorstellen(rba)
    voorstel = BesluitFactory(
        orgaan=rba,
        status=Besluit.Status.VOORGESTELD,
        type=Besluit.Type.INZET_REGIONALE_MIDDELEN,
        bedrag=Decimal("1000.00"),
    )
    for besluit, melding in ((te_vroeg, "nog een voorstel"), (voorstel, "niet genomen")):
        with pytest.raises(ValidationError) as fout:
            financien.verplichting_boeken(
                geldstroom=fonds,
                besluit=besluit,
                begrotingspost=post,
                datum=VANDAAG(),
                bedrag="1000.00",
                omschrijving="Jobhunters",
                door=beheerder,
            )
        assert melding in " ".join(fout.value.message_dict["besluit"])
    from financien.selectors import bruikbare_besluiten

    assert te_vroeg not in bruikbare_besluiten(user=beheerder)
