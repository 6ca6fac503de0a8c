"""Data frames, with the optional extra ``paxbill[pandas]``.

pandas is imported only when a frame is asked for. Amounts stay exact: their
columns hold ``decimal.Decimal`` objects, never floats.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from paxbill.clients.cashflow import CashFlowProjection
from paxbill.clients.ledger import ClientLedger
from paxbill.exceptions import ArgumentTypeError, MissingExtraError
from paxbill.paxton.autopay import apply_automatic_payments
from paxbill.paxton.invoices import Invoice

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["to_dataframe"]


def _frame(rows: list[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    try:
        import pandas
    except ImportError:
        raise MissingExtraError("pandas", "pandas") from None
    return pandas.DataFrame(rows, columns=columns)


def to_dataframe(
    value: Sequence[Invoice] | ClientLedger | CashFlowProjection,
    *,
    as_of: dt.date | None = None,
) -> pd.DataFrame:
    """Return invoices, a ledger or a projection as a pandas DataFrame.

    Args:
        value: a sequence of invoices, a ClientLedger or a CashFlowProjection.
        as_of: for invoices, the day to tell their states on (automatic
            payments due by then are recorded first).

    Raises:
        MissingExtraError: pandas is not installed.
        ArgumentTypeError: *value* is none of those.

    >>> from paxbill import ClientLedger, Money
    >>> ledger = ClientLedger("ACME", "GBP")
    >>> ledger = ledger.credit(dt.date(2024, 1, 1), Money("30", "GBP"))
    >>> ledger = ledger.debit(dt.date(2024, 2, 1), Money("2.50", "GBP"))
    >>> list(to_dataframe(ledger)["balance"])
    [Decimal('30'), Decimal('27.50')]
    """
    if isinstance(value, ClientLedger):
        rows: list[dict[str, Any]] = []
        balance = Decimal(0)
        for entry in value.entries:
            balance += entry.signed.amount
            rows.append(
                {
                    "date": entry.on,
                    "kind": entry.kind.value,
                    "description": entry.description,
                    "amount": entry.signed.amount,
                    "balance": balance,
                    "currency": value.currency,
                }
            )
        return _frame(
            rows,
            columns=["date", "kind", "description", "amount", "balance", "currency"],
        )
    if isinstance(value, CashFlowProjection):
        return _frame(
            [
                {
                    "month": m.period.start,
                    "money_in": m.money_in.amount,
                    "money_out": m.money_out.amount,
                    "net": m.net.amount,
                    "cumulative": m.cumulative.amount,
                    "currency": value.currency,
                }
                for m in value.months
            ],
            columns=["month", "money_in", "money_out", "net", "cumulative", "currency"],
        )
    if isinstance(value, list | tuple) and all(isinstance(v, Invoice) for v in value):
        invoices = value if as_of is None else apply_automatic_payments(value, as_of)
        return _frame(
            [
                {
                    "number": i.number,
                    "account_id": i.account.account_id,
                    "issue_date": i.issue_date,
                    "due_date": i.due_date,
                    "total": i.total.amount,
                    "currency": i.currency,
                    "type": None if i.method is None else i.method.value,
                    "paid_on": None if i.payment is None else i.payment.on,
                    "status": None if as_of is None else i.status_on(as_of).value,
                }
                for i in invoices
            ],
            columns=[
                "number",
                "account_id",
                "issue_date",
                "due_date",
                "total",
                "currency",
                "type",
                "paid_on",
                "status",
            ],
        )
    raise ArgumentTypeError(
        value, "invoices, a ClientLedger or a CashFlowProjection", what="value"
    )
