"""Load test runner (`make load`): a working day of many regio's under gunicorn.

The database holds LOAD_REGIOS regio's (default 10), each with the demo at BENCH_SCALE
(default 1, the demo's own size), loaded once and then copied back before every run. The run
has LOAD_SESSIES staff sessions of every role (default 1,000; people logged in earlier, see
omgeving.sessies_klaarzetten) and LOAD_PUBLIEK anonymous visitors (default 200), each
thinking 5-15 s between pages; about one request in ten is a write (tests/bench/locustfile.py).
gunicorn, PostgreSQL, Redis (cache and broker in separate databases) and locust share the
machine.

The first step is the working day itself; then the same mix with more people
(LOAD_STAPPEN, multiples of the first step, default 2,3,4,6) until p95 passes 250 ms or
errors appear. Reported per step, with the knee: the highest requests/s with p95 under
250 ms. Results (markdown and CSVs) in docs/load/.

    python -m tests.bench.load
    LOAD_REGIOS=10 LOAD_SESSIES=1000 LOAD_PUBLIEK=200 LOAD_DURATION=120s python -m tests.bench.load
    LOAD_STAPPEN= python -m tests.bench.load        # only the working day, no knee

Targets (a benchmark, not a test): the working day at p95 under 150 ms with 0 errors."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime

from tests.bench import omgeving, regios

REGIOS = int(os.environ.get("LOAD_REGIOS", "10"))
SCALE = int(os.environ.get("BENCH_SCALE", "1"))
SESSIES = int(os.environ.get("LOAD_SESSIES", "1000"))
PUBLIEK = int(os.environ.get("LOAD_PUBLIEK", "200"))
DURATION = os.environ.get("LOAD_DURATION", "120s")
STAP_DURATION = os.environ.get("LOAD_STAP_DURATION", "60s")
STAPPEN = [int(s) for s in os.environ.get("LOAD_STAPPEN", "2,3,4,6").split(",") if s.strip()]
# cores + 1: locust, PostgreSQL and Redis share the same cores (docs/benchmarks.md).
WORKERS = int(os.environ.get("LOAD_WORKERS", str((os.cpu_count() or 1) + 1)))
UIT = omgeving.ROOT / "docs" / "load"
DOEL_P95, KNIE_P95 = 150, 250
WERKDAG = (1000, 200)  # staff sessions and public visitors of issue 19's working day
# People arrive at this many per second; the statistics start once all are there.
AANKOMST = int(os.environ.get("LOAD_AANKOMST", "50"))


def main() -> int:
    omgeving.database_klaarzetten(SCALE, REGIOS)
    grootste = max([1, *STAPPEN])
    sessies = omgeving.sessies_klaarzetten(SCALE, REGIOS, SESSIES * grootste)
    pad = omgeving.VAR / "sessies.json"
    pad.write_text(json.dumps(sessies))
    UIT.mkdir(parents=True, exist_ok=True)
    stappen = []
    belasting_voor = os.getloadavg()
    with omgeving.gunicorn(SCALE, WORKERS, REGIOS) as basis:
        for factor in [1, *STAPPEN]:
            duur = DURATION if factor == 1 else STAP_DURATION
            stap = _stap(basis, pad, factor, duur)
            stappen.append(stap)
            print(_regel(stap), flush=True)
            if stap["p95"] >= KNIE_P95 or stap["fouten"]:
                break
    belasting_na = os.getloadavg()
    _wachtrij_legen()
    samenvatting = schrijf_samenvatting(stappen, belasting_voor, belasting_na)
    print(samenvatting)
    return 0


def _stap(basis: str, sessies, factor: int, duur: str) -> dict:
    staf, publiek = SESSIES * factor, PUBLIEK * factor
    naam = "load" if factor == 1 else f"load_x{factor}"
    opdracht = [sys.executable, "-m", "locust", "-f", "tests/bench/locustfile.py", "--headless"]
    opdracht += ["-u", str(staf + publiek), "-r", str(AANKOMST), "-t", duur, "--reset-stats"]
    opdracht += ["--stop-timeout", "20", "--csv", str(UIT / naam), "--only-summary"]
    opdracht += ["--loglevel", "WARNING", "--host", basis]
    opdracht += ["Gids", "Coordinator", "WspAdviseur", "WspManager", "RbaSecretariaat"]
    opdracht += ["FinancieelBeheerder", "Inwoner"]
    cpu_voor, klok = cpu_per_deel(), time.monotonic()
    subprocess.run(
        opdracht,
        cwd=omgeving.ROOT,
        env={
            **os.environ,
            "BENCH_SESSIES": str(sessies),
            "BENCH_REGIO_CODES": ",".join(regios.codes(REGIOS)),
            "LOAD_PUBLIEK_NU": str(publiek),
            "PYTHONPATH": str(omgeving.ROOT),
        },
        check=False,
    )
    # Share of the machine's cores (100% = every core busy for the whole step).
    capaciteit = (time.monotonic() - klok) * (os.cpu_count() or 1)
    cpu = {deel: (t - cpu_voor[deel]) / capaciteit for deel, t in cpu_per_deel().items()}
    totaal, rijen = lees_stats(naam)
    n = int(totaal["Request Count"])
    return {
        "factor": factor,
        "naam": naam,
        "staf": staf,
        "publiek": publiek,
        "duur": duur,
        "verzoeken": n,
        "fouten": int(totaal["Failure Count"]),
        "rps": float(totaal["Requests/s"]),
        "p50": float(totaal["50%"]),
        "p95": float(totaal["95%"]),
        "p99": float(totaal["99%"]),
        "posts": sum(int(r["Request Count"]) for r in rijen if r["Type"] == "POST"),
        "rijen": rijen,
        "cpu": cpu,
    }


# Who used the two cores during a step: the server under test (gunicorn), the database, Redis
# and the load generator (locust), which this machine runs side by side.
DELEN = ("gunicorn", "postgres", "redis", "locust", "anders")


def cpu_per_deel() -> dict[str, float]:
    """CPU seconds (user + system) used so far, per part (Linux /proc); the difference over
    a step is what each part used in it. A process counts itself and its ended children:
    PostgreSQL's postmaster holds the backends that closed, and this runner holds locust,
    which has ended when the step is read."""
    tik = os.sysconf("SC_CLK_TCK")
    delen = dict.fromkeys(DELEN, 0.0)
    for pad in os.listdir("/proc"):
        if not pad.isdigit():
            continue
        try:
            with open(f"/proc/{pad}/stat") as f:
                velden = f.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{pad}/cmdline", "rb") as f:
                opdracht = f.read().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue  # ended meanwhile
        # utime, stime, cutime, cstime: fields 14-17 of stat, here 11-14 after the name.
        eigen, kinderen = (sum(int(v) for v in velden[i : i + 2]) / tik for i in (11, 13))
        if int(pad) == os.getpid():
            delen["anders"] += eigen
            delen["locust"] += kinderen  # the steps' locust runs (and nothing else meanwhile)
        else:
            delen[_deel(opdracht)] += eigen + kinderen
    return delen


def _deel(opdracht: str) -> str:
    if "gunicorn" in opdracht:
        return "gunicorn"
    programma = opdracht.split(" ", 1)[0]
    # Backends name themselves "postgres: ..."; the postmaster (which keeps the CPU of the
    # backends that closed) runs as .../bin/postgres.
    if programma in ("postgres:", "postgres") or programma.endswith("/postgres"):
        return "postgres"
    if "redis-server" in opdracht:
        return "redis"
    if "locust" in opdracht:
        return "locust"
    return "anders"


def _regel(stap: dict) -> str:
    return (
        f"| {stap['staf']} + {stap['publiek']} | {stap['duur']} | {stap['verzoeken']} | "
        f"{stap['fouten']} | {stap['rps']:.1f} | {stap['p50']:.0f} | {stap['p95']:.0f} | "
        f"{stap['p99']:.0f} | {stap['posts'] / max(stap['verzoeken'], 1):.0%} |"
    )


def _cpu_regel(stap: dict) -> str:
    cpu = stap["cpu"]
    return (
        f"| {stap['staf']} + {stap['publiek']} | "
        + " | ".join(f"{cpu[d]:.0%}" for d in DELEN)
        + f" | {sum(cpu.values()):.0%} |"
    )


def _wachtrij_legen() -> None:
    """The writes queue Celery tasks (no worker runs during the test); drop them again."""
    subprocess.run(
        [sys.executable, "-m", "celery", "-A", "werkcentrum", "purge", "-f"],
        cwd=omgeving.ROOT,
        env=omgeving.omgeving(SCALE, REGIOS),
        check=False,
        capture_output=True,
    )


def lees_stats(naam: str) -> tuple[dict, list[dict]]:
    with open(UIT / f"{naam}_stats.csv") as f:
        rijen = list(csv.DictReader(f))
    totaal = next(r for r in rijen if r["Name"] == "Aggregated")
    return totaal, [r for r in rijen if r["Name"] != "Aggregated"]


def knie(stappen: list[dict]) -> dict | None:
    """The step with the most requests/s whose p95 stayed under KNIE_P95 without errors."""
    goed = [s for s in stappen if s["p95"] < KNIE_P95 and not s["fouten"]]
    return max(goed, key=lambda s: s["rps"], default=None)


def schrijf_samenvatting(stappen: list[dict], belasting_voor, belasting_na) -> str:
    dag = stappen[0]
    m = omgeving.machine()
    k = knie(stappen)
    gehaald = dag["p95"] < DOEL_P95 and dag["fouten"] == 0
    regels = [
        "# Laatste belastingtest",
        "",
        f"- datum: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        f"- commando: `make load` (LOAD_REGIOS={REGIOS} BENCH_SCALE={SCALE} "
        f"LOAD_SESSIES={SESSIES} LOAD_PUBLIEK={PUBLIEK} LOAD_DURATION={DURATION} "
        f"LOAD_STAPPEN={','.join(map(str, STAPPEN))} LOAD_WORKERS={WORKERS})",
        f"- machine: {m['nproc']} cores, {m['cpu']}; belasting (load average 1/5/15 min) "
        f"voor {_la(belasting_voor)}, na {_la(belasting_na)}",
        f"- {REGIOS} regio's met elk de demo op schaal {SCALE}; gunicorn {WORKERS} workers, "
        "PostgreSQL, Redis (cache en broker apart), locust op dezelfde machine (loopback)",
        "- iedereen denkt 5-15 s tussen twee pagina's; medewerkers zijn al ingelogd",
        "",
        "| medewerkers + publiek | duur | verzoeken | fouten | req/s | p50 ms | p95 ms | "
        "p99 ms | schrijfaandeel (POST) |",
        "|---|---|---|---|---|---|---|---|---|",
        *(_regel(s) for s in stappen),
        "",
        f"Doel voor de eerste regel: p95 onder {DOEL_P95} ms en 0 fouten: "
        f"**{'gehaald' if gehaald else 'niet gehaald'}** (p95 {dag['p95']:.0f} ms, "
        f"{dag['fouten']} fouten)."
        + (
            ""
            if (SESSIES, PUBLIEK) == WERKDAG
            else f" Dat is niet de werkdag van issue 19 ({WERKDAG[0]} medewerkers en "
            f"{WERKDAG[1]} bezoekers): zie de stap met die aantallen."
        ),
        (
            f"Knik (meeste verzoeken/s met p95 onder {KNIE_P95} ms): **{k['rps']:.0f} "
            f"verzoeken/s** bij {k['staf']} medewerkers en {k['publiek']} bezoekers"
            + (
                " (de zwaarste stap; de knik ligt hoger)"
                if k is stappen[-1] and k["p95"] < KNIE_P95
                else ""
            )
            + "."
            if k
            else f"Knik: geen stap bleef onder {KNIE_P95} ms."
        ),
        "",
        "Wie de cores gebruikte, per stap (aandeel van alle cores samen over de stap; "
        "gunicorn is de server die getest wordt, locust de belasting zelf, anders de rest "
        "van de machine):",
        "",
        "| medewerkers + publiek | " + " | ".join(DELEN) + " | samen |",
        "|---|" + "---|" * (len(DELEN) + 1),
        *(_cpu_regel(s) for s in stappen),
        "",
        "Per verzoek, de werkdag:",
        "",
        "| verzoek | aantal | fouten | mediaan ms | p95 ms | p99 ms |",
        "|---|---|---|---|---|---|",
        *(
            f"| {r['Type']} {r['Name']} | {r['Request Count']} | {r['Failure Count']} | "
            f"{r['50%']} | {r['95%']} | {r['99%']} |"
            for r in sorted(dag["rijen"], key=lambda r: -int(r["Request Count"]))
            if int(r["Request Count"])
        ),
        "",
        "```",
        m["free"],
        "```",
    ]
    tekst = "\n".join(regels) + "\n"
    (UIT / "resultaat.md").write_text(tekst)
    return tekst


def _la(waarden) -> str:
    return " / ".join(f"{w:.1f}" for w in waarden)


if __name__ == "__main__":
    start = time.monotonic()
    code = main()
    shutil.rmtree(omgeving.VAR / "locust", ignore_errors=True)
    print(f"klaar in {time.monotonic() - start:.0f} s")
    sys.exit(code)
