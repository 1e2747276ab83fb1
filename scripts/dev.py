#!/usr/bin/env python3
"""The two commands of the README, needing nothing but Python 3.11+ on a fresh machine.

    python3 scripts/dev.py run    install, migrate, load demo data, start web + Celery worker + beat
    python3 scripts/dev.py test   install and run all tests (pytest arguments may follow)

Everything is installed into .venv from the hashed lock file requirements/dev.lock.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
PY = VENV / "bin" / "python"
LOCK = ROOT / "requirements" / "dev.lock"
STAMP = VENV / ".lock-sha256"
CHROMIUM = Path("/usr/bin/chromium")


def say(text: str) -> None:
    print(f"==> {text}", flush=True)


def sh(*args: str | Path, env: dict | None = None) -> None:
    subprocess.run([str(a) for a in args], cwd=ROOT, check=True, env=env)


def install() -> None:
    if sys.version_info < (3, 11):
        sys.exit("Python 3.11 of nieuwer is nodig (Django 5.2 LTS).")
    if not PY.exists():
        say("virtual environment maken in .venv")
        sh(sys.executable, "-m", "venv", VENV)
    digest = hashlib.sha256(LOCK.read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == digest:
        return
    say("pakketten installeren uit requirements/dev.lock")
    sh(
        PY,
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        "--require-hashes",
        "-r",
        LOCK,
    )
    STAMP.write_text(digest)


def manage(*args: str, env: dict | None = None) -> None:
    sh(PY, "manage.py", *args, env=env)


def run_env(environ: dict[str, str]) -> tuple[dict[str, str], str]:
    """The dev server's environment and port: DEBUG on unless said otherwise, and links in
    mails (SITE_URL) pointing at this server, whatever PORT says."""
    port = environ.get("PORT", "8000")
    env = {
        **environ,
        "DEBUG": environ.get("DEBUG", "1"),
        "SITE_URL": environ.get("SITE_URL", f"http://127.0.0.1:{port}"),
    }
    return env, port


REGIOS = {"zkij": "ZKIJ", "amf": "Amersfoort"}


def run() -> None:
    install()
    env, port = run_env(dict(os.environ))
    (ROOT / "var").mkdir(exist_ok=True)
    say("database bijwerken en demogegevens laden")
    manage("migrate", "--noinput", env=env)
    # Two regio's on one installation: Zuid-Kennemerland en IJmond and Amersfoort.
    for code in REGIOS:
        manage("seed_regio", code, env=env)
        manage("demo_data", "--regio", code, "--seed", "1", env=env)
    say("Celery worker met beat starten (filesystem-broker in var/celery)")
    worker = subprocess.Popen(
        [
            str(VENV / "bin" / "celery"),
            "-A",
            "werkcentrum",
            "worker",
            "-B",
            "--pool=solo",
            "--loglevel=INFO",
            "--schedule",
            str(ROOT / "var" / "celerybeat-schedule"),
        ],
        cwd=ROOT,
        env=env,
    )
    web = subprocess.Popen(
        [str(PY), "manage.py", "runserver", f"127.0.0.1:{port}"], cwd=ROOT, env=env
    )
    time.sleep(2)
    print(
        f"\n  Portaal:      http://127.0.0.1:{port}/"
        + "".join(
            f"\n  {naam + ':':<13} http://127.0.0.1:{port}/{code}/" for code, naam in REGIOS.items()
        )
        + f"\n  Inloggen:     http://127.0.0.1:{port}/accounts/login/"
        f"\n  Gezondheid:   http://127.0.0.1:{port}/health/  (de hartslag van de worker elke 30 s)"
        "\n  Demo-logins staan hierboven; stoppen met Ctrl-C.\n",
        flush=True,
    )

    def stop(*_args) -> None:
        for proc in (web, worker):
            if proc.poll() is None:
                proc.terminate()
        for proc in (web, worker):
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
        sys.exit(0)

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    while web.poll() is None and worker.poll() is None:
        time.sleep(1)
    stop()


def test(extra: list[str]) -> None:
    install()
    args = [str(PY), "-m", "pytest", *extra]
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            sys.exit(
                "CI: /usr/bin/chromium ontbreekt; de browsertests mogen niet overgeslagen worden."
            )
        print(
            "\n  LET OP: /usr/bin/chromium ontbreekt, dus de browsertests (tests/e2e) worden "
            "overgeslagen.\n  Installeer Debian's chromium (apt-get install chromium) "
            "om ze te draaien.\n",
            flush=True,
        )
        args += ["-m", "not e2e"]
    if "DATABASE_URL" in os.environ:
        # Outside the embedded mode settings insist on a SECRET_KEY; tests need no real one.
        os.environ.setdefault("SECRET_KEY", "tests-only-" + "k" * 50)
        # The browser tests' live server speaks plain HTTP; its middleware is built before any
        # per-test override, so this has to be decided before Django starts.
        os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
    os.chdir(ROOT)
    os.execv(args[0], args)


def main() -> None:
    command = sys.argv[1] if len(sys.argv) > 1 else "help"
    if command == "install":
        install()
    elif command == "run":
        run()
    elif command == "test":
        test(sys.argv[2:])
    else:
        print(__doc__)
        sys.exit(0 if command == "help" else 2)


if __name__ == "__main__":
    main()
