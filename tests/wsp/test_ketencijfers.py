"""Chain figures of the warme overdracht (issue 23, point 6): what each figure counts."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import GemeenteFactory, OrganisatieFactory
from tests.wsp.factories import (
    KandidaatFactory,
    NazorgMomentFactory,
    OverdrachtFactory,
    PlaatsingFactory,
    VoordrachtFactory,
)
from werkcentrum.models import Organisatie
from wsp.models import NazorgMoment, Overdracht
from wsp.selectors_keten import keten_cijfers

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")
VAN, TOT = date(2026, 1, 1), date(2026, 6, 30)
IN_PERIODE = datetime(2026, 3, 2, 10, 0, tzinfo=AMS)


def overdracht(regio, **kw):
    kw.setdefault("aangeboden_op", IN_PERIODE)
    return OverdrachtFactory(regio=regio, **kw)


def aangenomen(regio, **kw):
    kandidaat = KandidaatFactory(regio=regio)
    return overdracht(regio, status=Overdracht.Status.AANGENOMEN, kandidaat=kandidaat, **kw)


def cijfers(regio, **kw):
    return keten_cijfers(regio=regio, van=kw.pop("van", VAN), tot=kw.pop("tot", TOT), **kw)


def rij(data, bron):
    return next(r for r in data["rijen"] if r["bron"] == bron)


def test_every_source_has_a_row_and_the_total_is_their_sum(regio_a):
    uwv = OrganisatieFactory(regio=regio_a, type=Organisatie.Type.UWV)
    overdracht(regio_a)
    overdracht(regio_a, bron=Overdracht.Bron.UWV, organisatie=uwv)
    aangenomen(regio_a, bron=Overdracht.Bron.UWV, organisatie=uwv)
    data = cijfers(regio_a)
    assert [r["bron"] for r in data["rijen"]] == ["werkcentrum", "uwv", "gemeente", "reintegratie"]
    assert rij(data, "werkcentrum")["overgedragen"] == 1
    assert rij(data, "uwv")["overgedragen"] == 2
    assert rij(data, "uwv")["aangenomen"] == 1
    assert rij(data, "gemeente")["overgedragen"] == 0
    assert data["totaal"]["overgedragen"] == 3
    assert data["totaal"]["aangenomen"] == 1


def test_a_returned_handover_is_handed_over_but_not_accepted(regio_a):
    overdracht(regio_a, status=Overdracht.Status.TERUGGEGEVEN, reden_teruggave="Nog niet werkfit")
    overdracht(regio_a)  # still open
    t = cijfers(regio_a)["totaal"]
    assert (t["overgedragen"], t["aangenomen"], t["teruggegeven"]) == (2, 0, 1)


def test_a_kandidaat_with_two_voordrachten_is_voorgedragen_once(regio_a):
    o = aangenomen(regio_a)
    VoordrachtFactory(regio=regio_a, kandidaat=o.kandidaat)
    VoordrachtFactory(regio=regio_a, kandidaat=o.kandidaat)
    aangenomen(regio_a)  # accepted, never proposed
    t = cijfers(regio_a)["totaal"]
    assert (t["aangenomen"], t["voorgedragen"], t["geplaatst"]) == (2, 1, 0)


def test_placed_counts_the_handover_once_however_many_plaatsingen(regio_a):
    o = aangenomen(regio_a)
    PlaatsingFactory(kandidaat=o.kandidaat, werkgever__regio=regio_a)
    PlaatsingFactory(kandidaat=o.kandidaat, werkgever__regio=regio_a)
    t = cijfers(regio_a)["totaal"]
    assert (t["geplaatst"], t["duurzaam"]) == (1, 0)


@pytest.mark.parametrize(
    ("soort", "afgerond", "nog_in_dienst", "duurzaam"),
    [
        (NazorgMoment.Soort.VIJF_MAANDEN, date(2026, 9, 1), True, 1),
        (NazorgMoment.Soort.VIJF_MAANDEN, None, None, 0),  # not done yet
        (NazorgMoment.Soort.VIJF_MAANDEN, date(2026, 9, 1), False, 0),  # left the job
        (NazorgMoment.Soort.TWEE_MAANDEN, date(2026, 6, 1), True, 0),  # only 2 months
    ],
)
def test_duurzaam_only_after_the_five_month_nazorg_confirmed_still_in_dienst(
    regio_a, soort, afgerond, nog_in_dienst, duurzaam
):
    o = aangenomen(regio_a)
    plaatsing = PlaatsingFactory(kandidaat=o.kandidaat, werkgever__regio=regio_a)
    NazorgMomentFactory(
        plaatsing=plaatsing,
        soort=soort,
        afgerond_op=afgerond,
        uitkomst="goed" if afgerond else "",
        nog_in_dienst=nog_in_dienst,
    )
    t = cijfers(regio_a)["totaal"]
    assert (t["geplaatst"], t["duurzaam"]) == (1, duurzaam)


def test_another_regio_is_never_counted(regio_a, regio_b):
    o = aangenomen(regio_b)
    PlaatsingFactory(kandidaat=o.kandidaat, werkgever__regio=regio_b)
    overdracht(regio_b)
    assert cijfers(regio_a)["totaal"]["overgedragen"] == 0
    assert cijfers(regio_b)["totaal"]["overgedragen"] == 2


def test_period_boundaries_are_amsterdam_dates(regio_a):
    # 30 June 23:30 in Amsterdam is 21:30 UTC: June. 1 July 00:30 in Amsterdam is still
    # 30 June in UTC: July, so not in the first half year.
    overdracht(regio_a, aangeboden_op=datetime(2026, 6, 30, 23, 30, tzinfo=AMS))
    overdracht(regio_a, aangeboden_op=datetime(2026, 7, 1, 0, 30, tzinfo=AMS))
    overdracht(regio_a, aangeboden_op=datetime(2026, 1, 1, 0, 15, tzinfo=AMS))
    overdracht(regio_a, aangeboden_op=datetime(2025, 12, 31, 23, 45, tzinfo=AMS))
    assert cijfers(regio_a)["totaal"]["overgedragen"] == 2
    tweede = cijfers(regio_a, van=date(2026, 7, 1), tot=date(2026, 12, 31))
    assert tweede["totaal"]["overgedragen"] == 1


def test_gemeente_filter_counts_only_that_woongemeente(regio_a):
    haarlem = GemeenteFactory(regio=regio_a)
    overdracht(regio_a, woongemeente=haarlem)
    overdracht(regio_a)
    assert cijfers(regio_a, gemeente=haarlem)["totaal"]["overgedragen"] == 1
    assert cijfers(regio_a)["totaal"]["overgedragen"] == 2


def _ketens(regio, aantal):
    for _i in range(aantal):
        o = aangenomen(regio, bron=Overdracht.Bron.GEMEENTE)
        p = PlaatsingFactory(kandidaat=o.kandidaat, werkgever__regio=regio)
        VoordrachtFactory(regio=regio, kandidaat=o.kandidaat)
        NazorgMomentFactory(
            plaatsing=p,
            soort=NazorgMoment.Soort.VIJF_MAANDEN,
            afgerond_op=date(2026, 9, 1),
            uitkomst="goed",
            nog_in_dienst=True,
        )


def test_one_query_whatever_the_number_of_handovers(regio_a):
    _ketens(regio_a, 1)
    with CaptureQueriesContext(connection) as een:
        cijfers(regio_a)
    _ketens(regio_a, 4)
    with CaptureQueriesContext(connection) as vijf:
        data = cijfers(regio_a)
    assert len(een) == len(vijf) == 1
    assert rij(data, "gemeente")["duurzaam"] == 5
