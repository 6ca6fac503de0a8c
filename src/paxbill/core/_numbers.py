"""Exact numbers at paxbill's boundary: the one place a float is refused."""

from __future__ import annotations

from decimal import (
    MAX_EMAX,
    MIN_EMIN,
    Clamped,
    Context,
    Decimal,
    DivisionByZero,
    Inexact,
    InvalidOperation,
    Overflow,
    Rounded,
    Subnormal,
    Underflow,
)

from paxbill.exceptions import (
    AmountTypeError,
    ArgumentTypeError,
    InvalidAmountError,
    InvalidUserCountError,
    shorten,
)

#: The most significant digits an exact number may have: decimal's default
#: precision, within which sums and products of real amounts stay exact.
MAX_DIGITS = 28

#: What an exact number may be given as: a decimal string, an int or a Decimal.
ExactNumber = Decimal | int | str

# Reading a number through this context signals, rather than rounds, any number
# with more digits than paxbill keeps, or too large or too small to keep exactly.
_INPUT_CONTEXT = Context(
    prec=MAX_DIGITS,
    Emax=MAX_DIGITS - 1,
    Emin=-MAX_DIGITS,
    traps=[InvalidOperation, Inexact, Rounded, Overflow, Underflow, Subnormal],
)
#: Read a str, int or Decimal exactly, or signal an ArithmeticError.
read_decimal = _INPUT_CONTEXT.create_decimal

#: Money's own arithmetic runs in the context its amounts are read in: a sum
#: or product that the constructor would refuse (more than 28 digits, too
#: large or too small) signals, so that every amount paxbill returns is one
#: it reads back.
AMOUNTS = _INPUT_CONTEXT

#: The digits paxbill's own arithmetic keeps: far more than any sum or
#: product of amounts it accepts needs (two 28-digit numbers multiply into 56).
ARITHMETIC_DIGITS = 100

#: paxbill computes in this context, never in the caller's: whatever
#: precision, rounding or traps a caller has set, the figures are the same,
#: and a result that would lose a digit signals rather than rounds.
ARITHMETIC = Context(
    prec=ARITHMETIC_DIGITS,
    Emax=MAX_EMAX,
    Emin=MIN_EMIN,
    traps=[
        InvalidOperation,
        DivisionByZero,
        Inexact,
        Rounded,
        Overflow,
        Underflow,
        Subnormal,
        Clamped,
    ],
)


def beyond_an_amount(operation: str, *operands: object) -> InvalidAmountError:
    """The error for an amount worked out that Money would not read back.

    Operands are shown shortened, however large they are.

    >>> print(beyond_an_amount("x", "Money('1.00', 'EUR')", 10**30))
    ... # doctest: +ELLIPSIS
    the result of Money('1.00', 'EUR') x 1000...000 is not an amount: ...
    """
    parts = [
        operand if isinstance(operand, str) else shorten(operand)
        for operand in operands
    ]
    # One operand is what the operation was applied to ("rounding Money(...)").
    if len(parts) == 1:
        shown = f"{operation} {parts[0]}"
    else:
        shown = f" {operation} ".join(parts)
    reason = (
        f"is not an amount: an amount has at most {MAX_DIGITS} significant "
        f"digits and is below 10^{MAX_DIGITS} and, unless zero, at least "
        f"10^-{MAX_DIGITS} in size; paxbill never rounds silently"
    )
    error = InvalidAmountError(shown)
    error.args = (f"the result of {shown} {reason}",)  # shown as is, unquoted
    return error


def to_decimal(value: object, *, what: str = "amount") -> Decimal:
    """Return *value* as a finite Decimal, exactly as written.

    Raises:
        AmountTypeError: *value* is a float, a bool or another type.
        InvalidAmountError: *value* is NaN, infinite, not a number, or has
            more than 28 significant digits or too large an exponent.

    >>> to_decimal("2.50")
    Decimal('2.50')
    """
    if not isinstance(value, str | int | Decimal) or isinstance(value, bool):
        raise AmountTypeError(value, what=what)
    if isinstance(value, str) and not value.isascii():
        # decimal reads other scripts' digits ("١٢٣" is 123): paxbill does not.
        raise InvalidAmountError(
            value, what=what, reason="is not written in ASCII digits such as '178.50'"
        )
    try:
        number = read_decimal(value)
    except InvalidOperation:
        raise InvalidAmountError(value, what=what) from None
    except ArithmeticError:
        raise InvalidAmountError(
            value,
            what=what,
            reason=f"is too large or too precise: paxbill keeps {MAX_DIGITS} "
            "significant digits exactly",
        ) from None
    if not number.is_finite():
        raise InvalidAmountError(value, what=what)
    return number


def to_count(value: object, *, what: str) -> int:
    """Return *value* as an int, refusing bools, floats and text.

    >>> to_count(70, what="users")
    70
    """
    if isinstance(value, int) and not isinstance(value, bool):
        return int(value)
    raise ArgumentTypeError(value, "a whole number (int)", what=what)


#: The most users one count may hold: far beyond any account, and small
#: enough that a price times users stays within the digits kept exactly.
MAX_USERS = 10**9


def to_user_count(value: object) -> int:
    """Return *value* as a number of users: a whole number, 0 to a billion.

    Raises:
        ArgumentTypeError: *value* is not an int.
        InvalidUserCountError: *value* is negative or above a billion.

    >>> to_user_count(70)
    70
    """
    users = to_count(value, what="number of users")
    if users < 0:
        raise InvalidUserCountError(users)
    if users > MAX_USERS:
        raise InvalidUserCountError(
            users, reason=f"is more than {MAX_USERS:,}: give a real count of users"
        )
    return users
