"""Discount: a percentage off a price, such as Paxton's partner discount.

>>> from paxbill import Discount, Money
>>> Discount(15).apply(Money("3.00", "EUR"))
Money('2.5500', 'EUR')
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from paxbill.core._numbers import ARITHMETIC, ExactNumber, to_decimal
from paxbill.core._values import Revalidated
from paxbill.core.money import Money
from paxbill.exceptions import InvalidDiscountError

__all__ = ["Discount"]

_HUNDRED = Decimal(100)


def _to_percent(value: ExactNumber) -> Decimal:
    return to_decimal(value, what="discount percent")


def _check_range(
    instance: Discount, attribute: attrs.Attribute[Decimal], value: Decimal
) -> None:
    if not 0 <= value <= _HUNDRED:
        raise InvalidDiscountError(value)


@attrs.frozen
class Discount(Revalidated):
    """A discount of *percent* per cent, from 0 to 100 inclusive.

    Args:
        percent: a str, an int or a Decimal; ``15`` is 15 %.

    Raises:
        AmountTypeError: *percent* is a float or a bool.
        InvalidDiscountError: *percent* is below 0 or above 100.

    >>> Discount("15").rate
    Decimal('0.15')
    """

    percent: Decimal = attrs.field(converter=_to_percent, validator=_check_range)

    @property
    def rate(self) -> Decimal:
        """The discount as a fraction, 0.15 for 15 %."""
        return ARITHMETIC.divide(self.percent, _HUNDRED)

    def apply(self, money: Money) -> Money:
        """Return *money* less the discount, exact and unrounded."""
        return money * ARITHMETIC.subtract(1, self.rate)

    def __str__(self) -> str:
        return f"{self.percent}%"
