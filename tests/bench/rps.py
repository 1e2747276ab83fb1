"""Requests per second under gunicorn for the list pages and the ceiling (the bench-only trivial
view through the same middleware), at --scale 100 on PostgreSQL. Starts gunicorn on a free
loopback port, drives it with a light gevent client (keep-alive connections of a logged-in
session) for a fixed time per page, and stops everything itself.

    python -m tests.bench.rps                      # or: make bench-rps
    BENCH_SCALE=1 BENCH_RPS_SECONDS=3 BENCH_RPS_RONDES=1 python -m tests.bench.rps

Target (benchmark, not test): every list page reaches at least half the ceiling's req/s.
The API lists are left out here: their per-user throttle (600/minute, production setting)
would be measured instead of the server; tests.bench.pages times them in-process."""

from __future__ import annotations

import os
import statistics
import time

import requests

from tests.bench import omgeving

SCALE = int(os.environ.get("BENCH_SCALE", "100"))
SECONDS = float(os.environ.get("BENCH_RPS_SECONDS", "5"))
THREADS = int(os.environ.get("BENCH_RPS_THREADS", "8"))
# Every page is measured this many times, the pages taking turns, and the median counts: one
# run of a few seconds on a shared 2-core machine moves by 5-10% from run to run.
RONDES = int(os.environ.get("BENCH_RPS_RONDES", "3"))
WORKERS = int(os.environ.get("BENCH_WORKERS", str(2 * (os.cpu_count() or 1) + 1)))
PAGINAS = [
    ("plafond (triviale view)", "gids", "/bench/plafond/"),
    ("gids: gesprekken", "gids", "/loket/gesprekken/"),
    ("wsp_adviseur: vacatures", "wsp_adviseur", "/wsp/vacatures/"),
    ("wsp_adviseur: werkgevers", "wsp_adviseur", "/wsp/werkgevers/"),
    ("wsp_adviseur: nazorg (plaatsingen)", "wsp_adviseur", "/wsp/plaatsingen/"),
    ("rba_secretariaat: besluitenlijst", "rba_secretariaat", "/rba/besluiten/"),
    ("inwoner: vacaturekrant", None, "/zkij/vacatures/"),
    ("inwoner: besluitenlijst", None, "/zkij/besluiten/"),
]


def meten(basis: str, koppen: dict[str, str], pad: str) -> tuple[float, int]:
    """Requests/s (successful) and the number of failures: THREADS concurrent keep-alive
    connections for SECONDS. The client is geventhttpclient (C parser, greenlets), so it costs
    the 2 cores far less than the server it measures; a threaded requests client made the
    ceiling a measure of the client."""
    import gevent
    from geventhttpclient import HTTPClient
    from geventhttpclient.url import URL

    url = URL(basis)
    client = HTTPClient(url.host, url.port, concurrency=THREADS, network_timeout=60)
    geteld = {"ok": 0, "fout": 0}
    einde = time.monotonic() + SECONDS

    def werker() -> None:
        while time.monotonic() < einde:
            antwoord = client.get(pad, headers=koppen)
            antwoord.read()
            geteld["ok" if antwoord.status_code == 200 else "fout"] += 1

    start = time.monotonic()
    gevent.joinall([gevent.spawn(werker) for _ in range(THREADS)])
    duur = time.monotonic() - start
    client.close()
    return geteld["ok"] / duur, geteld["fout"]


def _koppen(sessie: requests.Session | None) -> dict[str, str]:
    """The logged-in session's cookies and proxy header, for the measuring client."""
    if sessie is None:
        return {"X-Forwarded-For": "10.250.0.1"}
    koekjes = "; ".join(f"{c.name}={c.value}" for c in sessie.cookies)
    return {"Cookie": koekjes, "X-Forwarded-For": sessie.headers["X-Forwarded-For"]}


def main() -> None:
    omgeving.database_klaarzetten(SCALE)
    accounts = {a["rol"]: a for a in omgeving.accounts_klaarzetten(SCALE, per_rol=1)}
    belasting = os.getloadavg()
    with omgeving.gunicorn(SCALE, WORKERS) as basis:
        sessies: dict = {None: None}
        for rol in {r for _l, r, _p in PAGINAS if r}:
            sessies[rol] = requests.Session()
            omgeving.inloggen(sessies[rol], basis, accounts[rol]["email"], accounts[rol]["secret"])
        for _label, rol, pad in PAGINAS:
            meten(basis, _koppen(sessies[rol]), pad)  # warm-up of every worker
        gemeten: dict[str, list[tuple[float, int]]] = {label: [] for label, _r, _p in PAGINAS}
        for _ronde in range(RONDES):
            for label, rol, pad in PAGINAS:
                gemeten[label].append(meten(basis, _koppen(sessies[rol]), pad))
    plafond = statistics.median(rps for rps, _f in gemeten[PAGINAS[0][0]])
    regels = [
        f"gunicorn {WORKERS} workers, --scale {SCALE}, {THREADS} verbindingen (geventhttpclient), "
        f"{SECONDS:.0f} s per pagina per ronde, {RONDES} rondes om de beurt (de mediaan telt), "
        f"load average vooraf {' / '.join(f'{w:.1f}' for w in belasting)}",
        "",
        "| pagina | req/s (mediaan) | per ronde | fouten | deel van plafond | doel (>= 50%) |",
        "|---|---|---|---|---|---|",
    ]
    for label, metingen in gemeten.items():
        rps = statistics.median(r for r, _f in metingen)
        rondes = " / ".join(f"{r:.0f}" for r, _f in metingen)
        fouten = sum(f for _r, f in metingen)
        deel = rps / plafond if plafond else 0
        doel = "" if label == PAGINAS[0][0] else ("ja" if deel >= 0.5 else "**nee**")
        regels.append(f"| {label} | {rps:.0f} | {rondes} | {fouten} | {deel:.0%} | {doel} |")
    tekst = "\n".join(regels)
    print(tekst)
    commando = (
        f"BENCH_SCALE={SCALE} BENCH_RPS_SECONDS={SECONDS:g} BENCH_RPS_RONDES={RONDES} "
        "make bench-rps"
    )
    uit = omgeving.ROOT / "docs" / "bench"
    uit.mkdir(parents=True, exist_ok=True)
    kop = omgeving.kop("Verzoeken per seconde onder gunicorn", commando)
    (uit / "rps.md").write_text(f"{kop}\n{tekst}\n")


if __name__ == "__main__":
    main()
