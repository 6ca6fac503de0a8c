"""paxbill: exact money for the Paxton Entry per-user subscription.

>>> from paxbill import Discount, Money, PerUserPrice
>>> PerUserPrice(Money("3.00", "EUR"), Discount(15)).monthly_total(70)
Money('178.50', 'EUR')
"""

from paxbill._labels import label
from paxbill.accounts import (
    Account,
    AccountType,
    PaymentMethod,
    autopay_date,
    due_date,
)
from paxbill.activity import AccountActivity, account_activity
from paxbill.autopay import apply_automatic_payments
from paxbill.discount import Discount
from paxbill.exceptions import (
    AmountTypeError,
    ArgumentTypeError,
    AutopayRequiredError,
    CurrencyMismatchError,
    InvalidAllocationError,
    InvalidAmountError,
    InvalidCountError,
    InvalidDateRangeError,
    InvalidDiscountError,
    InvalidUserCountError,
    InvoiceAlreadyPaidError,
    PaxbillError,
    PaymentBeforeIssueError,
    PaymentMethodNotAllowedError,
    UnknownCurrencyError,
    UnknownLocaleError,
)
from paxbill.formatting import format_money
from paxbill.invoices import (
    Invoice,
    InvoiceLine,
    InvoiceStatus,
    Payment,
    estimate_next_invoice,
    issue_invoice,
)
from paxbill.money import Money, total
from paxbill.periods import BillingFrequency, BillingPeriod, billing_periods
from paxbill.pricing import PerUserPrice
from paxbill.usage import AppUser, active_users, user_days

__version__ = "0.1.0"

__all__ = [
    "Account",
    "AccountActivity",
    "AccountType",
    "AmountTypeError",
    "AppUser",
    "ArgumentTypeError",
    "AutopayRequiredError",
    "BillingFrequency",
    "BillingPeriod",
    "CurrencyMismatchError",
    "Discount",
    "InvalidAllocationError",
    "InvalidAmountError",
    "InvalidCountError",
    "InvalidDateRangeError",
    "InvalidDiscountError",
    "InvalidUserCountError",
    "Invoice",
    "InvoiceAlreadyPaidError",
    "InvoiceLine",
    "InvoiceStatus",
    "Money",
    "PaxbillError",
    "Payment",
    "PaymentBeforeIssueError",
    "PaymentMethod",
    "PaymentMethodNotAllowedError",
    "PerUserPrice",
    "UnknownCurrencyError",
    "UnknownLocaleError",
    "__version__",
    "account_activity",
    "active_users",
    "apply_automatic_payments",
    "autopay_date",
    "billing_periods",
    "due_date",
    "estimate_next_invoice",
    "format_money",
    "issue_invoice",
    "label",
    "total",
    "user_days",
]
