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

from paxbill.clients.invoicing.allowances import Allowance, Charge
from paxbill.clients.invoicing.credit_notes import CreditNote
from paxbill.clients.invoicing.invoices import ClientInvoice
from paxbill.clients.invoicing.lines import ClientInvoiceLine
from paxbill.clients.invoicing.notes import Note
from paxbill.clients.invoicing.parties import Party
from paxbill.clients.invoicing.payment_instructions import PaymentInstructions
from paxbill.clients.invoicing.vat import VatCategory
from paxbill.exceptions import (
    ArgumentTypeError,
    InvalidDocumentError,
    MissingExtraError,
)
from paxbill.io._xml_writing import Tree, amount, number

__all__ = ["check_cii_xml", "embed_cii_xml", "legal_information", "to_cii_xml"]

#: The guideline of the EN 16931 profile (BT-24), as Factur-X writes it.
EN16931 = "urn:cen.eu:en16931:2017"

CII_NAMESPACES = {
    "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
    "qdt": "urn:un:unece:uncefact:data:standard:QualifiedDataType:100",
    "ram": "urn:un:unece:uncefact:data:standard:"
    "ReusableAggregateBusinessInformationEntity:100",
    "udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
}
_CII = Tree(CII_NAMESPACES)
_add = _CII.add
_identifier = _CII.optional

Document = ClientInvoice | CreditNote

#: The UNTDID 2475 code of BT-8 for VAT paid on debits: the invoice's date.
VAT_ON_DEBITS_CODE = "5"


def _date(parent: ET.Element, name: str, day: dt.date, kind: str = "udt") -> None:
    holder = _add(parent, name)
    _add(holder, f"{kind}:DateTimeString", day.strftime("%Y%m%d"), format="102")


def _address(
    element: ET.Element,
    lines: tuple[str, ...],
    postcode: str | None,
    city: str | None,
    country: str | None,
) -> None:
    address = _add(element, "ram:PostalTradeAddress")
    _identifier(address, "ram:PostcodeCode", postcode)
    for key, line in zip(("LineOne", "LineTwo", "LineThree"), lines, strict=False):
        _add(address, f"ram:{key}", line)
    _identifier(address, "ram:CityName", city)
    _identifier(address, "ram:CountryID", country)


def _party(parent: ET.Element, name: str, party: Party, *, seller: bool) -> None:
    element = _add(parent, name)
    if party.siret is not None:
        # BT-29, BT-46: the establishment, by its SIRET (ISO 6523 scheme 0009).
        _add(element, "ram:GlobalID", party.siret, schemeID="0009")
    _add(element, "ram:Name", party.name)
    if seller:
        _identifier(element, "ram:Description", legal_information(party))
    if party.legal_id is not None:
        organization = _add(element, "ram:SpecifiedLegalOrganization")
        registry = {"schemeID": "0002"} if party.is_french else {}
        _add(organization, "ram:ID", party.legal_id, **registry)
    _address(element, party.address, party.postcode, party.city, party.country)
    if party.electronic_address is not None:
        scheme, _, identifier = party.electronic_address.partition(":")
        communication = _add(element, "ram:URIUniversalCommunication")
        _add(communication, "ram:URIID", identifier, schemeID=scheme)
    if party.vat_id is not None:
        registration = _add(element, "ram:SpecifiedTaxRegistration")
        _add(registration, "ram:ID", party.vat_id, schemeID="VA")


def legal_information(party: Party) -> str | None:
    """The seller's legal form, share capital and registry, in one line (BT-33).

    >>> from paxbill import Money, Party
    >>> legal_information(Party("Dupont", "FR", legal_form="SARL",
    ...     share_capital=Money("10000", "EUR"), registry="RCS Lyon"))
    'SARL, capital 10000.00 EUR, RCS Lyon'
    """
    parts = [party.legal_form]
    if party.share_capital is not None:
        parts.append(f"capital {party.share_capital}")
    parts.append(party.registry)
    found = [part for part in parts if part]
    return ", ".join(found) if found else None


def _tax(
    parent: ET.Element, name: str, category: VatCategory, rate: Decimal | None
) -> None:
    tax = _add(parent, name)
    _add(tax, "ram:TypeCode", "VAT")
    _add(tax, "ram:CategoryCode", category.value)
    if rate is not None:
        _add(tax, "ram:RateApplicablePercent", number(rate))


def _adjustment(parent: ET.Element, item: Allowance | Charge, *, line: bool) -> None:
    element = _add(parent, "ram:SpecifiedTradeAllowanceCharge")
    indicator = _add(element, "ram:ChargeIndicator")
    _add(indicator, "udt:Indicator", "true" if item.IS_CHARGE else "false")
    if item.percent is not None:
        _add(element, "ram:CalculationPercent", number(item.percent))
    if item.base is not None:
        _add(element, "ram:BasisAmount", amount(item.base))
    _add(element, "ram:ActualAmount", amount(abs(item.signed)))
    _identifier(element, "ram:ReasonCode", item.reason_code)
    _identifier(element, "ram:Reason", item.reason)
    if not line:
        _tax(element, "ram:CategoryTradeTax", item.category, item.rate)


def to_cii_xml(document: ClientInvoice | CreditNote) -> bytes:
    """Return *document* as Cross Industry Invoice XML, profile EN 16931.

    An invoice is type 380 and a credit note type 381, which names the
    invoice it credits (BT-25, BT-26). Everything the document states is
    written: the parties' identifiers and addresses, the references, the
    framework (BT-23), the notes with their subjects, the delivery, the
    payment instructions, the allowances and charges, and the totals from
    BT-106 to BT-115: what is due (BT-115) is the gross total less what was
    paid by the document's date (BT-113).

    Raises:
        ArgumentTypeError: *document* is neither an invoice nor a credit note.
    """
    if not isinstance(document, ClientInvoice | CreditNote):
        raise ArgumentTypeError(
            document, "a ClientInvoice or a CreditNote", what="document"
        )
    root = _CII.element("rsm:CrossIndustryInvoice")
    context = _add(root, "rsm:ExchangedDocumentContext")
    if document.business_process is not None:
        process = _add(context, "ram:BusinessProcessSpecifiedDocumentContextParameter")
        _add(process, "ram:ID", document.business_process)
    guideline = _add(context, "ram:GuidelineSpecifiedDocumentContextParameter")
    _add(guideline, "ram:ID", EN16931)

    header = _add(root, "rsm:ExchangedDocument")
    _add(header, "ram:ID", document.number)
    _add(header, "ram:TypeCode", document.TYPE_CODE)
    _date(header, "ram:IssueDateTime", document.issue_date)
    notes = list(document.notes)
    if isinstance(document, CreditNote) and document.reason:
        notes.insert(0, Note(document.reason))
    for note in notes:
        element = _add(header, "ram:IncludedNote")
        _add(element, "ram:Content", note.text)
        _identifier(element, "ram:SubjectCode", note.subject)

    transaction = _add(root, "rsm:SupplyChainTradeTransaction")
    _lines(transaction, document.lines)
    _agreement(transaction, document)
    _delivery(transaction, document)
    _settlement(transaction, document)
    return _CII.serialise(root)


def _lines(transaction: ET.Element, lines: Iterable[ClientInvoiceLine]) -> None:
    for index, line in enumerate(lines, start=1):
        item = _add(transaction, "ram:IncludedSupplyChainTradeLineItem")
        _add(
            _add(item, "ram:AssociatedDocumentLineDocument"),
            "ram:LineID",
            str(index),
        )
        _add(_add(item, "ram:SpecifiedTradeProduct"), "ram:Name", line.description)
        agreement = _add(item, "ram:SpecifiedLineTradeAgreement")
        price = _add(agreement, "ram:NetPriceProductTradePrice")
        _add(price, "ram:ChargeAmount", number(line.unit_price.amount))
        delivery = _add(item, "ram:SpecifiedLineTradeDelivery")
        _add(
            delivery,
            "ram:BilledQuantity",
            number(line.quantity),
            unitCode=line.unit_code,
        )
        settlement = _add(item, "ram:SpecifiedLineTradeSettlement")
        _tax(settlement, "ram:ApplicableTradeTax", line.vat_category, line.vat_rate)
        adjustments: tuple[Allowance | Charge, ...] = (*line.allowances, *line.charges)
        for adjustment in adjustments:
            _adjustment(settlement, adjustment, line=True)
        summation = _add(
            settlement, "ram:SpecifiedTradeSettlementLineMonetarySummation"
        )
        _add(summation, "ram:LineTotalAmount", amount(line.net_amount))


def _agreement(transaction: ET.Element, document: Document) -> None:
    agreement = _add(transaction, "ram:ApplicableHeaderTradeAgreement")
    _identifier(agreement, "ram:BuyerReference", document.buyer_reference)
    _party(agreement, "ram:SellerTradeParty", document.seller, seller=True)
    _party(agreement, "ram:BuyerTradeParty", document.buyer, seller=False)
    for name, reference in (
        ("ram:BuyerOrderReferencedDocument", document.order_reference),
        ("ram:ContractReferencedDocument", document.contract_reference),
    ):
        if reference is not None:
            _add(_add(agreement, name), "ram:IssuerAssignedID", reference)


def _delivery(transaction: ET.Element, document: Document) -> None:
    element = _add(transaction, "ram:ApplicableHeaderTradeDelivery")
    delivery = document.delivery
    if delivery is None:
        return
    if delivery.has_place or delivery.country is not None:
        party = _add(element, "ram:ShipToTradeParty")
        _identifier(party, "ram:Name", delivery.name)
        _address(
            party, delivery.address, delivery.postcode, delivery.city, delivery.country
        )
    if delivery.date is not None:
        _date(
            _add(element, "ram:ActualDeliverySupplyChainEvent"),
            "ram:OccurrenceDateTime",
            delivery.date,
        )


def _settlement(transaction: ET.Element, document: Document) -> None:
    settlement = _add(transaction, "ram:ApplicableHeaderTradeSettlement")
    instructions = (
        document.payment_instructions if isinstance(document, ClientInvoice) else None
    )
    if instructions is not None and instructions.creditor_id is not None:
        _add(settlement, "ram:CreditorReferenceID", instructions.creditor_id)
    if instructions is not None and instructions.remittance is not None:
        _add(settlement, "ram:PaymentReference", instructions.remittance)
    accounting = document.vat_in_accounting_currency
    if accounting is not None:
        _add(settlement, "ram:TaxCurrencyCode", accounting.currency)
    _add(settlement, "ram:InvoiceCurrencyCode", document.currency)
    if instructions is not None:
        _payment_means(settlement, instructions)
    for group in document.vat_breakdown:
        tax = _add(settlement, "ram:ApplicableTradeTax")
        _add(tax, "ram:CalculatedAmount", amount(group.tax_amount))
        _add(tax, "ram:TypeCode", "VAT")
        _identifier(tax, "ram:ExemptionReason", group.exemption_reason)
        _add(tax, "ram:BasisAmount", amount(group.taxable_amount))
        _add(tax, "ram:CategoryCode", group.category.value)
        if group.exemption_reason and group.category.exemption_code:
            _add(tax, "ram:ExemptionReasonCode", group.category.exemption_code)
        if document.vat_on_debits:
            _add(tax, "ram:DueDateTypeCode", VAT_ON_DEBITS_CODE)
        if group.rate is not None:
            _add(tax, "ram:RateApplicablePercent", number(group.rate))
    if document.service_period is not None:
        period = _add(settlement, "ram:BillingSpecifiedPeriod")
        _date(period, "ram:StartDateTime", document.service_period.start)
        _date(period, "ram:EndDateTime", document.service_period.last_day)
    adjustments: tuple[Allowance | Charge, ...] = (
        *document.allowances,
        *document.charges,
    )
    for adjustment in adjustments:
        _adjustment(settlement, adjustment, line=False)
    if isinstance(document, ClientInvoice):
        terms = _add(settlement, "ram:SpecifiedTradePaymentTerms")
        _add(
            terms, "ram:Description", document.payment_terms.describe(document.language)
        )
        _date(terms, "ram:DueDateDateTime", document.due_date)
        if instructions is not None and instructions.mandate is not None:
            _add(terms, "ram:DirectDebitMandateID", instructions.mandate)
    _summation(settlement, document)
    if isinstance(document, CreditNote):
        reference = _add(settlement, "ram:InvoiceReferencedDocument")
        _add(reference, "ram:IssuerAssignedID", document.invoice_number)
        _date(
            reference, "ram:FormattedIssueDateTime", document.invoice_issue_date, "qdt"
        )


def _payment_means(settlement: ET.Element, instructions: PaymentInstructions) -> None:
    means = _add(settlement, "ram:SpecifiedTradeSettlementPaymentMeans")
    _add(means, "ram:TypeCode", instructions.means.code)
    if instructions.is_direct_debit:
        if instructions.iban is not None:
            debtor = _add(means, "ram:PayerPartyDebtorFinancialAccount")
            _add(debtor, "ram:IBANID", instructions.iban)
        return
    if instructions.iban is not None:
        account = _add(means, "ram:PayeePartyCreditorFinancialAccount")
        _add(account, "ram:IBANID", instructions.iban)
        _identifier(account, "ram:AccountName", instructions.account_name)
    if instructions.bic is not None:
        bank = _add(means, "ram:PayeeSpecifiedCreditorFinancialInstitution")
        _add(bank, "ram:BICID", instructions.bic)


def _summation(settlement: ET.Element, document: Document) -> None:
    summation = _add(settlement, "ram:SpecifiedTradeSettlementHeaderMonetarySummation")
    _add(summation, "ram:LineTotalAmount", amount(document.line_total))
    if document.charges:
        _add(summation, "ram:ChargeTotalAmount", amount(document.charge_total))
    if document.allowances:
        _add(summation, "ram:AllowanceTotalAmount", amount(document.allowance_total))
    _add(summation, "ram:TaxBasisTotalAmount", amount(document.net_total))
    _add(
        summation,
        "ram:TaxTotalAmount",
        amount(document.vat_total),
        currencyID=document.currency,
    )
    accounting = document.vat_in_accounting_currency
    if accounting is not None:
        _add(
            summation,
            "ram:TaxTotalAmount",
            amount(accounting),
            currencyID=accounting.currency,
        )
    _add(summation, "ram:GrandTotalAmount", amount(document.gross_total))
    if isinstance(document, ClientInvoice):
        if document.prepaid_amount:
            _add(summation, "ram:TotalPrepaidAmount", amount(document.prepaid_amount))
        _add(summation, "ram:DuePayableAmount", amount(document.amount_due))
    else:
        _add(summation, "ram:DuePayableAmount", amount(document.gross_total))


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
