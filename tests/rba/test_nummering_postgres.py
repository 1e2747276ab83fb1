"""Gap-free, distinct numbers when many transactions record besluiten at the same moment."""

import threading
from datetime import date

import pytest
from django.db import connection, connections

from rba import services
from rba.models import Besluit, BesluitTeller
from tests.factories import RegioFactory
from tests.rba.factories import OverlegorgaanFactory

DRADEN = 8
PER_DRAAD = 3


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_parallel_transactions_get_distinct_gap_free_numbers():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (row locks across parallel transactions)")
    regio = RegioFactory(code="parallel", naam="Parallel")
    orgaan = OverlegorgaanFactory(regio=regio, afkorting="RBA", naam="RBA")
    start = threading.Barrier(DRADEN)
    fouten: list[BaseException] = []

    def werk(i: int) -> None:
        try:
            start.wait(timeout=10)
            for j in range(PER_DRAAD):
                services.besluit_vastleggen(
                    orgaan=orgaan,
                    datum=date(2025, 5, 1),
                    titel=f"Besluit {i}-{j}",
                    besluittekst="Parallel vastgelegd.",
                    door=None,
                )
        except BaseException as exc:
            fouten.append(exc)
        finally:
            connections.close_all()  # each thread had its own connection

    draden = [threading.Thread(target=werk, args=(i,)) for i in range(DRADEN)]
    for d in draden:
        d.start()
    for d in draden:
        d.join(timeout=60)
    assert not fouten, fouten
    nummers = sorted(Besluit.objects.filter(orgaan=orgaan).values_list("nummer", flat=True))
    totaal = DRADEN * PER_DRAAD
    assert nummers == [f"RBA-2025-{n:03d}" for n in range(1, totaal + 1)]
    assert BesluitTeller.objects.get(regio=regio, voorvoegsel="RBA", jaar=2025).laatste == totaal


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_postgresql_trigger_refuses_raw_update_and_delete_of_a_taken_besluit():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (trigger)")
    from django.db import DatabaseError, transaction

    regio = RegioFactory(code="trigger", naam="Trigger")
    orgaan = OverlegorgaanFactory(regio=regio, afkorting="RBA", naam="RBA")
    besluit = services.besluit_nemen(
        orgaan=orgaan,
        datum=date(2025, 1, 8),
        titel="t",
        besluittekst="b",
        besluitvorming=Besluit.Besluitvorming.SCHRIFTELIJK,
        door=None,
    )
    for sql in (
        "UPDATE rba_besluit SET titel = 'x' WHERE id = %s",
        "DELETE FROM rba_besluit WHERE id = %s",
    ):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as c:
            c.execute(sql, [besluit.pk])
    assert Besluit.objects.get(pk=besluit.pk).titel == "t"
