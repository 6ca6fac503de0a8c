"""paxbill: exact money for the Paxton Entry per-user subscription.

>>> from paxbill import Discount, Money, PerUserPrice
>>> PerUserPrice(Money("3.00", "EUR"), Discount(15)).monthly_total(70)
Money('178.50', 'EUR')
"""

import importlib
from typing import TYPE_CHECKING, Any

from paxbill.clients.balances import (
    BalanceReview,
    ClientLedger,
    EntryKind,
    LedgerEntry,
    monthly_charge_dates,
    review_balance,
)
from paxbill.clients.bundles import Bundle
from paxbill.clients.cashflow import (
    CashFlowMonth,
    CashFlowProjection,
    Client,
    StrategyComparison,
    compare_strategies,
    project_cash_flow,
    rebill,
)
from paxbill.clients.prepayment import (
    PrepaymentQuote,
    coterm_adjustment,
    quote_prepayment,
)
from paxbill.clients.proration import (
    ProrationMethod,
    period_fraction,
    prorate,
    split_over_periods,
)
from paxbill.core.discount import Discount
from paxbill.core.formatting import format_money
from paxbill.core.money import Money, total
from paxbill.core.periods import BillingFrequency, BillingPeriod, billing_periods
from paxbill.core.pricing import PerUserPrice, paxton_price_of
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
from paxbill.paxton.accounts import (
    Account,
    AccountType,
    PaymentMethod,
    autopay_date,
    due_date,
)
from paxbill.paxton.activity import AccountActivity, account_activity
from paxbill.paxton.app_users import (
    ActivityIndex,
    AppUser,
    active_users,
    monthly_active_counts,
    user_days,
)
from paxbill.paxton.autopay import apply_automatic_payments
from paxbill.paxton.invoices import (
    Invoice,
    InvoiceLine,
    InvoiceStatus,
    Payment,
    estimate_next_invoice,
    issue_invoice,
)
from paxbill.portfolio.billing import PortfolioResult, bill_portfolio, site_review
from paxbill.portfolio.sites import Portfolio, Site

# The doors (JSON, HTML, frames, charts, labels) stand above the domain and
# load only when one of their names is first used, so that ``import paxbill``
# stays light; type checkers see them as plain imports.
_DOORS = {
    "InvoiceList": "paxbill.io.notebook",
    "from_dict": "paxbill.io.serialization",
    "label": "paxbill.io._labels",
    "plot_activity": "paxbill.io.plots",
    "plot_cash_flow": "paxbill.io.plots",
    "to_dataframe": "paxbill.io.frames",
    "to_dict": "paxbill.io.serialization",
    "to_html": "paxbill.io.notebook",
}

if TYPE_CHECKING:
    from paxbill.io._labels import label
    from paxbill.io.frames import to_dataframe
    from paxbill.io.notebook import InvoiceList, to_html
    from paxbill.io.plots import plot_activity, plot_cash_flow
    from paxbill.io.serialization import from_dict, to_dict


def __getattr__(name: str) -> Any:
    module = _DOORS.get(name)
    if module is None:
        raise AttributeError(f"module 'paxbill' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


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
