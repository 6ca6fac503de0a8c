"""App users of the Entry app, one by one or many at once in columns.

A user is active on the half-open span ``[activated_on, deactivated_on)``.
An :class:`AppUser` is one user; :class:`AppUserColumns` holds many, read from
columns of ids and dates in one pass, with their activity sorted for counting.

>>> from datetime import date
>>> AppUser("ana", date(2024, 5, 20)).is_active_on(date(2024, 6, 1))
True
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from itertools import compress
from operator import eq, gt
from typing import Any, cast

import attrs

from paxbill.core._items import to_items
from paxbill.core._validators import is_date, is_optional_date
from paxbill.core._values import Revalidated
from paxbill.core.periods import BillingPeriod
from paxbill.exceptions import (
    ArgumentTypeError,
    InvalidCountError,
    InvalidDateRangeError,
)

__all__ = ["ActivityIndex", "AppUser", "AppUserColumns", "span_days"]


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
# The types AppUserColumns' columns may hold: ids, starts, ends or None.
_ID_TYPES = frozenset((int, str))
_START_TYPES = frozenset((dt.date,))
_END_TYPES = frozenset((dt.date, type(None)))
# The day numbers of the dates seen, shared so that users activated on the
# same day share one int; bounded, as a cache, not a record.
_DAY_NUMBERS: dict[dt.date, int] = {}
_MAX_DAY_NUMBERS = 1 << 16


# Equal dates of the users indexed, made one object: the dates that every
# count bisects then stay in the processor's cache, however many users there
# are, instead of lying all over memory. Bounded, as a cache.
_SHARED_DAYS: dict[dt.date, dt.date] = {}


def _shared_days(days: Iterable[dt.date]) -> tuple[dt.date, ...]:
    """The same dates, in order, as a tuple, equal ones made one object."""
    listed = (
        days
        if isinstance(days, tuple | list)
        else to_items(days, what="days", expected="a sequence of dates")
    )
    if not set(map(type, listed)) <= _START_TYPES:
        bad = next(day for day in listed if type(day) is not dt.date)
        raise ArgumentTypeError(bad, "a datetime.date", what="each day")
    if any(map(gt, listed, listed[1:])):
        raise ArgumentTypeError(listed, "dates in order, earliest first", what="days")
    shared = tuple(map(_SHARED_DAYS.setdefault, listed, listed))
    if len(_SHARED_DAYS) > _MAX_DAY_NUMBERS:
        _SHARED_DAYS.clear()
    return shared


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
class AppUser(Revalidated):
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


@attrs.frozen
class ActivityIndex(Revalidated):
    """Users' activation and deactivation dates, sorted, to count by bisection.

    A period's active users are those activated before its end less those
    deactivated on or before its start: a user deactivated by then was
    activated before its end too, so the subtraction is exact. A user
    deactivated the day it was activated is never active and is left out.
    """

    starts: tuple[dt.date, ...] = attrs.field(converter=_shared_days)
    ends: tuple[dt.date, ...] = attrs.field(converter=_shared_days)

    @classmethod
    def of(cls, users: Iterable[AppUser]) -> ActivityIndex:
        """Index users already checked to be AppUsers."""
        spans = [
            (u.activated_on, u.deactivated_on)
            for u in users
            if u.deactivated_on != u.activated_on
        ]
        return cls(
            sorted([start for start, _ in spans]),
            sorted([end for _, end in spans if end is not None]),
        )

    def counts(self, periods: Sequence[BillingPeriod]) -> tuple[int, ...]:
        """The users active on at least one day of each of *periods*."""
        starts, ends = self.starts, self.ends
        return tuple(
            [
                bisect_left(starts, period.end) - bisect_right(ends, period.start)
                for period in periods
            ]
        )


def _column(value: Iterable[Any]) -> tuple[Any, ...]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise ArgumentTypeError(value, "a column: a list or tuple of values")
    return value if type(value) is tuple else tuple(value)


def _ends_column(value: Iterable[dt.date | None] | None) -> tuple[Any, ...] | None:
    return None if value is None else _column(value)


@attrs.frozen
class AppUserColumns(Revalidated):
    """Many app users at once, from columns of ids and dates.

    The bulk way in, for users read from a file or a database: the columns
    are checked in one pass (types, lengths, no deactivation before its
    activation), and the users' activity is sorted once, when first counted,
    so that counting a period is two bisections. It iterates as
    :class:`AppUser` objects, made only when asked for, and goes wherever
    AppUsers go.

    Args:
        user_ids: each user's identifier, a str or an int.
        activated_on: each user's first active day.
        deactivated_on: each user's first inactive day, or None while active;
            None for the whole column if no user has left.

    Raises:
        ArgumentTypeError: a column is not a sequence, or a value has the
            wrong type (as :class:`AppUser` would say).
        InvalidDateRangeError: a user is deactivated before its activation.
        InvalidCountError: the columns are not of one length.

    >>> users = AppUserColumns(
    ...     ["ana", "bo"], [dt.date(2024, 5, 20), dt.date(2024, 3, 1)],
    ...     [None, dt.date(2024, 5, 1)],
    ... )
    >>> april, may = BillingPeriod.month(2024, 4), BillingPeriod.month(2024, 5)
    >>> len(users), users.counts([april, may])  # bo in April, ana in May
    (2, (1, 1))
    >>> [user.user_id for user in users if user.is_active_on(dt.date(2024, 5, 25))]
    ['ana']
    """

    user_ids: tuple[str | int, ...] = attrs.field(converter=_column)
    activated_on: tuple[dt.date, ...] = attrs.field(converter=_column)
    # None for the whole column becomes None for each user, once checked.
    deactivated_on: tuple[dt.date | None, ...] = attrs.field(
        default=None, converter=_ends_column
    )
    _index: ActivityIndex | None = attrs.field(
        init=False, default=None, repr=False, eq=False, alias="_index"
    )

    def __attrs_post_init__(self) -> None:
        ids, starts = self.user_ids, self.activated_on
        given = cast("tuple[Any, ...] | None", self.deactivated_on)
        ends = (None,) * len(ids) if given is None else given
        if not len(ids) == len(starts) == len(ends):
            raise InvalidCountError(
                len(starts),
                what="number of activation dates",
                reason=f"does not match the {len(ids)} user ids and the "
                f"{len(ends)} deactivation dates: give one of each per user",
            )
        object.__setattr__(self, "deactivated_on", ends)
        # The columns are checked by C-level passes; if one fails, they are
        # read again user by user, so that AppUser itself names the fault.
        # Each column's types are one set of the types seen (a pass makes no
        # tuple per row, which cost a third more than the check itself).
        if not (
            set(map(type, ids)) <= _ID_TYPES
            and set(map(type, starts)) <= _START_TYPES
            and set(map(type, ends)) <= _END_TYPES
            # Every end is now a date or None: the dates are the closed ones.
            and not any(map(gt, compress(starts, ends), compress(ends, ends)))
        ):
            for row in zip(ids, starts, ends, strict=True):
                AppUser(*row)

    @property
    def index(self) -> ActivityIndex:
        """The users' activity, sorted on first use, to count by bisection."""
        index = self._index
        if index is None:
            index = _index_columns(self.activated_on, self.deactivated_on)
            object.__setattr__(self, "_index", index)
        return index

    def __len__(self) -> int:
        return len(self.user_ids)

    def __iter__(self) -> Iterator[AppUser]:
        return map(AppUser, self.user_ids, self.activated_on, self.deactivated_on)

    def counts(self, periods: Sequence[BillingPeriod]) -> tuple[int, ...]:
        """The users active on at least one day of each of *periods*."""
        return self.index.counts(periods)


def _index_columns(
    starts: Sequence[dt.date], ends: Sequence[dt.date | None]
) -> ActivityIndex:
    """Sort checked columns into an index, as ActivityIndex.of sorts AppUsers."""
    closed_ends = [end for end in ends if end is not None]
    if any(map(eq, compress(starts, ends), closed_ends)):
        # Spans that are never active are left out, as ActivityIndex.of does.
        kept = [(s, e) for s, e in zip(starts, ends, strict=True) if s != e]
        starts = [s for s, _ in kept]
        closed_ends = [e for _, e in kept if e is not None]
    return ActivityIndex(sorted(starts), sorted(closed_ends))
