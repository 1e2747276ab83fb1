"""The two rare races through the forms: a parallel request inserts the same unique key between
our check and our insert. Simulated deterministically (the "winner" is written right after our
validation), so the form's behaviour is proved on any database: a Dutch message next to the
field, the input kept, status 400, nothing of ours written, never a 500. The real parallel
transactions are in test_gelijktijdig.py (PostgreSQL)."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from financien import services
from financien.models import Begrotingsregel, Mutatie
from tests.financien.conftest import DAG
from tests.financien.factories import GeldstroomFactory
from werkcentrum.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _geen_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


def _winnaar_na_validatie(monkeypatch, model, maak_winnaar) -> None:
    """Run `maak_winnaar` once, just after `model.full_clean` of our request succeeded."""
    origineel = model.full_clean
    gedaan = []

    def full_clean(self, *args, **kwargs):
        origineel(self, *args, **kwargs)
        if not gedaan:
            gedaan.append(True)
            maak_winnaar()

    monkeypatch.setattr(model, "full_clean", full_clean)


def test_same_kenmerk_at_the_same_moment_shows_a_dutch_error_on_kenmerk(
    client, beheerder, fonds, regio_a, monkeypatch
):
    ander_fonds = GeldstroomFactory(regio=regio_a, naam="Dichterbij dan je Denkt")
    _winnaar_na_validatie(
        monkeypatch,
        Mutatie,
        lambda: Mutatie.objects.create(
            regio=regio_a,
            soort="storting",
            rubriek="storting",
            datum=DAG,
            bedrag=Decimal("5.00"),
            geldstroom=ander_fonds,
            omschrijving="de ander was net eerder",
            kenmerk="FACT-2025-017",
        ),
    )
    client.force_login(beheerder)
    response = client.post(
        reverse("financien:storting_nieuw"),
        {
            "geldstroom": fonds.pk,
            "datum": "2025-06-02",
            "bedrag": "1.000,00",
            "omschrijving": "Mijn storting",
            "kenmerk": "FACT-2025-017",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Het kenmerk FACT-2025-017 is in deze regio al gebruikt." in html
    form = response.context["form"]
    assert form.errors["kenmerk"] == ["Het kenmerk FACT-2025-017 is in deze regio al gebruikt."]
    assert "Mijn storting" in html  # input kept
    # Nothing of ours is written (the simulated winner shares our rolled-back transaction
    # here; test_gelijktijdig.py proves the winner's booking stays on PostgreSQL).
    assert not Mutatie.objects.exists()
    assert not AuditEvent.objects.filter(event__startswith="financien_mutatie").exists()


def test_a_duplicate_kenmerk_one_after_the_other_gets_the_same_message(beheerder, fonds):
    services.storting_boeken(
        geldstroom=fonds, datum=DAG, bedrag="1.00", omschrijving="a", door=beheerder, kenmerk="K1"
    )
    with pytest.raises(ValidationError) as fout:
        services.storting_boeken(
            geldstroom=fonds,
            datum=DAG,
            bedrag="2.00",
            omschrijving="b",
            door=beheerder,
            kenmerk="K1",
        )
    assert fout.value.message_dict == {"kenmerk": ["Het kenmerk K1 is in deze regio al gebruikt."]}
    assert Mutatie.objects.count() == 1


def test_same_new_begroting_line_at_the_same_moment_shows_a_dutch_error(
    client, beheerder, post, regio_a, monkeypatch
):
    _winnaar_na_validatie(
        monkeypatch,
        Begrotingsregel,
        lambda: Begrotingsregel.objects.create(
            regio=regio_a, jaar=2026, begrotingspost=post, begroot=Decimal("120000.00")
        ),
    )
    client.force_login(beheerder)
    response = client.post(
        reverse("financien:begrotingsregel"),
        {"jaar": "2026", "begrotingspost": post.pk, "begroot": "100.000,00", "toelichting": "x"},
    )
    assert response.status_code == 400
    fouten = response.context["form"].errors["begrotingspost"]
    assert fouten == [
        "Iemand anders heeft de begroting 2026 van deze post zojuist vastgesteld. Controleer het"
        " bedrag op de begroting en sla zo nodig opnieuw op."
    ]
    assert "100.000,00" in response.content.decode()
    assert not Begrotingsregel.objects.filter(begroot=Decimal("100000.00")).exists()
    assert not AuditEvent.objects.filter(event__startswith="financien_").exists()
    # Sending the form again (no race this time) saves it, as usual.
    response = client.post(
        reverse("financien:begrotingsregel"),
        {"jaar": "2026", "begrotingspost": post.pk, "begroot": "100.000,00", "toelichting": "x"},
    )
    assert response.status_code == 302
    assert Begrotingsregel.objects.get().begroot == Decimal("100000.00")


def test_an_integrity_error_no_check_explains_is_not_hidden(beheerder, fonds, monkeypatch):
    """Only the known unique keys become a message; anything else still fails loudly."""
    from django.db import IntegrityError

    def kapot(self, *args, **kwargs):
        raise IntegrityError("iets anders")

    monkeypatch.setattr(Mutatie, "save", kapot)
    with pytest.raises(IntegrityError):
        services.storting_boeken(
            geldstroom=fonds, datum=DAG, bedrag="1.00", omschrijving="a", door=beheerder
        )


def test_same_new_fund_name_at_the_same_moment_is_a_dutch_error(beheerder, regio_a, monkeypatch):
    """The same race for the unique names of geldstromen: a message, not an IntegrityError."""
    from financien.models import Geldstroom

    _winnaar_na_validatie(
        monkeypatch,
        Geldstroom,
        lambda: Geldstroom.objects.create(regio=regio_a, naam="Regiodeal", bron="rijk"),
    )
    with pytest.raises(ValidationError) as fout:
        services.geldstroom_opslaan(
            geldstroom=Geldstroom(regio=regio_a, naam="Regiodeal", bron="rijk"), door=beheerder
        )
    assert "bestaat al" in " ".join(fout.value.messages)
