"""Hypothesis strategies shared by the tests."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from hypothesis import strategies as st

from paxbill import AppUser, BillingFrequency, BillingPeriod, BillingTerm, Money

#: Currencies with 0, 2 and 3 decimal places.
CURRENCIES = ("EUR", "GBP", "JPY", "BHD")
MINOR_UNITS = {"EUR": 2, "GBP": 2, "JPY": 0, "BHD": 3}


def amounts(*, places: int = 4, limit: int = 10**9) -> st.SearchStrategy[Decimal]:
    """Decimals with up to *places* decimal places, within plus or minus *limit*."""
    return st.decimals(
        min_value=-limit, max_value=limit, places=places, allow_nan=False
    )


def money(currency: str | None = None) -> st.SearchStrategy[Money]:
    """Money in *currency*, or in any of CURRENCIES."""
    codes = st.just(currency) if currency else st.sampled_from(CURRENCIES)
    return st.builds(Money, amounts(), codes)


#: Non-negative weights, ints or Decimals, with a positive total.
weights = st.lists(
    st.one_of(
        st.integers(min_value=0, max_value=1000),
        st.decimals(min_value=0, max_value=1000, places=3),
    ),
    min_size=1,
    max_size=12,
).filter(lambda ws: sum(ws) > 0)


#: Dates from 2000 to 2099, with month ends and leap days well represented.
dates = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31))
month_end_dates = st.builds(
    lambda year, month: dt.date(year, month, 1) + relativedelta(months=1, days=-1),
    st.integers(min_value=2000, max_value=2099),
    st.integers(min_value=1, max_value=12),
)
anchors = st.one_of(dates, month_end_dates)
frequencies = st.sampled_from(list(BillingFrequency))
#: Named frequencies and terms of any months, up to three years.
billings = frequencies | st.integers(1, 36).map(BillingTerm)


@st.composite
def app_users(draw: st.DrawFn, user_id: int = 0) -> AppUser:
    """An AppUser active from a date, perhaps until a later one."""
    start = draw(dates)
    end = draw(st.none() | st.integers(min_value=0, max_value=800))
    return AppUser(user_id, start, None if end is None else start + dt.timedelta(end))


def periods() -> st.SearchStrategy[BillingPeriod]:
    """Any period of 1 to 400 days."""
    return st.builds(
        lambda start, days: BillingPeriod(start, start + dt.timedelta(days)),
        dates,
        st.integers(min_value=1, max_value=400),
    )
