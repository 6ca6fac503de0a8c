"""Read a CII e-invoice back: the invoice or credit note it states, its totals checked.

:func:`from_cii_xml` reads the Cross Industry Invoice of EN 16931 (what
:func:`~paxbill.to_cii_xml` writes, and what a Factur-X PDF carries),
rebuilds the :class:`~paxbill.ClientInvoice` or :class:`~paxbill.CreditNote`,
and checks every total the XML states against the totals the document works
out. What the XML states that paxbill cannot express is refused by its
business term, never dropped.

>>> import datetime as dt
>>> from paxbill import ClientInvoice, ClientInvoiceLine, Money, Party, to_cii_xml
>>> invoice = ClientInvoice(
...     "F2024-0001", dt.date(2024, 1, 2),
...     Party("Sécurité Dupont SARL", "FR", vat_id="FR40303265045"),
...     Party("Résidence Les Tilleuls", "FR"),
...     [ClientInvoiceLine("Entry app users", 70, Money("4.00", "EUR"), "S", "20")],
... )
>>> from_cii_xml(to_cii_xml(invoice)) == invoice
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
from paxbill.clients.invoicing.notes import Note
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
)
from paxbill.io.cii import CII_NAMESPACES, VAT_ON_DEBITS_CODE

__all__ = ["from_cii_xml"]

#: The business terms of the CII elements paxbill does not read.
TERMS = {
    "DefinedTradeContact": "BG-6",
    "SellerTaxRepresentativeTradeParty": "BG-11",
    "PayeeTradeParty": "BG-10",
    "SellerOrderReferencedDocument": "BT-14",
    "AdditionalReferencedDocument": "BG-24",
    "SpecifiedProcuringProject": "BT-11",
    "DespatchAdviceReferencedDocument": "BT-16",
    "ReceivingAdviceReferencedDocument": "BT-15",
    "ReceivableSpecifiedTradeAccountingAccount": "BT-19",
    "GrossPriceProductTradePrice": "BT-148",
    "BasisQuantity": "BT-149",
    "SellerAssignedID": "BT-155",
    "BuyerAssignedID": "BT-156",
    "ApplicableProductCharacteristic": "BG-32",
    "DesignatedProductClassification": "BT-158",
    "OriginTradeCountry": "BT-159",
    "RoundingAmount": "BT-114",
    "TaxPointDate": "BT-7",
    "SpecifiedTaxRegistration": "BT-32",
    "TradingBusinessName": "BT-28",
    "CountrySubDivisionName": "BT-39",
    "ApplicableTradeDeliveryTerms": "BT-13",
    "InvoiceeTradeParty": "BG-7",
    "ApplicableTradeSettlementFinancialCard": "BG-18",
    "IncludedNote": "BT-127",
}

_ROOT = f"{{{CII_NAMESPACES['rsm']}}}CrossIndustryInvoice"
_HEADER = "rsm:ExchangedDocument"
_CONTEXT = "rsm:ExchangedDocumentContext"


def from_cii_xml(xml: bytes | str) -> ClientInvoice | CreditNote:
    """Return the invoice or credit note that the CII XML *xml* states.

    An invoice (type 380) gives a :class:`~paxbill.ClientInvoice` whose
    ``prepaid`` is what the XML states as paid (BT-113), a credit note
    (type 381) a :class:`~paxbill.CreditNote` whose reason is its first
    note without a subject. The totals, each line's net amount and each
    VAT group are worked out again and must be what the XML states.

    Raises:
        ArgumentTypeError: *xml* is neither bytes nor str.
        EInvoiceError: not well-formed XML, not CII, or a part paxbill
            needs (a number, a date, a party's country...) is missing.
        UnsupportedTermError: the XML states what paxbill cannot express;
            the error names the business term.
        StatedTotalError: a total the XML states that its lines do not give.
    """
    root = parse_xml(xml)
    if root.tag != _ROOT:
        raise EInvoiceError(
            "xml", f"is not a CII invoice: its root is {root.tag.rpartition('}')[2]}"
        )
    parts = Parts(root, CII_NAMESPACES, TERMS)
    context = f"{_CONTEXT}/ram:"
    specification(
        parts.text(
            root, f"{context}GuidelineSpecifiedDocumentContextParameter/ram:ID", "BT-24"
        )
    )
    fields: dict[str, Any] = {
        "business_process": parts.text(
            root,
            f"{context}BusinessProcessSpecifiedDocumentContextParameter/ram:ID",
            "BT-23",
        ),
        "number": parts.required(root, f"{_HEADER}/ram:ID", "BT-1", "number"),
        "issue_date": _date(parts, root, f"{_HEADER}/ram:IssueDateTime", "BT-2"),
        "notes": tuple(
            Note(
                parts.required(note, "ram:Content", "BT-22", "note text"),
                parts.text(note, "ram:SubjectCode", "BT-21"),
            )
            for note in parts.all(root, f"{_HEADER}/ram:IncludedNote")
        ),
    }
    type_code = parts.required(root, f"{_HEADER}/ram:TypeCode", "BT-3", "document type")
    transaction = parts.one(root, "rsm:SupplyChainTradeTransaction", "BG-25")
    if transaction is None:
        raise EInvoiceError("BG-25", "the e-invoice states no transaction")
    settlement = parts.element(transaction, "ram:ApplicableHeaderTradeSettlement")
    currency = parts.required(settlement, "ram:InvoiceCurrencyCode", "BT-5", "currency")
    fields["currency"] = currency
    lines, amounts = _lines(parts, transaction, currency)
    _agreement(
        parts,
        parts.element(transaction, "ram:ApplicableHeaderTradeAgreement"),
        fields,
    )
    delivery = parts.one(transaction, "ram:ApplicableHeaderTradeDelivery", "BG-13")
    fields["delivery"] = None if delivery is None else _delivery(parts, delivery)
    reading = Reading(type_code, fields, lines, {}, amounts, [])
    _settlement(parts, settlement, reading)
    parts.refuse_the_rest()
    return build(reading)


def _date(parts: Parts, parent: ET.Element, path: str, term: str) -> dt.date:
    day = _optional_date(parts, parent, path, term)
    if day is None:
        raise EInvoiceError(term, "the e-invoice states no date")
    return day


def _optional_date(
    parts: Parts, parent: ET.Element, path: str, term: str, kind: str = "udt"
) -> dt.date | None:
    holder = parts.one(parent, path, term)
    if holder is None:
        return None
    element = parts.one(holder, f"{kind}:DateTimeString", term)
    if element is None or element.get("format") != "102":
        raise EInvoiceError(term, "a date is written YYYYMMDD, format 102")
    return to_day(element.text, term, "102")


def _address(parts: Parts, element: ET.Element | None) -> dict[str, Any]:
    if element is None:
        return {"address": (), "postcode": None, "city": None, "country": None}
    lines = (
        parts.text(element, f"ram:Line{key}", "BT-35")
        for key in ("One", "Two", "Three")
    )
    return {
        "address": tuple(line for line in lines if line),
        "postcode": parts.text(element, "ram:PostcodeCode", "BT-38"),
        "city": parts.text(element, "ram:CityName", "BT-37"),
        "country": parts.text(element, "ram:CountryID", "BT-40"),
    }


def _party(parts: Parts, element: ET.Element, *, seller: bool) -> Party:
    term = "BT-27" if seller else "BT-44"
    found: dict[str, Any] = {"siret": None, "vat_id": None}
    for identifier in parts.all(element, "ram:GlobalID"):
        if identifier.get("schemeID") != "0009":
            raise UnsupportedTermError(
                "BT-29", f"an identifier of scheme {identifier.get('schemeID')!r}"
            )
        found["siret"] = (identifier.text or "").strip()
    name = parts.required(element, "ram:Name", term, "party name")
    if seller:
        found.update(legal_parts(parts.text(element, "ram:Description", "BT-33")))
    legal = parts.one(element, "ram:SpecifiedLegalOrganization/ram:ID", "BT-30")
    if legal is not None and legal.get("schemeID") not in (None, "0002"):
        raise UnsupportedTermError(
            "BT-30-1", f"a legal identifier of scheme {legal.get('schemeID')!r}"
        )
    found["legal_id"] = None if legal is None else (legal.text or "").strip()
    address = _address(parts, parts.one(element, "ram:PostalTradeAddress", "BG-5"))
    if address["country"] is None:
        raise EInvoiceError("BT-40" if seller else "BT-55", "the party has no country")
    communication = parts.one(
        element, "ram:URIUniversalCommunication/ram:URIID", "BT-34"
    )
    if communication is not None:
        scheme = communication.get("schemeID")
        found["electronic_address"] = f"{scheme}:{(communication.text or '').strip()}"
    for registration in parts.all(element, "ram:SpecifiedTaxRegistration/ram:ID"):
        if registration.get("schemeID") != "VA":
            raise UnsupportedTermError(
                "BT-32",
                f"a tax registration of scheme {registration.get('schemeID')!r}",
            )
        found["vat_id"] = (registration.text or "").strip()
    return Party(name, **address, **found)


def _agreement(parts: Parts, agreement: ET.Element, fields: dict[str, Any]) -> None:
    fields["buyer_reference"] = parts.text(agreement, "ram:BuyerReference", "BT-10")
    fields["seller"] = _party(
        parts, parts.element(agreement, "ram:SellerTradeParty"), seller=True
    )
    fields["buyer"] = _party(
        parts, parts.element(agreement, "ram:BuyerTradeParty"), seller=False
    )
    fields["order_reference"] = parts.text(
        agreement, "ram:BuyerOrderReferencedDocument/ram:IssuerAssignedID", "BT-13"
    )
    fields["contract_reference"] = parts.text(
        agreement, "ram:ContractReferencedDocument/ram:IssuerAssignedID", "BT-12"
    )


def _delivery(parts: Parts, element: ET.Element) -> Delivery | None:
    party = parts.one(element, "ram:ShipToTradeParty", "BG-13")
    place: dict[str, Any] = {"name": None, **_address(parts, None)}
    if party is not None:
        place["name"] = parts.text(party, "ram:Name", "BT-70")
        place.update(
            _address(parts, parts.one(party, "ram:PostalTradeAddress", "BG-15"))
        )
    day = _optional_date(
        parts,
        element,
        "ram:ActualDeliverySupplyChainEvent/ram:OccurrenceDateTime",
        "BT-72",
    )
    delivery = Delivery(day, **place)
    return None if delivery == Delivery() else delivery


def _tax(parts: Parts, element: ET.Element | None, term: str) -> dict[str, Any]:
    if element is None:
        raise EInvoiceError(term, "the e-invoice states no VAT category")
    if parts.text(element, "ram:TypeCode", term) != "VAT":
        raise UnsupportedTermError(term, "a tax other than VAT")
    rate = parts.text(element, "ram:RateApplicablePercent", "BT-119")
    return {
        "category": to_category(parts.text(element, "ram:CategoryCode", term), term),
        "rate": None if rate is None else to_decimal(rate, "BT-119"),
    }


def _adjustment(
    parts: Parts, element: ET.Element, currency: str, *, line: bool
) -> Allowance | Charge:
    charge = to_indicator(
        parts.text(element, "ram:ChargeIndicator/udt:Indicator", "BT-97"),
        "ChargeIndicator",
    )
    kind = Charge if charge else Allowance
    percent = parts.text(element, "ram:CalculationPercent", "BT-94")
    base = parts.text(element, "ram:BasisAmount", "BT-93")
    vat: dict[str, Any] = {}
    if not line:
        vat = _tax(parts, parts.one(element, "ram:CategoryTradeTax", "BT-95"), "BT-95")
    return kind(
        parts.text(element, "ram:Reason", "BT-97"),
        to_money(parts.text(element, "ram:ActualAmount", "BT-92"), currency, "BT-92"),
        percent=None if percent is None else to_decimal(percent, "BT-94"),
        base=None if base is None else to_money(base, currency, "BT-93"),
        reason_code=parts.text(element, "ram:ReasonCode", "BT-98"),
        **vat,
    )


def _lines(
    parts: Parts, transaction: ET.Element, currency: str
) -> tuple[list[dict[str, Any]], list[Money]]:
    lines, amounts = [], []
    items = parts.all(transaction, "ram:IncludedSupplyChainTradeLineItem")
    for index, item in enumerate(items, start=1):
        identifier = parts.text(
            item, "ram:AssociatedDocumentLineDocument/ram:LineID", "BT-126"
        )
        if identifier != str(index):
            raise UnsupportedTermError(
                "BT-126",
                f"line id {identifier!r}: paxbill numbers its lines 1, 2, 3...",
            )
        price = parts.required(
            item,
            "ram:SpecifiedLineTradeAgreement/ram:NetPriceProductTradePrice/ram:ChargeAmount",
            "BT-146",
            "net price",
        )
        quantity = parts.one(
            item, "ram:SpecifiedLineTradeDelivery/ram:BilledQuantity", "BT-129"
        )
        if quantity is None:
            raise EInvoiceError("BT-129", f"line {index} states no quantity")
        settlement = parts.element(item, "ram:SpecifiedLineTradeSettlement")
        tax = _tax(
            parts, parts.one(settlement, "ram:ApplicableTradeTax", "BG-30"), "BT-151"
        )
        adjustments = [
            _adjustment(parts, element, currency, line=True)
            for element in parts.all(settlement, "ram:SpecifiedTradeAllowanceCharge")
        ]
        lines.append(
            {
                "description": parts.required(
                    item, "ram:SpecifiedTradeProduct/ram:Name", "BT-153", "item name"
                ),
                "quantity": to_decimal(quantity.text, "BT-129"),
                "unit_price": to_money(price, currency, "BT-146"),
                "vat_category": tax["category"],
                "vat_rate": tax["rate"],
                "unit_code": quantity.get("unitCode", "C62"),
                "allowances": [a for a in adjustments if isinstance(a, Allowance)],
                "charges": [c for c in adjustments if isinstance(c, Charge)],
            }
        )
        net = parts.text(
            settlement,
            "ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount",
            "BT-131",
        )
        amounts.append(to_money(net, currency, "BT-131"))
    return lines, amounts


def _settlement(parts: Parts, settlement: ET.Element, reading: Reading) -> None:
    fields = reading.fields
    currency: str = fields["currency"]
    creditor = parts.text(settlement, "ram:CreditorReferenceID", "BT-90")
    remittance = parts.text(settlement, "ram:PaymentReference", "BT-83")
    tax_currency = parts.text(settlement, "ram:TaxCurrencyCode", "BT-6")
    means = parts.all(settlement, "ram:SpecifiedTradeSettlementPaymentMeans")
    if len(means) > 1:
        raise UnsupportedTermError("BG-16", f"{len(means)} means of payment")
    due_codes = set()
    for element in parts.all(settlement, "ram:ApplicableTradeTax"):
        tax = _tax(parts, element, "BT-118")
        reading.groups.append(
            TaxGroup(
                tax["category"],
                tax["rate"],
                to_money(
                    parts.text(element, "ram:BasisAmount", "BT-116"), currency, "BT-116"
                ),
                to_money(
                    parts.text(element, "ram:CalculatedAmount", "BT-117"),
                    currency,
                    "BT-117",
                ),
                parts.text(element, "ram:ExemptionReason", "BT-120"),
                parts.text(element, "ram:ExemptionReasonCode", "BT-121"),
            )
        )
        due_codes.add(parts.text(element, "ram:DueDateTypeCode", "BT-8"))
    if due_codes - {None, VAT_ON_DEBITS_CODE} or len(due_codes) > 1:
        raise UnsupportedTermError(
            "BT-8", f"the VAT point date codes {sorted(map(str, due_codes))}"
        )
    fields["vat_on_debits"] = due_codes == {VAT_ON_DEBITS_CODE}
    period = parts.one(settlement, "ram:BillingSpecifiedPeriod", "BG-14")
    fields["service_period"] = None
    if period is not None:
        start = _optional_date(parts, period, "ram:StartDateTime", "BT-73")
        end = _optional_date(parts, period, "ram:EndDateTime", "BT-74")
        if start is None or end is None:
            raise UnsupportedTermError("BG-14", "an invoicing period open at one end")
        fields["service_period"] = BillingPeriod(start, end + dt.timedelta(days=1))
    adjustments = [
        _adjustment(parts, element, currency, line=False)
        for element in parts.all(settlement, "ram:SpecifiedTradeAllowanceCharge")
    ]
    fields["allowances"] = [a for a in adjustments if isinstance(a, Allowance)]
    fields["charges"] = [c for c in adjustments if isinstance(c, Charge)]
    terms = parts.one(settlement, "ram:SpecifiedTradePaymentTerms", "BT-20")
    mandate = None
    if terms is not None:
        reading.terms_text = parts.text(terms, "ram:Description", "BT-20")
        reading.due_date = _optional_date(parts, terms, "ram:DueDateDateTime", "BT-9")
        mandate = parts.text(terms, "ram:DirectDebitMandateID", "BT-89")
    _summation(parts, settlement, reading, tax_currency)
    instructions = None
    if means:
        instructions = _instructions(parts, means[0], creditor, remittance, mandate)
    elif creditor or remittance or mandate:
        raise UnsupportedTermError(
            "BG-16", "payment references without a means of payment"
        )
    if reading.type_code == CreditNote.TYPE_CODE:
        if instructions is not None or terms is not None:
            raise UnsupportedTermError("BG-16", "payment instructions on a credit note")
        reference = parts.element(settlement, "ram:InvoiceReferencedDocument")
        fields["invoice_number"] = parts.required(
            reference, "ram:IssuerAssignedID", "BT-25", "invoice credited"
        )
        day = _optional_date(
            parts, reference, "ram:FormattedIssueDateTime", "BT-26", "qdt"
        )
        if day is None:
            raise EInvoiceError(
                "BT-26", "the credit note states no date of the invoice"
            )
        fields["invoice_issue_date"] = day
    else:
        fields["payment_instructions"] = instructions
        prepaid = reading.stated.get("BT-113")
        fields["prepaid"] = prepaid


def _instructions(
    parts: Parts,
    element: ET.Element,
    creditor: str | None,
    remittance: str | None,
    mandate: str | None,
) -> PaymentInstructions:
    code = parts.required(element, "ram:TypeCode", "BT-81", "payment means code")
    try:
        means = PaymentMeans.from_code(code)
    except KeyError:
        raise UnsupportedTermError("BT-81", f"the payment means {code!r}") from None
    debtor = parts.text(
        element, "ram:PayerPartyDebtorFinancialAccount/ram:IBANID", "BT-91"
    )
    payee = parts.one(element, "ram:PayeePartyCreditorFinancialAccount", "BG-17")
    iban = account_name = None
    if payee is not None:
        iban = parts.text(payee, "ram:IBANID", "BT-84")
        account_name = parts.text(payee, "ram:AccountName", "BT-85")
    return PaymentInstructions(
        means,
        iban=iban or debtor,
        bic=parts.text(
            element, "ram:PayeeSpecifiedCreditorFinancialInstitution/ram:BICID", "BT-86"
        ),
        account_name=account_name,
        mandate=mandate,
        creditor_id=creditor,
        remittance=remittance,
    )


def _summation(
    parts: Parts, settlement: ET.Element, reading: Reading, tax_currency: str | None
) -> None:
    currency: str = reading.fields["currency"]
    summation = parts.element(
        settlement, "ram:SpecifiedTradeSettlementHeaderMonetarySummation"
    )
    required = {
        "BT-106": "LineTotalAmount",
        "BT-109": "TaxBasisTotalAmount",
        "BT-112": "GrandTotalAmount",
        "BT-115": "DuePayableAmount",
    }
    optional = {
        "BT-107": "AllowanceTotalAmount",
        "BT-108": "ChargeTotalAmount",
        "BT-113": "TotalPrepaidAmount",
    }
    for term, name in (*required.items(), *optional.items()):
        text = parts.text(summation, f"ram:{name}", term)
        if text is None and term in required:
            raise EInvoiceError(term, f"the e-invoice states no {name}")
        if text is not None:
            reading.stated[term] = to_money(text, currency, term)
    reading.fields["vat_in_accounting_currency"] = None
    for element in parts.all(summation, "ram:TaxTotalAmount"):
        amount = to_money(element.text, element.get("currencyID", currency), "BT-110")
        if amount.currency == currency and "BT-110" not in reading.stated:
            reading.stated["BT-110"] = amount
        elif amount.currency == tax_currency:
            reading.fields["vat_in_accounting_currency"] = amount
        else:
            raise UnsupportedTermError("BT-111", f"a VAT total in {amount.currency}")
