"""The e-invoice: Cross Industry Invoice XML of the EN 16931 profile.

:func:`to_cii_xml` writes an invoice or a credit note as the UN/CEFACT CII
XML that a Factur-X PDF carries (profile EN 16931), with the standard
library alone. The optional extra ``paxbill[facturx]`` installs the
``factur-x`` package, with which :func:`check_cii_xml` validates the XML
against the official schema and :func:`embed_cii_xml` embeds it in a PDF.

>>> import datetime as dt
>>> from paxbill import ClientInvoice, ClientInvoiceLine, Money, Party
>>> invoice = ClientInvoice(
...     "F2024-0001", dt.date(2024, 1, 2),
...     Party("Sécurité Dupont SARL", "FR", vat_id="FR40303265045"),
...     Party("Résidence Les Tilleuls", "FR"),
...     [ClientInvoiceLine("Entry app users", 70, Money("4.00", "EUR"), "S", "20")],
... )
>>> xml = to_cii_xml(invoice)
>>> b"<ram:GrandTotalAmount>336.00</ram:GrandTotalAmount>" in xml
True
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Iterable
from decimal import Decimal
from typing import Any
from xml.etree import ElementTree as ET

from paxbill.clients.invoicing._amounts import round_amount
from paxbill.clients.invoicing.credit_notes import CreditNote
from paxbill.clients.invoicing.invoices import ClientInvoice
from paxbill.clients.invoicing.parties import Party
from paxbill.clients.invoicing.vat import VatCategory
from paxbill.core.money import Money
from paxbill.exceptions import (
    ArgumentTypeError,
    InvalidDocumentError,
    InvalidInvoiceError,
    MissingExtraError,
)

__all__ = ["check_cii_xml", "embed_cii_xml", "to_cii_xml"]

#: The guideline of the EN 16931 profile (BT-24), as Factur-X writes it.
EN16931 = "urn:cen.eu:en16931:2017"

_NS = {
    "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
    "qdt": "urn:un:unece:uncefact:data:standard:QualifiedDataType:100",
    "ram": "urn:un:unece:uncefact:data:standard:"
    "ReusableAggregateBusinessInformationEntity:100",
    "udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
}
for _prefix, _uri in _NS.items():
    ET.register_namespace(_prefix, _uri)

#: The unit of a line's quantity: UN/ECE recommendation 20 "one" (C62).
UNIT_CODE = "C62"

Document = ClientInvoice | CreditNote


def _tag(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{_NS[prefix]}}}{local}"


def _add(
    parent: ET.Element, name: str, text: str | None = None, **attrib: str
) -> ET.Element:
    element = ET.SubElement(parent, _tag(name), attrib)
    if text is not None:
        element.text = text
    return element


def _date(parent: ET.Element, name: str, day: dt.date, kind: str = "udt") -> None:
    holder = _add(parent, name)
    _add(holder, f"{kind}:DateTimeString", day.strftime("%Y%m%d"), format="102")


def _amount(money: Money) -> str:
    return f"{round_amount(money).amount:f}"


def _number(value: Decimal) -> str:
    return f"{value:f}"


def _party(parent: ET.Element, name: str, party: Party) -> None:
    element = _add(parent, name)
    _add(element, "ram:Name", party.name)
    address = _add(element, "ram:PostalTradeAddress")
    for key, line in zip(
        ("LineOne", "LineTwo", "LineThree"), party.address, strict=False
    ):
        _add(address, f"ram:{key}", line)
    _add(address, "ram:CountryID", party.country)
    if party.vat_id is not None:
        registration = _add(element, "ram:SpecifiedTaxRegistration")
        _add(registration, "ram:ID", party.vat_id, schemeID="VA")


def _line_tax(parent: ET.Element, category: VatCategory, rate: Decimal | None) -> None:
    tax = _add(parent, "ram:ApplicableTradeTax")
    _add(tax, "ram:TypeCode", "VAT")
    _add(tax, "ram:CategoryCode", category.value)
    if rate is not None:
        _add(tax, "ram:RateApplicablePercent", _number(rate))


def _check(document: Document) -> None:
    categories = {line.vat_category for line in document.lines}
    # BR-S-02, BR-Z-02, BR-E-02, BR-G-02: the seller's VAT identifier.
    if categories - {VatCategory.NOT_SUBJECT} and document.seller.vat_id is None:
        raise InvalidInvoiceError(
            document.number,
            "an e-invoice with VAT categories other than O needs the seller's VAT "
            "identifier (BR-S-02, BR-Z-02, BR-E-02, BR-G-02)",
        )
    if VatCategory.NOT_SUBJECT in categories and len(categories) > 1:
        raise InvalidInvoiceError(
            document.number,
            "an e-invoice with category O (not subject to VAT) has no other "
            "category (BR-O-11)",
        )


def to_cii_xml(document: ClientInvoice | CreditNote) -> bytes:
    """Return *document* as Cross Industry Invoice XML, profile EN 16931.

    An invoice is type 380 and a credit note type 381, which names the
    invoice it credits (BT-25, BT-26). The totals are the document's own:
    net (BT-106, BT-109), VAT (BT-110), gross (BT-112) and due (BT-115),
    which is the gross total, as issued.

    Raises:
        ArgumentTypeError: *document* is neither an invoice nor a credit note.
        InvalidInvoiceError: what EN 16931 refuses and paxbill's invoice
            allows: no seller VAT identifier with taxed or exempt lines, or
            category O beside others.
    """
    if not isinstance(document, ClientInvoice | CreditNote):
        raise ArgumentTypeError(
            document, "a ClientInvoice or a CreditNote", what="document"
        )
    _check(document)
    root = ET.Element(_tag("rsm:CrossIndustryInvoice"))
    context = _add(root, "rsm:ExchangedDocumentContext")
    guideline = _add(context, "ram:GuidelineSpecifiedDocumentContextParameter")
    _add(guideline, "ram:ID", EN16931)

    header = _add(root, "rsm:ExchangedDocument")
    _add(header, "ram:ID", document.number)
    _add(header, "ram:TypeCode", document.TYPE_CODE)
    _date(header, "ram:IssueDateTime", document.issue_date)
    if isinstance(document, CreditNote) and document.reason:
        note = _add(header, "ram:IncludedNote")
        _add(note, "ram:Content", document.reason)

    transaction = _add(root, "rsm:SupplyChainTradeTransaction")
    _lines(transaction, document.lines)

    agreement = _add(transaction, "ram:ApplicableHeaderTradeAgreement")
    _party(agreement, "ram:SellerTradeParty", document.seller)
    _party(agreement, "ram:BuyerTradeParty", document.buyer)
    _add(transaction, "ram:ApplicableHeaderTradeDelivery")
    _settlement(transaction, document)
    ET.indent(root)
    xml: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return xml


def _lines(transaction: ET.Element, lines: Iterable[Any]) -> None:
    for index, line in enumerate(lines, start=1):
        item = _add(transaction, "ram:IncludedSupplyChainTradeLineItem")
        _add(_add(item, "ram:AssociatedDocumentLineDocument"), "ram:LineID", str(index))
        _add(_add(item, "ram:SpecifiedTradeProduct"), "ram:Name", line.description)
        agreement = _add(item, "ram:SpecifiedLineTradeAgreement")
        price = _add(agreement, "ram:NetPriceProductTradePrice")
        _add(price, "ram:ChargeAmount", _number(line.unit_price.amount))
        delivery = _add(item, "ram:SpecifiedLineTradeDelivery")
        _add(delivery, "ram:BilledQuantity", _number(line.quantity), unitCode=UNIT_CODE)
        settlement = _add(item, "ram:SpecifiedLineTradeSettlement")
        _line_tax(settlement, line.vat_category, line.vat_rate)
        summation = _add(
            settlement, "ram:SpecifiedTradeSettlementLineMonetarySummation"
        )
        _add(summation, "ram:LineTotalAmount", _amount(line.net_amount))


def _settlement(transaction: ET.Element, document: Document) -> None:
    settlement = _add(transaction, "ram:ApplicableHeaderTradeSettlement")
    _add(settlement, "ram:InvoiceCurrencyCode", document.currency)
    for group in document.vat_breakdown:
        tax = _add(settlement, "ram:ApplicableTradeTax")
        _add(tax, "ram:CalculatedAmount", _amount(group.tax_amount))
        _add(tax, "ram:TypeCode", "VAT")
        if group.exemption_reason:
            _add(tax, "ram:ExemptionReason", group.exemption_reason)
        _add(tax, "ram:BasisAmount", _amount(group.taxable_amount))
        _add(tax, "ram:CategoryCode", group.category.value)
        if group.category.exemption_code:
            _add(tax, "ram:ExemptionReasonCode", group.category.exemption_code)
        if group.rate is not None:
            _add(tax, "ram:RateApplicablePercent", _number(group.rate))
    if isinstance(document, ClientInvoice):
        if document.service_period is not None:
            period = _add(settlement, "ram:BillingSpecifiedPeriod")
            _date(period, "ram:StartDateTime", document.service_period.start)
            _date(period, "ram:EndDateTime", document.service_period.last_day)
        terms = _add(settlement, "ram:SpecifiedTradePaymentTerms")
        _add(
            terms, "ram:Description", document.payment_terms.describe(document.language)
        )
        _date(terms, "ram:DueDateDateTime", document.due_date)
    summation = _add(settlement, "ram:SpecifiedTradeSettlementHeaderMonetarySummation")
    net, vat, gross = document.net_total, document.vat_total, document.gross_total
    _add(summation, "ram:LineTotalAmount", _amount(net))
    _add(summation, "ram:TaxBasisTotalAmount", _amount(net))
    _add(summation, "ram:TaxTotalAmount", _amount(vat), currencyID=document.currency)
    _add(summation, "ram:GrandTotalAmount", _amount(gross))
    _add(summation, "ram:DuePayableAmount", _amount(gross))
    if isinstance(document, CreditNote):
        reference = _add(settlement, "ram:InvoiceReferencedDocument")
        _add(reference, "ram:IssuerAssignedID", document.invoice_number)
        _date(
            reference, "ram:FormattedIssueDateTime", document.invoice_issue_date, "qdt"
        )


def _facturx() -> Any:
    try:
        return importlib.import_module("facturx")
    except ImportError:  # pragma: no cover - depends on the extra
        raise MissingExtraError("facturx", "factur-x") from None


def check_cii_xml(xml: bytes) -> bool:
    """Validate *xml* against the Factur-X EN 16931 schema, with ``factur-x``.

    Returns True when valid.

    Raises:
        MissingExtraError: ``factur-x`` is not installed (``paxbill[facturx]``).
        InvalidDocumentError: the XML does not validate; the message says why.
    """
    facturx = _facturx()
    try:
        return bool(facturx.xml_check_xsd(xml, flavor="factur-x", level="en16931"))
    except Exception as error:  # factur-x raises a bare Exception
        raise InvalidDocumentError(
            "xml", f"is not valid EN 16931 CII: {error}"
        ) from None


def embed_cii_xml(pdf: bytes, xml: bytes) -> bytes:
    """Return the PDF *pdf* with *xml* embedded: a Factur-X PDF, EN 16931 profile.

    The PDF is the user's own rendering of the invoice; ``factur-x`` checks
    the XML against the schema and embeds it with the metadata Factur-X asks.

    Raises:
        MissingExtraError: ``factur-x`` is not installed (``paxbill[facturx]``).
        InvalidDocumentError: the XML or the PDF is refused.
    """
    facturx = _facturx()
    if not isinstance(pdf, bytes) or not isinstance(xml, bytes):
        raise ArgumentTypeError((pdf, xml), "bytes", what="pdf and xml")
    try:
        result: bytes = facturx.generate_from_binary(
            pdf, xml, flavor="factur-x", level="en16931", check_xsd=True
        )
    except Exception as error:  # factur-x raises a bare Exception
        raise InvalidDocumentError(
            "pdf", f"cannot be made a Factur-X PDF: {error}"
        ) from None
    return result
