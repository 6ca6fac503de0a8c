"""Dates as spreadsheets write them: ISO, a locale's order, its month names."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from babel.dates import format_date
from hypothesis import given
from hypothesis import strategies as st

from paxbill import InvalidDateError, parse_date

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
