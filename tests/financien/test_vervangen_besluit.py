"""Issue 22 point 3: no verplichting on a replaced (vervangen) or withdrawn (ingetrokken)
besluit; the refusal names the besluit that replaced it."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from financien import services
from financien.models import Mutatie
from financien.selectors import bruikbare_besluiten
from rba.models import Besluit
from tests.financien.conftest import DAG
from tests.financien.factories import BesluitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _geen_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


@pytest.fixture
def reeks(regio_a, fonds, beheerder):
    services.storting_boeken(
        geldstroom=fonds, datum=DAG, bedrag="500000.00", omschrijving="Uitkering", door=beheerder
    )
    oud = BesluitFactory(regio=regio_a, nummer="RBA-2025-004", bedrag=Decimal("200000.00"))
    nieuw = BesluitFactory(
        regio=regio_a, nummer="RBA-2025-006", bedrag=Decimal("200000.00"), vervangt=oud
    )
    return oud, nieuw


def _boeken(fonds, besluit, post, beheerder):
    return services.verplichting_boeken(
        geldstroom=fonds,
        besluit=besluit,
        begrotingspost=post,
        datum=DAG,
        bedrag="1000.00",
        omschrijving="Jobhunters",
        door=beheerder,
    )


def test_a_replaced_besluit_is_refused_naming_its_replacement(reeks, fonds, post, beheerder):
    oud, nieuw = reeks
    with pytest.raises(ValidationError) as fout:
        _boeken(fonds, oud, post, beheerder)
    assert fout.value.message_dict["besluit"] == [
        "Besluit RBA-2025-004 is vervangen door RBA-2025-006; boek op dat besluit."
    ]
    assert _boeken(fonds, nieuw, post, beheerder).besluit == nieuw
    assert list(bruikbare_besluiten(user=beheerder)) == [nieuw]


def test_a_chain_names_the_besluit_in_force(reeks, regio_a, fonds, post, beheerder):
    oud, nieuw = reeks
    BesluitFactory(regio=regio_a, nummer="RBA-2025-009", bedrag=Decimal("1.00"), vervangt=nieuw)
    with pytest.raises(ValidationError) as fout:
        _boeken(fonds, oud, post, beheerder)
    melding = " ".join(fout.value.message_dict["besluit"])
    assert "vervangen door RBA-2025-006" in melding and "boek op RBA-2025-009" in melding


def test_a_withdrawn_besluit_is_refused(regio_a, fonds, post, beheerder):
    services.storting_boeken(
        geldstroom=fonds, datum=DAG, bedrag="5000.00", omschrijving="Uitkering", door=beheerder
    )
    ingetrokken = BesluitFactory(
        regio=regio_a, nummer="RBA-2025-007", status=Besluit.Status.INGETROKKEN
    )
    with pytest.raises(ValidationError) as fout:
        _boeken(fonds, ingetrokken, post, beheerder)
    assert "RBA-2025-007 is ingetrokken" in " ".join(fout.value.message_dict["besluit"])


def test_the_form_shows_the_refusal_next_to_the_besluit_field(
    client, reeks, fonds, post, beheerder
):
    oud, nieuw = reeks
    client.force_login(beheerder)
    url = reverse("financien:verplichting_nieuw")
    pagina = client.get(url)
    keuzes = [str(k) for k, _label in pagina.context["form"].fields["besluit"].choices if k]
    assert keuzes == [str(nieuw.pk)]
    r = client.post(
        url,
        {
            "geldstroom": fonds.pk,
            "besluit": oud.pk,
            "begrotingspost": post.pk,
            "datum": DAG.isoformat(),
            "bedrag": "1000.00",
            "omschrijving": "Jobhunters",
        },
    )
    assert r.status_code == 400
    assert r.context["form"].errors["besluit"] == [
        "Besluit RBA-2025-004 is vervangen door RBA-2025-006; boek op dat besluit."
    ]
    assert not Mutatie.objects.filter(soort=Mutatie.Soort.VERPLICHTING).exists()
