"""Fictional demo data. Apps add their own generators with `registreer()`; `demo_data` runs
them in registration order with one shared, seeded random generator, so the same --seed
on the same day gives the same data.

Every demo date is relative to `DemoContext.vandaag` (today in Europe/Amsterdam unless a
test or `demo_data --vandaag` pins it): dashboards open on the current period, not on an
old year where everything is overdue."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils import timezone

# Invented combinations of common Dutch first and last names; no one from the seeds.
VOORNAMEN = [
    "Anouk",
    "Bram",
    "Charlotte",
    "Daan",
    "Eva",
    "Fleur",
    "Gijs",
    "Hanna",
    "Iris",
    "Jesse",
    "Kim",
    "Lars",
    "Mila",
    "Noah",
    "Olivia",
    "Pim",
    "Quinten",
    "Roos",
    "Sem",
    "Tess",
    "Umut",
    "Vera",
    "Wouter",
    "Yara",
    "Zeynep",
    "Fatima",
    "Mohammed",
    "Sanne",
    "Thijs",
    "Lotte",
]
ACHTERNAMEN = [
    "de Vries",
    "Jansen",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "van Dijk",
    "Yilmaz",
    "El Amrani",
    "Kramer",
    "van der Linden",
    "Koster",
    "Prins",
]

DEMO_WACHTWOORD = "Werkcentrum-demo-2026"
DEMO_DOMEIN = "demo.werkcentrum.nl"


# The day the governance and reserve stories (rba, financien) were written for: a Monday.
# They move along with today in whole weeks, so a meeting stays on its weekday and every
# date keeps its place before or after today (up to six days' slack: nothing in the stories
# happens within a week after this day).
VERHAAL_VANDAAG = date(2026, 12, 7)
_JAARTAL = re.compile(r"\b(20[0-9]{2})\b")


@dataclass
class DemoContext:
    regio: object
    rng: random.Random
    scale: int
    stdout: object
    vandaag: date = field(default_factory=timezone.localdate)

    def naam(self) -> tuple[str, str]:
        return self.rng.choice(VOORNAMEN), self.rng.choice(ACHTERNAMEN)

    @property
    def verschuiving(self) -> timedelta:
        """From the stories' day to today, in whole weeks (rounded down)."""
        return timedelta(weeks=(self.vandaag - VERHAAL_VANDAAG).days // 7)

    def datum(self, verhaaldatum: date) -> date:
        """A date of a story, moved along with today."""
        return verhaaldatum + self.verschuiving


def jaartallen_verschuiven(waarde, jaren: int):
    """`waarde` (a string, or lists, tuples and dicts of them) with every year 2000-2099 in
    its text `jaren` later: a story row moved into the next year speaks of that year."""
    if not jaren:
        return waarde
    if isinstance(waarde, str):
        return _JAARTAL.sub(lambda m: str(int(m.group(1)) + jaren), waarde)
    if isinstance(waarde, (list, tuple)):
        return type(waarde)(jaartallen_verschuiven(x, jaren) for x in waarde)
    if isinstance(waarde, dict):
        return {k: jaartallen_verschuiven(v, jaren) for k, v in waarde.items()}
    return waarde


# The demo's stories (meetings, projects, funds) are written for the first regio, Zuid-Kennemerland
# en IJmond. Another regio gets the same stories with its own names: the regio, its
# centrumgemeente and another of its gemeenten take the places of ZKIJ's.
THUISREGIO = "zkij"


def lokaal(regio, waarde):
    """`waarde` (a string, or lists, tuples and dicts of them) with ZKIJ's place names replaced
    by the regio's own; unchanged for ZKIJ itself."""
    if regio.code == THUISREGIO:
        return waarde
    namen = sorted(regio.gemeenten.values_list("naam", "is_centrumgemeente"), key=lambda g: g[0])
    centrum = next((naam for naam, is_centrum in namen if is_centrum), regio.naam)
    ander = next((naam for naam, is_centrum in namen if not is_centrum), centrum)
    vervangingen = [
        ("Zuid-Kennemerland en IJmond", regio.naam),
        ("ZKIJ", regio.code.upper()),
        ("in de IJmond", f"in de regio {regio.naam}"),
        ("IJmond", f"regio {regio.naam}"),
        ("Haarlem", centrum),
        ("Velsen", ander),
    ]

    def vervang(x):
        if isinstance(x, str):
            for oud, nieuw in vervangingen:
                x = x.replace(oud, nieuw)
            return x
        if isinstance(x, (list, tuple)):
            return type(x)(vervang(y) for y in x)
        if isinstance(x, dict):
            return {k: vervang(v) for k, v in x.items()}
        return x

    return vervang(waarde)


Generator = Callable[[DemoContext], None]
_GENERATOREN: list[tuple[str, Generator]] = []
# A generator that needs another app's demo data names it: it runs after that one, whatever
# the order in which the apps registered.
_NA: dict[str, str] = {}


def registreer(naam: str, *, na: str | None = None) -> Callable[[Generator], Generator]:
    def decorator(functie: Generator) -> Generator:
        if naam not in [n for n, _ in _GENERATOREN]:
            _GENERATOREN.append((naam, functie))
            if na:
                _NA[naam] = na
        return functie

    return decorator


def generatoren() -> list[tuple[str, Generator]]:
    """The generators in registration order, each one with `na` moved right after the one it
    names (when that one is registered)."""
    volgorde = [g for g in _GENERATOREN if g[0] not in _NA]
    for naam, functie in _GENERATOREN:
        if naam in _NA:
            namen = [n for n, _ in volgorde]
            plek = namen.index(_NA[naam]) + 1 if _NA[naam] in namen else len(volgorde)
            volgorde.insert(plek, (naam, functie))
    return volgorde
