"""paxbill: exact money for the Paxton Entry per-user subscription.

>>> from paxbill import Discount, Money, PerUserPrice
>>> PerUserPrice(Money("3.00", "EUR"), Discount(15)).monthly_total(70)
Money('178.50', 'EUR')
"""

import importlib
from typing import TYPE_CHECKING, Any

# Every public name is loaded on first use, from the module that defines it,
# so that ``import paxbill`` costs next to nothing and a command, a script or
# a notebook imports only the layers it uses. Type checkers and readers see
# the plain imports below.
if TYPE_CHECKING:
    from paxbill.clients.bundles import Bundle
    from paxbill.clients.cashflow import (
        CashFlowMonth,
        CashFlowProjection,
        Client,
        StrategyComparison,
        compare_billing,
        compare_strategies,
        project_cash_flow,
        rebill,
    )
    from paxbill.clients.contracts import (
        ClientContract,
        Installer,
        term_invoice_fields,
    )
    from paxbill.clients.invoicing.allowances import Allowance, Charge
    from paxbill.clients.invoicing.centralised import centralised_lines, coterm_line
    from paxbill.clients.invoicing.credit_notes import CreditNote
    from paxbill.clients.invoicing.delivery import Delivery
    from paxbill.clients.invoicing.en16931 import RuleProblem, en16931_problems
    from paxbill.clients.invoicing.invoices import (
        ClientInvoice,
        ClientInvoiceStatus,
        ClientPayment,
    )
    from paxbill.clients.invoicing.late_payment import (
        LatePaymentCharges,
        Reminder,
        late_payment_charges,
        reminder_schedule,
    )
    from paxbill.clients.invoicing.lines import ClientInvoiceLine
    from paxbill.clients.invoicing.notes import Note, legal_notes
    from paxbill.clients.invoicing.numbering import (
        NumberingReport,
        NumberSeries,
        check_numbering,
    )
    from paxbill.clients.invoicing.parties import Party
    from paxbill.clients.invoicing.payment_instructions import (
        PaymentInstructions,
        PaymentMeans,
    )
    from paxbill.clients.invoicing.payment_terms import PaymentTerms
    from paxbill.clients.invoicing.vat import VatBreakdown, VatCategory
    from paxbill.clients.ledger import ClientLedger, EntryKind, LedgerEntry
    from paxbill.clients.prepayment import (
        PrepaymentQuote,
        coterm_adjustment,
        quote_prepayment,
    )
    from paxbill.clients.proration import (
        ProrationMethod,
        months_in,
        period_fraction,
        prorate,
        split_over_periods,
    )
    from paxbill.clients.reviews import (
        BalanceReview,
        monthly_charge_dates,
        review_balance,
        term_usage_months,
    )
    from paxbill.core.discount import Discount
    from paxbill.core.exchange import ExchangeRate, RateTable
    from paxbill.core.money import Money, format_money, total
    from paxbill.core.periods import (
        BillingFrequency,
        BillingPeriod,
        BillingTerm,
        billing_periods,
    )
    from paxbill.core.pricing import PerUserPrice, paxton_price_of
    from paxbill.core.schedules import PriceSchedule, paxton_schedule
    from paxbill.exceptions import (
        AmountTypeError,
        ArgumentTypeError,
        AutopayRequiredError,
        BusinessRuleError,
        CreditExceedsInvoiceError,
        CurrencyMismatchError,
        DateOutOfRangeError,
        DuplicateNumberError,
        EInvoiceError,
        InvalidAllocationError,
        InvalidAmountError,
        InvalidContractError,
        InvalidCountError,
        InvalidDateError,
        InvalidDateRangeError,
        InvalidDiscountError,
        InvalidDocumentError,
        InvalidIdentifierError,
        InvalidInvoiceError,
        InvalidPartyError,
        InvalidPortfolioError,
        InvalidQuantityError,
        InvalidRateError,
        InvalidScheduleError,
        InvalidTextError,
        InvalidUserCountError,
        InvalidVatRateError,
        InvoiceAlreadyPaidError,
        MissingExtraError,
        MissingVatIdentifierError,
        NoExchangeRateError,
        OverpaymentError,
        PartOutsidePeriodError,
        PaxbillError,
        PaymentBeforeIssueError,
        PaymentMethodNotAllowedError,
        PeriodsNotContiguousError,
        PriceNotInForceError,
        RegisterError,
        StatedTotalError,
        UnknownCurrencyError,
        UnknownIdError,
        UnknownLocaleError,
        UnsupportedLanguageError,
        UnsupportedTermError,
    )
    from paxbill.io._labels import label
    from paxbill.io.cii import check_cii_xml, embed_cii_xml, to_cii_xml
    from paxbill.io.cii_reader import from_cii_xml
    from paxbill.io.dates import parse_date
    from paxbill.io.facturx_pdf import to_facturx_pdf
    from paxbill.io.frames import to_dataframe
    from paxbill.io.invoice_html import invoice_html
    from paxbill.io.notebook import InvoiceList, to_html
    from paxbill.io.plots import plot_activity, plot_cash_flow
    from paxbill.io.schemas import (
        json_schema,
        schema_names,
    )
    from paxbill.io.serialization import from_dict, to_dict
    from paxbill.io.ubl import to_ubl_xml
    from paxbill.io.ubl_reader import from_ubl_xml
    from paxbill.paxton.accounts import (
        Account,
        AccountType,
        PaymentMethod,
        autopay_date,
        due_date,
    )
    from paxbill.paxton.activity import AccountActivity, account_activity
    from paxbill.paxton.app_users import ActivityIndex, AppUser, AppUserColumns
    from paxbill.paxton.autopay import apply_automatic_payments
    from paxbill.paxton.counting import active_users, monthly_active_counts, user_days
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
    from paxbill.portfolio.what_if import PriceChangeEffect, price_change_effect
    from paxbill.register.month_end import LedgerDebit, MonthEndReport, run_month_end
    from paxbill.register.register import (
        PaxtonInvoiceCheck,
        Register,
        StoredReview,
        VerifyReport,
    )

_EXPORTS = {
    "Account": "paxbill.paxton.accounts",
    "AccountActivity": "paxbill.paxton.activity",
    "AccountType": "paxbill.paxton.accounts",
    "ActivityIndex": "paxbill.paxton.app_users",
    "Allowance": "paxbill.clients.invoicing.allowances",
    "AmountTypeError": "paxbill.exceptions",
    "AppUser": "paxbill.paxton.app_users",
    "AppUserColumns": "paxbill.paxton.app_users",
    "ArgumentTypeError": "paxbill.exceptions",
    "AutopayRequiredError": "paxbill.exceptions",
    "BalanceReview": "paxbill.clients.reviews",
    "BillingFrequency": "paxbill.core.periods",
    "BillingPeriod": "paxbill.core.periods",
    "BillingTerm": "paxbill.core.periods",
    "Bundle": "paxbill.clients.bundles",
    "BusinessRuleError": "paxbill.exceptions",
    "CashFlowMonth": "paxbill.clients.cashflow",
    "CashFlowProjection": "paxbill.clients.cashflow",
    "Charge": "paxbill.clients.invoicing.allowances",
    "Client": "paxbill.clients.cashflow",
    "ClientContract": "paxbill.clients.contracts",
    "ClientInvoice": "paxbill.clients.invoicing.invoices",
    "ClientInvoiceLine": "paxbill.clients.invoicing.lines",
    "ClientInvoiceStatus": "paxbill.clients.invoicing.invoices",
    "ClientLedger": "paxbill.clients.ledger",
    "ClientPayment": "paxbill.clients.invoicing.invoices",
    "CreditExceedsInvoiceError": "paxbill.exceptions",
    "CreditNote": "paxbill.clients.invoicing.credit_notes",
    "CurrencyMismatchError": "paxbill.exceptions",
    "DateOutOfRangeError": "paxbill.exceptions",
    "Delivery": "paxbill.clients.invoicing.delivery",
    "Discount": "paxbill.core.discount",
    "DuplicateNumberError": "paxbill.exceptions",
    "EInvoiceError": "paxbill.exceptions",
    "EntryKind": "paxbill.clients.ledger",
    "ExchangeRate": "paxbill.core.exchange",
    "Installer": "paxbill.clients.contracts",
    "InvalidAllocationError": "paxbill.exceptions",
    "InvalidAmountError": "paxbill.exceptions",
    "InvalidContractError": "paxbill.exceptions",
    "InvalidCountError": "paxbill.exceptions",
    "InvalidDateError": "paxbill.exceptions",
    "InvalidDateRangeError": "paxbill.exceptions",
    "InvalidDiscountError": "paxbill.exceptions",
    "InvalidDocumentError": "paxbill.exceptions",
    "InvalidIdentifierError": "paxbill.exceptions",
    "InvalidInvoiceError": "paxbill.exceptions",
    "InvalidPartyError": "paxbill.exceptions",
    "InvalidPortfolioError": "paxbill.exceptions",
    "InvalidQuantityError": "paxbill.exceptions",
    "InvalidRateError": "paxbill.exceptions",
    "InvalidScheduleError": "paxbill.exceptions",
    "InvalidTextError": "paxbill.exceptions",
    "InvalidUserCountError": "paxbill.exceptions",
    "InvalidVatRateError": "paxbill.exceptions",
    "Invoice": "paxbill.paxton.invoices",
    "InvoiceAlreadyPaidError": "paxbill.exceptions",
    "InvoiceLine": "paxbill.paxton.invoices",
    "InvoiceList": "paxbill.io.notebook",
    "InvoiceStatus": "paxbill.paxton.invoices",
    "LatePaymentCharges": "paxbill.clients.invoicing.late_payment",
    "LedgerDebit": "paxbill.register.month_end",
    "LedgerEntry": "paxbill.clients.ledger",
    "MissingExtraError": "paxbill.exceptions",
    "MissingVatIdentifierError": "paxbill.exceptions",
    "Money": "paxbill.core.money",
    "MonthEndReport": "paxbill.register.month_end",
    "NoExchangeRateError": "paxbill.exceptions",
    "Note": "paxbill.clients.invoicing.notes",
    "NumberSeries": "paxbill.clients.invoicing.numbering",
    "NumberingReport": "paxbill.clients.invoicing.numbering",
    "OverpaymentError": "paxbill.exceptions",
    "PartOutsidePeriodError": "paxbill.exceptions",
    "Party": "paxbill.clients.invoicing.parties",
    "PaxbillError": "paxbill.exceptions",
    "PaxtonInvoiceCheck": "paxbill.register.register",
    "Payment": "paxbill.paxton.invoices",
    "PaymentBeforeIssueError": "paxbill.exceptions",
    "PaymentInstructions": "paxbill.clients.invoicing.payment_instructions",
    "PaymentMeans": "paxbill.clients.invoicing.payment_instructions",
    "PaymentMethod": "paxbill.paxton.accounts",
    "PaymentMethodNotAllowedError": "paxbill.exceptions",
    "PaymentTerms": "paxbill.clients.invoicing.payment_terms",
    "PerUserPrice": "paxbill.core.pricing",
    "PeriodsNotContiguousError": "paxbill.exceptions",
    "Portfolio": "paxbill.portfolio.sites",
    "PortfolioResult": "paxbill.portfolio.billing",
    "PrepaymentQuote": "paxbill.clients.prepayment",
    "PriceChangeEffect": "paxbill.portfolio.what_if",
    "PriceNotInForceError": "paxbill.exceptions",
    "PriceSchedule": "paxbill.core.schedules",
    "ProrationMethod": "paxbill.clients.proration",
    "RateTable": "paxbill.core.exchange",
    "Register": "paxbill.register.register",
    "RegisterError": "paxbill.exceptions",
    "Reminder": "paxbill.clients.invoicing.late_payment",
    "RuleProblem": "paxbill.clients.invoicing.en16931",
    "Site": "paxbill.portfolio.sites",
    "StatedTotalError": "paxbill.exceptions",
    "StoredReview": "paxbill.register.register",
    "StrategyComparison": "paxbill.clients.cashflow",
    "UnknownCurrencyError": "paxbill.exceptions",
    "UnknownIdError": "paxbill.exceptions",
    "UnknownLocaleError": "paxbill.exceptions",
    "UnsupportedLanguageError": "paxbill.exceptions",
    "UnsupportedTermError": "paxbill.exceptions",
    "VatBreakdown": "paxbill.clients.invoicing.vat",
    "VatCategory": "paxbill.clients.invoicing.vat",
    "VerifyReport": "paxbill.register.register",
    "account_activity": "paxbill.paxton.activity",
    "active_users": "paxbill.paxton.counting",
    "apply_automatic_payments": "paxbill.paxton.autopay",
    "autopay_date": "paxbill.paxton.accounts",
    "bill_portfolio": "paxbill.portfolio.billing",
    "billing_periods": "paxbill.core.periods",
    "centralised_lines": "paxbill.clients.invoicing.centralised",
    "check_cii_xml": "paxbill.io.cii",
    "check_numbering": "paxbill.clients.invoicing.numbering",
    "compare_billing": "paxbill.clients.cashflow",
    "compare_strategies": "paxbill.clients.cashflow",
    "coterm_adjustment": "paxbill.clients.prepayment",
    "coterm_line": "paxbill.clients.invoicing.centralised",
    "due_date": "paxbill.paxton.accounts",
    "embed_cii_xml": "paxbill.io.cii",
    "en16931_problems": "paxbill.clients.invoicing.en16931",
    "estimate_next_invoice": "paxbill.paxton.invoices",
    "format_money": "paxbill.core.money",
    "from_cii_xml": "paxbill.io.cii_reader",
    "from_dict": "paxbill.io.serialization",
    "from_ubl_xml": "paxbill.io.ubl_reader",
    "invoice_html": "paxbill.io.invoice_html",
    "issue_invoice": "paxbill.paxton.invoices",
    "json_schema": "paxbill.io.schemas",
    "label": "paxbill.io._labels",
    "late_payment_charges": "paxbill.clients.invoicing.late_payment",
    "legal_notes": "paxbill.clients.invoicing.notes",
    "monthly_active_counts": "paxbill.paxton.counting",
    "monthly_charge_dates": "paxbill.clients.reviews",
    "months_in": "paxbill.clients.proration",
    "parse_date": "paxbill.io.dates",
    "paxton_price_of": "paxbill.core.pricing",
    "paxton_schedule": "paxbill.core.schedules",
    "period_fraction": "paxbill.clients.proration",
    "plot_activity": "paxbill.io.plots",
    "plot_cash_flow": "paxbill.io.plots",
    "price_change_effect": "paxbill.portfolio.what_if",
    "project_cash_flow": "paxbill.clients.cashflow",
    "prorate": "paxbill.clients.proration",
    "quote_prepayment": "paxbill.clients.prepayment",
    "rebill": "paxbill.clients.cashflow",
    "reminder_schedule": "paxbill.clients.invoicing.late_payment",
    "review_balance": "paxbill.clients.reviews",
    "run_month_end": "paxbill.register.month_end",
    "schema_names": "paxbill.io.schemas",
    "site_review": "paxbill.portfolio.billing",
    "split_over_periods": "paxbill.clients.proration",
    "term_invoice_fields": "paxbill.clients.contracts",
    "term_usage_months": "paxbill.clients.reviews",
    "to_cii_xml": "paxbill.io.cii",
    "to_dataframe": "paxbill.io.frames",
    "to_dict": "paxbill.io.serialization",
    "to_facturx_pdf": "paxbill.io.facturx_pdf",
    "to_html": "paxbill.io.notebook",
    "to_ubl_xml": "paxbill.io.ubl",
    "total": "paxbill.core.money",
    "user_days": "paxbill.paxton.counting",
}


def __getattr__(name: str) -> Any:
    if name == "__version__":
        # From the installed metadata, read the first time it is asked for.
        from importlib.metadata import version

        value = globals()[name] = version("paxbill")
        return value
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'paxbill' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "Account",
    "AccountActivity",
    "AccountType",
    "ActivityIndex",
    "Allowance",
    "AmountTypeError",
    "AppUser",
    "AppUserColumns",
    "ArgumentTypeError",
    "AutopayRequiredError",
    "BalanceReview",
    "BillingFrequency",
    "BillingPeriod",
    "BillingTerm",
    "Bundle",
    "BusinessRuleError",
    "CashFlowMonth",
    "CashFlowProjection",
    "Charge",
    "Client",
    "ClientContract",
    "ClientInvoice",
    "ClientInvoiceLine",
    "ClientInvoiceStatus",
    "ClientLedger",
    "ClientPayment",
    "CreditExceedsInvoiceError",
    "CreditNote",
    "CurrencyMismatchError",
    "DateOutOfRangeError",
    "Delivery",
    "Discount",
    "DuplicateNumberError",
    "EInvoiceError",
    "EntryKind",
    "ExchangeRate",
    "Installer",
    "InvalidAllocationError",
    "InvalidAmountError",
    "InvalidContractError",
    "InvalidCountError",
    "InvalidDateError",
    "InvalidDateRangeError",
    "InvalidDiscountError",
    "InvalidDocumentError",
    "InvalidIdentifierError",
    "InvalidInvoiceError",
    "InvalidPartyError",
    "InvalidPortfolioError",
    "InvalidQuantityError",
    "InvalidRateError",
    "InvalidScheduleError",
    "InvalidTextError",
    "InvalidUserCountError",
    "InvalidVatRateError",
    "Invoice",
    "InvoiceAlreadyPaidError",
    "InvoiceLine",
    "InvoiceList",
    "InvoiceStatus",
    "LatePaymentCharges",
    "LedgerDebit",
    "LedgerEntry",
    "MissingExtraError",
    "MissingVatIdentifierError",
    "Money",
    "MonthEndReport",
    "NoExchangeRateError",
    "Note",
    "NumberSeries",
    "NumberingReport",
    "OverpaymentError",
    "PartOutsidePeriodError",
    "Party",
    "PaxbillError",
    "PaxtonInvoiceCheck",
    "Payment",
    "PaymentBeforeIssueError",
    "PaymentInstructions",
    "PaymentMeans",
    "PaymentMethod",
    "PaymentMethodNotAllowedError",
    "PaymentTerms",
    "PerUserPrice",
    "PeriodsNotContiguousError",
    "Portfolio",
    "PortfolioResult",
    "PrepaymentQuote",
    "PriceChangeEffect",
    "PriceNotInForceError",
    "PriceSchedule",
    "ProrationMethod",
    "RateTable",
    "Register",
    "RegisterError",
    "Reminder",
    "RuleProblem",
    "Site",
    "StatedTotalError",
    "StoredReview",
    "StrategyComparison",
    "UnknownCurrencyError",
    "UnknownIdError",
    "UnknownLocaleError",
    "UnsupportedLanguageError",
    "UnsupportedTermError",
    "VatBreakdown",
    "VatCategory",
    "VerifyReport",
    "__version__",
    "account_activity",
    "active_users",
    "apply_automatic_payments",
    "autopay_date",
    "bill_portfolio",
    "billing_periods",
    "centralised_lines",
    "check_cii_xml",
    "check_numbering",
    "compare_billing",
    "compare_strategies",
    "coterm_adjustment",
    "coterm_line",
    "due_date",
    "embed_cii_xml",
    "en16931_problems",
    "estimate_next_invoice",
    "format_money",
    "from_cii_xml",
    "from_dict",
    "from_ubl_xml",
    "invoice_html",
    "issue_invoice",
    "json_schema",
    "label",
    "late_payment_charges",
    "legal_notes",
    "monthly_active_counts",
    "monthly_charge_dates",
    "months_in",
    "parse_date",
    "paxton_price_of",
    "paxton_schedule",
    "period_fraction",
    "plot_activity",
    "plot_cash_flow",
    "price_change_effect",
    "project_cash_flow",
    "prorate",
    "quote_prepayment",
    "rebill",
    "reminder_schedule",
    "review_balance",
    "run_month_end",
    "schema_names",
    "site_review",
    "split_over_periods",
    "term_invoice_fields",
    "term_usage_months",
    "to_cii_xml",
    "to_dataframe",
    "to_dict",
    "to_facturx_pdf",
    "to_html",
    "to_ubl_xml",
    "total",
    "user_days",
]


def _notebook_html(value: object) -> str:
    """A value object's HTML in Jupyter, from the doors, loaded on first use."""
    from paxbill.io.notebook import to_html

    return to_html(value)


# The package root stands above every layer: it gives the domain the doors'
# HTML, so that no module of the domain imports them (core/_notebook.py).
importlib.import_module("paxbill.core._notebook").show_with(_notebook_html)
