"""Every error that paxbill raises.

Each error derives from :class:`PaxbillError` and from the built-in exception
that matches it (:class:`ValueError` or :class:`TypeError`), so callers may
catch either. Each keeps the offending values as attributes and says what to do.

>>> from paxbill import Money, PaxbillError
>>> try:
...     Money("1.00", "XYZ")
... except PaxbillError as error:
...     print(error.currency, isinstance(error, ValueError))
XYZ True
"""

from __future__ import annotations

import reprlib
from typing import Any

__all__ = [
    "AmountTypeError",
    "ArgumentTypeError",
    "AutopayRequiredError",
    "BusinessRuleError",
    "CreditExceedsInvoiceError",
    "CurrencyMismatchError",
    "DateOutOfRangeError",
    "DuplicateNumberError",
    "EInvoiceError",
    "InvalidAllocationError",
    "InvalidAmountError",
    "InvalidContractError",
    "InvalidCountError",
    "InvalidDateError",
    "InvalidDateRangeError",
    "InvalidDiscountError",
    "InvalidDocumentError",
    "InvalidIdentifierError",
    "InvalidInvoiceError",
    "InvalidPartyError",
    "InvalidPortfolioError",
    "InvalidQuantityError",
    "InvalidRateError",
    "InvalidScheduleError",
    "InvalidTextError",
    "InvalidUserCountError",
    "InvalidVatRateError",
    "InvoiceAlreadyPaidError",
    "MissingExtraError",
    "MissingVatIdentifierError",
    "NoExchangeRateError",
    "OverpaymentError",
    "PartOutsidePeriodError",
    "PaxbillError",
    "PaymentBeforeIssueError",
    "PaymentMethodNotAllowedError",
    "PeriodsNotContiguousError",
    "PriceNotInForceError",
    "RegisterError",
    "StatedTotalError",
    "UnknownCurrencyError",
    "UnknownIdError",
    "UnknownLocaleError",
    "UnsupportedLanguageError",
    "UnsupportedTermError",
]


class _Shortened(reprlib.Repr):
    """A value as an error message shows it: short, whatever its size."""

    def repr_int(self, x: int, level: int) -> str:
        try:
            return super().repr_int(x, level)
        except ValueError:  # more digits than Python prints
            return f"<an int of {x.bit_length()} bits>"


_SHORT = _Shortened()
_SHORT.maxlevel = 3
_SHORT.maxstring = 400
_SHORT.maxother = 400
_SHORT.maxlong = 400


def shorten(value: Any) -> str:
    """*value*'s repr, shortened: huge or deeply nested values never fail a message."""
    try:
        return _SHORT.repr(value)
    except Exception:  # a value whose own repr fails
        return f"<a {type(value).__name__}>"


def _named(value: Any) -> str:
    """*value* shortened after a space, or nothing: None is a value missing."""
    return "" if value is None else f" {shorten(value)}"


class PaxbillError(Exception):
    """The base of every error paxbill raises."""


class ArgumentTypeError(PaxbillError, TypeError):
    """An argument is of a type paxbill does not accept.

    Attributes:
        value: the argument as given.
        expected: what paxbill accepts there, in words.
    """

    def __init__(self, value: Any, expected: str, *, what: str = "value") -> None:
        self.value = value
        self.expected = expected
        super().__init__(
            f"{what} must be {expected}, not {type(value).__name__} {shorten(value)}"
        )


class AmountTypeError(ArgumentTypeError):
    """An amount was given as a float, a bool or another inexact type.

    Money is exact: a float such as ``2.55`` is really 2.54999..., so paxbill
    refuses it rather than guess.
    """

    def __init__(self, value: Any, *, what: str = "amount") -> None:
        super().__init__(
            value,
            "a str such as '2.55', an int or a decimal.Decimal "
            "(pass a string or a Decimal, never a float)",
            what=what,
        )


class InvalidAmountError(PaxbillError, ValueError):
    """An amount is not a finite decimal number, or not one paxbill can use.

    Attributes:
        value: the amount as given.
    """

    def __init__(
        self,
        value: Any,
        *,
        what: str = "amount",
        reason: str = "is not a finite decimal number; write it like '178.50'",
    ) -> None:
        self.value = value
        super().__init__(f"{what}{_named(value)} {reason}")


class UnknownCurrencyError(PaxbillError, ValueError):
    """A currency code is not an ISO 4217 code that babel knows.

    Attributes:
        currency: the code as given.
    """

    def __init__(self, currency: Any) -> None:
        self.currency = currency
        super().__init__(
            f"unknown currency {shorten(currency)}: give an ISO 4217 code such as "
            "'EUR' or 'GBP'"
        )


class CurrencyMismatchError(PaxbillError, ValueError):
    """Two amounts of different currencies met in one operation.

    Attributes:
        currency: the currency of the left operand.
        other: the currency of the right operand.
    """

    def __init__(
        self, currency: str, other: str, *, operation: str = "combine"
    ) -> None:
        self.currency = currency
        self.other = other
        super().__init__(
            f"cannot {operation} {currency} and {other}: convert one of them "
            "first with an exchange rate; paxbill never converts implicitly"
        )


class InvalidAllocationError(PaxbillError, ValueError):
    """Weights to allocate an amount by are negative, or total zero.

    Attributes:
        weights: the weights as given.
    """

    def __init__(
        self,
        weights: Any,
        reason: str,
        *,
        advice: str = "give non-negative ints or Decimals with a positive total",
    ) -> None:
        self.weights = weights
        super().__init__(
            f"cannot allocate by weights {shorten(weights)}: {reason}; {advice}"
        )


class InvalidDiscountError(PaxbillError, ValueError):
    """A discount percentage is outside 0 to 100.

    Attributes:
        percent: the percentage as given.
    """

    def __init__(self, percent: Any) -> None:
        self.percent = percent
        super().__init__(
            f"discount {percent}% is outside 0 to 100: give a percentage such as '15'"
        )


class InvalidCountError(PaxbillError, ValueError):
    """A count (of periods, of parts, of users) is out of its range.

    Attributes:
        value: the count as given.
    """

    def __init__(
        self,
        value: Any,
        *,
        what: str = "count",
        reason: str = "is negative: give a whole number 0 or more",
    ) -> None:
        self.value = value
        super().__init__(f"{what}{_named(value)} {reason}")


class InvalidUserCountError(InvalidCountError):
    """A number of users is negative, or beyond any real account.

    Attributes:
        users: the count as given.
    """

    def __init__(self, users: Any, *, reason: str | None = None) -> None:
        self.users = users
        if reason is None:
            super().__init__(users, what="number of users")
        else:
            super().__init__(users, what="number of users", reason=reason)


class UnknownLocaleError(PaxbillError, ValueError):
    """A locale identifier is not one babel knows.

    Attributes:
        locale: the identifier as given.
    """

    def __init__(self, locale: Any) -> None:
        self.locale = locale
        super().__init__(
            f"unknown locale {shorten(locale)}: give an identifier such as 'fr_FR' "
            "or 'en_GB'"
        )


class InvalidDateRangeError(PaxbillError, ValueError):
    """A span of dates ends before it starts.

    Attributes:
        start: the first day of the span.
        end: the day after its last day (spans are half-open).
    """

    def __init__(self, start: Any, end: Any, *, what: str = "period") -> None:
        self.start = start
        self.end = end
        super().__init__(
            f"{what} cannot end on {end} before it starts on {start}: spans are "
            "half-open [start, end), so give an end after the start"
        )


class DateOutOfRangeError(PaxbillError, ValueError):
    """A date that does not exist, or one beyond the calendar Python keeps.

    Attributes:
        day: the date, or the year, month and day, as given.
        reason: what would be out of range.
    """

    def __init__(self, day: Any, change: str = "", *, reason: str = "") -> None:
        self.day = day
        if reason:
            self.reason = reason
            super().__init__(reason)
            return
        self.reason = (
            f"{day} {change} is outside the years 1 to 9999 that dates may have"
        )
        super().__init__(f"{self.reason}: give a shorter span")


class AutopayRequiredError(PaxbillError, ValueError):
    """A system manager's account was made without automatic payment.

    Attributes:
        account_id: the account's identifier.
    """

    def __init__(self, account_id: Any) -> None:
        self.account_id = account_id
        super().__init__(
            f"account {shorten(account_id)} is a system manager's: automatic "
            "payment is mandatory for it, so set autopay=True"
        )


class InvoiceAlreadyPaidError(PaxbillError, ValueError):
    """An invoice that is already paid was paid again.

    Attributes:
        number: the invoice number.
        paid_on: the date of the payment already recorded.
    """

    def __init__(self, number: Any, paid_on: Any) -> None:
        self.number = number
        self.paid_on = paid_on
        super().__init__(
            f"invoice {number} was already paid on {paid_on}: record a payment once"
        )


class PaymentBeforeIssueError(PaxbillError, ValueError):
    """A payment is dated before the invoice it pays was issued.

    Attributes:
        number: the invoice number.
        issue_date: the date the invoice was issued.
        paid_on: the date given for the payment.
    """

    def __init__(self, number: Any, issue_date: Any, paid_on: Any) -> None:
        self.number = number
        self.issue_date = issue_date
        self.paid_on = paid_on
        super().__init__(
            f"invoice {number} was issued on {issue_date} and cannot be paid on "
            f"{paid_on}: give a payment date on or after the issue date"
        )


class PaymentMethodNotAllowedError(PaxbillError, ValueError):
    """A payment method the account may not use.

    Manual payment is for approved installers only; automatic payment needs an
    account with autopay on.

    Attributes:
        account_type: the account's type.
        method: the payment method refused.
    """

    def __init__(self, account_type: Any, method: Any, reason: str) -> None:
        self.account_type = account_type
        self.method = method
        # A PaymentMethod by its value ("manual"), as the user wrote it.
        name = getattr(method, "value", method)
        super().__init__(f"{name} payment is not allowed: {reason}")


class PartOutsidePeriodError(PaxbillError, ValueError):
    """A part to prorate is not within its period.

    Attributes:
        period: the whole period.
        part: the part that reaches outside it.
    """

    def __init__(self, period: Any, part: Any) -> None:
        self.period = period
        self.part = part
        super().__init__(
            f"part {part} is not within period {period}: give a part that starts "
            "on or after the period's start and ends on or before its end"
        )


class PeriodsNotContiguousError(PaxbillError, ValueError):
    """Periods that should follow one another leave a gap or overlap.

    Attributes:
        before: the earlier period.
        after: the period that should start where *before* ends.
    """

    def __init__(self, before: Any, after: Any) -> None:
        self.before = before
        self.after = after
        super().__init__(
            f"period {after} does not start where {before} ends: give periods in "
            "order, each starting on the end of the one before"
        )


class InvalidDocumentError(PaxbillError, ValueError):
    """A JSON-like document does not describe a paxbill object.

    Attributes:
        path: where in the document, such as ``invoices[2].total.amount``.
        reason: what is wrong there.
    """

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class EInvoiceError(InvalidDocumentError):
    """An e-invoice (CII or UBL XML) that paxbill cannot read as a document.

    Attributes:
        term: the business term of EN 16931 at fault, such as ``"BT-112"``,
            or the element where no term is known.
        reason: what is wrong there.
    """

    def __init__(self, term: str, reason: str) -> None:
        self.term = term
        super().__init__(term, reason)


class UnsupportedTermError(EInvoiceError):
    """An e-invoice states something paxbill cannot express: refused, never dropped."""

    def __init__(self, term: str, what: str) -> None:
        super().__init__(
            term, f"the e-invoice states {what}, which paxbill cannot express"
        )


class StatedTotalError(EInvoiceError):
    """A total an e-invoice states is not what its lines and VAT give.

    Attributes:
        stated: the amount the XML states.
        computed: the amount paxbill works out from the rest of it.
    """

    def __init__(self, term: str, stated: Any, computed: Any) -> None:
        self.stated = stated
        self.computed = computed
        super().__init__(
            term, f"the e-invoice states {stated}, its lines and VAT give {computed}"
        )


class UnsupportedLanguageError(PaxbillError, ValueError):
    """A page asked in a language paxbill writes no page in.

    Attributes:
        language: the language asked.
        available: the languages paxbill writes pages in.
    """

    def __init__(self, language: Any, available: Any) -> None:
        self.language = language
        self.available = tuple(available)
        super().__init__(
            f"no page in {shorten(language)}: paxbill writes pages in "
            + ", ".join(self.available)
        )


class RegisterError(PaxbillError, ValueError):
    """A register cannot be opened or refuses a change: the message says why."""


class InvalidTextError(PaxbillError, ValueError):
    """A text holds a character that XML 1.0, and so an e-invoice, cannot carry.

    Attributes:
        what: the field, such as ``"description"``.
        character: the character refused.
    """

    def __init__(self, what: str, character: str) -> None:
        self.what = what
        self.character = character
        super().__init__(
            f"{what} holds U+{ord(character):04X}, a character an e-invoice "
            "cannot carry: remove it"
        )


class MissingExtraError(PaxbillError, ImportError):
    """An optional feature needs a package that is not installed.

    Attributes:
        extra: the paxbill extra that installs it, such as ``"plot"``.
    """

    def __init__(self, extra: str, package: str) -> None:
        self.extra = extra
        super().__init__(
            f"this needs {package}: install it with "
            f"python3 -m pip install 'paxbill[{extra}]'"
        )


class InvalidPortfolioError(PaxbillError, ValueError):
    """A portfolio that does not hold together, or a bad way to bill it.

    Attributes:
        reason: what is wrong.
    """

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(f"{reason}: fix the portfolio or the call")


class InvalidDateError(PaxbillError, ValueError):
    """A date written in a way paxbill cannot read, or not on the calendar.

    Attributes:
        text: the date as written.
    """

    def __init__(self, text: str, reason: str) -> None:
        self.text = text
        super().__init__(f"{shorten(text)} {reason}")


class InvalidContractError(PaxbillError, ValueError):
    """A client contract or an installer's settings that cannot bill, and why."""


class InvalidRateError(PaxbillError, ValueError):
    """An exchange rate of zero or below, or between a currency and itself.

    Attributes:
        rate: the rate as given.
    """

    def __init__(self, rate: Any, reason: str) -> None:
        self.rate = rate
        super().__init__(f"exchange rate {shorten(rate)} {reason}")


class NoExchangeRateError(PaxbillError, ValueError):
    """No rate in a table converts one currency to another on a date.

    Attributes:
        source: the currency to convert from.
        target: the currency to convert to.
        day: the date of the conversion.
    """

    def __init__(self, source: str, target: str, day: Any) -> None:
        self.source = source
        self.target = target
        self.day = day
        super().__init__(
            f"no rate converts {source} to {target} on {day}: add a rate dated "
            "on or before it to the table"
        )


class InvalidScheduleError(PaxbillError, ValueError):
    """A price schedule that does not hold together.

    Attributes:
        reason: what is wrong.
    """

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(f"price schedule: {reason}")


class PriceNotInForceError(PaxbillError, ValueError):
    """A date before the first price of a schedule.

    Attributes:
        day: the date asked for.
        first: the date from which the schedule's first price applies.
    """

    def __init__(self, day: Any, first: Any) -> None:
        self.day = day
        self.first = first
        super().__init__(
            f"no price is in force on {day}: the schedule starts on {first}; "
            "give a price from an earlier date"
        )


class InvalidQuantityError(PaxbillError, ValueError):
    """A quantity on an invoice line that is negative or not a number.

    Attributes:
        quantity: the quantity as given.
    """

    def __init__(self, quantity: Any, reason: str = "is negative") -> None:
        self.quantity = quantity
        super().__init__(
            f"quantity {shorten(quantity)} {reason}: give a count of 0 or more, and "
            "credit what is removed with a credit note"
        )


class InvalidVatRateError(PaxbillError, ValueError):
    """A VAT rate that its category does not allow.

    Attributes:
        category: the VAT category's code, such as ``"S"``.
        rate: the rate as given.
    """

    def __init__(self, category: str, rate: Any, reason: str) -> None:
        self.category = category
        self.rate = rate
        given = "" if rate is None else f" {rate}"
        super().__init__(f"VAT rate{given} for category {category} {reason}")


class InvalidPartyError(PaxbillError, ValueError):
    """A seller or buyer without a name, or with an unknown country code.

    Attributes:
        value: the offending value.
    """

    def __init__(self, value: Any, reason: str) -> None:
        self.value = value
        super().__init__(f"party: {shorten(value)} {reason}")


class InvalidInvoiceError(PaxbillError, ValueError):
    """An invoice or credit note that does not hold together.

    Attributes:
        number: the document's number.
        reason: what is wrong.
        document: what the document is, ``"invoice"`` or ``"credit note"``.
    """

    def __init__(self, number: Any, reason: str, *, document: str = "invoice") -> None:
        self.number = number
        self.reason = reason
        self.document = document
        super().__init__(f"{document} {number}: {reason}")


class BusinessRuleError(InvalidInvoiceError):
    """An invoice or credit note that would break a business rule of EN 16931.

    Attributes:
        number: the document's number.
        rule: the rule's identifier, such as ``"BR-O-02"``.
        reason: what breaks it, and what to do.
    """

    def __init__(
        self, number: Any, rule: str, reason: str, *, document: str = "invoice"
    ) -> None:
        self.rule = rule
        super().__init__(number, reason, document=document)
        self.args = (f"{rule}: {document} {number}: {reason}",)

    def __str__(self) -> str:
        return str(self.args[0])


class MissingVatIdentifierError(BusinessRuleError):
    """A VAT category that needs a party's VAT identifier, and it is missing.

    Attributes:
        number: the document's number.
        rule: the rule broken, such as ``"BR-AE-02"``.
        category: the VAT category's code, such as ``"AE"``.
        party: which party lacks it: ``"seller"`` or ``"buyer"``.
    """

    def __init__(
        self,
        number: Any,
        category: str,
        party: str,
        rule: str,
        *,
        document: str = "invoice",
    ) -> None:
        self.category = category
        self.party = party
        super().__init__(
            number,
            rule,
            f"VAT category {category} needs the {party}'s VAT identifier: "
            f"give the {party} a vat_id",
            document=document,
        )


class InvalidIdentifierError(PaxbillError, ValueError):
    """An identifier that fails its own check: a SIREN, an IBAN, an address.

    Attributes:
        value: the offending value.
        kind: what it was read as, such as ``"SIREN"`` or ``"IBAN"``.
    """

    def __init__(self, value: Any, kind: str, reason: str) -> None:
        self.value = value
        self.kind = kind
        super().__init__(f"{kind}{_named(value)} {reason}")


class OverpaymentError(PaxbillError, ValueError):
    """A payment larger than what is still due on an invoice.

    Attributes:
        number: the invoice's number.
        amount: the payment refused.
        due: what was still due.
    """

    def __init__(self, number: str, amount: Any, due: Any) -> None:
        self.number = number
        self.amount = amount
        self.due = due
        super().__init__(
            f"invoice {number}: a payment of {amount} is more than the {due} "
            "still due; record only what is due and refund the rest"
        )


class CreditExceedsInvoiceError(PaxbillError, ValueError):
    """A credit note that would credit more than was invoiced.

    Attributes:
        number: the invoice's number.
        reason: what would be exceeded.
    """

    def __init__(self, number: str, reason: str) -> None:
        self.number = number
        self.reason = reason
        super().__init__(
            f"invoice {number}: {reason}; a credit never exceeds what was invoiced"
        )


class DuplicateNumberError(PaxbillError, ValueError):
    """A document number that its series has already used.

    Attributes:
        number: the number used twice.
    """

    def __init__(self, number: str) -> None:
        self.number = number
        super().__init__(
            f"number {shorten(number)} is already used: a series issues each number "
            "once; continue it with NumberSeries.continuing(documents)"
        )


class UnknownIdError(PaxbillError, KeyError):
    """An account or site identifier that is not among the results.

    Attributes:
        key: the identifier looked up.
    """

    def __init__(self, key: Any, kind: str) -> None:
        self.key = key
        super().__init__(
            f"no {kind} {shorten(key)} here: look up an id of the portfolio billed"
        )

    def __str__(self) -> str:
        return str(self.args[0])
