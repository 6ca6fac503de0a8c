"""Largest-remainder allocation of whole minor units: never a cent lost or made."""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction

from paxbill.core._numbers import ExactNumber, to_decimal
from paxbill.exceptions import InvalidAllocationError


def allocate_units(
    units: int, weights: Iterable[ExactNumber | Fraction]
) -> tuple[int, ...]:
    """Split *units* whole minor units in proportion to *weights*.

    Each part gets the floor of its exact share; the units left over go one
    each to the parts with the largest remainders, ties to the earliest. A
    negative *units* is split as its opposite, then negated, so the parts
    always sum to *units* exactly.

    Raises:
        InvalidAllocationError: there are no weights, one is negative, or
            they total zero.
        AmountTypeError: a weight is a float or a bool.

    >>> allocate_units(10000, [1, 1, 1])
    (3334, 3333, 3333)
    >>> allocate_units(-5, [1, 1])
    (-3, -2)
    """
    given = tuple(weights)
    exact = [
        weight
        if isinstance(weight, Fraction)
        else Fraction(to_decimal(weight, what="weight"))
        for weight in given
    ]
    if not exact:
        raise InvalidAllocationError(given, "there are no weights")
    if any(weight < 0 for weight in exact):
        raise InvalidAllocationError(given, "a weight is negative")
    whole = sum(exact, Fraction(0))
    if whole == 0:
        raise InvalidAllocationError(given, "the weights total zero")
    sign = -1 if units < 0 else 1
    units = abs(units)
    shares = [units * weight / whole for weight in exact]
    parts = [share.numerator // share.denominator for share in shares]
    leftover = units - sum(parts)
    # sorted() is stable even in reverse, so equal remainders keep their
    # order and ties go to the earliest part.
    by_remainder = sorted(
        range(len(shares)), key=lambda i: shares[i] - parts[i], reverse=True
    )
    for index in by_remainder[:leftover]:
        parts[index] += 1
    return tuple(sign * part for part in parts)


def round_half_up(value: Fraction) -> int:
    """Return the integer nearest *value*, halves away from zero.

    >>> round_half_up(Fraction(5, 2)), round_half_up(Fraction(-5, 2))
    (3, -3)
    """
    magnitude = abs(value)
    whole = (2 * magnitude.numerator + magnitude.denominator) // (
        2 * magnitude.denominator
    )
    return whole if value >= 0 else -whole
