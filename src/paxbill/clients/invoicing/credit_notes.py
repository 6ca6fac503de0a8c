"""A credit note: what the installer gives back on one of its invoices.

A credit note (EN 16931 type 381) has lines, VAT and totals like an
invoice, all positive, and names the invoice it credits. Make one with
:meth:`ClientInvoice.credit <paxbill.ClientInvoice.credit>`, which checks
that it never credits more than was invoiced.
"""

from __future__ import annotations

import datetime as dt

import attrs

from paxbill.clients.invoicing._document import (
    DocumentTotals,
    check_document,
    default_currency,
    to_lines,
    to_number,
)
from paxbill.clients.invoicing.lines import ClientInvoiceLine
from paxbill.clients.invoicing.parties import Party
from paxbill.clients.invoicing.vat import to_language
from paxbill.core._currency import currency_code
from paxbill.core._notebook import ShowsInNotebook
from paxbill.core._validators import instance_of, is_date
from paxbill.exceptions import InvalidInvoiceError

__all__ = ["CreditNote"]


def _to_reason(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


@attrs.frozen
class CreditNote(DocumentTotals, ShowsInNotebook):
    """A credit note on an invoice: EN 16931 document type 381.

    Args:
        number: its number, in its own series or the invoices'.
        issue_date: the day it is issued, on or after the invoice's.
        seller: the installer, as on the invoice.
        buyer: the client, as on the invoice.
        lines: what is credited, at least one line, all positive.
        invoice_number: the number of the invoice credited (BT-25).
        invoice_issue_date: that invoice's issue date (BT-26).
        currency: the currency of every line; by default the first line's.
        language: ``"fr"`` or ``"en"``, the language of its default texts.
        reason: why it is issued, such as users removed mid-term.
    """

    #: The UNTDID 1001 code of a credit note.
    TYPE_CODE = "381"

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

    def __attrs_post_init__(self) -> None:
        check_document(self.lines, self.currency, self.seller, self.buyer)
        if self.issue_date < self.invoice_issue_date:
            raise InvalidInvoiceError(
                self.invoice_number,
                f"credit note {self.number} is dated {self.issue_date}, before "
                f"the invoice it credits ({self.invoice_issue_date})",
            )
