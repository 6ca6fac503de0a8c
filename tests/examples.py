"""The vendor's note's figures, shared by the tests as ready-made objects."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from paxbill import (
    Account,
    AccountType,
    BillingPeriod,
    ClientInvoice,
    ClientInvoiceLine,
    Discount,
    Invoice,
    Money,
    Party,
    PaxbillError,
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


# -- the installer's own invoices -------------------------------------------

#: The installer, with its VAT identifier and address.
SELLER = Party(
    "Sécurité Dupont SARL",
    "FR",
    vat_id="FR40303265045",
    address=["12 rue des Lilas", "75011 Paris"],
)
#: A French client with a VAT identifier.
BUYER = Party("Résidence Les Tilleuls", "FR", vat_id="FR83404833048")
#: A German client, for reverse charge.
FOREIGN_BUYER = Party("Schmidt Hausverwaltung GmbH", "DE", vat_id="DE123456789")


def eur(amount: str) -> Money:
    """An amount in euros."""
    return Money(amount, "EUR")


def centralised_invoice() -> ClientInvoice:
    """The issue's example: app users and maintenance at 20 %, a line at 5.5 %."""
    return ClientInvoice(
        "F2024-0001",
        dt.date(2024, 1, 2),
        SELLER,
        BUYER,
        [
            ClientInvoiceLine("Entry app users", 70, eur("4.00"), "S", "20"),
            ClientInvoiceLine("Maintenance", 1, eur("150.00"), "S", "20"),
            ClientInvoiceLine("Works in a dwelling", 1, eur("80.00"), "S", "5.5"),
        ],
    )


#: What a payment means must be, as its refusal says.
MEANS = (
    "a PaymentMeans or one of 'cash', 'cheque', 'credit_transfer', 'card', "
    "'sepa_credit_transfer', 'sepa_direct_debit'"
)


def refusal(call: Callable[[], object]) -> str:
    """The message of the paxbill error *call* raises; fails if it raises none."""
    with pytest.raises(PaxbillError) as refused:
        call()
    return str(refused.value)
