"""The words paxbill shows people, in English and French.

>>> from paxbill import InvoiceStatus, label
>>> label(InvoiceStatus.OVERDUE, "fr_FR"), label(InvoiceStatus.OVERDUE, "en_GB")
('en retard', 'overdue')
"""

from __future__ import annotations

import enum

from paxbill.clients.invoicing.invoices import ClientInvoiceStatus, PaymentMeans
from paxbill.core.periods import BillingFrequency, BillingTerm
from paxbill.exceptions import ArgumentTypeError
from paxbill.io._words import language, text
from paxbill.paxton.accounts import AccountType, PaymentMethod
from paxbill.paxton.invoices import InvoiceStatus

__all__ = ["label"]

# The French words are the portal's own, in lower case.
_ENUM_LABELS: dict[str, dict[enum.Enum, str]] = {
    "en": {
        InvoiceStatus.INVOICED: "invoiced",
        InvoiceStatus.OVERDUE: "overdue",
        InvoiceStatus.PAID: "paid",
        PaymentMethod.MANUAL: "manual",
        PaymentMethod.AUTOMATIC: "automatic",
        AccountType.APPROVED_INSTALLER: "approved installer",
        AccountType.SYSTEM_MANAGER: "system manager",
        BillingFrequency.MONTHLY: "monthly",
        BillingFrequency.QUARTERLY: "quarterly",
        BillingFrequency.ANNUAL: "annual",
        ClientInvoiceStatus.ISSUED: "issued",
        ClientInvoiceStatus.PARTIALLY_PAID: "partially paid",
        ClientInvoiceStatus.PAID: "paid",
        ClientInvoiceStatus.OVERDUE: "overdue",
        ClientInvoiceStatus.CREDITED: "credited",
        PaymentMeans.CASH: "cash",
        PaymentMeans.CHEQUE: "cheque",
        PaymentMeans.CREDIT_TRANSFER: "credit transfer",
        PaymentMeans.CARD: "card",
        PaymentMeans.SEPA_CREDIT_TRANSFER: "SEPA credit transfer",
        PaymentMeans.SEPA_DIRECT_DEBIT: "SEPA direct debit",
    },
    "fr": {
        InvoiceStatus.INVOICED: "facture",
        InvoiceStatus.OVERDUE: "en retard",
        InvoiceStatus.PAID: "payé",
        PaymentMethod.MANUAL: "manuel",
        PaymentMethod.AUTOMATIC: "automatique",
        AccountType.APPROVED_INSTALLER: "installateur agréé",
        AccountType.SYSTEM_MANAGER: "gestionnaire de système",
        BillingFrequency.MONTHLY: "mensuel",
        BillingFrequency.QUARTERLY: "trimestriel",
        BillingFrequency.ANNUAL: "annuel",
        ClientInvoiceStatus.ISSUED: "émise",
        ClientInvoiceStatus.PARTIALLY_PAID: "partiellement payée",
        ClientInvoiceStatus.PAID: "payée",
        ClientInvoiceStatus.OVERDUE: "en retard",
        ClientInvoiceStatus.CREDITED: "annulée par avoir",
        PaymentMeans.CASH: "espèces",
        PaymentMeans.CHEQUE: "chèque",
        PaymentMeans.CREDIT_TRANSFER: "virement",
        PaymentMeans.CARD: "carte bancaire",
        PaymentMeans.SEPA_CREDIT_TRANSFER: "virement SEPA",
        PaymentMeans.SEPA_DIRECT_DEBIT: "prélèvement SEPA",
    },
}


def label(value: enum.Enum | BillingTerm | None, locale: object) -> str:
    """Return the word for one of paxbill's enums in the language of *locale*.

    It names invoice states, payment methods, account types, billing
    frequencies and terms, in English where paxbill has no words in that
    language. None, the type of an unpaid invoice, is ``"-"``.

    Raises:
        ArgumentTypeError: *value* is not one of those enums.
        UnknownLocaleError: babel does not know *locale*.

    >>> from paxbill import AccountType
    >>> label(AccountType.APPROVED_INSTALLER, "fr_FR")
    'installateur agréé'
    >>> label(None, "fr_FR"), label(BillingTerm(6), "fr_FR")
    ('-', '6 mois')
    """
    words = _ENUM_LABELS[language(locale)]
    if value is None:
        return "-"
    if isinstance(value, BillingTerm):
        return text("term", locale).format(months=value.months)
    try:
        return words[value]
    except (KeyError, TypeError):
        raise ArgumentTypeError(
            value,
            "an InvoiceStatus, PaymentMethod, AccountType, BillingFrequency or"
            " BillingTerm",
            what="value to label",
        ) from None
