"""A line of the installer's invoice: so many units at a net price, with its VAT.

>>> line = ClientInvoiceLine("Entry app users", 70, Money("4.00", "EUR"), "S", "20")
>>> line.net_amount, line.vat_category, line.vat_rate
(Money('280.00', 'EUR'), <VatCategory.STANDARD: 'S'>, Decimal('20'))
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs

from paxbill.clients.invoicing._amounts import round_amount
from paxbill.clients.invoicing.vat import VatCategory, to_vat_category, to_vat_rate
from paxbill.core._numbers import ExactNumber, to_decimal
from paxbill.core.money import Money
from paxbill.exceptions import (
    ArgumentTypeError,
    InvalidAmountError,
    InvalidQuantityError,
)

__all__ = ["ClientInvoiceLine"]


def to_quantity(value: object) -> Decimal:
    """Return *value* as a quantity: a whole or decimal number, 0 or more.

    Raises:
        AmountTypeError: *value* is a float or a bool.
        InvalidQuantityError: *value* is negative.
    """
    quantity = to_decimal(value, what="quantity")
    if quantity < 0:
        raise InvalidQuantityError(value)
    return quantity


def _check_description(instance: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ArgumentTypeError(value, "a non-empty str", what="description")


def _check_unit_price(instance: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, Money):
        raise ArgumentTypeError(value, "a Money", what="unit_price")
    if value.amount < 0:
        # BR-27: the item net price is never negative; credit notes credit.
        raise InvalidAmountError(
            value, what="unit_price", reason="is negative: credit with a credit note"
        )


def _to_rate(value: ExactNumber | None) -> Decimal | None:
    # The category's rules are applied once every field is set.
    return None if value is None else to_decimal(value, what="VAT rate")


def _to_reason(value: object) -> str | None:
    if value is None or (isinstance(value, str) and value.strip()):
        return value if value is None else value.strip()
    raise ArgumentTypeError(value, "a non-empty str or None", what="exemption_reason")


@attrs.frozen
class ClientInvoiceLine:
    """What one line of an invoice bills: *quantity* x *unit_price*, with VAT.

    Args:
        description: what is billed, as the client reads it.
        quantity: how many, a whole or decimal number, 0 or more: the
            number of app users for the app.
        unit_price: the net price of one, 0 or more; it may carry more
            decimals than the currency's minor unit.
        vat_category: a :class:`VatCategory`, or its code (``"S"``, ``"AE"``).
        vat_rate: the rate in percent, ``"20"`` or ``"5.5"``: above 0 for
            ``S``; 0 or None for the others, which carry no tax.
        exemption_reason: why no VAT is charged, replacing the category's
            default text; for the categories other than ``S``.

    Raises:
        InvalidQuantityError: a negative quantity.
        InvalidAmountError: a negative unit price.
        InvalidVatRateError: a rate the category does not allow.
    """

    description: str = attrs.field(validator=_check_description)
    quantity: Decimal = attrs.field(converter=to_quantity)
    unit_price: Money = attrs.field(validator=_check_unit_price)
    vat_category: VatCategory = attrs.field(
        default=VatCategory.STANDARD, converter=to_vat_category
    )
    vat_rate: Decimal | None = attrs.field(default=None, converter=_to_rate)
    exemption_reason: str | None = attrs.field(default=None, converter=_to_reason)

    def __attrs_post_init__(self) -> None:
        rate = to_vat_rate(self.vat_category, self.vat_rate)
        object.__setattr__(self, "vat_rate", rate)

    @property
    def currency(self) -> str:
        """The currency of the unit price."""
        return self.unit_price.currency

    @property
    def net_amount(self) -> Money:
        """Quantity x unit price, rounded half-up to the minor unit (BT-131).

        At most two decimals, as EN 16931 asks of an amount.
        """
        return round_amount(self.unit_price * self.quantity)

    def with_quantity(self, quantity: ExactNumber) -> ClientInvoiceLine:
        """Return the same line for another *quantity*: to credit part of it.

        >>> price = Money("48.00", "EUR")
        >>> line = ClientInvoiceLine("Entry app users", 70, price, "S", "20")
        >>> line.with_quantity(5).net_amount
        Money('240.00', 'EUR')
        """
        return attrs.evolve(self, quantity=quantity)
