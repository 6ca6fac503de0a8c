"""Tests for the e-invoice: CII XML of EN 16931, valid by schema, totals read back."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from xml.etree import ElementTree as ET

import pytest
from hypothesis import given, settings

from paxbill import (
    ClientInvoice,
    ClientInvoiceLine,
    CreditNote,
    InvalidInvoiceError,
    Money,
    Party,
    to_cii_xml,
)
from tests.examples import FOREIGN_BUYER, SELLER, centralised_invoice, eur
from tests.strategies import CURRENCIES, client_invoices

facturx = pytest.importorskip("facturx", reason="the facturx extra is not installed")

from paxbill import check_cii_xml, embed_cii_xml  # noqa: E402

D = dt.date
NS = {
    "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
    "ram": "urn:un:unece:uncefact:data:standard:"
    "ReusableAggregateBusinessInformationEntity:100",
    "udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
}
BUYER = Party("Résidence Les Tilleuls", "FR", address=["3 allée des Tilleuls"])


def reverse_charge() -> ClientInvoice:
    return ClientInvoice(
        "F2024-0002",
        D(2024, 3, 1),
        SELLER,
        FOREIGN_BUYER,
        [ClientInvoiceLine("Entry app users", 20, eur("4.00"), "AE")],
    )


def credit_note() -> CreditNote:
    invoice = centralised_invoice()
    return invoice.credit(
        "AV2024-0001", D(2024, 2, 15), [invoice.lines[0].with_quantity(5)]
    )


def read_back(xml: bytes) -> dict[str, str]:
    """The header totals of the XML, read with ElementTree, apart from paxbill."""
    root = ET.fromstring(xml)
    path = (
        "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/"
        "ram:SpecifiedTradeSettlementHeaderMonetarySummation"
    )
    summation = root.find(path, NS)
    assert summation is not None
    return {child.tag.split("}")[1]: child.text or "" for child in summation}


@pytest.mark.parametrize(
    "document", [centralised_invoice(), reverse_charge(), credit_note()]
)
def test_each_example_validates_and_reads_back(
    document: ClientInvoice | CreditNote,
) -> None:
    """The XML validates against the EN 16931 schema; its totals are the document's."""
    xml = to_cii_xml(document)
    assert check_cii_xml(xml)
    totals = read_back(xml)
    assert Decimal(totals["LineTotalAmount"]) == document.net_total.amount
    assert Decimal(totals["TaxBasisTotalAmount"]) == document.net_total.amount
    assert Decimal(totals["TaxTotalAmount"]) == document.vat_total.amount
    assert Decimal(totals["GrandTotalAmount"]) == document.gross_total.amount
    # factur-x's own reader agrees (BT-106, BT-110, BT-112).
    parsed = facturx.parse_ubl_cii_xml(xml)
    assert Decimal(parsed["BT-112"]) == document.gross_total.amount
    assert Decimal(parsed["BT-110"]) == document.vat_total.amount


def test_the_centralised_invoice_in_xml() -> None:
    """Type 380, its number and date, one tax group per rate, the seller's VAT id."""
    root = ET.fromstring(to_cii_xml(centralised_invoice()))
    assert root.findtext("rsm:ExchangedDocument/ram:TypeCode", namespaces=NS) == "380"
    assert root.findtext("rsm:ExchangedDocument/ram:ID", namespaces=NS) == "F2024-0001"
    groups = root.findall(
        "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/"
        "ram:ApplicableTradeTax",
        NS,
    )
    found = [
        (
            g.findtext("ram:RateApplicablePercent", namespaces=NS),
            g.findtext("ram:BasisAmount", namespaces=NS),
            g.findtext("ram:CalculatedAmount", namespaces=NS),
        )
        for g in groups
    ]
    assert found == [("20", "430.00", "86.00"), ("5.5", "80.00", "4.40")]


def test_reverse_charge_in_xml() -> None:
    """Code AE, VAT 0.00, the reason and its VATEX code, both VAT ids."""
    root = ET.fromstring(to_cii_xml(reverse_charge()))
    tax = root.find(
        "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/"
        "ram:ApplicableTradeTax",
        NS,
    )
    assert tax is not None
    assert tax.findtext("ram:CategoryCode", namespaces=NS) == "AE"
    assert tax.findtext("ram:CalculatedAmount", namespaces=NS) == "0.00"
    assert tax.findtext("ram:ExemptionReason", namespaces=NS) == "Autoliquidation"
    assert tax.findtext("ram:ExemptionReasonCode", namespaces=NS) == "VATEX-EU-AE"
    ids = [e.text for e in root.iter(f"{{{NS['ram']}}}SpecifiedTaxRegistration")]
    assert len(ids) == 2


def test_the_credit_note_names_its_invoice() -> None:
    """Type 381, and the invoice it credits (BT-25, BT-26)."""
    root = ET.fromstring(to_cii_xml(credit_note()))
    assert root.findtext("rsm:ExchangedDocument/ram:TypeCode", namespaces=NS) == "381"
    reference = root.find(".//ram:InvoiceReferencedDocument", NS)
    assert reference is not None
    assert reference.findtext("ram:IssuerAssignedID", namespaces=NS) == "F2024-0001"


def test_what_en_16931_refuses_is_never_made() -> None:
    """No seller VAT id on a taxed line: refused when made, naming BR-S-02."""
    with pytest.raises(InvalidInvoiceError, match=r"^BR-S-02: invoice F1: "):
        ClientInvoice(
            "F1",
            D(2024, 1, 1),
            Party("Dupont", "FR"),
            BUYER,
            [ClientInvoiceLine("X", 1, eur("1.00"), "S", "20")],
        )


def test_a_three_decimal_currency_is_invoiced_to_the_hundredth() -> None:
    """KWD has three decimals (ISO 4217); EN 16931 amounts carry two.

    3 x 1.234 KWD = 3.702, invoiced 3.70; VAT 5 % of 3.70 = 0.185 -> 0.19;
    gross 3.89. The e-invoice carries those figures and validates.
    """
    dinars = ClientInvoice(
        "F1",
        D(2024, 1, 1),
        SELLER,
        BUYER,
        [ClientInvoiceLine("X", 3, Money("1.234", "KWD"), "S", "5")],
    )
    assert dinars.net_total == Money("3.70", "KWD")
    assert dinars.vat_total == Money("0.19", "KWD")
    assert dinars.gross_total == Money("3.89", "KWD")
    xml = to_cii_xml(dinars)
    check_cii_xml(xml)
    assert b"<ram:GrandTotalAmount>3.89</ram:GrandTotalAmount>" in xml


def test_check_refuses_a_broken_xml() -> None:
    """A document that breaks the schema gets paxbill's error, with the reason."""
    xml = to_cii_xml(centralised_invoice()).replace(
        b"<ram:TypeCode>380", b"<ram:Bogus>380"
    )
    xml = xml.replace(b"380</ram:TypeCode>", b"380</ram:Bogus>", 1)
    with pytest.raises(ValueError, match="EN 16931"):
        check_cii_xml(xml)


def test_the_xml_embeds_in_a_pdf() -> None:
    """factur-x embeds the XML in a PDF the user supplies, and reads it back."""
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    import io

    buffer = io.BytesIO()
    writer.write(buffer)
    xml = to_cii_xml(centralised_invoice())
    pdf = embed_cii_xml(buffer.getvalue(), xml)
    _, found = facturx.get_xml_from_pdf(pdf, check_xsd=False)
    assert read_back(found) == read_back(xml)


@settings(max_examples=60)
@given(client_invoices(settled=False, currencies=CURRENCIES))
def test_every_invoice_validates_by_schema(invoice: ClientInvoice) -> None:
    """Law: every invoice paxbill can make is valid CII by the EN 16931 schema."""
    xml = to_cii_xml(invoice)
    assert check_cii_xml(xml)
    assert Decimal(read_back(xml)["GrandTotalAmount"]) == invoice.gross_total.amount
