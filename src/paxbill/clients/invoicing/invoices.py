"""The installer's invoice to its client: lines, VAT, payments, credits and state.

Totals follow EN 16931 (see :mod:`paxbill.clients.invoicing._document`);
payments and credit notes are recorded on a new invoice each time, and the
state is worked out for the date asked.

>>> import datetime as dt
>>> from paxbill import Money
>>> seller = Party("Sécurité Dupont SARL", "FR", vat_id="FR40303265045")
>>> buyer = Party("Résidence Les Tilleuls", "FR")
>>> invoice = ClientInvoice(
...     "F2024-0001", dt.date(2024, 1, 2), seller, buyer,
...     [ClientInvoiceLine("Entry app users", 70, Money("4.00", "EUR"), "S", "20")],
... )
>>> invoice.net_total, invoice.vat_total, invoice.gross_total
(Money('280.00', 'EUR'), Money('56.00', 'EUR'), Money('336.00', 'EUR'))
>>> invoice.due_date
datetime.date(2024, 2, 1)
>>> paid = invoice.pay(Money("136.00", "EUR"), dt.date(2024, 1, 20))
>>> paid.amount_due_on(dt.date(2024, 1, 31)), paid.status_on(dt.date(2024, 2, 2)).value
(Money('200.00', 'EUR'), 'overdue')
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

import attrs

from paxbill.clients.invoicing._amounts import round_amount
from paxbill.clients.invoicing._document import (
    DocumentTotals,
    Totals,
    check_currency,
    check_groups,
    default_currency,
    default_notes,
    to_allowances,
    to_business_process,
    to_buyer_reference,
    to_charges,
    to_contract_reference,
    to_lines,
    to_number,
    to_order_reference,
    to_prepaid,
    tuple_of,
    with_delivery,
    work_out_adjustments,
    work_out_totals,
)
from paxbill.clients.invoicing.allowances import Allowance, Charge
from paxbill.clients.invoicing.credit_notes import CreditNote
from paxbill.clients.invoicing.delivery import Delivery
from paxbill.clients.invoicing.en16931 import refuse_problems
from paxbill.clients.invoicing.lines import ClientInvoiceLine
from paxbill.clients.invoicing.notes import Note, to_notes
from paxbill.clients.invoicing.parties import Party
from paxbill.clients.invoicing.payment_instructions import (
    PaymentInstructions,
    PaymentMeans,
    to_payment_means,
)
from paxbill.clients.invoicing.payment_terms import PaymentTerms
from paxbill.clients.invoicing.vat import VatCategory, to_language
from paxbill.core._currency import currency_code
from paxbill.core._dates import to_date
from paxbill.core._notebook import ShowsInNotebook
from paxbill.core._numbers import ExactNumber
from paxbill.core._validators import instance_of, is_date, optional_of
from paxbill.core._values import Revalidated
from paxbill.core.money import Money, total
from paxbill.core.periods import BillingPeriod
from paxbill.exceptions import (
    ArgumentTypeError,
    CreditExceedsInvoiceError,
    CurrencyMismatchError,
    InvalidAmountError,
    InvalidInvoiceError,
    OverpaymentError,
    PaymentBeforeIssueError,
)

__all__ = ["ClientInvoice", "ClientInvoiceStatus", "ClientPayment"]


class ClientInvoiceStatus(enum.Enum):
    """The state of a client invoice on a given date."""

    ISSUED = "issued"
    PARTIALLY_PAID = "partially_paid"
    PAID = "paid"
    OVERDUE = "overdue"
    CREDITED = "credited"


def _check_amount(instance: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, Money):
        raise ArgumentTypeError(value, "a Money", what="amount")
    if value.amount <= 0:
        raise InvalidAmountError(value, what="payment", reason="is not above zero")


@attrs.frozen
class ClientPayment(Revalidated):
    """A payment the client made on an invoice: how much, when and how.

    >>> ClientPayment(Money("100.00", "EUR"), dt.date(2024, 1, 20)).method.code
    '30'
    """

    amount: Money = attrs.field(validator=_check_amount)
    on: dt.date = attrs.field(validator=is_date)
    method: PaymentMeans = attrs.field(
        default=PaymentMeans.CREDIT_TRANSFER, converter=to_payment_means
    )


def _to_payments(value: object) -> tuple[ClientPayment, ...]:
    return tuple_of(ClientPayment, "payments")(value)


def _to_credit_notes(value: object) -> tuple[CreditNote, ...]:
    return tuple_of(CreditNote, "credit_notes")(value)


def _to_terms(value: PaymentTerms | int) -> PaymentTerms:
    """Payment terms, or a whole number of days net."""
    if isinstance(value, PaymentTerms):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return PaymentTerms(value)
    raise ArgumentTypeError(
        value, "a PaymentTerms or a whole number of days", what="payment_terms"
    )


def _sum(amounts: Iterable[Money], currency: str) -> Money:
    return total(list(amounts), currency)


@attrs.frozen
class ClientInvoice(DocumentTotals, ShowsInNotebook, Revalidated):
    """An invoice from the installer to its client: EN 16931 document type 380.

    Args:
        number: its number, such as ``"F2024-0001"`` (see :class:`NumberSeries`).
        issue_date: the day it is issued.
        seller: the installer.
        buyer: the client.
        lines: what is billed, at least one line, all in one currency.
        currency: the currency of every line; by default the first line's.
        payment_terms: when it falls due: a :class:`PaymentTerms`, or a number
            of days net; net 30 days by default.
        service_period: the period of service billed, if any (BG-14).
        language: ``"fr"`` (default) or ``"en"``, the language of its
            default texts such as the VAT exemption reasons.
        payments: the payments recorded; add one with :meth:`pay`.
        credit_notes: the credit notes recorded; make one with :meth:`credit`
            and record it with :meth:`apply_credit`.
        payment_instructions: how to pay: the account or the direct-debit
            mandate (BG-16), a :class:`PaymentInstructions`.
        buyer_reference: the reference the client asked to be quoted (BT-10).
        contract_reference: the contract billed, such as the bundled
            maintenance contract (BT-12).
        order_reference: the client's purchase order (BT-13).
        business_process: the framework of invoicing (BT-23); in France a
            « cadre de facturation » such as ``"S1"`` (services), ``"B1"``
            (goods) or ``"M1"`` (both).
        notes: the notes (BG-1), of :class:`Note`; for a French seller, by
            default the three French law asks for (:func:`legal_notes`).
        allowances: discounts on the whole invoice (BG-20), of :class:`Allowance`.
        charges: fees on the whole invoice (BG-21), of :class:`Charge`.
        prepaid: what the client paid before the invoice, such as a
            prepaid balance drawn on (part of BT-113); zero is None.
        delivery: where and when the service was delivered (BG-13); for an
            intra-community supply, by default the buyer's country.
        vat_on_debits: whether the seller pays VAT on its debits (« option
            pour le paiement de la taxe d'après les débits », BT-8).
        vat_in_accounting_currency: the VAT total in the seller's accounting
            currency, when the invoice is in another (BT-111, BT-6).

    Raises:
        CurrencyMismatchError: lines, payments or credits in another currency.
        BusinessRuleError: a document that breaks a rule of EN 16931, such as
            category O beside a seller's VAT identifier; the message names it.
        MissingVatIdentifierError: a reverse-charge (``AE``) or
            intra-community (``K``) line, and seller or buyer has no VAT id.
        PaymentBeforeIssueError: a payment dated before the invoice.
        OverpaymentError: payments beyond what is due.
        CreditExceedsInvoiceError: credits beyond what was invoiced.
    """

    #: The UNTDID 1001 code of a commercial invoice.
    TYPE_CODE = "380"

    number: str = attrs.field(converter=to_number)
    issue_date: dt.date = attrs.field(validator=is_date)
    seller: Party = attrs.field(validator=instance_of(Party, "a Party"))
    buyer: Party = attrs.field(validator=instance_of(Party, "a Party"))
    lines: tuple[ClientInvoiceLine, ...] = attrs.field(converter=to_lines)
    currency: str = attrs.field(
        default=attrs.Factory(default_currency, takes_self=True),
        converter=currency_code,
    )
    payment_terms: PaymentTerms = attrs.field(factory=PaymentTerms, converter=_to_terms)
    service_period: BillingPeriod | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(
            instance_of(BillingPeriod, "a BillingPeriod or None")
        ),
    )
    language: str = attrs.field(default="fr", converter=to_language)
    payments: tuple[ClientPayment, ...] = attrs.field(
        default=(), converter=_to_payments
    )
    credit_notes: tuple[CreditNote, ...] = attrs.field(
        default=(), converter=_to_credit_notes
    )
    payment_instructions: PaymentInstructions | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(
            instance_of(PaymentInstructions, "a PaymentInstructions or None")
        ),
    )
    buyer_reference: str | None = attrs.field(
        default=None, converter=to_buyer_reference
    )
    contract_reference: str | None = attrs.field(
        default=None,
        converter=to_contract_reference,
    )
    order_reference: str | None = attrs.field(
        default=None, converter=to_order_reference
    )
    business_process: str | None = attrs.field(
        default=None,
        converter=to_business_process,
    )
    notes: tuple[Note, ...] = attrs.field(
        default=attrs.Factory(default_notes, takes_self=True), converter=to_notes
    )
    allowances: tuple[Allowance, ...] = attrs.field(default=(), converter=to_allowances)
    charges: tuple[Charge, ...] = attrs.field(default=(), converter=to_charges)
    prepaid: Money | None = attrs.field(
        default=None, converter=to_prepaid, validator=optional_of(Money, "a Money")
    )
    delivery: Delivery | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(
            instance_of(Delivery, "a Delivery or None")
        ),
    )
    vat_on_debits: bool = attrs.field(
        default=False, validator=instance_of(bool, "True or False")
    )
    vat_in_accounting_currency: Money | None = attrs.field(
        default=None, validator=optional_of(Money, "a Money")
    )
    _totals: Totals = attrs.field(init=False, repr=False, eq=False, alias="_totals")

    def __attrs_post_init__(self) -> None:
        check_currency(self)
        work_out_adjustments(self)
        work_out_totals(self)
        object.__setattr__(self, "delivery", with_delivery(self))
        refuse_problems(self)
        check_groups(self)
        if self.prepaid is not None:
            if self.prepaid.currency != self.currency:
                raise CurrencyMismatchError(
                    self.currency, self.prepaid.currency, operation="prepay"
                )
            if round_amount(self.prepaid) != self.prepaid:
                raise InvalidAmountError(
                    self.prepaid,
                    what="prepaid",
                    reason="has more decimals than an e-invoice states (BT-113)",
                )
            if self.prepaid.amount < 0:
                raise InvalidAmountError(
                    self.prepaid, what="prepaid", reason="is negative"
                )
            if self.prepaid > self.gross_total:
                raise OverpaymentError(self.number, self.prepaid, self.gross_total)
        for payment in self.payments:
            if payment.amount.currency != self.currency:
                raise CurrencyMismatchError(
                    self.currency, payment.amount.currency, operation="pay"
                )
            if payment.on < self.issue_date:
                raise PaymentBeforeIssueError(self.number, self.issue_date, payment.on)
        for note in self.credit_notes:
            self._check_credit_note(note)
        self._check_credited()
        paid = _sum((p.amount for p in self.payments), self.currency)
        payable = self.gross_total - self._prepaid
        if paid > payable:
            last = self.payments[-1].amount
            raise OverpaymentError(self.number, last, payable - (paid - last))

    # -- checks ---------------------------------------------------------------

    def _check_credit_note(self, note: CreditNote) -> None:
        if note.invoice_number != self.number:
            raise InvalidInvoiceError(
                self.number,
                f"credit note {note.number} credits invoice {note.invoice_number}",
            )
        if note.currency != self.currency:
            raise CurrencyMismatchError(
                self.currency, note.currency, operation="credit"
            )
        if note.issue_date < self.issue_date:
            raise InvalidInvoiceError(
                self.number, f"credit note {note.number} is dated before the invoice"
            )

    def _check_credited(self) -> None:
        """Refuse credits beyond the taxable amount of any category and rate."""
        invoiced = {(g.category, g.rate): g.taxable_amount for g in self.vat_breakdown}
        credited: dict[tuple[VatCategory, Decimal | None], Money] = {}
        for note in self.credit_notes:
            for group in note.vat_breakdown:
                key = (group.category, group.rate)
                if key not in invoiced:
                    raise CreditExceedsInvoiceError(
                        self.number,
                        f"credit note {note.number} credits VAT {key[0].value} at "
                        f"{key[1]} %, which the invoice does not bill",
                    )
                credited[key] = credited.get(key, Money.zero(self.currency)) + (
                    group.taxable_amount
                )
                if credited[key] > invoiced[key]:
                    raise CreditExceedsInvoiceError(
                        self.number,
                        f"credit notes credit {credited[key]} net at VAT "
                        f"{key[0].value} {key[1]} %, more than the "
                        f"{invoiced[key]} invoiced",
                    )

    # -- money on a date ----------------------------------------------------

    @property
    def due_date(self) -> dt.date:
        """The day the invoice falls due, by its payment terms."""
        return self.payment_terms.due_date(self.issue_date)

    @property
    def _prepaid(self) -> Money:
        return Money.zero(self.currency) if self.prepaid is None else self.prepaid

    @property
    def prepaid_amount(self) -> Money:
        """What was paid by the invoice's date (BT-113), prepaid and payments then.

        Rounded as every amount of the e-invoice is (at most two decimals),
        so that what is due (BT-115) is the gross total less it, exactly.
        """
        return round_amount(self._prepaid + self.amount_paid_on(self.issue_date))

    @property
    def amount_due(self) -> Money:
        """What the invoice leaves due when issued (BT-115), gross less prepaid."""
        return self.gross_total - self.prepaid_amount

    def _credited(self, day: dt.date) -> Money:
        return _sum(
            (n.gross_total for n in self.credit_notes if n.issue_date <= day),
            self.currency,
        )

    def amount_paid_on(self, day: dt.date) -> Money:
        """What the client has paid by the end of *day*."""
        when = to_date(day, what="day")
        return _sum((p.amount for p in self.payments if p.on <= when), self.currency)

    def amount_credited_on(self, day: dt.date) -> Money:
        """The gross total of the credit notes issued by the end of *day*."""
        return self._credited(to_date(day, what="day"))

    def amount_due_on(self, day: dt.date) -> Money:
        """What is due at the end of *day*: gross less prepaid, payments, credits.

        Never below zero: what the client paid beyond a later credit is a
        refund, see :meth:`refund_due_on`. Nothing is due on an invoice fully
        credited, even where the credit notes' VAT, rounded note by note,
        differs from the invoice's by a cent.
        """
        return self._balance(to_date(day, what="day"))[0]

    def refund_due_on(self, day: dt.date) -> Money:
        """What the installer owes back at the end of *day*: credits beyond payments.

        On an invoice fully credited, everything the client paid.
        """
        return self._balance(to_date(day, what="day"))[1]

    def _balance(self, day: dt.date) -> tuple[Money, Money]:
        """What is due, and what is owed back, at the end of *day*."""
        zero = Money.zero(self.currency)
        paid = self.amount_paid_on(day)
        if self.is_fully_credited_on(day):
            return zero, paid + self._prepaid
        left = self.gross_total - self._prepaid - paid - self._credited(day)
        # Nothing left is 0.00 due and 0.00 back, never a refund of -0.00.
        return (left, zero) if left.amount >= 0 else (zero, -left)

    def is_fully_credited_on(self, day: dt.date) -> bool:
        """Whether the credit notes by *day* credit every line's net amount."""
        when = to_date(day, what="day")
        notes = [n for n in self.credit_notes if n.issue_date <= when]
        return bool(notes) and self._remaining(notes) == {}

    def status_on(self, day: dt.date) -> ClientInvoiceStatus:
        """The invoice's state at the end of *day*.

        Credited when fully credited; paid when nothing is due; overdue after
        the due date with something due; partially paid when a payment was
        made; otherwise issued.
        """
        when = to_date(day, what="day")
        if self.is_fully_credited_on(when):
            return ClientInvoiceStatus.CREDITED
        if not self.amount_due_on(when):
            return ClientInvoiceStatus.PAID
        if when > self.due_date:
            return ClientInvoiceStatus.OVERDUE
        if self.amount_paid_on(when):
            return ClientInvoiceStatus.PARTIALLY_PAID
        return ClientInvoiceStatus.ISSUED

    # -- new states -----------------------------------------------------------

    def pay(
        self,
        amount: Money,
        on: dt.date,
        method: PaymentMeans | str = PaymentMeans.CREDIT_TRANSFER,
    ) -> ClientInvoice:
        """Return the invoice with a payment of *amount* on *on* recorded.

        Raises:
            OverpaymentError: *amount* is more than is still due, all
                recorded payments and credit notes counted.
            PaymentBeforeIssueError: *on* is before the issue date.
        """
        payment = ClientPayment(amount, on, method)
        if payment.amount.currency != self.currency:
            raise CurrencyMismatchError(
                self.currency, payment.amount.currency, operation="pay"
            )
        # What is due once every recorded payment and credit note is counted.
        due = self.amount_due_on(dt.date.max)
        if payment.amount > due:
            raise OverpaymentError(self.number, payment.amount, due)
        return attrs.evolve(self, payments=(*self.payments, payment))

    def _remaining(
        self, notes: Sequence[CreditNote]
    ) -> dict[tuple[VatCategory, Decimal | None], Money]:
        """The net amount of each VAT group not yet credited by *notes*."""
        left = {(g.category, g.rate): g.taxable_amount for g in self.vat_breakdown}
        for note in notes:
            for group in note.vat_breakdown:
                key = (group.category, group.rate)
                left[key] = left[key] - group.taxable_amount
        return {key: amount for key, amount in left.items() if amount.amount > 0}

    def credit(
        self,
        number: str,
        on: dt.date,
        lines: Iterable[ClientInvoiceLine | tuple[int | ClientInvoiceLine, ExactNumber]]
        | None = None,
        *,
        reason: str | None = None,
    ) -> CreditNote:
        """Return a credit note for all of this invoice, or for some *lines*.

        Args:
            number: the credit note's number.
            on: its issue date.
            lines: what to credit, each a line (one of this invoice's, or
                one priced otherwise, such as users removed mid-term at the
                co-terming figure, :func:`~paxbill.coterm_line`), or a pair
                ``(line, quantity)`` where *line* is a line or the index of
                one of this invoice's lines: that line for *quantity*. None
                credits everything not yet credited by the notes recorded.
            reason: why, printed on the note.

        The note is checked against the notes already recorded; record it
        with :meth:`apply_credit` so that the amount due counts it.

        Raises:
            CreditExceedsInvoiceError: the notes would credit more than the
                invoice billed, for some VAT category and rate.
        """
        allowances: tuple[Allowance, ...] = ()
        charges: tuple[Charge, ...] = ()
        if lines is None and not self.credit_notes:
            credited, allowances, charges = self.lines, self.allowances, self.charges
        elif lines is None:
            credited = self._remaining_lines()
        else:
            credited = tuple(self._credit_line(item) for item in lines)
        note = CreditNote(
            number,
            on,
            self.seller,
            self.buyer,
            credited,
            self.number,
            self.issue_date,
            self.currency,
            self.language,
            reason,
            buyer_reference=self.buyer_reference,
            contract_reference=self.contract_reference,
            order_reference=self.order_reference,
            business_process=self.business_process,
            notes=self.notes,
            allowances=allowances,
            charges=charges,
            delivery=self.delivery,
            service_period=self.service_period,
            vat_on_debits=self.vat_on_debits,
        )
        self.apply_credit(note)
        return note

    def _credit_line(self, item: object) -> ClientInvoiceLine:
        if isinstance(item, ClientInvoiceLine):
            return item
        if isinstance(item, tuple) and len(item) == 2:
            line, quantity = item
            if isinstance(line, int) and not isinstance(line, bool):
                if not 0 <= line < len(self.lines):
                    raise InvalidInvoiceError(
                        self.number,
                        f"it has no line {line}: give an index from 0 to "
                        f"{len(self.lines) - 1}",
                    )
                line = self.lines[line]
            if isinstance(line, ClientInvoiceLine):
                return line.with_quantity(quantity)
        raise ArgumentTypeError(
            item,
            "a ClientInvoiceLine or a (line or index, quantity) pair",
            what="each line to credit",
        )

    def _remaining_lines(self) -> tuple[ClientInvoiceLine, ...]:
        """One line per VAT category and rate, for what is not yet credited."""
        remaining = self._remaining(self.credit_notes)
        if not remaining:
            raise CreditExceedsInvoiceError(self.number, "it is already fully credited")
        words = "Solde de la facture" if self.language == "fr" else "Balance of invoice"
        return tuple(
            ClientInvoiceLine(f"{words} {self.number}", 1, amount, category, rate)
            for (category, rate), amount in remaining.items()
        )

    def apply_credit(self, note: CreditNote) -> ClientInvoice:
        """Return the invoice with the credit note *note* recorded.

        Raises:
            CreditExceedsInvoiceError: the notes would credit more than the
                invoice billed.
            InvalidInvoiceError: *note* credits another invoice.
        """
        if not isinstance(note, CreditNote):
            raise ArgumentTypeError(note, "a CreditNote", what="note")
        if any(n.number == note.number for n in self.credit_notes):
            raise InvalidInvoiceError(
                self.number, f"credit note {note.number} is already recorded"
            )
        return attrs.evolve(self, credit_notes=(*self.credit_notes, note))
