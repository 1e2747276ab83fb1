"""The ledger rules hold under concurrent requests (PostgreSQL, parallel transactions).

Each thread has its own database connection and runs a service in its own transaction. The
balance check is slowed down (it sleeps after reading), so without row locks both threads
would read the same balance and both succeed; with SELECT ... FOR UPDATE the second waits
for the first to commit and is then refused."""

import threading
import time
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from financien import services
from financien.models import Mutatie
from tests.financien.conftest import DAG
from tests.financien.factories import BegrotingspostFactory, BesluitFactory, GeldstroomFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _alleen_postgresql(transactional_db):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (row locks and parallel transactions)")


def _traag(monkeypatch, naam: str) -> None:
    """Slow `naam` down in every module of the services package that calls it."""
    from financien.services import boekingen, controles, stamgegevens

    modules = [m for m in (controles, boekingen, stamgegevens) if hasattr(m, naam)]
    origineel = getattr(modules[0], naam)

    def traag(*args, **kwargs):
        uitkomst = origineel(*args, **kwargs)
        time.sleep(0.5)  # the window in which an unlocked competitor would read the same
        return uitkomst

    for module in modules:
        monkeypatch.setattr(module, naam, traag)


def _parallel(*taken) -> list:
    """Run the callables at the same moment in threads; return result or exception each."""
    start = threading.Barrier(len(taken))
    uitkomsten: list = [None] * len(taken)

    def draai(i, taak):
        try:
            start.wait()
            uitkomsten[i] = taak()
        except Exception as exc:  # collected and asserted on by the test
            uitkomsten[i] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=draai, args=(i, t)) for i, t in enumerate(taken)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    return uitkomsten


@pytest.fixture
def opzet(regio_a, beheerder):
    fonds = GeldstroomFactory(regio=regio_a)
    post = BegrotingspostFactory(regio=regio_a)
    services.storting_boeken(
        geldstroom=fonds, datum=DAG, bedrag="10000.00", omschrijving="s", door=beheerder
    )
    return fonds, post


def _verplichting(fonds, besluit, post, door, bedrag):
    return lambda: services.verplichting_boeken(
        geldstroom=fonds,
        besluit=besluit,
        begrotingspost=post,
        datum=DAG,
        bedrag=bedrag,
        omschrijving="parallel",
        door=door,
    )


def _een_gelukt_een_geweigerd(uitkomsten) -> None:
    gelukt = [u for u in uitkomsten if isinstance(u, Mutatie)]
    geweigerd = [u for u in uitkomsten if isinstance(u, ValidationError)]
    assert (len(gelukt), len(geweigerd)) == (1, 1), uitkomsten


def test_two_verplichtingen_together_over_the_besluit_cannot_both_succeed(
    opzet, regio_a, beheerder, monkeypatch
):
    fonds, post = opzet
    besluit = BesluitFactory(regio=regio_a, bedrag="1000.00")
    _traag(monkeypatch, "besluit_ruimte")
    uitkomsten = _parallel(
        _verplichting(fonds, besluit, post, beheerder, "600.00"),
        _verplichting(fonds, besluit, post, beheerder, "600.00"),
    )
    _een_gelukt_een_geweigerd(uitkomsten)
    assert services.besluit_ruimte(besluit) == Decimal("400.00")


def test_two_verplichtingen_cannot_make_a_fund_negative(opzet, regio_a, beheerder, monkeypatch):
    fonds, post = opzet
    b1 = BesluitFactory(regio=regio_a, bedrag="8000.00")
    b2 = BesluitFactory(regio=regio_a, bedrag="8000.00")
    _traag(monkeypatch, "geldstroom_saldi")
    uitkomsten = _parallel(
        _verplichting(fonds, b1, post, beheerder, "6000.00"),
        _verplichting(fonds, b2, post, beheerder, "6000.00"),
    )
    _een_gelukt_een_geweigerd(uitkomsten)
    assert services.geldstroom_saldi(fonds).vrij == Decimal("4000.00")


def test_two_onttrekkingen_cannot_overdraw_a_verplichting(opzet, regio_a, beheerder, monkeypatch):
    fonds, post = opzet
    besluit = BesluitFactory(regio=regio_a, bedrag="5000.00")
    v = _verplichting(fonds, besluit, post, beheerder, "1000.00")()
    _traag(monkeypatch, "verplichting_openstaand")

    def realisatie():
        return services.realisatie_boeken(
            verplichting=v, datum=DAG, bedrag="700.00", omschrijving="factuur", door=beheerder
        )

    _een_gelukt_een_geweigerd(_parallel(realisatie, realisatie))
    stand = services.geldstroom_saldi(fonds)
    assert stand.gerealiseerd == Decimal("700.00")
    assert stand.saldo == Decimal("9300.00") and stand.openstaand == Decimal("300.00")


def test_withdrawing_a_storting_and_committing_it_cannot_both_succeed(
    opzet, regio_a, beheerder, monkeypatch
):
    fonds, post = opzet
    besluit = BesluitFactory(regio=regio_a, bedrag="20000.00")
    storting = Mutatie.objects.get(geldstroom=fonds)
    _traag(monkeypatch, "geldstroom_saldi")

    def corrigeren():
        return services.mutatie_corrigeren(
            mutatie=storting, datum=DAG, omschrijving="terug", door=beheerder
        )

    _een_gelukt_een_geweigerd(
        _parallel(corrigeren, _verplichting(fonds, besluit, post, beheerder, "9000.00"))
    )
    assert services.geldstroom_saldi(fonds).vrij >= 0


def _traag_na_validatie(monkeypatch, model) -> None:
    origineel = model.full_clean

    def traag(self, *args, **kwargs):
        origineel(self, *args, **kwargs)
        time.sleep(0.5)  # both requests validated and are about to insert

    monkeypatch.setattr(model, "full_clean", traag)


@pytest.mark.parametrize("venster", ["na_kenmerkcontrole", "na_validatie"])
def test_same_kenmerk_booked_twice_at_once_gives_one_booking_and_a_dutch_error(
    opzet, regio_a, beheerder, monkeypatch, venster
):
    """Two funds, so no shared row lock queues the requests. The loser either meets the
    winner in model validation or, when both validated first, in the database's unique index
    (IntegrityError); both end in the same message on kenmerk."""
    fonds, _post = opzet
    ander = GeldstroomFactory(regio=regio_a, naam="Tweede fonds")
    if venster == "na_kenmerkcontrole":
        _traag(monkeypatch, "_kenmerk_controleren")
    else:
        _traag_na_validatie(monkeypatch, Mutatie)

    def storting(geldstroom):
        return lambda: services.storting_boeken(
            geldstroom=geldstroom,
            datum=DAG,
            bedrag="250.00",
            omschrijving="factuur",
            door=beheerder,
            kenmerk="FACT-2025-017",
        )

    uitkomsten = _parallel(storting(fonds), storting(ander))
    _een_gelukt_een_geweigerd(uitkomsten)
    fout = next(u for u in uitkomsten if isinstance(u, ValidationError))
    assert fout.message_dict == {
        "kenmerk": ["Het kenmerk FACT-2025-017 is in deze regio al gebruikt."]
    }
    assert Mutatie.objects.filter(kenmerk="FACT-2025-017").count() == 1
    from werkcentrum.models import AuditEvent

    # One mutatie, one audit event: the loser left nothing behind.
    assert AuditEvent.objects.filter(event="financien_mutatie_geboekt").count() == 2  # + opzet


def test_same_new_begroting_line_created_twice_at_once(opzet, regio_a, beheerder, monkeypatch):
    from financien.models import Begrotingsregel

    _fonds, post = opzet
    _traag_na_validatie(monkeypatch, Begrotingsregel)  # both found no line yet

    def vaststellen(bedrag):
        return lambda: services.begroting_vaststellen(
            regio=regio_a, jaar=2026, begrotingspost=post, begroot=bedrag, door=beheerder
        )

    uitkomsten = _parallel(vaststellen("100000.00"), vaststellen("120000.00"))
    gelukt = [u for u in uitkomsten if isinstance(u, Begrotingsregel)]
    geweigerd = [u for u in uitkomsten if isinstance(u, ValidationError)]
    assert (len(gelukt), len(geweigerd)) == (1, 1), uitkomsten
    assert list(geweigerd[0].message_dict) == ["begrotingspost"]
    assert "zojuist vastgesteld" in geweigerd[0].message_dict["begrotingspost"][0]
    regel = Begrotingsregel.objects.get(jaar=2026, begrotingspost=post)
    assert regel.begroot == gelukt[0].begroot
