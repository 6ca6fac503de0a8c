"""The vendor's note's figures, shared by the tests as ready-made objects."""

from __future__ import annotations

import datetime as dt

from paxbill import (
    Account,
    AccountType,
    BillingPeriod,
    Discount,
    Invoice,
    Money,
    PaymentMethod,
    PerUserPrice,
    issue_invoice,
)

#: The portal's price: EUR 3.00 less the 15 % partner discount, EUR 2.55 net.
PORTAL_PRICE = PerUserPrice(Money("3.00", "EUR"), Discount(15))
INSTALLER = Account("INST-1", AccountType.APPROVED_INSTALLER)
MANAGER = Account("SM-1", AccountType.SYSTEM_MANAGER)


def portal_invoices() -> list[Invoice]:
    """The portal's three invoices, newest first, the oldest paid by hand."""
    march, april, may = (BillingPeriod.month(2024, m) for m in (3, 4, 5))
    paid = issue_invoice(335216, INSTALLER, PORTAL_PRICE, 70, march).pay(
        dt.date(2024, 4, 20), PaymentMethod.MANUAL
    )
    overdue = issue_invoice(335217, INSTALLER, PORTAL_PRICE, 70, april)
    invoiced = issue_invoice(335218, INSTALLER, PORTAL_PRICE, 70, may)
    return [invoiced, overdue, paid]
