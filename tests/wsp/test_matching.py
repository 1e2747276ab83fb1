import pytest

from wsp.matching import kandidaten_voor_vacature, vacatures_voor_kandidaat

from .factories import KandidaatFactory, SkillFactory, VacatureFactory, WerkgeverFactory, sector

pytestmark = pytest.mark.django_db


def test_ranked_by_explainable_score(regio_a, haarlem, heemstede, beverwijk):
    haarlem.buren.add(heemstede)  # neighbours are the regio's data (its definition file)
    lassen, lezen, rijden = (SkillFactory(naam=n) for n in ("lassen", "tekening lezen", "heftruck"))
    vacature = VacatureFactory(
        werkgever=WerkgeverFactory(regio=regio_a),
        gemeente=haarlem,
        sector=sector("techniek"),
        uren_per_week=32,
        doelgroepen=["ww"],
        skills=[lassen, lezen],
    )
    beste = KandidaatFactory(
        regio=regio_a,
        woongemeente=haarlem,
        doelgroep="ww",
        uren_per_week=32,
        skills=[lassen, lezen],
    )
    beste.gewenste_sectoren.add(sector("techniek"))
    buur = KandidaatFactory(regio=regio_a, woongemeente=heemstede, doelgroep="ww", skills=[lassen])
    ver = KandidaatFactory(
        regio=regio_a,
        woongemeente=beverwijk,
        doelgroep="wajong",
        uren_per_week=12,
        skills=[rijden],
    )
    zonder_toestemming = KandidaatFactory(
        regio=regio_a,
        woongemeente=haarlem,
        skills=[lassen, lezen],
        toestemming=False,
        toestemming_op=None,
    )
    matches = kandidaten_voor_vacature(vacature)
    assert [m.kandidaat for m in matches] == [beste, buur, ver]
    assert zonder_toestemming not in [m.kandidaat for m in matches]
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)

    onderdelen = {o.naam: o for o in matches[0].onderdelen}
    assert onderdelen["Vaardigheden"].punten == 40
    assert "2 van 2 vaardigheden" in onderdelen["Vaardigheden"].uitleg
    assert onderdelen["Doelgroep"].punten == 20
    assert onderdelen["Afstand"].punten == 10
    assert matches[0].score == 40 + 20 + 10 + 5 + 10 + 10

    buur_delen = {o.naam: o for o in matches[1].onderdelen}
    assert buur_delen["Vaardigheden"].punten == 20
    assert buur_delen["Afstand"].punten == 7  # Heemstede borders Haarlem
    ver_delen = {o.naam: o for o in matches[2].onderdelen}
    assert ver_delen["Afstand"].punten == 0 and ver_delen["Doelgroep"].punten == 0


def test_reverse_matching_lists_open_vacatures_for_a_kandidaat(regio_a, haarlem, beverwijk):
    lassen = SkillFactory(naam="lassen")
    werkgever = WerkgeverFactory(regio=regio_a)
    dichtbij = VacatureFactory(werkgever=werkgever, gemeente=haarlem, skills=[lassen])
    ver = VacatureFactory(werkgever=werkgever, gemeente=beverwijk)
    VacatureFactory(werkgever=werkgever, gemeente=haarlem, status="vervuld", skills=[lassen])
    kandidaat = KandidaatFactory(regio=regio_a, woongemeente=haarlem, skills=[lassen])
    assert [m.vacature for m in vacatures_voor_kandidaat(kandidaat)] == [dichtbij, ver]


def test_matching_never_crosses_regio(regio_a, regio_b, haarlem):
    vacature = VacatureFactory(werkgever=WerkgeverFactory(regio=regio_a), gemeente=haarlem)
    KandidaatFactory(regio=regio_b)
    assert kandidaten_voor_vacature(vacature) == []
