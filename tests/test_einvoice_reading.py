"""E-invoices read back: CII and UBL give the document, its totals checked.

The round trips run over paxbill's own output of every kind; the bad
input is each way an e-invoice can be wrong for paxbill: not XML, not CII
or UBL, a stated total its lines do not give, a part paxbill cannot express.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from paxbill import (
    BusinessRuleError,
    ClientInvoice,
    CreditNote,
    EInvoiceError,
    InvalidAmountError,
    InvalidDocumentError,
    Money,
    PaymentTerms,
    StatedTotalError,
    UnsupportedTermError,
    from_cii_xml,
    from_ubl_xml,
    issue_invoice,
    to_cii_xml,
    to_ubl_xml,
)
from paxbill.core.periods import BillingPeriod
from tests.examples import INSTALLER, PORTAL_PRICE, centralised_invoice, eur
from tests.strategies import CURRENCIES, FRENCH_BUYER, FRENCH_SELLER, client_invoices
from tests.test_conformance import EXAMPLES, credited

Document = ClientInvoice | CreditNote
Writer = Callable[[Document], bytes]
Reader = Callable[[bytes], Document]
SYNTAXES = {"CII": (to_cii_xml, from_cii_xml), "UBL": (to_ubl_xml, from_ubl_xml)}
PAXTON = Path(__file__).parent.parent / "docs" / "howto" / "files" / "paxton-335218.xml"

documents = st.booleans().flatmap(
    lambda french: client_invoices(
        french=french, currencies=() if french else CURRENCIES
    )
)


def as_issued(document: ClientInvoice) -> list[Document]:
    """The invoice as issued (what pay records later is not in its XML), its notes."""
    return [
        attrs.evolve(document, payments=(), credit_notes=()),
        *document.credit_notes,
    ]


def same_read(read: Document, written: Document, write: Writer) -> None:
    """The document read is the one written.

    Only where no text of the XML depends on the language (a credit note
    with no exemption reason, note or terms) may the language differ:
    then it is French, and both write the same XML.
    """
    if read.language != written.language:
        assert read.language == "fr"
        assert write(read) == write(written)
        read = attrs.evolve(read, language=written.language)
    assert read == written


@pytest.mark.parametrize("syntax", list(SYNTAXES))
@given(invoice=documents)
def test_every_document_reads_back_as_written(
    syntax: str, invoice: ClientInvoice
) -> None:
    """Law: reading what paxbill writes gives the document back, in CII and UBL."""
    write, read = SYNTAXES[syntax]
    for document in as_issued(invoice):
        same_read(read(write(document)), document, write)


@pytest.mark.parametrize("syntax", list(SYNTAXES))
@pytest.mark.parametrize("name", list(EXAMPLES))
def test_each_example_reads_back(syntax: str, name: str) -> None:
    """Every VAT category, adjustments, corrections, prepaid, 0 and 3 decimals."""
    write, read = SYNTAXES[syntax]
    assert read(write(EXAMPLES[name])) == EXAMPLES[name]


@pytest.mark.parametrize("syntax", list(SYNTAXES))
def test_credit_notes_read_back_with_their_reason(syntax: str) -> None:
    write, read = SYNTAXES[syntax]
    for note in credited():
        note = attrs.evolve(note, reason="Users removed mid-term")
        assert read(write(note)) == note


def test_what_was_paid_by_the_issue_date_reads_as_prepaid() -> None:
    """BT-113 is prepaid plus payments by the issue date: it reads as prepaid."""
    billed = centralised_invoice()
    paid = billed.pay(eur("300.00"), billed.issue_date)
    read = from_cii_xml(to_cii_xml(paid))
    assert isinstance(read, ClientInvoice)
    assert read.prepaid == eur("300.00")
    assert read.payments == ()
    assert read.amount_due == eur("600.40") - eur("300.00")


def test_peppol_ubl_reads_back_without_its_profile() -> None:
    """Peppol's profile (BT-23) is Peppol's, not the document's framework."""
    document = EXAMPLES["S"]
    document = attrs.evolve(
        document,
        seller=attrs.evolve(document.seller, electronic_address="0009:40303265045000"),
    )
    xml = to_ubl_xml(document, peppol=True)
    assert b"urn:fdc:peppol.eu:2017:poacc:billing:3.0" in xml
    assert from_ubl_xml(xml) == document


def test_peppol_needs_both_electronic_addresses() -> None:
    document = EXAMPLES["S"]  # its seller has no electronic address
    with pytest.raises(BusinessRuleError, match="PEPPOL-EN16931-R020"):
        to_ubl_xml(document, peppol=True)


def test_the_language_is_read_from_the_texts() -> None:
    """English payment terms and exemption reasons read as English."""
    english = attrs.evolve(EXAMPLES["E"], language="en")
    assert from_cii_xml(to_cii_xml(english)).language == "en"
    assert from_ubl_xml(to_ubl_xml(english)).language == "en"


def test_terms_in_other_words_keep_their_words_and_due_date() -> None:
    """Paxton's invoice: its own terms text is kept, the due date 30 days on."""
    paxton = from_cii_xml(PAXTON.read_bytes())
    assert isinstance(paxton, ClientInvoice)
    assert paxton.payment_terms == PaymentTerms(
        30, text="Payment within 30 days of the invoice date"
    )
    assert paxton.due_date == dt.date(2024, 7, 1)


def test_paxton_s_invoice_agrees_with_issue_invoice() -> None:
    """The note's invoice 335218: 70 users x EUR 2.55 = EUR 178.50, as paxbill bills."""
    paxton = from_cii_xml(PAXTON.read_bytes())
    may = BillingPeriod.month(2024, 5)
    mine = issue_invoice(335218, INSTALLER, PORTAL_PRICE, 70, may)
    assert paxton.number == mine.number == "335218"
    assert paxton.gross_total == mine.total == eur("178.50")
    assert paxton.service_period == may


# -- bad input, by type -------------------------------------------------------


@pytest.mark.parametrize("read", [from_cii_xml, from_ubl_xml])
def test_what_is_not_xml_is_refused(read: Reader) -> None:
    with pytest.raises(EInvoiceError, match="not well-formed XML"):
        read(b"<Invoice><unclosed></Invoice>")
    with pytest.raises(TypeError):
        read(12)  # type: ignore[arg-type]


def test_xml_that_is_not_the_syntax_asked_is_refused() -> None:
    with pytest.raises(
        InvalidDocumentError, match="not a CII invoice: its root is Invoice"
    ):
        from_cii_xml(to_ubl_xml(EXAMPLES["S"]))
    with pytest.raises(InvalidDocumentError, match="not a UBL invoice"):
        from_ubl_xml(to_cii_xml(EXAMPLES["S"]))
    with pytest.raises(EInvoiceError, match="root is html"):
        from_cii_xml("<html><body/></html>")


def test_a_stated_total_that_its_lines_do_not_give_is_refused() -> None:
    """600.40 is the centralised invoice's gross total; 600.41 is no total of it."""
    xml = to_cii_xml(centralised_invoice())
    gross = b"<ram:GrandTotalAmount>600.40</ram:GrandTotalAmount>"
    assert gross in xml
    with pytest.raises(StatedTotalError, match="BT-112") as caught:
        from_cii_xml(xml.replace(gross, gross.replace(b"600.40", b"600.41")))
    assert caught.value.stated == eur("600.41")
    assert caught.value.computed == eur("600.40")


def test_a_line_whose_net_amount_is_not_its_quantity_times_price_is_refused() -> None:
    """70 x 4.00 = 280.00: a line stating 281.00 is refused by BT-131."""
    xml = to_ubl_xml(centralised_invoice())
    net = b'<cbc:LineExtensionAmount currencyID="EUR">280.00</cbc:LineExtensionAmount>'
    assert xml.count(net) == 1
    with pytest.raises(StatedTotalError, match=r"BT-131 \(line 1\)"):
        from_ubl_xml(xml.replace(net, net.replace(b"280.00", b"281.00")))


def test_a_vat_group_with_a_wrong_tax_is_refused() -> None:
    """5.5 % of 80.00 is 4.40: a group stating 4.41 is refused by BT-117."""
    xml = to_cii_xml(centralised_invoice())
    tax = b"<ram:CalculatedAmount>4.40</ram:CalculatedAmount>"
    assert tax in xml
    with pytest.raises(StatedTotalError, match="BT-117"):
        from_cii_xml(xml.replace(tax, tax.replace(b"4.40", b"4.41")))


def test_a_gross_price_paxbill_cannot_express_is_refused_by_its_term() -> None:
    """A gross price (BT-148) is not dropped: paxbill has a net price only."""
    xml = to_cii_xml(EXAMPLES["S"])
    net = b"<ram:NetPriceProductTradePrice>"
    gross = (
        b"<ram:GrossPriceProductTradePrice><ram:ChargeAmount>5.00</ram:ChargeAmount>"
        b"</ram:GrossPriceProductTradePrice>"
    )
    with pytest.raises(UnsupportedTermError, match="BT-148"):
        from_cii_xml(xml.replace(net, gross + net))


def test_a_seller_contact_paxbill_cannot_express_is_refused_by_its_term() -> None:
    xml = to_ubl_xml(EXAMPLES["S"])
    legal = b"<cac:PartyLegalEntity>"
    contact = b"<cac:Contact><cbc:Name>Jean Dupont</cbc:Name></cac:Contact>"
    end = b"</cac:PartyLegalEntity>"
    first = xml.index(end) + len(end)
    assert legal in xml
    with pytest.raises(UnsupportedTermError, match="BG-6"):
        from_ubl_xml(xml[:first] + contact + xml[first:])


def test_a_document_type_paxbill_does_not_make_is_refused() -> None:
    """384, a corrective invoice, is not an invoice (380) nor a credit note (381)."""
    xml = to_cii_xml(EXAMPLES["S"])
    with pytest.raises(UnsupportedTermError, match="BT-3"):
        from_cii_xml(xml.replace(b"<ram:TypeCode>380", b"<ram:TypeCode>384"))


def test_a_specification_other_than_en16931_is_refused() -> None:
    """Factur-X MINIMUM is not an EN 16931 invoice: it has no lines."""
    xml = to_cii_xml(EXAMPLES["S"]).replace(
        b"urn:cen.eu:en16931:2017", b"urn:factur-x.eu:1p0:minimum"
    )
    with pytest.raises(UnsupportedTermError, match="BT-24"):
        from_cii_xml(xml)


def test_a_french_invoice_reads_back_with_its_french_data() -> None:
    """SIREN, SIRET, electronic addresses, legal form, capital and registry."""
    french = ClientInvoice(
        "F2024-0045",
        dt.date(2024, 3, 1),
        FRENCH_SELLER,
        FRENCH_BUYER,
        EXAMPLES["S"].lines,
        business_process="S1",
    )
    for write, read in SYNTAXES.values():
        back = read(write(french))
        assert back.seller == FRENCH_SELLER
        assert back.seller.share_capital == eur("10000.00")
        assert back.buyer.legal_id == "404833048"
        assert back == french


def test_a_prepaid_amount_is_stated_to_the_hundredth() -> None:
    """BHD has three decimals, an e-invoice two: 0.005 BHD prepaid cannot be stated."""
    dinars = EXAMPLES["dinars"]
    with pytest.raises(InvalidAmountError, match="BT-113"):
        attrs.evolve(dinars, prepaid=Money("0.005", "BHD"))
    assert attrs.evolve(dinars, prepaid=Money("0.000", "BHD")).prepaid is None


#: Each way an e-invoice of the "S" example can be wrong for paxbill: the
#: syntax, the text replaced and by what, and the term the error names.
BROKEN = [
    ("CII", b"<ram:LineID>1<", b"<ram:LineID>7<", "BT-126"),
    ("UBL", b"<cbc:ID>1</cbc:ID>", b"<cbc:ID>A</cbc:ID>", "BT-126"),
    ("CII", b'format="102">20240301', b'format="610">20240301', "BT-2"),
    ("CII", b">20240301<", b">20241301<", "BT-2"),
    ("UBL", b"<cbc:IssueDate>2024-03-01", b"<cbc:IssueDate>1 March", "BT-2"),
    ("CII", b"<ram:ChargeAmount>4.00", b"<ram:ChargeAmount>four", "BT-146"),
    (
        "CII",
        b"<ram:CategoryCode>S</ram:CategoryCode>",
        b"<ram:CategoryCode>L</ram:CategoryCode>",
        "BT-151",
    ),
    ("UBL", b"<cbc:ID>S</cbc:ID>", b"<cbc:ID>B</cbc:ID>", "BT-118"),
    ("CII", b'schemeID="VA">FR40', b'schemeID="FC">FR40', "BT-32"),
    (
        "UBL",
        b"5045</cbc:CompanyID>\n        <cac:TaxScheme>\n          <cbc:ID>VAT",
        b"5045</cbc:CompanyID>\n        <cac:TaxScheme>\n          <cbc:ID>TAX",
        "BT-32",
    ),
    ("CII", b'schemeID="0002">404833048', b'schemeID="0088">404833048', "BT-30-1"),
    ("UBL", b'schemeID="0002">404833048', b'schemeID="0088">404833048', "BT-30-1"),
    ("CII", b"<ram:CountryID>FR</ram:CountryID>", b"", "BT-40"),
    (
        "UBL",
        b'currencyID="EUR">280.00</cbc:LineExtensionAmount>\n    <cbc:Tax',
        b'currencyID="USD">280.00</cbc:LineExtensionAmount>\n    <cbc:Tax',
        "BT-106",
    ),
    (
        "CII",
        b"<ram:Description>30 jours</ram:Description>",
        b"<ram:Description>30 jours</ram:Description><ram:Description/>",
        "BT-20",
    ),
    (
        "UBL",
        b"<cbc:Note>30 jours</cbc:Note>",
        b"<cbc:Note>30 jours</cbc:Note><cbc:Note>net</cbc:Note>",
        "BT-20",
    ),
    (
        "CII",
        b"<ram:TypeCode>VAT</ram:TypeCode>",
        b"<ram:TypeCode>GST</ram:TypeCode>",
        "BT-151",
    ),
]


@pytest.mark.parametrize(("syntax", "old", "new", "term"), BROKEN)
def test_each_broken_part_is_refused_by_its_term(
    syntax: str, old: bytes, new: bytes, term: str
) -> None:
    write, read = SYNTAXES[syntax]
    xml = write(EXAMPLES["S"])
    assert old in xml
    with pytest.raises(EInvoiceError) as caught:
        read(xml.replace(old, new, 1))
    assert caught.value.term == term, caught.value
