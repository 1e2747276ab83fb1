"""Where a staff list page's CPU goes, beside the trivial view (issue 19): per page the CPU of a
request (median, process time of this process) and, in the same requests, the CPU spent in each
part: the list's queries (werkcentrum.lists.list_context: filter set, count, rows, prefetch),
the filter form, the table, the paging links and the layout with the rest of the view; plus
Python function calls per request, a count that does not depend on the machine's load.

    python -m tests.bench.profiel                 # scale 1, the five list pages
    BENCH_PROFIEL_SCALE=10 python -m tests.bench.profiel

Uses the database of tests.bench.pages (omgeving.database_klaarzetten); prints a table, writes
nothing. A measurement, never a test."""

from __future__ import annotations

import cProfile
import os
import pstats
import statistics
import subprocess
import sys
import time
from collections import Counter

from tests.bench import omgeving

SCALE = int(os.environ.get("BENCH_PROFIEL_SCALE", "1"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "40"))
PAGINAS = [
    ("plafond (triviale view)", "gids", "/bench/plafond/"),
    ("gids: gesprekken", "gids", "/loket/gesprekken/"),
    ("wsp_adviseur: vacatures", "wsp_adviseur", "/wsp/vacatures/"),
    ("wsp_adviseur: werkgevers", "wsp_adviseur", "/wsp/werkgevers/"),
    ("wsp_adviseur: nazorg (plaatsingen)", "wsp_adviseur", "/wsp/plaatsingen/"),
    ("rba_secretariaat: besluitenlijst", "rba_secretariaat", "/rba/besluiten/"),
]
DELEN = ["queries van de lijst", "filterformulier", "tabel", "paginering", "rest"]


def main() -> int:
    omgeving.database_klaarzetten(SCALE)
    subprocess.run(
        [sys.executable, "-m", "tests.bench.profiel", "--meet"],
        cwd=omgeving.ROOT,
        env=omgeving.omgeving(SCALE, CACHE_URL=omgeving.cache_url(SCALE)),
        check=True,
    )
    return 0


def meten() -> None:
    import django

    django.setup()
    from django.template import base as template_base
    from django.test import Client

    from tests.bench.pages import _accounts
    from werkcentrum import lists
    from werkcentrum.models import Medewerker

    per_deel: Counter[str] = Counter()

    def gemeten(deel, functie):
        def omhulsel(*args, **kwargs):
            start = time.process_time()
            try:
                return functie(*args, **kwargs)
            finally:
                per_deel[deel] += time.process_time() - start

        return omhulsel

    # The views import list_context by name: wrap it where they look it up.
    origineel = lists.list_context
    for module in list(sys.modules.values()):
        if getattr(module, "list_context", None) is origineel:
            module.list_context = gemeten("queries van de lijst", origineel)
    render = template_base.Template._render

    def template_render(self, context):
        naam = self.origin.template_name or ""
        if naam == "components/filterformulier.html":
            deel = "filterformulier"
        elif naam.endswith("_tabel.html"):
            deel = "tabel"
        elif naam == "components/paginering.html":
            deel = "paginering"
        else:
            return render(self, context)
        return gemeten(deel, render)(self, context)

    template_base.Template._render = template_render

    emails = {a["rol"]: a["email"] for a in _accounts(SCALE)}
    regels = [
        "| pagina | CPU ms (mediaan) | x triviaal | "
        + " | ".join(f"{d} ms" for d in DELEN)
        + " | Python-aanroepen per verzoek |",
        "|---" * (len(DELEN) + 4) + "|",
    ]
    plafond = None
    for label, rol, pad in PAGINAS:
        client = Client()
        client.force_login(Medewerker.objects.get(email=emails[rol]))
        for _ in range(3):
            assert client.get(pad).status_code == 200, label
        per_deel.clear()
        cpu = []
        for _ in range(ROUNDS):
            start = time.process_time()
            client.get(pad)
            cpu.append(time.process_time() - start)
        # Read the parts before the profiled requests (slower under cProfile) add to them.
        delen = {d: per_deel[d] / ROUNDS * 1000 for d in DELEN[:-1]}
        profiel = cProfile.Profile()
        profiel.enable()
        for _ in range(5):
            client.get(pad)
        profiel.disable()
        aanroepen = pstats.Stats(profiel).total_calls / 5
        mediaan = statistics.median(cpu) * 1000
        plafond = plafond or mediaan
        gemiddeld = sum(cpu) / ROUNDS * 1000
        delen["rest"] = gemiddeld - sum(delen.values())
        regels.append(
            f"| {label} | {mediaan:.1f} | {mediaan / plafond:.1f}x | "
            + " | ".join(f"{delen[d]:.1f}" for d in DELEN)
            + f" | {aanroepen:,.0f} |"
        )
    print("\n".join(regels))
    print(
        "\nDelen: gemiddelde CPU per verzoek; 'rest' is middleware, sessie, rolcontrole, "
        "layout (base.html, navigatie) en het logboek."
    )


if __name__ == "__main__":
    if sys.argv[1:] == ["--meet"]:
        meten()
    else:
        sys.exit(main())
