"""The loket books traject costs only on a besluit that counts as genomen (rba.genomen_q):
a besluit dated in the future is a voorstel, and the regio's setting refuses it."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from loket.models import LoketInstelling
from rba.models import Besluit
from tests.rba.factories import BesluitFactory, OverlegorgaanFactory

pytestmark = pytest.mark.django_db


def test_the_traject_besluit_must_count_as_genomen(regio_a):
    orgaan = OverlegorgaanFactory(regio=regio_a)
    soort = Besluit.Type.INZET_REGIONALE_MIDDELEN
    geld = {"type": soort, "bedrag": Decimal("10000.00")}
    genomen = BesluitFactory(orgaan=orgaan, datum=date(2025, 3, 19), **geld)
    toekomst = BesluitFactory(orgaan=orgaan, datum=date.today() + timedelta(days=40), **geld)
    instelling = LoketInstelling(regio=regio_a, traject_besluit=genomen)
    instelling.clean()
    instelling.traject_besluit = toekomst
    with pytest.raises(ValidationError) as fout:
        instelling.clean()
    assert "traject_besluit" in fout.value.message_dict
