"""Hand-made data with known answers for the factsheet of 2025-H1 (regio_a)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from financien.models import Mutatie
from loket.models import Doorverwijzing, Traject
from tests.factories import GemeenteFactory, LocatieFactory, OrganisatieFactory
from tests.financien.factories import GeldstroomFactory
from tests.loket.factories import DoorverwijzingFactory, GesprekFactory, VraagFactory
from tests.wsp.factories import (
    KandidaatFactory,
    NazorgMomentFactory,
    PlaatsingFactory,
    VerzoekFactory,
    WerkgeverFactory,
    sector,
)
from wsp.keuzes import Doelgroep
from wsp.models import Activiteit, Doelstelling, NazorgMoment

AMS = ZoneInfo("Europe/Amsterdam")
VANDAAG = date(2025, 7, 15)
DOELEN_2025 = {"wajong": 25, "wia": 20, "ww": 140, "pwet": 120, "oekraine": 80, "overig": 40}


def _tijd(d: date, uur: int = 10) -> datetime:
    return datetime(d.year, d.month, d.day, uur, tzinfo=AMS)


@pytest.fixture
def haarlem(regio_a):
    return GemeenteFactory(regio=regio_a, naam="Haarlem", cbs_code="GM0392")


@pytest.fixture
def heemstede(regio_a):
    return GemeenteFactory(regio=regio_a, naam="Heemstede", cbs_code="GM0397")


@pytest.fixture
def manager(maak_gebruiker):
    return maak_gebruiker("wsp_manager")


@pytest.fixture
def data(regio_a, regio_b, haarlem, heemstede):
    """Known answers for 2025-H1 (regio): see test_selectors."""
    for dg, n in DOELEN_2025.items():
        Doelstelling.objects.create(regio=regio_a, jaar=2025, doelgroep=dg, aantal=n)
    zorg = WerkgeverFactory(regio=regio_a, sector=sector("zorg-welzijn"))
    horeca = WerkgeverFactory(regio=regio_a, sector=sector("horeca"))

    def plaats(werkgever, gemeente, doelgroep, start):
        k = KandidaatFactory(regio=regio_a, woongemeente=gemeente, doelgroep=doelgroep)
        return PlaatsingFactory(werkgever=werkgever, kandidaat=k, startdatum=start)

    # 2025-H1: WW 3 (Haarlem 2, Heemstede 1), P-wet 2 (Haarlem), Wajong 1 (Heemstede) = 6;
    # cluster Zorg en Welzijn 4 (focussector), Handel en Facilitaire diensten 2.
    p1 = plaats(zorg, haarlem, Doelgroep.WW, date(2025, 1, 1))
    plaats(zorg, haarlem, Doelgroep.WW, date(2025, 2, 10))
    p3 = plaats(zorg, heemstede, Doelgroep.WW, date(2025, 6, 30))
    plaats(horeca, haarlem, Doelgroep.PWET, date(2025, 3, 3))
    plaats(horeca, haarlem, Doelgroep.PWET, date(2025, 4, 4))
    plaats(zorg, heemstede, Doelgroep.WAJONG, date(2025, 5, 5))
    # Outside the period: 2024-H2 (WW 1), 2024-H1 (P-wet 2), 2025-H2 (1), and another regio.
    plaats(zorg, haarlem, Doelgroep.WW, date(2024, 12, 31))
    plaats(horeca, heemstede, Doelgroep.PWET, date(2024, 1, 15))
    plaats(horeca, heemstede, Doelgroep.PWET, date(2024, 6, 1))
    plaats(zorg, haarlem, Doelgroep.WW, date(2025, 7, 1))
    PlaatsingFactory(werkgever=WerkgeverFactory(regio=regio_b), startdatum=date(2025, 3, 1))

    # Nazorg due in 2025-H1: 3 planned, 2 done, 1 on time; one 5-month evaluation: duurzaam.
    NazorgMomentFactory(
        plaatsing=p1,
        vervaldatum=date(2025, 3, 1),
        afgerond_op=date(2025, 2, 28),
        uitkomst="goed",
    )
    NazorgMomentFactory(
        plaatsing=p1,
        soort=NazorgMoment.Soort.VIJF_MAANDEN,
        vervaldatum=date(2025, 6, 1),
        afgerond_op=date(2025, 6, 10),
        uitkomst="goed",
        nog_in_dienst=True,
    )
    NazorgMomentFactory(plaatsing=p3, vervaldatum=date(2025, 5, 1))

    # Activiteiten 2025-H1: 2 events, 1 praktijkroute; one event in 2024-H1.
    for soort, d, wg, wz, pl in [
        ("event", date(2025, 3, 27), 40, 300, 12),
        ("event", date(2025, 5, 20), 10, 50, 3),
        ("praktijkroute", date(2025, 2, 1), 0, 8, 2),
        ("event", date(2024, 3, 28), 30, 200, 9),
    ]:
        Activiteit.objects.create(
            regio=regio_a,
            soort=soort,
            naam=f"{soort} {d}",
            datum=d,
            aantal_werkgevers=wg,
            aantal_werkzoekenden=wz,
            aantal_plaatsingen=pl,
        )

    # Werkgeversverzoeken 2025-H1: 4, of which 2 answered within 24 hours.
    for uren in (2, 23, 30, None):
        VerzoekFactory(
            regio=regio_a,
            ontvangen_op=_tijd(date(2025, 3, 3)),
            reactietijd=timedelta(hours=uren) if uren is not None else None,
        )

    # Loket 2025-H1: 3 gesprekken (2 at Loket Centrum, Haarlem), 3 referrals (1 ok, 1 not,
    # 1 open: success 50%), 2 questions (1 on time), 1 traject.
    locatie = LocatieFactory(regio=regio_a, naam="Loket Centrum")
    g1 = GesprekFactory(
        regio=regio_a, datum=date(2025, 2, 2), locatie=locatie, woongemeente=haarlem
    )
    GesprekFactory(regio=regio_a, datum=date(2025, 4, 2), locatie=locatie, woongemeente=haarlem)
    GesprekFactory(regio=regio_a, datum=date(2025, 6, 2), woongemeente=heemstede)
    GesprekFactory(regio=regio_a, datum=date(2024, 2, 2), locatie=locatie)
    for status in (
        Doorverwijzing.Status.AFGEROND,
        Doorverwijzing.Status.NIET_GELUKT,
        Doorverwijzing.Status.VERSTUURD,
    ):
        DoorverwijzingFactory(
            regio=regio_a,
            gesprek=g1,
            status=status,
            verstuurd_op=_tijd(date(2025, 2, 3)),
            reden_niet_gelukt="geen plek" if status == "niet_gelukt" else "",
        )
    VraagFactory(
        regio=regio_a,
        gemeente=haarlem,
        ontvangen_op=_tijd(date(2025, 3, 1)),
        antwoord_uiterlijk=date(2025, 3, 5),
        beantwoord_op=_tijd(date(2025, 3, 4)),
    )
    VraagFactory(
        regio=regio_a,
        ontvangen_op=_tijd(date(2025, 3, 1)),
        antwoord_uiterlijk=date(2025, 3, 5),
        beantwoord_op=_tijd(date(2025, 3, 9)),
    )
    Traject.objects.create(
        regio=regio_a,
        soort=Traject.Soort.WERKFIT,
        aanbieder=OrganisatieFactory(regio=regio_a),
        gesprek=g1,
        startdatum=date(2025, 4, 1),
        kosten=Decimal("1500.00"),
        toestemming_gegevens="naam",
        toestemming_op=_tijd(date(2025, 4, 1)),
        toestemming_door=g1.gids,
    )

    # Reserve up to 2025-06-30: gestort 100.00 + 1000.00 + 250.50 = 1350.50 (the storting of
    # August is later); up to 2024-12-31: 100.00.
    geldstroom = GeldstroomFactory(regio=regio_a)
    for rubriek, d, bedrag in [
        ("storting", date(2024, 9, 1), "100.00"),
        ("storting", date(2025, 2, 1), "1000.00"),
        ("storting", date(2025, 5, 1), "250.50"),
        ("storting", date(2025, 8, 1), "5000.00"),
    ]:
        Mutatie.objects.create(
            regio=regio_a,
            soort=rubriek,
            rubriek=rubriek,
            datum=d,
            bedrag=Decimal(bedrag),
            geldstroom=geldstroom,
        )
    return {"regio": regio_a, "haarlem": haarlem, "heemstede": heemstede}
