"""Tests for paxbill.core.periods: half-open billing periods and runs of them."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from paxbill import (
    ArgumentTypeError,
    BillingFrequency,
    BillingPeriod,
    BillingTerm,
    InvalidCountError,
    InvalidDateRangeError,
    billing_periods,
)
from paxbill.core.periods import term_at, term_starts
from tests.examples import refusal
from tests.strategies import anchors, billings, dates, frequencies

D = dt.date


def test_frequency_months() -> None:
    """Monthly, quarterly and annual cover 1, 3 and 12 months."""
    assert [f.months for f in BillingFrequency] == [1, 3, 12]


def test_period_is_half_open() -> None:
    """A period holds its start and not its end."""
    june = BillingPeriod.month(2024, 6)
    assert (june.start, june.end) == (D(2024, 6, 1), D(2024, 7, 1))
    assert june.days == 30
    assert june.last_day == D(2024, 6, 30)
    assert D(2024, 6, 1) in june
    assert D(2024, 6, 30) in june
    assert D(2024, 7, 1) not in june
    assert D(2024, 5, 31) not in june
    assert BillingPeriod.month(2024, 2).days == 29
    assert BillingPeriod.month(2023, 12).end == D(2024, 1, 1)


@pytest.mark.parametrize(
    ("start", "end"), [(D(2024, 6, 1), D(2024, 6, 1)), (D(2024, 6, 2), D(2024, 6, 1))]
)
def test_period_must_end_after_it_starts(start: dt.date, end: dt.date) -> None:
    """It raises InvalidDateRangeError, a ValueError, unless start < end."""
    with pytest.raises(InvalidDateRangeError) as raised:
        BillingPeriod(start, end)
    assert isinstance(raised.value, ValueError)
    assert (raised.value.start, raised.value.end) == (start, end)


@pytest.mark.parametrize("bad", ["2024-06-01", dt.datetime(2024, 6, 1), None])
def test_period_bounds_must_be_dates(bad: object) -> None:
    """It refuses a bound that is not a plain date, datetimes included."""
    with pytest.raises(ArgumentTypeError):
        BillingPeriod(bad, D(2024, 7, 1))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("bad", "shown"),
    [("2024-06-01", "str '2024-06-01'"), (dt.datetime(2024, 6, 1), "datetime")],
)
def test_in_asks_for_a_date(bad: object, shown: str) -> None:
    """``day in period`` refuses text and datetimes, naming a date as the need."""
    june = BillingPeriod.month(2024, 6)
    message = refusal(lambda: bad in june)
    assert message.startswith(
        f"date must be a datetime.date such as date(2024, 6, 1), not {shown}"
    )


def test_in_takes_a_subclass_of_date() -> None:
    """A subclass of date that is not a datetime is a day like any other."""

    class Day(dt.date):
        pass

    june = BillingPeriod.month(2024, 6)
    assert Day(2024, 6, 15) in june
    assert Day(2024, 7, 1) not in june


def test_overlap_days() -> None:
    """It counts the days of a span that fall in the period."""
    june = BillingPeriod.month(2024, 6)
    assert june.overlap_days(D(2024, 5, 1), None) == 30
    assert june.overlap_days(D(2024, 6, 10), D(2024, 6, 20)) == 10
    assert june.overlap_days(D(2024, 7, 1), None) == 0
    assert june.overlap_days(D(2024, 1, 1), D(2024, 6, 1)) == 0


def test_anchor_on_the_31st_clamps_and_comes_back() -> None:
    """From 2024-01-31 monthly, ends are 02-29, 03-31, 04-30, ... never drifting."""
    ends = [
        p.end for p in billing_periods(D(2024, 1, 31), BillingFrequency.MONTHLY, 12)
    ]
    assert ends[:4] == [D(2024, 2, 29), D(2024, 3, 31), D(2024, 4, 30), D(2024, 5, 31)]
    assert ends[-1] == D(2025, 1, 31)


def test_quarters_and_a_year() -> None:
    """Four quarters from 2024-01-01 end on the 1st of April, July, October, January."""
    periods = billing_periods(D(2024, 1, 1), BillingFrequency.QUARTERLY, 4)
    assert [p.end for p in periods] == [
        D(2024, 4, 1),
        D(2024, 7, 1),
        D(2024, 10, 1),
        D(2025, 1, 1),
    ]
    (year,) = billing_periods(D(2024, 1, 1), BillingFrequency.ANNUAL, 1)
    assert year.days == 366


def test_bad_arguments() -> None:
    """It refuses a negative count, a frequency that is not one, and no count."""
    assert billing_periods(D(2024, 1, 1), BillingFrequency.MONTHLY, 0) == ()
    with pytest.raises(InvalidCountError):
        billing_periods(D(2024, 1, 1), BillingFrequency.MONTHLY, -1)
    with pytest.raises(ArgumentTypeError):
        billing_periods(D(2024, 1, 1), "monthly", 1)  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError):
        billing_periods(D(2024, 1, 1), BillingFrequency.MONTHLY, 1.0)  # type: ignore[arg-type]


@given(anchors, frequencies, st.integers(min_value=1, max_value=24))
def test_periods_tile_without_gap_or_overlap(
    anchor: dt.date, frequency: BillingFrequency, count: int
) -> None:
    """Law: consecutive periods meet end to start, and their days add up."""
    periods = billing_periods(anchor, frequency, count)
    assert len(periods) == count
    assert periods[0].start == anchor
    for before, after in itertools.pairwise(periods):
        assert before.end == after.start
    assert sum(p.days for p in periods) == (periods[-1].end - anchor).days
    for k, period in enumerate(periods):
        # Every boundary is computed from the anchor, never from the last end.
        assert period.end == anchor + relativedelta(months=(k + 1) * frequency.months)


@given(anchors)
def test_twelve_months_tile_one_year(anchor: dt.date) -> None:
    """Law: twelve monthly periods from any anchor cover exactly one year."""
    periods = billing_periods(anchor, BillingFrequency.MONTHLY, 12)
    assert periods[-1].end == anchor + relativedelta(years=1)
    days = {anchor + dt.timedelta(n) for n in range((periods[-1].end - anchor).days)}
    covered = [d for d in days for p in periods if d in p]
    assert len(covered) == len(days)  # each day in exactly one period


class TestTerms:
    def test_a_six_month_term_from_the_31st(self) -> None:
        """Six months from 2024-08-31 end on 2025-02-28, then return to the 31st."""
        first, second = billing_periods(D(2024, 8, 31), BillingTerm(6), 2)
        assert (first.start, first.end) == (D(2024, 8, 31), D(2025, 2, 28))
        assert (second.start, second.end) == (D(2025, 2, 28), D(2025, 8, 31))

    def test_terms_of_any_months(self) -> None:
        """Terms of 24 and 36 months; the named ones are the frequencies."""
        (two_years,) = billing_periods(D(2024, 2, 29), BillingTerm(24), 1)
        assert two_years.end == D(2026, 2, 28)
        assert BillingTerm(36).months == 36
        assert BillingTerm.of(3) is BillingFrequency.QUARTERLY
        assert BillingTerm.of(6) == BillingTerm(6)

    @pytest.mark.parametrize("months", [0, -6])
    def test_a_term_of_no_months(self, months: int) -> None:
        """A term of zero months or fewer is an InvalidCountError, a ValueError."""
        with pytest.raises(InvalidCountError, match="term"):
            BillingTerm(months)

    @pytest.mark.parametrize("months", ["6", 6.0, True, None])
    def test_a_term_of_months_that_are_not_a_count(self, months: object) -> None:
        """Months that are not an int are an ArgumentTypeError, a TypeError."""
        with pytest.raises(ArgumentTypeError):
            BillingTerm(months)

    @given(anchors, st.integers(1, 36), st.integers(1, 8))
    def test_terms_tile_from_the_anchor(
        self, anchor: dt.date, months: int, count: int
    ) -> None:
        """Law: terms follow one another, each boundary anchor + k x months."""
        periods = billing_periods(anchor, BillingTerm(months), count)
        for k, period in enumerate(periods):
            assert period.start == anchor + relativedelta(months=k * months)
            assert period.end == anchor + relativedelta(months=(k + 1) * months)


@pytest.mark.parametrize(("year", "month"), [(2024, 13), (2024, 0), (10000, 1), (0, 1)])
def test_a_month_that_does_not_exist_is_a_paxbill_error(year: int, month: int) -> None:
    """BillingPeriod.month(2024, 13) is paxbill's error, a ValueError too."""
    from paxbill import DateOutOfRangeError

    with pytest.raises(DateOutOfRangeError) as caught:
        BillingPeriod.month(year, month)
    assert isinstance(caught.value, ValueError)


def test_periods_beyond_year_9999_are_a_paxbill_error() -> None:
    """Twelve months from December 9999 would end in year 10000."""
    from paxbill import BillingFrequency, DateOutOfRangeError, billing_periods

    with pytest.raises(DateOutOfRangeError):
        billing_periods(dt.date(9999, 12, 1), BillingFrequency.MONTHLY, 2)
    (last,) = billing_periods(dt.date(9999, 11, 1), BillingFrequency.MONTHLY, 1)
    assert last.end == dt.date(9999, 12, 1)


ANY_DAY = st.dates(min_value=dt.date.min, max_value=dt.date.max)


@given(ANY_DAY, st.integers(min_value=-130_000, max_value=130_000))
def test_months_after_is_relativedelta(day: dt.date, months: int) -> None:
    """Law: months are added as dateutil's relativedelta adds them, or refused."""
    from paxbill.core._dates import months_after
    from paxbill.exceptions import DateOutOfRangeError

    try:
        expected = day + relativedelta(months=months)
    except (ValueError, OverflowError):
        with pytest.raises(DateOutOfRangeError, match=re.escape(f"{months:+d} months")):
            months_after(day, months)
    else:
        assert months_after(day, months) == expected


@given(ANY_DAY, st.integers(min_value=-4_000_000, max_value=4_000_000))
def test_days_after_is_a_timedelta(day: dt.date, days: int) -> None:
    """Law: days are added as a timedelta adds them, or refused."""
    from paxbill.core._dates import days_after
    from paxbill.exceptions import DateOutOfRangeError

    try:
        expected = day + dt.timedelta(days=days)
    except OverflowError:
        with pytest.raises(DateOutOfRangeError, match=re.escape(f"{days:+d} days")):
            days_after(day, days)
    else:
        assert days_after(day, days) == expected


def test_days_and_months_far_past_every_date_are_refused() -> None:
    """Counts too large for any date are paxbill's error, not an OverflowError."""
    from paxbill.core._dates import days_after, months_after
    from paxbill.exceptions import DateOutOfRangeError

    with pytest.raises(DateOutOfRangeError):
        days_after(dt.date(2024, 1, 1), 10**30)
    with pytest.raises(DateOutOfRangeError):
        months_after(dt.date(2024, 1, 1), -(10**30))


def grid(anchor: dt.date, months: int, day: dt.date, end: dt.date) -> list[dt.date]:
    """The boundaries anchor + k x months from a term before *day* to past *end*."""
    k = ((day.year - anchor.year) * 12 + day.month - anchor.month) // months - 2
    bounds: list[dt.date] = []
    while not bounds or bounds[-1] <= end:
        bounds.append(anchor + relativedelta(months=k * months))
        k += 1
    return bounds


@given(anchors, billings, dates)
def test_term_at_is_the_term_of_the_anchor_grid_holding_the_day(
    anchor: dt.date, billing: BillingFrequency | BillingTerm, day: dt.date
) -> None:
    """Law: the term holding a day runs between two neighbours of the grid."""
    from paxbill.core.periods import term_at

    bounds = grid(anchor, billing.months, day, day)
    expected = next((a, b) for a, b in itertools.pairwise(bounds) if a <= day < b)
    term = term_at(anchor, billing, day)
    assert (term.start, term.end) == expected


@given(anchors, billings, dates, st.integers(min_value=0, max_value=1500))
def test_term_starts_are_the_grid_days_in_the_span(
    anchor: dt.date, billing: BillingFrequency | BillingTerm, start: dt.date, days: int
) -> None:
    """Law: the terms' first days in [start, end) are the grid's days there."""
    from paxbill.core.periods import term_starts

    end = start + dt.timedelta(days=days)
    bounds = grid(anchor, billing.months, start, end)
    expected = tuple(day for day in bounds if start <= day < end)
    assert term_starts(anchor, billing, start, end) == expected


def test_term_starts_refuses_what_is_not_a_date() -> None:
    """A span's ends that are not dates are paxbill's ArgumentTypeError."""
    from paxbill.core.periods import term_starts
    from paxbill.exceptions import ArgumentTypeError

    anchor = dt.date(2024, 1, 1)
    with pytest.raises(ArgumentTypeError, match="start"):
        term_starts(anchor, BillingFrequency.MONTHLY, "2024-01-01", anchor)  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError, match="end"):
        term_starts(anchor, BillingFrequency.MONTHLY, anchor, None)  # type: ignore[arg-type]


_ANCHOR = dt.date(2024, 1, 15)
_DATE = "must be a datetime.date such as date(2024, 6, 1), not str '2024-01-15'"
_COUNT = "must be a whole number (int), not str"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: BillingTerm(0),
            "months of a billing term 0 is less than 1: a term lasts a whole "
            "month or more",
        ),
        (lambda: BillingTerm("6"), f"months {_COUNT} '6'"),
        (lambda: BillingPeriod.month("2024", 1), f"year {_COUNT} '2024'"),  # type: ignore[arg-type]
        (lambda: BillingPeriod.month(2024, "1"), f"month {_COUNT} '1'"),  # type: ignore[arg-type]
        (
            lambda: billing_periods("2024-01-15", BillingFrequency.MONTHLY, 3),  # type: ignore[arg-type]
            f"anchor {_DATE}",
        ),
        (
            lambda: billing_periods(_ANCHOR, BillingFrequency.MONTHLY, "3"),  # type: ignore[arg-type]
            f"count {_COUNT} '3'",
        ),
        (
            lambda: billing_periods(_ANCHOR, BillingFrequency.MONTHLY, -1),
            "count of periods -1 is negative: give a whole number 0 or more",
        ),
        (
            lambda: billing_periods(_ANCHOR, "monthly", 3),  # type: ignore[arg-type]
            "frequency must be a BillingFrequency or a BillingTerm, not str 'monthly'",
        ),
        (
            lambda: term_at("2024-01-15", BillingFrequency.MONTHLY, _ANCHOR),  # type: ignore[arg-type]
            f"anchor {_DATE}",
        ),
        (
            lambda: term_at(_ANCHOR, BillingFrequency.MONTHLY, "2024-01-15"),  # type: ignore[arg-type]
            f"day {_DATE}",
        ),
        (
            lambda: term_starts(
                "2024-01-15",  # type: ignore[arg-type]
                BillingFrequency.MONTHLY,
                _ANCHOR,
                _ANCHOR,
            ),
            f"anchor {_DATE}",
        ),
        (
            lambda: term_starts(
                _ANCHOR,
                BillingFrequency.MONTHLY,
                "2024-01-15",  # type: ignore[arg-type]
                _ANCHOR,
            ),
            f"start {_DATE}",
        ),
        (
            lambda: term_starts(
                _ANCHOR,
                BillingFrequency.MONTHLY,
                _ANCHOR,
                "2024-01-15",  # type: ignore[arg-type]
            ),
            f"end {_DATE}",
        ),
    ],
)
def test_a_refusal_of_a_period_says_what_was_expected(
    call: Callable[[], object], message: str
) -> None:
    assert refusal(call) == message


@pytest.mark.parametrize(
    ("day", "start"),
    [
        (dt.date(2024, 4, 14), dt.date(2024, 1, 15)),  # in April, before the 15th
        (dt.date(2024, 4, 15), dt.date(2024, 4, 15)),  # the day a term starts
        (dt.date(2024, 1, 14), dt.date(2023, 10, 15)),  # before the anchor
    ],
)
def test_the_quarter_holding_a_day_by_hand(day: dt.date, start: dt.date) -> None:
    """Quarters from 15 January: 15 Jan, 15 Apr, 15 Jul, 15 Oct..."""
    assert term_at(_ANCHOR, BillingFrequency.QUARTERLY, day).start == start
