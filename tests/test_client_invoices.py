"""Tests for the installer's invoice: totals by EN 16931, payments, state and errors."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from paxbill import (
    Allowance,
    AmountTypeError,
    ArgumentTypeError,
    BillingPeriod,
    Charge,
    ClientInvoice,
    ClientInvoiceLine,
    ClientInvoiceStatus,
    CurrencyMismatchError,
    InvalidAmountError,
    InvalidInvoiceError,
    InvalidPartyError,
    InvalidVatRateError,
    MissingVatIdentifierError,
    Money,
    OverpaymentError,
    Party,
    PaxbillError,
    PaymentBeforeIssueError,
    PaymentMeans,
    PaymentTerms,
    VatCategory,
)
from tests.examples import BUYER, FOREIGN_BUYER, SELLER, centralised_invoice, eur
from tests.strategies import client_invoices

D = dt.date


def test_the_centralised_invoice_by_hand() -> None:
    """70 x 4.00 + 150.00 at 20 % and 80.00 at 5.5 %: each figure by hand."""
    invoice = centralised_invoice()
    # 70 x 4.00 = 280.00; 280.00 + 150.00 = 430.00 at 20 %; 80.00 at 5.5 %.
    assert invoice.net_total == eur("510.00")
    standard, reduced = invoice.vat_breakdown
    assert (standard.category, standard.rate) == (VatCategory.STANDARD, Decimal(20))
    assert standard.taxable_amount == eur("430.00")
    assert standard.tax_amount == eur("86.00")  # 430.00 x 20 / 100
    assert reduced.rate == Decimal("5.5")
    assert reduced.taxable_amount == eur("80.00")
    assert reduced.tax_amount == eur("4.40")  # 80.00 x 5.5 / 100
    assert invoice.vat_total == eur("90.40")
    assert invoice.gross_total == eur("600.40")
    assert invoice.due_date == D(2024, 2, 1)  # net 30 days from 2 January


def test_br_co_17_example() -> None:
    """84.03 at 19 % is 15.9657, rounded half-up once to 15.97 (BR-CO-17)."""
    invoice = ClientInvoice(
        "F1",
        D(2024, 1, 1),
        SELLER,
        BUYER,
        [ClientInvoiceLine("Goods", 1, eur("84.03"), "S", "19")],
    )
    assert invoice.vat_breakdown[0].tax_amount == eur("15.97")
    assert invoice.gross_total == eur("100.00")


def test_tax_is_rounded_per_group_not_per_line() -> None:
    """Three lines of 0.05 at 10 %: one group of 0.15 gives 0.02, not 3 x 0.01."""
    line = ClientInvoiceLine("Item", 1, eur("0.05"), "S", "10")
    invoice = ClientInvoice("F1", D(2024, 1, 1), SELLER, BUYER, [line] * 3)
    # 0.15 x 10 / 100 = 0.015, half-up to 0.02; rounding each line would give 0.03.
    assert invoice.vat_total == eur("0.02")


def test_a_line_rounds_its_net_amount_half_up() -> None:
    """2.5 users at 0.33 is 0.825, half-up 0.83: BT-131 has the minor unit."""
    line = ClientInvoiceLine("Part", "2.5", eur("0.33"), "S", "20")
    assert line.net_amount == eur("0.83")
    assert line.quantity == Decimal("2.5")


def test_reverse_charge_has_no_vat_and_both_identifiers() -> None:
    """A reverse-charge invoice: VAT 0.00, code AE, the reason, both VAT ids."""
    invoice = ClientInvoice(
        "F2024-0002",
        D(2024, 3, 1),
        SELLER,
        FOREIGN_BUYER,
        [
            ClientInvoiceLine(
                "Entry app users", 20, eur("4.00"), VatCategory.REVERSE_CHARGE
            )
        ],
        language="en",
    )
    (group,) = invoice.vat_breakdown
    assert group.category.value == "AE"
    assert group.rate == 0
    assert group.tax_amount == eur("0.00")
    assert group.exemption_reason == "Reverse charge"
    assert invoice.vat_total == eur("0.00")
    assert invoice.gross_total == invoice.net_total == eur("80.00")
    assert invoice.seller.vat_id == "FR40303265045"
    assert invoice.buyer.vat_id == "DE123456789"
    french = ClientInvoice(
        "F2024-0003",
        D(2024, 3, 1),
        SELLER,
        FOREIGN_BUYER,
        [ClientInvoiceLine("App", 1, eur("4.00"), "AE")],
    )
    assert french.vat_breakdown[0].exemption_reason == "Autoliquidation"


def test_an_exemption_reason_may_replace_the_default() -> None:
    """A line's own reason is the group's reason."""
    line = ClientInvoiceLine(
        "Training", 1, eur("300.00"), "E", exemption_reason="Article 261-4-4° du CGI"
    )
    invoice = ClientInvoice("F1", D(2024, 1, 1), SELLER, BUYER, [line])
    assert invoice.vat_breakdown[0].exemption_reason == "Article 261-4-4° du CGI"


@pytest.mark.parametrize(
    ("category", "reason"),
    [
        ("Z", None),
        ("E", "Exonération de TVA"),
        ("G", "Exportation hors de l'Union européenne, exonérée"),
        ("O", "Non soumis à la TVA"),
    ],
)
def test_categories_without_tax_carry_a_reason(category: str, reason: str) -> None:
    """E, G and O carry no tax and say why, by default in French; Z says nothing.

    A zero-rated breakdown carries no exemption reason (BR-Z-10); a document
    not subject to VAT names no VAT identifier (BR-O-02, BR-O-04), and its
    seller by its SIREN (BR-CO-26).
    """
    seller, buyer = SELLER, BUYER
    if category == "O":
        seller = Party("Dupont", "FR", legal_id="732829320")
        buyer = Party("Client", "FR")
    invoice = ClientInvoice(
        "F1",
        D(2024, 1, 1),
        seller,
        buyer,
        [ClientInvoiceLine("Service", 3, eur("10.00"), category)],
    )
    assert invoice.vat_total == eur("0.00")
    assert invoice.vat_breakdown[0].exemption_reason == reason


def test_not_subject_to_vat_has_no_rate() -> None:
    """Category O has no rate at all (BR-O-05); 0 is read as none."""
    assert ClientInvoiceLine("X", 1, eur("1.00"), "O", "0").vat_rate is None
    assert ClientInvoiceLine("X", 1, eur("1.00"), "Z").vat_rate == 0


def test_a_part_payment_then_the_rest() -> None:
    """600.40 due: 300.00 paid on 20 January, then the rest after the due date."""
    invoice = centralised_invoice()
    assert invoice.status_on(D(2024, 1, 5)) is ClientInvoiceStatus.ISSUED
    part = invoice.pay(eur("300.00"), D(2024, 1, 20), "sepa_credit_transfer")
    assert invoice.payments == ()  # the invoice itself never changes
    assert part.amount_due_on(D(2024, 1, 19)) == eur("600.40")
    assert part.amount_due_on(D(2024, 1, 20)) == eur("300.40")
    assert part.status_on(D(2024, 1, 25)) is ClientInvoiceStatus.PARTIALLY_PAID
    assert part.status_on(D(2024, 2, 2)) is ClientInvoiceStatus.OVERDUE
    paid = part.pay(eur("300.40"), D(2024, 2, 10), PaymentMeans.CARD)
    assert paid.amount_due_on(D(2024, 2, 10)) == eur("0.00")
    assert paid.status_on(D(2024, 2, 10)) is ClientInvoiceStatus.PAID
    assert paid.status_on(D(2024, 2, 9)) is ClientInvoiceStatus.OVERDUE
    assert [p.method.code for p in paid.payments] == ["58", "48"]


def test_payment_means_by_their_names() -> None:
    """The enum, its value in any case, or a common synonym; others are refused."""
    invoice = centralised_invoice()
    methods: list[str | PaymentMeans] = ["Direct debit", "transfer", "CARD"]
    methods.append(PaymentMeans.CHEQUE)
    for method in methods:
        invoice = invoice.pay(eur("1.00"), D(2024, 1, 10), method)
    assert [p.method.code for p in invoice.payments] == ["59", "30", "48", "20"]
    with pytest.raises(TypeError):
        invoice.pay(eur("1.00"), D(2024, 1, 10), "bitcoin")


def test_terms_as_a_number_of_days() -> None:
    """payment_terms=45 is net 45 days."""
    invoice = attrs.evolve(centralised_invoice(), payment_terms=45)
    assert invoice.payment_terms == PaymentTerms(45)
    assert invoice.due_date == D(2024, 2, 16)


def test_end_of_month_terms() -> None:
    """45 days end of month from 15 January: 31 January + 45 days = 16 March 2024."""
    invoice = ClientInvoice(
        "F1",
        D(2024, 1, 15),
        SELLER,
        BUYER,
        [ClientInvoiceLine("X", 1, eur("1.00"), "S", "20")],
        payment_terms=PaymentTerms(45, end_of_month=True),
    )
    assert invoice.due_date == D(2024, 3, 16)


def test_a_service_period_is_kept() -> None:
    """The period of service billed rides along, for the invoice and the e-invoice."""
    quarter = BillingPeriod(D(2024, 1, 1), D(2024, 4, 1))
    invoice = attrs.evolve(centralised_invoice(), service_period=quarter)
    assert invoice.service_period == quarter
    with pytest.raises(TypeError):
        attrs.evolve(centralised_invoice(), service_period="Q1")  # type: ignore[arg-type]


# -- bad input ---------------------------------------------------------------


def test_lines_in_two_currencies_are_refused() -> None:
    """One invoice, one currency (BR-CO and common sense)."""
    with pytest.raises(CurrencyMismatchError):
        ClientInvoice(
            "F1",
            D(2024, 1, 1),
            SELLER,
            BUYER,
            [
                ClientInvoiceLine("A", 1, eur("1.00"), "S", "20"),
                ClientInvoiceLine("B", 1, Money("1.00", "GBP"), "S", "20"),
            ],
        )


def test_a_negative_quantity_corrects_but_never_credits() -> None:
    """A negative line corrects an invoice; no VAT group goes below zero.

    70 users at 4.00 less 5 billed by mistake last month: 280.00 - 20.00 =
    260.00 net, 52.00 VAT at 20 %.
    """
    correction = ClientInvoiceLine("Correction", -5, eur("4.00"), "S", "20")
    assert correction.net_amount == eur("-20.00")
    invoice = ClientInvoice(
        "F1",
        D(2024, 1, 1),
        SELLER,
        BUYER,
        [ClientInvoiceLine("Entry app users", 70, eur("4.00"), "S", "20"), correction],
    )
    assert (invoice.net_total, invoice.vat_total) == (eur("260.00"), eur("52.00"))
    with pytest.raises(InvalidInvoiceError, match="below zero") as caught:
        invoice.credit("AV1", D(2024, 1, 2), [correction])
    assert isinstance(caught.value, ValueError)
    with pytest.raises(InvalidInvoiceError, match=r"-20\.00 EUR at VAT S 20 %"):
        ClientInvoice("F2", D(2024, 1, 1), SELLER, BUYER, [correction])
    whole = invoice.credit("AV1", D(2024, 1, 2))
    assert whole.lines == invoice.lines
    assert whole.gross_total == invoice.gross_total


@pytest.mark.parametrize("rate", ["-1", "100", "150", "-0.01"])
def test_a_rate_out_of_range_is_refused(rate: str) -> None:
    """A VAT rate is 0 or more and below 100."""
    with pytest.raises(InvalidVatRateError) as caught:
        ClientInvoiceLine("X", 1, eur("1.00"), "S", rate)
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize(
    ("category", "rate"), [("S", None), ("S", "0"), ("AE", "20"), ("Z", "5.5")]
)
def test_a_rate_its_category_does_not_allow_is_refused(
    category: str, rate: str | None
) -> None:
    """Standard needs a rate above 0; the others carry none."""
    with pytest.raises(InvalidVatRateError):
        ClientInvoiceLine("X", 1, eur("1.00"), category, rate)


def test_a_float_rate_or_quantity_is_refused() -> None:
    """Floats are not exact: neither a rate nor a quantity may be one."""
    with pytest.raises(TypeError):
        ClientInvoiceLine("X", 1.5, eur("1.00"), "S", "20")
    with pytest.raises(TypeError):
        ClientInvoiceLine("X", 1, eur("1.00"), "S", 20.0)  # type: ignore[arg-type]


@pytest.mark.parametrize("missing", ["seller", "buyer"])
@pytest.mark.parametrize("category", ["AE", "K"])
def test_reverse_charge_needs_both_vat_identifiers(missing: str, category: str) -> None:
    """AE and K name both parties' VAT ids (BR-AE-02, BR-IC-02)."""
    seller = Party("Dupont", "FR") if missing == "seller" else SELLER
    buyer = Party("Schmidt", "DE") if missing == "buyer" else FOREIGN_BUYER
    with pytest.raises(MissingVatIdentifierError) as caught:
        ClientInvoice(
            "F1",
            D(2024, 1, 1),
            seller,
            buyer,
            [ClientInvoiceLine("App", 1, eur("4.00"), category)],
        )
    assert caught.value.party == missing
    assert caught.value.category == category


def test_an_overpayment_is_refused() -> None:
    """Paying more than is due is refused; the invoice is unchanged."""
    invoice = centralised_invoice().pay(eur("600.00"), D(2024, 1, 10))
    with pytest.raises(OverpaymentError) as caught:
        invoice.pay(eur("0.41"), D(2024, 1, 11))
    assert caught.value.due == eur("0.40")
    assert isinstance(caught.value, ValueError)
    assert str(caught.value) == (
        "invoice F2024-0001: a payment of 0.41 EUR is more than the 0.40 EUR "
        "still due; record only what is due and refund the rest"
    )
    assert invoice.amount_due_on(D(2024, 1, 11)) == eur("0.40")


def test_a_payment_before_the_invoice_is_refused() -> None:
    """A payment cannot precede the invoice it pays."""
    with pytest.raises(PaymentBeforeIssueError):
        centralised_invoice().pay(eur("1.00"), D(2024, 1, 1))


@pytest.mark.parametrize("amount", ["0.00", "-1.00"])
def test_a_payment_of_nothing_is_refused(amount: str) -> None:
    """A payment is above zero."""
    with pytest.raises(PaxbillError) as refused:
        centralised_invoice().pay(eur(amount), D(2024, 1, 10))
    assert str(refused.value) == f"payment Money('{amount}', 'EUR') is not above zero"


def test_a_payment_is_a_money_in_the_invoice_currency() -> None:
    with pytest.raises(ArgumentTypeError) as refused:
        centralised_invoice().pay("10.00", D(2024, 1, 10))  # type: ignore[arg-type]
    assert str(refused.value) == "amount must be a Money, not str '10.00'"
    with pytest.raises(CurrencyMismatchError) as mixed:
        centralised_invoice().pay(Money("10.00", "USD"), D(2024, 1, 10))
    assert str(mixed.value) == (
        "cannot pay EUR and USD: convert one of them first with an exchange "
        "rate; paxbill never converts implicitly"
    )


def test_an_invoice_is_overdue_only_after_its_due_date() -> None:
    invoice = centralised_invoice()
    due = invoice.due_date
    assert invoice.status_on(due) is ClientInvoiceStatus.ISSUED
    assert invoice.status_on(due + dt.timedelta(days=1)) is ClientInvoiceStatus.OVERDUE


def test_no_lines_no_invoice() -> None:
    """An invoice has at least one line."""
    with pytest.raises(TypeError):
        ClientInvoice("F1", D(2024, 1, 1), SELLER, BUYER, [])


_COUNTRY = "is not an ISO 3166 alpha-2 country code such as 'FR' or 'GB'"


@pytest.mark.parametrize(
    ("name", "country", "message"),
    [
        ("", "FR", "party: '' is not a name: give the legal name"),
        ("Dupont", "XX", f"party: 'XX' {_COUNTRY}"),
        ("Dupont", "France", f"party: 'France' {_COUNTRY}"),
        (5, "FR", "name must be a str, not int 5"),
        ("Dupont", 5, "country must be an ISO 3166 alpha-2 code, not int 5"),
    ],
)
def test_a_party_needs_a_name_and_a_country(
    name: object, country: object, message: str
) -> None:
    """A party has a legal name and an ISO 3166 alpha-2 country."""
    with pytest.raises(PaxbillError) as refused:
        Party(name, country)
    assert str(refused.value) == message
    wrong = InvalidPartyError if message.startswith("party:") else ArgumentTypeError
    assert isinstance(refused.value, wrong)
    assert Party(" Dupont ", " fr ").country == "FR"


# -- properties --------------------------------------------------------------


def half_up(value: Fraction) -> Decimal:
    """An independent rounding: to cents, half-up, through Decimal's quantize."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def adjustment_amount(item: Allowance | Charge, base: Decimal) -> Decimal:
    """An allowance's or charge's amount: fixed, or its percent of the base."""
    if item.percent is None:
        assert item.amount is not None
        return item.amount.amount
    given = item.base.amount if item.base is not None else base
    return half_up(Fraction(given) * Fraction(item.percent) / 100)


@given(client_invoices(settled=False, currencies=("EUR", "GBP")))
def test_totals_follow_the_en_16931_rules(invoice: ClientInvoice) -> None:
    """Law: BT-106 to BT-115 as EN 16931 works them out, lines and adjustments.

    Each line: quantity x price rounded, less its allowances, plus its
    charges (BT-131); the lines sum to BT-106 (BR-CO-10); the document's
    allowances and charges to BT-107 and BT-108 (BR-CO-11, BR-CO-12); net
    BT-109 = BT-106 - BT-107 + BT-108 (BR-CO-13); each VAT group's taxable
    amount counts its lines and adjustments, and its tax is taxable x rate /
    100, rounded once (BR-CO-17); gross = net + VAT (BR-CO-15); due =
    gross - prepaid (BR-CO-16).
    """
    lines_net = Decimal(0)
    taxable: dict[tuple[VatCategory, Decimal | None], Decimal] = {}
    for line in invoice.lines:
        gross = half_up(Fraction(line.quantity) * Fraction(line.unit_price.amount))
        net = gross
        net -= sum((adjustment_amount(a, gross) for a in line.allowances), Decimal(0))
        net += sum((adjustment_amount(c, gross) for c in line.charges), Decimal(0))
        assert line.net_amount.amount == net  # BT-131
        lines_net += net
        key = (line.vat_category, line.vat_rate)
        taxable[key] = taxable.get(key, Decimal(0)) + net
    assert invoice.line_total.amount == lines_net  # BR-CO-10
    allowances = charges = Decimal(0)
    adjustments: tuple[Allowance | Charge, ...] = (
        *invoice.allowances,
        *invoice.charges,
    )
    for item in adjustments:
        amount = adjustment_amount(item, lines_net)
        if isinstance(item, Charge):
            charges += amount
        else:
            allowances += amount
            amount = -amount
        key = (item.category, item.rate)
        taxable[key] = taxable.get(key, Decimal(0)) + amount
    assert invoice.allowance_total.amount == allowances  # BR-CO-11
    assert invoice.charge_total.amount == charges  # BR-CO-12
    assert invoice.net_total.amount == lines_net - allowances + charges  # BR-CO-13
    found = {
        (g.category, g.rate): g.taxable_amount.amount for g in invoice.vat_breakdown
    }
    assert found == taxable
    for group in invoice.vat_breakdown:
        rate = Fraction(group.rate or 0)
        expected = half_up(Fraction(group.taxable_amount.amount) * rate / 100)
        assert group.tax_amount.amount == expected  # BR-CO-17
        if group.category is not VatCategory.STANDARD:
            assert group.tax_amount.amount == 0
            # BR-Z-10: zero rated says nothing; the others say why (BR-E-10...).
            zero = group.category is VatCategory.ZERO_RATED
            assert (group.exemption_reason is None) is zero
    assert invoice.vat_total.amount == sum(
        g.tax_amount.amount for g in invoice.vat_breakdown
    )  # BR-CO-14
    assert invoice.gross_total == invoice.net_total + invoice.vat_total  # BR-CO-15
    prepaid = invoice.prepaid.amount if invoice.prepaid else Decimal(0)
    assert invoice.prepaid_amount.amount == prepaid  # no payment when issued
    assert invoice.amount_due.amount == invoice.gross_total.amount - prepaid  # BR-CO-16


@given(client_invoices(), st.integers(-10, 400))
def test_the_amount_due_is_never_negative(invoice: ClientInvoice, offset: int) -> None:
    """Law: due = max(0, gross - prepaid - paid - credited), or 0 once cancelled."""
    day = invoice.issue_date + dt.timedelta(offset)
    paid = sum((p.amount.amount for p in invoice.payments if p.on <= day), Decimal(0))
    prepaid = invoice.prepaid.amount if invoice.prepaid else Decimal(0)
    credited = sum(
        (n.gross_total.amount for n in invoice.credit_notes if n.issue_date <= day),
        Decimal(0),
    )
    left = invoice.gross_total.amount - prepaid - paid - credited
    if invoice.is_fully_credited_on(day):
        # Cancelled: nothing due, and every payment is owed back.
        assert invoice.amount_due_on(day).amount == 0
        assert invoice.refund_due_on(day).amount == paid + prepaid
    else:
        assert invoice.amount_due_on(day).amount == max(left, Decimal(0))
        assert invoice.refund_due_on(day).amount == max(-left, Decimal(0))
    assert invoice.amount_due_on(day).amount >= 0
    paid_in_all = sum((p.amount.amount for p in invoice.payments), prepaid)
    assert paid_in_all <= invoice.gross_total.amount


@given(client_invoices(), st.integers(0, 400))
def test_a_status_agrees_with_the_amounts(invoice: ClientInvoice, offset: int) -> None:
    """Law: paid or credited means nothing due; overdue means due after the due date."""
    day = invoice.issue_date + dt.timedelta(offset)
    status = invoice.status_on(day)
    due = invoice.amount_due_on(day)
    if status in (ClientInvoiceStatus.PAID, ClientInvoiceStatus.CREDITED):
        assert due.amount == 0
    else:
        assert due.amount > 0
    if status is ClientInvoiceStatus.OVERDUE:
        assert day > invoice.due_date
    if due.amount > 0 and day > invoice.due_date:
        assert status is ClientInvoiceStatus.OVERDUE


def test_the_errors_of_a_document_name_what_is_wrong() -> None:
    """Number, currencies and VAT ids: each error carries the values and the rule."""
    line = ClientInvoiceLine("App", 1, eur("4.00"), "S", "20")
    for number in (5, "", "   "):
        with pytest.raises(ArgumentTypeError) as caught:
            ClientInvoice(number, D(2024, 1, 1), SELLER, BUYER, [line])
        assert caught.value.value == number
        assert str(caught.value).startswith(
            "number must be a non-empty str such as 'F2024-0001'"
        )
    pounds = ClientInvoiceLine("App", 1, Money("4.00", "GBP"), "S", "20")
    with pytest.raises(CurrencyMismatchError) as mixed:
        ClientInvoice("F1", D(2024, 1, 1), SELLER, BUYER, [line, pounds])
    assert (mixed.value.currency, mixed.value.other) == ("EUR", "GBP")
    assert str(mixed.value).startswith("cannot invoice EUR and GBP")
    with pytest.raises(MissingVatIdentifierError, match="BR-AE-02"):
        ClientInvoice(
            "F1",
            D(2024, 1, 1),
            SELLER,
            Party("Schmidt", "DE"),
            [ClientInvoiceLine("App", 1, eur("4.00"), "AE")],
        )
    with pytest.raises(MissingVatIdentifierError, match="BR-IC-02"):
        ClientInvoice(
            "F1",
            D(2024, 1, 1),
            SELLER,
            Party("Schmidt", "DE"),
            [ClientInvoiceLine("App", 1, eur("4.00"), "K")],
        )


@pytest.mark.parametrize(
    ("category", "rate", "words"),
    [
        (
            "S",
            None,
            "VAT rate for category S is missing: give the rate, such as '20'",
        ),
        ("S", "100", "VAT rate 100 for category S is out of range: a rate is 0 or"),
        (
            "S",
            "0",
            "VAT rate 0 for category S is 0: use category Z (zero rated) or E",
        ),
        (
            "AE",
            "20",
            "VAT rate 20 for category AE is not 0: this category carries no",
        ),
    ],
)
def test_a_refused_rate_says_why(category: str, rate: str | None, words: str) -> None:
    """The error keeps the category and the rate, and says what to give."""
    with pytest.raises(InvalidVatRateError) as caught:
        ClientInvoiceLine("X", 1, eur("1.00"), category, rate)
    expected = None if rate is None else Decimal(rate)
    assert (caught.value.category, caught.value.rate) == (category, expected)
    assert str(caught.value).startswith(words)
    with pytest.raises(AmountTypeError, match="VAT rate"):
        ClientInvoiceLine("X", 1, eur("1.00"), "S", 5.5)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("given", "language"),
    [("fr", "fr"), ("en-GB", "en"), ("fr_CA", "fr"), ("EN", "en")],
)
def test_an_invoice_language_is_read_from_a_locale(given: str, language: str) -> None:
    """fr, en-GB, fr_CA: the language of the texts an invoice carries."""
    line = ClientInvoiceLine("X", 1, eur("1.00"), "E")
    invoice = ClientInvoice("F1", D(2024, 1, 1), SELLER, BUYER, [line], language=given)
    assert invoice.language == language
    for wrong in ("de", 5):
        with pytest.raises(ArgumentTypeError) as caught:
            ClientInvoice("F1", D(2024, 1, 1), SELLER, BUYER, [line], language=wrong)
        assert caught.value.value == wrong
        assert str(caught.value).startswith("language must be 'fr' or 'en'")


@given(
    st.sampled_from(["EUR", "JPY", "BHD", "KWD", "CLF"]),
    st.lists(st.integers(0, 500), min_size=1, max_size=5),
    st.decimals(0, 1000, places=4, allow_nan=False),
)
def test_amounts_carry_two_decimals_at_most(
    currency: str, quantities: list[int], price: Decimal
) -> None:
    """Law: every amount of the document has the ISO minor unit, capped at two.

    JPY keeps 0 decimals; BHD, KWD (3) and CLF (4) are cut to 2, as EN 16931
    allows; each line's net is its exact quantity x price rounded half-up.
    """
    places = {"EUR": 2, "JPY": 0, "BHD": 2, "KWD": 2, "CLF": 2}[currency]
    step = Decimal(1).scaleb(-places)
    lines = [
        ClientInvoiceLine("X", quantity, Money(price, currency), "S", "20")
        for quantity in quantities
    ]
    invoice = ClientInvoice("F1", dt.date(2024, 1, 1), SELLER, BUYER, lines)
    for line, quantity in zip(invoice.lines, quantities, strict=True):
        exact = price * quantity
        assert line.net_amount.amount == exact.quantize(step, ROUND_HALF_UP)
    for amount in (invoice.net_total, invoice.vat_total, invoice.gross_total):
        assert amount.amount.as_tuple().exponent == -places


@pytest.mark.parametrize(
    ("category", "french", "english", "vatex"),
    [
        ("Z", None, None, None),
        ("E", "Exonération de TVA", "Exempt from VAT", None),
        ("AE", "Autoliquidation", "Reverse charge", "VATEX-EU-AE"),
        (
            "K",
            "Exonération de TVA, livraison intracommunautaire",
            "Intra-community supply, exempt",
            "VATEX-EU-IC",
        ),
        (
            "G",
            "Exportation hors de l'Union européenne, exonérée",
            "Export outside the EU, exempt",
            "VATEX-EU-G",
        ),
        ("O", "Non soumis à la TVA", "Not subject to VAT", "VATEX-EU-O"),
        ("S", None, None, None),
    ],
)
def test_each_category_says_why_in_each_language(
    category: str, french: str | None, english: str | None, vatex: str | None
) -> None:
    """The reason a category carries no tax, French by default, and its VATEX code.

    Only S carries tax; only AE and K need both VAT identifiers.
    """
    value = VatCategory(category)
    assert value.exemption_reason() == french
    assert value.exemption_reason("fr_FR") == french
    assert value.exemption_reason("en") == english
    assert value.exemption_code == vatex
    assert value.carries_tax is (category == "S")
    assert value.needs_both_vat_ids is (category in ("AE", "K"))


def test_a_wrong_category_lists_the_codes() -> None:
    """A category that is not a code names the value and every code allowed."""
    for wrong in ("X", 7, None):
        with pytest.raises(ArgumentTypeError) as caught:
            ClientInvoiceLine("X", 1, eur("1.00"), wrong)
        assert caught.value.value == wrong
        message = str(caught.value)
        assert message.startswith("category must be a VatCategory or one of ")
        assert "'S', 'Z', 'E', 'AE', 'K', 'G', 'O'" in message
    assert ClientInvoiceLine("X", 1, eur("1.00"), " ae ").vat_category is (
        VatCategory.REVERSE_CHARGE
    )


@pytest.mark.parametrize(
    ("rate", "kept"),
    [("20", "20"), ("20.00", "20"), ("5.50", "5.5"), ("2.1", "2.1"), ("0.90", "0.9")],
)
def test_a_rate_is_kept_without_trailing_zeros(rate: str, kept: str) -> None:
    """A standard rate is read exactly and written plainly: 20.00 is 20."""
    line = ClientInvoiceLine("X", 1, eur("1.00"), "S", rate)
    assert line.vat_rate is not None
    assert str(line.vat_rate) == kept
    assert line.vat_rate == Decimal(rate)


def test_a_rate_that_is_not_a_number_names_the_vat_rate() -> None:
    """to_vat_rate reads the rate as a "VAT rate", and says so when it cannot."""
    from paxbill import InvalidAmountError
    from paxbill.clients.invoicing.vat import to_vat_rate

    with pytest.raises(AmountTypeError) as wrong_type:
        to_vat_rate(VatCategory.STANDARD, 5.5)
    assert str(wrong_type.value).startswith("VAT rate must be a str")
    with pytest.raises(InvalidAmountError) as not_a_number:
        to_vat_rate(VatCategory.STANDARD, "abc")
    assert str(not_a_number.value).startswith("VAT rate 'abc' is not")


def test_lines_that_are_not_lines_are_named() -> None:
    """Lines must be a non-empty sequence of ClientInvoiceLine; each refusal says so."""
    line = ClientInvoiceLine("X", 1, eur("1.00"), "S", "20")
    cases: list[tuple[object, object, str]] = [
        ("abc", "abc", "lines must be a sequence of ClientInvoiceLine"),
        (line, line, "lines must be a sequence of ClientInvoiceLine"),
        (7, 7, "lines must be a sequence of ClientInvoiceLine"),
        ([], (), "lines must be at least one ClientInvoiceLine"),
        ([line, "x"], "x", "each line must be a ClientInvoiceLine"),
    ]
    for lines_given, value, words in cases:
        with pytest.raises(ArgumentTypeError) as caught:
            ClientInvoice("F1", D(2024, 1, 1), SELLER, BUYER, lines_given)
        assert caught.value.value == value
        assert str(caught.value).startswith(words)


def test_a_taxed_group_has_no_exemption_reason() -> None:
    """Only the groups that carry no tax say why; the standard one says nothing."""
    lines = [
        ClientInvoiceLine("X", 1, eur("10.00"), "S", "20"),
        ClientInvoiceLine("Y", 1, eur("10.00"), "E"),
    ]
    invoice = ClientInvoice("F1", D(2024, 1, 1), SELLER, BUYER, lines)
    reasons = {g.category: g.exemption_reason for g in invoice.vat_breakdown}
    assert reasons == {
        VatCategory.STANDARD: None,
        VatCategory.EXEMPT: "Exonération de TVA",
    }


_NUMBER = (
    "a str such as '2.55', an int or a decimal.Decimal "
    "(pass a string or a Decimal, never a float)"
)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"description": ""}, "description must be a non-empty str, not str ''"),
        ({"description": "  "}, "description must be a non-empty str, not str '  '"),
        ({"description": 5}, "description must be a non-empty str, not int 5"),
        ({"quantity": 1.5}, f"quantity must be {_NUMBER}, not float 1.5"),
        ({"unit_price": "4.00"}, "unit_price must be a Money, not str '4.00'"),
        (
            {"unit_price": eur("-1.00")},
            "unit_price Money('-1.00', 'EUR') is negative: credit with a credit note",
        ),
        ({"vat_rate": 20.0}, f"VAT rate must be {_NUMBER}, not float 20.0"),
        (
            {"unit_code": 5},
            "unit_code must be a UN/ECE Rec 20 code such as 'C62', not int 5",
        ),
        (
            {"unit_code": "XYZ"},
            "unit code 'XYZ' is not a UN/ECE Rec 20 unit paxbill knows: ",
        ),
        (
            {"allowances": "Remise"},
            "allowances must be a sequence of Allowance, not str 'Remise'",
        ),
        (
            {"allowances": [5]},
            "each of allowances must be an Allowance, not int 5",
        ),
        ({"charges": 5}, "charges must be a sequence of Charge, not int 5"),
        ({"charges": ["Port"]}, "each of charges must be a Charge, not str 'Port'"),
    ],
)
def test_a_line_refuses_each_field_in_words(
    change: dict[str, object], message: str
) -> None:
    fields: dict[str, object] = {
        "description": "Entry app users",
        "quantity": 70,
        "unit_price": eur("4.00"),
        "vat_category": "S",
        "vat_rate": "20",
    }
    with pytest.raises(PaxbillError) as refused:
        ClientInvoiceLine(**(fields | change))  # type: ignore[arg-type]
    if message.endswith(": "):  # then the codes known, which the next test checks
        assert str(refused.value).startswith(message)
    else:
        assert str(refused.value) == message


def test_an_unknown_unit_lists_the_units_known() -> None:
    with pytest.raises(PaxbillError) as refused:
        ClientInvoiceLine("App", 1, eur("4.00"), "S", "20", unit_code="XYZ")
    known = str(refused.value).rpartition(": ")[2].split(", ")
    assert {"C62", "MON", "HUR"} <= set(known)
    assert known == sorted(known)
    assert (
        ClientInvoiceLine("App", 1, eur("4.00"), "S", "20", unit_code=" mon ").unit_code
        == "MON"
    )


def test_an_exemption_reason_is_text_or_none() -> None:
    with pytest.raises(ArgumentTypeError) as refused:
        ClientInvoiceLine("Works", 1, eur("80.00"), "E", exemption_reason="  ")
    assert str(refused.value) == (
        "exemption_reason must be a non-empty str or None, not str '  '"
    )
    line = ClientInvoiceLine(
        "Works", 1, eur("80.00"), "E", exemption_reason=" Art. 261 "
    )
    assert line.exemption_reason == "Art. 261"
    with pytest.raises(PaxbillError) as unwritable:
        ClientInvoiceLine("Works", 1, eur("80.00"), "E", exemption_reason="Art\x07")
    assert str(unwritable.value) == (
        "exemption_reason holds U+0007, a character an e-invoice cannot carry: "
        "remove it"
    )


@pytest.mark.parametrize("kind", [Allowance, Charge])
def test_a_line_s_adjustment_is_in_the_line_s_currency(
    kind: type[Allowance | Charge],
) -> None:
    with pytest.raises(CurrencyMismatchError) as refused:
        ClientInvoiceLine(
            "App",
            1,
            eur("10.00"),
            "S",
            "20",
            **{f"{kind.KIND}s": [kind("R", Money("1.00", "USD"))]},
        )
    assert str(refused.value) == (
        f"cannot work out the {kind.KIND} of EUR and USD: convert one of them "
        "first with an exchange rate; paxbill never converts implicitly"
    )


def test_a_line_s_allowance_takes_the_line_s_vat() -> None:
    with pytest.raises(InvalidAmountError) as refused:
        ClientInvoiceLine(
            "Entry app users",
            70,
            eur("4.00"),
            "S",
            "20",
            allowances=[Allowance("Remise", eur("1.00"), rate="20")],
        )
    assert str(refused.value).startswith("line allowance Allowance(")
    assert str(refused.value).endswith(
        "has a VAT category or rate: on a line it takes the line's"
    )


_RANGE = "is out of range: a rate is 0 or more, below 100"
_NO_TAX = "is not 0: this category carries no tax"
_CODES = "'S', 'Z', 'E', 'AE', 'K', 'G', 'O'"


@pytest.mark.parametrize(
    ("category", "rate", "message"),
    [
        (
            "S",
            None,
            "VAT rate for category S is missing: give the rate, such as '20'",
        ),
        ("S", "0", "VAT rate 0 for category S is 0: use category Z (zero rated) or E"),
        ("S", "100", f"VAT rate 100 for category S {_RANGE}"),
        ("S", "-1", f"VAT rate -1 for category S {_RANGE}"),
        ("E", "5.5", f"VAT rate 5.5 for category E {_NO_TAX}"),
        ("O", "1", f"VAT rate 1 for category O {_NO_TAX}"),
        ("X", "20", f"category must be a VatCategory or one of {_CODES}, not str 'X'"),
    ],
)
def test_a_vat_rate_its_category_does_not_allow_is_refused_in_words(
    category: str, rate: str | None, message: str
) -> None:
    with pytest.raises(PaxbillError) as refused:
        ClientInvoiceLine("Works", 1, eur("80.00"), category, rate)
    assert str(refused.value) == message


@pytest.mark.parametrize(
    ("category", "given", "rate"),
    [
        ("S", "20.00", Decimal("20")),
        ("S", "5.50", Decimal("5.5")),
        ("S", "99.99", Decimal("99.99")),
        ("Z", None, Decimal("0")),
        ("E", "0.00", Decimal("0")),
        ("O", None, None),
        ("O", "0", None),
    ],
)
def test_a_vat_rate_is_kept_plain(
    category: str, given: str | None, rate: Decimal | None
) -> None:
    line = ClientInvoiceLine("Works", 1, eur("80.00"), category, given)
    assert line.vat_rate == rate
    assert str(line.vat_rate) == str(rate)


@pytest.mark.parametrize("language", [5, "de", "xx_FR"])
def test_an_invoice_is_written_in_french_or_english(language: object) -> None:
    with pytest.raises(ArgumentTypeError) as refused:
        VatCategory.EXPORT.exemption_reason(language)  # type: ignore[arg-type]
    assert str(refused.value).startswith("language must be 'fr' or 'en', not ")


def test_an_exemption_reason_defaults_to_french() -> None:
    assert VatCategory.EXPORT.exemption_reason() == VatCategory.EXPORT.exemption_reason(
        "fr_FR"
    )
    assert VatCategory.EXPORT.exemption_reason() != VatCategory.EXPORT.exemption_reason(
        "en"
    )
    assert VatCategory.STANDARD.exemption_reason("en-GB") is None
