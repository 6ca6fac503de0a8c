"""A credit note: what the installer gives back on one of its invoices.

A credit note (EN 16931 type 381) has lines, VAT and totals like an
invoice, never below zero for a VAT category and rate, and names the
invoice it credits. Make one with
:meth:`ClientInvoice.credit <paxbill.ClientInvoice.credit>`, which checks
that it never credits more than was invoiced.
"""

from __future__ import annotations

import datetime as dt

import attrs

from paxbill.clients.invoicing._document import (
    CREDIT_NOTE,
    DocumentTotals,
    Totals,
    check_currency,
    check_groups,
    default_currency,
    default_notes,
    to_allowances,
    to_business_process,
    to_buyer_reference,
    to_charges,
    to_contract_reference,
    to_lines,
    to_number,
    to_order_reference,
    with_delivery,
    work_out_adjustments,
    work_out_totals,
)
from paxbill.clients.invoicing.allowances import Allowance, Charge
from paxbill.clients.invoicing.delivery import Delivery
from paxbill.clients.invoicing.en16931 import refuse_problems
from paxbill.clients.invoicing.lines import ClientInvoiceLine
from paxbill.clients.invoicing.notes import Note, to_notes
from paxbill.clients.invoicing.parties import Party
from paxbill.clients.invoicing.vat import to_language
from paxbill.core._currency import currency_code
from paxbill.core._notebook import ShowsInNotebook
from paxbill.core._text import xml_text
from paxbill.core._validators import instance_of, is_date, optional_of
from paxbill.core._values import Revalidated
from paxbill.core.money import Money
from paxbill.core.periods import BillingPeriod
from paxbill.exceptions import ArgumentTypeError, InvalidInvoiceError

__all__ = ["CreditNote"]


def _to_reason(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ArgumentTypeError(value, "a str or None", what="reason")
    return xml_text(value.strip(), what="reason") or None


@attrs.frozen
class CreditNote(DocumentTotals, ShowsInNotebook, Revalidated):
    """A credit note on an invoice: EN 16931 document type 381.

    Args:
        number: its number, in its own series or the invoices'.
        issue_date: the day it is issued, on or after the invoice's.
        seller: the installer, as on the invoice.
        buyer: the client, as on the invoice.
        lines: what is credited, at least one line; a line may be negative
            where its VAT category and rate stay credited at zero or more.
        invoice_number: the number of the invoice credited (BT-25).
        invoice_issue_date: that invoice's issue date (BT-26).
        currency: the currency of every line; by default the first line's.
        language: ``"fr"`` or ``"en"``, the language of its default texts.
        reason: why it is issued, such as users removed mid-term.

    The other arguments are the invoice's (:class:`~paxbill.ClientInvoice`),
    which :meth:`~paxbill.ClientInvoice.credit` repeats.

    Raises:
        InvalidInvoiceError: a VAT category and rate credited below zero.
        BusinessRuleError: a document that breaks a rule of EN 16931.
    """

    #: The UNTDID 1001 code of a credit note.
    TYPE_CODE = CREDIT_NOTE

    number: str = attrs.field(converter=to_number)
    issue_date: dt.date = attrs.field(validator=is_date)
    seller: Party = attrs.field(validator=instance_of(Party, "a Party"))
    buyer: Party = attrs.field(validator=instance_of(Party, "a Party"))
    lines: tuple[ClientInvoiceLine, ...] = attrs.field(converter=to_lines)
    invoice_number: str = attrs.field(converter=to_number)
    invoice_issue_date: dt.date = attrs.field(validator=is_date)
    currency: str = attrs.field(
        default=attrs.Factory(default_currency, takes_self=True),
        converter=currency_code,
    )
    language: str = attrs.field(default="fr", converter=to_language)
    reason: str | None = attrs.field(default=None, converter=_to_reason)
    buyer_reference: str | None = attrs.field(
        default=None, converter=to_buyer_reference
    )
    contract_reference: str | None = attrs.field(
        default=None,
        converter=to_contract_reference,
    )
    order_reference: str | None = attrs.field(
        default=None, converter=to_order_reference
    )
    business_process: str | None = attrs.field(
        default=None,
        converter=to_business_process,
    )
    notes: tuple[Note, ...] = attrs.field(
        default=attrs.Factory(default_notes, takes_self=True), converter=to_notes
    )
    allowances: tuple[Allowance, ...] = attrs.field(default=(), converter=to_allowances)
    charges: tuple[Charge, ...] = attrs.field(default=(), converter=to_charges)
    delivery: Delivery | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(
            instance_of(Delivery, "a Delivery or None")
        ),
    )
    service_period: BillingPeriod | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(
            instance_of(BillingPeriod, "a BillingPeriod or None")
        ),
    )
    vat_on_debits: bool = attrs.field(
        default=False, validator=instance_of(bool, "True or False")
    )
    vat_in_accounting_currency: Money | None = attrs.field(
        default=None, validator=optional_of(Money, "a Money")
    )
    _totals: Totals = attrs.field(init=False, repr=False, eq=False, alias="_totals")

    def __attrs_post_init__(self) -> None:
        check_currency(self)
        work_out_adjustments(self)
        work_out_totals(self)
        object.__setattr__(self, "delivery", with_delivery(self))
        refuse_problems(self)
        check_groups(self)
        if self.issue_date < self.invoice_issue_date:
            raise InvalidInvoiceError(
                self.invoice_number,
                f"credit note {self.number} is dated {self.issue_date}, before "
                f"the invoice it credits ({self.invoice_issue_date})",
            )
