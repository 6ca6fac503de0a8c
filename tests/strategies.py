"""Hypothesis strategies shared by the tests."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from paxbill import Money

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
