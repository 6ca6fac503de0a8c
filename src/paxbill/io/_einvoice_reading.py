"""What the CII and UBL readers share: the tree read part by part, and the build.

A reader walks the XML with a :class:`Parts`, which remembers every element
it was asked for; what no reader asked for is refused by its business term
(:meth:`Parts.refuse_the_rest`), so that nothing an e-invoice states is ever
dropped. The reader gathers the document's fields and the totals the XML
states; :func:`build` makes the document, which works out its own totals,
and refuses any stated total that differs.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any
from xml.etree import ElementTree as ET

import attrs

from paxbill.clients.invoicing.credit_notes import CreditNote
from paxbill.clients.invoicing.invoices import ClientInvoice
from paxbill.clients.invoicing.lines import ClientInvoiceLine
from paxbill.clients.invoicing.notes import Note, legal_notes
from paxbill.clients.invoicing.payment_terms import MAX_DAYS, PaymentTerms
from paxbill.clients.invoicing.vat import LANGUAGES, VatCategory
from paxbill.core.money import Money
from paxbill.exceptions import (
    ArgumentTypeError,
    EInvoiceError,
    StatedTotalError,
    UnsupportedTermError,
)

__all__ = ["Parts", "build", "parse_xml"]

Document = ClientInvoice | CreditNote

#: The EN 16931 specification (BT-24) and the CIUS and extensions built on it.
EN16931_PREFIX = "urn:cen.eu:en16931:2017"


def parse_xml(xml: object) -> ET.Element:
    """The root of *xml*, bytes or str.

    Raises:
        ArgumentTypeError: *xml* is neither bytes nor str.
        EInvoiceError: it is not well-formed XML.
    """
    if isinstance(xml, str):
        xml = xml.encode("utf-8")
    if not isinstance(xml, bytes | bytearray):
        raise ArgumentTypeError(xml, "the XML as bytes or str", what="xml")
    try:
        return ET.fromstring(bytes(xml))
    except ET.ParseError as error:
        raise EInvoiceError("xml", f"is not well-formed XML: {error}") from None


class Parts:
    """An XML tree, read element by element, which remembers what was read.

    Args:
        root: the tree's root.
        namespaces: the prefixes the paths use.
        terms: the business term of an element paxbill does not read, by
            its local name, for the error that refuses it.
    """

    def __init__(
        self, root: ET.Element, namespaces: Mapping[str, str], terms: Mapping[str, str]
    ) -> None:
        self.root = root
        self._namespaces = tuple(sorted(namespaces.items()))
        self._terms = terms
        self._read: set[ET.Element] = {root}
        # Each element's children by tag, made the first time it is asked.
        self._children: dict[ET.Element, dict[str, list[ET.Element]]] = {}

    def _index(self, element: ET.Element) -> dict[str, list[ET.Element]]:
        index: dict[str, list[ET.Element]] = {}
        for child in element:
            index.setdefault(child.tag, []).append(child)
        self._children[element] = index
        return index

    def all(self, parent: ET.Element, path: str) -> list[ET.Element]:
        """Every element at *path* (``ns:Name/ns:Name``) under *parent*, read."""
        found = [parent]
        children = self._children
        for tag in _tags(path, self._namespaces):
            step: list[ET.Element] = []
            for element in found:
                index = children.get(element)
                if index is None:
                    index = self._index(element)
                step += index.get(tag, ())
            self._read.update(step)
            found = step
        return found

    def one(self, parent: ET.Element, path: str, term: str) -> ET.Element | None:
        """The element at *path* under *parent*, or None; refused when repeated."""
        found = self.all(parent, path)
        if len(found) > 1:
            raise UnsupportedTermError(term, f"{len(found)} of {path}")
        return found[0] if found else None

    def element(self, parent: ET.Element, path: str) -> ET.Element:
        """The element at *path*, which a paxbill document must have."""
        element = self.one(parent, path, path)
        if element is None:
            raise EInvoiceError(path, "the e-invoice does not state it")
        return element

    def text(self, parent: ET.Element, path: str, term: str) -> str | None:
        """The text at *path*, spaces around it dropped; None when absent."""
        element = self.one(parent, path, term)
        if element is None:
            return None
        return (element.text or "").strip()

    def required(self, parent: ET.Element, path: str, term: str, what: str) -> str:
        """The text at *path*, which a paxbill document must have."""
        text = self.text(parent, path, term)
        if not text:
            raise EInvoiceError(term, f"the e-invoice states no {what}")
        return text

    def refuse_the_rest(self) -> None:
        """Refuse the first element no reader asked for, by its business term."""
        for element in self.root.iter():
            if element not in self._read:
                local = element.tag.rpartition("}")[2]
                path = self._path(element)
                term = self._terms.get(local, path)
                raise UnsupportedTermError(term, f"{local} ({path})")

    def _path(self, element: ET.Element) -> str:
        parents = {child: parent for parent in self.root.iter() for child in parent}
        names = []
        while element is not self.root:
            names.append(element.tag.rpartition("}")[2])
            element = parents[element]
        return "/".join(reversed(names))


@cache
def _tags(path: str, namespaces: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    """The Clark names of the steps of *path*, worked out once per path."""
    uris = dict(namespaces)
    steps = (step.split(":") for step in path.split("/"))
    return tuple(f"{{{uris[prefix]}}}{local}" for prefix, local in steps)


def to_decimal(text: str | None, term: str) -> Decimal:
    """A number the XML states, such as ``"12.50"``."""
    try:
        value = Decimal(text or "")
    except InvalidOperation:
        raise EInvoiceError(term, f"{text!r} is not a number") from None
    if not value.is_finite():
        raise EInvoiceError(term, f"{text!r} is not a number")
    return value


def to_money(text: str | None, currency: str, term: str) -> Money:
    """An amount the XML states, in the document's currency."""
    return Money(to_decimal(text, term), currency)


#: The forms of a date: UBL's ISO 8601, and CII's format 102, ``YYYYMMDD``.
_DATES = {
    "iso": re.compile(r"(\d{4})-(\d{2})-(\d{2})"),
    "102": re.compile(r"(\d{4})(\d{2})(\d{2})"),
}


def to_day(text: str | None, term: str, form: str = "iso") -> dt.date:
    """A date the XML states, in the syntax's own *form*: ``"iso"`` or ``"102"``."""
    match = _DATES[form].fullmatch(text or "")
    if match is not None:
        year, month, day = (int(part) for part in match.groups())
        try:
            return dt.date(year, month, day)
        except ValueError:
            pass
    raise EInvoiceError(term, f"{text!r} is not a date")


def to_indicator(text: str | None, term: str) -> bool:
    """Whether an allowance-or-charge indicator says charge."""
    if text in ("true", "false"):
        return text == "true"
    raise EInvoiceError(term, f"{text!r} is neither 'true' nor 'false'")


def to_category(text: str | None, term: str) -> VatCategory:
    """A VAT category code of UNTDID 5305 paxbill bills in."""
    try:
        return VatCategory(text)
    except ValueError:
        raise UnsupportedTermError(term, f"the VAT category {text!r}") from None


def specification(identifier: str | None) -> None:
    """Refuse a specification (BT-24) that is not EN 16931 or built on it."""
    if identifier is None or not identifier.startswith(EN16931_PREFIX):
        raise UnsupportedTermError(
            "BT-24", f"the specification {identifier!r}, not EN 16931"
        )


_SUBJECT_NOTE = re.compile(r"#([A-Z]{3})#(.*)", re.S)


def ubl_note(text: str) -> Note:
    """A note as UBL writes it, its subject code before its text: ``#PMT#...``."""
    match = _SUBJECT_NOTE.fullmatch(text)
    if match is None:
        return Note(text)
    return Note(match.group(2), match.group(1))


#: Registries of French law, for a seller's legal information in one part.
_REGISTRY = re.compile(r"(RCS|RM|RSAC|RSEIRL|RSA|RSEC)\b")
_CAPITAL = re.compile(r"capital (\S+) ([A-Z]{3})")


def legal_parts(text: str | None) -> dict[str, Any]:
    """The legal form, share capital and registry of BT-33, as paxbill writes them.

    The inverse of :func:`~paxbill.io.cii.legal_information`: the parts
    around a ``capital`` part are the form and the registry; without one,
    a single part is a registry when it names one, else the legal form.

    >>> legal_parts("SARL, capital 10000.00 EUR, RCS Lyon")["share_capital"]
    Money('10000.00', 'EUR')
    >>> legal_parts("RCS Lyon")
    {'legal_form': None, 'share_capital': None, 'registry': 'RCS Lyon'}
    """
    found: dict[str, Any] = {
        "legal_form": None,
        "share_capital": None,
        "registry": None,
    }
    if not text:
        return found
    parts = text.split(", ")
    capitals = [i for i, part in enumerate(parts) if _CAPITAL.fullmatch(part)]
    if capitals:
        where = capitals[0]
        match = _CAPITAL.fullmatch(parts[where])
        assert match is not None
        found["share_capital"] = to_money(match.group(1), match.group(2), "BT-33")
        before, after = parts[:where], parts[where + 1 :]
    elif len(parts) == 1 and _REGISTRY.match(text):
        before, after = [], parts
    else:
        before, after = parts[:1], parts[1:]
    found["legal_form"] = ", ".join(before) or None
    found["registry"] = ", ".join(after) or None
    return found


@attrs.define
class TaxGroup:
    """A VAT breakdown (BG-23) as the XML states it."""

    category: VatCategory
    rate: Decimal | None
    taxable: Money
    tax: Money
    reason: str | None
    reason_code: str | None


@attrs.define
class Reading:
    """What a reader found: the document's fields, and the totals stated."""

    type_code: str
    fields: dict[str, Any]
    lines: list[dict[str, Any]]
    #: The totals stated, by business term: BT-106 to BT-115.
    stated: dict[str, Money]
    #: The net amount stated of each line (BT-131), in order.
    line_amounts: list[Money]
    groups: list[TaxGroup]
    terms_text: str | None = None
    due_date: dt.date | None = None


@cache
def _default_texts(language: str) -> frozenset[str | None]:
    """Paxbill's own texts in *language*: exemption reasons and legal notes."""
    reasons = {category.exemption_reason(language) for category in VatCategory}
    return frozenset(reasons | {note.text for note in legal_notes(language)})


def _language(reading: Reading) -> str:
    """The language of the texts: English when they are paxbill's English ones."""
    for language in LANGUAGES:
        if language == "fr":
            continue
        defaults = _default_texts(language)
        texts = [group.reason for group in reading.groups if group.reason]
        texts += [note.text for note in reading.fields.get("notes", ())]
        if reading.terms_text is not None and _own_terms(reading.terms_text, language):
            return language
        if texts and any(text in defaults for text in texts):
            return language
    return "fr"


def _own_terms(text: str, language: str) -> tuple[PaymentTerms, ...]:
    """The terms whose words in *language* (PaymentTerms.describe) are *text*."""
    days = re.match(r"\d{1,3}\b", text)
    if days is None or int(days.group()) > MAX_DAYS:
        return ()
    candidates = (PaymentTerms(int(days.group()), eom) for eom in (False, True))
    return tuple(terms for terms in candidates if terms.describe(language) == text)


def _payment_terms(reading: Reading, issued: dt.date, language: str) -> PaymentTerms:
    """The terms paxbill's words state, or the days to the due date and the text."""
    if reading.due_date is None:
        raise EInvoiceError("BT-9", "the e-invoice states no due date")
    if reading.terms_text is not None:
        for terms in _own_terms(reading.terms_text, language):
            if terms.due_date(issued) == reading.due_date:
                return terms
    days = (reading.due_date - issued).days
    if days < 0:
        raise EInvoiceError(
            "BT-9", f"the due date {reading.due_date} is before the issue date"
        )
    return PaymentTerms(days, text=reading.terms_text)


def _lines(reading: Reading, language: str) -> list[ClientInvoiceLine]:
    """The lines, each exempt with the reason its VAT group states."""
    reasons: dict[tuple[VatCategory, Decimal | None], str] = {}
    for group in reading.groups:
        if group.reason is None:
            continue
        if not group.category.needs_exemption_reason:
            raise UnsupportedTermError(
                "BT-120", f"an exemption reason on VAT category {group.category.value}"
            )
        if group.reason_code not in (None, group.category.exemption_code):
            raise UnsupportedTermError(
                "BT-121", f"the exemption code {group.reason_code!r}"
            )
        if group.reason != group.category.exemption_reason(language):
            reasons[(group.category, group.rate)] = group.reason
    lines = []
    for fields in reading.lines:
        key = (fields["vat_category"], fields["vat_rate"])
        reason = next((r for k, r in reasons.items() if _same_group(k, key)), None)
        lines.append(ClientInvoiceLine(**fields, exemption_reason=reason))
    return lines


def _same_group(
    one: tuple[VatCategory, Decimal | None], other: tuple[VatCategory, Decimal | None]
) -> bool:
    return one[0] is other[0] and (one[1] or 0) == (other[1] or 0)


def _prepaid(document: Document) -> Money:
    if isinstance(document, ClientInvoice):
        return document.prepaid_amount
    return Money.zero(document.currency)


def _due(document: Document) -> Money:
    if isinstance(document, ClientInvoice):
        return document.amount_due
    return document.gross_total


#: The totals a document works out, by the business term the XML states them as.
_TOTALS: dict[str, Callable[[Document], Money]] = {
    "BT-106": lambda document: document.line_total,
    "BT-107": lambda document: document.allowance_total,
    "BT-108": lambda document: document.charge_total,
    "BT-109": lambda document: document.net_total,
    "BT-110": lambda document: document.vat_total,
    "BT-112": lambda document: document.gross_total,
    "BT-113": _prepaid,
    "BT-115": _due,
}


def build(reading: Reading) -> Document:
    """The invoice or credit note read, its totals checked against the XML's.

    Raises:
        StatedTotalError: a total, a line's net amount or a VAT group that
            is not what the document works out.
        UnsupportedTermError: a document type other than 380 and 381.
    """
    language = _language(reading)
    fields = dict(reading.fields, language=language)
    lines = _lines(reading, language)
    document: Document
    if reading.type_code == ClientInvoice.TYPE_CODE:
        fields["payment_terms"] = _payment_terms(
            reading, fields["issue_date"], language
        )
        document = ClientInvoice(lines=lines, **fields)
    elif reading.type_code == CreditNote.TYPE_CODE:
        notes = list(fields.get("notes", ()))
        if notes and notes[0].subject is None:
            fields["reason"] = notes.pop(0).text
            fields["notes"] = tuple(notes)
        document = CreditNote(lines=lines, **fields)
    else:
        raise UnsupportedTermError("BT-3", f"the document type {reading.type_code!r}")
    _check_totals(document, reading)
    return document


def _check_totals(document: Document, reading: Reading) -> None:
    for index, (line, stated) in enumerate(
        zip(document.lines, reading.line_amounts, strict=True), start=1
    ):
        if line.net_amount != stated:
            raise StatedTotalError(f"BT-131 (line {index})", stated, line.net_amount)
    for term, stated in reading.stated.items():
        computed = _TOTALS[term](document)
        if computed != stated:
            raise StatedTotalError(term, stated, computed)
    _check_groups(document, reading.groups)


def _check_groups(document: Document, groups: Iterable[TaxGroup]) -> None:
    computed = {
        (group.category, group.rate or 0): group for group in document.vat_breakdown
    }
    stated = {(group.category, group.rate or 0): group for group in groups}
    for key, group in stated.items():
        name = f"{key[0].value} {key[1]} %"
        mine = computed.get(key)
        if mine is None:
            raise StatedTotalError(
                f"BG-23 ({name})", group.taxable, "no line, allowance or charge"
            )
        if mine.taxable_amount != group.taxable:
            raise StatedTotalError(
                f"BT-116 ({name})", group.taxable, mine.taxable_amount
            )
        if mine.tax_amount != group.tax:
            raise StatedTotalError(f"BT-117 ({name})", group.tax, mine.tax_amount)
    for key, mine in computed.items():
        if key not in stated:
            raise StatedTotalError(
                f"BG-23 ({key[0].value} {key[1]} %)",
                "no VAT breakdown",
                mine.taxable_amount,
            )
