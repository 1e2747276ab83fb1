"""Extra arbeidsmarktregio's for the load test: `make load` models an installation with many
regio's (issue 19: at least 10, each at the demo's scale), not one big one.

Only ZKIJ has a definition in the repository today, so the others are copies of it under
another code, name and CBS codes (GM8xxx is not a real gemeente code). The demo data itself
is made by the real `demo_data --regio <code>` command, so every regio holds the same kind
of people, werkgevers, besluiten and bookings as the demo."""

from __future__ import annotations

import copy

VOORVOEGSEL = "bench"


def codes(aantal: int) -> list[str]:
    """The regio codes of a run with `aantal` regio's: zkij first, then bench01, bench02..."""
    return ["zkij"] + [f"{VOORVOEGSEL}{n:02d}" for n in range(1, aantal)]


def registreren(aantal: int) -> None:
    """Adds the copies to the in-process reference data, so `seed_regio <code>` (and
    `demo_data --regio <code>`) know them. Call before call_command in the same process."""
    from werkcentrum.regio_data import REGIO_DATA

    basis = REGIO_DATA["zkij"]
    for n, code in enumerate(codes(aantal)[1:], start=1):
        data = copy.deepcopy(basis)
        data["naam"] = f"{basis['naam']} (benchregio {n:02d})"
        # A unique, valid CBS code per gemeente: GM8 + regio number + gemeente number.
        data["gemeenten"] = [
            (naam, f"GM8{n:02d}{i}", subregio, centrum)
            for i, (naam, _cbs, subregio, centrum) in enumerate(basis["gemeenten"])
        ]
        REGIO_DATA[code] = data


# Run by `manage.py shell -c` in the bench's environment (tests/bench/omgeving.py).
LADEN = """
import os
from django.core.management import call_command
from tests.bench import regios
aantal = int(os.environ["BENCH_REGIOS"])
regios.registreren(aantal)
for code in regios.codes(aantal)[1:]:
    schaal = os.environ["BENCH_SCALE_REGIO"]
    call_command("demo_data", "--regio", code, "--seed", "1", "--scale", schaal)
    print("geladen", code, flush=True)
"""
