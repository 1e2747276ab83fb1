"""The demo lies around today (issue 22 point 10, and point 7's overlapping plaatsingen):
every date relative to the day it is loaded, deterministic for a seed and a day."""

import hashlib
from collections import Counter
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.db import transaction

from financien.models import Begrotingsregel, Mutatie
from loket.models import Gesprek, Vraag
from rba.models import Actie, Besluit, Lid, Vergadering
from werkcentrum.models import Medewerker
from wsp.models import (
    Doelstelling,
    Kandidaat,
    NazorgMoment,
    Plaatsing,
    Vacature,
    Werkgeversverzoek,
)

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")
VANDAAG = date(2026, 12, 7)  # a Monday in December: the day the issue was reported


def _demo(time_machine, settings, tmp_path, vandaag: date, *args: str) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    time_machine.move_to(datetime.combine(vandaag, time(12, 0), tzinfo=AMS), tick=False)
    call_command("demo_data", "--regio", "zkij", "--seed", "1", *args, stdout=StringIO())


def _digest() -> str:
    """The demo's content by natural keys (no primary keys, no creation timestamps)."""
    rijen = [
        Medewerker.objects.values_list("email", "first_name", "last_name", "organisatie__naam"),
        Kandidaat.objects.values_list("externe_id", "voornaam", "achternaam", "overgedragen_op"),
        Plaatsing.objects.values_list(
            "externe_id", "kandidaat__externe_id", "werkgever__kvk_nummer", "startdatum"
        ),
        NazorgMoment.objects.values_list(
            "plaatsing__externe_id", "soort", "vervaldatum", "afgerond_op", "uitkomst"
        ),
        Vacature.objects.values_list("externe_id", "functie", "startdatum", "status"),
        Werkgeversverzoek.objects.values_list("email", "ontvangen_op", "eerste_reactie_op"),
        Besluit.objects.values_list("nummer", "datum", "titel", "besluittekst", "bedrag"),
        Vergadering.objects.values_list("orgaan__afkorting", "datum", "status"),
        Actie.objects.values_list("omschrijving", "deadline", "status"),
        Mutatie.objects.values_list("kenmerk", "soort", "datum", "bedrag", "omschrijving"),
        Gesprek.objects.values_list("notitie", "datum", "kanaal", "uitkomst"),
        Vraag.objects.values_list("referentie", "ontvangen_op", "status"),
    ]
    tekst = repr([sorted(qs, key=repr) for qs in rijen])
    return hashlib.sha256(tekst.encode()).hexdigest()


def test_the_demo_of_a_day_is_that_days_work(time_machine, settings, tmp_path):
    _demo(time_machine, settings, tmp_path, VANDAAG)
    jaar_terug = VANDAAG - timedelta(days=365)

    # WSP: the year up to today, not an old year.
    plaatsingen = Plaatsing.objects.filter(regio__code="zkij")
    starts = list(plaatsingen.values_list("startdatum", flat=True))
    assert len(starts) == 400
    assert jaar_terug < min(starts) and max(starts) <= VANDAAG
    assert max(starts) >= VANDAAG - timedelta(days=14)
    vacatures = Vacature.objects.filter(regio__code="zkij")
    assert jaar_terug < max(vacatures.values_list("startdatum", flat=True)) <= VANDAAG
    assert vacatures.filter(status="open", sluitingsdatum__gte=VANDAAG).count() > 12
    assert Doelstelling.objects.filter(regio__code="zkij", jaar=VANDAAG.year).exists()

    # No kandidaat placed twice in a year; none with overlapping plaatsingen (point 7).
    per_jaar = Counter(
        (k, s.year) for k, s in plaatsingen.values_list("kandidaat_id", "startdatum")
    )
    assert max(per_jaar.values()) == 1
    assert not any(p.overlappende() for p in plaatsingen.filter(reden_overlap=""))

    # Today's work: a few requests inside the 24-hour promise, one past it.
    nu = datetime.combine(VANDAAG, time(12, 0), tzinfo=AMS)
    open_ = Werkgeversverzoek.objects.filter(regio__code="zkij", eerste_reactie_op=None)
    binnen = open_.filter(ontvangen_op__gt=nu - timedelta(hours=24)).count()
    assert binnen >= 2 and open_.count() - binnen < binnen
    # Nazorg due this week; overdue ones exist but are a minority of the open ones.
    nazorg = NazorgMoment.objects.filter(regio__code="zkij", afgerond_op=None)
    deze_week = nazorg.filter(vervaldatum__gte=VANDAAG, vervaldatum__lt=VANDAAG + timedelta(7))
    te_laat = nazorg.filter(vervaldatum__lt=VANDAAG).count()
    assert deze_week.count() >= 3
    assert 0 < te_laat < deze_week.count()
    # Inwoner questions: most open ones still within their answer term.
    vragen = list(Vraag.objects.filter(regio__code="zkij", beantwoord_op=None))
    assert vragen and sum(v.antwoord_uiterlijk < VANDAAG for v in vragen) * 2 < len(vragen)
    assert Gesprek.objects.filter(regio__code="zkij", datum__gte=VANDAAG - timedelta(30)).exists()

    # Governance: besluiten after the RBA started (2023), the latest taken within the year.
    besluiten = Besluit.objects.filter(regio__code="zkij")
    assert min(besluiten.values_list("datum", flat=True)) >= date(2023, 1, 1)
    assert min(besluiten.values_list("datum", flat=True)) >= min(
        Lid.objects.filter(orgaan__regio__code="zkij").values_list("van", flat=True)
    )
    genomen = besluiten.filter(status=Besluit.Status.GENOMEN).values_list("datum", flat=True)
    assert jaar_terug < max(genomen) <= VANDAAG
    assert Vergadering.objects.filter(regio__code="zkij", datum__gt=VANDAAG).exists()
    open_acties = Actie.objects.filter(regio__code="zkij").exclude(status="afgerond")
    assert open_acties.filter(deadline__lt=VANDAAG).count() * 2 < open_acties.count()

    # The EUR 200,000 for jobhunters is decided once, and the reserve books on that besluit.
    jobhunters = besluiten.filter(bedrag=Decimal("200000.00"), titel__icontains="jobhunters")
    assert jobhunters.count() == 1
    verplichting = Mutatie.objects.get(regio__code="zkij", kenmerk="DEMO-V-JOB")
    assert verplichting.besluit == jobhunters.get()
    # The reserve has this year's begroting and bookings.
    assert Begrotingsregel.objects.filter(regio__code="zkij", jaar=VANDAAG.year).exists()
    assert Mutatie.objects.filter(
        regio__code="zkij", soort="realisatie", datum__year=VANDAAG.year
    ).exists()

    # The financieel beheerder and the RBA-secretariaat work at the centrumgemeente.
    for adres in ("financieel.beheerder", "rba.secretariaat"):
        medewerker = Medewerker.objects.get(email=f"{adres}@zkij.demo.werkcentrum.nl")
        assert medewerker.organisatie.naam == "Gemeente Haarlem"


def test_the_same_seed_on_the_same_day_gives_the_same_demo(time_machine, settings, tmp_path):
    with transaction.atomic():
        _demo(time_machine, settings, tmp_path, VANDAAG)
        eerste = _digest()
        transaction.set_rollback(True)
    with transaction.atomic():
        # Loaded two days later, but for the same day.
        _demo(
            time_machine, settings, tmp_path, VANDAAG + timedelta(days=2), "--vandaag", "2026-12-07"
        )
        assert _digest() == eerste
        transaction.set_rollback(True)
    later = date(2027, 6, 14)
    _demo(time_machine, settings, tmp_path, later)
    assert _digest() != eerste
    # Everything moved along: the year up to that day, besluiten numbered by their year.
    starts = list(Plaatsing.objects.values_list("startdatum", flat=True))
    assert later - timedelta(days=365) < min(starts) and max(starts) <= later
    genomen = Besluit.objects.filter(status=Besluit.Status.GENOMEN)
    assert max(genomen.values_list("datum", flat=True)) <= later
    for besluit in Besluit.objects.all():
        assert besluit.nummer.split("-")[1] == str(besluit.datum.year), besluit.nummer


def test_demo_data_refuses_a_day_in_the_future(time_machine):
    from django.core.management.base import CommandError

    time_machine.move_to(datetime.combine(VANDAAG, time(12, 0), tzinfo=AMS), tick=False)
    with pytest.raises(CommandError):
        call_command("demo_data", "--vandaag", "2026-12-08", stdout=StringIO())
    with pytest.raises(CommandError):
        call_command("demo_data", "--vandaag", "7-12-2026", stdout=StringIO())
