"""How many app users a billing period counts, and for how many days.

A user counts in a period if active on at least one day of it. Given
:class:`~paxbill.AppUser` objects, each is checked and its span compared with
the period's, in one pass; given :class:`~paxbill.AppUserColumns`, the
count is two bisections of its sorted index.

>>> from datetime import date
>>> from paxbill import AppUser, BillingPeriod, active_users
>>> ana = AppUser("ana", date(2024, 5, 20))
>>> bo = AppUser("bo", date(2024, 3, 1), deactivated_on=date(2024, 5, 1))
>>> active_users([ana, bo], BillingPeriod.month(2024, 5))
1
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from paxbill.core._items import to_items
from paxbill.core.periods import BillingPeriod
from paxbill.exceptions import ArgumentTypeError
from paxbill.paxton.app_users import ActivityIndex, AppUser, AppUserColumns

__all__ = ["active_users", "monthly_active_counts", "user_days"]


def _not_a_user(user: object) -> ArgumentTypeError:
    return ArgumentTypeError(user, "an AppUser", what="each user")


def _check_users(users: object) -> None:
    if isinstance(users, str | bytes) or not isinstance(users, Iterable):
        raise ArgumentTypeError(users, "a sequence of AppUser", what="users")


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

    >>> import datetime as dt
    >>> june = BillingPeriod.month(2024, 6)
    >>> users = [AppUser(1, dt.date(2024, 6, 30)), AppUser(2, dt.date(2024, 7, 1))]
    >>> active_users(users, june)
    1
    """
    if isinstance(users, AppUserColumns):
        return users.counts([_check_period(period)])[0]
    start, end = _check_period(period).day_numbers
    _check_users(users)
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

    >>> import datetime as dt
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

    >>> import datetime as dt
    >>> from paxbill import AppUser, BillingFrequency, billing_periods
    >>> months = billing_periods(dt.date(2024, 1, 1), BillingFrequency.MONTHLY, 3)
    >>> january = AppUser(1, dt.date(2024, 1, 15), dt.date(2024, 2, 1))
    >>> monthly_active_counts([january, AppUser(2, dt.date(2024, 2, 29))], months)
    (1, 1, 1)
    """
    if isinstance(users, AppUserColumns):
        return users.counts(periods)
    return ActivityIndex.of(_users(users)).counts(periods)


def _users(users: Iterable[AppUser]) -> tuple[AppUser, ...]:
    items = to_items(users, what="users", expected="a sequence of AppUser")
    for user in items:
        if not isinstance(user, AppUser):
            raise _not_a_user(user)
    return items
