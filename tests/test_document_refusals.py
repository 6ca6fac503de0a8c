"""Tests for what an invoice and a credit note refuse, each refusal word for word.

The invoice of each case bills one line of 10.00 EUR at 20 %: 12.00 EUR
with VAT, issued on 2 January 2024.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from paxbill import (
    Allowance,
    BillingPeriod,
    Charge,
    ClientInvoice,
    ClientInvoiceLine,
    ClientPayment,
    CreditNote,
    Delivery,
    Money,
    Party,
    en16931_problems,
    from_cii_xml,
    to_cii_xml,
)
from tests.examples import BUYER, MEANS, SELLER, eur, refusal

D = dt.date
LINE = ClientInvoiceLine("X", 1, eur("10.00"), "S", "20")
#: A line that takes back twice what LINE bills.
MINUS_TWO = ClientInvoiceLine("Y", -2, eur("10.00"), "S", "20")
REDUCED = ClientInvoiceLine("Y", 1, eur("1.00"), "S", "5.5")
USD = Money("1.00", "USD")
USD_LINE = ClientInvoiceLine("X", 1, Money("10.00", "USD"), "S", "20")
_RATE = (
    "convert one of them first with an exchange rate; paxbill never converts implicitly"
)
_DATE = "must be a datetime.date such as date(2024, 6, 1), not"
_EXCEEDS = "a credit never exceeds what was invoiced"


def invoice(**given: Any) -> ClientInvoice:
    """The invoice of 12.00 EUR, with the arguments *given* in place of its own."""
    arguments: dict[str, Any] = {
        "number": "F1",
        "issue_date": D(2024, 1, 2),
        "seller": SELLER,
        "buyer": BUYER,
        "lines": [LINE],
    }
    return ClientInvoice(**{**arguments, **given})


def note(**given: Any) -> CreditNote:
    """Its credit note of 3 January, with the arguments *given*."""
    arguments: dict[str, Any] = {
        "number": "A1",
        "issue_date": D(2024, 1, 3),
        "seller": SELLER,
        "buyer": BUYER,
        "lines": [LINE],
        "invoice_number": "F1",
        "invoice_issue_date": D(2024, 1, 2),
    }
    return CreditNote(**{**arguments, **given})


def paid(amount: str, on: dt.date | None = None) -> ClientPayment:
    """A payment of *amount* euros, on 3 January unless *on*."""
    return ClientPayment(eur(amount), on or D(2024, 1, 3))


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: invoice(number=""),
            "number must be a non-empty str such as 'F2024-0001', not str ''",
        ),
        (
            lambda: invoice(number=5),
            "number must be a non-empty str such as 'F2024-0001', not int 5",
        ),
        (
            lambda: invoice(number="F\x01"),
            "number holds U+0001, a character an e-invoice cannot carry: remove it",
        ),
        (
            lambda: invoice(issue_date="2024-01-02"),
            f"issue_date {_DATE} str '2024-01-02'",
        ),
        # The seller is read before the notes it decides are worked out.
        (lambda: invoice(seller="x"), "seller must be a Party, not str 'x'"),
        (lambda: invoice(buyer=None), "buyer must be a Party, not NoneType None"),
        (
            lambda: invoice(lines=[]),
            "lines must be at least one ClientInvoiceLine, not tuple ()",
        ),
        (
            lambda: invoice(lines="abc"),
            "lines must be a sequence of ClientInvoiceLine, not str 'abc'",
        ),
        (
            lambda: invoice(lines=5),
            "lines must be a sequence of ClientInvoiceLine, not int 5",
        ),
        (
            lambda: invoice(lines=[LINE, 5]),
            "each line must be a ClientInvoiceLine, not int 5",
        ),
        (lambda: invoice(currency="USD"), f"cannot invoice USD and EUR: {_RATE}"),
        (
            lambda: invoice(lines=[LINE, ClientInvoiceLine("Y", 1, USD, "S", "20")]),
            f"cannot invoice EUR and USD: {_RATE}",
        ),
        (
            lambda: invoice(payment_terms="30"),
            "payment_terms must be a PaymentTerms or a whole number of days, not "
            "str '30'",
        ),
        (
            lambda: invoice(payment_terms=True),
            "payment_terms must be a PaymentTerms or a whole number of days, not "
            "bool True",
        ),
        (
            lambda: invoice(service_period="Q1"),
            "service_period must be a BillingPeriod or None, not str 'Q1'",
        ),
        (
            lambda: invoice(language="de"),
            "language must be 'fr' or 'en', not str 'de'",
        ),
        (
            lambda: invoice(payments=5),
            "payments must be a sequence of ClientPayment, not int 5",
        ),
        (
            lambda: invoice(payments=[5]),
            "each of payments must be a ClientPayment, not int 5",
        ),
        (
            lambda: invoice(credit_notes=[5]),
            "each of credit_notes must be a CreditNote, not int 5",
        ),
        (
            lambda: invoice(payment_instructions=5),
            "payment_instructions must be a PaymentInstructions or None, not int 5",
        ),
        (
            lambda: invoice(buyer_reference=5),
            "buyer_reference must be a str or None, not int 5",
        ),
        (
            lambda: invoice(contract_reference=5),
            "contract_reference must be a str or None, not int 5",
        ),
        (
            lambda: invoice(order_reference=5),
            "order_reference must be a str or None, not int 5",
        ),
        (
            lambda: invoice(business_process=5),
            "business_process must be a str or None, not int 5",
        ),
        (lambda: invoice(notes=5), "notes must be a sequence of Note, not int 5"),
        (
            lambda: invoice(allowances=[Charge("Port", eur("1.00"))]),
            "each of allowances must be an Allowance, not Charge Charge(reason="
            "'Port', amount=Money('1.00', 'EUR'), percent=None, base=None, "
            "category=<VatCategory.STANDARD: 'S'>, rate=None, reason_code=None)",
        ),
        (
            lambda: invoice(charges=5),
            "charges must be a sequence of Charge, not int 5",
        ),
        (
            lambda: invoice(prepaid="1.00"),
            "prepaid must be a Money or None, not str '1.00'",
        ),
        (lambda: invoice(prepaid=USD), f"cannot prepay EUR and USD: {_RATE}"),
        (
            lambda: invoice(prepaid=eur("1.001")),
            "prepaid Money('1.001', 'EUR') has more decimals than an e-invoice "
            "states (BT-113)",
        ),
        (
            lambda: invoice(prepaid=eur("-1.00")),
            "prepaid Money('-1.00', 'EUR') is negative",
        ),
        (
            lambda: invoice(prepaid=eur("12.01")),
            "invoice F1: a payment of 12.01 EUR is more than the 12.00 EUR still "
            "due; record only what is due and refund the rest",
        ),
        (
            lambda: invoice(delivery=5),
            "delivery must be a Delivery or None, not int 5",
        ),
        (
            lambda: invoice(vat_on_debits=1),
            "vat_on_debits must be True or False, not int 1",
        ),
        (
            lambda: invoice(vat_in_accounting_currency=5),
            "vat_in_accounting_currency must be a Money or None, not int 5",
        ),
        (
            lambda: invoice(allowances=[Allowance("Remise", USD)]),
            f"cannot work out the allowance of EUR and USD: {_RATE}",
        ),
        (
            lambda: invoice(charges=[Charge("Port", USD)]),
            f"cannot work out the charge of EUR and USD: {_RATE}",
        ),
        (
            lambda: invoice(
                lines=[LINE, ClientInvoiceLine("Y", 1, eur("10.00"), "S", "5.5")],
                allowances=[Allowance("Remise", eur("1.00"))],
            ),
            "invoice F1: the allowance 'Remise' has no VAT rate, and the lines "
            "have several: give it one",
        ),
        (
            lambda: invoice(
                lines=[LINE, ClientInvoiceLine("Y", 1, eur("10.00"), "S", "5.5")],
                charges=[Charge(None, eur("1.00"), reason_code="SAA")],
            ),
            "invoice F1: the charge 'SAA' has no VAT rate, and the lines have "
            "several: give it one",
        ),
        (
            lambda: invoice(lines=[LINE, MINUS_TWO]),
            "invoice F1: it bills -10.00 EUR at VAT S 20 %, below zero: what is "
            "owed back is a credit note",
        ),
        (
            lambda: invoice(payments=[paid("1.00", D(2024, 1, 1))]),
            "invoice F1 was issued on 2024-01-02 and cannot be paid on 2024-01-01: "
            "give a payment date on or after the issue date",
        ),
        (
            lambda: invoice(payments=[ClientPayment(USD, D(2024, 1, 3))]),
            f"cannot pay EUR and USD: {_RATE}",
        ),
        # The last payment is the one refused, with what was left for it.
        (
            lambda: invoice(payments=[paid("11.00"), paid("1.01")]),
            "invoice F1: a payment of 1.01 EUR is more than the 1.00 EUR still "
            "due; record only what is due and refund the rest",
        ),
        (
            lambda: invoice(prepaid=eur("2.00"), payments=[paid("10.01")]),
            "invoice F1: a payment of 10.01 EUR is more than the 10.00 EUR still "
            "due; record only what is due and refund the rest",
        ),
        (
            lambda: invoice(credit_notes=[note(invoice_number="F2")]),
            "invoice F1: credit note A1 credits invoice F2",
        ),
        (
            lambda: invoice(credit_notes=[note(currency="USD", lines=[USD_LINE])]),
            f"cannot credit EUR and USD: {_RATE}",
        ),
        (
            lambda: invoice(
                issue_date=D(2024, 1, 4), credit_notes=[note(invoice_issue_date=None)]
            ),
            f"invoice_issue_date {_DATE} NoneType None",
        ),
        (
            lambda: invoice(
                issue_date=D(2024, 1, 4),
                credit_notes=[note(invoice_issue_date=D(2024, 1, 3))],
            ),
            "invoice F1: credit note A1 is dated before the invoice",
        ),
        (
            lambda: invoice(credit_notes=[note(lines=[REDUCED])]),
            "invoice F1: credit note A1 credits VAT S at 5.5 %, which the invoice "
            f"does not bill; {_EXCEEDS}",
        ),
        (
            lambda: invoice(credit_notes=[note(), note(number="A2")]),
            "invoice F1: credit notes credit 20.00 EUR net at VAT S 20 %, more than "
            f"the 10.00 EUR invoiced; {_EXCEEDS}",
        ),
    ],
)
def test_an_invoice_is_refused_in_words(
    call: Callable[[], object], message: str
) -> None:
    assert refusal(call) == message


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: ClientPayment("1.00", D(2024, 1, 3)),  # type: ignore[arg-type]
            "amount must be a Money, not str '1.00'",
        ),
        (lambda: paid("0.00"), "payment Money('0.00', 'EUR') is not above zero"),
        (lambda: paid("-1.00"), "payment Money('-1.00', 'EUR') is not above zero"),
        (
            lambda: ClientPayment(eur("1.00"), "2024-01-03"),  # type: ignore[arg-type]
            f"on {_DATE} str '2024-01-03'",
        ),
        (
            lambda: ClientPayment(eur("1.00"), D(2024, 1, 3), "wire"),
            f"method must be {MEANS}, not str 'wire'",
        ),
        (
            lambda: invoice().pay(USD, D(2024, 1, 3)),
            f"cannot pay EUR and USD: {_RATE}",
        ),
        (
            lambda: invoice(payments=[paid("2.00")]).pay(eur("10.01"), D(2024, 1, 3)),
            "invoice F1: a payment of 10.01 EUR is more than the 10.00 EUR still "
            "due; record only what is due and refund the rest",
        ),
        (
            lambda: invoice().pay(eur("1.00"), D(2024, 1, 1)),
            "invoice F1 was issued on 2024-01-02 and cannot be paid on 2024-01-01: "
            "give a payment date on or after the issue date",
        ),
        (
            lambda: invoice().credit("A1", D(2024, 1, 3), [(1, 1)]),
            "invoice F1: it has no line 1: give an index from 0 to 0",
        ),
        (
            lambda: invoice().credit("A1", D(2024, 1, 3), [(-1, 1)]),
            "invoice F1: it has no line -1: give an index from 0 to 0",
        ),
        (
            lambda: invoice().credit("A1", D(2024, 1, 3), [5]),  # type: ignore[list-item]
            "each line to credit must be a ClientInvoiceLine or a (line or index, "
            "quantity) pair, not int 5",
        ),
        (
            lambda: invoice().credit("A1", D(2024, 1, 3), [(True, 1)]),
            "each line to credit must be a ClientInvoiceLine or a (line or index, "
            "quantity) pair, not tuple (True, 1)",
        ),
        (
            lambda: invoice().credit("A1", D(2024, 1, 3), [(0, 2)]),
            "invoice F1: credit notes credit 20.00 EUR net at VAT S 20 %, more than "
            f"the 10.00 EUR invoiced; {_EXCEEDS}",
        ),
        (
            lambda: invoice().credit("A1", D(2024, 1, 1)),
            "invoice F1: credit note A1 is dated 2024-01-01, before the invoice it "
            "credits (2024-01-02)",
        ),
        (
            lambda: invoice().apply_credit(5),  # type: ignore[arg-type]
            "note must be a CreditNote, not int 5",
        ),
        (
            lambda: invoice(credit_notes=[note()]).credit("A2", D(2024, 1, 4)),
            f"invoice F1: it is already fully credited; {_EXCEEDS}",
        ),
        (
            lambda: invoice(
                credit_notes=[note(lines=[LINE.with_quantity(1)])]
            ).apply_credit(note()),
            "invoice F1: credit note A1 is already recorded",
        ),
        (
            lambda: note(reason=5),
            "reason must be a str or None, not int 5",
        ),
        (
            lambda: note(reason="\x07"),
            "reason holds U+0007, a character an e-invoice cannot carry: remove it",
        ),
        (
            lambda: note(invoice_number=""),
            "number must be a non-empty str such as 'F2024-0001', not str ''",
        ),
        (lambda: note(seller=5), "seller must be a Party, not int 5"),
        (
            lambda: note(lines=[LINE, MINUS_TWO]),
            "invoice F1: credit note A1 credits -10.00 EUR at VAT S 20 %, below "
            "zero: what is owed is an invoice",
        ),
        (
            lambda: invoice().amount_due_on("2024-01-01"),  # type: ignore[arg-type]
            f"day {_DATE} str '2024-01-01'",
        ),
        (lambda: invoice().amount_paid_on(None), f"day {_DATE} NoneType None"),  # type: ignore[arg-type]
        (lambda: invoice().amount_credited_on(5), f"day {_DATE} int 5"),  # type: ignore[arg-type]
        (lambda: invoice().refund_due_on(5), f"day {_DATE} int 5"),  # type: ignore[arg-type]
        (lambda: invoice().is_fully_credited_on(5), f"day {_DATE} int 5"),  # type: ignore[arg-type]
        (lambda: invoice().status_on(5), f"day {_DATE} int 5"),  # type: ignore[arg-type]
    ],
)
def test_a_payment_a_credit_and_a_day_are_refused_in_words(
    call: Callable[[], object], message: str
) -> None:
    assert refusal(call) == message


def test_what_an_invoice_reads_at_its_bounds() -> None:
    """A prepaid of 0.00 is none; prepaid and payments may reach the gross total."""
    assert invoice(prepaid=eur("0.00")).prepaid is None
    assert invoice(prepaid=eur("12.00")).amount_due == eur("0.00")
    full = invoice(prepaid=eur("2.00"), payments=[paid("10.00")])
    assert full.amount_due_on(D(2024, 1, 3)) == eur("0.00")
    assert invoice(payment_terms=45).payment_terms.days == 45
    assert invoice(payments=[paid("1.00", D(2024, 1, 2))]).amount_paid_on(
        D(2024, 1, 2)
    ) == eur("1.00")
    # A credit note the day of its invoice is on time.
    assert note(issue_date=D(2024, 1, 2)).issue_date == D(2024, 1, 2)


#: A seller known by its SIREN only, without a VAT identifier.
SIREN_ONLY = Party("Dupont", "FR", legal_id="732829320")
GERMAN = Party("Schmidt GmbH", "DE", vat_id="DE123456789")


def line(category: str, rate: str | None = None, **given: Any) -> ClientInvoiceLine:
    """A line of 1.00 EUR in *category*."""
    return ClientInvoiceLine("X", 1, eur("1.00"), category, rate, **given)


def _needs(category: str, party: str) -> str:
    return (
        f"VAT category {category} needs the {party}'s VAT identifier: give the "
        f"{party} a vat_id"
    )


@pytest.mark.parametrize(
    ("given", "message"),
    [
        (
            {"seller": Party("Dupont", "FR")},
            f"BR-S-02: invoice F1: {_needs('S', 'seller')}",
        ),
        ({"seller": SIREN_ONLY}, f"BR-S-02: invoice F1: {_needs('S', 'seller')}"),
        (
            {"seller": SIREN_ONLY, "lines": [line("Z")]},
            f"BR-Z-02: invoice F1: {_needs('Z', 'seller')}",
        ),
        (
            {"seller": SIREN_ONLY, "lines": [line("E")]},
            f"BR-E-02: invoice F1: {_needs('E', 'seller')}",
        ),
        (
            {"seller": SIREN_ONLY, "lines": [line("G")]},
            f"BR-G-02: invoice F1: {_needs('G', 'seller')}",
        ),
        (
            {"seller": SIREN_ONLY, "lines": [line("AE")]},
            f"BR-AE-02: invoice F1: {_needs('AE', 'seller')}",
        ),
        (
            {"seller": SIREN_ONLY, "lines": [line("K")]},
            f"BR-IC-02: invoice F1: {_needs('K', 'seller')}",
        ),
        # A charge's category counts as a line's does.
        (
            {
                "seller": SIREN_ONLY,
                "lines": [line("E")],
                "charges": [Charge("Port", eur("1.00"), category="AE")],
            },
            f"BR-E-02: invoice F1: {_needs('E', 'seller')}",
        ),
        (
            {"buyer": Party("Client", "FR"), "lines": [line("AE")]},
            f"BR-AE-02: invoice F1: {_needs('AE', 'buyer')}",
        ),
        (
            {"buyer": Party("Client", "DE"), "lines": [line("K")]},
            f"BR-IC-02: invoice F1: {_needs('K', 'buyer')}",
        ),
        (
            {"buyer": GERMAN, "lines": [line("K")]},
            "BR-IC-11: invoice F1: an intra-community supply (category K) states "
            "when it was delivered: give a service_period or a Delivery with its "
            "date",
        ),
        (
            {"buyer": GERMAN, "lines": [line("K")], "delivery": Delivery(country="DE")},
            "BR-IC-11: invoice F1: an intra-community supply (category K) states "
            "when it was delivered: give a service_period or a Delivery with its "
            "date",
        ),
        (
            {"lines": [line("O")]},
            "BR-O-02: invoice F1: an invoice not subject to VAT (category O) names "
            "no seller VAT identifier: drop the seller's vat_id, and identify it by "
            "legal_id",
        ),
        (
            {"seller": SIREN_ONLY, "lines": [line("O")]},
            "BR-O-04: invoice F1: an invoice not subject to VAT (category O) names "
            "no buyer VAT identifier: drop the buyer's vat_id",
        ),
        (
            {
                "seller": Party("Dupont", "FR"),
                "buyer": Party("Client", "FR"),
                "lines": [line("O")],
            },
            "BR-CO-26: invoice F1: the seller has neither a legal registration "
            "(legal_id, such as its SIREN) nor a VAT identifier: give it one",
        ),
        (
            {"lines": [line("S", "20", exemption_reason="Exonéré")]},
            "BR-S-10: invoice F1: a line of VAT category S gives no exemption "
            "reason: drop 'Exonéré'",
        ),
        (
            {"lines": [line("Z", exemption_reason="Exonéré")]},
            "BR-Z-10: invoice F1: a line of VAT category Z gives no exemption "
            "reason: drop 'Exonéré'",
        ),
    ],
)
def test_an_en16931_rule_broken_is_refused_in_words(
    given: dict[str, Any], message: str
) -> None:
    """What EN 16931's rules refuse, as an invoice, then as a credit note."""
    assert refusal(lambda: invoice(**given)) == message
    as_note = message.replace("invoice F1", "credit note A1", 1)
    assert refusal(lambda: note(**given)) == as_note


def test_what_the_en16931_rules_accept_at_their_edges() -> None:
    """A buyer's SIREN stands in for its VAT id under AE; K with its period."""
    reverse = invoice(
        buyer=Party("Client", "FR", legal_id="404833048"), lines=[line("AE")]
    )
    assert reverse.vat_total == eur("0.00")
    supply = invoice(
        buyer=GERMAN, lines=[line("K")], service_period=BillingPeriod.month(2024, 1)
    )
    assert supply.delivery == Delivery(country="DE")  # the buyer's, BR-IC-12
    alone = invoice(
        seller=SIREN_ONLY, buyer=Party("Client", "FR"), lines=[line("O"), line("O")]
    )
    assert en16931_problems(alone) == ()


def test_a_credit_note_s_own_refusals_say_credit_note() -> None:
    """An allowance without a rate on a credit note of two rates names the note."""
    two_rates = [LINE, REDUCED]
    assert refusal(
        lambda: note(lines=two_rates, allowances=[Allowance("Remise", eur("1.00"))])
    ) == (
        "credit note A1: the allowance 'Remise' has no VAT rate, and the lines "
        "have several: give it one"
    )


@pytest.mark.parametrize("other", ["S", "Z", "E", "G", "AE", "K"])
@pytest.mark.parametrize("seller_vat_id", [None, "FR40303265045"])
@pytest.mark.parametrize("as_charge", [False, True])
def test_category_o_stands_alone_on_its_document(
    other: str, seller_vat_id: str | None, as_charge: bool
) -> None:
    """BR-O-11: O beside any other category is refused, whatever the seller.

    Without a VAT identifier, the other category needs one (BR-x-02); with
    one, category O forbids it (BR-O-02); on a line or as a charge alike.
    """
    seller = Party("Dupont", "FR", legal_id="732829320", vat_id=seller_vat_id)
    rate = "20" if other == "S" else None
    given: dict[str, Any] = {"lines": [line("O"), line(other, rate)]}
    if as_charge:
        charge = Charge("Port", eur("1.00"), category=other, rate=rate)
        given = {"lines": [line("O")], "charges": [charge]}
    rule = "BR-O-02" if seller_vat_id else f"BR-{'IC' if other == 'K' else other}-02"
    found = refusal(lambda: invoice(seller=seller, buyer=GERMAN, **given))
    assert found.startswith(f"{rule}: invoice F1: ")


def test_the_delivery_a_document_states() -> None:
    """K takes the buyer's country only where the delivery states none.

    A delivery that says nothing is none; one with a date keeps it; one with
    its own country (goods sent to Austria for a German buyer) keeps it.
    """
    assert invoice(delivery=Delivery()).delivery is None
    assert invoice(delivery=Delivery(city="Paris")).delivery == Delivery(city="Paris")
    day = D(2024, 1, 10)
    supply = {"buyer": GERMAN, "lines": [line("K")]}
    dated = invoice(delivery=Delivery(date=day), **supply).delivery
    assert dated == Delivery(date=day, country="DE")
    elsewhere = invoice(delivery=Delivery(date=day, country="AT"), **supply).delivery
    assert elsewhere == Delivery(date=day, country="AT")


def test_a_delivery_s_name_is_its_place_and_is_written() -> None:
    """The deliver-to name (BT-70) alone names a place; blank is no name."""
    site = Delivery(name="  Site Nord ")
    assert site.name == "Site Nord"
    assert site.has_place
    assert Delivery(name="  ").name is None
    assert not Delivery(name="  ").has_place
    written = invoice(delivery=Delivery(name="Site Nord", city="Lille"))
    assert written.delivery == Delivery(name="Site Nord", city="Lille")
    read = from_cii_xml(to_cii_xml(written))
    assert read.delivery == Delivery(name="Site Nord", city="Lille")
    assert refusal(lambda: Delivery(name=5)) == (
        "name must be a str or None, not int 5"
    )
    assert refusal(lambda: Delivery(name="Site\x07")) == (
        "name holds U+0007, a character an e-invoice cannot carry: remove it"
    )


def test_a_vat_group_states_its_first_line_s_exemption_reason() -> None:
    """Two exempt lines with their own reasons: the group keeps the first's."""
    first = line("E", exemption_reason="Article 261 4 1°")
    second = line("E", exemption_reason="Article 261 4 4°")
    lines = [line("E"), first, second]
    (group,) = invoice(seller=SELLER, lines=lines).vat_breakdown
    assert group.exemption_reason == "Article 261 4 1°"
    (default,) = invoice(lines=[line("E")]).vat_breakdown
    assert default.exemption_reason == "Exonération de TVA"


def test_an_adjustment_without_a_rate_takes_the_lines_category() -> None:
    """Lines all exempt (E): a standard allowance without a rate is exempt too."""
    exempt = invoice(
        lines=[line("E"), line("E")], allowances=[Allowance("Remise", eur("0.50"))]
    )
    (allowance,) = exempt.allowances
    assert (allowance.category.value, allowance.rate) == ("E", Decimal(0))
    (group,) = exempt.vat_breakdown
    assert (group.category.value, group.taxable_amount) == ("E", eur("1.50"))
    # Lines of one standard rate lend it; a rate given is kept.
    standard = invoice(lines=[line("S", "10")], charges=[Charge("Port", eur("1.00"))])
    assert standard.charges[0].rate == Decimal(10)
    kept = invoice(charges=[Charge("Port", eur("1.00"), rate="5.5")])
    assert [(g.rate, g.taxable_amount) for g in kept.vat_breakdown] == [
        (Decimal(20), eur("10.00")),
        (Decimal("5.5"), eur("1.00")),
    ]
