"""A regio is data: definition files are checked completely, load idempotently and write
nothing when wrong."""

from io import StringIO

import pytest
import yaml
from django.core.management import CommandError, call_command

from loket.models import LoketInstelling
from werkcentrum import regiodefinitie
from werkcentrum.models import Arbeidsmarktregio, Gemeente, Locatie, Openingstijd, Organisatie
from wsp.matching import afstand_punten
from wsp.models import Doelstelling, WspInstelling

from .test_seed import snapshot

pytestmark = pytest.mark.django_db


def zkij() -> dict:
    return yaml.safe_load(regiodefinitie.bestand("zkij").read_text())


def fouten_van(data: dict) -> list[str]:
    with pytest.raises(regiodefinitie.DefinitieFout) as fout:
        regiodefinitie.lezen(yaml.safe_dump(data, allow_unicode=True))
    return fout.value.fouten


def test_every_file_in_the_repository_is_valid_and_names_its_source():
    assert {"zkij", "amf"} <= set(regiodefinitie.beschikbaar())
    for code in regiodefinitie.beschikbaar():
        definitie = regiodefinitie.lezen(regiodefinitie.bestand(code).read_bytes())
        assert definitie.code == code
        assert "CBS" in definitie.bron


def test_amersfoort_has_its_seven_gemeenten_and_one_walk_in_location():
    call_command("seed_regio", "amf", stdout=StringIO())
    regio = Arbeidsmarktregio.objects.get(code="amf")
    assert dict(regio.gemeenten.values_list("naam", "cbs_code")) == {
        "Amersfoort": "GM0307",
        "Baarn": "GM0308",
        "Bunschoten": "GM0313",
        "Eemnes": "GM0317",
        "Leusden": "GM0327",
        "Soest": "GM0342",
        "Woudenberg": "GM0351",
    }
    assert regio.centrumgemeente.naam == "Amersfoort"
    assert list(Locatie.objects.filter(regio=regio).values_list("naam", flat=True)) == [
        "Werkcentrum regio Amersfoort"
    ]
    # Walk-in on every working day.
    assert set(
        Openingstijd.objects.filter(locatie__regio=regio).values_list("weekdag", flat=True)
    ) == {1, 2, 3, 4, 5}


def test_two_regios_live_side_by_side():
    call_command("seed_regio", "zkij", stdout=StringIO())
    call_command("seed_regio", "amf", stdout=StringIO())
    assert Arbeidsmarktregio.objects.count() == 2
    assert Gemeente.objects.filter(regio__code="zkij").count() == 7
    assert Gemeente.objects.filter(regio__code="amf").count() == 7


def test_loading_twice_changes_nothing_and_says_so():
    call_command("seed_regio", "zkij", stdout=StringIO())
    eerst = snapshot()
    uit = StringIO()
    call_command("seed_regio", "zkij", stdout=uit)
    assert snapshot() == eerst
    assert "al bijgewerkt" in uit.getvalue()
    definitie = regiodefinitie.lezen(regiodefinitie.bestand("zkij").read_bytes())
    assert regiodefinitie.laden(definitie).ongewijzigd


def test_a_changed_file_updates_the_regio_and_drops_hours_no_longer_listed():
    call_command("seed_regio", "zkij", stdout=StringIO())
    data = zkij()
    heemstede = next(loc for loc in data["locaties"] if loc["naam"] == "Raadhuis Heemstede")
    heemstede["openingstijden"] = [{"dag": "maandag", "van": "10:00", "tot": "11:00"}]
    data["termijnen"]["antwoord_werkdagen"] = 3
    s = regiodefinitie.laden(regiodefinitie.lezen(yaml.safe_dump(data)))
    assert not s.ongewijzigd
    tijden = Openingstijd.objects.filter(locatie__naam="Raadhuis Heemstede")
    assert [(t.weekdag, t.begintijd.hour) for t in tijden] == [(1, 10)]
    assert LoketInstelling.objects.get(regio__code="zkij").antwoordtermijn_werkdagen == 3


def test_terms_and_targets_are_per_regio_data():
    call_command("seed_regio", "zkij", stdout=StringIO())
    regio = Arbeidsmarktregio.objects.get(code="zkij")
    instelling = LoketInstelling.objects.get(regio=regio)
    assert instelling.antwoordtermijn_werkdagen == 2
    assert instelling.reactietermijn_werkdagen == 5
    assert WspInstelling.objects.get(regio=regio).werkgever_belofte_uren == 24
    doelen = Doelstelling.objects.filter(regio=regio, jaar=2025, gemeente=None)
    assert sum(doelen.values_list("aantal", flat=True)) == 425


def test_neighbours_from_the_file_count_in_matching_both_ways():
    call_command("seed_regio", "zkij", stdout=StringIO())
    haarlem = Gemeente.objects.get(naam="Haarlem")
    velsen = Gemeente.objects.get(naam="Velsen")
    beverwijk = Gemeente.objects.get(naam="Beverwijk")
    assert afstand_punten(haarlem, velsen)[0] == 7
    assert afstand_punten(velsen, haarlem)[0] == 7
    # Written once in the file (Velsen: [Beverwijk]), mutual in the database.
    assert haarlem in velsen.buren.all() and velsen in beverwijk.buren.all()
    assert afstand_punten(haarlem, beverwijk)[0] == 0


@pytest.mark.parametrize(
    ("wijziging", "verwacht"),
    [
        (lambda d: d["gemeenten"][1].update(cbs="GM03X"), "'GM03X' is geen CBS-gemeentecode"),
        (lambda d: d["gemeenten"][1].update(cbs="GM0392"), "CBS-code 'GM0392' staat er meer"),
        (lambda d: d["gemeenten"][0].pop("centrumgemeente"), "geen centrumgemeente"),
        (
            lambda d: d["organisaties"][3].update(gemeente="Amsterdam"),
            "gemeente 'Amsterdam' is onbekend",
        ),
        (lambda d: d["buren"].update(Haarlem=["Leiden"]), "gemeente 'Leiden' is onbekend"),
        (lambda d: d["locaties"][0].update(postcode="2011"), "geen postcode"),
        (
            lambda d: d["locaties"][0]["openingstijden"].append(
                {"dag": "dinsdag", "van": "12:00", "tot": "11:00"}
            ),
            "moet na 'van'",
        ),
        (lambda d: d["termijnen"].update(antwoord_werkdagen=0), "tussen 1 en 30"),
        (lambda d: d["termijnen"].update(onbekend=1), "onbekende sleutel 'onbekend'"),
        (lambda d: d["doelen"].update({2026: {"zzp": 3}}), "doelgroep 'zzp' is onbekend"),
        (lambda d: d.update(naam="Twee\nregels"), "geen regeleinden"),
        (lambda d: d.pop("code"), "'code' ontbreekt"),
    ],
)
def test_a_wrong_file_gets_a_clear_message(wijziging, verwacht):
    data = zkij()
    wijziging(data)
    assert any(verwacht in f for f in fouten_van(data)), fouten_van(data)


def test_every_problem_is_reported_at_once():
    data = zkij()
    data["gemeenten"][1]["cbs"] = "fout"
    data["gemeenten"][0].pop("centrumgemeente")
    data["termijnen"]["werkgever_belofte_uren"] = 0
    assert len(fouten_van(data)) >= 2


def test_a_wrong_file_writes_nothing(tmp_path):
    data = zkij()
    data["locaties"][0]["postcode"] = "fout"
    pad = tmp_path / "fout.yaml"
    pad.write_text(yaml.safe_dump(data, allow_unicode=True))
    with pytest.raises(CommandError, match="niets veranderd"):
        call_command("seed_regio", "--bestand", str(pad), stdout=StringIO())
    assert not Arbeidsmarktregio.objects.exists()
    assert not Organisatie.objects.exists()


def test_a_gemeente_of_another_regio_is_refused_and_nothing_written():
    call_command("seed_regio", "zkij", stdout=StringIO())
    data = yaml.safe_load(regiodefinitie.bestand("amf").read_text())
    data["gemeenten"][1]["cbs"] = "GM0392"  # Haarlem, already in zkij
    definitie = regiodefinitie.lezen(yaml.safe_dump(data))
    with pytest.raises(regiodefinitie.DefinitieFout, match="hoort al bij de regio"):
        regiodefinitie.laden(definitie)
    assert not Arbeidsmarktregio.objects.filter(code="amf").exists()


def test_no_yaml_at_all_is_a_clear_message():
    with pytest.raises(regiodefinitie.DefinitieFout, match="geen geldige YAML"):
        regiodefinitie.lezen("code: [zkij")
    with pytest.raises(regiodefinitie.DefinitieFout, match="moet beginnen"):
        regiodefinitie.lezen("- alleen een lijst")


def test_the_answer_days_of_the_file_are_what_an_inwoner_is_promised():
    """A regio defined with 3 answer days promises 3 Dutch working days, another regio its own:
    a question on Friday 19 December 2025 is due Wednesday 24th (3) or Tuesday 23rd (2)."""
    from datetime import date, datetime
    from zoneinfo import ZoneInfo

    from loket.models import Thema
    from loket.services import vraag_stellen

    data = zkij()
    data["termijnen"]["antwoord_werkdagen"] = 3
    regiodefinitie.laden(regiodefinitie.lezen(yaml.safe_dump(data)))
    call_command("seed_regio", "amf", stdout=StringIO())
    vrijdag = datetime(2025, 12, 19, 10, tzinfo=ZoneInfo("Europe/Amsterdam"))
    uiterlijk = {}
    for code in ("zkij", "amf"):
        regio = Arbeidsmarktregio.objects.get(code=code)
        thema = Thema.objects.get_or_create(code="werk-zoeken", defaults={"naam": "Werk"})[0]
        vraag = vraag_stellen(
            regio=regio, thema=thema, tekst="Hoe vind ik werk?", nu=vrijdag, wil_antwoord=False
        )
        uiterlijk[code] = vraag.antwoord_uiterlijk
    assert LoketInstelling.objects.get(regio__code="amf").antwoordtermijn_werkdagen == 2
    assert uiterlijk == {"zkij": date(2025, 12, 24), "amf": date(2025, 12, 23)}
