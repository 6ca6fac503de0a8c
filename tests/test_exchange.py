"""Tests for paxbill.core.exchange: two currencies, converted only when asked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paxbill import (
    Account,
    AccountType,
    AmountTypeError,
    BalanceReview,
    BillingFrequency,
    Client,
    CurrencyMismatchError,
    ExchangeRate,
    InvalidRateError,
    Money,
    NoExchangeRateError,
    PerUserPrice,
    RateTable,
    from_dict,
    project_cash_flow,
    review_balance,
    to_dict,
)
from tests.examples import refusal

D = dt.date
RATES = RateTable(
    [
        ExchangeRate("EUR", "GBP", "0.85", D(2024, 1, 1)),
        ExchangeRate("EUR", "GBP", "0.90", D(2024, 7, 1)),
    ]
)
PAXTON = PerUserPrice(Money("3.00", "EUR"), 15)
MANAGER = Account("SM-1", AccountType.SYSTEM_MANAGER)


def test_a_conversion_rounds_once_half_up() -> None:
    """178.50 EUR x 0.8550 = 152.6175 GBP, rounded half-up once: 152.62."""
    rate = ExchangeRate("EUR", "GBP", "0.8550", D(2024, 1, 1))
    assert rate.convert(Money("178.50", "EUR")) == Money("152.62", "GBP")
    # The other way, 100.00 / 0.855 = 116.959...: 116.96 EUR.
    assert rate.convert(Money("100.00", "GBP")) == Money("116.96", "EUR")
    # To a currency of 0 digits: 1.23 EUR x 160 = 196.8 JPY, 197.
    yen = ExchangeRate("EUR", "JPY", 160, D(2024, 1, 1))
    assert yen.convert(Money("1.23", "EUR")) == Money("197", "JPY")


@pytest.mark.parametrize("rate", [0, "-0.85", "0.00"])
def test_a_rate_of_zero_or_below(rate: object) -> None:
    """A rate of zero or below is an InvalidRateError, a ValueError."""
    with pytest.raises(InvalidRateError):
        ExchangeRate("EUR", "GBP", rate, D(2024, 1, 1))  # type: ignore[arg-type]


def test_bad_rates_by_type() -> None:
    """A float rate, or a rate from a currency to itself, is refused."""
    with pytest.raises(AmountTypeError):
        ExchangeRate("EUR", "GBP", 0.85, D(2024, 1, 1))  # type: ignore[arg-type]
    with pytest.raises(InvalidRateError, match="itself"):
        ExchangeRate("EUR", "eur", "1", D(2024, 1, 1))
    with pytest.raises(CurrencyMismatchError):
        RATES.rates[0].convert(Money("1.00", "USD"))


def test_a_table_takes_the_last_rate_by_then_either_way() -> None:
    """The rate of a pair is the last dated on or before the day, both ways."""
    assert RATES.rate_on("GBP", "EUR", D(2024, 6, 30)).rate == Decimal("0.85")
    assert RATES.rate_on("EUR", "GBP", D(2024, 7, 1)).rate == Decimal("0.90")
    assert RATES.convert(Money("90.00", "GBP"), "EUR", D(2024, 8, 1)) == Money(
        "100.00", "EUR"
    )
    with pytest.raises(NoExchangeRateError, match="2023-12-31"):
        RATES.convert(Money("1.00", "EUR"), "GBP", D(2023, 12, 31))
    with pytest.raises(NoExchangeRateError):
        RATES.convert(Money("1.00", "EUR"), "USD", D(2024, 8, 1))
    assert from_dict(to_dict(RATES.rates[0])) == RATES.rates[0]


SAME_DIGITS = st.sampled_from(["EUR", "GBP", "USD", "CHF"])


@given(
    SAME_DIGITS,
    SAME_DIGITS,
    st.decimals(Decimal("0.34"), 3, places=4),
    st.integers(-(10**9), 10**9),
)
def test_converting_and_back_is_within_one_minor_unit(
    source: str, target: str, rate: Decimal, cents: int
) -> None:
    """Law: there and back again lands within one minor unit of the start.

    Each way rounds once, by at most half a unit; a target unit worth less
    than one and a half source units (rates from 0.34 between currencies of
    two digits) keeps the return within one unit.
    """
    if source == target:
        return
    exchange = ExchangeRate(source, target, rate, D(2024, 1, 1))
    money = Money.from_minor_units(cents, source)
    back = exchange.convert(exchange.convert(money))
    assert abs(back.to_minor_units() - cents) <= 1


def test_a_gbp_installer_paying_paxton_in_eur() -> None:
    """A GBP client, a EUR Paxton account, EUR 1 = GBP 0.85, then 0.90 from July.

    70 users billed GBP 3.00 a year ahead: 2520.00 in January. Paxton's
    178.50 EUR a month is paid on the 1st: February to June at 0.85
    (151.7250, 151.73 GBP), July to December at 0.90 (160.65 GBP); December's
    usage is paid in January 2025, outside. Out: 5 x 151.73 + 6 x 160.65 =
    1722.55 GBP for 11 x 178.50 = 1963.50 EUR; at January's rate it would
    have been 11 x 151.73 = 1669.03: a loss of 53.52.
    """
    client = Client("ACME", 70, BillingFrequency.ANNUAL, Money("3.00", "GBP"))
    projection = project_cash_flow(
        [client],
        paxton_price=PAXTON,
        account=MANAGER,
        start=D(2024, 1, 1),
        months=12,
        currency="GBP",
        rates=RATES,
    )
    assert projection.currency == "GBP"
    assert projection.total_in == Money("2520.00", "GBP")
    assert projection.total_out == Money("1722.55", "GBP")
    assert projection.paxton_total_out == Money("1963.50", "EUR")
    assert projection.months[1].money_out == Money("151.73", "GBP")
    assert projection.months[6].paxton_out == Money("178.50", "EUR")
    assert projection.exchange_result == Money("-53.52", "GBP")
    assert from_dict(to_dict(projection)) == projection
    with pytest.raises(CurrencyMismatchError):
        project_cash_flow(
            [client],
            paxton_price=PAXTON,
            account=MANAGER,
            start=D(2024, 1, 1),
            months=12,
            currency="GBP",
        )


def review_in_pounds(
    as_of: dt.date, term_start: dt.date, term_end: dt.date
) -> BalanceReview:
    """GBP 100.00 reviewed against EUR 178.50 a month, converted by RATES."""
    return review_balance(
        Money("100.00", "GBP"),
        Money("178.50", "EUR"),
        as_of=as_of,
        term_start=term_start,
        term_end=term_end,
        rates=RATES,
    )


def test_a_review_across_currencies_takes_its_first_charge_as_the_monthly_cost() -> (
    None
):
    """Reviewed on 1 June: May's charge (paid 1 June, at 0.85) comes first.

    May's 178.50 EUR is 151.73 GBP; June's, paid 1 July at 0.90, is 160.65.
    The monthly cost is the first remaining charge, and the charges differ,
    so each is listed.
    """
    review = review_in_pounds(D(2024, 6, 1), D(2024, 5, 1), D(2024, 7, 1))
    assert review.monthly_cost == Money("151.73", "GBP")
    assert review.charge_amounts == (Money("151.73", "GBP"), Money("160.65", "GBP"))
    assert review.exchange_result == Money("-8.92", "GBP")  # 2 x 151.73 - 312.38


def test_a_review_across_currencies_converts_on_the_charges_days() -> None:
    """Reviewed on 15 June at 0.85, the charges are paid from 1 July at 0.90.

    June's and July's 178.50 EUR are each 160.65 GBP: the monthly cost is
    that, not the review day's 151.73.
    """
    review = review_in_pounds(D(2024, 6, 15), D(2024, 5, 1), D(2024, 8, 1))
    assert review.charge_dates == (D(2024, 7, 1), D(2024, 8, 1))
    assert review.monthly_cost == Money("160.65", "GBP")
    assert review.exchange_result == Money("-17.84", "GBP")  # 2 x (151.73 - 160.65)


def test_a_review_across_currencies_at_one_rate_lists_no_amounts() -> None:
    """Charges all converted at 0.85 are one monthly cost, and lose nothing."""
    review = review_in_pounds(D(2024, 2, 1), D(2024, 1, 1), D(2024, 4, 1))
    assert review.monthly_cost == Money("151.73", "GBP")
    assert review.charge_amounts == ()
    assert review.charges == (Money("151.73", "GBP"),) * 3
    assert review.exchange_result == Money("0.00", "GBP")


def test_a_review_across_currencies_with_no_charge_left() -> None:
    """A term of no usage month brings no charge.

    The monthly cost is then converted at the review day's rate, and
    nothing is gained or lost.
    """
    review = review_in_pounds(D(2024, 8, 10), D(2024, 8, 2), D(2024, 8, 20))
    assert review.months_remaining == 0
    assert review.monthly_cost == Money("160.65", "GBP")  # 178.50 x 0.90
    assert review.exchange_result == Money("0.00", "GBP")


def test_a_review_in_the_installer_s_currency() -> None:
    """GBP 1,800.00 against twelve EUR 178.50 charges from 2 January.

    February to June convert at 0.85 (5 x 151.73), July to the January after
    at 0.90 (7 x 160.65): 1883.20 GBP, 83.20 more than the balance, which
    pays eleven. At the review day's rate the twelve would cost 12 x 151.73 =
    1820.76: the rise costs 62.44.
    """
    review = review_balance(
        Money("1800.00", "GBP"),
        Money("178.50", "EUR"),
        as_of=D(2024, 1, 2),
        term_end=D(2025, 1, 1),
        rates=RATES,
    )
    assert review.paxton_charges == (Money("178.50", "EUR"),) * 12
    assert review.charges[0] == Money("151.73", "GBP")
    assert review.charges[-1] == Money("160.65", "GBP")
    assert review.total_due == Money("1883.20", "GBP")
    assert review.shortfall == Money("83.20", "GBP")
    assert review.months_covered == 11
    assert review.runs_out_on == D(2025, 1, 1)
    assert review.exchange_result == Money("-62.44", "GBP")
    with pytest.raises(CurrencyMismatchError):
        review_balance(
            Money("1800.00", "GBP"),
            Money("178.50", "EUR"),
            as_of=D(2024, 1, 2),
            term_end=D(2025, 1, 1),
        )


def test_a_table_sorts_its_rates_by_date() -> None:
    """Given July's rate before January's, March still converts at January's."""
    table = RateTable(
        [
            ExchangeRate("EUR", "GBP", "0.90", D(2024, 7, 1)),
            ExchangeRate("EUR", "GBP", "0.85", D(2024, 1, 1)),
        ]
    )
    assert table.rate_on("EUR", "GBP", D(2024, 3, 1)).rate == Decimal("0.85")
    assert table.convert(Money("100.00", "EUR"), "GBP", D(2024, 8, 1)) == Money(
        "90.00", "GBP"
    )


_MONEY = "a Money, not str '100.00'"
_NUMBER = (
    "a str such as '2.55', an int or a decimal.Decimal "
    "(pass a string or a Decimal, never a float)"
)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: ExchangeRate("EUR", "GBP", "-0.85", D(2024, 1, 1)),
            "exchange rate '-0.85' is zero or below: a rate is more than 0",
        ),
        (
            lambda: ExchangeRate("EUR", "GBP", 0.85, D(2024, 1, 1)),  # type: ignore[arg-type]
            f"rate must be {_NUMBER}, not float 0.85",
        ),
        (
            lambda: ExchangeRate("EUR", "eur", "1", D(2024, 1, 1)),
            "exchange rate Decimal('1') converts EUR to itself: give two currencies",
        ),
        (lambda: RATES.rates[0].convert("100.00"), f"money must be {_MONEY}"),  # type: ignore[arg-type]
        (
            lambda: RATES.rates[0].convert(Money("1.00", "USD")),
            "cannot convert EUR and USD: convert one of them first with an "
            "exchange rate; paxbill never converts implicitly",
        ),
        (
            lambda: RateTable(["0.85"]),  # type: ignore[list-item]
            "each rate must be an ExchangeRate, not str '0.85'",
        ),
        (
            lambda: RATES.rate_on("EUR", "GBP", "2024-03-01"),  # type: ignore[arg-type]
            "day must be a datetime.date such as date(2024, 6, 1), "
            "not str '2024-03-01'",
        ),
        (
            lambda: RATES.rate_on("gbp", "EUR", D(2023, 12, 31)),
            "no rate converts GBP to EUR on 2023-12-31: add a rate dated on or "
            "before it to the table",
        ),
        (
            lambda: RATES.convert("100.00", "GBP", D(2024, 3, 1)),  # type: ignore[arg-type]
            f"money must be {_MONEY}",
        ),
    ],
)
def test_a_refusal_of_the_rates_says_what_was_expected(
    call: Callable[[], object], message: str
) -> None:
    assert refusal(call) == message
