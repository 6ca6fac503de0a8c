"""Automatic payment: the invoices as they stand once Paxton has taken its due.

>>> from datetime import date
>>> from paxbill import Account, AccountType, BillingPeriod, Money, PerUserPrice
>>> from paxbill import issue_invoice
>>> account = Account("SM-1", AccountType.SYSTEM_MANAGER)
>>> price = PerUserPrice(Money("3.00", "EUR"), 15)
>>> invoice = issue_invoice(1, account, price, 70, BillingPeriod.month(2024, 5))
>>> [i.method for i in apply_automatic_payments([invoice], date(2024, 6, 1))]
[<PaymentMethod.AUTOMATIC: 'automatic'>]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from paxbill.core._dates import to_date
from paxbill.exceptions import ArgumentTypeError
from paxbill.paxton.accounts import PaymentMethod
from paxbill.paxton.invoices import Invoice

__all__ = ["apply_automatic_payments"]


def apply_automatic_payments(
    invoices: Iterable[Invoice], as_of: dt.date
) -> tuple[Invoice, ...]:
    """Return *invoices* with the automatic payments taken by *as_of* recorded.

    An unpaid invoice of an account with autopay on is paid automatically on
    its automatic-payment date, if that date is on or before *as_of*. Other
    invoices are returned as they are, in the same order.

    Raises:
        ArgumentTypeError: an item is not an Invoice.
    """
    return tuple(each_settled(invoices, to_date(as_of, what="as_of")))


def each_settled(invoices: Iterable[Invoice], as_of: dt.date) -> Iterator[Invoice]:
    """:func:`apply_automatic_payments` one invoice at a time, for a long stream.

    *as_of* must already be a date; each item is checked as it comes.
    """
    for invoice in invoices:
        if not isinstance(invoice, Invoice):
            raise ArgumentTypeError(invoice, "an Invoice", what="each invoice")
        taken_on = invoice.autopay_date
        if invoice.payment is None and taken_on is not None and taken_on <= as_of:
            invoice = invoice.pay(taken_on, PaymentMethod.AUTOMATIC)
        yield invoice
