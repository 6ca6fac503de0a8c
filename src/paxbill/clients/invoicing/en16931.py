"""The business rules of EN 16931 and of the French reform that paxbill can see.

A document breaks a rule when what it states cannot stand together: a
category O line beside a seller's VAT identifier (BR-O-02), an
intra-community supply without its date (BR-IC-11). paxbill refuses, when a
document is made, every EN 16931 rule listed here; the French rules (BR-FR,
AFNOR XP Z12-012 as the FNFE-MPE compiles them, version 1.4.0.01) are
reported by :func:`en16931_problems` with ``france=True``, so that a
document can be checked before it is sent through a French platform.
``docs/rules.md`` lists the rules and where each is enforced.

>>> import datetime as dt
>>> from paxbill import ClientInvoice, ClientInvoiceLine, Money, Party
>>> invoice = ClientInvoice(
...     "F2024-0001", dt.date(2024, 1, 2),
...     Party("Sécurité Dupont SARL", "FR", vat_id="FR40303265045"),
...     Party("Résidence Les Tilleuls", "FR"),
...     [ClientInvoiceLine("Entry app users", 70, Money("4.00", "EUR"), "S", "20")],
... )
>>> en16931_problems(invoice)
()
>>> [problem.rule for problem in en16931_problems(invoice, france=True)][:3]
['BR-FR-08_BT-23', 'BR-FR-10_BT-30', 'BR-FR-12_BT-49']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import attrs

from paxbill.clients.invoicing._code_lists import BUSINESS_PROCESSES
from paxbill.clients.invoicing._document import DocumentTotals, document_kind
from paxbill.clients.invoicing.vat import VatCategory
from paxbill.core._validators import instance_of, optional_of
from paxbill.core._values import Revalidated
from paxbill.exceptions import (
    ArgumentTypeError,
    BusinessRuleError,
    MissingVatIdentifierError,
)

__all__ = ["EN16931_RULES", "FRENCH_RULES", "RuleProblem", "en16931_problems"]


@attrs.frozen
class RuleProblem(Revalidated):
    """A business rule a document breaks: the rule's identifier and what breaks it.

    The identifier is the official one, as the compiled rules name their
    assertion: ``"BR-O-02"``, or ``"BR-FR-05_BT-22_PMT"`` for the French.
    """

    rule: str = attrs.field(validator=instance_of(str, "a str"))
    message: str = attrs.field(validator=instance_of(str, "a str"))
    #: For a missing VAT identifier, the category and the party that lacks it.
    missing_vat_id: tuple[str, str] | None = attrs.field(
        default=None,
        eq=False,
        repr=False,
        validator=optional_of(tuple, "a (category, party) pair"),
    )

    def __str__(self) -> str:
        return f"{self.rule}: {self.message}"


Rule = Callable[[Any], Iterator[RuleProblem]]

# -- EN 16931 -----------------------------------------------------------------


def _categories(document: Any) -> set[VatCategory]:
    found = {line.vat_category for line in document.lines}
    return found | {i.category for i in (*document.allowances, *document.charges)}


def _seller_identified(document: Any) -> Iterator[RuleProblem]:
    seller = document.seller
    if seller.legal_id is None and seller.vat_id is None:
        yield RuleProblem(
            "BR-CO-26",
            "the seller has neither a legal registration (legal_id, such as its "
            "SIREN) nor a VAT identifier: give it one",
        )


_SELLER_VAT_RULES = {
    VatCategory.STANDARD: "BR-S-02",
    VatCategory.ZERO_RATED: "BR-Z-02",
    VatCategory.EXEMPT: "BR-E-02",
    VatCategory.EXPORT: "BR-G-02",
    VatCategory.REVERSE_CHARGE: "BR-AE-02",
    VatCategory.INTRA_COMMUNITY: "BR-IC-02",
}


def _missing_vat_id(rule: str, category: VatCategory, party: str) -> RuleProblem:
    return RuleProblem(
        rule,
        f"VAT category {category.value} needs the {party}'s VAT identifier: "
        f"give the {party} a vat_id",
        (category.value, party),
    )


def _vat_identifiers(document: Any) -> Iterator[RuleProblem]:
    categories = _categories(document)
    seller, buyer = document.seller, document.buyer
    for category, rule in _SELLER_VAT_RULES.items():
        if category in categories and seller.vat_id is None:
            yield _missing_vat_id(rule, category, "seller")
    if VatCategory.REVERSE_CHARGE in categories and (
        buyer.vat_id is None and buyer.legal_id is None
    ):
        yield _missing_vat_id("BR-AE-02", VatCategory.REVERSE_CHARGE, "buyer")
    if VatCategory.INTRA_COMMUNITY in categories and buyer.vat_id is None:
        yield _missing_vat_id("BR-IC-02", VatCategory.INTRA_COMMUNITY, "buyer")
    if VatCategory.NOT_SUBJECT in categories:
        if seller.vat_id is not None:
            yield RuleProblem(
                "BR-O-02",
                "an invoice not subject to VAT (category O) names no seller VAT "
                "identifier: drop the seller's vat_id, and identify it by legal_id",
            )
        if buyer.vat_id is not None:
            yield RuleProblem(
                "BR-O-04",
                "an invoice not subject to VAT (category O) names no buyer VAT "
                "identifier: drop the buyer's vat_id",
            )


def _exemption_reasons(document: Any) -> Iterator[RuleProblem]:
    for line in document.lines:
        category = line.vat_category
        if line.exemption_reason and not category.needs_exemption_reason:
            rule = "BR-S-10" if category is VatCategory.STANDARD else "BR-Z-10"
            yield RuleProblem(
                rule,
                f"a line of VAT category {category.value} gives no exemption "
                f"reason: drop {line.exemption_reason!r}",
            )


def _intra_community(document: Any) -> Iterator[RuleProblem]:
    if VatCategory.INTRA_COMMUNITY not in _categories(document):
        return
    delivery = document.delivery
    if document.service_period is None and (delivery is None or delivery.date is None):
        yield RuleProblem(
            "BR-IC-11",
            "an intra-community supply (category K) states when it was delivered: "
            "give a service_period or a Delivery with its date",
        )


#: The rules of EN 16931 paxbill checks, each refused when a document is made.
#: Two more hold by construction: BR-IC-12, since a document with category
#: K takes the buyer's country as its deliver-to country when it states
#: none; and BR-O-11 (category O alone), since every other category needs
#: the seller's VAT identifier (BR-S-02 to BR-IC-02), which O forbids (BR-O-02).
EN16931_RULES: tuple[Rule, ...] = (
    _vat_identifiers,
    _seller_identified,
    _exemption_reasons,
    _intra_community,
)

# -- BR-FR ----------------------------------------------------------------------

_FRENCH_ID = re.compile(r"[A-Za-z0-9+\-_/]+")
_FRENCH_ADDRESS = re.compile(r"[A-Za-z0-9+\-_.]+")
_SIREN = re.compile(r"[0-9]{9}")
#: The VAT rates of France and its overseas departments (BR-FR-16), in percent.
FRENCH_VAT_RATES = frozenset(
    Decimal(r)
    for r in [
        "0",
        "0.9",
        "1.05",
        "1.75",
        "2.1",
        "5.5",
        "7",
        "8.5",
        "9.2",
        "9.6",
        "10",
        "13",
        "19.6",
        "20",
        "20.6",
    ]
)
_BAR_VALUES = frozenset({"B2B", "B2BINT", "B2C", "B2CINT", "OUTOFSCOPE", "ARCHIVEONLY"})
_SELF_BILLED = frozenset({"389", "501", "500", "471", "473", "261", "502"})
_PAID_PROCESSES = frozenset({"B2", "S2", "M2"})


def _numbers(document: Any) -> Iterator[RuleProblem]:
    numbers = [("BT-1", document.number)]
    if getattr(document, "invoice_number", None) is not None:
        numbers.append(("BT-25", document.invoice_number))
    for term, number in numbers:
        if len(number) > 35:
            yield RuleProblem(f"BR-FR-01_{term}", f"{number!r} is over 35 characters")
        if not _FRENCH_ID.fullmatch(number):
            yield RuleProblem(
                f"BR-FR-02_{term}",
                f"{number!r} holds characters other than A-Z a-z 0-9 + - _ /",
            )


def _dates(document: Any) -> Iterator[RuleProblem]:
    days = [("BT-2", document.issue_date)]
    if hasattr(document, "due_date"):
        days.append(("BT-9", document.due_date))
    if getattr(document, "invoice_issue_date", None) is not None:
        days.append(("BT-26", document.invoice_issue_date))
    if document.delivery is not None and document.delivery.date is not None:
        days.append(("BT-72", document.delivery.date))
    if document.service_period is not None:
        days += [
            ("BT-73", document.service_period.start),
            ("BT-74", document.service_period.last_day),
        ]
    for term, day in days:
        if not 2000 <= day.year <= 2099:
            yield RuleProblem(f"BR-FR-03_{term}", f"{day} is not in 2000 to 2099")


def _legal_notes(document: Any) -> Iterator[RuleProblem]:
    subjects = [note.subject for note in document.notes]
    for subject in ("PMT", "PMD", "AAB"):
        if subject not in subjects:
            yield RuleProblem(
                f"BR-FR-05_BT-22_{subject}",
                f"the note of subject {subject} that French law asks for is missing",
            )
    for subject in ("PMT", "PMD", "AAB", "TXD"):
        if subjects.count(subject) > 1:
            yield RuleProblem(
                f"BR-FR-06_BT-21_{subject}",
                f"the note of subject {subject} is given more than once",
            )
    bar = [note.text for note in document.notes if note.subject == "BAR"]
    for value in bar:
        if value not in _BAR_VALUES:
            yield RuleProblem(
                "BR-FR-20_BT-21", f"the BAR note says {value!r}, not one of B2B, B2C..."
            )
    if len(bar) > 1:
        yield RuleProblem("BR-FR-31_BT-21", "the BAR note is given more than once")


def _business_process(document: Any) -> Iterator[RuleProblem]:
    if document.business_process not in BUSINESS_PROCESSES:
        process = document.business_process
        said = "is missing: give" if process is None else f"{process!r} is not"
        yield RuleProblem(
            "BR-FR-08_BT-23",
            f"the business process {said} a French framework such as 'S1' "
            "(services), 'B1' (goods) or 'M1' (both)",
        )
    if document.business_process in _PAID_PROCESSES and hasattr(document, "prepaid"):
        if document.prepaid_amount != document.gross_total:
            yield RuleProblem(
                "BR-FR-CO-09_BT-23-1",
                "an invoice already paid (B2, S2, M2) states the whole gross total "
                "as prepaid",
            )
        if document.amount_due:
            yield RuleProblem(
                "BR-FR-CO-09_BT-23-2",
                "an invoice already paid (B2, S2, M2) leaves nothing due",
            )


def _parties(document: Any) -> Iterator[RuleProblem]:
    seller, buyer = document.seller, document.buyer
    if seller.legal_id is None or not _SIREN.fullmatch(seller.legal_id):
        yield RuleProblem(
            "BR-FR-10_BT-30", "the seller's SIREN (legal_id, nine digits) is missing"
        )
    b2b = any(n.subject == "BAR" and n.text == "B2B" for n in document.notes)
    if b2b and (buyer.legal_id is None or not _SIREN.fullmatch(buyer.legal_id)):
        yield RuleProblem(
            "BR-FR-11_BT-47",
            "between businesses (BAR B2B), the buyer's SIREN (legal_id) is missing",
        )
    for term, party, rule in (("BT-49", buyer, "12"), ("BT-34", seller, "13")):
        address = party.electronic_address
        if address is None:
            yield RuleProblem(
                f"BR-FR-{rule}_{term}",
                f"the {'buyer' if term == 'BT-49' else 'seller'}'s electronic "
                "address is missing",
            )
        elif not _FRENCH_ADDRESS.fullmatch(address.partition(":")[2]):
            yield RuleProblem(
                f"BR-FR-23_{term}",
                f"the electronic address {address!r} holds characters other than "
                "A-Z a-z 0-9 - _ .",
            )
    if b2b and document.TYPE_CODE not in _SELF_BILLED:
        scheme, _, identifier = (buyer.electronic_address or "").partition(":")
        # As the official rule: without a SIREN (BR-FR-11's problem), only
        # the scheme is checked, since any identifier starts with nothing.
        if scheme != "0225" or not identifier.startswith(buyer.legal_id or ""):
            yield RuleProblem(
                "BR-FR-21_BT-49",
                "between businesses (BAR B2B), the buyer's electronic address is "
                "'0225:' and its SIREN",
            )


def _rates(document: Any) -> Iterator[RuleProblem]:
    groups = [
        ("BT-152", [line.vat_rate for line in document.lines]),
        ("BT-96_BT-103", [i.rate for i in (*document.allowances, *document.charges)]),
        ("BT-119", [group.rate for group in document.vat_breakdown]),
    ]
    for term, rates in groups:
        for rate in (r for r in rates if r is not None):
            if rate not in FRENCH_VAT_RATES:
                yield RuleProblem(
                    f"BR-FR-16_{term}", f"the VAT rate {rate} % is not a French rate"
                )
            exponent = rate.as_tuple().exponent
            assert isinstance(exponent, int)
            # BR-FR-DEC-04 allows 4 digits and 2 decimals; a rate is below 100
            # (VatCategory's rule), so 2 decimals at most is 4 digits at most.
            if exponent < -2:
                yield RuleProblem(
                    f"BR-FR-DEC-04_{term}",
                    f"the VAT rate {rate} has more than 4 digits or 2 decimals",
                )


def _decimals(document: Any) -> Iterator[RuleProblem]:
    for line in document.lines:
        for term, value, places, rule in (
            ("BT-129", line.quantity, 4, "BR-FR-DEC-02"),
            ("BT-146", line.unit_price.amount, 6, "BR-FR-DEC-03"),
        ):
            _, digits, exponent = value.as_tuple()
            assert isinstance(exponent, int)
            if -exponent > places or len(digits) + max(exponent, 0) > 19:
                yield RuleProblem(
                    f"{rule}_{term}",
                    f"{value} has more than {places} decimals or 19 digits",
                )


def _currency(document: Any) -> Iterator[RuleProblem]:
    accounting = document.vat_in_accounting_currency
    if document.currency != "EUR" and (
        accounting is None or accounting.currency != "EUR"
    ):
        yield RuleProblem(
            "BR-FR-CO-12_BT-5",
            f"an invoice in {document.currency} states its VAT in euros too: give "
            "vat_in_accounting_currency",
        )


#: The French rules paxbill checks, reported with ``france=True``.
FRENCH_RULES: tuple[Rule, ...] = (
    _numbers,
    _dates,
    _legal_notes,
    _business_process,
    _parties,
    _rates,
    _decimals,
    _currency,
)


def problems_of(document: Any, rules: tuple[Rule, ...]) -> tuple[RuleProblem, ...]:
    """Every problem *rules* find in *document*, in the order of the rules."""
    return tuple(problem for rule in rules for problem in rule(document))


def refuse_problems(document: Any) -> None:
    """Raise the first EN 16931 rule *document* breaks.

    Raises:
        MissingVatIdentifierError: a VAT category without a party's VAT id.
        BusinessRuleError: the document breaks another rule; the message names it.
    """
    kind = document_kind(document)
    for rule in EN16931_RULES:
        for problem in rule(document):
            if problem.missing_vat_id is not None:
                category, party = problem.missing_vat_id
                raise MissingVatIdentifierError(
                    document.number, category, party, problem.rule, document=kind
                )
            raise BusinessRuleError(
                document.number, problem.rule, problem.message, document=kind
            )


def en16931_problems(document: Any, *, france: bool = False) -> tuple[RuleProblem, ...]:
    """Every business rule *document* breaks, each with its official identifier.

    Args:
        document: a :class:`~paxbill.ClientInvoice` or a
            :class:`~paxbill.CreditNote`, made here or read from an e-invoice.
        france: also check the French rules (BR-FR): the SIREN, the
            electronic addresses, the legal notes, the framework (BT-23)...

    Returns:
        The problems, EN 16931's first, in the order of the rules; empty
        when the document passes every rule paxbill checks.

    Raises:
        ArgumentTypeError: *document* is neither an invoice nor a credit note.
    """
    if not isinstance(document, DocumentTotals):
        raise ArgumentTypeError(
            document, "a ClientInvoice or a CreditNote", what="document"
        )
    rules = EN16931_RULES + (FRENCH_RULES if france else ())
    return problems_of(document, rules)
