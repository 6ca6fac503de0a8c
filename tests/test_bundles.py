"""Tests for paxbill.clients.bundles: the app inside a fixed-fee contract."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paxbill import (
    ArgumentTypeError,
    BillingFrequency,
    Bundle,
    CurrencyMismatchError,
    InvalidAmountError,
    InvalidUserCountError,
    Money,
    PerUserPrice,
)

PAXTON = PerUserPrice(Money("3.00", "EUR"), 15)  # 2.55 net


def eur(amount: str) -> Money:
    """Euros."""
    return Money(amount, "EUR")


def monthly(users: int = 20, fee: str = "150.00", other: str = "80.00") -> Bundle:
    """A monthly bundle at the portal's price."""
    return Bundle(eur(fee), BillingFrequency.MONTHLY, users, PAXTON, eur(other))


def test_share_margin_and_break_even() -> None:
    """20 users cost 51.00 of 150.00, others 80.00: margin 19.00; 28 users break it."""
    bundle = monthly()
    assert bundle.app_cost == eur("51.00")
    assert bundle.app_share == Decimal("0.3400")
    assert bundle.margin == eur("19.00")
    # (150 - 80) / 2.55 = 27.45..: 27 users still fit, the 28th does not.
    assert bundle.break_even_users == 28
    assert bundle.covers(27)
    assert not bundle.covers(28)


def test_annual_fee_counts_twelve_months() -> None:
    """An annual fee is set against twelve months of the app."""
    bundle = Bundle(eur("1800.00"), BillingFrequency.ANNUAL, 20, PAXTON, eur("960.00"))
    assert bundle.app_cost == eur("612.00")  # 20 x 2.55 x 12
    assert bundle.margin == eur("228.00")
    assert bundle.break_even_users == 28  # 840 / 30.60 = 27.45..


def test_edges() -> None:
    """Other costs above the fee break at 0 users; a free app never breaks."""
    assert monthly(other="200.00").break_even_users == 0
    free = Bundle(eur("10"), BillingFrequency.MONTHLY, 5, eur("0"), eur("1"))
    assert free.break_even_users is None
    assert (
        Bundle(eur("0"), BillingFrequency.MONTHLY, 5, PAXTON, eur("0")).app_share == 0
    )


def test_bad_bundles() -> None:
    """It refuses a quarterly fee, negative users or fees, and mixed currencies."""
    with pytest.raises(ArgumentTypeError):
        Bundle(eur("1"), BillingFrequency.QUARTERLY, 1, PAXTON, eur("0"))
    with pytest.raises(InvalidUserCountError):
        monthly(users=-1)
    with pytest.raises(InvalidAmountError):
        monthly(fee="-1")
    with pytest.raises(CurrencyMismatchError):
        Bundle(Money("150", "GBP"), BillingFrequency.MONTHLY, 1, PAXTON, eur("0"))
    with pytest.raises(ArgumentTypeError):
        Bundle(eur("1"), BillingFrequency.MONTHLY, 1, "2.55", eur("0"))  # type: ignore[arg-type]


@given(st.integers(0, 10**6), st.integers(0, 10**5), st.integers(1, 500))
def test_break_even_is_the_first_uncovered_count(
    fee: int, other: int, unit: int
) -> None:
    """Law: the fee covers every count below the break-even, and not it."""
    bundle = Bundle(
        Money.from_minor_units(fee, "EUR"),
        BillingFrequency.MONTHLY,
        0,
        Money.from_minor_units(unit, "EUR"),
        Money.from_minor_units(other, "EUR"),
    )
    first = bundle.break_even_users
    assert first is not None
    assert not bundle.covers(first)
    if first > 0:
        assert bundle.covers(first - 1)
