"""Hypothesis strategies shared by the tests."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
from dateutil.relativedelta import relativedelta
from hypothesis import strategies as st

from paxbill import (
    AppUser,
    BillingFrequency,
    BillingPeriod,
    BillingTerm,
    ClientInvoice,
    ClientInvoiceLine,
    CreditExceedsInvoiceError,
    Money,
    Party,
    PaymentMeans,
    PaymentTerms,
    VatCategory,
)

#: Currencies with 0, 2 and 3 decimal places.
CURRENCIES = ("EUR", "GBP", "JPY", "BHD")
MINOR_UNITS = {"EUR": 2, "GBP": 2, "JPY": 0, "BHD": 3}


def amounts(*, places: int = 4, limit: int = 10**9) -> st.SearchStrategy[Decimal]:
    """Decimals with up to *places* decimal places, within plus or minus *limit*."""
    return st.decimals(
        min_value=-limit, max_value=limit, places=places, allow_nan=False
    )


def money(currency: str | None = None) -> st.SearchStrategy[Money]:
    """Money in *currency*, or in any of CURRENCIES."""
    codes = st.just(currency) if currency else st.sampled_from(CURRENCIES)
    return st.builds(Money, amounts(), codes)


#: Non-negative weights, ints or Decimals, with a positive total.
weights = st.lists(
    st.one_of(
        st.integers(min_value=0, max_value=1000),
        st.decimals(min_value=0, max_value=1000, places=3),
    ),
    min_size=1,
    max_size=12,
).filter(lambda ws: sum(ws) > 0)


#: Dates from 2000 to 2099, with month ends and leap days well represented.
dates = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31))
month_end_dates = st.builds(
    lambda year, month: dt.date(year, month, 1) + relativedelta(months=1, days=-1),
    st.integers(min_value=2000, max_value=2099),
    st.integers(min_value=1, max_value=12),
)
anchors = st.one_of(dates, month_end_dates)
frequencies = st.sampled_from(list(BillingFrequency))
#: Named frequencies and terms of any months, up to three years.
billings = frequencies | st.integers(1, 36).map(BillingTerm)


@st.composite
def app_users(draw: st.DrawFn, user_id: int = 0) -> AppUser:
    """An AppUser active from a date, perhaps until a later one."""
    start = draw(dates)
    end = draw(st.none() | st.integers(min_value=0, max_value=800))
    return AppUser(user_id, start, None if end is None else start + dt.timedelta(end))


def periods() -> st.SearchStrategy[BillingPeriod]:
    """Any period of 1 to 400 days."""
    return st.builds(
        lambda start, days: BillingPeriod(start, start + dt.timedelta(days)),
        dates,
        st.integers(min_value=1, max_value=400),
    )


# -- the installer's invoices ----------------------------------------------

#: Standard VAT rates of EU countries, as the issue writes them.
VAT_RATES = ("20", "10", "5.5", "2.1", "19", "7", "21", "8.5", "0.9", "99.99")

parties = st.builds(
    Party,
    st.sampled_from(["Sécurité Dupont SARL", "Résidence Les Tilleuls", "Acme GmbH"]),
    st.sampled_from(["FR", "DE", "BE", "GB", "ES"]),
    vat_id=st.none() | st.sampled_from(["FR40303265045", "DE123456789"]),
    address=st.lists(st.sampled_from(["12 rue des Lilas", "75011 Paris"]), max_size=3),
)


@st.composite
def client_lines(draw: st.DrawFn, currency: str = "EUR") -> ClientInvoiceLine:
    """A line of some quantity at some price, in any VAT category."""
    category = draw(st.sampled_from(list(VatCategory)))
    rate = (
        draw(st.sampled_from(VAT_RATES)) if category is VatCategory.STANDARD else None
    )
    quantity = draw(
        st.integers(0, 500) | st.decimals(0, 1000, places=3, allow_nan=False)
    )
    price = Money(draw(st.decimals(0, 10_000, places=4, allow_nan=False)), currency)
    return ClientInvoiceLine("Service", quantity, price, category, rate)


@st.composite
def client_invoices(draw: st.DrawFn, *, settled: bool = True) -> ClientInvoice:
    """An invoice of one to five lines, with payments and credit notes if *settled*."""
    lines = draw(st.lists(client_lines(), min_size=1, max_size=5))
    seller, buyer = draw(parties), draw(parties)
    if any(line.vat_category.needs_both_vat_ids for line in lines):
        seller = attrs.evolve(seller, vat_id=seller.vat_id or "FR40303265045")
        buyer = attrs.evolve(buyer, vat_id=buyer.vat_id or "DE123456789")
    invoice = ClientInvoice(
        draw(st.sampled_from(["F2024-0001", "F-12", "INV/2024/7"])),
        draw(dates),
        seller,
        buyer,
        lines,
        payment_terms=PaymentTerms(draw(st.integers(0, 60)), draw(st.booleans())),
        language=draw(st.sampled_from(["fr", "en"])),
    )
    if not settled:
        return invoice
    for step in range(draw(st.integers(0, 4))):
        day = invoice.issue_date + dt.timedelta(draw(st.integers(0, 120)))
        if draw(st.booleans()):
            due = invoice.amount_due_on(dt.date.max)
            if due.amount > 0:
                cents = draw(st.integers(1, due.to_minor_units()))
                amount = Money.from_minor_units(cents, invoice.currency)
                invoice = invoice.pay(amount, day, draw(st.sampled_from(PaymentMeans)))
            continue
        picked = None
        if draw(st.booleans()):
            line = draw(st.sampled_from(invoice.lines))
            share = draw(st.sampled_from([Decimal("0.25"), Decimal("0.5"), Decimal(1)]))
            picked = [line.with_quantity(line.quantity * share)]
        try:
            note = invoice.credit(f"AV-{step}", day, picked)
        except CreditExceedsInvoiceError:
            continue
        invoice = invoice.apply_credit(note)
    return invoice
