"""Tests for the boundary where numbers enter paxbill."""

from __future__ import annotations

from decimal import Decimal, localcontext

import pytest

from paxbill import (
    AmountTypeError,
    ArgumentTypeError,
    InvalidAmountError,
    Money,
    PaxbillError,
)
from paxbill.core._numbers import to_count, to_decimal, to_user_count


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


def test_an_amount_beyond_the_bounds_keeps_what_was_worked_out() -> None:
    """The error holds the operation as text, and says it unquoted."""
    with pytest.raises(InvalidAmountError) as refused:
        Money("1.00", "EUR") * 10**30
    shown = refused.value.value
    assert shown.startswith("Money('1.00', 'EUR') x 1")
    assert str(refused.value).startswith(f"the result of {shown} is not an amount: ")


@pytest.mark.parametrize(
    ("users", "message"),
    [
        ("70", "number of users must be a whole number (int), not str '70'"),
        (-1, "number of users -1 is negative: give a whole number 0 or more"),
        (
            10**9 + 1,
            "number of users 1000000001 is more than 1,000,000,000: give a real "
            "count of users",
        ),
    ],
)
def test_a_number_of_users_is_a_whole_number_up_to_a_billion(
    users: object, message: str
) -> None:
    with pytest.raises(PaxbillError) as refused:
        to_user_count(users)
    assert str(refused.value) == message
    assert to_user_count(10**9) == 10**9
    assert to_user_count(0) == 0


def test_items_are_a_tuple_and_a_tuple_is_taken_as_it_is() -> None:
    """A tuple given is used without a copy; anything else iterable becomes one."""
    from paxbill.core._items import to_items

    given = (1, 2, 3)
    assert to_items(given, what="weights", expected="weights") is given
    assert to_items([1, 2, 3], what="weights", expected="weights") == given
    assert to_items(iter(given), what="weights", expected="weights") == given
