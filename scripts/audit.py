#!/usr/bin/env python3
"""Dependency audit: pip-audit on the locked requirements (requirements/dev.lock, a superset of
base.lock), resolved from the lock's pins and hashes alone (no pip, no install).

    python3 scripts/audit.py        (make audit; a step of .ci/run)

Exit codes:
    0  no known vulnerability, OR no vulnerability service could be reached: then a loud
       notice says the audit did NOT run and why (a closed network must not fail CI, nor be
       mistaken for a clean audit);
    1  a known vulnerability in a locked dependency;
    2  pip-audit itself failed for another reason (a broken lock file, a bug): fix it.

Each service (PyPI's JSON API, then OSV) is tried once, bounded by a timeout. PyPI answering
404 for every package (a mirror without the JSON API) counts as unreachable: pip-audit itself
would report that as "No known vulnerabilities found" with exit 0.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements" / "dev.lock"
PIP_AUDIT = ROOT / ".venv" / "bin" / "pip-audit"
DIENSTEN = ("pypi", "osv")
TIJDSLIMIET = 180  # seconds per service
SOCKET_TIMEOUT = "15"
NETWERKFOUT = re.compile(
    r"ConnectionError|NameResolutionError|Max retries exceeded|Temporary failure in name "
    r"resolution|Name or service not known|Connection refused|timed out|ReadTimeout|"
    r"ConnectTimeout|Network is unreachable|SSLError",
)


@dataclass
class Uitkomst:
    code: int  # the exit code (0, 1, 2), or ONBEREIKBAAR: try the next service
    tekst: str


ONBEREIKBAAR = -1


def beoordelen(dienst: str, returncode: int | None, rapport: str, stderr: str) -> Uitkomst:
    """Judge one pip-audit run from its exit code, its JSON report and its stderr."""
    if returncode is None:
        return Uitkomst(ONBEREIKBAAR, f"{dienst}: geen antwoord binnen {TIJDSLIMIET} seconden")
    try:
        deps = json.loads(rapport)["dependencies"] if rapport.strip() else None
    except (ValueError, KeyError, TypeError):
        deps = None
    if deps is None:
        if NETWERKFOUT.search(stderr):
            regel = next((r for r in reversed(stderr.splitlines()) if r.strip()), "")
            return Uitkomst(ONBEREIKBAAR, f"{dienst}: niet bereikbaar ({regel.strip()[:300]})")
        return Uitkomst(2, f"{dienst}: pip-audit faalde (exit {returncode}):\n{stderr[-2000:]}")
    lek = [d for d in deps if d.get("vulns")]
    if lek:
        regels = [
            f"  {d['name']} {d.get('version', '')}: "
            + ", ".join(
                f"{v['id']} (opgelost in {', '.join(v.get('fix_versions') or ['-'])})"
                for v in d["vulns"]
            )
            for d in lek
        ]
        return Uitkomst(1, f"{dienst}: bekende kwetsbaarheden:\n" + "\n".join(regels))
    overgeslagen = [d for d in deps if d.get("skip_reason")]
    if deps and len(overgeslagen) == len(deps):
        reden = overgeslagen[0]["skip_reason"]
        return Uitkomst(
            ONBEREIKBAAR,
            f"{dienst}: geen enkele van de {len(deps)} afhankelijkheden kon worden gecontroleerd "
            f"(bijv. '{reden}')",
        )
    tekst = f"{dienst}: geen bekende kwetsbaarheden in {len(deps) - len(overgeslagen)} pakketten"
    if overgeslagen:
        tekst += "; NIET gecontroleerd: " + ", ".join(d["name"] for d in overgeslagen)
    return Uitkomst(0, tekst)


def audit_met(dienst: str) -> Uitkomst:
    with tempfile.TemporaryDirectory() as tmp:
        rapport = Path(tmp) / "audit.json"
        cmd = [
            str(PIP_AUDIT),
            "--requirement",
            str(LOCK),
            "--require-hashes",
            "--disable-pip",
            "--vulnerability-service",
            dienst,
            "--format",
            "json",
            "--output",
            str(rapport),
            "--progress-spinner",
            "off",
            "--timeout",
            SOCKET_TIMEOUT,
            "--cache-dir",
            str(Path(tmp) / "cache"),
        ]
        try:
            uit = subprocess.run(cmd, capture_output=True, text=True, timeout=TIJDSLIMIET)  # noqa: S603
        except subprocess.TimeoutExpired:
            return beoordelen(dienst, None, "", "")
        inhoud = rapport.read_text() if rapport.exists() else ""
        return beoordelen(dienst, uit.returncode, inhoud, uit.stderr)


def melding_niet_gecontroleerd(redenen: list[str]) -> str:
    streep = "!" * 78
    return "\n".join(
        [
            streep,
            "!!  AFHANKELIJKHEDEN NIET GECONTROLEERD: de audit op kwetsbaarheden kon niet",
            "!!  draaien, omdat geen kwetsbaarheidsdienst bereikbaar was. Dit is GEEN",
            "!!  schone audit. Draai `make audit` op een machine met internettoegang.",
            *[f"!!  - {r}" for r in redenen],
            streep,
        ]
    )


def main() -> int:
    if not PIP_AUDIT.exists():
        print(f"pip-audit ontbreekt ({PIP_AUDIT}); eerst: python3 scripts/dev.py install")
        return 2
    redenen = []
    for dienst in DIENSTEN:
        uitkomst = audit_met(dienst)
        if uitkomst.code != ONBEREIKBAAR:
            print(uitkomst.tekst)
            return uitkomst.code
        redenen.append(uitkomst.tekst)
    print(melding_niet_gecontroleerd(redenen))
    return 0


if __name__ == "__main__":
    sys.exit(main())
