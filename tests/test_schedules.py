"""Tests for paxbill.core.schedules: dated prices, and every figure that uses them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

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
    Client,
    Discount,
    InvalidScheduleError,
    Money,
    PerUserPrice,
    Portfolio,
    PriceNotInForceError,
    PriceSchedule,
    Site,
    bill_portfolio,
    estimate_next_invoice,
    from_dict,
    issue_invoice,
    paxton_price_of,
    paxton_schedule,
    price_change_effect,
    project_cash_flow,
    quote_prepayment,
    review_balance,
    to_dict,
)
from paxbill.core.schedules import paxton_net_on
from tests.examples import refusal
from tests.strategies import billings, dates

D = dt.date
EUR = "EUR"
RISE = paxton_schedule(
    PriceSchedule(
        {D(2024, 1, 1): Money("3.00", EUR), D(2024, 7, 1): Money("3.30", EUR)}
    ),
    Discount(15),
)
INSTALLER = Account("INST-1", AccountType.APPROVED_INSTALLER)


def test_a_price_rise_bills_each_usage_month_at_its_own_price() -> None:
    """3.00 then 3.30 from 1 July, less 15 %: June's usage 2.55, July's 2.81.

    June's invoice is issued on 1 July, the day of the rise, and still bills
    June at June's price; 3.30 x 0.85 = 2.805 rounds half-up to 2.81.
    """
    june = issue_invoice(1, INSTALLER, RISE, 70, BillingPeriod.month(2024, 6))
    july = issue_invoice(2, INSTALLER, RISE, 70, BillingPeriod.month(2024, 7))
    assert june.issue_date == D(2024, 7, 1)
    assert june.lines[0].unit_price == Money("2.55", EUR)
    assert july.lines[0].unit_price == Money("2.81", EUR)
    assert july.total == Money("196.70", EUR)
    assert estimate_next_invoice(RISE, 70, as_of=D(2024, 7, 15)) == july.total


def test_discount_and_list_price_change_on_their_own_dates() -> None:
    """A schedule of discounts combines with one of list prices, date by date."""
    prices = paxton_schedule(
        PriceSchedule({D(2024, 1, 1): Money("3.00", EUR)}),
        PriceSchedule({D(2024, 1, 1): Discount(15), D(2024, 4, 1): Discount(20)}),
    )
    assert prices.on(D(2024, 3, 31)).net == Money("2.55", EUR)
    assert prices.on(D(2024, 4, 1)).net == Money("2.40", EUR)


def test_two_prices_on_one_date() -> None:
    """Two entries on one date are an InvalidScheduleError, a ValueError."""
    with pytest.raises(InvalidScheduleError, match="2024-07-01"):
        PriceSchedule(
            [(D(2024, 7, 1), Money("3.00", EUR)), (D(2024, 7, 1), Money("3.30", EUR))]
        )


@pytest.mark.parametrize(
    "entries",
    [
        [],
        [(D(2024, 1, 1), Money("3.00", EUR)), (D(2024, 7, 1), Money("3.30", "GBP"))],
        [(D(2024, 1, 1), Money("3.00", EUR)), (D(2024, 7, 1), Discount(15))],
    ],
)
def test_schedules_that_do_not_hold_together(entries: list[object]) -> None:
    """No entry, two currencies or two kinds of value are refused."""
    with pytest.raises(InvalidScheduleError):
        PriceSchedule(entries)  # type: ignore[arg-type]


def test_bad_entries_by_type() -> None:
    """Entries that are not (date, price) pairs are an ArgumentTypeError."""
    with pytest.raises(ArgumentTypeError):
        PriceSchedule([(D(2024, 1, 1), "3.00")])  # type: ignore[list-item]
    with pytest.raises(ArgumentTypeError):
        PriceSchedule([("2024-01-01", Money("3.00", EUR))])  # type: ignore[list-item]


def test_no_price_before_the_first_date() -> None:
    """A date before the first entry is a PriceNotInForceError."""
    with pytest.raises(PriceNotInForceError, match="2024-01-01"):
        RISE.on(D(2023, 12, 31))
    with pytest.raises(PriceNotInForceError):
        issue_invoice(1, INSTALLER, RISE, 70, BillingPeriod.month(2023, 12))


def test_a_quote_across_a_change_bills_each_month_at_its_price() -> None:
    """A quarter from 1 June, 4.00 then 4.40 from July: (4.00 + 2 x 4.40) x 10."""
    price = PriceSchedule(
        {D(2024, 1, 1): Money("4.00", EUR), D(2024, 7, 1): Money("4.40", EUR)}
    )
    quote = quote_prepayment(price, 10, BillingFrequency.QUARTERLY, D(2024, 6, 1))
    assert quote.total == Money("128.00", EUR)
    assert quote.prices == (
        Money("4.00", EUR),
        Money("4.40", EUR),
        Money("4.40", EUR),
    )
    assert from_dict(to_dict(quote)) == quote
    assert from_dict(to_dict(price)) == price


def test_a_review_charges_each_month_at_its_price() -> None:
    """10 users, Paxton's rise from July: 25.50 for May and June, then 28.10.

    From 2 May to the end of September, five charges remain: 2 x 25.50 +
    3 x 28.10 = 135.30. A balance of 100.00 pays May's, June's and July's
    (79.10) but not August's, paid on 1 September: 35.30 short.
    """
    costs = PriceSchedule(
        {day: price.net * 10 for day, price in RISE.entries}  # type: ignore[union-attr]
    )
    review = review_balance(
        Money("100.00", EUR), costs, as_of=D(2024, 5, 2), term_end=D(2024, 10, 1)
    )
    assert review.charges == (
        Money("25.50", EUR),
        Money("25.50", EUR),
        Money("28.10", EUR),
        Money("28.10", EUR),
        Money("28.10", EUR),
    )
    assert review.total_due == Money("135.30", EUR)
    assert review.months_covered == 3
    assert review.runs_out_on == D(2024, 9, 1)
    assert review.shortfall == Money("35.30", EUR)


def test_a_price_change_side_by_side() -> None:
    """The what-if bills the portfolio both ways and pairs each figure."""
    users = [AppUser(n, D(2023, 1, 1)) for n in range(10)]
    site = Site("ACME", "INST-1", users, Money("4.00", EUR), BillingFrequency.ANNUAL)
    effect = price_change_effect(
        Portfolio([INSTALLER], [site]),
        year=2024,
        paxton_price=PerUserPrice(Money("3.00", EUR), 15),
        new_paxton_price=RISE,
        review_on=D(2024, 6, 1),
    )
    ((name, before, after),) = effect.reviews()
    assert name == "ACME"
    # Eight charges remain on 1 June (May's to December's, paid 1 July to
    # 31 January): 8 x 25.50 before; 2 x 25.50 + 6 x 28.10 after.
    assert before.total_due == Money("204.00", EUR)
    assert after.total_due == Money("219.60", EUR)
    ((_, low_before, low_after),) = effect.lowest_positions()
    assert low_after <= low_before


PRICES = st.integers(0, 1000).map(lambda cents: Money.from_minor_units(cents, EUR))


@given(PRICES, st.integers(0, 200), billings, dates)
def test_a_schedule_of_one_price_gives_today_s_figures(
    price: Money, users: int, billing: BillingFrequency, start: dt.date
) -> None:
    """Law: a one-entry schedule gives exactly the figures of the price alone."""
    paxton = PerUserPrice(price, 15)
    one = PriceSchedule.constant(paxton)
    month = BillingPeriod.month(start.year, start.month)
    assert issue_invoice(1, INSTALLER, one, users, month) == issue_invoice(
        1, INSTALLER, paxton, users, month
    )
    client_price = PriceSchedule.constant(price)
    assert quote_prepayment(client_price, users, billing, start) == quote_prepayment(
        price, users, billing, start
    )
    clients = [Client("A", users, billing, price)]
    dated = [Client("A", users, billing, client_price)]
    assert project_cash_flow(
        dated, paxton_price=one, account=INSTALLER, start=start, months=14
    ) == project_cash_flow(
        clients, paxton_price=paxton, account=INSTALLER, start=start, months=14
    )
    cost = paxton.net * users
    end = start + dt.timedelta(days=400)
    assert review_balance(
        Money("100.00", EUR), PriceSchedule.constant(cost), as_of=start, term_end=end
    ) == review_balance(Money("100.00", EUR), cost, as_of=start, term_end=end)


@given(PRICES, billings, st.dates(min_value=D(2024, 1, 1), max_value=D(2024, 12, 31)))
def test_a_portfolio_at_one_dated_price_bills_as_today(
    price: Money, billing: BillingFrequency, review_on: dt.date
) -> None:
    """Law: bill_portfolio at a one-entry schedule equals it at the price."""
    users = [AppUser(n, D(2023, 6, 1) + dt.timedelta(days=17 * n)) for n in range(30)]
    site = Site("S", "INST-1", users, price, billing, term_start=D(2023, 9, 15))
    portfolio = Portfolio([INSTALLER], [site])
    paxton = PerUserPrice(Money("3.00", EUR), 15)
    assert bill_portfolio(
        portfolio,
        year=2024,
        paxton_price=PriceSchedule.constant(paxton),
        review_on=review_on,
    ) == bill_portfolio(portfolio, year=2024, paxton_price=paxton, review_on=review_on)


def test_charges_that_change_are_counted_exactly_in_any_context() -> None:
    """Months covered by changing charges do not depend on the decimal context."""
    from decimal import localcontext

    costs = PriceSchedule(
        {D(2024, 1, 1): Money("25.50", EUR), D(2024, 7, 1): Money("28.10", EUR)}
    )
    expected = review_balance(
        Money("472.49", EUR), costs, as_of=D(2024, 5, 2), term_end=D(2025, 10, 1)
    )
    covered = expected.months_covered
    with localcontext() as context:
        context.prec = 3
        review = review_balance(
            Money("472.49", EUR), costs, as_of=D(2024, 5, 2), term_end=D(2025, 10, 1)
        )
        assert review.months_covered == covered
    # 2 x 25.50 + 15 x 28.10 = 472.50 for the 17 charges: 472.49 pays 16.
    assert expected.months_remaining == 17
    assert covered == 16


def test_list_prices_without_a_discount_are_a_schedule_of_their_own() -> None:
    schedule = paxton_schedule(Money("3.00", EUR))
    assert len(schedule.entries) == 1
    assert schedule.on(D(2024, 6, 1)) == PerUserPrice(Money("3.00", EUR))


def test_a_schedule_starts_when_both_the_price_and_the_discount_are_in_force() -> None:
    """3.00 from January, 3.30 from July; 15 % off from March, 20 % from September.

    March: 3.00 x 0.85 = 2.55; July: 3.30 x 0.85 = 2.805, half-up 2.81;
    September: 3.30 x 0.80 = 2.64.
    """
    schedule = paxton_schedule(
        PriceSchedule(
            {D(2024, 1, 1): Money("3.00", EUR), D(2024, 7, 1): Money("3.30", EUR)}
        ),
        PriceSchedule({D(2024, 3, 1): Discount(15), D(2024, 9, 1): Discount(20)}),
    )
    assert schedule.dates == (D(2024, 3, 1), D(2024, 7, 1), D(2024, 9, 1))
    nets = [schedule.on(day).net for day in schedule.dates]
    assert nets == [Money("2.55", EUR), Money("2.81", EUR), Money("2.64", EUR)]
    with pytest.raises(PriceNotInForceError):
        schedule.on(D(2024, 2, 29))


def test_paxton_s_net_on_a_day_reads_a_schedule_on_that_day() -> None:
    lists = PriceSchedule(
        {D(2024, 1, 1): Money("3.00", EUR), D(2024, 7, 1): Money("3.30", EUR)}
    )
    assert paxton_net_on(lists, D(2024, 6, 30)) == Money("3.00", EUR)
    assert paxton_net_on(lists, D(2024, 7, 1)) == Money("3.30", EUR)


_PRICE = Money("3.00", EUR)
_DATE = "must be a datetime.date such as date(2024, 6, 1), not"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: PriceSchedule({D(2024, 1, 1): _PRICE}).on(D(2023, 12, 31)),
            "no price is in force on 2023-12-31: the schedule starts on "
            "2024-01-01; give a price from an earlier date",
        ),
        (
            lambda: PriceSchedule({D(2024, 1, 1): _PRICE}).on("2024-01-01"),  # type: ignore[arg-type]
            f"day {_DATE} str '2024-01-01'",
        ),
        (
            lambda: PriceSchedule({}),
            "price schedule: it holds no price: give at least one",
        ),
        (
            lambda: PriceSchedule([[D(2024, 1, 1), _PRICE]]),  # type: ignore[list-item]
            "each entry must be a (date, price) pair, "
            "not list [datetime.date(2024, 1, 1), Money('3.00', 'EUR')]",
        ),
        (
            lambda: PriceSchedule([(D(2024, 1, 1), "3.00")]),  # type: ignore[list-item]
            "each price must be a Money, a Discount or a PerUserPrice, not str '3.00'",
        ),
        (
            lambda: PriceSchedule([("2024-01-01", _PRICE)]),  # type: ignore[list-item]
            f"effective date {_DATE} str '2024-01-01'",
        ),
        (
            lambda: PriceSchedule(
                [(D(2024, 1, 1), Discount(15)), (D(2024, 1, 1), Discount(20))]
            ),
            "price schedule: two prices apply from 2024-01-01: give one price a date",
        ),
        (
            lambda: PriceSchedule({D(2024, 1, 1): _PRICE, D(2024, 7, 1): Discount(15)}),  # type: ignore[arg-type]
            "price schedule: the price from 2024-07-01 is not of the same kind and "
            f"currency as the one before: {_PRICE!r} then {Discount(15)!r}",
        ),
        (
            lambda: paxton_schedule("3.00"),  # type: ignore[arg-type]
            "list_prices must be a Money or a PriceSchedule of them, not str '3.00'",
        ),
        (
            lambda: paxton_schedule(_PRICE, 15),  # type: ignore[arg-type]
            "discounts must be a Discount or a PriceSchedule of them, not int 15",
        ),
        (
            lambda: paxton_price_of("3.00"),  # type: ignore[arg-type]
            "Paxton's price must be a PerUserPrice or a Money, not str '3.00'",
        ),
        (
            lambda: PerUserPrice("3.00"),  # type: ignore[arg-type]
            "list price must be a Money such as Money('3.00', 'EUR'), not str '3.00'",
        ),
        (
            lambda: PerUserPrice(Money("-1.00", EUR)),
            "list price Money('-1.00', 'EUR') is negative: give a price of 0 or more",
        ),
    ],
)
def test_a_refusal_of_a_price_says_what_was_expected(
    call: Callable[[], object], message: str
) -> None:
    assert refusal(call) == message
