"""Every Money an operation returns is one paxbill reads back.

Issue 26: arithmetic once made amounts the constructor refuses (a product
by 10^999999, a product of 84 digits), which ``from_dict`` then could not
read. The property: whatever an operation returns round-trips through
``to_dict``/``from_dict`` and ``Money(str(amount))``; what it cannot return
it refuses with InvalidAmountError, never a plain error.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from paxbill import InvalidAllocationError, InvalidAmountError, Money, total
from paxbill.io.serialization import from_dict, to_dict

CURRENCIES = ("EUR", "JPY", "BHD")

#: Amounts from the tiniest to the largest Money reads, any exponent.
extreme_decimals = st.one_of(
    st.decimals(
        allow_nan=False,
        allow_infinity=False,
        places=2,
        max_value=10**6,
        min_value=-(10**6),
    ),
    st.builds(
        lambda digits, exponent, negative: Decimal(
            (negative, tuple(int(d) for d in digits), exponent)
        ),
        st.text("0123456789", min_size=1, max_size=28),
        st.integers(-60, 40),
        st.booleans(),
    ),
)


@st.composite
def moneys(draw: st.DrawFn) -> Money:
    currency = draw(st.sampled_from(CURRENCIES))
    while True:
        amount = draw(extreme_decimals)
        try:
            return Money(amount, currency)
        except InvalidAmountError:
            continue  # beyond what Money reads: draw again


factors = st.one_of(
    st.integers(-(10**40), 10**40),
    extreme_decimals,
)

Operation = Callable[[Money, Money, Any], object]
OPERATIONS: dict[str, Operation] = {
    "add": lambda a, b, f: Money(a.amount, b.currency) + b,
    "subtract": lambda a, b, f: Money(a.amount, b.currency) - b,
    "multiply": lambda a, b, f: a * f,
    "rmultiply": lambda a, b, f: f * a,
    "round": lambda a, b, f: a.round(),
    "negate": lambda a, b, f: -a,
    "abs": lambda a, b, f: abs(a),
    "total": lambda a, b, f: total([Money(a.amount, b.currency), b, b]),
    "split": lambda a, b, f: a.split(3),
    "allocate": lambda a, b, f: a.allocate([1, 2, 3]),
    "from_minor_units": lambda a, b, f: Money.from_minor_units(
        int(f) if isinstance(f, int) else 7, a.currency
    ),
}


def results(value: object) -> list[Money]:
    if isinstance(value, Money):
        return [value]
    assert isinstance(value, tuple)
    return list(value)


@given(moneys(), moneys(), factors, st.sampled_from(sorted(OPERATIONS)))
def test_any_money_an_operation_returns_reads_back(
    a: Money, b: Money, factor: int | Decimal, name: str
) -> None:
    """Law: a result round-trips through to_dict/from_dict, or is refused."""
    try:
        value = OPERATIONS[name](a, b, factor)
    except (InvalidAmountError, InvalidAllocationError):
        return  # refused by a paxbill error: the other half of the law
    for money in results(value):
        # Equal: the JSON writes the amount in plain digits ("100" for 1E+2).
        assert from_dict(to_dict(money)) == money
        assert Money(str(money.amount), money.currency) == money


def test_the_reproducers_are_refused() -> None:
    """The issue's cases: each an InvalidAmountError, none a huge amount."""
    import pytest

    one = Money("1.00", "EUR")
    operations: list[Callable[[], object]] = [
        lambda: one * Decimal("1E+999999"),
        lambda: one * Decimal("1E-999999"),
        lambda: one * 10**30,
        lambda: Money("1" * 28, "EUR") * Decimal("1" * 28),
        lambda: Money("9" * 27 + ".9", "EUR").round(),
    ]
    for operation in operations:
        with pytest.raises(InvalidAmountError) as refused:
            operation()
        assert len(str(refused.value)) < 600
