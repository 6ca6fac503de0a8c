"""Allowances and charges: a discount or a fee on the whole document, or on a line.

An allowance (EN 16931 BG-20, on a line BG-27) lowers what is taxed, a
charge (BG-21, BG-28) raises it. Each is a fixed amount, or a percentage of
a base: for the document, the sum of its lines by default; for a line, its
quantity times its price. The amount is rounded half-up once, to the minor
unit (at most two decimals); on the document, each carries the VAT category
and rate it is taxed at, by default the lines' own when they share one.

>>> from paxbill import Money
>>> Allowance("Remise fidélité", percent=5, base=Money("459.00", "EUR")).amount
Money('22.95', 'EUR')
>>> Charge("Déplacement", Money("35.00", "EUR"), rate="20").rate
Decimal('20')
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, ClassVar

import attrs

from paxbill.clients.invoicing._amounts import round_amount
from paxbill.clients.invoicing._code_lists import ALLOWANCE_REASONS, CHARGE_REASONS
from paxbill.clients.invoicing.vat import VatCategory, to_vat_category, to_vat_rate
from paxbill.core._numbers import ARITHMETIC, to_decimal
from paxbill.core._text import xml_text
from paxbill.core._validators import optional_of
from paxbill.core._values import Revalidated
from paxbill.core.money import Money
from paxbill.exceptions import (
    ArgumentTypeError,
    CurrencyMismatchError,
    InvalidAmountError,
)

__all__ = ["Allowance", "Charge"]


def _to_reason(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ArgumentTypeError(value, "a str or None", what="reason")
    return xml_text(value.strip(), what="reason") or None


def _not_negative(instance: Any, attribute: Any, value: Money | None) -> None:
    if value is not None and value.amount < 0:
        raise InvalidAmountError(value, what=attribute.name, reason="is negative")


_AMOUNT = [optional_of(Money, "a Money"), _not_negative]


def _to_percent(value: object) -> Decimal | None:
    if value is None:
        return None
    percent = to_decimal(value, what="percent")
    if percent < 0:
        raise InvalidAmountError(value, what="percent", reason="is negative")
    return percent


def _to_rate(value: object) -> Decimal | None:
    return None if value is None else to_decimal(value, what="VAT rate")


def _to_code(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str | int) or isinstance(value, bool):
        raise ArgumentTypeError(value, "a str, an int or None", what="reason_code")
    return str(value).strip().upper()


@attrs.frozen
class _Adjustment(Revalidated):
    """What an allowance and a charge share: their amount, base and VAT."""

    #: Whether it raises the amount (a charge) or lowers it (an allowance).
    IS_CHARGE: ClassVar[bool]
    #: The code list of its reason codes, and its name.
    REASONS: ClassVar[frozenset[str]]
    REASON_LIST: ClassVar[str]
    KIND: ClassVar[str]

    reason: str | None = attrs.field(converter=_to_reason)
    amount: Money | None = attrs.field(default=None, validator=_AMOUNT)
    percent: Decimal | None = attrs.field(
        default=None, kw_only=True, converter=_to_percent
    )
    base: Money | None = attrs.field(default=None, kw_only=True, validator=_AMOUNT)
    category: VatCategory = attrs.field(
        default=VatCategory.STANDARD, kw_only=True, converter=to_vat_category
    )
    rate: Decimal | None = attrs.field(default=None, kw_only=True, converter=_to_rate)
    reason_code: str | None = attrs.field(
        default=None, kw_only=True, converter=_to_code
    )

    def __attrs_post_init__(self) -> None:
        kind = self.KIND
        if self.reason is None and self.reason_code is None:
            raise ArgumentTypeError(
                None, "a reason or a reason code (BR-33, BR-38)", what="reason"
            )
        if self.reason_code is not None and self.reason_code not in self.REASONS:
            raise InvalidAmountError(
                self.reason_code,
                what=f"{kind} reason code",
                reason=f"is not a code of {self.REASON_LIST}",
            )
        if self.amount is None and self.percent is None:
            raise InvalidAmountError(
                None, what=kind, reason="has neither an amount nor a percent: give one"
            )
        if self.base is not None and self.percent is None:
            raise InvalidAmountError(
                self.base, what=f"{kind} base", reason="is given without a percent"
            )
        amount, base = self.amount, self.base
        if amount is not None and base is not None and amount.currency != base.currency:
            raise CurrencyMismatchError(
                base.currency, amount.currency, operation=f"work out the {kind} of"
            )
        if self.rate is not None or self.category is not VatCategory.STANDARD:
            # The standard category without a rate takes the lines' rate.
            object.__setattr__(self, "rate", to_vat_rate(self.category, self.rate))
        if self.percent is not None and self.base is not None:
            worked_out = round_amount(self.base * ARITHMETIC.scaleb(self.percent, -2))
            if self.amount is None:
                object.__setattr__(self, "amount", worked_out)
            elif self.amount != worked_out:
                raise InvalidAmountError(
                    self.amount,
                    what=f"{kind} amount",
                    reason=f"is not {self.percent} % of {self.base} ({worked_out})",
                )
        if self.amount is not None:
            object.__setattr__(self, "amount", round_amount(self.amount))
            if not self.IS_CHARGE and self.base is not None and self.amount > self.base:
                raise InvalidAmountError(
                    self.amount,
                    what="allowance",
                    reason=f"is larger than its base {self.base}",
                )

    @property
    def signed(self) -> Money:
        """Its amount with the sign it has on the total: minus for an allowance."""
        if self.amount is None:
            raise InvalidAmountError(
                None, what=self.KIND, reason="is not worked out: it has no base yet"
            )
        return self.amount if self.IS_CHARGE else -self.amount

    def worked_out(self, base: Money, rate: Decimal | None) -> Any:
        """The same, its base and amount worked out on *base*, its rate *rate*.

        Only a percentage without a base takes *base* (an amount given beside
        it is then checked against it); where it was given a rate, *rate* is
        not used.
        """
        changes: dict[str, Any] = {}
        if self.percent is not None and self.base is None:
            changes["base"] = base
        if self.rate is None and self.category is VatCategory.STANDARD:
            changes["rate"] = rate
        return attrs.evolve(self, **changes) if changes else self


@attrs.frozen
class Allowance(_Adjustment):
    """An allowance: a discount on the document (BG-20) or on a line (BG-27).

    Args:
        reason: why, as the client reads it (BT-97, BT-139).
        amount: how much, a fixed Money; or None with *percent*.
        percent: a percentage of *base* (BT-94, BT-138).
        base: what the percentage applies to (BT-93, BT-137); by default
            the sum of the document's lines, or the line's quantity times price.
        category: the VAT category it is taxed at, on the document (BT-95).
        rate: the VAT rate; by default the lines' own, when they share one.
        reason_code: its UNTDID 5189 code (BT-98, BT-140), such as ``"95"``.

    Raises:
        InvalidAmountError: a negative amount, one larger than its base,
            none at all, or a reason code not in UNTDID 5189.
    """

    IS_CHARGE = False
    REASONS = ALLOWANCE_REASONS
    REASON_LIST = "UNTDID 5189, such as '95' (discount)"
    KIND = "allowance"


@attrs.frozen
class Charge(_Adjustment):
    """A charge: a fee on the document (BG-21) or on a line (BG-28).

    The arguments are an :class:`Allowance`'s; the reason code is one of
    UNTDID 7161 (BT-105, BT-145), such as ``"FC"`` (freight) or ``"SAA"``.

    Raises:
        InvalidAmountError: a negative amount, none at all, or a reason
            code not in UNTDID 7161.
    """

    IS_CHARGE = True
    REASONS = CHARGE_REASONS
    REASON_LIST = "UNTDID 7161, such as 'SAA' (installation) or 'FC'"
    KIND = "charge"
