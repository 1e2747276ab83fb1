"""Benchmark of the main page of each role and the main API lists at demo --scale 1 and 100:
SQL queries per request (must be the same at both scales; transaction control statements
BEGIN/COMMIT/SAVEPOINT are not counted), median / p95 server time, and the median CPU time of
the Django process per request beside that of a trivial view through the same middleware
(measured side by side in one run). In-process (Django's test client,
no network), against PostgreSQL (see omgeving.py for the databases).

    python -m tests.bench.pages            # or: make bench-pages
    BENCH_SCALES=1,10 python -m tests.bench.pages   # a quicker run

Prints a table, writes it to docs/bench/pages.md, and fails only when a page's query count
differs between the scales (a count, never a time)."""

from __future__ import annotations

import itertools
import json
import os
import re
import statistics
import subprocess
import sys
import time

from tests.bench import omgeving

SCALES = [int(s) for s in os.environ.get("BENCH_SCALES", "1,100").split(",")]
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "40"))
# (label, role, path); {werkgever} is the first demo werkgever, present at every scale.
PAGINAS = [
    ("plafond (triviale view)", "gids", "/bench/plafond/"),
    ("gids: werkplek", "gids", "/werkplek/"),
    ("gids: gesprekken", "gids", "/loket/gesprekken/"),
    ("coordinator: loket-dashboard", "coordinator", "/loket/dashboard/"),
    ("wsp_adviseur: werkplek", "wsp_adviseur", "/werkplek/"),
    ("wsp_adviseur: vacatures", "wsp_adviseur", "/wsp/vacatures/"),
    ("wsp_adviseur: werkgevers", "wsp_adviseur", "/wsp/werkgevers/"),
    ("wsp_adviseur: werkgever", "wsp_adviseur", "/wsp/werkgevers/{werkgever}/"),
    ("wsp_adviseur: nazorg (plaatsingen)", "wsp_adviseur", "/wsp/plaatsingen/"),
    ("wsp_manager: doelstellingen", "wsp_manager", "/wsp/doelstellingen/"),
    ("rba_secretariaat: besluitenlijst", "rba_secretariaat", "/rba/besluiten/"),
    ("financieel_beheerder: reserve", "financieel_beheerder", "/financien/reserve/"),
    ("inwoner: home", None, "/zkij/"),
    ("inwoner: vacaturekrant", None, "/zkij/vacatures/"),
    ("inwoner: besluitenlijst", None, "/zkij/besluiten/"),
    ("API wsp/werkgevers", "wsp_adviseur", "/api/v1/wsp/werkgevers/"),
    ("API wsp/vacatures", "wsp_adviseur", "/api/v1/wsp/vacatures/"),
    ("API wsp/kandidaten", "wsp_adviseur", "/api/v1/wsp/kandidaten/"),
    ("API wsp/plaatsingen", "wsp_adviseur", "/api/v1/wsp/plaatsingen/"),
    ("API wsp/nazorgmomenten", "wsp_adviseur", "/api/v1/wsp/nazorgmomenten/"),
    ("API loket/gesprekken", "gids", "/api/v1/loket/gesprekken/"),
    ("API rba/besluiten", "rba_secretariaat", "/api/v1/rba/besluiten/"),
    ("API financien/mutaties", "financieel_beheerder", "/api/v1/financien/mutaties/"),
    ("API organisaties", "beheerder", "/api/v1/organisaties/"),
]
UIT = omgeving.ROOT / "docs" / "bench"
UITLEG = (
    "Django-testclient in hetzelfde proces, PostgreSQL, Redis als cache (sessies en rate "
    "limits, zoals in productie), ingelogd met TOTP-authenticator; "
    "queries zonder BEGIN/COMMIT/SAVEPOINT; tijden in ms over BENCH_ROUNDS verzoeken na "
    "3 keer opwarmen; CPU: de processortijd van het Django-proces per verzoek (mediaan; "
    "de database niet meegeteld), naast die van de triviale view. Doel bij de grootste schaal: "
    "hoogstens 10 queries en p95 onder 50 ms; een lijstpagina voor medewerkers hoogstens 4x de "
    "CPU van de triviale view."
)
MAX_QUERIES = 10
TRANSACTIE = re.compile(r"^(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE SAVEPOINT|ROLLBACK TO)", re.I)
MAX_P95_MS = 50.0
# A staff list page may cost at most this many times the trivial view's CPU (issue 19).
MAX_CPU_FACTOR = 4.0
PLAFOND = PAGINAS[0][0]
LIJSTPAGINAS = {
    "gids: gesprekken",
    "wsp_adviseur: vacatures",
    "wsp_adviseur: werkgevers",
    "wsp_adviseur: nazorg (plaatsingen)",
    "rba_secretariaat: besluitenlijst",
}


def main() -> int:
    resultaten = {}
    for scale in SCALES:
        omgeving.database_klaarzetten(scale)
        uit = subprocess.run(
            [sys.executable, "-m", "tests.bench.pages", "--meet", str(scale)],
            cwd=omgeving.ROOT,
            env=omgeving.omgeving(scale, CACHE_URL=omgeving.cache_url(scale)),
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        resultaten[scale] = json.loads(uit.splitlines()[-1])
    tabel = rapport(resultaten)
    print(tabel)
    commando = f"BENCH_SCALES={','.join(map(str, SCALES))} BENCH_ROUNDS={ROUNDS} make bench-pages"
    kop = omgeving.kop("Pagina's: queries en servertijd (in-process)", commando)
    UIT.mkdir(parents=True, exist_ok=True)
    (UIT / "pages.md").write_text(f"{kop}\n{UITLEG}\n\n{tabel}\n")
    verschil = [
        label for label, _r, _p in PAGINAS if len({resultaten[s][label][0] for s in SCALES}) > 1
    ]
    if verschil:
        print("Query-aantal groeit met de data bij:", ", ".join(verschil))
        return 1
    return 0


def rapport(resultaten: dict) -> str:
    groot = max(SCALES)
    koppen = [f"queries s{s}" for s in SCALES] + [
        f"{m} ms s{s}" for s in SCALES for m in ("median", "p95", "CPU")
    ]
    koppen.append(f"CPU / triviaal s{groot}")
    regels = [
        "| pagina | " + " | ".join(koppen) + " | doel s" + str(groot) + " |",
        "|---" * (len(koppen) + 2) + "|",
    ]
    for label, _rol, _pad in PAGINAS:
        rij = [str(resultaten[s][label][0]) for s in SCALES]
        rij += [f"{resultaten[s][label][i]:.1f}" for s in SCALES for i in (1, 2, 3)]
        q, _med, p95, cpu = resultaten[groot][label]
        factor = cpu / resultaten[groot][PLAFOND][3]
        rij.append(f"{factor:.1f}x")
        goed = q <= MAX_QUERIES and p95 < MAX_P95_MS
        if label in LIJSTPAGINAS:
            goed = goed and factor <= MAX_CPU_FACTOR
        doel = "ja" if goed else "**nee**"
        regels.append(f"| {label} | " + " | ".join(rij) + f" | {doel} |")
    return "\n".join(regels)


def meten(scale: int) -> dict:
    """Child process: Django is set up against the scale's database."""
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from werkcentrum.models import Medewerker
    from wsp.models import Werkgever

    # TOTP like every staff member in production, so the two-factor check runs its query.
    omgeving_accounts = {a["rol"]: a["email"] for a in _accounts(scale)}
    werkgever = Werkgever.objects.get(kvk_nummer="90000000").pk
    clients = {None: Client()}
    for rol, email in omgeving_accounts.items():
        clients[rol] = Client()
        clients[rol].force_login(Medewerker.objects.get(email=email))
    uit = {}
    teller = itertools.count()
    for label, rol, pad in PAGINAS:
        client = clients[rol]

        def url():
            return pad.format(werkgever=werkgever, n=next(teller))  # noqa: B023

        for _ in range(3):
            antwoord = client.get(url())
            assert antwoord.status_code == 200, (label, antwoord.status_code)
        with CaptureQueriesContext(connection) as queries:
            client.get(url())
        # Read now (the next request clears the log); BEGIN/COMMIT/SAVEPOINT are not queries.
        aantal = sum(1 for q in queries.captured_queries if not TRANSACTIE.match(q["sql"]))
        tijden, cpu = [], []
        for _ in range(ROUNDS):
            volgende = url()
            start, start_cpu = time.perf_counter(), time.process_time()
            client.get(volgende)
            cpu.append((time.process_time() - start_cpu) * 1000)
            tijden.append((time.perf_counter() - start) * 1000)
        tijden.sort()
        p95 = tijden[int(len(tijden) * 0.95) - 1]
        uit[label] = (aantal, statistics.median(tijden), p95, statistics.median(cpu))
    return uit


def _accounts(scale: int) -> list[dict]:
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    from werkcentrum.models import Medewerker

    accounts = []
    for rol, voorvoegsel in omgeving.ROLLEN.items():
        mens = Medewerker.objects.get(email=f"{voorvoegsel}@zkij.demo.werkcentrum.nl")
        if not Authenticator.objects.filter(user=mens, type=Authenticator.Type.TOTP).exists():
            TOTP.activate(mens, generate_totp_secret())
        accounts.append({"rol": rol, "email": mens.email})
    return accounts


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--meet":
        print(json.dumps(meten(int(sys.argv[2]))))
    else:
        sys.exit(main())
