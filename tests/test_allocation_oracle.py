"""Splitting in ints gives what the former rule in Fractions gave, to the unit.

``old_allocate_units`` is paxbill's former allocation, kept here as the
oracle: every share a Fraction, its floor taken, the units left over given
to the largest Fraction remainders, ties to the earliest. The rule now works
in ints (weights brought to one denominator, one ``divmod`` a share); these
properties check, on random amounts in currencies of 0, 2 and 3 decimals
and random int, Decimal and Fraction weights, that ``Money.split`` and
``Money.allocate`` give the oracle's parts exactly.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from paxbill import Money

#: A currency of each number of decimals, and its minor unit.
CURRENCIES = {"JPY": 0, "EUR": 2, "BHD": 3}


def old_allocate_units(units: int, weights: list[Fraction]) -> tuple[int, ...]:
    """The former rule, in Fractions (paxbill 0.1.0's ``allocate_units``)."""
    whole = sum(weights, Fraction(0))
    sign = -1 if units < 0 else 1
    units = abs(units)
    shares = [units * weight / whole for weight in weights]
    parts = [share.numerator // share.denominator for share in shares]
    leftover = units - sum(parts)
    by_remainder = sorted(
        range(len(shares)), key=lambda i: shares[i] - parts[i], reverse=True
    )
    for index in by_remainder[:leftover]:
        parts[index] += 1
    return tuple(sign * part for part in parts)


def minor_units(amount: Decimal, decimals: int) -> int:
    """The amount rounded half-up to whole minor units, by integer arithmetic."""
    scaled: Fraction = Fraction(amount) * Fraction(10) ** decimals
    whole = (2 * abs(scaled.numerator) + scaled.denominator) // (2 * scaled.denominator)
    return whole if scaled >= 0 else -whole


amounts = st.decimals(
    min_value=-(10**12), max_value=10**12, places=4, allow_nan=False
).map(lambda d: d.normalize() if d else d)
currencies = st.sampled_from(sorted(CURRENCIES))
weight = st.one_of(
    st.integers(0, 10**6),
    st.decimals(min_value=0, max_value=1000, places=3, allow_nan=False),
    st.fractions(min_value=0, max_value=1000, max_denominator=97),
)
weights = st.lists(weight, min_size=1, max_size=12).filter(lambda w: any(w))


def units_of(parts: tuple[Money, ...], decimals: int) -> tuple[int, ...]:
    return tuple(int(part.amount.scaleb(decimals)) for part in parts)


@given(amounts, currencies, st.integers(1, 40))
def test_split_gives_the_former_rules_parts(
    amount: Decimal, currency: str, parts: int
) -> None:
    """Law: split(n) is the former rule with n equal weights, in every currency."""
    decimals = CURRENCIES[currency]
    expected = old_allocate_units(minor_units(amount, decimals), [Fraction(1)] * parts)
    split = Money(amount, currency).split(parts)
    assert units_of(split, decimals) == expected
    assert {part.currency for part in split} == {currency}


@given(amounts, currencies, weights)
def test_allocate_gives_the_former_rules_parts(
    amount: Decimal, currency: str, given_weights: list[int | Decimal | Fraction]
) -> None:
    """Law: allocate() is the former rule in Fractions, unit for unit."""
    decimals = CURRENCIES[currency]
    expected = old_allocate_units(
        minor_units(amount, decimals), [Fraction(w) for w in given_weights]
    )
    parts = Money(amount, currency).allocate(given_weights)
    assert units_of(parts, decimals) == expected
    # Each part is a whole number of minor units, written with its decimals.
    assert all(part.amount.as_tuple().exponent == -decimals for part in parts)


@given(st.integers(-(10**30), 10**30), st.lists(weight, min_size=1, max_size=6))
def test_allocate_units_agrees_for_any_units(
    units: int, given_weights: list[int | Decimal | Fraction]
) -> None:
    """Law: the int rule and the Fraction rule agree on any count of units."""
    from paxbill.core._allocation import allocate_units

    if not any(given_weights):
        return
    expected = old_allocate_units(units, [Fraction(w) for w in given_weights])
    assert allocate_units(units, given_weights) == expected
