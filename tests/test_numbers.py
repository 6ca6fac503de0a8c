"""Tests for the boundary where numbers enter paxbill."""

from __future__ import annotations

from decimal import Decimal, localcontext

import pytest

from paxbill import AmountTypeError, ArgumentTypeError, InvalidAmountError, Money
from paxbill.core._numbers import to_count, to_decimal


class Cents(int):
    """An int subclass, as some libraries hand out."""


class Exact(Decimal):
    """A Decimal subclass."""


def test_subclasses_of_int_and_decimal_are_accepted() -> None:
    """It accepts subclasses of int and Decimal, as plain values."""
    assert type(to_decimal(Cents(5))) is Decimal
    assert Money(Exact("2.50"), "EUR") == Money("2.50", "EUR")
    assert to_count(Cents(3), what="users") == 3


@pytest.mark.parametrize("value", [None, [1], object(), b"1.00", 1 + 0j])
def test_other_types_are_refused(value: object) -> None:
    """It refuses anything but a str, an int or a Decimal."""
    with pytest.raises(AmountTypeError):
        to_decimal(value)
    with pytest.raises(ArgumentTypeError):
        to_count(value, what="users")


def test_no_whitespace_or_separators() -> None:
    """It reads a plain decimal only, so that nothing is guessed."""
    for text in [" 2.50", "2.50 ", "1_000", "1 000"]:
        with pytest.raises(InvalidAmountError):
            to_decimal(text)


def test_reading_ignores_the_callers_context() -> None:
    """It reads every digit even where the caller lowered the precision."""
    with localcontext() as context:
        context.prec = 3
        assert Money("178.505", "EUR").amount == Decimal("178.505")
        assert Money("178.505", "EUR").round() == Money("178.51", "EUR")
