"""Dutch working days for deadlines: weekends and the national public holidays do not count.

Bevrijdingsdag (5 May) counts as a holiday every year, as in most public-sector CAO's;
the `holidays` package follows the lustrum rule, so we add it ourselves.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@lru_cache(maxsize=64)
def feestdagen(jaar: int) -> frozenset[date]:
    dagen = set(holidays.country_holidays("NL", years=jaar).keys())
    dagen.add(date(jaar, 5, 5))
    return frozenset(dagen)


def is_werkdag(dag: date) -> bool:
    return dag.weekday() < 5 and dag not in feestdagen(dag.year)


def werkdagen_na(start: date | datetime, aantal: int) -> date:
    """The date `aantal` working days after `start` (a datetime is taken in Amsterdam time).

    With aantal=0 it is the first working day on or after `start`.
    """
    if isinstance(start, datetime):
        start = start.astimezone(AMSTERDAM).date()
    dag = start
    while not is_werkdag(dag):
        dag += timedelta(days=1)
    if aantal == 0:
        return dag
    dag = start
    gedaan = 0
    while gedaan < aantal:
        dag += timedelta(days=1)
        if is_werkdag(dag):
            gedaan += 1
    return dag


def werkdagen_tussen(van: date, tot: date) -> int:
    """Working days after `van` up to and including `tot` (0 when tot <= van)."""
    aantal = 0
    dag = van
    while dag < tot:
        dag += timedelta(days=1)
        if is_werkdag(dag):
            aantal += 1
    return aantal
