"""The ledger rules of issue 6, each through the services."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from financien import services
from financien.models import Mutatie
from financien.saldi import saldi
from rba.models import Besluit
from tests.financien.conftest import DAG
from tests.financien.factories import BegrotingspostFactory, BesluitFactory, GeldstroomFactory
from werkcentrum.models import AuditEvent

pytestmark = pytest.mark.django_db


def storting(fonds, beheerder, bedrag="10000.00", datum=DAG):
    return services.storting_boeken(
        geldstroom=fonds, datum=datum, bedrag=bedrag, omschrijving="Uitkering", door=beheerder
    )


def verplichting(fonds, besluit, post, beheerder, bedrag="1000.00", datum=DAG):
    return services.verplichting_boeken(
        geldstroom=fonds,
        besluit=besluit,
        begrotingspost=post,
        datum=datum,
        bedrag=bedrag,
        omschrijving="Opdracht",
        door=beheerder,
    )


def fout(exc: pytest.ExceptionInfo) -> str:
    return " ".join(exc.value.messages)


def test_a_storting_raises_the_free_balance_and_is_audited(fonds, beheerder):
    mutatie = storting(fonds, beheerder, "76921.00")
    stand = services.geldstroom_saldi(fonds)
    assert (stand.gestort, stand.vrij, stand.saldo) == (Decimal("76921.00"),) * 3
    event = AuditEvent.objects.get(event="financien_mutatie_geboekt")
    assert event.object_id == str(mutatie.pk)
    assert event.gebruiker == beheerder
    assert event.details["bedrag"] == "76921.00"


@pytest.mark.parametrize(
    ("bedrag", "melding"),
    [
        ("10.005", "twee cijfers achter de komma"),
        (Decimal("0.001"), "twee cijfers achter de komma"),
        ("-5.00", "groter zijn dan nul"),
        ("0", "groter zijn dan nul"),
        ("tien", "geen geldig bedrag"),
        (10.5, "niet als float"),
    ],
)
def test_bad_amounts_are_refused_with_a_dutch_message_and_nothing_is_written(
    fonds, beheerder, bedrag, melding
):
    with pytest.raises(ValidationError) as exc:
        storting(fonds, beheerder, bedrag)
    assert melding in fout(exc)
    assert not Mutatie.objects.exists()
    assert not AuditEvent.objects.exists()


def test_a_booking_date_in_the_future_is_refused(fonds, beheerder):
    with pytest.raises(ValidationError, match="toekomst"):
        storting(fonds, beheerder, datum=date(2999, 1, 1))


def test_a_verplichting_needs_a_taken_besluit(fonds, post, beheerder, regio_a):
    storting(fonds, beheerder)
    voorgesteld = BesluitFactory(regio=regio_a, status=Besluit.Status.VOORGESTELD, bedrag=None)
    with pytest.raises(ValidationError) as exc:
        verplichting(fonds, voorgesteld, post, beheerder)
    assert "niet genomen" in fout(exc)
    assert Mutatie.objects.count() == 1


def test_a_verplichting_needs_a_besluit_about_regional_money(fonds, post, beheerder, regio_a):
    storting(fonds, beheerder)
    advies = BesluitFactory(regio=regio_a, type=Besluit.Type.ADVIES, bedrag=None)
    with pytest.raises(ValidationError, match="inzet van regionale middelen"):
        verplichting(fonds, advies, post, beheerder)


def test_a_besluit_without_amount_gives_no_room():
    # rba's own constraint keeps a genomen inzet-besluit from lacking an amount, so the
    # interface is checked on an unsaved instance.
    besluit = Besluit(
        nummer="2025/1",
        type=Besluit.Type.INZET_REGIONALE_MIDDELEN,
        status=Besluit.Status.GENOMEN,
        bedrag=None,
    )
    with pytest.raises(ValidationError, match="geen bedrag"):
        services.besluit_bruikbaar(besluit)


def test_a_verplichting_without_besluit_is_refused(fonds, post, beheerder):
    storting(fonds, beheerder)
    with pytest.raises(ValidationError, match="genomen RBA-besluit"):
        verplichting(fonds, None, post, beheerder)


def test_a_besluit_of_another_regio_is_refused(fonds, post, beheerder, regio_b):
    storting(fonds, beheerder)
    with pytest.raises(ValidationError, match="andere regio"):
        verplichting(fonds, BesluitFactory(regio=regio_b), post, beheerder)


def test_verplichtingen_on_a_besluit_never_exceed_its_amount(fonds, besluit, post, beheerder):
    storting(fonds, beheerder, "100000.00")
    verplichting(fonds, besluit, post, beheerder, "30000.00")
    verplichting(fonds, besluit, post, beheerder, "20000.00")
    with pytest.raises(ValidationError) as exc:
        verplichting(fonds, besluit, post, beheerder, "0.01")
    assert "€ 0,00 ruimte" in fout(exc)
    assert services.besluit_ruimte(besluit) == Decimal("0.00")


def test_the_free_balance_of_a_fund_never_goes_below_zero(fonds, besluit, post, beheerder):
    storting(fonds, beheerder, "1000.00")
    verplichting(fonds, besluit, post, beheerder, "600.00")
    with pytest.raises(ValidationError) as exc:
        verplichting(fonds, besluit, post, beheerder, "400.01")
    assert "vrije ruimte" in fout(exc)
    assert services.geldstroom_saldi(fonds).vrij == Decimal("400.00")


def test_a_fund_past_its_end_date_takes_no_new_verplichting(regio_a, besluit, post, beheerder):
    fonds = GeldstroomFactory(
        regio=regio_a, naam="Dichterbij dan je Denkt", einddatum=date(2025, 9, 1)
    )
    storting(fonds, beheerder, "200000.00", datum=date(2022, 6, 1))
    verplichting(fonds, besluit, post, beheerder, datum=date(2025, 9, 1))  # last day is fine
    with pytest.raises(ValidationError) as exc:
        verplichting(fonds, besluit, post, beheerder, datum=date(2025, 9, 2))
    assert "einddatum" in fout(exc)


def test_realisatie_never_exceeds_the_verplichting(fonds, besluit, post, beheerder):
    storting(fonds, beheerder)
    v = verplichting(fonds, besluit, post, beheerder, "1000.00")
    services.realisatie_boeken(
        verplichting=v, datum=DAG, bedrag="700.00", omschrijving="Factuur 1", door=beheerder
    )
    with pytest.raises(ValidationError) as exc:
        services.realisatie_boeken(
            verplichting=v, datum=DAG, bedrag="300.01", omschrijving="Factuur 2", door=beheerder
        )
    assert "€ 300,00 open" in fout(exc)
    stand = services.geldstroom_saldi(fonds)
    assert stand.gerealiseerd == Decimal("700.00")
    assert stand.saldo == Decimal("9300.00")
    assert stand.openstaand == Decimal("300.00")
    assert stand.vrij == Decimal("9000.00")


def test_realisatie_carries_the_besluit_of_its_verplichting(fonds, besluit, post, beheerder):
    storting(fonds, beheerder)
    v = verplichting(fonds, besluit, post, beheerder)
    r = services.realisatie_boeken(
        verplichting=v, datum=DAG, bedrag="10.00", omschrijving="x", door=beheerder
    )
    assert (r.besluit, r.begrotingspost, r.verplichting) == (besluit, post, v)


def test_vrijval_gives_room_back_to_fund_and_besluit(fonds, besluit, post, beheerder):
    storting(fonds, beheerder, "50000.00")
    v = verplichting(fonds, besluit, post, beheerder, "50000.00")
    services.realisatie_boeken(
        verplichting=v, datum=DAG, bedrag="45000.00", omschrijving="x", door=beheerder
    )
    services.vrijval_boeken(
        verplichting=v, datum=DAG, bedrag="5000.00", omschrijving="Rest", door=beheerder
    )
    assert services.verplichting_openstaand(v) == Decimal("0.00")
    assert services.besluit_ruimte(besluit) == Decimal("5000.00")
    assert services.geldstroom_saldi(fonds).vrij == Decimal("5000.00")
    with pytest.raises(ValidationError):
        services.vrijval_boeken(
            verplichting=v, datum=DAG, bedrag="0.01", omschrijving="x", door=beheerder
        )


def test_a_correctie_reverses_the_original_and_refers_to_it(fonds, beheerder):
    origineel = storting(fonds, beheerder, "1234.56")
    correctie = services.mutatie_corrigeren(
        mutatie=origineel, datum=DAG, omschrijving="Dubbel geboekt", door=beheerder
    )
    assert correctie.corrigeert == origineel
    assert (correctie.soort, correctie.rubriek, correctie.teken) == ("correctie", "storting", -1)
    assert services.geldstroom_saldi(fonds).gestort == Decimal("0.00")
    with pytest.raises(ValidationError, match="al gecorrigeerd"):
        services.mutatie_corrigeren(mutatie=origineel, datum=DAG, omschrijving="x", door=beheerder)
    with pytest.raises(ValidationError, match="niet opnieuw"):
        services.mutatie_corrigeren(mutatie=correctie, datum=DAG, omschrijving="x", door=beheerder)


def test_a_storting_whose_money_is_committed_cannot_be_reversed(fonds, besluit, post, beheerder):
    s = storting(fonds, beheerder, "1000.00")
    verplichting(fonds, besluit, post, beheerder, "1.00")
    with pytest.raises(ValidationError, match="vrije ruimte"):
        services.mutatie_corrigeren(mutatie=s, datum=DAG, omschrijving="x", door=beheerder)


def test_a_verplichting_is_reversed_only_after_its_realisaties(fonds, besluit, post, beheerder):
    storting(fonds, beheerder)
    v = verplichting(fonds, besluit, post, beheerder, "1000.00")
    r = services.realisatie_boeken(
        verplichting=v, datum=DAG, bedrag="100.00", omschrijving="x", door=beheerder
    )
    with pytest.raises(ValidationError, match="corrigeer die eerst"):
        services.mutatie_corrigeren(mutatie=v, datum=DAG, omschrijving="x", door=beheerder)
    services.mutatie_corrigeren(mutatie=r, datum=DAG, omschrijving="Verkeerd", door=beheerder)
    services.mutatie_corrigeren(mutatie=v, datum=DAG, omschrijving="Verkeerd", door=beheerder)
    stand = services.geldstroom_saldi(fonds)
    assert (stand.verplicht, stand.gerealiseerd, stand.vrij) == (0, 0, Decimal("10000.00"))
    assert services.besluit_ruimte(besluit) == Decimal("50000.00")
    with pytest.raises(ValidationError):
        services.realisatie_boeken(
            verplichting=v, datum=DAG, bedrag="1.00", omschrijving="x", door=beheerder
        )


def test_reversing_a_vrijval_needs_free_room_again(fonds, besluit, post, beheerder):
    storting(fonds, beheerder, "1000.00")
    v = verplichting(fonds, besluit, post, beheerder, "1000.00")
    vrijval = services.vrijval_boeken(
        verplichting=v, datum=DAG, bedrag="400.00", omschrijving="x", door=beheerder
    )
    verplichting(fonds, besluit, post, beheerder, "400.00")  # the room is used again
    with pytest.raises(ValidationError, match="vrije ruimte"):
        services.mutatie_corrigeren(mutatie=vrijval, datum=DAG, omschrijving="x", door=beheerder)


def test_every_balance_equals_the_sum_of_its_mutaties(fonds, besluit, post, beheerder):
    storting(fonds, beheerder, "500.00")
    v = verplichting(fonds, besluit, post, beheerder, "300.00")
    services.realisatie_boeken(
        verplichting=v, datum=DAG, bedrag="100.00", omschrijving="x", door=beheerder
    )
    effect = {r: Decimal(0) for r in Mutatie.Rubriek.values}
    for m in Mutatie.objects.all():
        effect[m.rubriek] += m.effect
    stand = saldi(Mutatie.objects.all())
    assert stand.gestort == effect["storting"]
    assert stand.gerealiseerd == effect["realisatie"]
    assert stand.verplicht == effect["verplichting"] - effect["vrijval"]


def test_traject_kosten_are_committed_and_realised_in_one_go(regio_a, besluit, post, beheerder):
    later = GeldstroomFactory(regio=regio_a, naam="Later", einddatum=date(2027, 1, 1))
    eerder = GeldstroomFactory(regio=regio_a, naam="Eerder", einddatum=date(2026, 1, 1))
    zonder = GeldstroomFactory(regio=regio_a, naam="Zonder einde")
    for f in (later, eerder, zonder):
        storting(f, beheerder, "1000.00")
    gids = beheerder  # the loket passes its own user
    v, r = services.traject_kosten_boeken(
        regio=regio_a,
        begrotingspost=post,
        bedrag="750.00",
        besluit=besluit,
        omschrijving="Traject werkfit",
        door=gids,
        realiseren=True,
        datum=DAG,
        kenmerk="traject-1",
    )
    assert v.geldstroom == eerder  # money that expires first is spent first
    assert r.verplichting == v and r.bedrag == Decimal("750.00")
    v2, r2 = services.traject_kosten_boeken(
        regio=regio_a,
        begrotingspost=post,
        bedrag="500.00",
        besluit=besluit,
        omschrijving="Traject opleiding",
        door=gids,
        realiseren=False,
        datum=DAG,
    )
    assert v2.geldstroom == later and r2 is None
    with pytest.raises(ValidationError, match="al geboekt"):
        services.traject_kosten_boeken(
            regio=regio_a,
            begrotingspost=post,
            bedrag="1.00",
            besluit=besluit,
            omschrijving="x",
            door=gids,
            realiseren=True,
            datum=DAG,
            kenmerk="traject-1",
        )


def test_traject_kosten_write_nothing_when_a_rule_fails(regio_a, post, beheerder, fonds):
    storting(fonds, beheerder, "100.00")
    klein = BesluitFactory(regio=regio_a, bedrag="50.00")
    with pytest.raises(ValidationError):
        services.traject_kosten_boeken(
            regio=regio_a,
            begrotingspost=post,
            bedrag="60.00",
            besluit=klein,
            omschrijving="x",
            door=beheerder,
            realiseren=True,
            datum=DAG,
        )
    assert Mutatie.objects.count() == 1


def test_begroting_is_set_per_year_and_line(regio_a, beheerder):
    post = BegrotingspostFactory(regio=regio_a)
    regel = services.begroting_vaststellen(
        regio=regio_a, jaar=2025, begrotingspost=post, begroot="120000.00", door=beheerder
    )
    regel2 = services.begroting_vaststellen(
        regio=regio_a, jaar=2025, begrotingspost=post, begroot="125000.00", door=beheerder
    )
    assert regel.pk == regel2.pk and regel2.begroot == Decimal("125000.00")
    with pytest.raises(ValidationError, match="twee cijfers"):
        services.begroting_vaststellen(
            regio=regio_a, jaar=2025, begrotingspost=post, begroot="1.234", door=beheerder
        )
