"""paxbill's figures are the same whatever decimal context the caller has set."""

from __future__ import annotations

import datetime as dt
import decimal
import threading
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paxbill import (
    Account,
    AccountType,
    AppUser,
    BillingFrequency,
    BillingPeriod,
    Bundle,
    Client,
    Discount,
    Money,
    PerUserPrice,
    Portfolio,
    ProrationMethod,
    Site,
    bill_portfolio,
    coterm_adjustment,
    issue_invoice,
    late_payment_charges,
    project_cash_flow,
    prorate,
    quote_prepayment,
    review_balance,
    split_over_periods,
    to_dict,
    total,
)
from tests.examples import centralised_invoice

D = dt.date
SIGNALS = [
    decimal.Clamped,
    decimal.DivisionByZero,
    decimal.FloatOperation,
    decimal.Inexact,
    decimal.InvalidOperation,
    decimal.Overflow,
    decimal.Rounded,
    decimal.Subnormal,
    decimal.Underflow,
]
ROUNDINGS = [
    decimal.ROUND_CEILING,
    decimal.ROUND_DOWN,
    decimal.ROUND_FLOOR,
    decimal.ROUND_HALF_DOWN,
    decimal.ROUND_HALF_EVEN,
    decimal.ROUND_HALF_UP,
    decimal.ROUND_UP,
    decimal.ROUND_05UP,
]

contexts = st.builds(
    lambda prec, rounding, traps, emax, capitals, clamp: decimal.Context(
        prec=prec,
        rounding=rounding,
        traps=traps,
        Emax=emax,
        Emin=-emax,
        capitals=capitals,
        clamp=clamp,
    ),
    st.integers(1, 28) | st.integers(28, 60),
    st.sampled_from(ROUNDINGS),
    st.lists(st.sampled_from(SIGNALS), unique=True),
    st.integers(6, 999) | st.just(decimal.MAX_EMAX),
    st.integers(0, 1),
    st.integers(0, 1),
)


def eur(amount: str) -> Money:
    return Money(amount, "EUR")


def figures(amount: str) -> list[Any]:
    """A figure from each part of the public API, as JSON where it is an object."""
    money = eur(amount)
    price = PerUserPrice(Money("3.00", "EUR"), Discount(15))
    account = Account("I-1", AccountType.APPROVED_INSTALLER)
    year = BillingPeriod(D(2024, 1, 1), D(2025, 1, 1))
    quote = quote_prepayment(price, 70, BillingFrequency.QUARTERLY, D(2024, 1, 1))
    users = [AppUser(n, D(2024, 1, 1 + n % 28)) for n in range(30)]
    clients = [
        Client("A", 70, BillingFrequency.ANNUAL, eur("4.00")),
        Client("B", users, BillingFrequency.MONTHLY, eur("4.00")),
        Client(
            "C",
            20,
            Bundle(eur("150.00"), BillingFrequency.MONTHLY, 20, price, eur("80.00")),
        ),
    ]
    portfolio = Portfolio(
        [account], [Site("S1", "I-1", users, eur("4.00"), BillingFrequency.ANNUAL)]
    )
    invoice = centralised_invoice().pay(eur("100.00"), D(2024, 1, 20))
    return [
        money + money,
        money - eur("0.01"),
        money * 70,
        money * Decimal("1.055"),
        -money,
        abs(money),
        total([money] * 10),
        total([eur("1234567.89")] * 10),
        eur("1234567.89") + eur("0.01"),
        money.round(),
        money.format("fr_FR"),
        (money * 1000).format("en_IN"),
        to_dict(money * Decimal("1E-20")),
        money.allocate([1, 2, 3]),
        money.split(7),
        price.net,
        price.monthly_total(70),
        to_dict(issue_invoice("1", account, price, 70, BillingPeriod.month(2024, 4))),
        prorate(eur("1200.00"), year, BillingPeriod(D(2024, 3, 15), D(2025, 1, 1))),
        split_over_periods(
            eur("120.00"),
            [BillingPeriod.month(2024, m) for m in range(1, 13)],
            method=ProrationMethod.MONTHS,
        ),
        coterm_adjustment(quote, 5, D(2024, 2, 15)),
        to_dict(quote),
        to_dict(
            review_balance(
                money, eur("2.55"), as_of=D(2024, 1, 2), term_end=D(2025, 1, 1)
            )
        ),
        to_dict(
            project_cash_flow(
                clients,
                paxton_price=price,
                account=account,
                start=D(2024, 1, 1),
                months=12,
            )
        ),
        to_dict(
            bill_portfolio(
                portfolio, year=2024, paxton_price=price, review_on=D(2024, 6, 1)
            )
        ),
        to_dict(invoice),
        to_dict(late_payment_charges(invoice, D(2024, 3, 2), annual_rate="10.5")),
    ]


def under(context: decimal.Context, compute: Callable[[], Any]) -> Any:
    with decimal.localcontext(context):
        return compute()


@given(contexts, st.decimals(-(10**9), 10**9, places=4, allow_nan=False))
def test_the_figures_ignore_the_callers_context(
    context: decimal.Context, amount: Decimal
) -> None:
    """Law: every figure is the same under any context as under the default."""
    text = f"{amount:f}"
    expected = under(decimal.Context(), lambda: figures(text))
    assert under(context, lambda: figures(text)) == expected


def test_the_issues_examples_at_precision_5() -> None:
    """At a precision of 5, totals were 12346000.00; now they stay exact."""
    with decimal.localcontext() as context:
        context.prec = 5
        assert total([eur("1234567.89")] * 10) == eur("12345678.90")
        # Many amounts are added in one go, a few one by one: both exactly.
        assert total([eur("1234567.89")] * 20) == eur("24691357.80")
        assert eur("1234567.89") + eur("0.01") == eur("1234567.90")
        assert eur("1234567.89") * 3 == eur("3703703.67")


def test_a_new_threads_default_context_changes_nothing() -> None:
    """A thread starts from DefaultContext; a caller may have changed it."""
    found: list[Money] = []
    saved = decimal.DefaultContext.prec
    decimal.DefaultContext.prec = 5
    try:
        worker = threading.Thread(
            target=lambda: found.append(total([eur("1234567.89")] * 10))
        )
        worker.start()
        worker.join()
    finally:
        decimal.DefaultContext.prec = saved
    assert found == [eur("12345678.90")]


def test_a_result_that_cannot_be_exact_is_an_error() -> None:
    """Beyond the digits paxbill keeps, an error, never a rounded figure."""
    from paxbill import PaxbillError

    largest = eur("9" * 26 + ".99")  # 28 digits, the most an amount has
    operations: list[Callable[[], object]] = [
        lambda: largest * Decimal("1.1"),  # 29 digits
        lambda: largest + eur("0.01"),  # 10^28
        lambda: largest.split(1)[0] * 2,
    ]
    for operation in operations:
        with pytest.raises(PaxbillError) as caught:
            operation()
        assert isinstance(caught.value, ValueError)
