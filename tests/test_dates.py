"""Dates as spreadsheets write them: ISO, a locale's order, its month names."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest
from babel.dates import format_date
from hypothesis import given
from hypothesis import strategies as st

from paxbill import DateOutOfRangeError, InvalidDateError, parse_date
from paxbill.core._dates import days_after, first_day, first_of_month, months_after

D = dt.date


@pytest.mark.parametrize(
    ("text", "locale", "day"),
    [
        ("2024-05-01", None, D(2024, 5, 1)),
        ("2024-05-01", "en_US", D(2024, 5, 1)),
        ("01/05/2024", "fr_FR", D(2024, 5, 1)),
        ("01.05.2024", "de_DE", D(2024, 5, 1)),
        ("01/05/2024", "en_GB", D(2024, 5, 1)),
        ("05/01/2024", "en_US", D(2024, 5, 1)),
        ("1 mai 2024", "fr_FR", D(2024, 5, 1)),
        ("3 févr. 2024", "fr_FR", D(2024, 2, 3)),
        ("1. Mai 2024", "de_DE", D(2024, 5, 1)),
        ("May 1, 2024", "en_US", D(2024, 5, 1)),
        ("13/05/2024", None, D(2024, 5, 13)),  # only one way to read it
        ("2024/05/01", None, D(2024, 5, 1)),
    ],
)
def test_a_date_is_read_as_its_locale_writes_it(
    text: str, locale: str | None, day: dt.date
) -> None:
    assert parse_date(text, locale) == day


@pytest.mark.parametrize(
    ("text", "locale", "words"),
    [
        ("01/05/2024", None, "could be 1/5 or 5/1 (day/month): write it YYYY-MM-DD"),
        ("01/05/24", "fr_FR", "has no four-digit year"),
        ("31/02/2024", "fr_FR", "is not a day of the calendar"),
        ("mai 2024", "fr_FR", "has no day"),
        ("1 mai 2024", None, "is not a date: write it YYYY-MM-DD"),
        ("yesterday", "en_GB", "is not a date"),
    ],
)
def test_a_date_that_cannot_be_read_one_way_is_refused(
    text: str, locale: str | None, words: str
) -> None:
    with pytest.raises(InvalidDateError, match=re.escape(words)):
        parse_date(text, locale)


@given(
    day=st.dates(min_value=D(1000, 1, 1), max_value=D(9999, 12, 31)),
    locale=st.sampled_from(["fr_FR", "de_DE", "en_GB", "en_US", "it_IT", "nl_NL"]),
)
def test_babel_s_own_writing_of_a_date_reads_back(day: dt.date, locale: str) -> None:
    """Law: a date as CLDR writes it in a locale (four-digit year) reads back."""
    for pattern in ("dd/MM/yyyy", "dd.MM.yyyy", "MM/dd/yyyy"):
        if (pattern[0] == "d") != (locale != "en_US"):
            continue
        assert parse_date(format_date(day, pattern, locale=locale), locale) == day
    written = format_date(day, "d MMMM yyyy", locale=locale)
    assert parse_date(written, locale) == day


def test_the_first_of_a_month() -> None:
    assert first_of_month(dt.date(2024, 6, 17)) == dt.date(2024, 6, 1)
    assert first_of_month(dt.date(2024, 6, 1)) == dt.date(2024, 6, 1)


def test_months_after_reach_the_first_and_the_last_year() -> None:
    assert months_after(dt.date(1, 2, 28), -1) == dt.date(1, 1, 28)
    assert months_after(dt.date(9999, 11, 30), 1) == dt.date(9999, 12, 30)


_OUTSIDE = "is outside the years 1 to 9999 that dates may have: give a shorter span"


@pytest.mark.parametrize(
    ("step", "day", "count", "message"),
    [
        (months_after, dt.date(1, 1, 15), -1, f"0001-01-15 -1 months {_OUTSIDE}"),
        (months_after, dt.date(9999, 12, 15), 1, f"9999-12-15 +1 months {_OUTSIDE}"),
        (days_after, dt.date(1, 1, 1), -1, f"0001-01-01 -1 days {_OUTSIDE}"),
        (days_after, dt.date(9999, 12, 31), 1, f"9999-12-31 +1 days {_OUTSIDE}"),
    ],
)
def test_steps_beyond_the_calendar_are_refused_in_words(
    step: Callable[[dt.date, int], dt.date], day: dt.date, count: int, message: str
) -> None:
    with pytest.raises(DateOutOfRangeError) as refused:
        step(day, count)
    assert str(refused.value) == message
    assert refused.value.day == day


@pytest.mark.parametrize(("year", "month"), [(2024, 13), (2024, 0), (0, 1), (10000, 1)])
def test_a_month_that_does_not_exist_is_refused_in_words(year: int, month: int) -> None:
    with pytest.raises(DateOutOfRangeError) as refused:
        first_day(year, month)
    assert str(refused.value) == (
        f"month {month} of year {year} does not exist: a month is 1 to 12, a year "
        "1 to 9999"
    )
    assert refused.value.day == (year, month)
