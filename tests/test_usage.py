"""Tests for paxbill.paxton.app_users: app users and the counts a period bills."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paxbill import (
    AppUser,
    AppUserColumns,
    ArgumentTypeError,
    BillingFrequency,
    BillingPeriod,
    InvalidCountError,
    InvalidDateRangeError,
    active_users,
    billing_periods,
    monthly_active_counts,
    user_days,
)
from tests.strategies import app_users, periods

D = dt.date
JUNE = BillingPeriod.month(2024, 6)


def test_user_activity_is_half_open() -> None:
    """A user is active from the activation day, not on the deactivation day."""
    user = AppUser("ana", D(2024, 6, 10), D(2024, 6, 20))
    assert not user.is_active_on(D(2024, 6, 9))
    assert user.is_active_on(D(2024, 6, 10))
    assert user.is_active_on(D(2024, 6, 19))
    assert not user.is_active_on(D(2024, 6, 20))
    assert AppUser("bo", D(2024, 1, 1)).is_active_on(D(2099, 1, 1))


def test_deactivation_before_activation() -> None:
    """It raises InvalidDateRangeError, a ValueError, on a span that goes back."""
    with pytest.raises(InvalidDateRangeError) as raised:
        AppUser("ana", D(2024, 6, 10), D(2024, 6, 9))
    assert isinstance(raised.value, ValueError)
    # The same day is an empty span: never active.
    assert not AppUser("ana", D(2024, 6, 10), D(2024, 6, 10)).is_active_during(JUNE)


@pytest.mark.parametrize(
    ("user_id", "start", "end"),
    [
        (True, D(2024, 1, 1), None),
        (1.5, D(2024, 1, 1), None),
        ("ana", "2024-01-01", None),
        ("ana", D(2024, 1, 1), dt.datetime(2024, 2, 1)),
    ],
)
def test_bad_user_fields(user_id: object, start: object, end: object) -> None:
    """It refuses an id that is not a str or int, and bounds that are not dates."""
    with pytest.raises(ArgumentTypeError):
        AppUser(user_id, start, end)  # type: ignore[arg-type]


def test_counts_a_user_active_on_one_day() -> None:
    """A user active on at least one day of the month counts in it."""
    users = [
        AppUser(1, D(2024, 6, 30)),  # last day only
        AppUser(2, D(2024, 5, 1), D(2024, 6, 2)),  # first day only
        AppUser(3, D(2024, 7, 1)),  # starts after
        AppUser(4, D(2024, 5, 1), D(2024, 6, 1)),  # left the day June starts
        AppUser(5, D(2023, 1, 1)),  # all month
    ]
    assert active_users(users, JUNE) == 3
    assert user_days(users, JUNE) == 1 + 1 + 30


def test_count_refuses_other_things() -> None:
    """It refuses items that are not AppUsers."""
    with pytest.raises(ArgumentTypeError):
        active_users([AppUser(1, D(2024, 1, 1)), "bo"], JUNE)  # type: ignore[list-item]


@given(st.lists(app_users(), max_size=20), periods())
def test_counted_users_were_active_on_a_day_of_the_period(
    users: list[AppUser], period: BillingPeriod
) -> None:
    """Law: a user counts iff active on some day of the period, day by day."""
    days = [period.start + dt.timedelta(n) for n in range(period.days)]
    by_day = [u for u in users if any(u.is_active_on(d) for d in days)]
    assert active_users(users, period) == len(by_day)
    assert user_days(users, period) == sum(
        u.is_active_on(d) for u in users for d in days
    )


@given(
    st.lists(app_users(), max_size=30),
    st.sampled_from(list(BillingFrequency)),
    st.dates(min_value=D(2000, 1, 1), max_value=D(2099, 1, 1)),
    st.integers(0, 14),
)
def test_the_sweep_counts_as_active_users_does(
    users: list[AppUser], frequency: BillingFrequency, anchor: dt.date, count: int
) -> None:
    """Law: the sweep gives active_users for every period, empty spans included."""
    users = [*users, AppUser("empty", anchor, anchor)]
    periods = billing_periods(anchor, frequency, count)
    assert monthly_active_counts(users, periods) == tuple(
        active_users(users, p) for p in periods
    )


@st.composite
def users_around(draw: st.DrawFn, period: BillingPeriod) -> AppUser:
    """A user whose span starts and ends within a few days of *period*'s edges."""
    edges = [period.start, period.end]
    start = draw(st.sampled_from(edges)) + dt.timedelta(draw(st.integers(-3, 3)))
    length = draw(st.none() | st.integers(0, 5) | st.integers(0, period.days + 5))
    return AppUser(0, start, None if length is None else start + dt.timedelta(length))


@given(periods().flatmap(lambda p: st.tuples(st.just(p), st.lists(users_around(p)))))
def test_users_at_the_edges_count_day_by_day(
    case: tuple[BillingPeriod, list[AppUser]],
) -> None:
    """Law: at the period's edges, counts and days agree with a day-by-day walk."""
    period, users = case
    days = [period.start + dt.timedelta(n) for n in range(period.days)]
    for user in users:
        active_days = sum(user.is_active_on(d) for d in days)
        assert user.days_active(period) == active_days
        assert user.is_active_during(period) == (active_days > 0)
    assert active_users(users, period) == sum(
        any(u.is_active_on(d) for d in days) for u in users
    )
    assert user_days(users, period) == sum(u.days_active(period) for u in users)


def test_a_user_keeps_its_span_through_pickle_and_evolve() -> None:
    """A user pickled, or changed with attrs.evolve, counts by its new dates."""
    import pickle

    import attrs

    user = AppUser("ana", D(2024, 5, 20), D(2024, 6, 1))
    assert active_users([pickle.loads(pickle.dumps(user))], JUNE) == 0
    assert active_users([attrs.evolve(user, deactivated_on=None)], JUNE) == 1
    assert active_users([attrs.evolve(user, deactivated_on=D(2024, 6, 2))], JUNE) == 1


def test_count_refuses_a_period_that_is_not_one() -> None:
    """active_users and user_days name the period when it is not a BillingPeriod."""
    with pytest.raises(ArgumentTypeError, match="period"):
        active_users([], "2024-06")  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError, match="period"):
        user_days([], "2024-06")  # type: ignore[arg-type]


def columns_of(users: list[AppUser]) -> AppUserColumns:
    return AppUserColumns(
        [u.user_id for u in users],
        [u.activated_on for u in users],
        [u.deactivated_on for u in users],
    )


@given(st.lists(app_users(), max_size=30), st.lists(periods(), max_size=5))
def test_columns_count_as_the_users_they_hold(
    users: list[AppUser], some_periods: list[BillingPeriod]
) -> None:
    """Law: users read in bulk are the same users and count the same."""
    users = [*users, AppUser("empty", D(2024, 6, 10), D(2024, 6, 10))]
    columns = columns_of(users)
    assert list(columns) == users
    assert len(columns) == len(users)
    for period in some_periods:
        assert active_users(columns, period) == active_users(users, period)
        assert user_days(columns, period) == user_days(users, period)
    assert monthly_active_counts(columns, some_periods) == tuple(
        active_users(users, p) for p in some_periods
    )


ODD_VALUES = st.sampled_from(
    [None, True, 1.5, "2024-01-01", D(2024, 1, 1), dt.datetime(2024, 1, 1), 7, "x", 0]
)


@given(st.lists(st.tuples(ODD_VALUES, ODD_VALUES, ODD_VALUES), max_size=6))
def test_columns_refuse_what_an_app_user_refuses(
    rows: list[tuple[object, object, object]],
) -> None:
    """Law: columns are accepted exactly when every row makes an AppUser."""
    expected: type[Exception] | None = None
    for row in rows:
        try:
            AppUser(*row)  # type: ignore[arg-type]
        except (ArgumentTypeError, InvalidDateRangeError) as error:
            expected = type(error)
            break
    ids, starts, ends = ([row[i] for row in rows] for i in range(3))
    if expected is None:
        assert len(AppUserColumns(ids, starts, ends)) == len(rows)  # type: ignore[arg-type]
    else:
        with pytest.raises(expected):
            AppUserColumns(ids, starts, ends)  # type: ignore[arg-type]


def test_columns_of_unequal_lengths() -> None:
    """Columns of different lengths are an InvalidCountError, a ValueError."""
    with pytest.raises(InvalidCountError, match="one of each per user"):
        AppUserColumns([1, 2], [D(2024, 1, 1)])
    with pytest.raises(InvalidCountError):
        AppUserColumns([1], [D(2024, 1, 1)], [None, None])
    with pytest.raises(ArgumentTypeError, match="column"):
        AppUserColumns("ab", [D(2024, 1, 1)] * 2)


def test_columns_without_departures() -> None:
    """With no deactivation column, every user is still active."""
    users = AppUserColumns(["ana", "bo"], [D(2024, 5, 20), D(2024, 6, 30)])
    assert users.deactivated_on == (None, None)
    assert active_users(users, JUNE) == 2
    assert active_users(users, BillingPeriod.month(2024, 5)) == 1


def test_an_index_keeps_one_object_per_day() -> None:
    """Equal dates in an index are one object, as many users give them.

    Counting bisects the index's dates; made one object per day, they stay
    few, whatever the number of users. The index is equal to one of the
    same days, and counts the same.
    """
    from paxbill import ActivityIndex

    days = [dt.date.fromordinal(D(2024, 1, 10).toordinal()) for _ in range(3)]
    assert len({id(day) for day in days}) == 3
    index = ActivityIndex(tuple(days), (D(2024, 2, 1), D(2024, 2, 1)))
    assert len({id(day) for day in index.starts}) == 1
    assert len({id(day) for day in index.ends}) == 1
    assert index == ActivityIndex((D(2024, 1, 10),) * 3, (D(2024, 2, 1),) * 2)
    assert index.counts([JUNE, BillingPeriod.month(2024, 1)]) == (1, 3)


def test_the_days_shared_stay_bounded() -> None:
    """More distinct days than the cache holds are indexed, then let go."""
    from paxbill import ActivityIndex
    from paxbill.paxton import app_users

    days = tuple(dt.date.fromordinal(n) for n in range(1, 70_001))
    index = ActivityIndex(days, ())
    assert index.starts == days
    assert len(app_users._SHARED_DAYS) <= app_users._MAX_DAY_NUMBERS < len(days)
