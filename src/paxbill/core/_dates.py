"""Dates at paxbill's boundary: a ``datetime.date``, never a datetime."""

from __future__ import annotations

import datetime as dt

from paxbill.exceptions import ArgumentTypeError


def to_date(value: object, *, what: str = "date") -> dt.date:
    """Return *value* if it is a plain date; refuse datetimes and text.

    A datetime carries a time of day and perhaps a time zone, which would make
    "on or before that date" ambiguous, so paxbill asks for the date itself.

    >>> to_date(dt.date(2024, 6, 1))
    datetime.date(2024, 6, 1)
    """
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    raise ArgumentTypeError(
        value, "a datetime.date such as date(2024, 6, 1)", what=what
    )


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
    return (day.replace(day=1) + dt.timedelta(days=31)).replace(day=1)
