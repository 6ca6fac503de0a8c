"""How paxbill's objects show themselves in Jupyter: small, clean HTML tables.

Invoices, ledgers, reviews, projections and comparisons have a
``_repr_html_`` that uses this module, in English; :func:`to_html` renders
them in another locale, and :class:`InvoiceList` shows invoices with their
states on a date.

>>> from paxbill import BillingPeriod, Money, Account, AccountType, PerUserPrice
>>> from paxbill import issue_invoice
>>> invoice = issue_invoice(
...     335217, Account("INST-1", AccountType.APPROVED_INSTALLER),
...     PerUserPrice(Money("3.00", "EUR"), 15), 70, BillingPeriod.month(2024, 4),
... )
>>> "178,50" in to_html(invoice, locale="fr_FR")
True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from html import escape

import attrs
from babel.dates import format_skeleton

from paxbill.clients.bundles import Bundle
from paxbill.clients.cashflow import CashFlowProjection, StrategyComparison
from paxbill.clients.invoicing.credit_notes import CreditNote
from paxbill.clients.invoicing.invoices import ClientInvoice
from paxbill.clients.ledger import ClientLedger
from paxbill.clients.prepayment import PrepaymentQuote
from paxbill.clients.proration import anchor_months
from paxbill.clients.reviews import BalanceReview
from paxbill.core._items import to_items
from paxbill.core._values import Revalidated
from paxbill.core.formatting import format_number, format_percent_value, parse_locale
from paxbill.core.money import Money
from paxbill.exceptions import ArgumentTypeError
from paxbill.io._labels import label
from paxbill.io._reports import (
    Report,
    comparison_report,
    day,
    invoices_report,
    month,
    review_report,
    span,
)
from paxbill.io._words import text
from paxbill.io.invoice_html import quantity_text, unit_price_text, vat_text
from paxbill.paxton.activity import AccountActivity
from paxbill.paxton.invoices import Invoice

__all__ = ["InvoiceList", "to_html"]

_STYLE = (
    "border-collapse:collapse;font-variant-numeric:tabular-nums;"
    "font-family:system-ui,sans-serif;font-size:0.9em"
)
_CELL = "padding:2px 10px;border-bottom:1px solid #ddd"


def _table(
    caption: str,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    numeric: Iterable[int] = (),
) -> str:
    """An HTML table; columns in *numeric* are right-aligned."""
    right = set(numeric)

    def cell(tag: str, index: int, value: str) -> str:
        align = "right" if index in right else "left"
        return f'<{tag} style="{_CELL};text-align:{align}">{escape(value)}</{tag}>'

    head = "".join(cell("th", i, h) for i, h in enumerate(header))
    body = "".join(
        "<tr>" + "".join(cell("td", i, v) for i, v in enumerate(row)) + "</tr>"
        for row in rows
    )
    return (
        f'<table style="{_STYLE}"><caption style="text-align:left;font-weight:bold">'
        f"{escape(caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table>"
    )


def _invoice(invoice: Invoice, locale: object) -> str:
    rows = [
        [
            line.description,
            format_number(line.quantity, locale),
            line.unit_price.format(locale),
            line.amount.format(locale),
        ]
        for line in invoice.lines
    ]
    rows.append([text("col.total", locale), "", "", invoice.total.format(locale)])
    paid = (
        "-"
        if invoice.payment is None
        else f"{label(invoice.method, locale)}, {day(invoice.payment.on, locale)}"
    )
    caption = (
        f"{text('html.invoice', locale)} {invoice.number} · "
        f"{day(invoice.issue_date, locale)} · {text('col.due', locale)} "
        f"{day(invoice.due_date, locale)} · {text('col.type', locale)} {paid}"
    )
    header = [
        text(k, locale)
        for k in ("col.description", "col.quantity", "col.unit_price", "col.amount")
    ]
    return _table(caption, header, rows, numeric=(1, 2, 3))


def _client_document(document: ClientInvoice | CreditNote, locale: object) -> str:
    # One table, as every other object shows: its lines, then its totals,
    # the figures right-aligned.
    where = str(parse_locale(locale))
    kind = "ci.invoice" if isinstance(document, ClientInvoice) else "ci.credit_note"
    caption = (
        f"{text(kind, locale)} {document.number} · {day(document.issue_date, locale)}"
        f" · {document.buyer.name}"
    )
    header = [
        text(k, locale)
        for k in (
            "col.description",
            "col.quantity",
            "col.unit_price",
            "ci.vat",
            "ci.net",
        )
    ]
    rows = [
        [
            line.description,
            quantity_text(line, where),
            unit_price_text(line.unit_price, where),
            vat_text(line.vat_category, line.vat_rate, where),
            line.net_amount.format(locale),
        ]
        for line in document.lines
    ]
    totals = [
        ("ci.net_total", document.net_total),
        ("ci.vat_total", document.vat_total),
        ("ci.gross_total", document.gross_total),
    ]
    rows += [
        [text(key, locale), "", "", "", value.format(locale)] for key, value in totals
    ]
    if isinstance(document, ClientInvoice):
        rows.append(
            [text("ci.due_date", locale), "", "", "", day(document.due_date, locale)]
        )
    return _table(caption, header, rows, numeric=(1, 2, 3, 4))


def _quote(quote: PrepaymentQuote, locale: object) -> str:
    rows = [
        [
            month(m.start, locale),
            price.format(locale),
            format_number(quote.users, locale),
            (price * quote.users).round().format(locale),
        ]
        for m, price in zip(anchor_months(quote.period), quote.prices, strict=True)
    ]
    rows.append([text("quote.total", locale), "", "", quote.total.format(locale)])
    header = [
        text(k, locale) for k in ("col.month", "col.unit_price", "users", "col.amount")
    ]
    caption = f"{text('quote.title', locale)} · {span(quote.period, locale)}"
    return _table(caption, header, rows, numeric=(1, 2, 3))


def _bundle(bundle: Bundle, locale: object) -> str:
    breaks = bundle.break_even_users
    rows = [
        [text("bundle.fee", locale), bundle.fee.format(locale)],
        [text("users", locale), format_number(bundle.users, locale)],
        [text("bundle.app_cost", locale), bundle.app_cost.format(locale)],
        [
            text("bundle.app_share", locale),
            format_percent_value(bundle.app_share * 100, locale),
        ],
        [text("bundle.other_costs", locale), bundle.other_costs.format(locale)],
        [text("bundle.margin", locale), bundle.margin.format(locale)],
        [
            text("bundle.break_even", locale),
            "-" if breaks is None else format_number(breaks, locale),
        ],
    ]
    caption = text(f"bundle.title.{bundle.frequency.value}", locale)
    return _table(caption, ["", ""], rows, numeric=(1,))


def _activity(activity: AccountActivity, locale: object) -> str:
    rows = [
        [month(dt.date(activity.year, n, 1), locale), amount.format(locale)]
        for n, amount in activity.by_month()
    ]
    rows.append([text("col.total", locale), activity.total.format(locale)])
    header = [text("col.month", locale), text("col.total", locale)]
    caption = f"{text('plot.activity', locale)} {activity.year}"
    return _table(caption, header, rows, numeric=(1,))


def _report(report: Report) -> str:
    html = _table(report.caption, report.header, report.rows, numeric=report.numeric)
    if report.footer:
        html = html.replace("</caption>", f"<br>{escape(report.footer)}</caption>", 1)
    return html


def _ledger(ledger: ClientLedger, locale: object) -> str:
    rows = []
    running = Money.zero(ledger.currency)
    for entry in ledger.entries:
        running = running + entry.signed
        rows.append(
            [
                day(entry.on, locale),
                text(f"html.{entry.kind.value}", locale),
                entry.description,
                entry.signed.format(locale),
                running.format(locale),
            ]
        )
    header = [
        text(k, locale)
        for k in (
            "col.date",
            "col.kind",
            "col.description",
            "col.amount",
            "col.balance",
        )
    ]
    return _table(
        f"{text('html.ledger', locale)} {ledger.client_id}",
        header,
        rows,
        numeric=(3, 4),
    )


def _projection(
    projection: CashFlowProjection, locale: object, caption: str = ""
) -> str:
    rows = [
        [
            format_skeleton("yMMM", m.period.start, locale=parse_locale(locale)),
            m.money_in.format(locale),
            m.money_out.format(locale),
            m.net.format(locale),
            m.cumulative.format(locale),
        ]
        for m in projection.months
    ]
    header = [
        text(k, locale)
        for k in ("col.month", "col.in", "col.out", "col.net", "col.position")
    ]
    return _table(
        caption or text("html.projection", locale), header, rows, numeric=(1, 2, 3, 4)
    )


def _to_invoices(value: Iterable[Invoice]) -> tuple[Invoice, ...]:
    invoices = to_items(value, what="invoices", expected="a sequence of Invoice")
    for invoice in invoices:
        if not isinstance(invoice, Invoice):
            raise ArgumentTypeError(invoice, "an Invoice", what="each invoice")
    return invoices


@attrs.frozen
class InvoiceList(Revalidated):
    """Invoices to show with their states on *as_of*, automatic payments taken.

    >>> InvoiceList([], dt.date(2024, 6, 5))._repr_html_().startswith("<table")
    True
    """

    invoices: tuple[Invoice, ...] = attrs.field(converter=_to_invoices)
    as_of: dt.date

    def _repr_html_(self) -> str:
        return to_html(self)


def to_html(
    value: object, *, locale: object = "en_GB", as_of: dt.date | None = None
) -> str:
    """Return *value* as an HTML table in *locale*.

    Args:
        value: an Invoice, an InvoiceList, a sequence of invoices (with
            *as_of*), a ClientInvoice or CreditNote, a ClientLedger, a
            BalanceReview, a CashFlowProjection or a StrategyComparison.
        locale: the locale of the figures and labels.
        as_of: for a sequence of invoices, the day to tell their states on.

    Raises:
        ArgumentTypeError: *value* is none of those.
    """
    if isinstance(value, Invoice):
        return _invoice(value, locale)
    if isinstance(value, InvoiceList):
        return _report(invoices_report(value.invoices, value.as_of, locale))
    if (
        isinstance(value, list | tuple)
        and as_of is not None
        and all(isinstance(v, Invoice) for v in value)
    ):
        return _report(invoices_report(value, as_of, locale))
    if isinstance(value, ClientInvoice | CreditNote):
        return _client_document(value, locale)
    if isinstance(value, PrepaymentQuote):
        return _quote(value, locale)
    if isinstance(value, Bundle):
        return _bundle(value, locale)
    if isinstance(value, AccountActivity):
        return _activity(value, locale)
    if isinstance(value, ClientLedger):
        return _ledger(value, locale)
    if isinstance(value, BalanceReview):
        return _report(review_report(value, locale))
    if isinstance(value, CashFlowProjection):
        return _projection(value, locale)
    if isinstance(value, StrategyComparison):
        return _report(
            comparison_report(value, locale, text("html.comparison", locale))
        )
    raise ArgumentTypeError(
        value,
        "an invoice, invoices with as_of, a ledger, a review, a projection "
        "or a comparison",
        what="value to show",
    )
