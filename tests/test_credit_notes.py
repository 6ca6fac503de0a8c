"""Tests for credit notes: users removed mid-term, full credits, and their limits."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given

from paxbill import (
    ArgumentTypeError,
    BillingFrequency,
    BillingPeriod,
    ClientInvoice,
    ClientInvoiceLine,
    ClientInvoiceStatus,
    CreditExceedsInvoiceError,
    CreditNote,
    Delivery,
    InvalidInvoiceError,
    Money,
    Note,
    centralised_lines,
    coterm_adjustment,
    coterm_line,
    quote_prepayment,
)
from tests.examples import BUYER, SELLER, eur
from tests.strategies import client_invoices

D = dt.date
QUOTE = quote_prepayment(eur("4.00"), 70, BillingFrequency.ANNUAL, D(2024, 1, 1))


def annual_invoice(**extra: Any) -> ClientInvoice:
    """A year of 70 app users at 4.00 a month, billed in advance, VAT 20 %."""
    return ClientInvoice(
        "F2024-0001",
        D(2024, 1, 1),
        SELLER,
        BUYER,
        centralised_lines(quote=QUOTE, vat_rate="20"),
        **extra,
    )


def test_the_annual_invoice_by_hand() -> None:
    """70 users x 4.00 x 12 months = 3360.00 net, 672.00 VAT, 4032.00 gross."""
    invoice = annual_invoice()
    (line,) = invoice.lines
    assert line.quantity == 70
    assert line.unit_price == eur("48.00")  # 12 x 4.00 per user for the year
    assert invoice.net_total == eur("3360.00")
    assert invoice.vat_total == eur("672.00")
    assert invoice.gross_total == eur("4032.00")


def test_a_credit_note_for_five_users_removed() -> None:
    """5 users removed on 15 July: credited August to December, 5 x 5 x 4.00."""
    invoice = annual_invoice()
    removed = coterm_line(QUOTE, -5, D(2024, 7, 15), vat_rate="20")
    # Paxton still bills July, in which they were active: five months are left.
    assert removed.quantity == 5
    assert removed.unit_price == eur("20.00")
    assert removed.net_amount == -coterm_adjustment(QUOTE, -5, D(2024, 7, 15))
    note = invoice.credit("AV2024-0001", D(2024, 7, 15), [removed], reason="5 users")
    assert isinstance(note, CreditNote)
    assert note.TYPE_CODE == "381"
    assert note.invoice_number == "F2024-0001"
    assert note.invoice_issue_date == D(2024, 1, 1)
    assert note.net_total == eur("100.00")
    assert note.vat_total == eur("20.00")
    assert note.gross_total == eur("120.00")
    credited = invoice.apply_credit(note)
    assert credited.amount_due_on(D(2024, 7, 14)) == eur("4032.00")
    assert credited.amount_due_on(D(2024, 7, 15)) == eur("3912.00")
    assert credited.status_on(D(2024, 7, 15)) is ClientInvoiceStatus.OVERDUE


def test_a_credit_of_some_quantity_of_a_line() -> None:
    """Crediting 5 of the 70 users' year is 5 x 48.00 = 240.00 net."""
    invoice = annual_invoice()
    note = invoice.credit("AV1", D(2024, 1, 5), [invoice.lines[0].with_quantity(5)])
    assert note.net_total == eur("240.00")
    assert note.gross_total == eur("288.00")


def test_lines_to_credit_by_index_and_quantity() -> None:
    """(0, 5) credits 5 of the first line's 70 users, like with_quantity(5)."""
    invoice = annual_invoice()
    by_index = invoice.credit("AV1", D(2024, 1, 5), [(0, 5)])
    by_line = invoice.credit("AV1", D(2024, 1, 5), [(invoice.lines[0], 5)])
    assert by_index.net_total == by_line.net_total == eur("240.00")
    with pytest.raises(InvalidInvoiceError):
        invoice.credit("AV1", D(2024, 1, 5), [(1, 5)])
    with pytest.raises(TypeError):
        invoice.credit("AV1", D(2024, 1, 5), ["all"])  # type: ignore[list-item]


def test_a_full_credit_cancels_the_invoice() -> None:
    """Crediting all of it leaves nothing due, and the invoice is credited."""
    invoice = annual_invoice()
    note = invoice.credit("AV1", D(2024, 1, 10))
    assert note.lines == invoice.lines
    assert note.gross_total == invoice.gross_total
    cancelled = invoice.apply_credit(note)
    assert cancelled.amount_due_on(D(2024, 1, 10)) == eur("0.00")
    assert cancelled.status_on(D(2024, 1, 10)) is ClientInvoiceStatus.CREDITED
    assert cancelled.status_on(D(2024, 1, 9)) is ClientInvoiceStatus.ISSUED


def test_a_full_credit_after_a_partial_one_credits_the_rest() -> None:
    """lines=None after 5 users credits the other 3120.00 net, by VAT group."""
    invoice = annual_invoice()
    first = invoice.credit("AV1", D(2024, 2, 1), [invoice.lines[0].with_quantity(5)])
    invoice = invoice.apply_credit(first)
    rest = invoice.credit("AV2", D(2024, 3, 1))
    assert rest.net_total == eur("3120.00")  # 3360.00 - 240.00
    invoice = invoice.apply_credit(rest)
    assert invoice.status_on(D(2024, 3, 1)) is ClientInvoiceStatus.CREDITED
    with pytest.raises(CreditExceedsInvoiceError):
        invoice.credit("AV3", D(2024, 3, 2))


def test_a_credit_on_a_paid_invoice_is_owed_back() -> None:
    """Paid in full, then 5 users credited: 120.00 is owed back to the client."""
    invoice = annual_invoice().pay(eur("4032.00"), D(2024, 1, 20))
    removed = coterm_line(QUOTE, -5, D(2024, 7, 15), vat_rate="20")
    invoice = invoice.apply_credit(invoice.credit("AV1", D(2024, 7, 15), [removed]))
    assert invoice.amount_due_on(D(2024, 7, 15)) == eur("0.00")
    assert invoice.refund_due_on(D(2024, 7, 15)) == eur("120.00")
    assert invoice.status_on(D(2024, 8, 1)) is ClientInvoiceStatus.PAID


def test_a_credit_larger_than_the_invoice_is_refused() -> None:
    """80 users cannot be credited on an invoice of 70."""
    invoice = annual_invoice()
    with pytest.raises(CreditExceedsInvoiceError) as caught:
        invoice.credit("AV1", D(2024, 2, 1), [invoice.lines[0].with_quantity(80)])
    assert isinstance(caught.value, ValueError)


def test_credits_that_add_up_beyond_the_invoice_are_refused() -> None:
    """Two notes of 40 users each exceed the 70 invoiced."""
    invoice = annual_invoice()
    forty = [invoice.lines[0].with_quantity(40)]
    invoice = invoice.apply_credit(invoice.credit("AV1", D(2024, 2, 1), forty))
    with pytest.raises(CreditExceedsInvoiceError):
        invoice.credit("AV2", D(2024, 2, 2), forty)


def test_a_credit_at_a_rate_the_invoice_does_not_bill_is_refused() -> None:
    """Crediting VAT at 10 % on an invoice at 20 % only is refused."""
    invoice = annual_invoice()
    with pytest.raises(CreditExceedsInvoiceError):
        invoice.credit(
            "AV1", D(2024, 2, 1), [ClientInvoiceLine("X", 1, eur("1.00"), "S", "10")]
        )


def test_a_credit_note_of_another_invoice_is_refused() -> None:
    """A note records only on the invoice it names, and only once."""
    invoice = annual_invoice()
    note = invoice.credit("AV1", D(2024, 2, 1), [invoice.lines[0].with_quantity(1)])
    other = ClientInvoice("F2024-0002", D(2024, 1, 1), SELLER, BUYER, invoice.lines)
    with pytest.raises(InvalidInvoiceError):
        other.apply_credit(note)
    once = invoice.apply_credit(note)
    with pytest.raises(InvalidInvoiceError):
        once.apply_credit(note)


def test_a_credit_note_before_its_invoice_is_refused() -> None:
    """A credit note is dated on or after the invoice it credits."""
    with pytest.raises(InvalidInvoiceError):
        annual_invoice().credit("AV1", D(2023, 12, 31))


@given(client_invoices())
def test_a_fully_credited_invoice_has_nothing_due(invoice: ClientInvoice) -> None:
    """Law: after crediting what is left, nothing is due and the state is credited."""
    if not invoice.is_fully_credited_on(dt.date.max):
        day = max([invoice.issue_date, *(n.issue_date for n in invoice.credit_notes)])
        invoice = invoice.apply_credit(invoice.credit("AV-LAST", day))
    last = max(n.issue_date for n in invoice.credit_notes)
    assert invoice.amount_due_on(last) == Money.zero(invoice.currency)
    assert invoice.status_on(last) is ClientInvoiceStatus.CREDITED
    credited: dict[object, Decimal] = {}
    for note in invoice.credit_notes:
        for group in note.vat_breakdown:
            key = (group.category, group.rate)
            credited[key] = credited.get(key, Decimal(0)) + group.taxable_amount.amount
    for group in invoice.vat_breakdown:
        # Every VAT group credited exactly, never beyond.
        assert credited.get((group.category, group.rate), Decimal(0)) == (
            group.taxable_amount.amount
        )


def test_a_fully_credited_invoice_owes_back_what_was_prepaid_and_paid() -> None:
    """1000.00 drawn from a prepaid balance and 500.00 paid: 1500.00 back."""
    invoice = annual_invoice(prepaid=eur("1000.00")).pay(eur("500.00"), D(2024, 1, 5))
    cancelled = invoice.apply_credit(invoice.credit("AV1", D(2024, 1, 10)))
    assert cancelled.refund_due_on(D(2024, 1, 10)) == eur("1500.00")
    assert cancelled.amount_due_on(D(2024, 1, 10)) == eur("0.00")


def test_fifty_cents_left_uncredited_is_not_fully_credited() -> None:
    """3359.50 of 3360.00 net credited: the balance line credits the 0.50."""
    invoice = annual_invoice()
    almost = ClientInvoiceLine("Users", 1, eur("3359.50"), "S", "20")
    invoice = invoice.apply_credit(invoice.credit("AV1", D(2024, 2, 1), [almost]))
    assert not invoice.is_fully_credited_on(D(2024, 2, 1))
    assert invoice.status_on(D(2024, 2, 1)) is not ClientInvoiceStatus.CREDITED
    (line,) = invoice.credit("AV2", D(2024, 2, 2)).lines
    assert line.net_amount == eur("0.50")


@pytest.mark.parametrize(
    ("language", "words"),
    [("fr", "Solde de la facture F2024-0001"), ("en", "Balance of invoice F2024-0001")],
)
def test_the_balance_line_names_the_invoice(language: str, words: str) -> None:
    invoice = annual_invoice(language=language)
    first = invoice.credit("AV1", D(2024, 2, 1), [invoice.lines[0].with_quantity(5)])
    (line,) = invoice.apply_credit(first).credit("AV2", D(2024, 3, 1)).lines
    assert line.description == words


def test_crediting_the_rest_of_a_fully_credited_invoice_says_so() -> None:
    invoice = annual_invoice()
    invoice = invoice.apply_credit(invoice.credit("AV1", D(2024, 1, 10)))
    with pytest.raises(CreditExceedsInvoiceError) as refused:
        invoice.credit("AV2", D(2024, 1, 11))
    assert str(refused.value) == (
        "invoice F2024-0001: it is already fully credited; "
        "a credit never exceeds what was invoiced"
    )


@pytest.mark.parametrize(
    "method",
    [
        "amount_paid_on",
        "amount_credited_on",
        "amount_due_on",
        "refund_due_on",
        "is_fully_credited_on",
        "status_on",
    ],
)
def test_a_day_that_is_not_a_date_is_refused_by_name(method: str) -> None:
    with pytest.raises(ArgumentTypeError) as refused:
        getattr(annual_invoice(), method)("2024-01-10")
    assert str(refused.value) == (
        "day must be a datetime.date such as date(2024, 6, 1), not str '2024-01-10'"
    )


def test_an_invoice_paid_in_full_owes_nothing_either_way() -> None:
    """Nothing due and nothing back, both written 0.00, never -0.00."""
    invoice = annual_invoice().pay(eur("4032.00"), D(2024, 1, 20))
    assert str(invoice.amount_due_on(D(2024, 1, 20))) == "0.00 EUR"
    assert str(invoice.refund_due_on(D(2024, 1, 20))) == "0.00 EUR"


def test_a_credit_note_repeats_what_its_invoice_states() -> None:
    """BT-10, BT-12, BT-13, BT-23, the notes, delivery, period and VAT on debits."""
    invoice = annual_invoice(
        buyer_reference="REF-CLIENT",
        contract_reference="CONTRAT-7",
        order_reference="BC-42",
        business_process="S1",
        notes=[Note("Merci.", "AAI")],
        delivery=Delivery(country="FR", city="Paris"),
        service_period=BillingPeriod.month(2024, 1),
        vat_on_debits=True,
        language="en",
    )
    for note in (
        invoice.credit("A1", D(2024, 2, 1)),
        invoice.credit("A2", D(2024, 2, 1), [(0, 5)]),
    ):
        assert (note.invoice_number, note.invoice_issue_date) == (
            "F2024-0001",
            D(2024, 1, 1),
        )
        assert (note.seller, note.buyer) == (SELLER, BUYER)
        assert (
            note.buyer_reference,
            note.contract_reference,
            note.order_reference,
        ) == (
            "REF-CLIENT",
            "CONTRAT-7",
            "BC-42",
        )
        assert note.business_process == "S1"
        assert note.notes == (Note("Merci.", "AAI"),)
        assert note.delivery == Delivery(country="FR", city="Paris")
        assert note.service_period == BillingPeriod.month(2024, 1)
        assert note.vat_on_debits is True
        assert (note.currency, note.language) == ("EUR", "en")
