"""The words paxbill shows people, in English, and their translations.

The English words are written here, each with its key as gettext's context;
the other languages are gettext catalogs, one ``.po`` file each under
``paxbill/locale/<language>/LC_MESSAGES/``, kept with babel's message tools
(``nox -s catalogs`` extracts, updates and compiles them). A translator adds
a language with one ``.po`` file; a word missing from it is shown in English.

>>> text("discount", "fr_FR"), text("discount", "de_DE"), text("discount", "en_GB")
('Remise partenaire', 'Partnerrabatt', 'Partner discount')
"""

from __future__ import annotations

import io
import os
from functools import cache

from babel.support import NullTranslations, Translations

from paxbill.core.formatting import parse_locale

__all__ = ["DOMAIN", "language", "languages", "text"]

#: The gettext domain of paxbill's catalogs.
DOMAIN = "paxbill"


def NC_(context: str, message: str) -> tuple[str, str]:
    """Mark *message* for translation under *context*: its key."""
    return context, message


#: Every word, by key: the key is the message's gettext context.
_MESSAGES = dict(
    [
        NC_("term", "{months} months"),
        NC_("estimate.title", "Paxton Entry: estimated next invoice"),
        NC_("list_price", "List price per app user per month"),
        NC_("discount", "Partner discount"),
        NC_("net_price", "Net price per app user per month"),
        NC_("users", "Active app users"),
        NC_("total", "Estimated monthly total"),
        NC_("invoices.title", "Invoices on {date}"),
        NC_("col.number", "No."),
        NC_("col.date", "Date"),
        NC_("col.total", "Total"),
        NC_("col.type", "Type"),
        NC_("col.state", "State"),
        NC_("col.due", "Due"),
        NC_("quote.title", "Prepayment quote"),
        NC_("quote.period", "Term"),
        NC_("quote.frequency", "Billing"),
        NC_("quote.months", "Months"),
        NC_("quote.total", "To bill in advance"),
        NC_("prorate.title", "Proration"),
        NC_("prorate.amount", "Amount for the period"),
        NC_("prorate.period", "Period"),
        NC_("prorate.part", "Part"),
        NC_("prorate.method", "Method"),
        NC_("prorate.share", "Share for the part"),
        NC_("method.days", "by days"),
        NC_("method.months", "by months"),
        NC_("review.title", "Prepaid balance review"),
        NC_("review.balance", "Balance"),
        NC_("review.monthly_cost", "Monthly charge"),
        NC_("review.remaining", "Charges remaining"),
        NC_("review.covered", "Charges covered"),
        NC_("review.shortfall", "Shortfall"),
        NC_("review.runs_out_on", "Runs out on"),
        NC_(
            "review.sufficient",
            "The balance pays every charge until the end of the term.",
        ),
        NC_("review.short", "The balance does not pay every charge: bill the client."),
        NC_("bundle.title.monthly", "Bundled contract (monthly fee)"),
        NC_("bundle.title.annual", "Bundled contract (annual fee)"),
        NC_("bundle.fee", "Fee"),
        NC_("bundle.app_cost", "Entry app cost"),
        NC_("bundle.app_share", "App's share of the fee"),
        NC_("bundle.other_costs", "Other services"),
        NC_("bundle.margin", "Margin"),
        NC_("bundle.break_even", "Users from which the fee falls short"),
        NC_("compare.title", "Cash flow over {months} months from {start}"),
        NC_("compare.as_billed", "as billed"),
        NC_("col.strategy", "Strategy"),
        NC_("col.lowest", "Lowest position"),
        NC_("col.red", "Months in red"),
        NC_("col.in", "Money in"),
        NC_("col.out", "Paid to Paxton"),
        NC_("col.net", "Net"),
        NC_("html.invoice", "Invoice"),
        NC_("html.ledger", "Ledger of"),
        NC_("html.credit", "credit"),
        NC_("html.debit", "debit"),
        NC_("html.projection", "Cash-flow projection"),
        NC_("html.comparison", "Billing strategies compared"),
        NC_("col.description", "Description"),
        NC_("col.quantity", "Quantity"),
        NC_("col.unit_price", "Unit price"),
        NC_("col.amount", "Amount"),
        NC_("col.kind", "Entry"),
        NC_("col.balance", "Balance"),
        NC_("col.month", "Month"),
        NC_("col.position", "Position"),
        NC_("plot.activity", "Account activity"),
        NC_("plot.cash_flow", "Cash position at the end of each month"),
        NC_(
            "demo.intro",
            "paxbill demo: the vendor's application note, worked through "
            "on a sample installer account.",
        ),
        NC_("demo.estimate", "The portal's estimate of the next invoice"),
        NC_("demo.invoices", "The portal's invoices and their states"),
        NC_("demo.quote", "Billing a client a year in advance (the note's UK example)"),
        NC_("demo.review", "The monthly review of a prepaid balance"),
        NC_("demo.prorate", "Charging for part of a term, by days"),
        NC_("demo.bundle", "A bundled contract: the app's share of its fee"),
        NC_("demo.client_invoice", "The installer's own invoice to its client"),
        NC_("demo.comparison", "What each billing strategy does to cash"),
        NC_("ci.invoice", "Invoice"),
        NC_("ci.credit_note", "Credit note"),
        NC_("ci.number", "No."),
        NC_("ci.date", "Date"),
        NC_("ci.seller", "Seller"),
        NC_("ci.buyer", "Bill to"),
        NC_("ci.vat_id", "VAT number"),
        NC_("ci.legal_id", "Company number"),
        NC_("ci.siret", "SIRET"),
        NC_("ci.capital", "with a share capital of {capital}"),
        NC_("ci.capital_alone", "Share capital {capital}"),
        NC_("ci.service_period", "Period of service"),
        NC_("ci.credits", "Credits invoice {number} of {date}"),
        NC_("ci.reason", "Reason"),
        NC_("ci.vat", "VAT"),
        NC_("ci.net", "Net"),
        NC_("ci.rate", "Rate"),
        NC_("ci.taxable", "Taxable amount"),
        NC_("ci.tax", "VAT amount"),
        NC_("ci.mention", "Mention"),
        NC_("ci.net_total", "Total excluding VAT"),
        NC_("ci.vat_total", "Total VAT"),
        NC_("ci.gross_total", "Total including VAT"),
        NC_("ci.paid", "Paid by {date}"),
        NC_("ci.credited", "Credited by {date}"),
        NC_("ci.due_now", "Amount due on {date}"),
        NC_("ci.due_date", "Due date"),
        NC_("ci.prepaid", "Paid in advance"),
        NC_("ci.amount_due", "Amount due"),
        NC_("check.title", "{syntax} e-invoice: {kind} {number} of {date}"),
        NC_("check.ok", "No problem: it passes every rule paxbill checks."),
        NC_("check.problems", "{count} problem(s):"),
        NC_("ci.terms", "Payment terms"),
        NC_("ci.no_discount", "No discount for early payment."),
        NC_(
            "ci.late",
            "Late payment: interest at {rate} a year (French Commercial "
            "Code, article L441-10), and a fixed indemnity of EUR 40 for "
            "the costs of recovery (article D441-5).",
        ),
        NC_(
            "ci.legal_rate",
            "the European Central Bank's latest refinancing rate plus 10 points",
        ),
        NC_("ci.payment", "Payment"),
        NC_("ci.iban", "IBAN {iban}"),
        NC_("ci.bic", "BIC {bic}"),
        NC_("ci.mandate", "mandate {mandate}, creditor identifier {creditor}"),
        NC_("ci.remittance", "reference to quote: {reference}"),
        NC_("ci.delivery", "Place of delivery"),
        NC_("ci.line_total", "Total of the lines"),
        NC_("ci.prepaid_total", "Already paid"),
        NC_("ci.due_total", "Amount due"),
        NC_("ci.refund", "Amount to refund on {date}"),
        NC_("VatCategory.STANDARD", "standard rate"),
        NC_("VatCategory.ZERO_RATED", "zero rated"),
        NC_("VatCategory.EXEMPT", "exempt from VAT"),
        NC_("VatCategory.REVERSE_CHARGE", "reverse charge"),
        NC_("VatCategory.INTRA_COMMUNITY", "intra-community supply, exempt"),
        NC_("VatCategory.EXPORT", "export outside the EU, exempt"),
        NC_("VatCategory.NOT_SUBJECT", "not subject to VAT"),
        NC_("ref.EXEMPT", "French General Tax Code (CGI), article 261"),
        NC_(
            "ref.REVERSE_CHARGE",
            "French General Tax Code (CGI), article 283-2; "
            "Directive 2006/112/EC, article 196",
        ),
        NC_("ref.INTRA_COMMUNITY", "French General Tax Code (CGI), article 262 ter I"),
        NC_("ref.EXPORT", "French General Tax Code (CGI), article 262 I"),
        NC_(
            "ref.NOT_SUBJECT",
            "VAT not applicable, French General Tax Code (CGI), article 293 B",
        ),
        NC_("unit.MON", "months"),
        NC_("unit.HUR", "h"),
        NC_("unit.DAY", "days"),
        NC_("unit.WEE", "weeks"),
        NC_("unit.ANN", "years"),
        NC_("unit.MIN", "min"),
        NC_("terms.days", "{days} days"),
        NC_("terms.end_of_month", "{days} days end of month"),
        NC_("InvoiceStatus.INVOICED", "invoiced"),
        NC_("InvoiceStatus.OVERDUE", "overdue"),
        NC_("InvoiceStatus.PAID", "paid"),
        NC_("PaymentMethod.MANUAL", "manual"),
        NC_("PaymentMethod.AUTOMATIC", "automatic"),
        NC_("AccountType.APPROVED_INSTALLER", "approved installer"),
        NC_("AccountType.SYSTEM_MANAGER", "system manager"),
        NC_("BillingFrequency.MONTHLY", "monthly"),
        NC_("BillingFrequency.QUARTERLY", "quarterly"),
        NC_("BillingFrequency.ANNUAL", "annual"),
        NC_("ClientInvoiceStatus.ISSUED", "issued"),
        NC_("ClientInvoiceStatus.PARTIALLY_PAID", "partially paid"),
        NC_("ClientInvoiceStatus.PAID", "paid"),
        NC_("ClientInvoiceStatus.OVERDUE", "overdue"),
        NC_("ClientInvoiceStatus.CREDITED", "credited"),
        NC_("PaymentMeans.CASH", "cash"),
        NC_("PaymentMeans.CHEQUE", "cheque"),
        NC_("PaymentMeans.CREDIT_TRANSFER", "credit transfer"),
        NC_("PaymentMeans.CARD", "card"),
        NC_("PaymentMeans.SEPA_CREDIT_TRANSFER", "SEPA credit transfer"),
        NC_("PaymentMeans.SEPA_DIRECT_DEBIT", "SEPA direct debit"),
    ]
)


@cache
def languages() -> frozenset[str]:
    """The languages paxbill has words in: English and each catalog's."""
    found = {entry.name for entry in os.scandir(_LOCALE) if entry.is_dir()}
    return frozenset({"en", *found})


@cache
def _translations(language: str) -> NullTranslations:
    """The catalog of *language*, as a wheel ships it compiled, or from its ``.po``."""
    if language == "en":
        return NullTranslations()
    compiled = _catalog(language, ".mo")
    if os.path.isfile(compiled):
        with open(compiled, "rb") as mo:
            return Translations(mo, domain=DOMAIN)
    return compile_catalog(language)


def compile_catalog(language: str) -> Translations:
    """The catalog of *language* compiled from its ``.po`` file, in memory.

    A source checkout reads its words this way; a wheel ships them compiled
    (``hatch_build.py``), and both give the same words.
    """
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with open(_catalog(language, ".po"), "rb") as po:
        catalog = read_po(po, locale=language, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


#: The catalogs' folder, in the installed package. Found from this file
#: rather than through importlib.resources, whose imports (pathlib, zipfile,
#: tempfile) would cost the command line a tenth of its start-up.
_LOCALE = os.path.join(os.path.dirname(os.path.dirname(__file__)), "locale")


def _catalog(language: str, suffix: str) -> str:
    return os.path.join(_LOCALE, language, "LC_MESSAGES", DOMAIN + suffix)


def language(locale: object) -> str:
    """The language of *locale* that paxbill has words in, else English."""
    language = parse_locale(locale).language
    return language if language in languages() else "en"


def text(key: str, locale: object) -> str:
    """Return the word for *key* in the language of *locale*.

    Raises:
        KeyError: *key* is not one of paxbill's words.
    """
    english = _MESSAGES[key]
    return str(_translations(language(locale)).pgettext(key, english))
