import io
import random

import pytest

from werkcentrum.demo import DemoContext
from wsp.factsheets.demo import factsheets
from wsp.models import Factsheet, FactsheetOntvanger

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent(regio_a, haarlem, heemstede):
    for _ in range(2):
        factsheets(DemoContext(regio=regio_a, rng=random.Random(1), scale=1, stdout=io.StringIO()))
    assert FactsheetOntvanger.objects.filter(regio=regio_a).count() == 3
    fs = Factsheet.objects.get(regio=regio_a)
    assert fs.versie == 1 and fs.gepubliceerd and fs.verstuurd_op is not None
