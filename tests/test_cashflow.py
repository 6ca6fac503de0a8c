"""Tests for paxbill.clients.cashflow: projections and strategy comparisons."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paxbill import (
    Account,
    AccountType,
    AppUser,
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
    compare_billing,
    compare_strategies,
    project_cash_flow,
    rebill,
)
from tests.strategies import app_users, billings, dates

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


JANUARY = D(2024, 1, 1)
MONTHLY, ANNUAL = BillingFrequency.MONTHLY, BillingFrequency.ANNUAL


@st.composite
def _clients(draw: st.DrawFn) -> list[Client]:
    """A few clients of every kind.

    Priced or bundled, users counted or listed, with or without a term start.
    """
    clients = []
    for n in range(draw(st.integers(0, 6))):
        billing = draw(billings)
        price = eur(f"{draw(st.integers(0, 999)) / 100:.2f}")
        users: int | list[AppUser] = draw(st.integers(0, 500))
        if draw(st.booleans()):
            users = [draw(app_users(user_id=i)) for i in range(draw(st.integers(0, 4)))]
        term_start = draw(st.none() | dates)
        if draw(st.integers(0, 4)) == 0:
            fee = eur(f"{draw(st.integers(0, 99_999)) / 100:.2f}")
            frequency = draw(st.sampled_from([MONTHLY, ANNUAL]))
            bundle = Bundle(fee, frequency, 20, PAXTON, eur("0.00"))
            clients.append(Client(f"B{n}", users, bundle, term_start=term_start))
        else:
            clients.append(
                Client(f"C{n}", users, billing, price, term_start=term_start)
            )
    return clients


@given(_clients(), st.integers(0, 30), st.sampled_from([INSTALLER, MANAGER]))
def test_compare_billing_is_the_comparison_of_the_clients_rebilled(
    clients: list[Client], months: int, account: Account
) -> None:
    """In one pass over a generator: the comparison built with rebill, whole."""
    bundled = tuple(c for c in clients if isinstance(c.billing, Bundle))
    priced = [c for c in clients if not isinstance(c.billing, Bundle)]
    expected = compare_strategies(
        {
            "as_billed": clients,
            **{f.value: rebill(priced, f) + bundled for f in BillingFrequency},
        },
        paxton_price=PAXTON,
        account=account,
        start=D(2024, 1, 1),
        months=months,
    )
    streamed = compare_billing(
        (client for client in clients),
        paxton_price=PAXTON,
        account=account,
        start=D(2024, 1, 1),
        months=months,
    )
    assert streamed == expected


def test_a_projection_reads_a_stream_once() -> None:
    """A generator is read once, not once a month."""
    read = []

    def clients() -> Iterator[Client]:
        for n in range(3):
            read.append(n)
            yield Client(f"C{n}", 10, BillingFrequency.MONTHLY, eur("4.00"))

    projection = project_cash_flow(
        clients(),
        paxton_price=PAXTON,
        account=INSTALLER,
        start=D(2024, 1, 1),
        months=12,
    )
    assert read == [0, 1, 2]
    assert projection.total_in == eur("1440.00")  # 3 x 10 x 4.00 x 12


def test_more_bills_than_a_batch_sum_exactly() -> None:
    """Past the batch where a month's bills are summed into one, not a cent lost."""
    clients = [
        Client(f"C{n}", 1, BillingFrequency.MONTHLY, eur(f"{n % 100 / 100 + 1:.2f}"))
        for n in range(10_000)
    ]
    projection = project_cash_flow(
        iter(clients),
        paxton_price=PAXTON,
        account=INSTALLER,
        start=D(2024, 1, 1),
        months=1,
    )
    # Each block of 100 clients pays 1.00 + 1.01 + ... + 1.99 = 149.50.
    assert projection.months[0].money_in == eur("14950.00")


@pytest.mark.parametrize("wrong", ["ACME", b"ACME", 3, None])
def test_compare_billing_refuses_what_is_not_clients(wrong: object) -> None:
    with pytest.raises(ArgumentTypeError, match="clients must be a sequence of Client"):
        compare_billing(
            wrong,  # type: ignore[arg-type]
            paxton_price=PAXTON,
            account=INSTALLER,
            start=D(2024, 1, 1),
            months=12,
        )
    with pytest.raises(ArgumentTypeError, match="each client must be a Client"):
        compare_billing(
            [wrong],  # type: ignore[list-item]
            paxton_price=PAXTON,
            account=INSTALLER,
            start=D(2024, 1, 1),
            months=12,
        )
