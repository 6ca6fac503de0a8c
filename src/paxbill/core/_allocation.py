"""Largest-remainder allocation of whole minor units: never a cent lost or made.

Everything is worked out in ints: weights are brought to one denominator, so
each share's floor and remainder is one ``divmod``, and the remainders
compare as ints.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from math import lcm
from typing import Final

from paxbill.core._numbers import ExactNumber, to_decimal
from paxbill.exceptions import ArgumentTypeError, InvalidAllocationError

#: The most parts a split or an allocation may have.
MAX_PARTS: Final = 1_000_000


def allocate_units(
    units: int, weights: Iterable[ExactNumber | Fraction]
) -> tuple[int, ...]:
    """Split *units* whole minor units in proportion to *weights*.

    Each part gets the floor of its exact share; the units left over go one
    each to the parts with the largest remainders, ties to the earliest. A
    negative *units* is split as its opposite, then negated, so the parts
    always sum to *units* exactly.

    Raises:
        InvalidAllocationError: there are no weights or more than a million,
            one is negative, or they total zero.
        AmountTypeError: a weight is a float or a bool.
        ArgumentTypeError: *weights* is a str, bytes or not iterable.

    >>> allocate_units(10000, [1, 1, 1])
    (3334, 3333, 3333)
    >>> allocate_units(-5, [1, 1])
    (-3, -2)
    >>> allocate_units(100, [Fraction(1, 3), Decimal("0.5")])
    (40, 60)
    """
    given = _weights(weights)
    scaled = _whole_weights(given)
    whole = sum(scaled)
    if whole == 0:
        raise InvalidAllocationError(given, "the weights total zero")
    size = -units if units < 0 else units
    shares = [divmod(size * weight, whole) for weight in scaled]
    parts = [share for share, _ in shares]
    leftover = size - sum(parts)
    if leftover:
        # sorted() is stable even in reverse, so equal remainders keep their
        # order and ties go to the earliest part.
        by_remainder = sorted(
            range(len(parts)), key=lambda i: shares[i][1], reverse=True
        )
        for index in by_remainder[:leftover]:
            parts[index] += 1
    if units < 0:
        return tuple(-part for part in parts)
    return tuple(parts)


def split_units(units: int, parts: int) -> tuple[int, int, int]:
    """*units* in *parts* equal shares: ``(larger, count of larger, smaller)``.

    The rule of :func:`allocate_units` with equal weights: every part gets the
    floor of the share and the first ``extra`` one unit more.

    >>> split_units(10000, 3), split_units(-5, 2)
    ((3334, 1, 3333), (-3, 1, -2))
    """
    if parts < 1:
        raise InvalidAllocationError(parts, "a split needs at least one part")
    if parts > MAX_PARTS:
        raise InvalidAllocationError(
            parts,
            f"a split has at most {MAX_PARTS:,} parts",
            advice="split into fewer parts",
        )
    size = -units if units < 0 else units
    share, extra = divmod(size, parts)
    if units < 0:
        return -share - 1, extra, -share
    return share + 1, extra, share


def _weights(weights: Iterable[ExactNumber | Fraction]) -> tuple[object, ...]:
    if isinstance(weights, str | bytes | bytearray):
        raise ArgumentTypeError(weights, "a sequence of weights", what="weights")
    try:
        given = tuple(weights)
    except TypeError:
        raise ArgumentTypeError(
            weights, "a sequence of weights", what="weights"
        ) from None
    if not given:
        raise InvalidAllocationError(given, "there are no weights")
    if len(given) > MAX_PARTS:
        raise InvalidAllocationError(
            f"{len(given):,} weights",
            f"an allocation has at most {MAX_PARTS:,} parts",
            advice="allocate over fewer parts",
        )
    return given


def _whole_weights(given: tuple[object, ...]) -> list[int]:
    """The weights as ints in the same proportions, or refused."""
    numerators: list[int] = []
    denominators: list[int] = []
    for weight in given:
        if type(weight) is int:
            numerator, denominator = weight, 1
        elif isinstance(weight, Fraction):
            numerator, denominator = weight.numerator, weight.denominator
        else:
            exact: Decimal = to_decimal(weight, what="weight")
            numerator, denominator = exact.as_integer_ratio()
        if numerator < 0:
            raise InvalidAllocationError(given, "a weight is negative")
        numerators.append(numerator)
        denominators.append(denominator)
    common = lcm(*denominators)
    if common == 1:
        return numerators
    return [n * (common // d) for n, d in zip(numerators, denominators, strict=True)]


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
