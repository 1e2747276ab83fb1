"""Property-based: any sequence of bookings keeps every balance equal to the sum of its
mutaties and never negative, and the services accept exactly what the rules allow.

A plain-Python model of the rules runs next to the services: for every step it predicts
acceptance or refusal, and after every step the SQL balances must equal the model's."""

from dataclasses import dataclass, field
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from financien import services
from financien.models import Mutatie
from tests.financien.conftest import DAG
from tests.financien.factories import BegrotingspostFactory, BesluitFactory, GeldstroomFactory

BEDRAG = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("3000"), places=2)
STAP = st.one_of(
    st.tuples(st.just("storting"), st.integers(0, 1), BEDRAG),
    st.tuples(st.just("verplichting"), st.integers(0, 1), st.integers(0, 1), BEDRAG),
    st.tuples(st.just("realisatie"), st.integers(0, 30), BEDRAG),
    st.tuples(st.just("vrijval"), st.integers(0, 30), BEDRAG),
    st.tuples(st.just("correctie"), st.integers(0, 30)),
)
NUL = Decimal("0.00")


@dataclass
class Model:
    gestort: list = field(default_factory=lambda: [NUL, NUL])
    verplicht: list = field(default_factory=lambda: [NUL, NUL])  # net, per fund
    gerealiseerd: list = field(default_factory=lambda: [NUL, NUL])
    besluit_verplicht: list = field(default_factory=lambda: [NUL, NUL])
    open: dict = field(default_factory=dict)  # verplichting pk -> open amount

    def vrij(self, f: int) -> Decimal:
        return self.gestort[f] - self.verplicht[f]


def _stap_uitvoeren(stap, *, m, fondsen, besluiten, post, door, mutaties, gecorrigeerd):
    soort = stap[0]
    if soort == "storting":
        _, f, a = stap
        services.storting_boeken(
            geldstroom=fondsen[f], datum=DAG, bedrag=a, omschrijving="s", door=door
        )
        m.gestort[f] += a
        return True
    if soort == "verplichting":
        _, f, b, a = stap
        toegestaan = a <= m.vrij(f) and a <= besluiten[b].bedrag - m.besluit_verplicht[b]
        try:
            v = services.verplichting_boeken(
                geldstroom=fondsen[f],
                besluit=besluiten[b],
                begrotingspost=post,
                datum=DAG,
                bedrag=a,
                omschrijving="v",
                door=door,
            )
        except ValidationError:
            assert not toegestaan
            return False
        assert toegestaan
        m.verplicht[f] += a
        m.besluit_verplicht[b] += a
        m.open[v.pk] = a
        return True
    kandidaten = (
        [x for x in mutaties if x.soort == "verplichting"] if soort != "correctie" else mutaties
    )
    if not kandidaten:
        return False
    doel = kandidaten[stap[1] % len(kandidaten)]
    f = fondsen.index(doel.geldstroom)
    if soort in ("realisatie", "vrijval"):
        a = stap[2]
        toegestaan = a <= m.open[doel.pk]
        functie = services.realisatie_boeken if soort == "realisatie" else services.vrijval_boeken
        try:
            functie(verplichting=doel, datum=DAG, bedrag=a, omschrijving=soort, door=door)
        except ValidationError:
            assert not toegestaan
            return False
        assert toegestaan
        m.open[doel.pk] -= a
        if soort == "realisatie":
            m.gerealiseerd[f] += a
        else:
            m.verplicht[f] -= a
            m.besluit_verplicht[besluiten.index(doel.besluit)] -= a
        return True
    return _correctie(doel, f, m=m, besluiten=besluiten, door=door, gecorrigeerd=gecorrigeerd)


def _correctie(doel, f, *, m, besluiten, door, gecorrigeerd):
    a = doel.bedrag
    b = besluiten.index(doel.besluit) if doel.besluit_id else None
    toegestaan = doel.soort != "correctie" and doel.pk not in gecorrigeerd
    if doel.soort == "storting":
        toegestaan = toegestaan and a <= m.vrij(f)
    elif doel.soort == "verplichting":
        toegestaan = toegestaan and m.open[doel.pk] == a
    elif doel.soort == "vrijval":
        toegestaan = (
            toegestaan and a <= m.vrij(f) and a <= besluiten[b].bedrag - m.besluit_verplicht[b]
        )
    try:
        services.mutatie_corrigeren(mutatie=doel, datum=DAG, omschrijving="c", door=door)
    except ValidationError:
        assert not toegestaan
        return False
    assert toegestaan
    gecorrigeerd.add(doel.pk)
    if doel.soort == "storting":
        m.gestort[f] -= a
    elif doel.soort == "verplichting":
        m.verplicht[f] -= a
        m.besluit_verplicht[b] -= a
        m.open[doel.pk] = NUL
    elif doel.soort == "realisatie":
        m.gerealiseerd[f] -= a
        m.open[doel.verplichting_id] += a
    elif doel.soort == "vrijval":
        m.verplicht[f] += a
        m.besluit_verplicht[b] += a
        m.open[doel.verplichting_id] += a
    return True


def _controleren(m, fondsen, besluiten):
    for f, fonds in enumerate(fondsen):
        stand = services.geldstroom_saldi(fonds)
        assert stand.gestort == m.gestort[f]
        assert stand.verplicht == m.verplicht[f]
        assert stand.gerealiseerd == m.gerealiseerd[f]
        assert stand.vrij >= 0 and stand.saldo >= 0 and stand.openstaand >= 0
        # The same figure straight from the rows, without SQL sums.
        rijen = list(Mutatie.objects.filter(geldstroom=fonds))
        assert stand.gestort == sum((r.effect for r in rijen if r.rubriek == "storting"), NUL)
    for b, besluit in enumerate(besluiten):
        ruimte = services.besluit_ruimte(besluit)
        assert ruimte == besluit.bedrag - m.besluit_verplicht[b]
        assert ruimte >= 0
    for pk, open_ in m.open.items():
        assert services.verplichting_openstaand(Mutatie.objects.get(pk=pk)) == open_ >= 0


@pytest.mark.django_db
@settings(
    max_examples=50,
    deadline=None,
    database=None,  # no example database in the shared checkout
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(stappen=st.lists(STAP, max_size=14))
def test_any_sequence_of_bookings_keeps_balances_exact_and_non_negative(
    stappen, regio_a, beheerder
):
    # Each example runs in its own transaction that is rolled back, so examples are
    # independent although pytest-django's db fixture is function-scoped.
    with transaction.atomic():
        fondsen = [GeldstroomFactory(regio=regio_a), GeldstroomFactory(regio=regio_a)]
        besluiten = [
            BesluitFactory(regio=regio_a, bedrag="2500.00"),
            BesluitFactory(regio=regio_a, bedrag="4000.00"),
        ]
        post = BegrotingspostFactory(regio=regio_a)
        m, gecorrigeerd = Model(), set()
        for stap in stappen:
            voor = list(Mutatie.objects.order_by("pk"))
            with transaction.atomic():
                _stap_uitvoeren(
                    stap,
                    m=m,
                    fondsen=fondsen,
                    besluiten=besluiten,
                    post=post,
                    door=beheerder,
                    mutaties=voor,
                    gecorrigeerd=gecorrigeerd,
                )
            _controleren(m, fondsen, besluiten)
        transaction.set_rollback(True)
