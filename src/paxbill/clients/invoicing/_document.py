"""What an invoice and a credit note share: their lines, checks and VAT totals.

The totals follow EN 16931's rules: the net total is the sum of the lines'
net amounts (BR-CO-10); the VAT breakdown has one group per category and
rate, whose tax is rounded once (BR-CO-17); the VAT total is the sum of the
groups' tax (BR-CO-14); the gross total is net plus VAT (BR-CO-15).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from paxbill.clients.invoicing.lines import ClientInvoiceLine
from paxbill.clients.invoicing.parties import Party
from paxbill.clients.invoicing.vat import VatBreakdown, VatCategory
from paxbill.core.money import Money, total
from paxbill.exceptions import (
    ArgumentTypeError,
    CurrencyMismatchError,
    MissingVatIdentifierError,
)

_RULES = {
    VatCategory.REVERSE_CHARGE: "BR-AE-02",
    VatCategory.INTRA_COMMUNITY: "BR-IC-02",
}


def to_number(value: object) -> str:
    """A document number: a non-empty str, spaces around it dropped."""
    if isinstance(value, str) and value.strip():
        return value.strip()
    raise ArgumentTypeError(
        value, "a non-empty str such as 'F2024-0001'", what="number"
    )


def to_lines(value: object) -> tuple[ClientInvoiceLine, ...]:
    """The lines of a document: at least one ClientInvoiceLine."""
    if isinstance(value, ClientInvoiceLine | str) or not isinstance(value, Iterable):
        raise ArgumentTypeError(value, "a sequence of ClientInvoiceLine", what="lines")
    lines = tuple(value)
    if not lines:
        raise ArgumentTypeError(lines, "at least one ClientInvoiceLine", what="lines")
    for line in lines:
        if not isinstance(line, ClientInvoiceLine):
            raise ArgumentTypeError(line, "a ClientInvoiceLine", what="each line")
    return lines


def default_currency(document: Any) -> str:
    """The currency of a document's first line."""
    lines: tuple[ClientInvoiceLine, ...] = document.lines
    return lines[0].currency


def check_document(
    lines: tuple[ClientInvoiceLine, ...], currency: str, seller: Party, buyer: Party
) -> None:
    """Refuse lines in another currency, and VAT categories without their ids.

    Raises:
        CurrencyMismatchError: a line is not in *currency*.
        MissingVatIdentifierError: a reverse-charge or intra-community line,
            and the seller or the buyer has no VAT identifier.
    """
    for line in lines:
        if line.currency != currency:
            raise CurrencyMismatchError(currency, line.currency, operation="invoice")
    for line in lines:
        category = line.vat_category
        if category.needs_both_vat_ids:
            for role, party in (("seller", seller), ("buyer", buyer)):
                if party.vat_id is None:
                    raise MissingVatIdentifierError(
                        category.value, role, _RULES[category]
                    )


def breakdown(
    lines: Iterable[ClientInvoiceLine], currency: str, language: str
) -> tuple[VatBreakdown, ...]:
    """One VatBreakdown per category and rate, in the order of their first line."""
    groups: dict[tuple[VatCategory, Decimal | None], list[ClientInvoiceLine]] = {}
    for line in lines:
        groups.setdefault((line.vat_category, line.vat_rate), []).append(line)
    result = []
    for (category, rate), members in groups.items():
        reason = None
        if not category.carries_tax:
            given = [m.exemption_reason for m in members if m.exemption_reason]
            reason = given[0] if given else category.exemption_reason(language)
        taxable = total([m.net_amount for m in members], currency)
        result.append(VatBreakdown(category, rate, taxable, reason))
    return tuple(result)


class DocumentTotals:
    """Mixin: the totals of a document with ``lines``, ``currency`` and ``language``.

    Derived, never stored: each is worked out from the lines when read.
    """

    __slots__ = ()

    lines: tuple[ClientInvoiceLine, ...]
    currency: str
    language: str

    @property
    def net_total(self) -> Money:
        """The sum of the lines' net amounts (BT-106, BR-CO-10)."""
        return total([line.net_amount for line in self.lines], self.currency)

    @property
    def vat_breakdown(self) -> tuple[VatBreakdown, ...]:
        """The VAT of each category and rate (BG-23, BR-CO-17)."""
        return breakdown(self.lines, self.currency, self.language)

    @property
    def vat_total(self) -> Money:
        """The sum of the breakdown's tax amounts (BT-110, BR-CO-14)."""
        return total([group.tax_amount for group in self.vat_breakdown], self.currency)

    @property
    def gross_total(self) -> Money:
        """The net total plus VAT (BT-112, BR-CO-15)."""
        return self.net_total + self.vat_total
