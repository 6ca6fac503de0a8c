"""The e-invoice in UBL 2.1: the other syntax of EN 16931, and Peppol's.

:func:`to_ubl_xml` writes an invoice as a UBL ``Invoice`` and a credit note
as a UBL ``CreditNote``, stating what :func:`~paxbill.to_cii_xml` states in
CII, business term for business term, with the standard library alone.

>>> import datetime as dt
>>> from paxbill import ClientInvoice, ClientInvoiceLine, Money, Party
>>> invoice = ClientInvoice(
...     "F2024-0001", dt.date(2024, 1, 2),
...     Party("Sécurité Dupont SARL", "FR", vat_id="FR40303265045"),
...     Party("Résidence Les Tilleuls", "FR"),
...     [ClientInvoiceLine("Entry app users", 70, Money("4.00", "EUR"), "S", "20")],
... )
>>> xml = to_ubl_xml(invoice)
>>> b'<cbc:PayableAmount currencyID="EUR">336.00</cbc:PayableAmount>' in xml
True
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from xml.etree import ElementTree as ET

from paxbill.clients.invoicing.allowances import Allowance, Charge
from paxbill.clients.invoicing.credit_notes import CreditNote
from paxbill.clients.invoicing.invoices import ClientInvoice
from paxbill.clients.invoicing.lines import ClientInvoiceLine
from paxbill.clients.invoicing.notes import Note
from paxbill.clients.invoicing.parties import Party
from paxbill.clients.invoicing.payment_instructions import PaymentInstructions
from paxbill.clients.invoicing.vat import VatCategory
from paxbill.core.money import Money
from paxbill.exceptions import ArgumentTypeError, BusinessRuleError
from paxbill.io._xml_writing import Tree, amount, number
from paxbill.io.cii import EN16931, legal_information

__all__ = ["PEPPOL_BIS3", "PEPPOL_PROFILE", "to_ubl_xml"]

#: The customization of Peppol BIS Billing 3.0 (BT-24).
PEPPOL_BIS3 = f"{EN16931}#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0"
#: Its business process (BT-23).
PEPPOL_PROFILE = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0"

#: The UNTDID 2005 code of BT-8 for VAT paid on debits: the invoice's date.
VAT_ON_DEBITS_CODE = "3"

_COMMON = "urn:oasis:names:specification:ubl:schema:xsd:"
NAMESPACES = {
    "inv": f"{_COMMON}Invoice-2",
    "cn": f"{_COMMON}CreditNote-2",
    "cac": f"{_COMMON}CommonAggregateComponents-2",
    "cbc": f"{_COMMON}CommonBasicComponents-2",
}
_UBL = Tree(NAMESPACES)
_add = _UBL.add
_identifier = _UBL.optional

Document = ClientInvoice | CreditNote


def _money(parent: ET.Element, name: str, money: Money) -> None:
    _add(parent, name, amount(money), currencyID=money.currency)


def _date(parent: ET.Element, name: str, day: dt.date) -> None:
    _add(parent, name, day.isoformat())


def to_ubl_xml(document: ClientInvoice | CreditNote, *, peppol: bool = False) -> bytes:
    """Return *document* as UBL 2.1 XML of the EN 16931 customization.

    An invoice is a UBL ``Invoice`` of type 380, a credit note a
    ``CreditNote`` of type 381 naming the invoice it credits. With *peppol*
    the customization and profile are Peppol BIS Billing 3.0's, which
    route by the parties' electronic addresses.

    Raises:
        ArgumentTypeError: *document* is neither an invoice nor a credit note.
        BusinessRuleError: *peppol* asked, and a party has no electronic
            address, or the document states a framework of its own (BT-23).
    """
    if not isinstance(document, ClientInvoice | CreditNote):
        raise ArgumentTypeError(
            document, "a ClientInvoice or a CreditNote", what="document"
        )
    invoice = isinstance(document, ClientInvoice)
    kind = "Invoice" if invoice else "CreditNote"
    root = _UBL.element(f"{'inv' if invoice else 'cn'}:{kind}")
    process = document.business_process
    if peppol:
        _check_peppol(document)
        process = PEPPOL_PROFILE
    _add(root, "cbc:CustomizationID", PEPPOL_BIS3 if peppol else EN16931)
    _identifier(root, "cbc:ProfileID", process)
    _add(root, "cbc:ID", document.number)
    _date(root, "cbc:IssueDate", document.issue_date)
    if isinstance(document, ClientInvoice):
        _date(root, "cbc:DueDate", document.due_date)
    _add(root, f"cbc:{kind}TypeCode", document.TYPE_CODE)
    notes = list(document.notes)
    if isinstance(document, CreditNote) and document.reason:
        notes.insert(0, Note(document.reason))
    for note in notes:
        # EN 16931's UBL binding puts the subject code before the text.
        text = note.text if note.subject is None else f"#{note.subject}#{note.text}"
        _add(root, "cbc:Note", text)
    _add(root, "cbc:DocumentCurrencyCode", document.currency)
    accounting = document.vat_in_accounting_currency
    if accounting is not None:
        _add(root, "cbc:TaxCurrencyCode", accounting.currency)
    _identifier(root, "cbc:BuyerReference", document.buyer_reference)
    _period(root, document)
    if document.order_reference is not None:
        _add(_add(root, "cac:OrderReference"), "cbc:ID", document.order_reference)
    if isinstance(document, CreditNote):
        reference = _add(
            _add(root, "cac:BillingReference"), "cac:InvoiceDocumentReference"
        )
        _add(reference, "cbc:ID", document.invoice_number)
        _date(reference, "cbc:IssueDate", document.invoice_issue_date)
    if document.contract_reference is not None:
        contract = _add(root, "cac:ContractDocumentReference")
        _add(contract, "cbc:ID", document.contract_reference)
    instructions = (
        document.payment_instructions if isinstance(document, ClientInvoice) else None
    )
    creditor = None if instructions is None else instructions.creditor_id
    _party(root, "cac:AccountingSupplierParty", document.seller, creditor_id=creditor)
    _party(root, "cac:AccountingCustomerParty", document.buyer)
    _delivery(root, document)
    if instructions is not None:
        _payment_means(root, instructions)
    if isinstance(document, ClientInvoice):
        terms = _add(root, "cac:PaymentTerms")
        _add(terms, "cbc:Note", document.payment_terms.describe(document.language))
    adjustments: tuple[Allowance | Charge, ...] = (
        *document.allowances,
        *document.charges,
    )
    for adjustment in adjustments:
        _adjustment(root, adjustment, line=False)
    _tax_total(root, document)
    _monetary_total(root, document)
    for index, line in enumerate(document.lines, start=1):
        _line(root, kind, index, line)
    return _UBL.serialise(root)


def _check_peppol(document: Document) -> None:
    for role, party in (("seller", document.seller), ("buyer", document.buyer)):
        if party.electronic_address is None:
            rule = "PEPPOL-EN16931-R020" if role == "seller" else "PEPPOL-EN16931-R010"
            raise BusinessRuleError(
                document.number,
                rule,
                f"Peppol routes by electronic address: give the {role} one",
            )
    if document.business_process is not None:
        raise BusinessRuleError(
            document.number,
            "PEPPOL-EN16931-R001",
            f"Peppol states its own profile (BT-23), not "
            f"{document.business_process!r}: leave business_process out",
        )


def _period(root: ET.Element, document: Document) -> None:
    period = document.service_period
    if period is None and not document.vat_on_debits:
        return
    element = _add(root, "cac:InvoicePeriod")
    if period is not None:
        _date(element, "cbc:StartDate", period.start)
        _date(element, "cbc:EndDate", period.last_day)
    if document.vat_on_debits:
        _add(element, "cbc:DescriptionCode", VAT_ON_DEBITS_CODE)


def _address(
    parent: ET.Element,
    name: str,
    lines: tuple[str, ...],
    postcode: str | None,
    city: str | None,
    country: str | None,
) -> None:
    address = _add(parent, name)
    for key, line in zip(("StreetName", "AdditionalStreetName"), lines, strict=False):
        _add(address, f"cbc:{key}", line)
    _identifier(address, "cbc:CityName", city)
    _identifier(address, "cbc:PostalZone", postcode)
    if len(lines) > 2:
        _add(_add(address, "cac:AddressLine"), "cbc:Line", lines[2])
    if country is not None:
        _add(_add(address, "cac:Country"), "cbc:IdentificationCode", country)


def _party(
    root: ET.Element, role: str, party: Party, *, creditor_id: str | None = None
) -> None:
    element = _add(_add(root, role), "cac:Party")
    if party.electronic_address is not None:
        scheme, _, identifier = party.electronic_address.partition(":")
        _add(element, "cbc:EndpointID", identifier, schemeID=scheme)
    if party.siret is not None:
        identification = _add(element, "cac:PartyIdentification")
        _add(identification, "cbc:ID", party.siret, schemeID="0009")
    if creditor_id is not None:
        # BT-90: the SEPA creditor identifier is the seller's, in UBL.
        identification = _add(element, "cac:PartyIdentification")
        _add(identification, "cbc:ID", creditor_id, schemeID="SEPA")
    _address(
        element,
        "cac:PostalAddress",
        party.address,
        party.postcode,
        party.city,
        party.country,
    )
    if party.vat_id is not None:
        tax_scheme = _add(element, "cac:PartyTaxScheme")
        _add(tax_scheme, "cbc:CompanyID", party.vat_id)
        _add(_add(tax_scheme, "cac:TaxScheme"), "cbc:ID", "VAT")
    legal = _add(element, "cac:PartyLegalEntity")
    _add(legal, "cbc:RegistrationName", party.name)
    if party.legal_id is not None:
        registry = {"schemeID": "0002"} if party.is_french else {}
        _add(legal, "cbc:CompanyID", party.legal_id, **registry)
    if role == "cac:AccountingSupplierParty":
        _identifier(legal, "cbc:CompanyLegalForm", legal_information(party))


def _delivery(root: ET.Element, document: Document) -> None:
    delivery = document.delivery
    if delivery is None:
        return
    element = _add(root, "cac:Delivery")
    if delivery.date is not None:
        _date(element, "cbc:ActualDeliveryDate", delivery.date)
    if delivery.has_place or delivery.country is not None:
        location = _add(element, "cac:DeliveryLocation")
        _address(
            location,
            "cac:Address",
            delivery.address,
            delivery.postcode,
            delivery.city,
            delivery.country,
        )
    if delivery.name is not None:
        party = _add(element, "cac:DeliveryParty")
        _add(_add(party, "cac:PartyName"), "cbc:Name", delivery.name)


def _payment_means(root: ET.Element, instructions: PaymentInstructions) -> None:
    means = _add(root, "cac:PaymentMeans")
    _add(means, "cbc:PaymentMeansCode", instructions.means.code)
    _identifier(means, "cbc:PaymentID", instructions.remittance)
    if instructions.is_direct_debit:
        if instructions.mandate is not None or instructions.iban is not None:
            mandate = _add(means, "cac:PaymentMandate")
            _identifier(mandate, "cbc:ID", instructions.mandate)
            if instructions.iban is not None:
                account = _add(mandate, "cac:PayerFinancialAccount")
                _add(account, "cbc:ID", instructions.iban)
        return
    if instructions.iban is not None:
        account = _add(means, "cac:PayeeFinancialAccount")
        _add(account, "cbc:ID", instructions.iban)
        _identifier(account, "cbc:Name", instructions.account_name)
        if instructions.bic is not None:
            branch = _add(account, "cac:FinancialInstitutionBranch")
            _add(branch, "cbc:ID", instructions.bic)


def _category(
    parent: ET.Element,
    name: str,
    category: VatCategory,
    rate: Decimal | None,
    reason: str | None = None,
) -> None:
    element = _add(parent, name)
    _add(element, "cbc:ID", category.value)
    if rate is not None:
        _add(element, "cbc:Percent", number(rate))
    if reason is not None:
        _identifier(element, "cbc:TaxExemptionReasonCode", category.exemption_code)
        _add(element, "cbc:TaxExemptionReason", reason)
    _add(_add(element, "cac:TaxScheme"), "cbc:ID", "VAT")


def _adjustment(parent: ET.Element, item: Allowance | Charge, *, line: bool) -> None:
    element = _add(parent, "cac:AllowanceCharge")
    _add(element, "cbc:ChargeIndicator", "true" if item.IS_CHARGE else "false")
    _identifier(element, "cbc:AllowanceChargeReasonCode", item.reason_code)
    _identifier(element, "cbc:AllowanceChargeReason", item.reason)
    if item.percent is not None:
        _add(element, "cbc:MultiplierFactorNumeric", number(item.percent))
    _money(element, "cbc:Amount", abs(item.signed))
    if item.base is not None:
        _money(element, "cbc:BaseAmount", item.base)
    if not line:
        _category(element, "cac:TaxCategory", item.category, item.rate)


def _tax_total(root: ET.Element, document: Document) -> None:
    tax = _add(root, "cac:TaxTotal")
    _money(tax, "cbc:TaxAmount", document.vat_total)
    for group in document.vat_breakdown:
        subtotal = _add(tax, "cac:TaxSubtotal")
        _money(subtotal, "cbc:TaxableAmount", group.taxable_amount)
        _money(subtotal, "cbc:TaxAmount", group.tax_amount)
        _category(
            subtotal,
            "cac:TaxCategory",
            group.category,
            group.rate,
            group.exemption_reason,
        )
    accounting = document.vat_in_accounting_currency
    if accounting is not None:
        _money(_add(root, "cac:TaxTotal"), "cbc:TaxAmount", accounting)


def _monetary_total(root: ET.Element, document: Document) -> None:
    totals = _add(root, "cac:LegalMonetaryTotal")
    _money(totals, "cbc:LineExtensionAmount", document.line_total)
    _money(totals, "cbc:TaxExclusiveAmount", document.net_total)
    _money(totals, "cbc:TaxInclusiveAmount", document.gross_total)
    if document.allowances:
        _money(totals, "cbc:AllowanceTotalAmount", document.allowance_total)
    if document.charges:
        _money(totals, "cbc:ChargeTotalAmount", document.charge_total)
    if isinstance(document, ClientInvoice):
        if document.prepaid_amount:
            _money(totals, "cbc:PrepaidAmount", document.prepaid_amount)
        _money(totals, "cbc:PayableAmount", document.amount_due)
    else:
        _money(totals, "cbc:PayableAmount", document.gross_total)


def _line(root: ET.Element, kind: str, index: int, line: ClientInvoiceLine) -> None:
    element = _add(root, f"cac:{kind}Line")
    _add(element, "cbc:ID", str(index))
    quantity = "Invoiced" if kind == "Invoice" else "Credited"
    _add(
        element,
        f"cbc:{quantity}Quantity",
        number(line.quantity),
        unitCode=line.unit_code,
    )
    _money(element, "cbc:LineExtensionAmount", line.net_amount)
    adjustments: tuple[Allowance | Charge, ...] = (*line.allowances, *line.charges)
    for adjustment in adjustments:
        _adjustment(element, adjustment, line=True)
    item = _add(element, "cac:Item")
    _add(item, "cbc:Name", line.description)
    _category(item, "cac:ClassifiedTaxCategory", line.vat_category, line.vat_rate)
    price = _add(element, "cac:Price")
    _add(
        price,
        "cbc:PriceAmount",
        number(line.unit_price.amount),
        currencyID=line.currency,
    )
