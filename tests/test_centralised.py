"""Tests for the centralised invoice: the app, a bundle and services on one invoice."""

from __future__ import annotations

import datetime as dt

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
    centralised_lines,
    coterm_adjustment,
    coterm_line,
    quote_prepayment,
)
from tests.examples import eur
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
    assert lines[0].description.startswith(
        "Utilisateurs de l'application Entry, 3 mois"
    )
    assert all(line.vat_rate == 20 for line in lines)


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
