"""The dependency audit step (scripts/audit.py, `make audit`, .ci/run): a known vulnerability
fails it; an unreachable vulnerability service gives a loud notice that the audit did not run
(never a silent "clean"); any other pip-audit failure fails it."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("audit_script", ROOT / "scripts" / "audit.py")
audit = importlib.util.module_from_spec(_spec)
sys.modules["audit_script"] = audit  # dataclasses look their module up there
_spec.loader.exec_module(audit)


def _rapport(*deps: dict) -> str:
    return json.dumps({"dependencies": list(deps), "fixes": []})


SCHOON = {"name": "django", "version": "5.2.19", "vulns": []}
LEK = {
    "name": "jinja2",
    "version": "3.1.2",
    "vulns": [{"id": "GHSA-h5c8-rqwp-cp95", "fix_versions": ["3.1.3"]}],
}
NIET_GEVONDEN = {
    "name": "amqp",
    "skip_reason": "Dependency not found on PyPI and could not be audited: amqp (5.4.2)",
}


def test_een_bekende_kwetsbaarheid_laat_de_audit_falen():
    uit = audit.beoordelen("pypi", 1, _rapport(SCHOON, LEK), "")
    assert uit.code == 1
    assert "jinja2 3.1.2: GHSA-h5c8-rqwp-cp95 (opgelost in 3.1.3)" in uit.tekst


def test_geen_kwetsbaarheden_is_een_schone_audit():
    uit = audit.beoordelen("osv", 0, _rapport(SCHOON, SCHOON), "")
    assert uit.code == 0 and "geen bekende kwetsbaarheden in 2 pakketten" in uit.tekst


def test_pypi_zonder_json_api_telt_als_onbereikbaar_niet_als_schoon():
    """pip-audit itself says "No known vulnerabilities found" and exits 0 here."""
    uit = audit.beoordelen("pypi", 0, _rapport(NIET_GEVONDEN, NIET_GEVONDEN), "")
    assert uit.code == audit.ONBEREIKBAAR
    assert "geen enkele van de 2 afhankelijkheden" in uit.tekst


def test_deels_overgeslagen_wordt_genoemd():
    uit = audit.beoordelen("pypi", 0, _rapport(SCHOON, NIET_GEVONDEN), "")
    assert uit.code == 0 and "NIET gecontroleerd: amqp" in uit.tekst


@pytest.mark.parametrize(
    "stderr",
    [
        "requests.exceptions.ConnectionError: HTTPSConnectionPool(host='api.osv.dev', port=443):"
        " Max retries exceeded (Caused by NameResolutionError(...))",
        "requests.exceptions.ReadTimeout: HTTPSConnectionPool(host='pypi.org'): Read timed out.",
    ],
)
def test_een_netwerkfout_telt_als_onbereikbaar(stderr):
    assert audit.beoordelen("osv", 1, "", stderr).code == audit.ONBEREIKBAAR


def test_een_tijdslimiet_telt_als_onbereikbaar():
    assert audit.beoordelen("osv", None, "", "").code == audit.ONBEREIKBAAR


def test_een_andere_fout_van_pip_audit_laat_de_audit_falen():
    fout = "ERROR:pip_audit._cli:requirement django==5.2.19 has no hash (--require-hashes)"
    uit = audit.beoordelen("pypi", 1, "", fout)
    assert uit.code == 2 and "no hash" in uit.tekst


def test_zonder_bereikbare_dienst_een_luide_melding_en_geen_ci_fout(monkeypatch, capsys):
    gevraagd = []

    def onbereikbaar(dienst):
        gevraagd.append(dienst)
        return audit.Uitkomst(audit.ONBEREIKBAAR, f"{dienst}: niet bereikbaar (DNS)")

    monkeypatch.setattr(audit, "audit_met", onbereikbaar)
    assert audit.main() == 0
    uit = capsys.readouterr().out
    assert gevraagd == ["pypi", "osv"]
    assert "AFHANKELIJKHEDEN NIET GECONTROLEERD" in uit and "GEEN" in uit
    assert "pypi: niet bereikbaar (DNS)" in uit and "osv: niet bereikbaar (DNS)" in uit


def test_de_eerste_bereikbare_dienst_beslist(monkeypatch, capsys):
    monkeypatch.setattr(
        audit, "audit_met", lambda dienst: audit.beoordelen(dienst, 1, _rapport(LEK), "")
    )
    assert audit.main() == 1
    assert "GHSA-h5c8-rqwp-cp95" in capsys.readouterr().out


def test_ci_en_make_draaien_de_audit():
    assert "scripts/audit.py" in (ROOT / ".ci" / "run").read_text()
    assert "scripts/audit.py" in (ROOT / "Makefile").read_text()
