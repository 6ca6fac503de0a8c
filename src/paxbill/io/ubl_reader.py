"""Read a UBL e-invoice back: the invoice or credit note it states, its totals checked.

:func:`from_ubl_xml` reads a UBL 2.1 ``Invoice`` or ``CreditNote`` of
EN 16931 (what :func:`~paxbill.to_ubl_xml` writes, and what Peppol carries)
as :func:`~paxbill.from_cii_xml` reads CII: the document rebuilt, every
stated total checked, what paxbill cannot express refused by its business
term.

>>> import datetime as dt
>>> from paxbill import ClientInvoice, ClientInvoiceLine, Money, Party, to_ubl_xml
>>> invoice = ClientInvoice(
...     "F2024-0001", dt.date(2024, 1, 2),
...     Party("Sécurité Dupont SARL", "FR", vat_id="FR40303265045"),
...     Party("Résidence Les Tilleuls", "FR"),
...     [ClientInvoiceLine("Entry app users", 70, Money("4.00", "EUR"), "S", "20")],
... )
>>> from_ubl_xml(to_ubl_xml(invoice)) == invoice
True
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from xml.etree import ElementTree as ET

from paxbill.clients.invoicing.allowances import Allowance, Charge
from paxbill.clients.invoicing.credit_notes import CreditNote
from paxbill.clients.invoicing.delivery import Delivery
from paxbill.clients.invoicing.invoices import ClientInvoice
from paxbill.clients.invoicing.parties import Party
from paxbill.clients.invoicing.payment_instructions import (
    PaymentInstructions,
    PaymentMeans,
)
from paxbill.core.money import Money
from paxbill.core.periods import BillingPeriod
from paxbill.exceptions import EInvoiceError, UnsupportedTermError
from paxbill.io._einvoice_reading import (
    Parts,
    Reading,
    TaxGroup,
    build,
    legal_parts,
    parse_xml,
    specification,
    to_category,
    to_day,
    to_decimal,
    to_indicator,
    to_money,
    ubl_note,
)
from paxbill.io.ubl import NAMESPACES, PEPPOL_BIS3, PEPPOL_PROFILE, VAT_ON_DEBITS_CODE

__all__ = ["from_ubl_xml"]

#: The business terms of the UBL elements paxbill does not read.
TERMS = {
    "Contact": "BG-6",
    "TaxRepresentativeParty": "BG-11",
    "PayeeParty": "BG-10",
    "AdditionalDocumentReference": "BG-24",
    "ProjectReference": "BT-11",
    "DespatchDocumentReference": "BT-16",
    "ReceiptDocumentReference": "BT-15",
    "OriginatorDocumentReference": "BT-17",
    "AccountingCost": "BT-19",
    "AllowanceCharge": "BT-147",
    "BaseQuantity": "BT-149",
    "SellersItemIdentification": "BT-155",
    "BuyersItemIdentification": "BT-156",
    "StandardItemIdentification": "BT-157",
    "AdditionalItemProperty": "BG-32",
    "CommodityClassification": "BT-158",
    "OriginCountry": "BT-159",
    "Description": "BT-154",
    "PayableRoundingAmount": "BT-114",
    "TaxPointDate": "BT-7",
    "PartyName": "BT-28",
    "CountrySubentity": "BT-39",
    "CardAccount": "BG-18",
    "Note": "BT-127",
    "InvoicePeriod": "BG-26",
    "OrderLineReference": "BT-132",
    "PartyTaxScheme": "BT-32",
    "PaymentDueDate": "BT-9",
}


def from_ubl_xml(xml: bytes | str) -> ClientInvoice | CreditNote:
    """Return the invoice or credit note that the UBL 2.1 XML *xml* states.

    As :func:`~paxbill.from_cii_xml`, for a UBL ``Invoice`` (type 380) or
    ``CreditNote`` (type 381); a Peppol BIS Billing 3.0 document reads as
    well, its profile (BT-23) being Peppol's own.

    Raises:
        ArgumentTypeError: *xml* is neither bytes nor str.
        EInvoiceError: not well-formed XML, not UBL, or a part paxbill
            needs is missing.
        UnsupportedTermError: the XML states what paxbill cannot express.
        StatedTotalError: a total the XML states that its lines do not give.
    """
    root = parse_xml(xml)
    kind = {
        f"{{{NAMESPACES['inv']}}}Invoice": "Invoice",
        f"{{{NAMESPACES['cn']}}}CreditNote": "CreditNote",
    }.get(root.tag)
    if kind is None:
        name = root.tag.rpartition("}")[2]
        raise EInvoiceError(
            "xml", f"is not a UBL invoice or credit note: its root is {name}"
        )
    parts = Parts(root, NAMESPACES, TERMS)
    customization = parts.text(root, "cbc:CustomizationID", "BT-24")
    specification(customization)
    process = parts.text(root, "cbc:ProfileID", "BT-23")
    if customization == PEPPOL_BIS3 and process == PEPPOL_PROFILE:
        process = None
    parts.text(root, "cbc:UBLVersionID", "UBLVersionID")
    currency = parts.required(root, "cbc:DocumentCurrencyCode", "BT-5", "currency")
    fields: dict[str, Any] = {
        "business_process": process,
        "number": parts.required(root, "cbc:ID", "BT-1", "number"),
        "issue_date": _date(parts, root, "cbc:IssueDate", "BT-2"),
        "notes": tuple(
            ubl_note((note.text or "").strip()) for note in parts.all(root, "cbc:Note")
        ),
        "currency": currency,
        "buyer_reference": parts.text(root, "cbc:BuyerReference", "BT-10"),
        "order_reference": parts.text(root, "cac:OrderReference/cbc:ID", "BT-13"),
        "contract_reference": parts.text(
            root, "cac:ContractDocumentReference/cbc:ID", "BT-12"
        ),
    }
    type_code = parts.required(root, f"cbc:{kind}TypeCode", "BT-3", "document type")
    lines, amounts = _lines(parts, root, kind, currency)
    reading = Reading(type_code, fields, lines, {}, amounts, [])
    _period(parts, root, fields)
    seller = parts.element(root, "cac:AccountingSupplierParty/cac:Party")
    creditor = _creditor(parts, seller)
    fields["seller"] = _party(parts, seller, seller=True)
    fields["buyer"] = _party(
        parts,
        parts.element(root, "cac:AccountingCustomerParty/cac:Party"),
        seller=False,
    )
    delivery = parts.one(root, "cac:Delivery", "BG-13")
    fields["delivery"] = None if delivery is None else _delivery(parts, delivery)
    means = parts.all(root, "cac:PaymentMeans")
    if len(means) > 1:
        raise UnsupportedTermError("BG-16", f"{len(means)} means of payment")
    instructions = _instructions(parts, means[0], creditor) if means else None
    if instructions is None and creditor is not None:
        raise UnsupportedTermError(
            "BT-90", "a creditor identifier without a direct debit"
        )
    reading.terms_text = parts.text(root, "cac:PaymentTerms/cbc:Note", "BT-20")
    due = parts.text(root, "cbc:DueDate", "BT-9")
    reading.due_date = None if due is None else to_day(due, "BT-9")
    adjustments = [
        _adjustment(parts, element, currency, line=False)
        for element in parts.all(root, "cac:AllowanceCharge")
    ]
    fields["allowances"] = [a for a in adjustments if isinstance(a, Allowance)]
    fields["charges"] = [c for c in adjustments if isinstance(c, Charge)]
    _tax_totals(parts, root, reading)
    _monetary_total(parts, root, reading)
    if type_code == CreditNote.TYPE_CODE:
        if instructions is not None or reading.terms_text is not None:
            raise UnsupportedTermError("BG-16", "payment instructions on a credit note")
        reference = parts.element(
            root, "cac:BillingReference/cac:InvoiceDocumentReference"
        )
        fields["invoice_number"] = parts.required(
            reference, "cbc:ID", "BT-25", "invoice credited"
        )
        fields["invoice_issue_date"] = _date(parts, reference, "cbc:IssueDate", "BT-26")
    else:
        fields["payment_instructions"] = instructions
        fields["prepaid"] = reading.stated.get("BT-113")
    parts.refuse_the_rest()
    return build(reading)


def _date(parts: Parts, parent: ET.Element, path: str, term: str) -> dt.date:
    return to_day(parts.required(parent, path, term, "date"), term)


def _period(parts: Parts, root: ET.Element, fields: dict[str, Any]) -> None:
    period = parts.one(root, "cac:InvoicePeriod", "BG-14")
    fields["service_period"] = None
    fields["vat_on_debits"] = False
    if period is None:
        return
    code = parts.text(period, "cbc:DescriptionCode", "BT-8")
    if code not in (None, VAT_ON_DEBITS_CODE):
        raise UnsupportedTermError("BT-8", f"the VAT point date code {code!r}")
    fields["vat_on_debits"] = code == VAT_ON_DEBITS_CODE
    start = parts.text(period, "cbc:StartDate", "BT-73")
    end = parts.text(period, "cbc:EndDate", "BT-74")
    if start is None and end is None:
        return
    if start is None or end is None:
        raise UnsupportedTermError("BG-14", "an invoicing period open at one end")
    fields["service_period"] = BillingPeriod(
        to_day(start, "BT-73"), to_day(end, "BT-74") + dt.timedelta(days=1)
    )


def _address(parts: Parts, element: ET.Element | None) -> dict[str, Any]:
    if element is None:
        return {"address": (), "postcode": None, "city": None, "country": None}
    lines = [
        parts.text(element, "cbc:StreetName", "BT-35"),
        parts.text(element, "cbc:AdditionalStreetName", "BT-36"),
        parts.text(element, "cac:AddressLine/cbc:Line", "BT-162"),
    ]
    return {
        "address": tuple(line for line in lines if line),
        "postcode": parts.text(element, "cbc:PostalZone", "BT-38"),
        "city": parts.text(element, "cbc:CityName", "BT-37"),
        "country": parts.text(element, "cac:Country/cbc:IdentificationCode", "BT-40"),
    }


def _party(parts: Parts, element: ET.Element, *, seller: bool) -> Party:
    found: dict[str, Any] = {"siret": None, "vat_id": None}
    endpoint = parts.one(element, "cbc:EndpointID", "BT-34")
    if endpoint is not None:
        scheme = endpoint.get("schemeID")
        found["electronic_address"] = f"{scheme}:{(endpoint.text or '').strip()}"
    for identifier in parts.all(element, "cac:PartyIdentification/cbc:ID"):
        scheme = identifier.get("schemeID")
        if scheme == "0009":
            found["siret"] = (identifier.text or "").strip()
        elif scheme != "SEPA" or not seller:
            raise UnsupportedTermError("BT-29", f"an identifier of scheme {scheme!r}")
    legal = parts.element(element, "cac:PartyLegalEntity")
    name = parts.required(legal, "cbc:RegistrationName", "BT-27", "party name")
    trading = parts.all(element, "cac:PartyName/cbc:Name")
    if any((each.text or "").strip() != name for each in trading):
        raise UnsupportedTermError("BT-28", "a trading name besides the legal name")
    company = parts.one(legal, "cbc:CompanyID", "BT-30")
    if company is not None and company.get("schemeID") not in (None, "0002"):
        raise UnsupportedTermError(
            "BT-30-1", f"a legal identifier of scheme {company.get('schemeID')!r}"
        )
    found["legal_id"] = None if company is None else (company.text or "").strip()
    if seller:
        found.update(legal_parts(parts.text(legal, "cbc:CompanyLegalForm", "BT-33")))
    address = _address(parts, parts.one(element, "cac:PostalAddress", "BG-5"))
    if address["country"] is None:
        raise EInvoiceError("BT-40" if seller else "BT-55", "the party has no country")
    for registration in parts.all(element, "cac:PartyTaxScheme"):
        if parts.text(registration, "cac:TaxScheme/cbc:ID", "BT-31") != "VAT":
            raise UnsupportedTermError("BT-32", "a tax registration other than VAT")
        found["vat_id"] = parts.text(registration, "cbc:CompanyID", "BT-31")
    return Party(name, **address, **found)


def _creditor(parts: Parts, seller: ET.Element) -> str | None:
    """The SEPA creditor identifier (BT-90), which UBL gives the seller."""
    for identifier in parts.all(seller, "cac:PartyIdentification/cbc:ID"):
        if identifier.get("schemeID") == "SEPA":
            return (identifier.text or "").strip()
    return None


def _delivery(parts: Parts, element: ET.Element) -> Delivery | None:
    day = parts.text(element, "cbc:ActualDeliveryDate", "BT-72")
    location = parts.one(element, "cac:DeliveryLocation", "BG-15")
    address = _address(
        parts, None if location is None else parts.one(location, "cac:Address", "BG-15")
    )
    delivery = Delivery(
        None if day is None else to_day(day, "BT-72"),
        name=parts.text(element, "cac:DeliveryParty/cac:PartyName/cbc:Name", "BT-70"),
        **address,
    )
    return None if delivery == Delivery() else delivery


def _instructions(
    parts: Parts, element: ET.Element, creditor: str | None
) -> PaymentInstructions:
    code = parts.required(
        element, "cbc:PaymentMeansCode", "BT-81", "payment means code"
    )
    try:
        means = PaymentMeans.from_code(code)
    except KeyError:
        raise UnsupportedTermError("BT-81", f"the payment means {code!r}") from None
    payee = parts.one(element, "cac:PayeeFinancialAccount", "BG-17")
    iban = name = bic = None
    if payee is not None:
        iban = parts.text(payee, "cbc:ID", "BT-84")
        name = parts.text(payee, "cbc:Name", "BT-85")
        bic = parts.text(payee, "cac:FinancialInstitutionBranch/cbc:ID", "BT-86")
    mandate = parts.one(element, "cac:PaymentMandate", "BG-19")
    reference = None
    if mandate is not None:
        reference = parts.text(mandate, "cbc:ID", "BT-89")
        iban = iban or parts.text(mandate, "cac:PayerFinancialAccount/cbc:ID", "BT-91")
    return PaymentInstructions(
        means,
        iban=iban,
        bic=bic,
        account_name=name,
        mandate=reference,
        creditor_id=creditor,
        remittance=parts.text(element, "cbc:PaymentID", "BT-83"),
    )


def _tax(parts: Parts, element: ET.Element | None, term: str) -> dict[str, Any]:
    if element is None:
        raise EInvoiceError(term, "the e-invoice states no VAT category")
    if parts.text(element, "cac:TaxScheme/cbc:ID", term) != "VAT":
        raise UnsupportedTermError(term, "a tax other than VAT")
    rate = parts.text(element, "cbc:Percent", "BT-119")
    return {
        "category": to_category(parts.text(element, "cbc:ID", term), term),
        "rate": None if rate is None else to_decimal(rate, "BT-119"),
    }


def _amount(
    parts: Parts, parent: ET.Element, path: str, currency: str, term: str
) -> Money | None:
    element = parts.one(parent, path, term)
    if element is None:
        return None
    if element.get("currencyID") != currency:
        raise UnsupportedTermError(term, f"an amount in {element.get('currencyID')}")
    return to_money(element.text, currency, term)


def _adjustment(
    parts: Parts, element: ET.Element, currency: str, *, line: bool
) -> Allowance | Charge:
    charge = to_indicator(
        parts.text(element, "cbc:ChargeIndicator", "BT-97"), "ChargeIndicator"
    )
    percent = parts.text(element, "cbc:MultiplierFactorNumeric", "BT-94")
    vat: dict[str, Any] = {}
    if not line:
        vat = _tax(parts, parts.one(element, "cac:TaxCategory", "BT-95"), "BT-95")
    return (Charge if charge else Allowance)(
        parts.text(element, "cbc:AllowanceChargeReason", "BT-97"),
        _amount(parts, element, "cbc:Amount", currency, "BT-92"),
        percent=None if percent is None else to_decimal(percent, "BT-94"),
        base=_amount(parts, element, "cbc:BaseAmount", currency, "BT-93"),
        reason_code=parts.text(element, "cbc:AllowanceChargeReasonCode", "BT-98"),
        **vat,
    )


def _lines(
    parts: Parts, root: ET.Element, kind: str, currency: str
) -> tuple[list[dict[str, Any]], list[Money]]:
    lines, amounts = [], []
    quantity_name = "Invoiced" if kind == "Invoice" else "Credited"
    for index, element in enumerate(parts.all(root, f"cac:{kind}Line"), start=1):
        identifier = parts.text(element, "cbc:ID", "BT-126")
        if identifier != str(index):
            raise UnsupportedTermError(
                "BT-126",
                f"line id {identifier!r}: paxbill numbers its lines 1, 2, 3...",
            )
        quantity = parts.one(element, f"cbc:{quantity_name}Quantity", "BT-129")
        if quantity is None:
            raise EInvoiceError("BT-129", f"line {index} states no quantity")
        net = _amount(parts, element, "cbc:LineExtensionAmount", currency, "BT-131")
        if net is None:
            raise EInvoiceError("BT-131", f"line {index} states no net amount")
        amounts.append(net)
        adjustments = [
            _adjustment(parts, each, currency, line=True)
            for each in parts.all(element, "cac:AllowanceCharge")
        ]
        item = parts.element(element, "cac:Item")
        tax = _tax(
            parts, parts.one(item, "cac:ClassifiedTaxCategory", "BG-30"), "BT-151"
        )
        price = _amount(parts, element, "cac:Price/cbc:PriceAmount", currency, "BT-146")
        if price is None:
            raise EInvoiceError("BT-146", f"line {index} states no net price")
        lines.append(
            {
                "description": parts.required(item, "cbc:Name", "BT-153", "item name"),
                "quantity": to_decimal(quantity.text, "BT-129"),
                "unit_price": price,
                "vat_category": tax["category"],
                "vat_rate": tax["rate"],
                "unit_code": quantity.get("unitCode", "C62"),
                "allowances": [a for a in adjustments if isinstance(a, Allowance)],
                "charges": [c for c in adjustments if isinstance(c, Charge)],
            }
        )
    return lines, amounts


def _tax_totals(parts: Parts, root: ET.Element, reading: Reading) -> None:
    currency: str = reading.fields["currency"]
    tax_currency = parts.text(root, "cbc:TaxCurrencyCode", "BT-6")
    reading.fields["vat_in_accounting_currency"] = None
    for total in parts.all(root, "cac:TaxTotal"):
        amount = parts.one(total, "cbc:TaxAmount", "BT-110")
        if amount is None:
            raise EInvoiceError("BT-110", "a VAT total states no amount")
        money = to_money(amount.text, amount.get("currencyID", currency), "BT-110")
        if money.currency == currency and "BT-110" not in reading.stated:
            reading.stated["BT-110"] = money
        elif money.currency == tax_currency:
            reading.fields["vat_in_accounting_currency"] = money
            continue
        else:
            raise UnsupportedTermError("BT-111", f"a VAT total in {money.currency}")
        for subtotal in parts.all(total, "cac:TaxSubtotal"):
            category = parts.one(subtotal, "cac:TaxCategory", "BT-118")
            tax = _tax(parts, category, "BT-118")
            assert category is not None
            taxable = _amount(parts, subtotal, "cbc:TaxableAmount", currency, "BT-116")
            tax_amount = _amount(parts, subtotal, "cbc:TaxAmount", currency, "BT-117")
            if taxable is None or tax_amount is None:
                raise EInvoiceError("BG-23", "a VAT breakdown states no amounts")
            reading.groups.append(
                TaxGroup(
                    tax["category"],
                    tax["rate"],
                    taxable,
                    tax_amount,
                    parts.text(category, "cbc:TaxExemptionReason", "BT-120"),
                    parts.text(category, "cbc:TaxExemptionReasonCode", "BT-121"),
                )
            )


def _monetary_total(parts: Parts, root: ET.Element, reading: Reading) -> None:
    currency: str = reading.fields["currency"]
    totals = parts.element(root, "cac:LegalMonetaryTotal")
    names = {
        "BT-106": "LineExtensionAmount",
        "BT-109": "TaxExclusiveAmount",
        "BT-112": "TaxInclusiveAmount",
        "BT-107": "AllowanceTotalAmount",
        "BT-108": "ChargeTotalAmount",
        "BT-113": "PrepaidAmount",
        "BT-115": "PayableAmount",
    }
    for term, name in names.items():
        amount = _amount(parts, totals, f"cbc:{name}", currency, term)
        if amount is None and term in ("BT-106", "BT-109", "BT-112", "BT-115"):
            raise EInvoiceError(term, f"the e-invoice states no {name}")
        if amount is not None:
            reading.stated[term] = amount
