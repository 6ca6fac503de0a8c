"""Paxton's monthly invoices: lines, payment and state on any date.

An invoice bills the app users of one usage month, in arrears: it is issued on
the period's end, the 1st of the next month. Its state is never stored; it is
worked out for the date asked.

>>> from datetime import date
>>> from paxbill import Account, AccountType, BillingPeriod, Money, PerUserPrice
>>> account = Account("INST-1", AccountType.APPROVED_INSTALLER)
>>> price = PerUserPrice(Money("3.00", "EUR"), 15)
>>> invoice = issue_invoice("335217", account, price, 70, BillingPeriod.month(2024, 4))
>>> invoice.issue_date, invoice.due_date, invoice.total
(datetime.date(2024, 5, 1), datetime.date(2024, 5, 31), Money('178.50', 'EUR'))
>>> invoice.status_on(date(2024, 6, 5))
<InvoiceStatus.OVERDUE: 'overdue'>
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable

import attrs

from paxbill.core._dates import days_after, first_of_month, to_date
from paxbill.core._notebook import ShowsInNotebook
from paxbill.core._numbers import to_user_count
from paxbill.core._validators import instance_of, is_date
from paxbill.core._values import Revalidated
from paxbill.core.money import Money, total
from paxbill.core.periods import BillingPeriod
from paxbill.core.pricing import PerUserPrice
from paxbill.core.schedules import PriceSchedule, price_on
from paxbill.exceptions import (
    ArgumentTypeError,
    CurrencyMismatchError,
    InvoiceAlreadyPaidError,
    PaymentBeforeIssueError,
)
from paxbill.paxton.accounts import Account, PaymentMethod, check_payment_method
from paxbill.paxton.app_users import AppUser
from paxbill.paxton.counting import active_users

__all__ = [
    "Invoice",
    "InvoiceLine",
    "InvoiceStatus",
    "Payment",
    "count_users",
    "estimate_next_invoice",
    "issue_invoice",
]

#: What the line of a Paxton invoice counts.
APP_USERS = "Entry app users"


class InvoiceStatus(enum.Enum):
    """The state of an invoice on a given date."""

    INVOICED = "invoiced"
    OVERDUE = "overdue"
    PAID = "paid"


@attrs.frozen
class InvoiceLine(Revalidated):
    """One line of an invoice: *quantity* x *unit_price* = :attr:`amount`.

    >>> line = InvoiceLine("Entry app users", 70, Money("2.55", "EUR"))
    >>> str(line)
    'Entry app users: 70 x 2.55 EUR = 178.50 EUR'
    """

    description: str = attrs.field(validator=instance_of(str, "a str"))
    quantity: int = attrs.field(converter=to_user_count)
    unit_price: Money = attrs.field(validator=instance_of(Money, "a Money"))
    # Worked out once: the invoice's total, its JSON and its views read it.
    _amount: Money = attrs.field(init=False, repr=False, eq=False, alias="_amount")

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_amount", self.unit_price * self.quantity)

    @property
    def amount(self) -> Money:
        """The line's amount, quantity times unit price, exact."""
        return self._amount

    def __str__(self) -> str:
        return (
            f"{self.description}: {self.quantity} x {self.unit_price} = {self.amount}"
        )


@attrs.frozen
class Payment(Revalidated):
    """A payment of an invoice: the day it was made and how.

    >>> Payment(dt.date(2024, 4, 12), PaymentMethod.MANUAL).method.value
    'manual'
    """

    on: dt.date = attrs.field(validator=is_date)
    method: PaymentMethod = attrs.field(
        validator=instance_of(PaymentMethod, "a PaymentMethod")
    )


def _to_lines(value: Iterable[InvoiceLine]) -> tuple[InvoiceLine, ...]:
    if type(value) is tuple:
        lines: tuple[InvoiceLine, ...] = value
    elif isinstance(value, InvoiceLine | str) or not isinstance(value, Iterable):
        raise ArgumentTypeError(value, "a sequence of InvoiceLine", what="lines")
    else:
        lines = tuple(value)
    if not lines:
        raise ArgumentTypeError(lines, "at least one InvoiceLine", what="lines")
    for line in lines:
        if not isinstance(line, InvoiceLine):
            raise ArgumentTypeError(line, "an InvoiceLine", what="each line")
    currency = lines[0].unit_price.currency
    for line in lines[1:]:
        if line.unit_price.currency != currency:
            raise CurrencyMismatchError(
                currency, line.unit_price.currency, operation="invoice"
            )
    return lines


#: The most digits an invoice number given as an int may have.
MAX_NUMBER_DIGITS = 30


def _to_number(value: object) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        if abs(value) >= 10**MAX_NUMBER_DIGITS:
            raise ArgumentTypeError(
                value, f"a number of 0 to {MAX_NUMBER_DIGITS} digits", what="number"
            )
        return str(value)
    if isinstance(value, str) and value:
        return value
    raise ArgumentTypeError(value, "a non-empty str or an int", what="number")


def _default_issue_date(invoice: Invoice) -> dt.date:
    return invoice.period.end


def _check_payment(
    invoice: Invoice,
    attribute: attrs.Attribute[Payment | None],
    payment: Payment | None,
) -> None:
    if payment is None:
        return
    if not isinstance(payment, Payment):
        raise ArgumentTypeError(payment, "a Payment or None", what="payment")
    if payment.on < invoice.issue_date:
        raise PaymentBeforeIssueError(invoice.number, invoice.issue_date, payment.on)
    check_payment_method(invoice.account, payment.method)


@attrs.frozen
class Invoice(ShowsInNotebook, Revalidated):
    """A Paxton invoice for one usage period of one account.

    Args:
        number: the invoice number, such as ``"335218"``.
        account: the :class:`~paxbill.Account` billed.
        period: the usage period billed, in arrears.
        lines: what is billed; at least one line, all in one currency.
        issue_date: the day it is issued; by default the period's end.
        payment: the recorded :class:`Payment`, or None while unpaid.

    Raises:
        PaymentBeforeIssueError: *payment* is dated before *issue_date*.
        PaymentMethodNotAllowedError: *payment*'s method is not allowed for
            the account.
    """

    number: str = attrs.field(converter=_to_number)
    account: Account = attrs.field(validator=instance_of(Account, "an Account"))
    period: BillingPeriod = attrs.field(
        validator=instance_of(BillingPeriod, "a BillingPeriod")
    )
    lines: tuple[InvoiceLine, ...] = attrs.field(converter=_to_lines)
    issue_date: dt.date = attrs.field(
        default=attrs.Factory(_default_issue_date, takes_self=True),
        validator=is_date,
    )
    payment: Payment | None = attrs.field(default=None, validator=_check_payment)
    # The sum of the lines and the due date, worked out once: they are read
    # far more often (states, lists, JSON) than invoices are made.
    _total: Money = attrs.field(init=False, repr=False, eq=False, alias="_total")
    _due_date: dt.date = attrs.field(
        init=False, repr=False, eq=False, alias="_due_date"
    )

    def __attrs_post_init__(self) -> None:
        amounts = [line.amount for line in self.lines]
        # The lines are of one currency, checked as they were read.
        object.__setattr__(self, "_total", total(amounts))
        object.__setattr__(self, "_due_date", self.account.due_date(self.issue_date))

    @property
    def currency(self) -> str:
        """The currency of every line."""
        return self.lines[0].unit_price.currency

    @property
    def total(self) -> Money:
        """The sum of the lines."""
        return self._total

    @property
    def due_date(self) -> dt.date:
        """The day the invoice falls due, by the account's type."""
        return self._due_date

    @property
    def autopay_date(self) -> dt.date | None:
        """The day automatic payment is taken, or None if autopay is off."""
        return self.account.autopay_date(self.issue_date)

    @property
    def method(self) -> PaymentMethod | None:
        """How it was paid, the portal's *type*; None ("-") while unpaid."""
        return None if self.payment is None else self.payment.method

    def status_on(self, as_of: dt.date) -> InvoiceStatus:
        """Return the invoice's state on *as_of*.

        Paid if a payment was recorded on or before *as_of*; otherwise overdue
        if *as_of* is after the due date; otherwise invoiced.
        """
        day = to_date(as_of, what="as_of")
        if self.payment is not None and self.payment.on <= day:
            return InvoiceStatus.PAID
        if day > self.due_date:
            return InvoiceStatus.OVERDUE
        return InvoiceStatus.INVOICED

    def pay(self, on: dt.date, method: PaymentMethod) -> Invoice:
        """Return this invoice with a payment made *on* a day by *method*.

        Raises:
            InvoiceAlreadyPaidError: a payment is already recorded.
            PaymentBeforeIssueError: *on* is before the issue date.
            PaymentMethodNotAllowedError: the account may not pay by *method*.

        >>> from paxbill import AccountType, Money
        >>> account = Account("INST-1", AccountType.APPROVED_INSTALLER)
        >>> line = InvoiceLine(APP_USERS, 70, Money("2.55", "EUR"))
        >>> invoice = Invoice("335216", account, BillingPeriod.month(2024, 3), [line])
        >>> invoice.pay(dt.date(2024, 4, 15), PaymentMethod.MANUAL).status_on(
        ...     dt.date(2024, 6, 5)
        ... )
        <InvoiceStatus.PAID: 'paid'>
        """
        if self.payment is not None:
            raise InvoiceAlreadyPaidError(self.number, self.payment.on)
        return attrs.evolve(self, payment=Payment(on, method))


# issue_invoice checks the parts of its invoice before it makes it: the
# invoice is then built by setting its fields, without checking them again,
# and works out its own figures as the constructors do.
_new = object.__new__
_set_description, _set_quantity, _set_unit_price = (
    vars(InvoiceLine)[name].__set__
    for name in ("description", "quantity", "unit_price")
)
_set_number, _set_account, _set_period = (
    vars(Invoice)[name].__set__ for name in ("number", "account", "period")
)
_set_lines, _set_issue_date, _set_payment = (
    vars(Invoice)[name].__set__ for name in ("lines", "issue_date", "payment")
)
_set_amount = vars(InvoiceLine)["_amount"].__set__
_set_total, _set_due_date = (
    vars(Invoice)[name].__set__ for name in ("_total", "_due_date")
)


def _issued(
    number: str, account: Account, period: BillingPeriod, users: int, unit_price: Money
) -> Invoice:
    """The invoice of *users* at *unit_price*, its parts checked by the caller.

    The same invoice as ``Invoice(number, account, period, [InvoiceLine(
    APP_USERS, users, unit_price)])``: issued on the period's end, unpaid.
    """
    # The figures of __attrs_post_init__, for the one line it would read.
    amount = unit_price * users
    line = _new(InvoiceLine)
    _set_description(line, APP_USERS)
    _set_quantity(line, users)
    _set_unit_price(line, unit_price)
    _set_amount(line, amount)
    invoice = _new(Invoice)
    _set_number(invoice, number)
    _set_account(invoice, account)
    _set_period(invoice, period)
    _set_lines(invoice, (line,))
    _set_issue_date(invoice, period.end)
    _set_payment(invoice, None)
    _set_total(invoice, total((amount,)))
    _set_due_date(invoice, account.due_date(period.end))
    return invoice


def count_users(users: int | Iterable[AppUser], period: BillingPeriod) -> int:
    """Return *users* as a count: an int as it is, AppUsers active in *period*.

    Raises:
        InvalidUserCountError: a negative count.
    """
    if isinstance(users, int) and not isinstance(users, bool):
        return to_user_count(users)
    if isinstance(users, Iterable):
        return active_users(users, period)
    raise ArgumentTypeError(users, "an int or AppUsers", what="users")


def issue_invoice(
    number: str | int,
    account: Account,
    price: PerUserPrice | PriceSchedule,
    users: int | Iterable[AppUser],
    period: BillingPeriod,
) -> Invoice:
    """Bill the users of one usage *period* at *price*, in arrears.

    Args:
        number: the invoice number.
        account: the account billed.
        price: the price per user per month; its net unit price is billed.
            From a :class:`~paxbill.PriceSchedule`, the price in force on
            the usage period's first day.
        users: a number of users, or AppUsers counted with
            :func:`~paxbill.active_users` for *period*.
        period: the usage period; the invoice is issued on its end.

    >>> from paxbill import AccountType, Money
    >>> account = Account("SM-1", AccountType.SYSTEM_MANAGER)
    >>> price = PerUserPrice(Money("3.00", "EUR"), 15)
    >>> invoice = issue_invoice(1, account, price, 70, BillingPeriod.month(2024, 5))
    >>> str(invoice.lines[0])
    'Entry app users: 70 x 2.55 EUR = 178.50 EUR'
    >>> invoice.due_date
    datetime.date(2024, 6, 1)
    """
    if not isinstance(period, BillingPeriod):
        raise ArgumentTypeError(period, "a BillingPeriod", what="period")
    in_force = price_on(price, period.start)
    if not isinstance(in_force, PerUserPrice):
        raise ArgumentTypeError(
            price, "a PerUserPrice or a PriceSchedule of them", what="price"
        )
    quantity = count_users(users, period)
    checked = _to_number(number)
    if not isinstance(account, Account):
        raise ArgumentTypeError(account, "an Account", what="account")
    return _issued(checked, account, period, quantity, in_force.net)


def estimate_next_invoice(
    price: PerUserPrice | PriceSchedule,
    users: int | Iterable[AppUser],
    *,
    as_of: dt.date | None = None,
) -> Money:
    """Return the amount of the next invoice, as the portal estimates it.

    The next invoice bills the current month in arrears. Given a number of
    users, it is that many at the net price. Given AppUsers, it counts those
    active on at least one day of *as_of*'s month up to *as_of* included: the
    users already billable, today's among them. From a
    :class:`~paxbill.PriceSchedule`, the price is the one in force on the 1st
    of *as_of*'s month.

    Raises:
        ArgumentTypeError: AppUsers, or a schedule, without an *as_of* date.

    >>> from paxbill import Money
    >>> estimate_next_invoice(PerUserPrice(Money("3.00", "EUR"), 15), 70)
    Money('178.50', 'EUR')
    """
    if isinstance(users, int) and not isinstance(price, PriceSchedule):
        if not isinstance(price, PerUserPrice):
            raise ArgumentTypeError(price, "a PerUserPrice", what="price")
        return price.monthly_total(users)
    if as_of is None:
        raise ArgumentTypeError(
            as_of, "a date when users are AppUsers or prices dated", what="as_of"
        )
    day = to_date(as_of, what="as_of")
    in_force = price_on(price, first_of_month(day))
    if not isinstance(in_force, PerUserPrice):
        raise ArgumentTypeError(
            price, "a PerUserPrice or a PriceSchedule of them", what="price"
        )
    month_to_date = BillingPeriod(first_of_month(day), days_after(day, 1))
    return in_force.monthly_total(count_users(users, month_to_date))
