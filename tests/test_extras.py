"""Tests for the optional extras: charts (matplotlib) and data frames (pandas).

Each test is skipped only where its extra is not installed; the nox tests
session installs both, so they run there.
"""

from __future__ import annotations

import datetime as dt
import io
import struct
import sys
from decimal import Decimal

import pytest

from paxbill import (
    BillingFrequency,
    Client,
    ClientLedger,
    MissingExtraError,
    Money,
    account_activity,
    compare_strategies,
    project_cash_flow,
    rebill,
)
from paxbill.io.frames import to_dataframe
from paxbill.io.plots import plot_activity, plot_cash_flow
from tests.examples import INSTALLER, PORTAL_PRICE, portal_invoices

D = dt.date


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_activity_chart_has_a_bar_per_month() -> None:
    """The year's activity renders with Agg to an 800 x 300 PNG, twelve bars."""
    pytest.importorskip("matplotlib")
    figure = plot_activity(account_activity(portal_invoices(), 2024), locale="fr_FR")
    bars = figure.axes[0].patches
    assert len(bars) == 12
    heights = [bar.get_height() for bar in bars]  # type: ignore[attr-defined]
    assert heights[3:6] == [178.5, 178.5, 178.5]
    assert sum(heights) == 3 * 178.5
    labels = [t.get_text() for t in figure.axes[0].get_xticklabels()]
    assert labels[0].lower().startswith("janv")
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    assert png_size(buffer.getvalue()) == (800, 300)


def test_cash_flow_chart_has_a_line_per_strategy() -> None:
    """A comparison renders one line per strategy, each a point per month."""
    pytest.importorskip("matplotlib")
    clients = [Client("A", 70, BillingFrequency.MONTHLY, Money("4.00", "EUR"))]
    comparison = compare_strategies(
        {f.value: rebill(clients, f) for f in BillingFrequency},
        paxton_price=PORTAL_PRICE,
        account=INSTALLER,
        start=D(2024, 1, 1),
        months=12,
    )
    figure = plot_cash_flow(comparison)
    lines = figure.axes[0].get_lines()[:3]  # then the zero line
    assert [line.get_label() for line in lines] == ["monthly", "quarterly", "annual"]
    assert all(line.get_xydata().shape == (12, 2) for line in lines)  # type: ignore[union-attr]
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    assert png_size(buffer.getvalue()) == (800, 400)


def test_frames_keep_decimals() -> None:
    """Invoices, ledgers and projections become frames whose amounts are Decimal."""
    pytest.importorskip("pandas")
    frame = to_dataframe(portal_invoices(), as_of=D(2024, 6, 5))
    assert list(frame["total"]) == [Decimal("178.50")] * 3
    assert all(type(v) is Decimal for v in frame["total"])
    assert list(frame["status"]) == ["invoiced", "overdue", "paid"]
    ledger = ClientLedger("ACME", "GBP").credit(D(2024, 1, 1), Money("30.00", "GBP"))
    ledger = ledger.debit(D(2024, 2, 1), Money("2.50", "GBP"))
    assert list(to_dataframe(ledger)["balance"]) == [Decimal("30.00"), Decimal("27.50")]
    projection = project_cash_flow(
        [Client("A", 10, BillingFrequency.MONTHLY, Money("4.00", "EUR"))],
        paxton_price=PORTAL_PRICE,
        account=INSTALLER,
        start=D(2024, 1, 1),
        months=3,
    )
    assert list(to_dataframe(projection)["money_in"]) == [Decimal("40.00")] * 3


def test_missing_extra_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the extra, it raises MissingExtraError naming paxbill[plot]."""
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    with pytest.raises(MissingExtraError, match=r"paxbill\[plot\]"):
        plot_activity(account_activity([], 2024, currency="EUR"))
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingExtraError, match=r"paxbill\[pandas\]") as raised:
        to_dataframe([])
    assert isinstance(raised.value, ImportError)


def test_every_table_is_a_frame_with_dates_and_exact_amounts() -> None:
    """Comparisons, activity, reviews, quotes and client invoices are frames too."""
    pytest.importorskip("pandas")
    from paxbill import (
        BillingPeriod,
        account_activity,
        compare_strategies,
        issue_invoice,
        quote_prepayment,
        review_balance,
    )
    from tests.examples import centralised_invoice

    clients = [Client("A", 10, BillingFrequency.MONTHLY, Money("4.00", "EUR"))]
    comparison = compare_strategies(
        {"as is": clients},
        paxton_price=PORTAL_PRICE,
        account=INSTALLER,
        start=D(2024, 1, 1),
        months=3,
    )
    frame = to_dataframe(comparison)
    assert list(frame["strategy"]) == ["as is"]
    assert list(frame["money_in"]) == [Decimal("120.00")]  # 10 x 4.00 x 3
    invoices = [
        issue_invoice(n, INSTALLER, PORTAL_PRICE, 70, BillingPeriod.month(2024, n))
        for n in (1, 2)
    ]
    activity = to_dataframe(account_activity(invoices, 2024))
    assert len(activity) == 12
    assert activity["month"].dtype.kind == "M"
    assert list(activity["total"][1:3]) == [Decimal("178.50")] * 2  # Feb, Mar
    review = to_dataframe(
        review_balance(
            Money("10.00", "EUR"),
            Money("2.55", "EUR"),
            as_of=D(2024, 1, 2),
            term_end=D(2024, 4, 1),
        )
    )
    assert list(review["charge"]) == [Decimal("2.55")] * 3
    assert review["charged_on"].dtype.kind == "M"
    quote = quote_prepayment(
        Money("4.00", "EUR"), 70, BillingFrequency.QUARTERLY, D(2024, 1, 1)
    )
    months = to_dataframe(quote, amounts="minor_units")
    assert months["amount"].tolist() == [28000] * 3  # 70 x 4.00 in cents
    lines = to_dataframe(centralised_invoice())
    assert list(lines["net"]) == [
        Decimal("280.00"),
        Decimal("150.00"),
        Decimal("80.00"),
    ]
    several = to_dataframe([centralised_invoice()], as_of=D(2024, 1, 5))
    assert list(several["gross_total"]) == [Decimal("600.40")]
    assert list(several["status"]) == ["issued"]


def test_minor_units_are_exact_or_refused() -> None:
    """Whole cents as Int64, plottable; an amount finer than a cent is refused."""
    pytest.importorskip("pandas")
    from paxbill import ClientInvoice, ClientInvoiceLine, InvalidAmountError
    from tests.examples import BUYER, SELLER

    ledger = ClientLedger("ACME", "GBP").credit(D(2024, 1, 1), Money("30.00", "GBP"))
    cents = to_dataframe(ledger, amounts="minor_units")["amount"]
    assert str(cents.dtype) == "Int64"
    assert cents.tolist() == [3000]
    fine = ClientInvoice(
        "F1",
        D(2024, 1, 1),
        SELLER,
        BUYER,
        [ClientInvoiceLine("Unit", 3, Money("2.5567", "EUR"), "S", "20")],
    )
    with pytest.raises(InvalidAmountError):
        to_dataframe(fine, amounts="minor_units")
    with pytest.raises(TypeError):
        to_dataframe(ledger, amounts="float")
