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
from collections.abc import Iterable

import attrs

from paxbill._validators import is_date, is_optional_date
from paxbill.exceptions import ArgumentTypeError, InvalidDateRangeError
from paxbill.periods import BillingPeriod

__all__ = ["AppUser", "active_users", "user_days"]


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
