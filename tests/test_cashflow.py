"""Tests for paxbill.clients.cashflow: projections and strategy comparisons."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paxbill import (
    Account,
    AccountType,
    ArgumentTypeError,
    BillingFrequency,
    BillingPeriod,
    Bundle,
    CashFlowProjection,
    Client,
    CurrencyMismatchError,
    InvalidCountError,
    Money,
    PerUserPrice,
    compare_strategies,
    project_cash_flow,
    rebill,
)
from tests.strategies import billings

D = dt.date
PAXTON = PerUserPrice(Money("3.00", "EUR"), 15)  # 2.55 net
INSTALLER = Account("INST-1", AccountType.APPROVED_INSTALLER)
MANAGER = Account("SM-1", AccountType.SYSTEM_MANAGER)


def eur(amount: str) -> Money:
    """Euros."""
    return Money(amount, "EUR")


def project(
    clients: list[Client], account: Account = INSTALLER, months: int = 12
) -> CashFlowProjection:
    """Project *clients* over *months* from 2024-01-01."""
    return project_cash_flow(
        clients,
        paxton_price=PAXTON,
        account=account,
        start=D(2024, 1, 1),
        months=months,
    )


def test_monthly_client_of_a_system_manager() -> None:
    """Billed 10 x 4.00 each month; Paxton takes 10 x 2.55 on each 1st from February."""
    projection = project(
        [Client("A", 10, BillingFrequency.MONTHLY, eur("4.00"))], MANAGER
    )
    ins = [m.money_in for m in projection.months]
    outs = [m.money_out for m in projection.months]
    assert ins == [eur("40.00")] * 12
    assert outs == [eur("0")] + [eur("25.50")] * 11
    assert projection.total_in == eur("480.00")
    assert projection.total_out == eur("280.50")
    assert projection.months[-1].cumulative == eur("199.50")
    assert projection.lowest_position == eur("40.00")
    assert projection.months_in_red == 0


def test_approved_installer_pays_on_the_due_date() -> None:
    """Invoices issued on the 1st are paid 30 days later, in the month they fall."""
    projection = project([Client("A", 10, BillingFrequency.MONTHLY, eur("4.00"))])
    outs = [m.money_out.amount for m in projection.months]
    # Issued Feb 1, due Mar 2; Mar 1, due Mar 31; ...; Jan 1 2025, due Jan 31.
    assert outs[0] == outs[1] == 0
    assert outs[2] == 2 * eur("25.50").amount  # March: Feb's and Mar's invoices
    assert sum(outs) == 11 * eur("25.50").amount


def test_quarterly_and_annual_bill_in_advance() -> None:
    """Quarterly bills every 3 months, annual once, each for its whole term."""
    quarterly = project([Client("A", 10, BillingFrequency.QUARTERLY, eur("4.00"))])
    assert [m.money_in.amount for m in quarterly.months if m.money_in] == [
        eur("120.00").amount
    ] * 4
    annual = project([Client("A", 10, BillingFrequency.ANNUAL, eur("4.00"))])
    assert annual.months[0].money_in == eur("480.00")
    assert annual.total_in == eur("480.00")


def test_bundle_client() -> None:
    """A bundled client pays the fixed fee each month (or year)."""
    bundle = Bundle(eur("150.00"), BillingFrequency.MONTHLY, 20, PAXTON, eur("80.00"))
    projection = project([Client("B", 20, bundle)], MANAGER)
    assert projection.total_in == eur("1800.00")
    assert projection.total_out == eur("561.00")  # 11 x 20 x 2.55


def test_comparison_shows_what_annual_billing_does() -> None:
    """Billing a year ahead keeps the lowest position far higher than monthly."""
    clients = [Client("A", 70, BillingFrequency.MONTHLY, eur("4.00"))]
    comparison = compare_strategies(
        {f.value: rebill(clients, f) for f in BillingFrequency},
        paxton_price=PAXTON,
        account=INSTALLER,
        start=D(2024, 1, 1),
        months=12,
    )
    rows = {row[0]: row for row in comparison.rows()}
    # Monthly: 280.00 in each month, Paxton's 178.50 paid from March on, so
    # the lowest position is January's 280.00.
    assert rows["monthly"][1] == eur("280.00")
    # Annual: 3360.00 in January, then 11 x 178.50 out: 1396.50 at the end.
    assert rows["annual"][1] == eur("1396.50")
    assert comparison.safest == "annual"
    assert {row[3] for row in rows.values()} == {eur("3360.00")}  # same money in
    assert {row[4] for row in rows.values()} == {eur("1963.50")}  # same money out


def test_bad_projections() -> None:
    """It refuses two currencies, negative months, no price, a bad account."""
    with pytest.raises(CurrencyMismatchError):
        project([Client("A", 1, BillingFrequency.MONTHLY, Money("4", "GBP"))])
    with pytest.raises(InvalidCountError):
        project([], months=-1)
    with pytest.raises(ArgumentTypeError):
        Client("A", 1, BillingFrequency.MONTHLY)
    with pytest.raises(ArgumentTypeError):
        project_cash_flow(
            [],
            paxton_price=PAXTON,
            account="INST-1",  # type: ignore[arg-type]
            start=D(2024, 1, 1),
            months=1,
        )


@given(
    st.lists(
        st.tuples(
            st.integers(0, 300),
            billings,
            st.integers(0, 1000),
        ),
        max_size=6,
    ),
    st.integers(0, 30),
    st.sampled_from([INSTALLER, MANAGER]),
)
def test_cumulative_is_the_running_sum_and_money_in_is_what_was_billed(
    specs: list[tuple[int, BillingFrequency, int]], months: int, account: Account
) -> None:
    """Law: the position is the running sum of nets; money in is what was billed."""
    clients = [
        Client(str(n), users, frequency, Money.from_minor_units(cents, "EUR"))
        for n, (users, frequency, cents) in enumerate(specs)
    ]
    projection = project(clients, account, months)
    nets = [m.net for m in projection.months]
    running = list(itertools.accumulate(nets))
    assert [m.cumulative for m in projection.months] == running
    # Billed independently: each client pays users x price x months at each term start.
    billed = sum(
        users * cents * f.months
        for users, f, cents in specs
        for k in range(months)
        if k % f.months == 0
    )
    assert projection.total_in.to_minor_units() == billed


def test_empty_projection() -> None:
    """A projection of no months has nothing in or out and a zero position."""
    projection = project([], months=0)
    assert projection.months == ()
    assert projection.lowest_position == eur("0")
    assert projection.total_in == eur("0")


def test_paxton_price_as_money_is_rounded_like_the_portal() -> None:
    """A Paxton price given as Money is a list price: its net is rounded first."""
    clients = [Client("A", 10, BillingFrequency.MONTHLY, eur("4.00"))]
    as_money = project_cash_flow(
        clients,
        paxton_price=eur("2.545"),
        account=MANAGER,
        start=D(2024, 1, 1),
        months=3,
    )
    # 10 users x 2.55 (2.545 rounded half-up), paid on 1 February and 1 March.
    assert as_money.total_out == eur("51.00")


def test_a_client_is_billed_at_the_start_of_each_term() -> None:
    """A quarterly client is billed its quarter on months 0, 3, 6... and not between."""
    client = Client("A", 10, BillingFrequency.QUARTERLY, eur("4.00"))
    january, february = BillingPeriod.month(2024, 1), BillingPeriod.month(2024, 2)
    assert client.billed_in(january, 0) == eur("120.00")  # 10 x 4.00 x 3
    assert client.billed_in(february, 1) is None
    assert client.billed_in(BillingPeriod.month(2024, 4), 3) == eur("120.00")
