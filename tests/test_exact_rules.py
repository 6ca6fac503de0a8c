"""The exact rules, case by case where a property cannot tell: written to kill mutants.

Each test pins down a boundary or an error that `nox -s mutants` showed the
other tests leave free: largest remainders against largest shares, a part
that sticks out on one side only, equal amounts compared, and the values and
words an error carries.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paxbill import (
    AmountTypeError,
    ArgumentTypeError,
    BillingPeriod,
    InvalidAllocationError,
    Money,
    PartOutsidePeriodError,
    ProrationMethod,
    period_fraction,
    prorate,
    split_over_periods,
)
from paxbill.clients.proration import months_in, months_touched
from paxbill.core._allocation import allocate_units

D = dt.date
QUARTER = BillingPeriod(D(2024, 1, 1), D(2024, 4, 1))


def hamilton(units: int, weights: list[int]) -> tuple[int, ...]:
    """Largest remainders, computed apart: floors by divmod, then ranked remainders."""
    total = sum(weights)
    floors, remainders = zip(
        *(divmod(abs(units) * w, total) for w in weights), strict=True
    )
    parts = list(floors)
    ranked = sorted(range(len(weights)), key=lambda i: (-remainders[i], i))
    for index in ranked[: abs(units) - sum(parts)]:
        parts[index] += 1
    return tuple(p if units >= 0 else -p for p in parts)


def test_leftover_units_go_to_the_largest_remainders() -> None:
    """10 units by 71/19/10: shares 7.1, 1.9, 1.0; the leftover goes to 1.9, not 7.1."""
    assert allocate_units(10, [71, 19, 10]) == (7, 2, 1)
    assert allocate_units(-10, [71, 19, 10]) == (-7, -2, -1)
    # Ties go to the earliest: 2 units by 1/1/1 is 1, 1, 0.
    assert allocate_units(2, [1, 1, 1]) == (1, 1, 0)


@given(
    st.integers(-(10**6), 10**6),
    st.lists(st.integers(0, 1000), min_size=1, max_size=8).filter(any),
)
def test_allocation_is_hamiltons_method(units: int, weights: list[int]) -> None:
    """Law: allocate_units agrees with an independent largest-remainder method."""
    assert allocate_units(units, weights) == hamilton(units, weights)


@pytest.mark.parametrize(
    ("weights", "reason"),
    [
        ([], "there are no weights"),
        ([1, -1], "a weight is negative"),
        ([0, 0], "the weights total zero"),
    ],
)
def test_bad_weights_say_why(weights: list[int], reason: str) -> None:
    """Each refusal keeps the weights and says what is wrong with them."""
    with pytest.raises(InvalidAllocationError) as caught:
        allocate_units(10, weights)
    assert caught.value.weights == tuple(weights)
    assert reason in str(caught.value)
    with pytest.raises(AmountTypeError, match="weight"):
        allocate_units(10, [1.5])  # type: ignore[list-item]


def test_split_and_division_say_what_to_do() -> None:
    """Splitting into no parts, and dividing money, are refused with the way out."""
    with pytest.raises(InvalidAllocationError) as caught:
        Money("10.00", "EUR").split(0)
    assert caught.value.weights == 0
    assert "a split needs at least one part" in str(caught.value)
    with pytest.raises(ArgumentTypeError, match="parts"):
        Money("10.00", "EUR").split("3")  # type: ignore[arg-type]
    money = Money("10.00", "EUR")
    with pytest.raises(ArgumentTypeError) as divided:
        money / 2
    assert divided.value.value is money
    assert "money must be split with .allocate(weights) or .split(n)" in str(
        divided.value
    )


def test_what_cannot_be_added_is_named() -> None:
    """A float, a str or a 1 added to money: the value is kept and the verb named."""
    money = Money("1.00", "EUR")
    with pytest.raises(AmountTypeError) as floated:
        money + 1.5  # type: ignore[operator]
    assert floated.value.value == 1.5
    assert "what to add" in str(floated.value)
    with pytest.raises(ArgumentTypeError) as texted:
        money + "1"  # type: ignore[operator]
    assert texted.value.value == "1"
    assert texted.value.expected == "Money of the same currency"
    assert "what to add must be Money of the same currency" in str(texted.value)
    with pytest.raises(ArgumentTypeError) as one:
        1 + money
    assert one.value.value == 1
    assert "what to add" in str(one.value)
    assert 0 + money is money


def test_equal_amounts_compare_as_equal() -> None:
    """1.00 is not below 1.00, and is at least 1.00."""
    one, two = Money("1.00", "EUR"), Money("2.00", "EUR")
    assert not one < Money("1", "EUR")
    assert one >= Money("1", "EUR")
    assert one <= Money("1", "EUR")
    assert not one > Money("1", "EUR")
    assert (one < two, two >= one, one >= two) == (True, True, False)


@pytest.mark.parametrize(
    "part",
    [
        BillingPeriod(D(2023, 12, 31), D(2024, 2, 1)),  # starts before only
        BillingPeriod(D(2024, 3, 1), D(2024, 4, 2)),  # ends after only
    ],
)
def test_a_part_sticking_out_on_one_side_is_refused(part: BillingPeriod) -> None:
    """Either side out of the period is enough to refuse the part."""
    with pytest.raises(PartOutsidePeriodError) as caught:
        period_fraction(QUARTER, part, ProrationMethod.DAYS)
    assert caught.value.period == QUARTER
    assert caught.value.part == part


def test_proration_refuses_what_is_not_a_period_by_name() -> None:
    """The argument at fault is named: period, part or amount."""
    with pytest.raises(ArgumentTypeError, match=r"^period must be a BillingPeriod"):
        period_fraction("Q1", QUARTER, ProrationMethod.DAYS)  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError, match=r"^part must be a BillingPeriod"):
        period_fraction(QUARTER, "Q1", ProrationMethod.DAYS)  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError, match=r"^amount must be a Money"):
        prorate("10", QUARTER, QUARTER)  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError, match=r"^parts must be at least one"):
        split_over_periods(Money("1.00", "EUR"), [])


def test_months_touched_counts_a_day_in_and_no_less() -> None:
    """A part ending on a month's first day, or starting on its end, misses it."""
    assert months_touched(QUARTER, BillingPeriod(D(2024, 1, 15), D(2024, 2, 1))) == 1
    assert months_touched(QUARTER, BillingPeriod(D(2024, 2, 1), D(2024, 2, 2))) == 1
    assert months_touched(QUARTER, BillingPeriod(D(2024, 1, 31), D(2024, 2, 2))) == 2
    assert months_touched(QUARTER, QUARTER) == 3


def test_months_in_a_short_span() -> None:
    """15 days of January are 15/31 of a month; a month and 14 days, 1 + 14/29."""
    assert months_in(BillingPeriod(D(2024, 1, 1), D(2024, 1, 16))) == Fraction(15, 31)
    assert months_in(BillingPeriod(D(2024, 1, 15), D(2024, 3, 1))) == 1 + Fraction(
        15, 29
    )
