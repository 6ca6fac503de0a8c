"""Every error that paxbill raises.

Each error derives from :class:`PaxbillError` and from the built-in exception
that matches it (:class:`ValueError` or :class:`TypeError`), so callers may
catch either. Each keeps the offending values as attributes and says what to do.

>>> from paxbill import Money, PaxbillError
>>> try:
...     Money("1.00", "XYZ")
... except PaxbillError as error:
...     print(error.currency, isinstance(error, ValueError))
XYZ True
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "AmountTypeError",
    "ArgumentTypeError",
    "CurrencyMismatchError",
    "InvalidAllocationError",
    "InvalidAmountError",
    "InvalidDiscountError",
    "InvalidUserCountError",
    "PaxbillError",
    "UnknownCurrencyError",
    "UnknownLocaleError",
]


class PaxbillError(Exception):
    """The base of every error paxbill raises."""


class ArgumentTypeError(PaxbillError, TypeError):
    """An argument is of a type paxbill does not accept.

    Attributes:
        value: the argument as given.
        expected: what paxbill accepts there, in words.
    """

    def __init__(self, value: Any, expected: str, *, what: str = "value") -> None:
        self.value = value
        self.expected = expected
        super().__init__(
            f"{what} must be {expected}, not {type(value).__name__} {value!r}"
        )


class AmountTypeError(ArgumentTypeError):
    """An amount was given as a float, a bool or another inexact type.

    Money is exact: a float such as ``2.55`` is really 2.54999..., so paxbill
    refuses it rather than guess.
    """

    def __init__(self, value: Any, *, what: str = "amount") -> None:
        super().__init__(
            value,
            "a str such as '2.55', an int or a decimal.Decimal "
            "(pass a string or a Decimal, never a float)",
            what=what,
        )


class InvalidAmountError(PaxbillError, ValueError):
    """An amount is not a finite decimal number, or not one paxbill can use.

    Attributes:
        value: the amount as given.
    """

    def __init__(
        self,
        value: Any,
        *,
        what: str = "amount",
        reason: str = "is not a finite decimal number; write it like '178.50'",
    ) -> None:
        self.value = value
        super().__init__(f"{what} {value!r} {reason}")


class UnknownCurrencyError(PaxbillError, ValueError):
    """A currency code is not an ISO 4217 code that babel knows.

    Attributes:
        currency: the code as given.
    """

    def __init__(self, currency: Any) -> None:
        self.currency = currency
        super().__init__(
            f"unknown currency {currency!r}: give an ISO 4217 code such as "
            "'EUR' or 'GBP'"
        )


class CurrencyMismatchError(PaxbillError, ValueError):
    """Two amounts of different currencies met in one operation.

    Attributes:
        currency: the currency of the left operand.
        other: the currency of the right operand.
    """

    def __init__(
        self, currency: str, other: str, *, operation: str = "combine"
    ) -> None:
        self.currency = currency
        self.other = other
        super().__init__(
            f"cannot {operation} {currency} and {other}: convert one of them "
            "first, paxbill never converts currencies"
        )


class InvalidAllocationError(PaxbillError, ValueError):
    """Weights to allocate an amount by are negative, or total zero.

    Attributes:
        weights: the weights as given.
    """

    def __init__(self, weights: Any, reason: str) -> None:
        self.weights = weights
        super().__init__(
            f"cannot allocate by weights {weights!r}: {reason}; give non-negative "
            "ints or Decimals with a positive total"
        )


class InvalidDiscountError(PaxbillError, ValueError):
    """A discount percentage is outside 0 to 100.

    Attributes:
        percent: the percentage as given.
    """

    def __init__(self, percent: Any) -> None:
        self.percent = percent
        super().__init__(
            f"discount {percent}% is outside 0 to 100: give a percentage such as '15'"
        )


class InvalidUserCountError(PaxbillError, ValueError):
    """A number of users is negative.

    Attributes:
        users: the count as given.
    """

    def __init__(self, users: Any) -> None:
        self.users = users
        super().__init__(
            f"number of users {users!r} is negative: give a whole number 0 or more"
        )


class UnknownLocaleError(PaxbillError, ValueError):
    """A locale identifier is not one babel knows.

    Attributes:
        locale: the identifier as given.
    """

    def __init__(self, locale: Any) -> None:
        self.locale = locale
        super().__init__(
            f"unknown locale {locale!r}: give an identifier such as 'fr_FR' or 'en_GB'"
        )
