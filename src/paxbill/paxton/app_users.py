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

    def is_active_on(self, day: dt.date) -> bool:
        """Return whether the user is active on *day*."""
        return self.activated_on <= day and (
            self.deactivated_on is None or day < self.deactivated_on
        )

    def is_active_during(self, period: BillingPeriod) -> bool:
        """Return whether the user is active on at least one day of *period*."""
        return self.days_active(period) > 0

    def days_active(self, period: BillingPeriod) -> int:
        """Return how many days of *period* the user is active."""
        return period.overlap_days(self.activated_on, self.deactivated_on)


def _users(users: Iterable[AppUser]) -> list[AppUser]:
    items = list(users)
    for user in items:
        if not isinstance(user, AppUser):
            raise ArgumentTypeError(user, "an AppUser", what="each user")
    return items


def active_users(users: Iterable[AppUser], period: BillingPeriod) -> int:
    """Return how many *users* were active on at least one day of *period*.

    >>> june = BillingPeriod.month(2024, 6)
    >>> users = [AppUser(1, dt.date(2024, 6, 30)), AppUser(2, dt.date(2024, 7, 1))]
    >>> active_users(users, june)
    1
    """
    return sum(1 for user in _users(users) if user.is_active_during(period))


def user_days(users: Iterable[AppUser], period: BillingPeriod) -> int:
    """Return the number of user-days in *period*, for billing by the day.

    >>> june = BillingPeriod.month(2024, 6)
    >>> users = [AppUser(1, dt.date(2024, 6, 21)), AppUser(2, dt.date(2024, 1, 1))]
    >>> user_days(users, june)
    40
    """
    return sum(user.days_active(period) for user in _users(users))


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
