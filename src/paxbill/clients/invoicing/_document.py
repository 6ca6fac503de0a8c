"""What an invoice and a credit note share: their lines, adjustments and totals.

The totals follow EN 16931's rules: the sum of the lines' net amounts
(BT-106, BR-CO-10), less the document's allowances (BT-107, BR-CO-11) and
plus its charges (BT-108, BR-CO-12), is the net total (BT-109, BR-CO-13);
the VAT breakdown has one group per category and rate, whose taxable amount
counts the lines, allowances and charges of that category and rate and
whose tax is rounded once (BR-CO-17); the VAT total is the sum of the
groups' tax (BT-110, BR-CO-14); the gross total is net plus VAT (BT-112,
BR-CO-15).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any, NamedTuple, TypeVar

import attrs

from paxbill.clients.invoicing.allowances import Allowance, Charge
from paxbill.clients.invoicing.delivery import Delivery
from paxbill.clients.invoicing.lines import ClientInvoiceLine
from paxbill.clients.invoicing.notes import Note, legal_notes
from paxbill.clients.invoicing.parties import Party, to_optional_text
from paxbill.clients.invoicing.vat import VatBreakdown, VatCategory
from paxbill.core._items import one_of_kind
from paxbill.core._text import xml_text
from paxbill.core.money import Money, total
from paxbill.exceptions import (
    ArgumentTypeError,
    CurrencyMismatchError,
    InvalidInvoiceError,
)

T = TypeVar("T")
#: The UNTDID 1001 code of a credit note, which credits where an invoice bills.
CREDIT_NOTE = "381"
Adjustment = Allowance | Charge


def is_credit_note(document: Any) -> bool:
    """Whether *document* credits an invoice rather than bills."""
    return bool(document.TYPE_CODE == CREDIT_NOTE)


def document_kind(document: Any) -> str:
    """What *document* is, in an error's words: ``"invoice"`` or ``"credit note"``."""
    return "credit note" if is_credit_note(document) else "invoice"


def to_number(value: object) -> str:
    """A document number: a non-empty str, spaces around it dropped."""
    if isinstance(value, str) and value.strip():
        return xml_text(value.strip(), what="number")
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


def tuple_of(kind: type[T], what: str) -> Callable[[object], tuple[T, ...]]:
    """A converter to a tuple of *kind*, refusing anything else by name."""
    name = kind.__name__
    one = one_of_kind(kind)

    def convert(value: object) -> tuple[T, ...]:
        if not isinstance(value, Iterable) or isinstance(value, str | kind):
            raise ArgumentTypeError(value, f"a sequence of {name}", what=what)
        items = tuple(value)
        for item in items:
            if not isinstance(item, kind):
                raise ArgumentTypeError(item, one, what=f"each of {what}")
        return items

    return convert


def to_buyer_reference(value: object) -> str | None:
    """BT-10: a str, or None for none."""
    return to_optional_text("buyer_reference")(value)


def to_contract_reference(value: object) -> str | None:
    """BT-12: a str, or None for none."""
    return to_optional_text("contract_reference")(value)


def to_order_reference(value: object) -> str | None:
    """BT-13: a str, or None for none."""
    return to_optional_text("order_reference")(value)


def to_business_process(value: object) -> str | None:
    """BT-23: a str, or None for none."""
    return to_optional_text("business_process")(value)


def to_allowances(value: object) -> tuple[Allowance, ...]:
    """A document's or a line's allowances: a sequence of Allowance."""
    return tuple_of(Allowance, "allowances")(value)


def to_charges(value: object) -> tuple[Charge, ...]:
    """A document's or a line's charges: a sequence of Charge."""
    return tuple_of(Charge, "charges")(value)


def to_prepaid(value: object) -> object:
    """What was paid before the document: nothing paid is None (BT-113)."""
    if isinstance(value, Money) and not value:
        return None
    return value


def default_currency(document: Any) -> str:
    """The currency of a document's first line."""
    lines: tuple[ClientInvoiceLine, ...] = document.lines
    return lines[0].currency


def default_notes(document: Any) -> tuple[Note, ...]:
    """The notes of a document by default: for a French seller, French law's three.

    attrs works out this default before it runs the seller's validator,
    so the seller is checked here first.
    """
    seller = document.seller
    if not isinstance(seller, Party):
        raise ArgumentTypeError(seller, "a Party", what="seller")
    return legal_notes(document.language) if seller.is_french else ()


def _shared_vat(
    lines: Iterable[ClientInvoiceLine],
) -> tuple[VatCategory, Decimal | None] | None:
    """The one VAT category and rate of *lines*, or None when they differ."""
    groups = {(line.vat_category, line.vat_rate) for line in lines}
    if len(groups) == 1:
        return next(iter(groups))
    rates = {line.vat_rate for line in lines if line.vat_category.carries_tax}
    if len(rates) == 1:
        return VatCategory.STANDARD, next(iter(rates))
    return None


def work_out_adjustments(document: Any) -> None:
    """Set the base, amount and rate of the document's allowances and charges.

    A percentage applies to the sum of the lines unless given a base; a
    standard-rated adjustment without a rate is taxed as the lines are, when
    they share one category and rate (or one standard rate).

    Raises:
        CurrencyMismatchError: an adjustment in another currency.
        InvalidInvoiceError: an adjustment without a rate, and lines of
            several rates to take it from.
    """
    base = line_total(document)
    shared = _shared_vat(document.lines)
    for name in ("allowances", "charges"):
        worked: list[Adjustment] = []
        for item in getattr(document, name):
            if item.rate is None and item.category is VatCategory.STANDARD:
                if shared is None:
                    raise InvalidInvoiceError(
                        document.number,
                        f"the {item.KIND} {item.reason or item.reason_code!r} has "
                        "no VAT rate, and the lines have several: give it one",
                        document=document_kind(document),
                    )
                category, rate = shared
                if category is not VatCategory.STANDARD:
                    # A category without tax sets its own rate: 0, or none for O.
                    item = attrs.evolve(item, category=category)
                item = item.worked_out(base, rate)
            else:
                item = item.worked_out(base, item.rate)
            if item.signed.currency != document.currency:
                raise CurrencyMismatchError(
                    document.currency,
                    item.signed.currency,
                    operation=f"work out the {item.KIND} of",
                )
            worked.append(item)
        object.__setattr__(document, name, tuple(worked))


def check_currency(document: Any) -> None:
    """Refuse lines in another currency than the document's.

    Raises:
        CurrencyMismatchError: a line is not in the document's currency.
    """
    for line in document.lines:
        if line.currency != document.currency:
            raise CurrencyMismatchError(
                document.currency, line.currency, operation="invoice"
            )


def check_groups(document: Any) -> None:
    """Refuse a VAT category and rate billed or credited below zero.

    A line may correct another (a negative quantity), as long as what each
    VAT group bills stays zero or more: what is owed back is a credit note.

    Raises:
        InvalidInvoiceError: a VAT group's taxable amount is negative.
    """
    for group in document.vat_breakdown:
        if group.taxable_amount.amount < 0:
            vat = f"at VAT {group.category.value} {group.rate} %, below zero"
            if is_credit_note(document):
                raise InvalidInvoiceError(
                    document.invoice_number,
                    f"credit note {document.number} credits {group.taxable_amount} "
                    f"{vat}: what is owed is an invoice",
                )
            raise InvalidInvoiceError(
                document.number,
                f"it bills {group.taxable_amount} {vat}: what is owed back is a "
                "credit note",
            )


def line_total(document: Any) -> Money:
    """The sum of the lines' net amounts (BT-106)."""
    return total([line.net_amount for line in document.lines])  # one line at least


def with_delivery(document: Any) -> Delivery | None:
    """The delivery the document states: given, or what its VAT needs.

    An intra-community supply (``K``) states the deliver-to country, the
    buyer's by default (BR-IC-12); a delivery that says nothing is none.
    """
    delivery: Delivery | None = document.delivery
    if delivery == Delivery():
        delivery = None
    categories = {line.vat_category for line in document.lines}
    categories |= {item.category for item in (*document.allowances, *document.charges)}
    if VatCategory.INTRA_COMMUNITY in categories and (
        delivery is None or delivery.country is None
    ):
        country = document.buyer.country
        delivery = (
            Delivery(country=country)
            if delivery is None
            else attrs.evolve(delivery, country=country)
        )
    return delivery


def breakdown(document: Any) -> tuple[VatBreakdown, ...]:
    """One VatBreakdown per category and rate, in the order of their first line."""
    groups: dict[tuple[VatCategory, Decimal | None], list[Money]] = {}
    reasons: dict[tuple[VatCategory, Decimal | None], str] = {}
    for line in document.lines:
        key = (line.vat_category, line.vat_rate)
        groups.setdefault(key, []).append(line.net_amount)
        if line.exemption_reason and key not in reasons:
            reasons[key] = line.exemption_reason
    for item in (*document.allowances, *document.charges):
        groups.setdefault((item.category, item.rate), []).append(item.signed)
    result = []
    for (category, rate), amounts in groups.items():
        reason = None
        if category.needs_exemption_reason:
            reason = reasons.get((category, rate)) or category.exemption_reason(
                document.language
            )
        taxable = total(amounts)  # never empty, in the document's currency
        result.append(VatBreakdown(category, rate, taxable, reason))
    return tuple(result)


class Totals(NamedTuple):
    """A document's totals, worked out once when it is made."""

    line_total: Money
    allowance_total: Money
    charge_total: Money
    net_total: Money
    vat_breakdown: tuple[VatBreakdown, ...]
    vat_total: Money
    gross_total: Money


def work_out_totals(document: Any) -> None:
    """Set the document's ``_totals``, from its lines, allowances and charges."""
    currency = document.currency
    lines = line_total(document)
    allowances = total([-item.signed for item in document.allowances], currency)
    charges = total([item.signed for item in document.charges], currency)
    adjustments = [item.signed for item in (*document.allowances, *document.charges)]
    net = total([lines, *adjustments])
    groups = breakdown(document)
    vat = total([group.tax_amount for group in groups])  # one group at least
    totals = Totals(lines, allowances, charges, net, groups, vat, net + vat)
    object.__setattr__(document, "_totals", totals)


class DocumentTotals:
    """Mixin: the totals of a document, worked out once by :func:`work_out_totals`.

    The document has ``lines``, ``allowances``, ``charges``, ``currency``,
    ``language`` and ``_totals``.
    """

    __slots__ = ()

    _totals: Totals

    @property
    def line_total(self) -> Money:
        """The sum of the lines' net amounts (BT-106, BR-CO-10)."""
        return self._totals.line_total

    @property
    def allowance_total(self) -> Money:
        """The sum of the document's allowances (BT-107, BR-CO-11)."""
        return self._totals.allowance_total

    @property
    def charge_total(self) -> Money:
        """The sum of the document's charges (BT-108, BR-CO-12)."""
        return self._totals.charge_total

    @property
    def net_total(self) -> Money:
        """The lines less allowances plus charges, what is taxed (BT-109, BR-CO-13)."""
        return self._totals.net_total

    @property
    def vat_breakdown(self) -> tuple[VatBreakdown, ...]:
        """The VAT of each category and rate (BG-23, BR-CO-17)."""
        return self._totals.vat_breakdown

    @property
    def vat_total(self) -> Money:
        """The sum of the breakdown's tax amounts (BT-110, BR-CO-14)."""
        return self._totals.vat_total

    @property
    def gross_total(self) -> Money:
        """The net total plus VAT (BT-112, BR-CO-15)."""
        return self._totals.gross_total
