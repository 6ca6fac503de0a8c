"""Tests for paxbill.core.discount and paxbill.core.pricing: the portal's unit price."""

from __future__ import annotations

from decimal import Decimal

import pytest
from attrs.exceptions import FrozenInstanceError
from hypothesis import given
from hypothesis import strategies as st

from paxbill import (
    AmountTypeError,
    ArgumentTypeError,
    Discount,
    InvalidAmountError,
    InvalidDiscountError,
    InvalidUserCountError,
    Money,
    PerUserPrice,
)
from tests.strategies import CURRENCIES, MINOR_UNITS


class TestDiscount:
    def test_percent_and_rate(self) -> None:
        """It keeps the percentage and gives the rate as a fraction."""
        assert Discount(15).percent == Decimal(15)
        assert Discount("15").rate == Decimal("0.15")
        assert Discount(Decimal("12.5")).rate == Decimal("0.125")

    def test_apply_is_exact_and_unrounded(self) -> None:
        """It takes the discount off exactly: 3.00 less 15 % is 2.55."""
        assert Discount(15).apply(Money("3.00", "EUR")) == Money("2.55", "EUR")
        # 2.99 x 0.85 = 2.5415, kept whole until someone rounds it.
        assert Discount(15).apply(Money("2.99", "EUR")).amount == Decimal("2.5415")

    @pytest.mark.parametrize("percent", [0, 100, "0", "100.0", Decimal("99.99")])
    def test_bounds_are_inclusive(self, percent: int | str | Decimal) -> None:
        """It accepts 0 to 100 inclusive."""
        assert 0 <= Discount(percent).rate <= 1

    @pytest.mark.parametrize("percent", [-1, "100.01", 120, "-0.5"])
    def test_outside_0_to_100(self, percent: int | str) -> None:
        """It raises InvalidDiscountError, a ValueError, outside 0 to 100."""
        with pytest.raises(InvalidDiscountError) as raised:
            Discount(percent)
        assert isinstance(raised.value, ValueError)
        assert raised.value.percent == Decimal(percent)

    def test_float_percent(self) -> None:
        """It refuses a float percentage."""
        with pytest.raises(AmountTypeError):
            Discount(15.0)  # type: ignore[arg-type]

    def test_frozen_equal_and_hashable(self) -> None:
        """It is immutable, equal by value and hashable."""
        discount = Discount(15)
        assert discount == Discount("15.0")
        assert hash(discount) == hash(Discount("15.00"))
        with pytest.raises(FrozenInstanceError):
            discount.percent = Decimal(1)  # type: ignore[misc]
        assert str(discount) == "15%"


class TestPerUserPrice:
    def test_portal_figures(self) -> None:
        """EUR 3.00 less 15 % is EUR 2.55 net, and 70 users cost EUR 178.50."""
        price = PerUserPrice(Money("3.00", "EUR"), Discount(15))
        assert price.net == Money("2.55", "EUR")
        assert price.monthly_total(70) == Money("178.50", "EUR")
        assert str(price.monthly_total(70)) == "178.50 EUR"

    def test_unit_price_is_rounded_before_multiplying(self) -> None:
        """At EUR 2.99 the net is 2.54 (2.5415 rounded) and 70 users cost 177.80."""
        price = PerUserPrice(Money("2.99", "EUR"), Discount(15))
        assert price.net == Money("2.54", "EUR")
        assert price.monthly_total(70) == Money("177.80", "EUR")
        # Not 2.5415 x 70 = 177.905, which would round to 177.91.
        assert price.monthly_total(70) != (Money("2.5415", "EUR") * 70).round()

    def test_net_rounds_half_up(self) -> None:
        """A net that ends in a half cent rounds up: 2.50 less 15 % is 2.125, 2.13."""
        assert PerUserPrice(Money("2.50", "GBP"), 15).net == Money("2.13", "GBP")

    def test_without_discount(self) -> None:
        """With no discount the net is the list price, rounded."""
        price = PerUserPrice(Money("2.50", "GBP"))
        assert price.discount is None
        assert price.net == Money("2.50", "GBP")
        assert price.monthly_total(12) == Money("30.00", "GBP")
        assert price.currency == "GBP"

    def test_discount_as_a_number(self) -> None:
        """It accepts a percentage where a Discount is expected."""
        assert PerUserPrice(Money("3.00", "EUR"), 15) == PerUserPrice(
            Money("3.00", "EUR"), Discount(15)
        )

    def test_zero_users(self) -> None:
        """No users cost nothing."""
        assert PerUserPrice(Money("3.00", "EUR"), 15).monthly_total(0) == Money(
            "0", "EUR"
        )

    @pytest.mark.parametrize("users", [-1, -70])
    def test_negative_users(self, users: int) -> None:
        """It raises InvalidUserCountError, a ValueError, on a negative count."""
        with pytest.raises(InvalidUserCountError) as raised:
            PerUserPrice(Money("3.00", "EUR"), 15).monthly_total(users)
        assert isinstance(raised.value, ValueError)
        assert raised.value.users == users

    @pytest.mark.parametrize("users", [70.0, "70", True, Decimal(70)])
    def test_users_not_a_whole_number(self, users: object) -> None:
        """It raises ArgumentTypeError, a TypeError, on a count that is not an int."""
        with pytest.raises(ArgumentTypeError) as raised:
            PerUserPrice(Money("3.00", "EUR"), 15).monthly_total(users)  # type: ignore[arg-type]
        assert isinstance(raised.value, TypeError)

    def test_bad_list_price(self) -> None:
        """It refuses a list price that is not a Money, or is negative."""
        with pytest.raises(ArgumentTypeError):
            PerUserPrice(Decimal("3.00"), 15)  # type: ignore[arg-type]
        with pytest.raises(InvalidAmountError, match="negative"):
            PerUserPrice(Money("-3.00", "EUR"), 15)

    @given(
        st.sampled_from(CURRENCIES),
        st.integers(min_value=0, max_value=10**6),
        st.decimals(min_value=0, max_value=100, places=2),
        st.integers(min_value=0, max_value=10_000),
    )
    def test_net_times_users(
        self, currency: str, list_units: int, percent: Decimal, users: int
    ) -> None:
        """Law: the total is the half-up rounded net unit price times the users."""
        places = MINOR_UNITS[currency]
        list_price = Money(Decimal(list_units).scaleb(-places), currency)
        price = PerUserPrice(list_price, percent)
        # Independent half-up rounding, in integers of 1/10000 of a minor unit.
        exact = list_units * (10_000 - int(percent * 100))  # minor units x 10^4
        net_units = (exact + 5_000) // 10_000
        assert price.net.to_minor_units() == net_units
        assert price.monthly_total(users).to_minor_units() == net_units * users


def test_user_counts_beyond_a_billion() -> None:
    """It refuses a count of users beyond a billion, rather than lose digits."""
    price = PerUserPrice(Money("3.00", "EUR"), 15)
    assert price.monthly_total(10**9) == Money("2550000000.00", "EUR")
    with pytest.raises(InvalidUserCountError, match="more than 1,000,000,000"):
        price.monthly_total(10**9 + 1)
