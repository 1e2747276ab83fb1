"""Fictional demo data. Apps add their own generators with `registreer()`; `demo_data` runs
them in registration order with one shared, seeded random generator, so the same --seed
gives the same data."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

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


@dataclass
class DemoContext:
    regio: object
    rng: random.Random
    scale: int
    stdout: object

    def naam(self) -> tuple[str, str]:
        return self.rng.choice(VOORNAMEN), self.rng.choice(ACHTERNAMEN)


Generator = Callable[[DemoContext], None]
_GENERATOREN: list[tuple[str, Generator]] = []


def registreer(naam: str) -> Callable[[Generator], Generator]:
    def decorator(functie: Generator) -> Generator:
        if naam not in [n for n, _ in _GENERATOREN]:
            _GENERATOREN.append((naam, functie))
        return functie

    return decorator


def generatoren() -> list[tuple[str, Generator]]:
    return list(_GENERATOREN)
