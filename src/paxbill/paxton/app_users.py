"""App users and how many of them a billing period counts.

A user is active on the half-open span ``[activated_on, deactivated_on)``, and
counts in a period if active on at least one day of it.

>>> from datetime import date
>>> from paxbill import AppUser, BillingPeriod, active_users
>>> ana = AppUser("ana", date(2024, 5, 20))
>>> bo = AppUser("bo", date(2024, 3, 1), deactivated_on=date(2024, 5, 1))
>>> active_users([ana, bo], BillingPeriod.month(2024, 5))
1
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence

import attrs

from paxbill.core._validators import is_date, is_optional_date
from paxbill.core.periods import BillingPeriod
from paxbill.exceptions import ArgumentTypeError, InvalidDateRangeError

__all__ = [
    "ActivityIndex",
    "AppUser",
    "active_users",
    "monthly_active_counts",
    "user_days",
]


def _check_user_id(
    instance: AppUser, attribute: attrs.Attribute[str | int], value: str | int
) -> None:
    if not isinstance(value, str | int) or isinstance(value, bool):
        raise ArgumentTypeError(value, "a str or an int", what="user_id")


def _check_span(
    instance: AppUser, attribute: attrs.Attribute[dt.date | None], end: dt.date | None
) -> None:
    if end is not None and end < instance.activated_on:
        raise InvalidDateRangeError(instance.activated_on, end, what="user activity")


#: The day number past every date: the end of a span that never ends.
_FOREVER = dt.date.max.toordinal() + 1
# The day numbers of the dates seen, shared so that users activated on the
# same day share one int; bounded, as a cache, not a record.
_DAY_NUMBERS: dict[dt.date, int] = {}
_MAX_DAY_NUMBERS = 1 << 16


def _day_number(day: dt.date) -> int:
    number = _DAY_NUMBERS.get(day)
    if number is None:
        number = day.toordinal()
        if len(_DAY_NUMBERS) < _MAX_DAY_NUMBERS:
            _DAY_NUMBERS[day] = number
    return number


def span_days(activated_on: dt.date, deactivated_on: dt.date | None) -> tuple[int, int]:
    """The span ``[activated_on, deactivated_on)`` as day numbers.

    A span that never ends runs to past every date; an empty one (a user
    deactivated the day it was activated) becomes ``(first, 0)``, which no
    period overlaps.
    """
    first = _day_number(activated_on)
    if deactivated_on is None:
        return first, _FOREVER
    until = _day_number(deactivated_on)
    return first, until if until > first else 0


@attrs.frozen
class AppUser:
    """A user of the Entry app, active from *activated_on* until *deactivated_on*.

    Args:
        user_id: the user's identifier, a str or an int.
        activated_on: the first day the user is active.
        deactivated_on: the first day the user is no longer active, or None
            while the user is still active.

    Raises:
        InvalidDateRangeError: *deactivated_on* is before *activated_on*.

    >>> user = AppUser("ana", dt.date(2024, 5, 20), dt.date(2024, 6, 3))
    >>> user.is_active_on(dt.date(2024, 6, 2)), user.is_active_on(dt.date(2024, 6, 3))
    (True, False)
    """

    user_id: str | int = attrs.field(validator=_check_user_id)
    activated_on: dt.date = attrs.field(validator=is_date)
    deactivated_on: dt.date | None = attrs.field(
        default=None, validator=[is_optional_date, _check_span]
    )
    # The span as day numbers, derived when the user is made: an int compare
    # is what makes counting many users as cheap as a hand-written loop.
    _first: int = attrs.field(init=False, repr=False, eq=False, alias="_first")
    _until: int = attrs.field(init=False, repr=False, eq=False, alias="_until")

    def __attrs_post_init__(self) -> None:
        first, until = span_days(self.activated_on, self.deactivated_on)
        object.__setattr__(self, "_first", first)
        object.__setattr__(self, "_until", until)

    def is_active_on(self, day: dt.date) -> bool:
        """Return whether the user is active on *day*."""
        return self.activated_on <= day and (
            self.deactivated_on is None or day < self.deactivated_on
        )

    def is_active_during(self, period: BillingPeriod) -> bool:
        """Return whether the user is active on at least one day of *period*."""
        start, end = period.day_numbers
        return self._first < end and self._until > start

    def days_active(self, period: BillingPeriod) -> int:
        """Return how many days of *period* the user is active."""
        start, end = period.day_numbers
        return max(min(self._until, end) - max(self._first, start), 0)


def _not_a_user(user: object) -> ArgumentTypeError:
    return ArgumentTypeError(user, "an AppUser", what="each user")


def _check_period(period: object) -> BillingPeriod:
    if not isinstance(period, BillingPeriod):
        raise ArgumentTypeError(period, "a BillingPeriod", what="period")
    return period


def active_users(users: Iterable[AppUser], period: BillingPeriod) -> int:
    """Return how many *users* were active on at least one day of *period*.

    One pass, comparing dates: a user counts if activated before the
    period's end and not deactivated by its start (nor the day it was
    activated, an empty span).

    Raises:
        ArgumentTypeError: an item is not an AppUser, or *period* is not a
            BillingPeriod.

    >>> june = BillingPeriod.month(2024, 6)
    >>> users = [AppUser(1, dt.date(2024, 6, 30)), AppUser(2, dt.date(2024, 7, 1))]
    >>> active_users(users, june)
    1
    """
    start, end = _check_period(period).day_numbers
    count = 0
    # The hot loop of every invoice: one exact type check per user (a
    # subclass takes the slower isinstance path), then two int compares.
    for user in users:
        if type(user) is not AppUser and not isinstance(user, AppUser):
            raise _not_a_user(user)
        if user._first < end and user._until > start:
            count += 1
    return count


def user_days(users: Iterable[AppUser], period: BillingPeriod) -> int:
    """Return the number of user-days in *period*, for billing by the day.

    Days are counted only for the users active in the period.

    >>> june = BillingPeriod.month(2024, 6)
    >>> users = [AppUser(1, dt.date(2024, 6, 21)), AppUser(2, dt.date(2024, 1, 1))]
    >>> user_days(users, june)
    40
    """
    start, end = _check_period(period).day_numbers
    days = 0
    for user in users:
        if type(user) is not AppUser and not isinstance(user, AppUser):
            raise _not_a_user(user)
        first, until = user._first, user._until
        if first < end and until > start:
            days += (until if until < end else end) - (
                first if first > start else start
            )
    return days


def monthly_active_counts(
    users: Iterable[AppUser], periods: Sequence[BillingPeriod]
) -> tuple[int, ...]:
    """Return :func:`active_users` for each of *periods*, by a sweep.

    The activation and deactivation dates are sorted once; each period's
    count is then the users activated before its end less those deactivated
    on or before its start. The cost grows with users plus periods, not with
    their product.

    >>> from paxbill import BillingFrequency, billing_periods
    >>> months = billing_periods(dt.date(2024, 1, 1), BillingFrequency.MONTHLY, 3)
    >>> january = AppUser(1, dt.date(2024, 1, 15), dt.date(2024, 2, 1))
    >>> monthly_active_counts([january, AppUser(2, dt.date(2024, 2, 29))], months)
    (1, 1, 1)
    """
    return ActivityIndex.of(_users(users)).counts(periods)


def _users(users: Iterable[AppUser]) -> list[AppUser]:
    items = list(users)
    for user in items:
        if not isinstance(user, AppUser):
            raise _not_a_user(user)
    return items


@attrs.frozen
class ActivityIndex:
    """Users' activation and deactivation dates, sorted, to count by bisection.

    A period's active users are those activated before its end less those
    deactivated on or before its start: a user deactivated by then was
    activated before its end too, so the subtraction is exact. A user
    deactivated the day it was activated is never active and is left out.
    """

    starts: tuple[dt.date, ...]
    ends: tuple[dt.date, ...]

    @classmethod
    def of(cls, users: Iterable[AppUser]) -> ActivityIndex:
        """Index users already checked to be AppUsers."""
        spans = [
            (u.activated_on, u.deactivated_on)
            for u in users
            if u.deactivated_on != u.activated_on
        ]
        return cls(
            tuple(sorted([start for start, _ in spans])),
            tuple(sorted([end for _, end in spans if end is not None])),
        )

    def counts(self, periods: Sequence[BillingPeriod]) -> tuple[int, ...]:
        """The users active on at least one day of each of *periods*."""
        starts, ends = self.starts, self.ends
        return tuple(
            bisect_left(starts, period.end) - bisect_right(ends, period.start)
            for period in periods
        )
