"""Benchmark of the core pages at demo scale 1 and 10: SQL queries per request (must not grow
with the data) and server time. Run with `make bench`; prints a table, asserts only the query
counts, never a time."""

from __future__ import annotations

import statistics
import time
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from werkcentrum.models import Medewerker

PAGES = ["/werkplek/", "/locaties/", "/organisaties/", "/api/v1/locaties/", "/api/v1/organisaties/"]
ROUNDS = 20


def measure(client, url: str) -> tuple[int, float, float]:
    client.get(url)  # warm-up
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    # Read the count now: the next request's request_started signal clears the query log.
    count = len(queries)
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return count, statistics.median(times), times[int(len(times) * 0.95) - 1]


@pytest.mark.django_db
def test_core_pages_query_counts_do_not_grow_with_scale(client, settings, capsys):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    results = {}
    for scale in (1, 10):
        call_command("demo_data", "--scale", str(scale), stdout=StringIO())
        client.force_login(Medewerker.objects.get(email="beheerder@zkij.demo.werkcentrum.nl"))
        results[scale] = {url: measure(client, url) for url in PAGES}
    with capsys.disabled():
        print(f"\n{'page':<28}{'scale':>6}{'queries':>9}{'median ms':>11}{'p95 ms':>9}")
        for scale, rows in results.items():
            for url, (q, med, p95) in rows.items():
                print(f"{url:<28}{scale:>6}{q:>9}{med:>11.1f}{p95:>9.1f}")
    for url in PAGES:
        assert results[1][url][0] == results[10][url][0], url
