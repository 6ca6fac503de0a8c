"""A line of the installer's invoice: so many units at a net price, with its VAT.

>>> line = ClientInvoiceLine("Entry app users", 70, Money("4.00", "EUR"), "S", "20")
>>> line.net_amount, line.vat_category, line.vat_rate
(Money('280.00', 'EUR'), <VatCategory.STANDARD: 'S'>, Decimal('20'))
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any, TypeVar

import attrs

from paxbill.clients.invoicing._amounts import round_amount
from paxbill.clients.invoicing._code_lists import UNIT_CODES
from paxbill.clients.invoicing.allowances import Allowance, Charge
from paxbill.clients.invoicing.vat import VatCategory, to_vat_category, to_vat_rate
from paxbill.core._numbers import ExactNumber, to_decimal
from paxbill.core._text import xml_text
from paxbill.core._values import Revalidated
from paxbill.core.money import Money
from paxbill.exceptions import (
    ArgumentTypeError,
    CurrencyMismatchError,
    InvalidAmountError,
    InvalidIdentifierError,
)

__all__ = ["ClientInvoiceLine"]

T = TypeVar("T", Allowance, Charge)


def to_quantity(value: object) -> Decimal:
    """Return *value* as a quantity: a whole or decimal number, negative to correct.

    Raises:
        AmountTypeError: *value* is a float or a bool.
    """
    return to_decimal(value, what="quantity")


def to_unit_code(value: object) -> str:
    """Return *value* as a UN/ECE recommendation 20 unit code, such as ``"MON"``.

    Raises:
        InvalidIdentifierError: a code not among the units paxbill bills in.
    """
    if not isinstance(value, str):
        raise ArgumentTypeError(
            value, "a UN/ECE Rec 20 code such as 'C62'", what="unit_code"
        )
    code = value.strip().upper()
    if code not in UNIT_CODES:
        known = ", ".join(sorted(UNIT_CODES))
        raise InvalidIdentifierError(
            value, "unit code", f"is not a UN/ECE Rec 20 unit paxbill knows: {known}"
        )
    return code


def _to_adjustments(
    value: object, kind: type[T], what: str, expected: str
) -> tuple[T, ...]:
    """The allowances or charges of a line, which take the line's VAT."""
    if isinstance(value, str | kind) or not isinstance(value, Iterable):
        raise ArgumentTypeError(value, f"a sequence of {kind.__name__}", what=what)
    items = tuple(value)
    for item in items:
        if not isinstance(item, kind):
            raise ArgumentTypeError(item, expected, what=f"each of {what}")
        if item.rate is not None or item.category is not VatCategory.STANDARD:
            raise InvalidAmountError(
                item,
                what=f"line {kind.__name__.lower()}",
                reason="has a VAT category or rate: on a line it takes the line's",
            )
    return items


def _check_description(instance: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ArgumentTypeError(value, "a non-empty str", what="description")
    xml_text(value, what="description")


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
        return (
            value if value is None else xml_text(value.strip(), what="exemption_reason")
        )
    raise ArgumentTypeError(value, "a non-empty str or None", what="exemption_reason")


def _to_allowances(value: object) -> tuple[Allowance, ...]:
    return _to_adjustments(value, Allowance, "allowances", "an Allowance")


def _to_charges(value: object) -> tuple[Charge, ...]:
    return _to_adjustments(value, Charge, "charges", "a Charge")


@attrs.frozen
class ClientInvoiceLine(Revalidated):
    """What one line of an invoice bills: *quantity* x *unit_price*, with VAT.

    Args:
        description: what is billed, as the client reads it.
        quantity: how many, a whole or decimal number: the number of app
            users for the app; negative on a line that corrects another.
        unit_price: the net price of one, 0 or more; it may carry more
            decimals than the currency's minor unit.
        vat_category: a :class:`VatCategory`, or its code (``"S"``, ``"AE"``).
        vat_rate: the rate in percent, ``"20"`` or ``"5.5"``: above 0 for
            ``S``; 0 or None for the others, which carry no tax.
        exemption_reason: why no VAT is charged, replacing the category's
            default text; for the categories other than ``S`` and ``Z``.
        unit_code: the unit of the quantity (BT-130), a UN/ECE
            recommendation 20 code: ``"C62"`` (one, the default), ``"MON"``
            (months), ``"HUR"`` (hours), ``"DAY"``...
        allowances: discounts on this line (BG-27), of :class:`Allowance`.
        charges: fees on this line (BG-28), of :class:`Charge`.

    Raises:
        InvalidIdentifierError: an unknown unit code.
        InvalidAmountError: a negative unit price, or a line allowance
            with a VAT category of its own.
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
    unit_code: str = attrs.field(default="C62", converter=to_unit_code)
    allowances: tuple[Allowance, ...] = attrs.field(
        default=(), converter=_to_allowances
    )
    charges: tuple[Charge, ...] = attrs.field(default=(), converter=_to_charges)

    def __attrs_post_init__(self) -> None:
        rate = to_vat_rate(self.vat_category, self.vat_rate)
        object.__setattr__(self, "vat_rate", rate)
        if self.allowances or self.charges:
            base = self.gross_amount
            for name in ("allowances", "charges"):
                worked = tuple(
                    item.worked_out(base, None) for item in getattr(self, name)
                )
                for item in worked:
                    if item.amount.currency != self.currency:
                        raise CurrencyMismatchError(
                            self.currency,
                            item.amount.currency,
                            operation=f"work out the {item.KIND} of",
                        )
                object.__setattr__(self, name, worked)

    @property
    def currency(self) -> str:
        """The currency of the unit price."""
        return self.unit_price.currency

    @property
    def gross_amount(self) -> Money:
        """Quantity x unit price, rounded half-up to the minor unit.

        At most two decimals, as EN 16931 asks of an amount: the base of
        the line's allowances and charges.
        """
        return round_amount(self.unit_price * self.quantity)

    @property
    def net_amount(self) -> Money:
        """The line's net amount (BT-131), less its allowances, plus its charges."""
        amount = self.gross_amount
        for item in (*self.allowances, *self.charges):
            amount = amount + item.signed
        return amount

    def with_quantity(self, quantity: ExactNumber) -> ClientInvoiceLine:
        """Return the same line for another *quantity*: to credit part of it.

        >>> price = Money("48.00", "EUR")
        >>> line = ClientInvoiceLine("Entry app users", 70, price, "S", "20")
        >>> line.with_quantity(5).net_amount
        Money('240.00', 'EUR')
        """
        return attrs.evolve(self, quantity=quantity)
