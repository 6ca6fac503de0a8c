"""Tests for late payment: L441-10 interest, the D441-5 indemnity, and reminders."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paxbill import (
    ClientInvoice,
    ClientInvoiceLine,
    CurrencyMismatchError,
    InvalidAmountError,
    Money,
    Party,
    PaxbillError,
    late_payment_charges,
    reminder_schedule,
)
from tests.examples import eur, refusal
from tests.strategies import client_invoices

D = dt.date


def thousand() -> ClientInvoice:
    """1,000.00 due on 1 February 2024 (issued 2 January, net 30)."""
    return ClientInvoice(
        "F2024-0001",
        D(2024, 1, 2),
        Party("Dupont", "FR", vat_id="FR40303265045"),
        Party("Client", "FR"),
        [ClientInvoiceLine("Maintenance", 1, eur("1000.00"), "E")],
    )


def test_thirty_days_at_ten_and_a_half_percent() -> None:
    """1000.00 x 10.5 % x 30 / 365 = 8.6301..., so 8.63 interest, plus 40.00."""
    invoice = thousand()
    assert invoice.due_date == D(2024, 2, 1)
    charges = late_payment_charges(invoice, D(2024, 3, 2), annual_rate="10.5")
    assert charges.days_late == 30
    assert charges.interest == eur("8.63")
    assert charges.indemnity == eur("40.00")
    assert charges.total == eur("48.63")


def test_part_payments_reduce_the_interest_day_by_day() -> None:
    """600.00 paid after 10 days: 1000 x 10 days + 400 x 20 days, at 10.5 % / 365."""
    invoice = thousand().pay(eur("600.00"), D(2024, 2, 11))
    charges = late_payment_charges(
        invoice.pay(eur("400.00"), D(2024, 3, 2)), D(2024, 3, 2), annual_rate="10.5"
    )
    # (1000 x 10 + 400 x 20) x 0.105 / 365 = 18000 x 0.105 / 365 = 5.178...
    assert charges.interest == eur("5.18")
    assert charges.indemnity == eur("40.00")


def test_paid_on_time_owes_nothing() -> None:
    """Paid on the due date: no interest, no indemnity."""
    charges = late_payment_charges(thousand(), D(2024, 2, 1), annual_rate="10.5")
    assert charges.days_late == 0
    assert charges.total == eur("0.00")


def test_bad_rates_and_indemnities() -> None:
    """A negative rate, or an indemnity in another currency, is refused."""
    with pytest.raises(InvalidAmountError) as negative:
        late_payment_charges(thousand(), D(2024, 3, 2), annual_rate="-1")
    assert str(negative.value) == "annual_rate '-1' is negative"
    with pytest.raises(TypeError) as floating:
        late_payment_charges(thousand(), D(2024, 3, 2), annual_rate=10.5)  # type: ignore[arg-type]
    assert str(floating.value).startswith("annual_rate must be a str such as '2.55'")
    with pytest.raises(CurrencyMismatchError):
        late_payment_charges(
            thousand(), D(2024, 3, 2), annual_rate="10", indemnity=Money("40", "GBP")
        )


def test_reminders_stop_once_paid() -> None:
    """Reminders at due + 7, 15 and 30 days, while something is due."""
    invoice = thousand().pay(eur("1000.00"), D(2024, 2, 20))
    days = [r.on for r in reminder_schedule(invoice)]
    assert days == [D(2024, 2, 8), D(2024, 2, 16)]  # not 2 March: paid on 20 February
    custom = reminder_schedule(thousand(), after_days=(1, 60))
    assert [(r.days_late, r.amount_due) for r in custom] == [
        (1, eur("1000.00")),
        (60, eur("1000.00")),
    ]


@given(client_invoices(), st.integers(0, 400), st.sampled_from(["10.5", "3", "12.37"]))
def test_interest_is_the_sum_of_each_days_balance(
    invoice: ClientInvoice, late: int, rate: str
) -> None:
    """Law: interest = the late days' balances x rate / 100 / 365, rounded once."""
    paid_on = invoice.due_date + dt.timedelta(late)
    balances = sum(
        (
            Fraction(invoice.amount_due_on(invoice.due_date + dt.timedelta(k)).amount)
            for k in range(late)
        ),
        Fraction(0),
    )
    exact = balances * Fraction(Decimal(rate)) / 100 / 365
    expected = (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )
    charges = late_payment_charges(invoice, paid_on, annual_rate=rate)
    assert charges.interest.amount == expected
    assert charges.indemnity.amount == (40 if balances > 0 else 0)


@pytest.mark.parametrize(
    ("after_days", "message"),
    [
        ("7", "after_days must be a sequence of whole days, not str '7'"),
        (7, "after_days must be a sequence of whole days, not int 7"),
        ([7, "15"], "each of after_days must be a whole number (int), not str '15'"),
        ([7, 0], "after_days 0 is not 1 or more"),
        ([-3], "after_days -3 is not 1 or more"),
    ],
)
def test_reminder_days_are_refused_word_for_word(
    after_days: object, message: str
) -> None:
    """A bad reminder day names after_days, the value and the rule, whole."""
    with pytest.raises(PaxbillError) as refused:
        reminder_schedule(thousand(), after_days=after_days)  # type: ignore[arg-type]
    assert str(refused.value) == message


def test_a_reminder_one_day_late_is_the_least() -> None:
    """One day after the due date is a reminder day; zero is refused above."""
    (reminder,) = reminder_schedule(thousand(), after_days=[1])
    assert reminder.days_late == 1
    assert reminder.on == thousand().due_date + dt.timedelta(days=1)


@pytest.mark.parametrize(
    ("paid_on", "indemnity", "message"),
    [
        (
            "2024-03-02",
            None,
            "paid_on must be a datetime.date such as date(2024, 6, 1), "
            "not str '2024-03-02'",
        ),
        (D(2024, 3, 2), "40", "indemnity must be a Money or None, not str '40'"),
        (
            D(2024, 3, 2),
            Money("40", "GBP"),
            "cannot charge the indemnity of EUR and GBP: convert one of them first "
            "with an exchange rate; paxbill never converts implicitly",
        ),
    ],
)
def test_late_payment_refusals_word_for_word(
    paid_on: object, indemnity: object, message: str
) -> None:
    """The day, the indemnity, the currencies: each refusal names what is wrong."""
    with pytest.raises(PaxbillError) as refused:
        late_payment_charges(
            thousand(),
            paid_on,  # type: ignore[arg-type]
            annual_rate="10",
            indemnity=indemnity,  # type: ignore[arg-type]
        )
    assert str(refused.value) == message


def test_fifty_cents_one_day_late_owes_the_indemnity() -> None:
    """Late at all, with anything due: the whole 40.00, however small the debt.

    999.50 of 1,000.00 paid on the due date leaves 0.50 for one day: 0.50 x
    10 % / 365 is 0.0001, rounded to 0.00 of interest; the indemnity is due.
    """
    bill = thousand()
    part_paid = bill.pay(eur("999.50"), bill.due_date)
    charges = late_payment_charges(
        part_paid, bill.due_date + dt.timedelta(days=1), annual_rate="10"
    )
    assert charges.days_late == 1
    assert charges.interest == eur("0.00")
    assert charges.indemnity == eur("40.00")


def test_a_rate_of_zero_charges_the_indemnity_alone() -> None:
    """At 0 %, thirty days late: no interest, and the 40.00 all the same."""
    charges = late_payment_charges(thousand(), D(2024, 3, 2), annual_rate="0")
    assert charges.interest == eur("0.00")
    assert charges.indemnity == eur("40.00")


@pytest.mark.parametrize(
    "call",
    [
        lambda: late_payment_charges("F1", D(2024, 3, 2), annual_rate="10"),  # type: ignore[arg-type]
        lambda: reminder_schedule("F1"),  # type: ignore[arg-type]
    ],
)
def test_only_an_invoice_is_charged_or_reminded(call: Callable[[], object]) -> None:
    assert refusal(call) == "invoice must be a ClientInvoice, not str 'F1'"


def test_the_interest_on_a_balance_of_28_digits_is_exact() -> None:
    """Beyond the 28 digits of Decimal's default context, the sum is still exact.

    Exactly: 21,281,388,451,765,510,190,535,132.73 due for 598 days at
    10.5 % is that x 598 x 10.5 / 36,500, rounded half-up once to the cent:
    ...810.92, where the balance rounded to 28 digits would give ...810.91.
    """
    due = Decimal("21281388451765510190535132.73")
    invoice = ClientInvoice(
        "F2024-0001",
        D(2024, 1, 2),
        Party("Dupont", "FR", vat_id="FR40303265045"),
        Party("Client", "FR"),
        [ClientInvoiceLine("Works", 1, eur(str(due)), "E")],
    )
    exact = Fraction(due) * 598 * Fraction("10.5") / 36500
    with localcontext() as wide:
        wide.prec = 100
        expected = (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(
            Decimal("0.01"), rounding=ROUND_HALF_UP
        )
    assert expected == Decimal("3660981865442072287297810.92")
    charges = late_payment_charges(
        invoice, invoice.due_date + dt.timedelta(598), annual_rate="10.5"
    )
    assert charges.interest.amount == expected
