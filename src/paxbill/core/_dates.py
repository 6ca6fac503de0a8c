"""Dates at paxbill's boundary: a ``datetime.date``, never a datetime."""

from __future__ import annotations

import datetime as dt
from calendar import monthrange

from paxbill.exceptions import ArgumentTypeError, DateOutOfRangeError


def to_date(value: object, *, what: str = "date") -> dt.date:
    """Return *value* if it is a plain date; refuse datetimes and text.

    A datetime carries a time of day and perhaps a time zone, which would make
    "on or before that date" ambiguous, so paxbill asks for the date itself.

    >>> to_date(dt.date(2024, 6, 1))
    datetime.date(2024, 6, 1)
    """
    if type(value) is _DATE or (
        isinstance(value, dt.date) and not isinstance(value, dt.datetime)
    ):
        return value
    raise ArgumentTypeError(
        value, "a datetime.date such as date(2024, 6, 1)", what=what
    )


_DATE = dt.date
_from_ordinal = dt.date.fromordinal


def first_of_month(day: dt.date) -> dt.date:
    """Return the first day of *day*'s month.

    >>> first_of_month(dt.date(2024, 6, 17))
    datetime.date(2024, 6, 1)
    """
    return day.replace(day=1)


def first_of_month_from(day: dt.date) -> dt.date:
    """Return the first 1st of a month on or after *day*.

    >>> first_of_month_from(dt.date(2024, 6, 1))
    datetime.date(2024, 6, 1)
    >>> first_of_month_from(dt.date(2024, 12, 2))
    datetime.date(2025, 1, 1)
    """
    if day.day == 1:
        return day
    return days_after(day.replace(day=1), 31).replace(day=1)


def months_after(day: dt.date, months: int) -> dt.date:
    """Return *day* plus *months* calendar months, at most the month's last day.

    Raises:
        DateOutOfRangeError: the result is before year 1 or after year 9999.

    >>> months_after(dt.date(2024, 1, 31), 1)
    datetime.date(2024, 2, 29)
    """
    # As dateutil's relativedelta(months=...) does, by whole-month arithmetic.
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise DateOutOfRangeError(day, f"{months:+d} months")
    month += 1
    if day.day <= 28:
        return dt.date(year, month, day.day)
    return dt.date(year, month, min(day.day, monthrange(year, month)[1]))


def days_after(day: dt.date, days: int) -> dt.date:
    """Return *day* plus *days* days (minus, when negative).

    Raises:
        DateOutOfRangeError: the result is before year 1 or after year 9999.

    >>> days_after(dt.date(2024, 2, 28), 2)
    datetime.date(2024, 3, 1)
    """
    # Through the day's number: making a timedelta costs more than the sum.
    try:
        return _from_ordinal(day.toordinal() + days)
    except (ValueError, OverflowError):
        raise DateOutOfRangeError(day, f"{days:+d} days") from None


def first_day(year: int, month: int) -> dt.date:
    """Return the 1st of *month* in *year*.

    Raises:
        DateOutOfRangeError: no such month: not 1 to 12, or a year not 1 to 9999.

    >>> first_day(2024, 6)
    datetime.date(2024, 6, 1)
    """
    try:
        return dt.date(year, month, 1)
    except (ValueError, OverflowError):
        raise DateOutOfRangeError(
            (year, month),
            reason=f"month {month} of year {year} does not exist: a month is 1 to "
            "12, a year 1 to 9999",
        ) from None
