"""PerUserPrice: what one app user costs per month, after any discount.

>>> from paxbill import Discount, Money, PerUserPrice
>>> price = PerUserPrice(Money("3.00", "EUR"), Discount(15))
>>> price.net, price.monthly_total(70)
(Money('2.55', 'EUR'), Money('178.50', 'EUR'))
"""

from __future__ import annotations

import attrs

from paxbill.core._numbers import ExactNumber, to_user_count
from paxbill.core._values import Revalidated
from paxbill.core.discount import Discount
from paxbill.core.money import Money
from paxbill.exceptions import (
    ArgumentTypeError,
    InvalidAmountError,
)

__all__ = ["PerUserPrice", "paxton_price_of"]


def _check_list_price(
    instance: PerUserPrice, attribute: attrs.Attribute[Money], value: Money
) -> None:
    if type(value) is not Money:
        raise ArgumentTypeError(
            value, "a Money such as Money('3.00', 'EUR')", what="list price"
        )
    if value.amount < 0:
        raise InvalidAmountError(
            value, what="list price", reason="is negative: give a price of 0 or more"
        )


def _to_discount(value: Discount | ExactNumber | None) -> Discount | None:
    if value is None or isinstance(value, Discount):
        return value
    return Discount(value)


@attrs.frozen
class PerUserPrice(Revalidated):
    """A list price per app user per month, less an optional discount.

    Args:
        list_price: the price before discount, per user per month.
        discount: a :class:`Discount`, a percentage (``15``) or None.

    >>> PerUserPrice(Money("2.99", "EUR"), 15).net
    Money('2.54', 'EUR')
    """

    list_price: Money = attrs.field(validator=_check_list_price)
    discount: Discount | None = attrs.field(default=None, converter=_to_discount)
    # The net, worked out once: every invoice line and total reads it.
    _net: Money = attrs.field(init=False, repr=False, eq=False, alias="_net")

    def __attrs_post_init__(self) -> None:
        if self.discount is None:
            net = self.list_price.round()
        else:
            net = self.discount.apply(self.list_price).round()
        object.__setattr__(self, "_net", net)

    @property
    def currency(self) -> str:
        """The currency of the price."""
        return self.list_price.currency

    @property
    def net(self) -> Money:
        """The price after discount, rounded half-up to the minor unit.

        It is rounded once, because that is the unit price the portal shows
        and multiplies by the number of users.
        """
        return self._net

    def monthly_total(self, users: int) -> Money:
        """Return the net price times a whole number of users, 0 or more.

        Raises:
            ArgumentTypeError: *users* is not an int.
            InvalidUserCountError: *users* is negative.

        >>> PerUserPrice(Money("2.99", "EUR"), 15).monthly_total(70)
        Money('177.80', 'EUR')
        """
        return self.net * to_user_count(users)


def paxton_price_of(price: Money | PerUserPrice) -> PerUserPrice:
    """Return Paxton's price as a PerUserPrice; a Money is a list price, no discount.

    Every figure of what Paxton bills uses its net, rounded as the portal
    shows it, whichever way the price was given.

    Raises:
        ArgumentTypeError: *price* is neither.

    >>> paxton_price_of(Money("2.545", "EUR")).net
    Money('2.55', 'EUR')
    """
    if isinstance(price, PerUserPrice):
        return price
    if isinstance(price, Money):
        return PerUserPrice(price)
    raise ArgumentTypeError(price, "a PerUserPrice or a Money", what="Paxton's price")
