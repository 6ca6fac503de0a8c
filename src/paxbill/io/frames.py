"""Data frames of every table paxbill makes, with the extra ``paxbill[pandas]``.

pandas is imported only when a frame is asked for. Dates come out as
``datetime64``; amounts stay exact, as ``decimal.Decimal`` objects, or, with
``amounts="minor_units"``, as whole numbers of cents (``int64``): exact too,
and plottable.

>>> import datetime as dt
>>> from paxbill import ClientLedger, Money
>>> ledger = ClientLedger("ACME", "GBP")
>>> ledger = ledger.credit(dt.date(2024, 1, 1), Money("30", "GBP"))
>>> ledger = ledger.debit(dt.date(2024, 2, 1), Money("2.50", "GBP"))
>>> frame = to_dataframe(ledger)
>>> list(frame["balance"]), frame["date"].dtype.kind  # M: datetime64
([Decimal('30.00'), Decimal('27.50')], 'M')
>>> cents = to_dataframe(ledger, amounts="minor_units")["balance"]
>>> cents.tolist(), str(cents.dtype)
([3000, 2750], 'Int64')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from paxbill.clients.cashflow import CashFlowProjection, StrategyComparison
from paxbill.clients.invoicing.credit_notes import CreditNote
from paxbill.clients.invoicing.invoices import ClientInvoice
from paxbill.clients.ledger import ClientLedger
from paxbill.clients.prepayment import PrepaymentQuote
from paxbill.clients.proration import anchor_months
from paxbill.clients.reviews import BalanceReview
from paxbill.core.money import Money
from paxbill.exceptions import ArgumentTypeError, InvalidAmountError, MissingExtraError
from paxbill.io.notebook import InvoiceList
from paxbill.paxton.activity import AccountActivity
from paxbill.paxton.autopay import apply_automatic_payments
from paxbill.paxton.invoices import Invoice

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["AMOUNTS", "to_dataframe"]

#: How amounts come out: exact Decimals, or whole minor units.
AMOUNTS = ("exact", "minor_units")


@attrs.frozen
class _Table:
    """Rows of one object, and which of their columns are dates and amounts."""

    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]
    dates: tuple[str, ...] = ()
    amounts: tuple[str, ...] = ()


def _invoices(invoices: Sequence[Invoice], as_of: dt.date | None) -> _Table:
    settled = invoices if as_of is None else apply_automatic_payments(invoices, as_of)
    return _Table(
        (
            "number",
            "account_id",
            "issue_date",
            "due_date",
            "total",
            "currency",
            "type",
            "paid_on",
            "status",
        ),
        [
            (
                i.number,
                i.account.account_id,
                i.issue_date,
                i.due_date,
                i.total,
                i.currency,
                None if i.method is None else i.method.value,
                None if i.payment is None else i.payment.on,
                None if as_of is None else i.status_on(as_of).value,
            )
            for i in settled
        ],
        dates=("issue_date", "due_date", "paid_on"),
        amounts=("total",),
    )


def _ledger(ledger: ClientLedger) -> _Table:
    rows = []
    balance = Money.zero(ledger.currency)
    for entry in ledger.entries:
        balance = balance + entry.signed
        rows.append(
            (entry.on, entry.kind.value, entry.description, entry.signed, balance)
        )
    return _Table(
        ("date", "kind", "description", "amount", "balance"),
        rows,
        dates=("date",),
        amounts=("amount", "balance"),
    )


def _projection(projection: CashFlowProjection) -> _Table:
    return _Table(
        ("month", "money_in", "money_out", "net", "cumulative"),
        [
            (m.period.start, m.money_in, m.money_out, m.net, m.cumulative)
            for m in projection.months
        ],
        dates=("month",),
        amounts=("money_in", "money_out", "net", "cumulative"),
    )


def _comparison(comparison: StrategyComparison) -> _Table:
    return _Table(
        (
            "strategy",
            "lowest_position",
            "months_in_red",
            "money_in",
            "money_out",
            "net",
        ),
        list(comparison.rows()),
        amounts=("lowest_position", "money_in", "money_out", "net"),
    )


def _activity(activity: AccountActivity) -> _Table:
    return _Table(
        ("month", "total"),
        [(dt.date(activity.year, n, 1), amount) for n, amount in activity.by_month()],
        dates=("month",),
        amounts=("total",),
    )


def _review(review: BalanceReview) -> _Table:
    count = len(review.charge_dates)
    months: list[dt.date | None] = [m.start for m in review.usage_months]
    months = months or [None] * count
    return _Table(
        ("usage_month", "charged_on", "charge"),
        [
            (month, on, charge)
            for month, on, charge in zip(
                months, review.charge_dates, review.charges, strict=True
            )
        ],
        dates=("usage_month", "charged_on"),
        amounts=("charge",),
    )


def _quote(quote: PrepaymentQuote) -> _Table:
    return _Table(
        ("month", "unit_price", "users", "amount"),
        [
            (month.start, price, quote.users, price * quote.users)
            for month, price in zip(
                anchor_months(quote.period), quote.prices, strict=True
            )
        ],
        dates=("month",),
        amounts=("unit_price", "amount"),
    )


def _document(document: ClientInvoice | CreditNote) -> _Table:
    return _Table(
        ("description", "quantity", "unit_price", "vat_category", "vat_rate", "net"),
        [
            (
                line.description,
                line.quantity,
                line.unit_price,
                line.vat_category.value,
                line.vat_rate,
                line.net_amount,
            )
            for line in document.lines
        ],
        amounts=("unit_price", "net"),
    )


def _client_invoices(
    invoices: Sequence[ClientInvoice], as_of: dt.date | None
) -> _Table:
    return _Table(
        (
            "number",
            "issue_date",
            "due_date",
            "buyer",
            "net_total",
            "vat_total",
            "gross_total",
            "amount_due",
            "status",
        ),
        [
            (
                i.number,
                i.issue_date,
                i.due_date,
                i.buyer.name,
                i.net_total,
                i.vat_total,
                i.gross_total,
                None if as_of is None else i.amount_due_on(as_of),
                None if as_of is None else i.status_on(as_of).value,
            )
            for i in invoices
        ],
        dates=("issue_date", "due_date"),
        amounts=("net_total", "vat_total", "gross_total", "amount_due"),
    )


_TABLES: dict[type, Callable[[Any], _Table]] = {
    ClientLedger: _ledger,
    CashFlowProjection: _projection,
    StrategyComparison: _comparison,
    AccountActivity: _activity,
    BalanceReview: _review,
    PrepaymentQuote: _quote,
    ClientInvoice: _document,
    CreditNote: _document,
}


def _table(value: object, as_of: dt.date | None) -> _Table:
    make = _TABLES.get(type(value))
    if make is not None:
        return make(value)
    if isinstance(value, InvoiceList):
        return _invoices(value.invoices, value.as_of)
    if isinstance(value, list | tuple) and value:
        if all(isinstance(v, Invoice) for v in value):
            return _invoices(value, as_of)
        if all(isinstance(v, ClientInvoice) for v in value):
            return _client_invoices(value, as_of)
    if isinstance(value, list | tuple) and not value:
        return _invoices((), as_of)
    raise ArgumentTypeError(
        value,
        "invoices, client invoices, an InvoiceList, a ledger, a projection, a "
        "comparison, an activity, a review, a quote, a client invoice or a "
        "credit note",
        what="value",
    )


def _minor_units(money: Money) -> int:
    units = money.to_minor_units()
    if money.round() != money:
        raise InvalidAmountError(
            money,
            reason="has digits below the minor unit: ask for amounts='exact'",
        )
    return units


def to_dataframe(
    value: object,
    *,
    as_of: dt.date | None = None,
    amounts: str = "exact",
) -> pd.DataFrame:
    """Return a table of paxbill's as a pandas DataFrame, one row per item.

    Args:
        value: invoices (a sequence, or an :class:`InvoiceList`), client
            invoices (a sequence), a ClientLedger, a CashFlowProjection, a
            StrategyComparison, an AccountActivity, a BalanceReview (its
            charges), a PrepaymentQuote (its months), or a ClientInvoice or
            CreditNote (its lines).
        as_of: for invoices, the day to tell their states on (automatic
            payments due by then are recorded first); for client invoices,
            the day of what is due.
        amounts: ``"exact"`` (Decimal objects, the default), or
            ``"minor_units"``: whole numbers of the currency's minor unit
            (``int64``), which plot; an amount finer than that is refused.

    Date columns are ``datetime64``. Frames of amounts have a
    ``currency`` attribute (``frame.attrs["currency"]``) where one applies.

    Raises:
        MissingExtraError: pandas is not installed.
        ArgumentTypeError: *value* is none of those, or *amounts* is neither.
        InvalidAmountError: an amount finer than the minor unit, in minor units.
    """
    if amounts not in AMOUNTS:
        raise ArgumentTypeError(amounts, "'exact' or 'minor_units'", what="amounts")
    table = _table(value, as_of)
    try:
        import pandas
    except ImportError:
        raise MissingExtraError("pandas", "pandas") from None
    frame = pandas.DataFrame(table.rows, columns=list(table.columns))
    currencies = {
        cell.currency for row in table.rows for cell in row if isinstance(cell, Money)
    }
    for column in table.amounts:
        if amounts == "minor_units":
            frame[column] = pandas.array(
                [None if m is None else _minor_units(m) for m in frame[column]],
                dtype="Int64",
            )
        else:
            frame[column] = [None if m is None else m.amount for m in frame[column]]
    for column in table.dates:
        frame[column] = pandas.to_datetime(frame[column])
    if len(currencies) == 1:
        frame.attrs["currency"] = currencies.pop()
    return frame
