"""Billing periods: half-open spans of dates, and runs of them from an anchor.

>>> from datetime import date
>>> from paxbill import BillingFrequency, billing_periods
>>> [str(p) for p in billing_periods(date(2024, 1, 31), BillingFrequency.MONTHLY, 3)]
['2024-01-31/2024-02-29', '2024-02-29/2024-03-31', '2024-03-31/2024-04-30']
"""

from __future__ import annotations

import datetime as dt
import enum
import itertools

import attrs

from paxbill.core._dates import first_day, months_after, to_date
from paxbill.core._numbers import to_count
from paxbill.core._validators import is_date
from paxbill.core._values import Revalidated
from paxbill.exceptions import (
    ArgumentTypeError,
    InvalidCountError,
    InvalidDateRangeError,
)

__all__ = [
    "BillingFrequency",
    "BillingPeriod",
    "BillingTerm",
    "Frequency",
    "billing_periods",
    "term_at",
    "term_starts",
    "to_frequency",
]


class BillingFrequency(enum.Enum):
    """How often a client is billed, in months: monthly, quarterly or annually.

    >>> BillingFrequency.QUARTERLY.months
    3
    """

    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    ANNUAL = "annual"

    @property
    def months(self) -> int:
        """The number of months one period of this frequency covers."""
        return _MONTHS[self]


_MONTHS = {
    BillingFrequency.MONTHLY: 1,
    BillingFrequency.QUARTERLY: 3,
    BillingFrequency.ANNUAL: 12,
}


def _to_term_months(value: object) -> int:
    months = to_count(value, what="months")
    if months < 1:
        raise InvalidCountError(
            months,
            what="months of a billing term",
            reason="is less than 1: a term lasts a whole month or more",
        )
    return months


@attrs.frozen
class BillingTerm(Revalidated):
    """A billing term of any whole number of months: a half-year, two years.

    It goes wherever a :class:`BillingFrequency` goes; :meth:`of` gives the
    frequency itself for 1, 3 and 12 months.

    Raises:
        InvalidCountError: *months* is less than 1.

    >>> half_year = BillingTerm(6)
    >>> half_year.months, half_year.value
    (6, '6_months')
    >>> BillingTerm.of(12)
    <BillingFrequency.ANNUAL: 'annual'>
    """

    months: int = attrs.field(converter=_to_term_months)

    @property
    def value(self) -> str:
        """The term's name in documents and on the command line."""
        return f"{self.months}_months"

    @classmethod
    def of(cls, months: int) -> BillingFrequency | BillingTerm:
        """The frequency of *months* months, or a term where none has it."""
        term = cls(months)
        return _BY_MONTHS.get(term.months, term)


_BY_MONTHS = {months: frequency for frequency, months in _MONTHS.items()}

#: How often a client is billed: a named frequency or a term of any months.
Frequency = BillingFrequency | BillingTerm


def to_frequency(value: object, *, what: str = "frequency") -> Frequency:
    """Return *value* if it is a BillingFrequency or a BillingTerm.

    Raises:
        ArgumentTypeError: it is neither.
    """
    if isinstance(value, BillingFrequency | BillingTerm):
        return value
    raise ArgumentTypeError(value, "a BillingFrequency or a BillingTerm", what=what)


def _check_order(
    instance: BillingPeriod, attribute: attrs.Attribute[dt.date], end: dt.date
) -> None:
    if not instance.start < end:
        raise InvalidDateRangeError(instance.start, end)


@attrs.frozen(order=True)
class BillingPeriod(Revalidated):
    """The half-open span of days ``[start, end)``: *end* is not in it.

    Args:
        start: the first day of the period.
        end: the day after its last day; after *start*.

    Raises:
        InvalidDateRangeError: *end* is not after *start*.
        ArgumentTypeError: a bound is not a ``datetime.date``.

    >>> june = BillingPeriod.month(2024, 6)
    >>> june.start, june.end, june.days
    (datetime.date(2024, 6, 1), datetime.date(2024, 7, 1), 30)
    >>> dt.date(2024, 6, 30) in june, dt.date(2024, 7, 1) in june
    (True, False)
    """

    start: dt.date = attrs.field(validator=is_date)
    end: dt.date = attrs.field(validator=[is_date, _check_order])

    @classmethod
    def month(cls, year: int, month: int) -> BillingPeriod:
        """Return the calendar month *month* of *year*.

        >>> str(BillingPeriod.month(2024, 12))
        '2024-12-01/2025-01-01'
        """
        start = first_day(to_count(year, what="year"), to_count(month, what="month"))
        return cls(start, months_after(start, 1))

    @property
    def days(self) -> int:
        """The number of days in the period."""
        return (self.end - self.start).days

    @property
    def last_day(self) -> dt.date:
        """The last day in the period, the day before :attr:`end`."""
        return self.end - dt.timedelta(days=1)

    def __contains__(self, day: object) -> bool:
        return self.start <= to_date(day) < self.end

    @property
    def day_numbers(self) -> tuple[int, int]:
        """The start and end as day numbers, as ``datetime.date.toordinal`` gives them.

        >>> BillingPeriod.month(2024, 6).day_numbers
        (739038, 739068)
        """
        return self.start.toordinal(), self.end.toordinal()

    def overlap_days(self, start: dt.date, end: dt.date | None) -> int:
        """Return how many days of ``[start, end)`` fall in the period.

        *end* None means the span never ends.

        >>> BillingPeriod.month(2024, 6).overlap_days(dt.date(2024, 6, 20), None)
        11
        """
        first = max(self.start, start)
        last = self.end if end is None else min(self.end, end)
        return max((last - first).days, 0)

    def __str__(self) -> str:
        """The period as an ISO 8601 interval, ``start/end``."""
        return f"{self.start.isoformat()}/{self.end.isoformat()}"


def billing_periods(
    anchor: dt.date, frequency: Frequency, count: int
) -> tuple[BillingPeriod, ...]:
    """Return *count* consecutive periods of *frequency* from *anchor*.

    Each boundary is ``anchor + k x frequency.months`` months, computed from the
    anchor and never from the previous end, so an anchor on the 31st gives the
    last day of shorter months and comes back to the 31st where it can.

    Raises:
        ArgumentTypeError: *frequency* is not a BillingFrequency or a
            BillingTerm, or *anchor* is not a date.
        InvalidCountError: *count* is negative.

    >>> from datetime import date
    >>> periods = billing_periods(date(2024, 1, 1), BillingFrequency.QUARTERLY, 4)
    >>> periods[-1].end, sum(p.days for p in periods)
    (datetime.date(2025, 1, 1), 366)
    >>> [str(p) for p in billing_periods(date(2024, 8, 31), BillingTerm(6), 2)]
    ['2024-08-31/2025-02-28', '2025-02-28/2025-08-31']
    """
    start = to_date(anchor, what="anchor")
    frequency = to_frequency(frequency)
    number = to_count(count, what="count")
    if number < 0:
        raise InvalidCountError(number, what="count of periods")
    step = frequency.months
    bounds = [months_after(start, k * step) for k in range(number + 1)]
    return tuple(BillingPeriod(a, b) for a, b in itertools.pairwise(bounds))


def term_at(anchor: dt.date, frequency: Frequency, day: dt.date) -> BillingPeriod:
    """Return the term that holds *day*, of the run of terms through *anchor*.

    The terms' boundaries are ``anchor + k x frequency.months`` months for
    every whole k, before the anchor as after it.

    >>> from datetime import date
    >>> str(term_at(date(2024, 8, 31), BillingTerm(6), date(2024, 3, 1)))
    '2024-02-29/2024-08-31'
    """
    step = to_frequency(frequency).months
    first = to_date(anchor, what="anchor")
    k = _term_number(first, step, to_date(day, what="day"))
    return BillingPeriod(
        months_after(first, k * step),
        months_after(first, (k + 1) * step),
    )


def _term_number(anchor: dt.date, step: int, day: dt.date) -> int:
    """Which term holds *day*: k of ``[anchor + k x step, anchor + (k+1) x step)``.

    The months from *anchor*'s month to *day*'s give k, one too many when
    *day* falls in the month term k starts but before the day it starts.
    """
    k = ((day.year - anchor.year) * 12 + day.month - anchor.month) // step
    return k - 1 if months_after(anchor, k * step) > day else k


def term_starts(
    anchor: dt.date, frequency: Frequency, start: dt.date, end: dt.date
) -> tuple[dt.date, ...]:
    """Return the first days of the terms through *anchor* in ``[start, end)``.

    >>> from datetime import date
    >>> term_starts(date(2023, 7, 15), BillingFrequency.QUARTERLY,
    ...             date(2024, 1, 1), date(2024, 7, 1))
    (datetime.date(2024, 1, 15), datetime.date(2024, 4, 15))
    """
    step = to_frequency(frequency).months
    first = to_date(anchor, what="anchor")
    since, until = to_date(start, what="start"), to_date(end, what="end")
    k = _term_number(first, step, since)
    found = []
    day = months_after(first, k * step)
    while day < until:
        if day >= since:
            found.append(day)
        k += 1
        day = months_after(first, k * step)
    return tuple(found)
