"""Every figure of the factsheet on hand-made data with known answers (see conftest)."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from tests.factsheets.conftest import VANDAAG
from wsp.factsheets.selectors import (
    Periode,
    factsheet_cijfers,
    gemeente_in_regio,
    valideer_bereik,
    valideer_periode,
)

H1 = Periode(2025, 1)


def tabel(cijfers: dict, code: str) -> dict:
    return {
        r["naam"]: r for r in next(t for t in cijfers["tabellen"] if t["code"] == code)["rijen"]
    }


def waarden(cijfers: dict, code: str, sleutel: str = "waarde") -> dict:
    return {naam: r[sleutel] for naam, r in tabel(cijfers, code).items()}


@pytest.fixture
def cijfers(data):
    return factsheet_cijfers(regio=data["regio"], periode=H1, vandaag=VANDAAG)


def test_periode_grenzen_en_vergelijkingen():
    assert (H1.van, H1.tot) == (date(2025, 1, 1), date(2025, 6, 30))
    h2 = Periode.uit_tekst("2025-H2")
    assert (h2.van, h2.tot) == (date(2025, 7, 1), date(2025, 12, 31))
    assert str(H1.vorige) == "2024-H2" and str(H1.jaar_eerder) == "2024-H1"
    assert str(h2.vorige) == "2025-H1"
    assert str(Periode.van_datum(date(2026, 1, 1)).vorige) == "2025-H2"


def test_plaatsingen_per_doelgroep_met_vergelijking(cijfers):
    dg = waarden(cijfers, "doelgroep")
    assert dg["WW"] == 3 and dg["P-wet"] == 2 and dg["Wajong"] == 1 and dg["WIA"] == 0
    assert dg["Totaal"] == 6
    assert waarden(cijfers, "doelgroep", "vorig_halfjaar")["Totaal"] == 1
    assert waarden(cijfers, "doelgroep", "vorig_jaar")["P-wet"] == 2


def test_doelstelling_en_verstreken_deel_van_het_jaar(cijfers):
    jaar = tabel(cijfers, "doelgroep_jaar")
    assert jaar["Totaal"]["doel"] == 425 and jaar["Totaal"]["waarde"] == 6
    assert jaar["WW"]["doel"] == 140 and jaar["WW"]["waarde"] == 3
    assert jaar["Oekraïne"]["doel"] == 80
    assert jaar["Totaal"]["procent_doel"] == round(100 * 6 / 425, 1)
    assert cijfers["doelstelling_jaar"] == 425
    assert cijfers["jaar_verstreken_pct"] == round(100 * 181 / 365, 1)


def test_cluster_en_focussector(cijfers):
    assert waarden(cijfers, "cluster") == {
        "Zorg en Welzijn": 4,
        "Handel en Facilitaire diensten": 2,
    }
    assert waarden(cijfers, "focussector") == {"In een focussector": 4, "Overige sectoren": 2}
    assert waarden(cijfers, "focussector_sector") == {"Zorg en Welzijn": 4}


def test_nazorg_op_tijd_en_duurzaam(cijfers):
    assert waarden(cijfers, "nazorg") == {
        "Nazorgmomenten gepland": 3,
        "Afgerond": 2,
        "Op tijd afgerond": 1,
        "Op tijd (%)": 33.3,
        "Evaluaties na 5 maanden": 1,
        "Duurzaam geplaatst": 1,
        "Duurzaam (%)": 100.0,
    }


def test_activiteiten(cijfers):
    act = waarden(cijfers, "activiteiten")
    assert act["Event"] == 2 and act["Praktijkroute"] == 1 and act["Jobhunters"] == 0
    assert waarden(cijfers, "activiteiten", "vorig_jaar")["Event"] == 1
    assert waarden(cijfers, "activiteiten_bereik") == {
        "Deelnemende werkgevers": 50,
        "Deelnemende werkzoekenden": 358,
        "Plaatsingen na activiteiten": 17,
    }


def test_werkgeversverzoeken_binnen_24_uur(cijfers):
    assert waarden(cijfers, "verzoeken") == {
        "Werkgeversverzoeken": 4,
        "Binnen 24 uur beantwoord": 2,
        "Binnen 24 uur (%)": 50.0,
    }


def test_bereik_loket(cijfers):
    assert waarden(cijfers, "gesprekken_locatie") == {"Loket Centrum": 2, "(geen locatie)": 1}
    assert waarden(cijfers, "gesprekken_locatie", "vorig_jaar")["Loket Centrum"] == 1
    assert sum(waarden(cijfers, "gesprekken_doelgroep").values()) == 3
    loket = waarden(cijfers, "loket")
    assert loket["Gesprekken"] == 3
    assert loket["Doorverwijzingen"] == 3 and loket["Doorverwijzingen gelukt"] == 1
    assert loket["Succes doorverwijzingen (%)"] == 50.0
    assert loket["Vragen"] == 2 and loket["Vragen op tijd beantwoord"] == 1
    assert loket["Trajecten gestart"] == 1


def test_reserve_positie(cijfers):
    assert waarden(cijfers, "reserve") == {
        "Gestort": "1350.50",
        "Verplicht": "0.00",
        "Gerealiseerd": "0.00",
        "Saldo": "1350.50",
        "Vrij besteedbaar": "1350.50",
    }
    assert waarden(cijfers, "reserve", "vorig_halfjaar")["Saldo"] == "100.00"


def test_per_gemeente(data):
    c = factsheet_cijfers(
        regio=data["regio"], periode=H1, gemeente=data["haarlem"], vandaag=VANDAAG
    )
    assert c["gemeente"] == "Haarlem"
    dg = waarden(c, "doelgroep")
    assert dg["WW"] == 2 and dg["P-wet"] == 2 and dg["Wajong"] == 0 and dg["Totaal"] == 4
    assert waarden(c, "doelgroep", "vorig_halfjaar")["Totaal"] == 1
    loket = waarden(c, "loket")
    assert loket["Gesprekken"] == 2 and loket["Vragen"] == 1 and loket["Trajecten gestart"] == 1
    codes = {t["code"] for t in c["tabellen"]}
    assert "reserve" not in codes and "verzoeken" not in codes  # regio-wide figures only


def test_filters_doelgroep_en_cluster(data):
    c = factsheet_cijfers(regio=data["regio"], periode=H1, doelgroep="pwet", vandaag=VANDAAG)
    assert waarden(c, "doelgroep")["Totaal"] == 2
    c = factsheet_cijfers(regio=data["regio"], periode=H1, cluster="zorg", vandaag=VANDAAG)
    assert waarden(c, "doelgroep")["Totaal"] == 4


def test_fout_periode_in_de_toekomst(data):
    with pytest.raises(ValidationError, match="ligt in de toekomst"):
        factsheet_cijfers(regio=data["regio"], periode=Periode(2025, 2), vandaag=date(2025, 6, 1))
    with pytest.raises(ValidationError, match="nog niet afgelopen"):
        valideer_periode(Periode(2025, 2), vandaag=date(2025, 8, 1), afgelopen=True)


def test_fout_onbekende_gemeente_en_periode(data, regio_b):
    with pytest.raises(ValidationError, match="Onbekende gemeente"):
        gemeente_in_regio(data["regio"], "GM9999")
    with pytest.raises(ValidationError, match="Onbekende gemeente"):
        gemeente_in_regio(regio_b, "GM0392")  # exists, but in another regio
    with pytest.raises(ValidationError, match="Onbekende periode"):
        Periode.uit_tekst("2025-H3")


def test_fout_einde_voor_begin():
    with pytest.raises(ValidationError, match="einddatum ligt vóór de begindatum"):
        valideer_bereik(date(2025, 6, 30), date(2025, 1, 1))


def test_aantal_queries_hangt_niet_af_van_de_data(data, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as leeg:
        factsheet_cijfers(regio=data["regio"], periode=Periode(2023, 1), vandaag=VANDAAG)
    with CaptureQueriesContext(connection) as vol:
        factsheet_cijfers(regio=data["regio"], periode=H1, vandaag=VANDAAG)
    assert len(leeg) == len(vol)


def test_eigen_bereik_met_vergelijking(data):
    c = factsheet_cijfers(
        regio=data["regio"],
        periode=H1,
        van=date(2025, 1, 1),
        tot=date(2025, 1, 31),
        vandaag=VANDAAG,
    )
    assert waarden(c, "doelgroep")["Totaal"] == 1  # 1 January
    with pytest.raises(ValidationError, match="einddatum ligt vóór de begindatum"):
        factsheet_cijfers(
            regio=data["regio"], periode=H1, van=date(2025, 2, 1), tot=date(2025, 1, 1)
        )


def test_uitstroom_telt_personen_die_aan_het_eind_van_het_halfjaar_nog_werken(data):
    """Next to the 6 plaatsingen of 2025-H1 (6 persons, all still working): a second job of a
    WW person (counted once), a P-wet job that ended in the half year, a WIA job whose nazorg
    recorded the person left, and an Oekraïne job ending after the half year (counted)."""
    from tests.wsp.factories import (
        KandidaatFactory,
        NazorgMomentFactory,
        PlaatsingFactory,
        WerkgeverFactory,
    )
    from wsp.models import NazorgMoment, Plaatsing

    regio, haarlem = data["regio"], data["haarlem"]
    werkgever = WerkgeverFactory(regio=regio)
    ww = Plaatsing.objects.get(regio=regio, doelgroep="ww", startdatum=date(2025, 1, 1))

    def plaats(doelgroep, start, eind=None, kandidaat=None):
        kandidaat = kandidaat or KandidaatFactory(
            regio=regio, woongemeente=haarlem, doelgroep=doelgroep
        )
        return PlaatsingFactory(
            werkgever=werkgever,
            kandidaat=kandidaat,
            startdatum=start,
            einddatum=eind,
            reden_overlap="twee deeltijdbanen",
        )

    plaats("ww", date(2025, 4, 1), kandidaat=ww.kandidaat)
    plaats("pwet", date(2025, 2, 1), eind=date(2025, 4, 30))
    wia = plaats("wia", date(2025, 3, 1))
    NazorgMomentFactory(
        plaatsing=wia,
        soort=NazorgMoment.Soort.TWEE_MAANDEN,
        vervaldatum=date(2025, 5, 1),
        afgerond_op=date(2025, 5, 2),
        uitkomst="uitgevallen",
        nog_in_dienst=False,
    )
    plaats("oekraine", date(2025, 6, 1), eind=date(2025, 8, 31))

    cijfers = factsheet_cijfers(regio=regio, periode=H1, vandaag=VANDAAG)
    plaatsingen = waarden(cijfers, "doelgroep")
    uitstroom = waarden(cijfers, "uitstroom")
    assert plaatsingen["Totaal"] == 10 and plaatsingen["WW"] == 4
    assert uitstroom == {
        "Wajong": 1,
        "WIA": 0,
        "WW": 3,
        "P-wet": 2,
        "Oekraïne": 1,
        "Overig/onbekend": 0,
        "Totaal": 7,
    }
    # Right after the plaatsingen, with the explanation frozen in the figures.
    codes = [t["code"] for t in cijfers["tabellen"]]
    assert codes.index("uitstroom") == codes.index("doelgroep") + 1
    uitstroom_tabel = next(t for t in cijfers["tabellen"] if t["code"] == "uitstroom")
    assert "personen, geen banen" in uitstroom_tabel["toelichting"]
    # The comparisons: 2024-H2 had one WW placement still running at its end.
    assert waarden(cijfers, "uitstroom", "vorig_halfjaar")["Totaal"] == 1


def test_uitstroom_per_gemeente(data):
    cijfers = factsheet_cijfers(
        regio=data["regio"], periode=H1, gemeente=data["heemstede"], vandaag=VANDAAG
    )
    assert waarden(cijfers, "uitstroom")["Totaal"] == 2  # WW and Wajong in Heemstede
