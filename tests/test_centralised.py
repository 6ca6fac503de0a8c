"""Tests for the centralised invoice: the app, a bundle and services on one invoice."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paxbill import (
    BillingFrequency,
    Bundle,
    ClientInvoiceLine,
    InvalidQuantityError,
    PerUserPrice,
    PriceSchedule,
    ProrationMethod,
    VatCategory,
    centralised_lines,
    coterm_adjustment,
    coterm_line,
    quote_prepayment,
)
from tests.examples import eur, refusal
from tests.strategies import anchors, billings

D = dt.date


def test_the_app_a_bundle_and_services_on_one_invoice() -> None:
    """A quarter of 70 users at 4.00, a bundle fee, maintenance: one line each."""
    quote = quote_prepayment(eur("4.00"), 70, BillingFrequency.QUARTERLY, D(2024, 1, 1))
    bundle = Bundle(eur("500.00"), BillingFrequency.MONTHLY, 50, eur("3.00"), eur("0"))
    lines = centralised_lines(
        quote=quote,
        bundle=bundle,
        services=[
            ("Maintenance", eur("150.00")),
            ClientInvoiceLine("Badges", 10, eur("5.00"), "S", "20"),
        ],
        vat_rate="20",
    )
    assert [line.net_amount for line in lines] == [
        eur("840.00"),  # 70 x 4.00 x 3
        eur("500.00"),
        eur("150.00"),
        eur("50.00"),
    ]
    assert [line.description for line in lines[:2]] == [
        "Utilisateurs de l'application Entry, 3 mois du 01/01/2024 au 31/03/2024",
        "Forfait mensuel : application Entry pour 50 utilisateurs et services",
    ]
    assert all(line.vat_rate == 20 for line in lines)


def test_the_lines_in_english() -> None:
    quote = quote_prepayment(eur("4.00"), 70, BillingFrequency.ANNUAL, D(2024, 1, 1))
    bundle = Bundle(eur("5000.00"), BillingFrequency.ANNUAL, 50, eur("3.00"), eur("0"))
    lines = centralised_lines(quote=quote, bundle=bundle, vat_rate="20", language="en")
    assert [line.description for line in lines] == [
        "Entry app users, 12 months from 01/01/2024 to 31/12/2024",
        "Annual bundled fee: Entry app for 50 users and services",
    ]


def test_added_users_are_billed_at_the_lines_vat() -> None:
    """Lines of a zero-rated invoice: the users added are zero-rated too."""
    quote = quote_prepayment(eur("4.00"), 70, BillingFrequency.QUARTERLY, D(2024, 1, 1))
    lines = centralised_lines(
        quote=quote, added_users=[(5, D(2024, 2, 15))], vat_category="Z"
    )
    assert [line.vat_category for line in lines] == [VatCategory.ZERO_RATED] * 2


def test_added_users_are_a_line_at_the_coterm_figure() -> None:
    """5 users added on 15 February to a quarter at 2.55: February and March, 25.50."""
    quarter = quote_prepayment(
        eur("2.55"), 70, BillingFrequency.QUARTERLY, D(2024, 1, 1)
    )
    lines = centralised_lines(
        quote=quarter, added_users=[(5, D(2024, 2, 15))], vat_rate="20", language="en"
    )
    added = lines[1]
    assert added.quantity == 5
    assert added.unit_price == eur("5.10")  # two months x 2.55
    assert added.net_amount == eur("25.50")
    assert added.description == "5 users added on 15/02/2024, to 31/03/2024"
    with pytest.raises(InvalidQuantityError):
        centralised_lines(
            quote=quarter, added_users=[(-5, D(2024, 2, 15))], vat_rate="20"
        )


def test_a_price_change_in_the_term_is_in_the_unit_price() -> None:
    """From June at 4.00, then 4.40 from July: a quarter per user is 4.00 + 2 x 4.40."""
    schedule = PriceSchedule(
        [(D(2024, 1, 1), eur("4.00")), (D(2024, 7, 1), eur("4.40"))]
    )
    quote = quote_prepayment(schedule, 10, BillingFrequency.QUARTERLY, D(2024, 6, 1))
    (line,) = centralised_lines(quote=quote, vat_rate="20")
    assert line.unit_price == eur("12.80")
    assert line.net_amount == quote.total == eur("128.00")


def test_nothing_to_bill_is_refused() -> None:
    """An invoice needs something on it."""
    with pytest.raises(TypeError):
        centralised_lines(vat_rate="20")


@given(
    st.integers(1, 300),
    billings,
    anchors,
    st.integers(-50, 50).filter(bool),
    st.integers(0, 2000),
    st.sampled_from(list(ProrationMethod)),
    st.sampled_from(["2.55", "4.00", "2.5567"]),
)
def test_a_coterm_line_bills_the_coterm_figure(
    users: int,
    billing: BillingFrequency,
    start: dt.date,
    change: int,
    offset: int,
    method: ProrationMethod,
    price: str,
) -> None:
    """Law: a co-term line's net amount is coterm_adjustment's figure, unsigned."""
    quote = quote_prepayment(PerUserPrice(eur(price), 15), users, billing, start)
    day = start + dt.timedelta(offset % quote.period.days)
    line = coterm_line(quote, change, day, method=method, vat_rate="20")
    assert line.net_amount == abs(coterm_adjustment(quote, change, day, method=method))
    assert line.net_amount.amount >= 0


def _quarter() -> Any:
    return quote_prepayment(eur("2.55"), 70, BillingFrequency.QUARTERLY, D(2024, 1, 1))


@pytest.mark.parametrize(
    ("change", "language", "text"),
    [
        (1, "fr", "1 utilisateurs ajoutés le 15/02/2024, jusqu'au 31/03/2024"),
        (1, "en", "1 users added on 15/02/2024, to 31/03/2024"),
        (-5, "fr", "5 utilisateurs retirés le 15/02/2024, jusqu'au 31/03/2024"),
        (-5, "en", "5 users removed on 15/02/2024, to 31/03/2024"),
    ],
)
def test_a_coterm_line_says_how_many_users_were_added_or_removed(
    change: int, language: str, text: str
) -> None:
    line = _coterm(_quarter(), change, D(2024, 2, 15), language=language)
    assert line.description == text


_coterm: Callable[..., Any] = partial(coterm_line, vat_rate="20")
_lines: Callable[..., Any] = partial(centralised_lines, vat_rate="20")
_ADVICE = "give a count of 0 or more, and credit what is removed with a credit note"
_PAIR = "a ClientInvoiceLine or a (description, Money) pair"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: _coterm(_quarter(), 0, D(2024, 2, 15)),
            f"quantity 0 is no change of users: {_ADVICE}",
        ),
        (
            lambda: _coterm(_quarter(), "1", D(2024, 2, 15)),
            "users_change must be a whole number (int), not str '1'",
        ),
        (
            lambda: _coterm(_quarter(), 1, "2024-02-15"),
            "on must be a datetime.date such as date(2024, 6, 1), not str '2024-02-15'",
        ),
        (
            lambda: _lines(services=[("Maintenance", "150")]),
            f"each service must be {_PAIR}, not tuple ('Maintenance', '150')",
        ),
        (
            lambda: _lines(services=[["Maintenance", eur("150")]]),
            f"each service must be {_PAIR}, "
            "not list ['Maintenance', Money('150', 'EUR')]",
        ),
        (
            lambda: _lines(services=[("Maintenance", eur("1"), eur("1"))]),
            f"each service must be {_PAIR}, not tuple "
            "('Maintenance', Money('1', 'EUR'), Money('1', 'EUR'))",
        ),
        (
            lambda: _lines(quote="Q1"),
            "quote must be a PrepaymentQuote or None, not str 'Q1'",
        ),
        (
            lambda: _lines(bundle="B1"),
            "bundle must be a Bundle or None, not str 'B1'",
        ),
        (
            lambda: _lines(quote=_quarter(), added_users=[5]),
            "each added_users must be a (users, day) pair, not int 5",
        ),
        (
            lambda: _lines(quote=_quarter(), added_users=[[5, D(2024, 2, 15)]]),
            "each added_users must be a (users, day) pair, "
            "not list [5, datetime.date(2024, 2, 15)]",
        ),
        (
            lambda: _lines(added_users=[(5, D(2024, 2, 15))]),
            "quote must be the PrepaymentQuote the users are added to, "
            "not NoneType None",
        ),
        (
            lambda: _lines(quote=_quarter(), added_users=[("5", D(2024, 2, 15))]),
            "users added must be a whole number (int), not str '5'",
        ),
        (
            lambda: _lines(quote=_quarter(), added_users=[(-5, D(2024, 2, 15))]),
            f"quantity -5 is negative: {_ADVICE}",
        ),
        (
            lambda: _lines(quote=_quarter(), added_users=[(0, D(2024, 2, 15))]),
            f"quantity 0 is no change of users: {_ADVICE}",
        ),
        (
            lambda: _lines(),
            "what to bill must be a quote, a bundle, services or added users, "
            "not list []",
        ),
    ],
)
def test_a_refusal_says_what_was_expected_word_for_word(
    call: Callable[[], object], message: str
) -> None:
    assert refusal(call) == message


def test_users_removed_in_a_term_s_last_month_are_credited_nothing() -> None:
    """A monthly term from 30 June: removed on 1 July, still billed that month.

    No month of the term is left after the one the day falls in: the line
    credits the one user for no month, 0.00 in the term's currency.
    """
    quote = quote_prepayment(
        PerUserPrice(eur("2.55"), 15), 1, BillingFrequency.MONTHLY, D(2000, 6, 30)
    )
    line = coterm_line(quote, -1, D(2000, 7, 1), vat_rate="20")
    assert line.quantity == 1
    assert (line.unit_price, line.net_amount) == (eur("0.00"), eur("0.00"))
