"""The official EN 16931 and BR-FR rules, run over everything paxbill writes.

Each document is written as CII and run through the compiled Schematron of
CEN/TC 434 (validation 1.3.16) and of the French rules (BR-FR 1.4.0) in
SaxonC-HE, as a platform runs them (tests/official_rules.py), and as UBL
through the official UBL rules where PAXBILL_EN16931_UBL_RULES names them,
read back and judged by the CII rules otherwise (the report's header says
which). A document conforms when no assertion of flag ``fatal`` fails.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from paxbill import (
    Allowance,
    ArgumentTypeError,
    BillingPeriod,
    Charge,
    ClientInvoice,
    ClientInvoiceLine,
    CreditNote,
    Delivery,
    Money,
    Note,
    Party,
    PaymentInstructions,
    StatedTotalError,
    en16931_problems,
    from_ubl_xml,
    to_cii_xml,
    to_ubl_xml,
)
from tests.examples import FOREIGN_BUYER, SELLER, centralised_invoice, eur
from tests.official_rules import (
    failed_rules,
    ubl_failed_rules,
    ubl_rules_available,
)
from tests.strategies import (
    CURRENCIES,
    FRENCH_BUYER,
    FRENCH_SELLER,
    client_invoices,
)

D = dt.date
#: The French rules en16931_problems implements, by the prefix of their ids.
FRENCH_RULES_CHECKED = re.compile(
    r"BR-FR-(0[1235689]|1[0-36]|2[013]|31|CO-09|CO-12|DEC-0[234])_"
)


def fatal(document: ClientInvoice | CreditNote, *, france: bool = False) -> list[str]:
    """The official rules the document breaks: EN 16931's in CII and UBL, BR-FR's."""
    xml = to_cii_xml(document)
    found = failed_rules(xml, "en16931-cii")
    if france:
        found += failed_rules(xml, "br-fr-cii")
    return found + [f"UBL {rule}" for rule in ubl_failed_rules(to_ubl_xml(document))]


def invoice(
    *lines: ClientInvoiceLine,
    seller: Party = SELLER,
    buyer: Party = FRENCH_BUYER,
    **extras: Any,
) -> ClientInvoice:
    """An invoice of the French installer to a French client."""
    return ClientInvoice("F2024-0001", D(2024, 3, 1), seller, buyer, lines, **extras)


def line(
    category: str = "S", rate: str | None = "20", quantity: int = 70, **extras: Any
) -> ClientInvoiceLine:
    """Seventy app users at 4.00."""
    return ClientInvoiceLine(
        "Entry app users", quantity, eur("4.00"), category, rate, **extras
    )


NOT_SUBJECT_SELLER = Party("Dupont Sécurité EI", "FR", legal_id="732829320")
PERIOD = BillingPeriod(D(2024, 2, 1), D(2024, 3, 1))

EXAMPLES = {
    "centralised": centralised_invoice(),
    "S": invoice(line()),
    "Z": invoice(line("Z", None)),
    "E": invoice(line("E", None)),
    "AE": invoice(line("AE", None), buyer=FOREIGN_BUYER),
    "K with a period": invoice(
        line("K", None), buyer=FOREIGN_BUYER, service_period=PERIOD
    ),
    "K with a delivery date": invoice(
        line("K", None), buyer=FOREIGN_BUYER, delivery=Delivery(date=D(2024, 2, 29))
    ),
    "G": invoice(line("G", None), buyer=Party("Acme Ltd", "GB")),
    "O": invoice(
        line("O", None), seller=NOT_SUBJECT_SELLER, buyer=Party("Client", "FR")
    ),
    "S, Z, E and G mixed": invoice(
        line(), line("S", "5.5"), line("Z", None), line("E", None), line("G", None)
    ),
    "AE and K mixed": invoice(
        line("AE", None), line("K", None), buyer=FOREIGN_BUYER, service_period=PERIOD
    ),
    "allowances and charges": invoice(
        line(
            allowances=[Allowance("Remise", percent=10)],
            charges=[Charge("Badges", Money("12.00", "EUR"), reason_code="SAA")],
        ),
        line("S", "5.5"),
        allowances=[Allowance("Fidélité", percent=5, rate="20", reason_code="95")],
        charges=[Charge("Déplacement", eur("35.00"), rate="5.5")],
    ),
    "a correction": invoice(line(), line(quantity=-5)),
    "prepaid": invoice(line(), prepaid=eur("100.00")),
    "yen": ClientInvoice(
        "F1",
        D(2024, 1, 1),
        SELLER,
        FRENCH_BUYER,
        [ClientInvoiceLine("App", 7, Money("333", "JPY"), "S", "10")],
    ),
    "dinars": ClientInvoice(
        "F1",
        D(2024, 1, 1),
        SELLER,
        FRENCH_BUYER,
        [ClientInvoiceLine("App", 3, Money("1.234", "BHD"), "S", "5")],
    ),
    "markup, accents and emoji": invoice(
        ClientInvoiceLine(
            "Badges 🔑 <Entry> & « accès » — Saint-Étienne", 2, eur("7.50"), "S", "20"
        ),
        buyer=Party("L'Étoile & Fils <SARL>", "FR", vat_id="FR83404833048"),
    ),
    "direct debit": invoice(
        line(),
        payment_instructions=PaymentInstructions(
            "sepa_direct_debit", mandate="MANDAT-7", creditor_id="FR72ZZZ123456"
        ),
    ),
}


def part_paid() -> ClientInvoice:
    """The centralised invoice, 300.00 paid on the day it is issued."""
    billed = centralised_invoice()
    return billed.pay(eur("300.00"), billed.issue_date)


def credited() -> list[CreditNote]:
    """A credit note for part of an invoice, and one for all of one."""
    billed = EXAMPLES["allowances and charges"]
    return [
        billed.credit("AV-1", D(2024, 3, 5), [(0, 5)]),
        billed.credit("AV-2", D(2024, 3, 5)),
    ]


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_each_example_passes_every_en16931_rule(name: str) -> None:
    """Every VAT category alone and mixed, adjustments, corrections, currencies."""
    assert fatal(EXAMPLES[name]) == []


def test_part_paid_invoices_and_credit_notes_pass() -> None:
    """What pay recorded by the issue date is prepaid (BT-113); credit notes pass."""
    paid = part_paid()
    assert paid.prepaid_amount == eur("300.00")
    assert fatal(paid) == []
    for note in credited():
        assert fatal(note) == []


def french_invoice() -> ClientInvoice:
    """An invoice with all the French data: it passes BR-FR."""
    return invoice(
        line(),
        seller=FRENCH_SELLER,
        business_process="S1",
        payment_instructions=PaymentInstructions(iban="FR7630006000011234567890189"),
        contract_reference="CONTRAT-2024-12",
    )


def test_a_french_invoice_passes_the_french_rules() -> None:
    """With SIREN, SIRET, electronic addresses, framework and notes: BR-FR passes."""
    french = french_invoice()
    assert fatal(french, france=True) == []
    assert en16931_problems(french, france=True) == ()


def test_the_harness_fails_a_total_altered() -> None:
    """The rules catch a gross total that is not net plus VAT (BR-CO-15)."""
    xml = to_cii_xml(centralised_invoice())
    assert b"<ram:GrandTotalAmount>600.40</ram:GrandTotalAmount>" in xml
    altered = xml.replace(
        b"<ram:GrandTotalAmount>600.40", b"<ram:GrandTotalAmount>600.41"
    )
    assert "BR-CO-15" in failed_rules(altered, "en16931-cii")


def test_the_ubl_harness_fails_a_total_altered() -> None:
    """Read back, an altered UBL total is refused; the UBL rules, where set, fail it."""
    xml = to_ubl_xml(centralised_invoice())
    total = b'<cbc:TaxInclusiveAmount currencyID="EUR">600.40'
    assert total in xml
    altered = xml.replace(total, total.replace(b"600.40", b"600.41"))
    with pytest.raises(StatedTotalError, match="BT-112"):
        from_ubl_xml(altered)
    if ubl_rules_available():
        assert "BR-CO-15" in failed_rules(altered, "en16931-ubl")


def test_the_issue_s_invoice_by_hand() -> None:
    """45 users x EUR 10.20 at 20 %, 5 % loyalty allowance, 35.00 call-out, 200 prepaid.

    BT-106 = 45 x 10.20 = 459.00; BT-107 = 5 % of 459.00 = 22.95; BT-108 =
    35.00; BT-109 = 459.00 - 22.95 + 35.00 = 471.05; BT-110 = 20 % of
    471.05 = 94.21; BT-112 = 471.05 + 94.21 = 565.26; BT-113 = 200.00;
    BT-115 = 565.26 - 200.00 = 365.26.
    """
    billed = ClientInvoice(
        "F2024-0045",
        D(2024, 3, 1),
        FRENCH_SELLER,
        FRENCH_BUYER,
        [ClientInvoiceLine("Entry app users", 45, eur("10.20"), "S", "20")],
        allowances=[Allowance("Remise fidélité", percent=5, reason_code="95")],
        charges=[Charge("Déplacement", eur("35.00"), reason_code="SAA")],
        prepaid=eur("200.00"),
        business_process="S1",
    )
    figures = [
        billed.line_total,
        billed.allowance_total,
        billed.charge_total,
        billed.net_total,
        billed.vat_total,
        billed.gross_total,
        billed.prepaid_amount,
        billed.amount_due,
    ]
    expected = ["459.00", "22.95", "35.00", "471.05", "94.21", "565.26", "200.00"]
    assert figures == [eur(value) for value in [*expected, "365.26"]]
    assert fatal(billed, france=True) == []


@settings(max_examples=40)
@given(
    st.booleans().flatmap(
        lambda french: client_invoices(
            french=french, currencies=() if french else CURRENCIES
        )
    )
)
def test_every_document_passes_the_official_rules(document: ClientInvoice) -> None:
    """Law: every invoice and credit note paxbill makes passes EN 16931 in CII and UBL.

    A French seller's, with the data the reform asks, passes BR-FR too; and
    en16931_problems(france=True) finds what the official BR-FR rules find,
    rule for rule, among the rules it checks.
    """
    documents: list[ClientInvoice | CreditNote] = [document, *document.credit_notes]
    for each in documents:
        xml = to_cii_xml(each)
        assert failed_rules(xml, "en16931-cii") == []
        assert ubl_failed_rules(to_ubl_xml(each)) == []
        official = {
            rule
            for rule in failed_rules(xml, "br-fr-cii")
            if FRENCH_RULES_CHECKED.match(rule)
        }
        mine = {problem.rule for problem in en16931_problems(each, france=True)}
        assert mine == official
        if each.seller == FRENCH_SELLER:
            assert official == set()


def test_en16931_problems_names_each_french_rule() -> None:
    """A French invoice without its French data: each missing part, by its rule."""
    bare = attrs.evolve(
        EXAMPLES["S"],
        number="F 2024/0001 é",
        notes=[],
        seller=attrs.evolve(SELLER, legal_id=None),
        buyer=attrs.evolve(FRENCH_BUYER, electronic_address=None),
    )
    rules = [problem.rule for problem in en16931_problems(bare, france=True)]
    assert rules == [
        "BR-FR-02_BT-1",
        "BR-FR-05_BT-22_PMT",
        "BR-FR-05_BT-22_PMD",
        "BR-FR-05_BT-22_AAB",
        "BR-FR-08_BT-23",
        "BR-FR-10_BT-30",
        "BR-FR-12_BT-49",
        "BR-FR-13_BT-34",
    ]
    official = set(failed_rules(to_cii_xml(bare), "br-fr-cii"))
    assert set(rules) <= official
    assert en16931_problems(bare) == ()


def _between_businesses(buyer: Party) -> ClientInvoice:
    """The French invoice, marked B2B (a BAR note), to *buyer*."""
    french = french_invoice()
    return attrs.evolve(
        french, buyer=buyer, notes=[*french.notes, Note("B2B", subject="BAR")]
    )


def _with_notes(*notes: Note, keep: Callable[[Note], bool] = bool) -> ClientInvoice:
    """The French invoice with its notes that *keep* holds, and *notes*."""
    french = french_invoice()
    return attrs.evolve(french, notes=[*(n for n in french.notes if keep(n)), *notes])


def _note(subject: str) -> Note:
    """The French invoice's note of *subject*."""
    (note,) = [n for n in french_invoice().notes if n.subject == subject]
    return note


def _credit_note(**changes: Any) -> CreditNote:
    """A credit note for all of the French invoice, with *changes*."""
    return attrs.evolve(french_invoice().credit("AV-1", D(2024, 3, 5)), **changes)


def _with_lines(*lines: ClientInvoiceLine) -> ClientInvoice:
    return attrs.evolve(french_invoice(), lines=lines)


_NOT_AN_ID = "holds characters other than A-Z a-z 0-9 + - _ /"

#: The French invoice spoilt for one French rule (or two that go together).
SPOILT: dict[str, Callable[[], ClientInvoice | CreditNote]] = {
    "number of 36 characters": lambda: attrs.evolve(
        french_invoice(), number="F" + "1" * 35
    ),
    "number with a space": lambda: attrs.evolve(french_invoice(), number="F 2024"),
    "issued in 1999": lambda: attrs.evolve(
        french_invoice(), issue_date=D(1999, 12, 31)
    ),
    "due in 2100": lambda: attrs.evolve(french_invoice(), issue_date=D(2099, 12, 15)),
    "service period in 1999": lambda: attrs.evolve(
        french_invoice(), service_period=BillingPeriod(D(1999, 12, 1), D(2000, 1, 1))
    ),
    "issued in 1999 for a service in 2000": lambda: attrs.evolve(
        french_invoice(),
        issue_date=D(1999, 12, 31),
        service_period=BillingPeriod(D(2000, 1, 1), D(2000, 2, 1)),
    ),
    "delivered in 1999": lambda: attrs.evolve(
        french_invoice(), delivery=Delivery(date=D(1999, 12, 31))
    ),
    "credit note of an invoice numbered with a space": lambda: _credit_note(
        invoice_number="F 2024"
    ),
    "credit note of an invoice numbered in 36 characters": lambda: _credit_note(
        invoice_number="F" + "1" * 35
    ),
    "credit note of an invoice issued in 1999": lambda: _credit_note(
        invoice_issue_date=D(1999, 12, 31)
    ),
    "a rate of three decimals": lambda: _with_lines(line(rate="1.255")),
    "a rate that is not French": lambda: _with_lines(line(rate="21")),
    "a charge at 21 %": lambda: attrs.evolve(
        french_invoice(), charges=[Charge("Port", eur("10.00"), rate="21")]
    ),
    "a quantity of 20 digits": lambda: _with_lines(line(quantity=10**19)),
    "a quantity of 1E+19": lambda: _with_lines(
        line(quantity=Decimal("1E+19"))  # type: ignore[arg-type]
    ),
    "in dollars, VAT in no euros": lambda: attrs.evolve(
        french_invoice(),
        currency="USD",
        lines=[ClientInvoiceLine("App", 70, Money("4.00", "USD"), "S", "20")],
    ),
    "no PMT note": lambda: _with_notes(keep=lambda n: n.subject != "PMT"),
    "PMT note twice": lambda: _with_notes(_note("PMT")),
    "PMD note twice": lambda: _with_notes(_note("PMD")),
    "AAB note twice": lambda: _with_notes(_note("AAB")),
    "TXD note twice": lambda: _with_notes(
        Note("a", subject="TXD"), Note("b", subject="TXD")
    ),
    "BAR note of B2X": lambda: _with_notes(Note("B2X", subject="BAR")),
    "BAR note twice": lambda: _with_notes(
        Note("B2C", subject="BAR"), Note("B2C", subject="BAR")
    ),
    "framework A1": lambda: attrs.evolve(french_invoice(), business_process="A1"),
    "no framework": lambda: attrs.evolve(french_invoice(), business_process=None),
    "already paid (S2), nothing paid": lambda: attrs.evolve(
        french_invoice(), business_process="S2"
    ),
    "quantity of five decimals": lambda: attrs.evolve(
        french_invoice(),
        lines=[line(quantity=Decimal("1.00001"))],  # type: ignore[arg-type]
    ),
    "price of seven decimals": lambda: attrs.evolve(
        french_invoice(),
        lines=[ClientInvoiceLine("App", 70, Money("4.0000001", "EUR"), "S", "20")],
    ),
    "seller without SIREN or SIRET": lambda: attrs.evolve(
        french_invoice(),
        seller=attrs.evolve(FRENCH_SELLER, legal_id=None, siret=None),
    ),
    "B2B, buyer without SIREN": lambda: _between_businesses(
        attrs.evolve(FRENCH_BUYER, legal_id=None)
    ),
    "B2C (a BAR note), buyer without SIREN or address": lambda: attrs.evolve(
        french_invoice(),
        buyer=attrs.evolve(FRENCH_BUYER, legal_id=None, electronic_address=None),
        notes=[*french_invoice().notes, Note("B2C", subject="BAR")],
    ),
    "B2B, buyer's address not under 0225": lambda: _between_businesses(
        attrs.evolve(FRENCH_BUYER, electronic_address="0009:40483304800017")
    ),
    "B2B, buyer's address not its SIREN": lambda: _between_businesses(
        attrs.evolve(FRENCH_BUYER, electronic_address="0225:732829320")
    ),
    "buyer without electronic address": lambda: attrs.evolve(
        french_invoice(), buyer=attrs.evolve(FRENCH_BUYER, electronic_address=None)
    ),
    "seller without electronic address": lambda: attrs.evolve(
        french_invoice(),
        seller=attrs.evolve(FRENCH_SELLER, electronic_address=None),
    ),
    "buyer's address with a slash": lambda: attrs.evolve(
        french_invoice(),
        buyer=attrs.evolve(FRENCH_BUYER, electronic_address="0225:404833048/1"),
    ),
    "buyer's address with a second colon": lambda: attrs.evolve(
        french_invoice(),
        buyer=attrs.evolve(FRENCH_BUYER, electronic_address="0225:404833048:1"),
    ),
    "B2B, buyer's address with a second colon": lambda: _between_businesses(
        attrs.evolve(FRENCH_BUYER, electronic_address="0225:404833048:1")
    ),
    "seller's address with a slash": lambda: attrs.evolve(
        french_invoice(),
        seller=attrs.evolve(FRENCH_SELLER, electronic_address="0225:303265045/2"),
    ),
}


@pytest.mark.parametrize("name", list(SPOILT))
def test_each_french_rule_is_found_as_the_official_rules_find_it(
    name: str,
) -> None:
    """Spoilt for one French rule: en16931_problems names what BR-FR names.

    The official rules are the oracle: the same rule ids, none missed, none
    invented, and at least one found (the spoiling breaks something).
    """
    spoilt = SPOILT[name]()
    official = {
        rule
        for rule in failed_rules(to_cii_xml(spoilt), "br-fr-cii")
        if FRENCH_RULES_CHECKED.match(rule)
    }
    mine = {problem.rule for problem in en16931_problems(spoilt, france=True)}
    assert official
    assert mine == official


def test_the_party_rules_say_what_is_missing() -> None:
    """Each French party rule, word for word, by its rule id."""
    parties = ("BR-FR-10", "BR-FR-11", "BR-FR-12", "BR-FR-13", "BR-FR-21", "BR-FR-23")
    found = {
        (problem.rule, problem.message)
        for spoil in SPOILT.values()
        for problem in en16931_problems(spoil(), france=True)
        if problem.rule.startswith(parties)
    }
    not_allowed = "holds characters other than A-Z a-z 0-9 - _ ."
    assert found == {
        ("BR-FR-10_BT-30", "the seller's SIREN (legal_id, nine digits) is missing"),
        (
            "BR-FR-11_BT-47",
            "between businesses (BAR B2B), the buyer's SIREN (legal_id) is missing",
        ),
        ("BR-FR-12_BT-49", "the buyer's electronic address is missing"),
        ("BR-FR-13_BT-34", "the seller's electronic address is missing"),
        (
            "BR-FR-21_BT-49",
            "between businesses (BAR B2B), the buyer's electronic address is "
            "'0225:' and its SIREN",
        ),
        (
            "BR-FR-23_BT-49",
            f"the electronic address '0225:404833048/1' {not_allowed}",
        ),
        (
            "BR-FR-23_BT-49",
            f"the electronic address '0225:404833048:1' {not_allowed}",
        ),
        (
            "BR-FR-23_BT-34",
            f"the electronic address '0225:303265045/2' {not_allowed}",
        ),
    }


@pytest.mark.parametrize(
    ("spoilt", "rule", "message"),
    [
        ("number with a space", "BR-FR-02_BT-1", f"'F 2024' {_NOT_AN_ID}"),
        (
            "credit note of an invoice numbered with a space",
            "BR-FR-02_BT-25",
            f"'F 2024' {_NOT_AN_ID}",
        ),
        (
            "credit note of an invoice numbered in 36 characters",
            "BR-FR-01_BT-25",
            f"'F{'1' * 35}' is over 35 characters",
        ),
        ("delivered in 1999", "BR-FR-03_BT-72", "1999-12-31 is not in 2000 to 2099"),
        (
            "no PMT note",
            "BR-FR-05_BT-22_PMT",
            "the note of subject PMT that French law asks for is missing",
        ),
        (
            "AAB note twice",
            "BR-FR-06_BT-21_AAB",
            "the note of subject AAB is given more than once",
        ),
        (
            "BAR note of B2X",
            "BR-FR-20_BT-21",
            "the BAR note says 'B2X', not one of B2B, B2C...",
        ),
        (
            "BAR note twice",
            "BR-FR-31_BT-21",
            "the BAR note is given more than once",
        ),
        (
            "framework A1",
            "BR-FR-08_BT-23",
            "the business process 'A1' is not a French framework such as 'S1' "
            "(services), 'B1' (goods) or 'M1' (both)",
        ),
        (
            "no framework",
            "BR-FR-08_BT-23",
            "the business process is missing: give a French framework such as "
            "'S1' (services), 'B1' (goods) or 'M1' (both)",
        ),
        (
            "already paid (S2), nothing paid",
            "BR-FR-CO-09_BT-23-1",
            "an invoice already paid (B2, S2, M2) states the whole gross total "
            "as prepaid",
        ),
        (
            "already paid (S2), nothing paid",
            "BR-FR-CO-09_BT-23-2",
            "an invoice already paid (B2, S2, M2) leaves nothing due",
        ),
        (
            "a rate that is not French",
            "BR-FR-16_BT-152",
            "the VAT rate 21 % is not a French rate",
        ),
        (
            "a charge at 21 %",
            "BR-FR-16_BT-96_BT-103",
            "the VAT rate 21 % is not a French rate",
        ),
        (
            "a rate of three decimals",
            "BR-FR-DEC-04_BT-119",
            "the VAT rate 1.255 has more than 4 digits or 2 decimals",
        ),
        (
            "a quantity of 20 digits",
            "BR-FR-DEC-02_BT-129",
            "10000000000000000000 has more than 4 decimals or 19 digits",
        ),
        (
            "price of seven decimals",
            "BR-FR-DEC-03_BT-146",
            "4.0000001 has more than 6 decimals or 19 digits",
        ),
        (
            "in dollars, VAT in no euros",
            "BR-FR-CO-12_BT-5",
            "an invoice in USD states its VAT in euros too: give "
            "vat_in_accounting_currency",
        ),
    ],
)
def test_the_other_french_rules_say_what_is_wrong(
    spoilt: str, rule: str, message: str
) -> None:
    found = {
        problem.rule: problem.message
        for problem in en16931_problems(SPOILT[spoilt](), france=True)
    }
    assert found[rule] == message


def test_only_an_invoice_or_a_credit_note_is_checked() -> None:
    with pytest.raises(ArgumentTypeError) as refused:
        en16931_problems("F2024-0001")
    assert str(refused.value) == (
        "document must be a ClientInvoice or a CreditNote, not str 'F2024-0001'"
    )


@pytest.mark.parametrize(
    "edge",
    [
        pytest.param(
            lambda: _with_lines(line(quantity=10**18)), id="quantity of 19 digits"
        ),
        pytest.param(
            lambda: _with_lines(line(rate="5.50")), id="a rate of two decimals"
        ),
        pytest.param(
            lambda: attrs.evolve(
                french_invoice(),
                currency="USD",
                lines=[ClientInvoiceLine("App", 70, Money("4.00", "USD"), "S", "20")],
                vat_in_accounting_currency=eur("51.52"),
            ),
            id="in dollars, VAT in euros too",
        ),
        pytest.param(
            lambda: attrs.evolve(french_invoice(), number="F" + "1" * 34),
            id="number of 35 characters",
        ),
        pytest.param(
            lambda: attrs.evolve(french_invoice(), number="F+2024-_/1"),
            id="number with + - _ /",
        ),
        pytest.param(
            lambda: attrs.evolve(french_invoice(), issue_date=D(2000, 1, 1)),
            id="issued on 2000-01-01",
        ),
        pytest.param(
            lambda: attrs.evolve(french_invoice(), issue_date=D(2099, 12, 1)),
            id="due on 2099-12-31",
        ),
        pytest.param(
            lambda: attrs.evolve(
                french_invoice(),
                lines=[line(quantity=Decimal("1.0001"))],  # type: ignore[arg-type]
            ),
            id="quantity of four decimals",
        ),
        pytest.param(
            lambda: attrs.evolve(
                french_invoice(),
                lines=[
                    ClientInvoiceLine("App", 70, Money("4.000001", "EUR"), "S", "20")
                ],
            ),
            id="price of six decimals",
        ),
    ],
)
def test_the_french_rules_edges_pass(edge: Callable[[], ClientInvoice]) -> None:
    """At each bound of a French rule, on the right side: nothing, as officially."""
    document = edge()
    assert en16931_problems(document, france=True) == ()
    assert [
        rule
        for rule in failed_rules(to_cii_xml(document), "br-fr-cii")
        if FRENCH_RULES_CHECKED.match(rule)
    ] == []
