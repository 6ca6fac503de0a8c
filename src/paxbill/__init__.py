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
from paxbill.balances import (
    BalanceReview,
    ClientLedger,
    EntryKind,
    LedgerEntry,
    monthly_charge_dates,
    review_balance,
)
from paxbill.bundles import Bundle
from paxbill.cashflow import (
    CashFlowMonth,
    CashFlowProjection,
    Client,
    StrategyComparison,
    compare_strategies,
    project_cash_flow,
    rebill,
)
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
    InvalidDocumentError,
    InvalidPortfolioError,
    InvalidUserCountError,
    InvoiceAlreadyPaidError,
    MissingExtraError,
    PartOutsidePeriodError,
    PaxbillError,
    PaymentBeforeIssueError,
    PaymentMethodNotAllowedError,
    PeriodsNotContiguousError,
    UnknownCurrencyError,
    UnknownIdError,
    UnknownLocaleError,
)
from paxbill.formatting import format_money
from paxbill.frames import to_dataframe
from paxbill.invoices import (
    Invoice,
    InvoiceLine,
    InvoiceStatus,
    Payment,
    estimate_next_invoice,
    issue_invoice,
)
from paxbill.money import Money, total
from paxbill.notebook import InvoiceList, to_html
from paxbill.periods import BillingFrequency, BillingPeriod, billing_periods
from paxbill.plots import plot_activity, plot_cash_flow
from paxbill.portfolio import (
    Portfolio,
    PortfolioResult,
    Site,
    bill_portfolio,
    site_review,
)
from paxbill.prepayment import PrepaymentQuote, coterm_adjustment, quote_prepayment
from paxbill.pricing import PerUserPrice, paxton_price_of
from paxbill.proration import (
    ProrationMethod,
    period_fraction,
    prorate,
    split_over_periods,
)
from paxbill.serialization import from_dict, to_dict
from paxbill.usage import (
    ActivityIndex,
    AppUser,
    active_users,
    monthly_active_counts,
    user_days,
)

__version__ = "0.1.0"

__all__ = [
    "Account",
    "AccountActivity",
    "AccountType",
    "ActivityIndex",
    "AmountTypeError",
    "AppUser",
    "ArgumentTypeError",
    "AutopayRequiredError",
    "BalanceReview",
    "BillingFrequency",
    "BillingPeriod",
    "Bundle",
    "CashFlowMonth",
    "CashFlowProjection",
    "Client",
    "ClientLedger",
    "CurrencyMismatchError",
    "Discount",
    "EntryKind",
    "InvalidAllocationError",
    "InvalidAmountError",
    "InvalidCountError",
    "InvalidDateRangeError",
    "InvalidDiscountError",
    "InvalidDocumentError",
    "InvalidPortfolioError",
    "InvalidUserCountError",
    "Invoice",
    "InvoiceAlreadyPaidError",
    "InvoiceLine",
    "InvoiceList",
    "InvoiceStatus",
    "LedgerEntry",
    "MissingExtraError",
    "Money",
    "PartOutsidePeriodError",
    "PaxbillError",
    "Payment",
    "PaymentBeforeIssueError",
    "PaymentMethod",
    "PaymentMethodNotAllowedError",
    "PerUserPrice",
    "PeriodsNotContiguousError",
    "Portfolio",
    "PortfolioResult",
    "PrepaymentQuote",
    "ProrationMethod",
    "Site",
    "StrategyComparison",
    "UnknownCurrencyError",
    "UnknownIdError",
    "UnknownLocaleError",
    "__version__",
    "account_activity",
    "active_users",
    "apply_automatic_payments",
    "autopay_date",
    "bill_portfolio",
    "billing_periods",
    "compare_strategies",
    "coterm_adjustment",
    "due_date",
    "estimate_next_invoice",
    "format_money",
    "from_dict",
    "issue_invoice",
    "label",
    "monthly_active_counts",
    "monthly_charge_dates",
    "paxton_price_of",
    "period_fraction",
    "plot_activity",
    "plot_cash_flow",
    "project_cash_flow",
    "prorate",
    "quote_prepayment",
    "rebill",
    "review_balance",
    "site_review",
    "split_over_periods",
    "to_dataframe",
    "to_dict",
    "to_html",
    "total",
    "user_days",
]
