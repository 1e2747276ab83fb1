import io
import random
from datetime import date, timedelta

import pytest
from django.core.management import call_command

from werkcentrum.demo import DemoContext
from werkcentrum.models import Arbeidsmarktregio
from wsp.demo import wsp_jaar
from wsp.models import (
    Activiteit,
    Contactmoment,
    Doelstelling,
    Kandidaat,
    NazorgMoment,
    Plaatsing,
    Vacature,
    Werkgeversverzoek,
)

pytestmark = pytest.mark.django_db


VANDAAG = date(2026, 12, 7)


def _draai(regio, vandaag=VANDAAG):
    wsp_jaar(
        DemoContext(
            regio=regio, rng=random.Random(1), scale=1, stdout=io.StringIO(), vandaag=vandaag
        )
    )
    return [
        list(M.objects.order_by("pk").values())
        for M in (Plaatsing, NazorgMoment, Vacature, Doelstelling)
    ]


def test_demo_year_is_deterministic_idempotent_and_matches_the_targets(maak_gebruiker):
    call_command("seed_regio", "zkij", stdout=io.StringIO())
    regio = Arbeidsmarktregio.objects.get(code="zkij")
    for _ in range(3):
        maak_gebruiker("wsp_adviseur", regio=regio)
    eerste = _draai(regio)
    assert _draai(regio) == eerste
    # Targets for last year and this year (the demo year runs up to today).
    assert set(Doelstelling.objects.values_list("jaar", flat=True)) == {2025, 2026}
    doelen = dict(
        Doelstelling.objects.filter(jaar=2026, gemeente=None).values_list("doelgroep", "aantal")
    )
    assert doelen == {"wajong": 25, "wia": 20, "ww": 140, "pwet": 120, "oekraine": 80, "overig": 40}
    assert sum(doelen.values()) == 425
    # The gemeenten split each regio target by population, adding up exactly.
    per_gemeente = Doelstelling.objects.filter(jaar=2026, gemeente__isnull=False)
    for doelgroep, aantal in doelen.items():
        assert sum(d.aantal for d in per_gemeente if d.doelgroep == doelgroep) == aantal
    ww = {d.gemeente.naam: d.aantal for d in per_gemeente.filter(doelgroep="ww")}
    assert ww == {
        "Haarlem": 60,
        "Zandvoort": 6,
        "Heemstede": 10,
        "Bloemendaal": 9,
        "Velsen": 25,
        "Beverwijk": 16,
        "Heemskerk": 14,
    }
    totaal = {}
    for d in per_gemeente.select_related("gemeente"):
        totaal[d.gemeente.naam] = totaal.get(d.gemeente.naam, 0) + d.aantal
    assert totaal["Haarlem"] == 182 and totaal["Zandvoort"] == 19
    assert sum(totaal.values()) == 425
    assert Plaatsing.objects.count() == 400
    assert Plaatsing.objects.values("kandidaat").distinct().count() == 400
    starts = Plaatsing.objects.values_list("startdatum", flat=True)
    assert VANDAAG - timedelta(days=365) < min(starts) and max(starts) <= VANDAAG
    assert Vacature.objects.filter(status="open", is_openbaar=True).exists()


def _aantallen():
    return [
        M.objects.count()
        for M in (Werkgeversverzoek, Contactmoment, Activiteit, Plaatsing, Kandidaat, Vacature)
    ]


def test_a_rerun_on_a_later_day_moves_the_year_instead_of_adding_one(maak_gebruiker):
    """`scripts/dev.py run` loads the demo on every start: a week later the same rows move
    along, and yesterday's open requests do not stay behind, overdue."""
    call_command("seed_regio", "zkij", stdout=io.StringIO())
    regio = Arbeidsmarktregio.objects.get(code="zkij")
    maak_gebruiker("wsp_adviseur", regio=regio)
    _draai(regio)
    eerst = _aantallen()
    later = VANDAAG + timedelta(days=7)
    _draai(regio, later)
    assert _aantallen() == eerst
    open_ = Werkgeversverzoek.objects.filter(eerste_reactie_op=None)
    assert open_.count() == 5
    assert min(v.ontvangen_op.date() for v in open_) >= later - timedelta(days=3)
    assert max(Plaatsing.objects.values_list("startdatum", flat=True)) > VANDAAG


def test_demo_has_handovers_in_every_state_and_reloads_the_same():
    from wsp.models import Overdracht
    from wsp.selectors import met_ketenstatus

    def laden():
        call_command(
            "demo_data",
            "--regio",
            "zkij",
            "--seed",
            "1",
            "--vandaag",
            "2026-12-07",
            stdout=io.StringIO(),
        )
        return list(
            met_ketenstatus(Overdracht.objects.order_by("pk")).values_list(
                "bron", "status", "ketenstatus", "voornaam", "achternaam"
            )
        )

    eerste = laden()
    statussen = {status for _, status, *_ in eerste}
    assert statussen == {"aangeboden", "teruggegeven", "aangenomen"}
    assert {"geplaatst", "in_bemiddeling"} <= {k for _, _, k, *_ in eerste}
    assert {"werkcentrum", "uwv"} <= {bron for bron, *_ in eerste}
    for overdracht in Overdracht.objects.all():
        overdracht.full_clean()
    assert laden() == eerste
