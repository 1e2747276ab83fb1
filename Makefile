# The README's commands; everything goes through scripts/dev.py so only Python is needed.
PY := .venv/bin/python

.PHONY: install run test lint ci bench bench-pages bench-profiel load lock messages audit

install:
	python3 scripts/dev.py install

run:
	python3 scripts/dev.py run

test:
	python3 scripts/dev.py test

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run

ci:
	bash .ci/run

# Known vulnerabilities in the locked dependencies (pip-audit; needs PyPI's JSON API or OSV).
audit: install
	$(PY) scripts/audit.py

bench: install
	$(PY) -m pytest tests/bench -q -p no:cacheprovider -o python_files="bench_*.py"

# PostgreSQL + Redis on 127.0.0.1; see docs/benchmarks.md (BENCH_DATABASE_URL, BENCH_SCALES).
bench-pages: install
	$(PY) -m tests.bench.pages

# Where a list page's CPU goes, beside the trivial view (BENCH_PROFIEL_SCALE, default 1).
bench-profiel: install
	$(PY) -m tests.bench.profiel

load: install
	$(PY) -m tests.bench.load

# Re-pin the dependencies after changing pyproject.toml.
# Extras stay in the lock: pip 23 (Python 3.11's) rejects a dependency's extra (weasyprint ->
# fonttools[woff]) in hash mode once a newer release exists, unless the extra is pinned too.
lock: install
	$(PY) -m pip install --quiet pip-tools
	$(PY) -m piptools compile --quiet --no-strip-extras --generate-hashes --allow-unsafe --no-emit-index-url --no-emit-find-links -o requirements/base.lock pyproject.toml
	$(PY) -m piptools compile --quiet --no-strip-extras --generate-hashes --allow-unsafe --no-emit-index-url --no-emit-find-links --extra dev -o requirements/dev.lock pyproject.toml

messages: install
	$(PY) manage.py makemessages -l en --ignore=.venv --ignore=var
	$(PY) manage.py compilemessages -l en --ignore=.venv
