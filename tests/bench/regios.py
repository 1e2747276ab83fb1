"""Extra arbeidsmarktregio's for the load test: `make load` models an installation with many
regio's (issue 19: at least 10, each at the demo's scale), not one big one.

The first is ZKIJ; the others are its definition file (werkcentrum/regios/zkij.yaml) under
another code, name and CBS codes (GM8xxx is not a real gemeente code), loaded by the same
code as a real file. The demo data itself is made by the real `demo_data --regio <code>`, so
every regio holds the same kind of people, werkgevers, besluiten and bookings."""

from __future__ import annotations

import yaml

VOORVOEGSEL = "bench"


def codes(aantal: int) -> list[str]:
    """The regio codes of a run with `aantal` regio's: zkij first, then bench01, bench02..."""
    return ["zkij"] + [f"{VOORVOEGSEL}{n:02d}" for n in range(1, aantal)]


def definitie(n: int) -> str:
    """The definition file of bench regio `n` (1, 2, ...), as YAML text."""
    from werkcentrum import regiodefinitie

    data = yaml.safe_load(regiodefinitie.bestand("zkij").read_text())
    data["code"] = codes(n + 1)[n]
    data["naam"] = f"{data['naam']} (benchregio {n:02d})"
    # A unique, valid CBS code per gemeente: GM8 + regio number + gemeente number.
    for i, gemeente in enumerate(data["gemeenten"]):
        gemeente["cbs"] = f"GM8{n:02d}{i}"
    return yaml.safe_dump(data, allow_unicode=True)


# Run by `manage.py shell -c` in the bench's environment (tests/bench/omgeving.py).
LADEN = """
import os
from django.core.management import call_command
from tests.bench import regios
from werkcentrum import regiodefinitie
aantal = int(os.environ["BENCH_REGIOS"])
for n, code in enumerate(regios.codes(aantal)[1:], start=1):
    regiodefinitie.laden(regiodefinitie.lezen(regios.definitie(n)))
    schaal = os.environ["BENCH_SCALE_REGIO"]
    call_command("demo_data", "--regio", code, "--seed", "1", "--scale", schaal)
    print("geladen", code, flush=True)
"""
