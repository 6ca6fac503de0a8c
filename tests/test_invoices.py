"""Tests for paxbill.paxton: invoices, autopay and activity as the portal lists them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from paxbill import (
    Account,
    AccountType,
    AppUser,
    ArgumentTypeError,
    BillingPeriod,
    CurrencyMismatchError,
    Invoice,
    InvoiceAlreadyPaidError,
    InvoiceLine,
    InvoiceStatus,
    Money,
    Payment,
    PaymentBeforeIssueError,
    PaymentMethod,
    PaymentMethodNotAllowedError,
    PerUserPrice,
    account_activity,
    apply_automatic_payments,
    estimate_next_invoice,
    issue_invoice,
    label,
    total,
)
from paxbill.paxton.invoices import APP_USERS
from tests.examples import INSTALLER, MANAGER, PORTAL_PRICE, portal_invoices
from tests.strategies import CURRENCIES, dates, periods

D = dt.date


def test_the_portals_three_invoices_on_2024_06_05() -> None:
    """They read as the portal shows them: numbers, dates, totals, type, state."""
    as_of = D(2024, 6, 5)
    rows = [
        (
            i.number,
            i.issue_date.strftime("%d/%m/%y"),
            str(i.total),
            label(i.method, "fr_FR"),
            label(i.status_on(as_of), "fr_FR"),
        )
        for i in portal_invoices()
    ]
    assert rows == [
        ("335218", "01/06/24", "178.50 EUR", "-", "facture"),
        ("335217", "01/05/24", "178.50 EUR", "-", "en retard"),
        ("335216", "01/04/24", "178.50 EUR", "manuel", "payé"),
    ]
    english = [label(i.status_on(as_of), "en_GB") for i in portal_invoices()]
    assert english == ["invoiced", "overdue", "paid"]


def test_arrears_issue_and_due_dates() -> None:
    """A month's invoice is issued on the 1st of the next and due 30 days later."""
    invoice = issue_invoice(
        "335217", INSTALLER, PORTAL_PRICE, 70, BillingPeriod.month(2024, 4)
    )
    assert invoice.period == BillingPeriod.month(2024, 4)
    assert invoice.issue_date == D(2024, 5, 1)
    assert invoice.due_date == D(2024, 5, 31)
    assert invoice.status_on(D(2024, 5, 31)) is InvoiceStatus.INVOICED
    assert invoice.status_on(D(2024, 6, 1)) is InvoiceStatus.OVERDUE
    line = invoice.lines[0]
    assert (line.quantity, line.unit_price, line.amount) == (
        70,
        Money("2.55", "EUR"),
        Money("178.50", "EUR"),
    )


def test_invoice_from_app_users() -> None:
    """It counts the AppUsers active on at least one day of the usage month."""
    users = [
        AppUser(1, D(2024, 1, 1)),
        AppUser(2, D(2024, 4, 30)),
        AppUser(3, D(2024, 1, 1), D(2024, 4, 2)),
        AppUser(4, D(2024, 5, 1)),
        AppUser(5, D(2024, 1, 1), D(2024, 4, 1)),
    ]
    invoice = issue_invoice(
        1, INSTALLER, PORTAL_PRICE, users, BillingPeriod.month(2024, 4)
    )
    assert invoice.lines[0].quantity == 3
    assert invoice.total == Money("7.65", "EUR")  # 3 x 2.55


def test_total_is_the_sum_of_lines() -> None:
    """An invoice of several lines totals them exactly."""
    lines = [
        InvoiceLine("Entry app users", 70, Money("2.55", "EUR")),
        InvoiceLine("Entry app users, late additions", 3, Money("1.275", "EUR")),
    ]
    invoice = Invoice("9", INSTALLER, BillingPeriod.month(2024, 5), lines)
    assert invoice.total == Money("182.325", "EUR")  # 178.50 + 3.825


def test_system_manager_is_due_and_collected_on_the_1st() -> None:
    """A system manager's invoice is due on its issue date and collected then."""
    invoice = issue_invoice(1, MANAGER, PORTAL_PRICE, 70, BillingPeriod.month(2024, 5))
    assert invoice.due_date == invoice.issue_date == D(2024, 6, 1)
    assert invoice.status_on(D(2024, 6, 2)) is InvoiceStatus.OVERDUE
    (collected,) = apply_automatic_payments([invoice], D(2024, 6, 1))
    assert collected.payment == Payment(D(2024, 6, 1), PaymentMethod.AUTOMATIC)
    assert collected.status_on(D(2024, 6, 2)) is InvoiceStatus.PAID


def test_automatic_payments_taken_by_a_date() -> None:
    """Autopay records a payment on the autopay date, if it has come, and only then."""
    autopaid = Account("INST-2", AccountType.APPROVED_INSTALLER, autopay=True)
    early = issue_invoice(1, autopaid, PORTAL_PRICE, 70, BillingPeriod.month(2024, 4))
    late = issue_invoice(2, autopaid, PORTAL_PRICE, 70, BillingPeriod.month(2024, 5))
    manual = issue_invoice(3, INSTALLER, PORTAL_PRICE, 70, BillingPeriod.month(2024, 4))
    result = apply_automatic_payments([early, late, manual], D(2024, 6, 5))
    assert result[0].payment == Payment(D(2024, 5, 31), PaymentMethod.AUTOMATIC)
    assert result[1] == late  # due 2024-07-01: not yet taken
    assert result[2] == manual  # autopay off
    assert apply_automatic_payments(result, D(2024, 6, 5)) == result


def test_paying_twice() -> None:
    """It raises InvoiceAlreadyPaidError, a ValueError, on a second payment."""
    paid = portal_invoices()[2]
    with pytest.raises(InvoiceAlreadyPaidError) as raised:
        paid.pay(D(2024, 5, 1), PaymentMethod.MANUAL)
    assert isinstance(raised.value, ValueError)
    assert raised.value.paid_on == D(2024, 4, 20)


def test_paying_before_issue() -> None:
    """It raises PaymentBeforeIssueError, a ValueError, on a payment before issue."""
    invoice = portal_invoices()[0]
    with pytest.raises(PaymentBeforeIssueError) as raised:
        invoice.pay(D(2024, 5, 31), PaymentMethod.MANUAL)
    assert isinstance(raised.value, ValueError)
    assert invoice.payment is None  # nothing half-built: the invoice is unchanged


def test_manual_payment_on_a_system_manager() -> None:
    """It raises PaymentMethodNotAllowedError, a ValueError, on a manual payment."""
    invoice = issue_invoice(1, MANAGER, PORTAL_PRICE, 70, BillingPeriod.month(2024, 5))
    with pytest.raises(PaymentMethodNotAllowedError) as raised:
        invoice.pay(D(2024, 6, 1), PaymentMethod.MANUAL)
    assert isinstance(raised.value, ValueError)
    assert raised.value.method is PaymentMethod.MANUAL
    # The method as a user writes it, not the enum's repr.
    assert str(raised.value).startswith("manual payment is not allowed: ")
    with pytest.raises(PaymentMethodNotAllowedError):
        portal_invoices()[0].pay(D(2024, 6, 3), PaymentMethod.AUTOMATIC)


def test_bad_invoice_fields() -> None:
    """It refuses no lines, mixed currencies, and fields of the wrong type."""
    may = BillingPeriod.month(2024, 5)
    line = InvoiceLine("x", 1, Money("1", "EUR"))
    with pytest.raises(ArgumentTypeError):
        Invoice("1", INSTALLER, may, [])
    with pytest.raises(CurrencyMismatchError):
        Invoice("1", INSTALLER, may, [line, InvoiceLine("y", 1, Money("1", "GBP"))])
    with pytest.raises(ArgumentTypeError):
        Invoice("1", "INST-1", may, [line])  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError):
        Invoice("", INSTALLER, may, [line])
    with pytest.raises(ArgumentTypeError):
        issue_invoice(1, INSTALLER, Money("2.55", "EUR"), 70, may)  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError):
        issue_invoice(1, INSTALLER, PORTAL_PRICE, 70.0, may)  # type: ignore[arg-type]


@given(st.lists(dates, min_size=1, max_size=6), st.integers(min_value=0, max_value=90))
def test_status_is_a_function_of_the_date_that_never_goes_back(
    days: list[dt.date], paid_after: int
) -> None:
    """Law: the state depends on the date only; once paid, it stays paid."""
    invoice = issue_invoice(
        1, INSTALLER, PORTAL_PRICE, 70, BillingPeriod.month(2024, 5)
    )
    paid = invoice.pay(
        invoice.issue_date + dt.timedelta(paid_after), PaymentMethod.MANUAL
    )
    order = [InvoiceStatus.INVOICED, InvoiceStatus.OVERDUE, InvoiceStatus.PAID]
    for candidate in (invoice, paid):
        states = [candidate.status_on(d) for d in sorted(days)]
        assert states == [candidate.status_on(d) for d in sorted(days)]
        assert [order.index(s) for s in states] == sorted(
            order.index(s) for s in states
        )
        for day, state in zip(sorted(days), states, strict=True):
            assert (state is InvoiceStatus.PAID) == (
                candidate.payment is not None and candidate.payment.on <= day
            )


@given(
    st.lists(
        st.tuples(st.integers(0, 500), st.integers(0, 10**5)), min_size=1, max_size=8
    )
)
def test_invoice_total_is_the_sum_of_its_lines(rows: list[tuple[int, int]]) -> None:
    """Law: an invoice's total is the exact sum of quantity x unit price."""
    lines = [InvoiceLine("x", q, Money.from_minor_units(c, "EUR")) for q, c in rows]
    invoice = Invoice("1", INSTALLER, BillingPeriod.month(2024, 5), lines)
    assert invoice.total.to_minor_units() == sum(q * c for q, c in rows)
    assert invoice.total == total([line.amount for line in lines])


@given(
    st.integers(0, 10**6) | st.text(min_size=1, max_size=8),
    st.sampled_from(list(AccountType)),
    st.integers(0, 120),
    # A negative zero is a price too, which a total makes a plain zero.
    st.just(Decimal("-0.00")) | st.decimals(min_value=0, max_value=10**4, places=4),
    st.sampled_from(CURRENCIES),
    st.none() | st.integers(0, 100),
    st.integers(0, 10**6),
    periods(),
)
def test_issue_invoice_makes_what_the_constructors_make(
    number: int | str,
    account_type: AccountType,
    credit_days: int,
    list_price: Decimal,
    currency: str,
    discount: int | None,
    users: int,
    period: BillingPeriod,
) -> None:
    """issue_invoice builds its invoice unchecked: the same, slot by slot."""
    account = Account("A-1", account_type, credit_days=credit_days)
    price = PerUserPrice(Money(list_price, currency), discount)
    issued = issue_invoice(number, account, price, users, period)
    made = Invoice(number, account, period, [InvoiceLine(APP_USERS, users, price.net)])
    for kind, left, right in [
        (Invoice, issued, made),
        (InvoiceLine, issued.lines[0], made.lines[0]),
    ]:
        for field in attrs.fields(kind):
            ours, theirs = getattr(left, field.name), getattr(right, field.name)
            assert type(ours) is type(theirs)
            assert (ours, repr(ours)) == (theirs, repr(theirs))


def test_estimate_next_invoice() -> None:
    """The portal estimates EUR 178.50 for 70 users."""
    assert estimate_next_invoice(PORTAL_PRICE, 70) == Money("178.50", "EUR")
    users = [AppUser(n, D(2024, 1, 1)) for n in range(69)] + [
        AppUser(99, D(2024, 1, 1), D(2024, 6, 3)),  # left this month: still billed
        AppUser(100, D(2024, 6, 20)),  # starts after today: not yet
    ]
    assert estimate_next_invoice(PORTAL_PRICE, users, as_of=D(2024, 6, 5)) == Money(
        "178.50", "EUR"
    )
    with pytest.raises(ArgumentTypeError):
        estimate_next_invoice(PORTAL_PRICE, users)


def test_account_activity_of_the_year() -> None:
    """The year's activity has twelve monthly totals, by issue date."""
    activity = account_activity(portal_invoices(), 2024)
    assert len(activity.totals) == 12
    euros = [m.amount for m in activity.totals]
    assert euros[3:6] == [Money("178.50", "EUR").amount] * 3  # April to June
    assert sum(euros) == 3 * Money("178.50", "EUR").amount
    assert activity.total == Money("535.50", "EUR")
    assert activity.by_month()[5] == (6, Money("178.50", "EUR"))
    other = Account("INST-9", AccountType.APPROVED_INSTALLER)
    assert account_activity(
        portal_invoices(), 2024, account=other, currency="EUR"
    ).total == Money("0", "EUR")
    with pytest.raises(ArgumentTypeError):
        account_activity([], 2024)
    with pytest.raises(CurrencyMismatchError):
        account_activity(portal_invoices(), 2024, currency="GBP")
