from datetime import date, datetime
from zoneinfo import ZoneInfo

from werkcentrum.werkdagen import is_werkdag, werkdagen_na, werkdagen_tussen


def test_weekends_and_public_holidays_are_not_working_days():
    assert not is_werkdag(date(2026, 11, 21))  # Saturday
    assert not is_werkdag(date(2026, 4, 6))  # Tweede Paasdag
    assert not is_werkdag(date(2026, 4, 27))  # Koningsdag
    assert not is_werkdag(date(2025, 4, 26))  # Koningsdag moved to Saturday 26 April 2025
    assert not is_werkdag(date(2026, 5, 5))  # Bevrijdingsdag, also outside lustrum years
    assert not is_werkdag(date(2026, 5, 14))  # Hemelvaartsdag
    assert not is_werkdag(date(2026, 12, 25)) and not is_werkdag(date(2026, 12, 26))
    assert is_werkdag(date(2026, 11, 23))


def test_two_working_days_after_friday_is_tuesday():
    assert werkdagen_na(date(2026, 11, 20), 2) == date(2026, 11, 24)


def test_deadline_skips_christmas_and_new_year():
    assert werkdagen_na(date(2026, 12, 24), 2) == date(2026, 12, 29)
    assert werkdagen_na(date(2026, 12, 31), 1) == date(2027, 1, 4)


def test_late_evening_utc_counts_as_next_day_in_amsterdam():
    # 23:30 UTC on Friday is already Saturday in Amsterdam.
    moment = datetime(2026, 6, 5, 23, 30, tzinfo=ZoneInfo("UTC"))
    assert werkdagen_na(moment, 0) == date(2026, 6, 8)
    assert werkdagen_na(moment, 1) == date(2026, 6, 8)


def test_working_days_between():
    assert werkdagen_tussen(date(2026, 11, 20), date(2026, 11, 24)) == 2
    assert werkdagen_tussen(date(2026, 11, 24), date(2026, 11, 20)) == 0
