"""Tests for paxbill.core.money: the Money type and total()."""

from __future__ import annotations

import copy
import pickle
from collections.abc import Callable
from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction

import pytest
from attrs.exceptions import FrozenInstanceError
from hypothesis import given
from hypothesis import strategies as st

from paxbill import (
    AmountTypeError,
    ArgumentTypeError,
    CurrencyMismatchError,
    InvalidAllocationError,
    InvalidAmountError,
    Money,
    PaxbillError,
    UnknownCurrencyError,
    total,
)
from tests.strategies import CURRENCIES, MINOR_UNITS, amounts, money, weights


class TestConstruction:
    def test_accepts_str_int_and_decimal_exactly(self) -> None:
        """It keeps the amount exactly as given, unrounded."""
        assert Money("178.50", "EUR").amount == Decimal("178.50")
        assert Money(70, "EUR").amount == Decimal(70)
        assert Money(Decimal("2.5455"), "EUR").amount == Decimal("2.5455")
        assert str(Money("2.5455", "EUR").amount) == "2.5455"

    def test_currency_in_any_case_is_kept_upper_case(self) -> None:
        """It accepts a code in any case and keeps it upper-case."""
        assert Money("1", "eur").currency == "EUR"
        assert Money("1", "Gbp") == Money("1", "GBP")

    @pytest.mark.parametrize("code", ["XYZ", "EURO", "", "€"])
    def test_unknown_currency(self, code: str) -> None:
        """It raises UnknownCurrencyError, a ValueError, on an unknown code."""
        with pytest.raises(UnknownCurrencyError) as raised:
            Money("1.00", code)
        assert isinstance(raised.value, ValueError)
        assert isinstance(raised.value, PaxbillError)
        assert raised.value.currency == code

    def test_currency_that_is_not_text(self) -> None:
        """It raises UnknownCurrencyError on a currency that is not a str."""
        with pytest.raises(UnknownCurrencyError):
            Money("1.00", 978)  # type: ignore[arg-type]

    @pytest.mark.parametrize("value", [2.55, 0.0, float("nan"), True, False])
    def test_float_and_bool_are_refused(self, value: object) -> None:
        """It refuses a float or a bool with a TypeError that says what to pass."""
        with pytest.raises(AmountTypeError) as raised:
            Money(value, "EUR")  # type: ignore[arg-type]
        assert isinstance(raised.value, TypeError)
        assert "pass a string or a Decimal" in str(raised.value)
        assert raised.value.value is value

    @pytest.mark.parametrize(
        "value", ["abc", "", "NaN", "inf", "-Infinity", "sNaN", "1,5", Decimal("NaN")]
    )
    def test_not_a_finite_number(self, value: object) -> None:
        """It raises InvalidAmountError, a ValueError, on NaN, infinity or bad text."""
        with pytest.raises(InvalidAmountError) as raised:
            Money(value, "EUR")  # type: ignore[arg-type]
        assert isinstance(raised.value, ValueError)

    @pytest.mark.parametrize("value", ["1" * 29, "1e40", "1e-40", "0." + "1" * 30])
    def test_more_digits_than_kept_exactly(self, value: str) -> None:
        """It refuses an amount it could not keep exactly, rather than round it."""
        with pytest.raises(InvalidAmountError, match="28 significant digits"):
            Money(value, "EUR")

    def test_immutable(self) -> None:
        """It cannot be changed after it is made."""
        price = Money("2.55", "EUR")
        with pytest.raises(FrozenInstanceError):
            price.amount = Decimal(3)
        with pytest.raises(FrozenInstanceError):
            del price.currency
        with pytest.raises(AttributeError):
            price.other = 1


class TestIdentity:
    def test_equal_values_are_equal_with_equal_hashes(self) -> None:
        """It is equal, with the same hash, whatever trailing zeros it was given."""
        assert Money("2.5", "EUR") == Money("2.50", "EUR")
        assert hash(Money("2.5", "EUR")) == hash(Money("2.50", "EUR"))
        assert len({Money("2.5", "EUR"), Money("2.50", "EUR")}) == 1

    def test_never_equals_a_bare_number_or_other_currency(self) -> None:
        """It never equals a number, or the same amount in another currency."""
        assert Money("2.50", "EUR") != Decimal("2.50")
        assert Money("0", "EUR") != 0
        assert Money("2.50", "EUR") != Money("2.50", "GBP")

    def test_str_and_repr(self) -> None:
        """Its str shows the minor unit at least; its repr rebuilds it."""
        assert str(Money("178.5", "EUR")) == "178.50 EUR"
        assert str(Money("2.545", "EUR")) == "2.545 EUR"
        assert str(Money("1234", "JPY")) == "1234 JPY"
        assert repr(Money("178.50", "EUR")) == "Money('178.50', 'EUR')"

    @given(money())
    def test_repr_rebuilds(self, value: Money) -> None:
        """Law: eval(repr(m)) == m."""
        assert eval(repr(value), {"Money": Money}) == value

    @given(money())
    def test_pickle_and_copy_keep_value_and_type(self, value: Money) -> None:
        """Law: pickling and copying give an equal Money."""
        for clone in (
            pickle.loads(pickle.dumps(value)),
            copy.copy(value),
            copy.deepcopy(value),
        ):
            assert type(clone) is Money
            assert clone == value
            assert str(clone.amount) == str(value.amount)

    def test_truthiness(self) -> None:
        """It is false when zero and true otherwise."""
        assert not Money("0.00", "EUR")
        assert Money("0.01", "EUR")


class TestOrder:
    def test_order_within_a_currency(self) -> None:
        """It orders amounts of one currency."""
        low, high = Money("2.55", "EUR"), Money("3.00", "EUR")
        assert low < high
        assert low <= high
        assert high > low
        assert high >= low
        assert low <= Money("2.550", "EUR")
        assert max(low, high) == high

    @pytest.mark.parametrize("compare", ["__lt__", "__le__", "__gt__", "__ge__"])
    def test_order_across_currencies_raises(self, compare: str) -> None:
        """It refuses to order amounts of two currencies."""
        with pytest.raises(CurrencyMismatchError) as raised:
            getattr(Money("1", "EUR"), compare)(Money("1", "GBP"))
        assert (raised.value.currency, raised.value.other) == ("EUR", "GBP")

    def test_order_with_a_number_raises(self) -> None:
        """It refuses to compare with a bare number."""
        with pytest.raises(ArgumentTypeError):
            assert Money("1", "EUR") < 2
        with pytest.raises(AmountTypeError):
            assert Money("1", "EUR") < 2.0


class TestArithmetic:
    def test_add_and_subtract(self) -> None:
        """It adds and subtracts exactly, unrounded."""
        assert Money("2.55", "EUR") + Money("0.455", "EUR") == Money("3.005", "EUR")
        assert Money("2.55", "EUR") - Money("3", "EUR") == Money("-0.45", "EUR")

    def test_add_across_currencies_raises_with_both(self) -> None:
        """It raises CurrencyMismatchError, keeping both currencies."""
        with pytest.raises(CurrencyMismatchError) as raised:
            _ = Money("1", "EUR") + Money("1", "GBP")
        assert raised.value.currency == "EUR"
        assert raised.value.other == "GBP"
        assert isinstance(raised.value, ValueError)
        with pytest.raises(CurrencyMismatchError):
            _ = Money("1", "EUR") - Money("1", "GBP")

    @pytest.mark.parametrize("other", [1, Decimal(1), "1"])
    def test_add_a_bare_number_raises(self, other: object) -> None:
        """It refuses to add or subtract a bare number."""
        with pytest.raises(ArgumentTypeError):
            _ = Money("1", "EUR") + other  # type: ignore[operator]
        with pytest.raises(ArgumentTypeError):
            _ = Money("1", "EUR") - other  # type: ignore[operator]
        with pytest.raises(ArgumentTypeError):
            _ = other + Money("1", "EUR")  # type: ignore[operator]

    def test_float_operands_raise_the_type_error(self) -> None:
        """It raises AmountTypeError on a float operand, whatever the operation."""
        price = Money("2.55", "EUR")
        with pytest.raises(AmountTypeError):
            _ = price * 1.5  # type: ignore[operator]
        with pytest.raises(AmountTypeError):
            _ = 1.5 * price  # type: ignore[operator]
        with pytest.raises(AmountTypeError):
            _ = price + 1.5  # type: ignore[operator]
        with pytest.raises(AmountTypeError):
            _ = price * True

    def test_multiply_by_int_or_decimal_on_either_side(self) -> None:
        """It multiplies by an int or a Decimal exactly, unrounded."""
        assert Money("2.55", "EUR") * 70 == Money("178.50", "EUR")
        assert 70 * Money("2.55", "EUR") == Money("178.50", "EUR")
        assert Money("3.00", "EUR") * Decimal("0.85") == Money("2.55", "EUR")
        assert Money("0.10", "EUR") * Decimal("0.333") == Money("0.0333", "EUR")

    def test_multiply_by_money_or_nan_raises(self) -> None:
        """It refuses to multiply money by money, or by NaN."""
        with pytest.raises(ArgumentTypeError):
            _ = Money("1", "EUR") * Money("1", "EUR")  # type: ignore[operator]
        with pytest.raises(InvalidAmountError):
            _ = Money("1", "EUR") * Decimal("NaN")

    def test_division_points_to_allocate(self) -> None:
        """It has no true division, and says to use allocate or split."""
        with pytest.raises(TypeError, match="allocate"):
            _ = Money("1", "EUR") / 3

    def test_negation_and_abs(self) -> None:
        """It negates and takes the absolute value."""
        assert -Money("2.55", "EUR") == Money("-2.55", "EUR")
        assert +Money("2.55", "EUR") == Money("2.55", "EUR")
        assert abs(Money("-2.55", "EUR")) == Money("2.55", "EUR")

    def test_sum_and_zero(self) -> None:
        """sum() works, and Money.zero is nothing to the minor unit."""
        assert sum([Money("2.55", "EUR")] * 70) == Money("178.50", "EUR")
        assert Money.zero("jpy") == Money(0, "JPY")
        assert str(Money.zero("BHD")) == "0.000 BHD"

    def test_from_minor_units(self) -> None:
        """It builds an amount from whole minor units of its currency."""
        assert Money.from_minor_units(17850, "EUR") == Money("178.50", "EUR")
        assert Money.from_minor_units(1235, "JPY") == Money("1235", "JPY")
        assert Money.from_minor_units(-13, "BHD") == Money("-0.013", "BHD")

    @given(st.sampled_from(CURRENCIES).flatmap(lambda c: st.tuples(*[money(c)] * 3)))
    def test_addition_is_associative_and_commutative(
        self, values: tuple[Money, Money, Money]
    ) -> None:
        """Law: within a currency, (a + b) + c == a + (b + c) and a + b == b + a."""
        a, b, c = values
        assert (a + b) + c == a + (b + c)
        assert a + b == b + a
        assert (a + b).amount == a.amount + b.amount

    @given(money(), st.integers(min_value=0, max_value=40))
    def test_multiplying_by_an_int_is_repeated_addition(
        self, value: Money, times: int
    ) -> None:
        """Law: m * n equals m added n times."""
        assert value * times == sum([value] * times, Money.zero(value.currency))

    @given(money(), money())
    def test_mixed_currencies_always_raise(self, a: Money, b: Money) -> None:
        """Law: any operation between two currencies raises CurrencyMismatchError."""
        if a.currency == b.currency:
            return
        for operation in (
            lambda: a + b,
            lambda: a - b,
            lambda: a < b,
            lambda: total([a, b]),
        ):
            with pytest.raises(CurrencyMismatchError):
                operation()


EUR_1, GBP_1 = Money("1.00", "EUR"), Money("1.00", "GBP")
#: The largest amount Money reads: 28 nines, one cent short of 10^28.
LARGEST = Money("9" * 26 + ".99", "EUR")
#: 28 significant digits, which any sum or product with digits below its
#: last takes past the 28 an amount may have.
LONG = Money("1" * 28, "EUR")
#: What every refusal of a result says after the operation.
NOT_AN_AMOUNT = (
    "is not an amount: an amount has at most 28 significant digits and is "
    "below 10^28 and, unless zero, at least 10^-28 in size"
)


class TestRefusals:
    @pytest.mark.parametrize(
        ("operation", "error", "message", "value"),
        [
            (
                lambda: EUR_1 < 3,
                ArgumentTypeError,
                "what to compare with must be Money of the same currency, not int 3",
                3,
            ),
            (
                lambda: EUR_1 + 3,  # type: ignore[operator]
                ArgumentTypeError,
                "what to add must be Money of the same currency, not int 3",
                3,
            ),
            (
                lambda: 1 + EUR_1,
                ArgumentTypeError,
                "what to add must be Money of the same currency, not int 1",
                1,
            ),
            (
                lambda: EUR_1 - "1",  # type: ignore[operator]
                ArgumentTypeError,
                "what to subtract must be Money of the same currency, not str '1'",
                "1",
            ),
            (
                lambda: EUR_1 * "2",  # type: ignore[operator]
                ArgumentTypeError,
                "what to multiply by must be an int or a Decimal, not str '2'",
                "2",
            ),
            (
                lambda: EUR_1 * 1.5,  # type: ignore[operator]
                AmountTypeError,
                "factor must be a str such as '2.55', an int or a decimal.Decimal",
                1.5,
            ),
            (
                lambda: EUR_1 * Decimal("NaN"),
                InvalidAmountError,
                "factor Decimal('NaN') is not a finite decimal number",
                None,
            ),
            (
                lambda: Money.from_minor_units("12", "EUR"),  # type: ignore[arg-type]
                ArgumentTypeError,
                "units must be a whole number (int), not str '12'",
                "12",
            ),
            (
                lambda: EUR_1.split("2"),  # type: ignore[arg-type]
                ArgumentTypeError,
                "parts must be a whole number (int), not str '2'",
                "2",
            ),
            (
                lambda: EUR_1.split(0),
                InvalidAllocationError,
                "cannot allocate by weights 0: a split needs at least one part",
                None,
            ),
            (
                lambda: Money.from_minor_units(10**120, "EUR"),
                InvalidAmountError,
                f"the result of {10**120} minor units of EUR {NOT_AN_AMOUNT}",
                None,
            ),
            (
                lambda: total([LARGEST, Money("0.01", "EUR")]),
                InvalidAmountError,
                f"the result of the total of 2 amounts {NOT_AN_AMOUNT}",
                None,
            ),
            (
                lambda: total([LARGEST] + [Money("0.01", "EUR")] * 20),
                InvalidAmountError,
                f"the result of the total of 21 amounts {NOT_AN_AMOUNT}",
                None,
            ),
            (
                lambda: LARGEST + Money("0.01", "EUR"),
                InvalidAmountError,
                f"the result of {LARGEST!r} + Money('0.01', 'EUR') {NOT_AN_AMOUNT}",
                None,
            ),
            (
                lambda: LONG - Money("1E-28", "EUR"),
                InvalidAmountError,
                f"the result of {LONG!r} - Money('1E-28', 'EUR') {NOT_AN_AMOUNT}",
                None,
            ),
            (
                lambda: LONG * Decimal("1.1"),
                InvalidAmountError,
                f"the result of {LONG!r} x Decimal('1.1') {NOT_AN_AMOUNT}",
                None,
            ),
            (
                lambda: EUR_1 * 10**30,
                InvalidAmountError,
                f"the result of {EUR_1!r} x {10**30} {NOT_AN_AMOUNT}",
                None,
            ),
            (
                lambda: EUR_1 * Decimal("1E+999999"),
                InvalidAmountError,
                f"the result of {EUR_1!r} x Decimal('1E+999999') {NOT_AN_AMOUNT}",
                None,
            ),
            (
                lambda: EUR_1 * Decimal("1E-999999"),
                InvalidAmountError,
                f"the result of {EUR_1!r} x Decimal('1E-999999') {NOT_AN_AMOUNT}",
                None,
            ),
            (
                lambda: EUR_1 * 10**5000,
                InvalidAmountError,
                f"the result of {EUR_1!r} x <an int of 16610 bits> {NOT_AN_AMOUNT}",
                None,
            ),
            (
                lambda: Money("9" * 27 + ".9", "EUR").round(),
                InvalidAmountError,
                f"the result of rounding Money('{'9' * 27}.9', 'EUR') {NOT_AN_AMOUNT}",
                None,
            ),
            (
                lambda: EUR_1.split(10**30),
                InvalidAllocationError,
                f"cannot allocate by weights {10**30}: a split has at most "
                "1,000,000 parts",
                None,
            ),
            (
                lambda: EUR_1.allocate("123"),
                ArgumentTypeError,
                "weights must be a sequence of weights, not str '123'",
                "123",
            ),
        ],
    )
    def test_each_refusal_says_what_was_given_and_what_is_needed(
        self,
        operation: Callable[[], object],
        error: type[Exception],
        message: str,
        value: object,
    ) -> None:
        """A refusal names the operation, what it needs and what it was given."""
        with pytest.raises(error) as raised:
            operation()
        assert str(raised.value).startswith(message)
        if value is not None:
            assert raised.value.value == value  # type: ignore[attr-defined]

    @pytest.mark.parametrize(
        ("operation", "word"),
        [
            (lambda: EUR_1 < GBP_1, "compare"),
            (lambda: EUR_1 >= GBP_1, "compare"),
            (lambda: EUR_1 + GBP_1, "add"),
            (lambda: EUR_1 - GBP_1, "subtract"),
        ],
    )
    def test_two_currencies_are_named_with_the_operation(
        self, operation: Callable[[], object], word: str
    ) -> None:
        """Two currencies are refused, named in order, with what was tried."""
        with pytest.raises(CurrencyMismatchError) as raised:
            operation()
        assert (raised.value.currency, raised.value.other) == ("EUR", "GBP")
        assert str(raised.value).startswith(f"cannot {word} EUR and GBP: ")

    def test_division_points_to_allocation(self) -> None:
        """Dividing money is refused with the ways that never lose a cent."""
        with pytest.raises(ArgumentTypeError) as raised:
            EUR_1 / 2
        assert str(raised.value).startswith(
            "money must be split with .allocate(weights) or .split(n), which never "
            "lose a cent, rather than divided"
        )
        assert raised.value.value is EUR_1

    def test_nothing_has_the_currency_s_minor_unit(self) -> None:
        """Money.zero writes every digit of the minor unit, none for yen."""
        assert repr(Money.zero("jpy")) == "Money('0', 'JPY')"
        assert repr(Money.zero("BHD")) == "Money('0.000', 'BHD')"

    def test_equal_amounts_hash_alike_and_others_apart(self) -> None:
        """Equal amounts hash alike; these different amounts hash apart."""
        assert hash(Money("2.5", "EUR")) == hash(Money("2.50", "EUR"))
        assert hash(Money("2.5", "EUR")) != hash(Money("2.6", "EUR"))


class TestRound:
    @pytest.mark.parametrize(
        ("amount", "currency", "expected"),
        [
            ("2.545", "EUR", "2.55"),
            ("2.544", "EUR", "2.54"),
            ("-2.545", "EUR", "-2.55"),
            ("1234.5", "JPY", "1235"),
            ("1234.4", "JPY", "1234"),
            ("0.0125", "BHD", "0.013"),
            ("7", "BHD", "7.000"),
        ],
    )
    def test_half_up_to_the_minor_unit(
        self, amount: str, currency: str, expected: str
    ) -> None:
        """It rounds half-up to 2 places for EUR, 0 for JPY, 3 for BHD."""
        rounded = Money(amount, currency).round()
        assert rounded == Money(expected, currency)
        assert str(rounded.amount) == expected

    def test_another_rounding_mode(self) -> None:
        """It rounds by the mode asked for."""
        assert Money("2.545", "EUR").round(rounding=ROUND_HALF_EVEN) == Money(
            "2.54", "EUR"
        )

    def test_to_minor_units(self) -> None:
        """It gives the rounded amount as whole minor units."""
        assert Money("178.50", "EUR").to_minor_units() == 17850
        assert Money("1234.5", "JPY").to_minor_units() == 1235
        assert Money("-0.0125", "BHD").to_minor_units() == -13

    @given(money())
    def test_round_is_idempotent(self, value: Money) -> None:
        """Law: rounding twice is rounding once, and stays within half a unit."""
        once = value.round()
        assert once.round() == once
        half = Decimal(1).scaleb(-MINOR_UNITS[value.currency]) / 2
        assert abs(once.amount - value.amount) <= half


class TestAllocate:
    def test_split_larger_first(self) -> None:
        """It splits 100.00 into 33.34, 33.33, 33.33."""
        assert Money("100.00", "EUR").split(3) == (
            Money("33.34", "EUR"),
            Money("33.33", "EUR"),
            Money("33.33", "EUR"),
        )

    def test_allocate_by_weights(self) -> None:
        """It gives leftover cents to the largest remainders, ties to the earliest."""
        # 10.00 by 1:2 is 3.333.. and 6.666..: floors 3.33 and 6.66, one cent
        # left, which goes to the larger remainder (6.666..).
        assert Money("10.00", "EUR").allocate([1, 2]) == (
            Money("3.33", "EUR"),
            Money("6.67", "EUR"),
        )
        # 0.05 by 1:1:1:1 is 0.0125 each: floors 0.01, one cent left, to the first.
        assert [p.amount for p in Money("0.05", "EUR").allocate([1, 1, 1, 1])] == [
            Decimal("0.02"),
            Decimal("0.01"),
            Decimal("0.01"),
            Decimal("0.01"),
        ]

    def test_allocate_rounds_first_and_keeps_zero_weights_empty(self) -> None:
        """It allocates the rounded amount, and nothing to a zero weight."""
        parts = Money("10.005", "EUR").allocate([0, Decimal("1.5"), Decimal("1.5")])
        assert parts == (Money("0", "EUR"), Money("5.01", "EUR"), Money("5.00", "EUR"))

    def test_allocate_in_yen_and_negative(self) -> None:
        """It allocates whole yen, and a negative amount as its opposite."""
        assert Money("100", "JPY").split(3) == tuple(
            Money(x, "JPY") for x in ("34", "33", "33")
        )
        assert Money("-100.00", "EUR").split(3) == tuple(
            Money(x, "EUR") for x in ("-33.34", "-33.33", "-33.33")
        )

    @pytest.mark.parametrize("bad", [[], [0, 0], [1, -1], [Decimal("-0.5"), 2]])
    def test_bad_weights(self, bad: list[int | Decimal]) -> None:
        """It raises InvalidAllocationError on no, negative or all-zero weights."""
        with pytest.raises(InvalidAllocationError) as raised:
            Money("1.00", "EUR").allocate(bad)
        assert isinstance(raised.value, ValueError)

    def test_float_weight_and_bad_split(self) -> None:
        """It refuses a float weight and a split into fewer than one part."""
        with pytest.raises(AmountTypeError):
            Money("1.00", "EUR").allocate([0.5, 0.5])  # type: ignore[list-item]
        with pytest.raises(InvalidAllocationError):
            Money("1.00", "EUR").split(0)
        with pytest.raises(ArgumentTypeError):
            Money("1.00", "EUR").split(2.0)  # type: ignore[arg-type]

    @given(money(), weights)
    def test_allocation_conserves_money(
        self, value: Money, parts: list[int | Decimal]
    ) -> None:
        """Law: the parts sum exactly to the rounded whole, each within a unit."""
        allocated = value.allocate(parts)
        assert len(allocated) == len(parts)
        assert sum(allocated, Money.zero(value.currency)) == value.round()
        unit = Fraction(1, 10 ** MINOR_UNITS[value.currency])
        whole = Fraction(value.round().amount)
        for part, weight in zip(allocated, parts, strict=True):
            exact_share = whole * Fraction(weight) / sum(map(Fraction, parts))
            assert abs(Fraction(part.amount) - exact_share) < unit
            assert part.round() == part

    @given(money(), st.integers(min_value=1, max_value=50))
    def test_split_is_near_equal_larger_first(self, value: Money, n: int) -> None:
        """Law: a split sums to the whole; parts differ by one unit at most."""
        parts = value.split(n)
        assert sum(parts, Money.zero(value.currency)) == value.round()
        units = [p.to_minor_units() for p in parts]
        assert max(units) - min(units) <= 1
        assert units == sorted(units, key=abs, reverse=True)


class TestTotal:
    def test_total_of_amounts(self) -> None:
        """It sums amounts of one currency exactly."""
        assert total([Money("2.55", "EUR")] * 70) == Money("178.50", "EUR")
        assert total(Money(x, "EUR") for x in ("0.1", "0.2")) == Money("0.3", "EUR")

    def test_empty_total_needs_a_currency(self) -> None:
        """It gives zero for no amounts in the currency named, and needs one."""
        assert total([], "gbp") == Money("0", "GBP")
        assert repr(total([], "gbp")) == "Money('0.00', 'GBP')"
        with pytest.raises(ArgumentTypeError) as raised:
            total([])
        assert str(raised.value) == (
            "total() must be a currency when there may be no amounts, not list []"
        )

    def test_mixed_or_unexpected_currency_raises(self) -> None:
        """It raises on two currencies, or one other than the one named.

        The error names both, in alphabetical order.
        """
        for items, currency in (
            ([Money("1", "GBP"), Money("1", "EUR")], None),
            ([Money("1", "GBP")] * 20 + [Money("1", "EUR")], None),
            ([Money("1", "GBP")], "eur"),
        ):
            with pytest.raises(CurrencyMismatchError) as raised:
                total(items, currency)
            assert (raised.value.currency, raised.value.other) == ("EUR", "GBP")
            assert str(raised.value).startswith("cannot total EUR and GBP")

    def test_one_amount_totals_as_itself_added_to_zero(self) -> None:
        """One amount is its own total, as zero plus it.

        A negative zero's sign goes, as in any sum; anything but Money is
        refused.
        """
        assert repr(total([Money("2.55", "EUR")])) == "Money('2.55', 'EUR')"
        assert repr(total([Money("-0.00", "EUR")])) == "Money('0.00', 'EUR')"
        assert repr(total([Money("1E+2", "JPY")])) == "Money('100', 'JPY')"
        # The largest amount is its own total, alone or with nothing added.
        for items in ([LARGEST], [LARGEST, Money("0.00", "EUR")]):
            assert total(items) == LARGEST
        with pytest.raises(ArgumentTypeError):
            total([Decimal("2.55")])  # type: ignore[list-item]

    def test_items_that_are_not_money_raise(self) -> None:
        """It refuses an item that is not a Money, and names it."""
        with pytest.raises(ArgumentTypeError) as raised:
            total([Money("1", "EUR"), Decimal(1), "2.00"])  # type: ignore[list-item]
        assert raised.value.value == Decimal(1)
        assert (
            str(raised.value) == "each amount must be Money, not Decimal Decimal('1')"
        )

    def test_a_total_named_in_lower_case_is_in_that_currency(self) -> None:
        """The currency named may be in any case.

        The total keeps the amounts' digits whether it adds a few or many.
        """
        for count in (1, 16, 17, 70):
            result = total([Money("2.55", "EUR")] * count, "eur")
            assert repr(result) == repr(Money(Decimal("2.55") * count, "EUR"))

    @given(st.lists(amounts(), max_size=60), st.sampled_from(CURRENCIES))
    def test_total_equals_the_decimal_sum(
        self, values: list[Decimal], currency: str
    ) -> None:
        """Law: total() is the exact Decimal sum of the amounts."""
        result = total([Money(v, currency) for v in values], currency)
        assert result.amount == sum(values, Decimal(0))
        assert result.currency == currency


class TestFormat:
    def test_portal_figures_in_french(self) -> None:
        """It formats the portal's total as babel does for fr_FR."""
        assert Money("178.50", "EUR").format("fr_FR") == "178,50\xa0€"

    def test_pounds_in_english(self) -> None:
        """It pads to the minor unit for en_GB."""
        assert Money("2.5", "GBP").format("en_GB") == "£2.50"

    def test_rounds_half_up_never_half_even(self) -> None:
        """It rounds 2.125 to 2.13 where babel alone would give 2.12."""
        assert Money("2.125", "GBP").format("en_GB") == "£2.13"
        assert Money("0.0125", "BHD").format("en_GB").endswith("0.013")

    def test_str_does_not_depend_on_the_locale(self) -> None:
        """Its str is the same whatever locale formats it."""
        price = Money("178.50", "EUR")
        price.format("fr_FR")
        assert str(price) == "178.50 EUR"
