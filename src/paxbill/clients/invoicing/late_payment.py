"""Late payment between businesses in France: interest, the EUR 40 indemnity, reminders.

Code de commerce, article L441-10: from the day after the due date, the
amount left unpaid bears interest at the rate the invoice states; article
D441-5 adds a fixed indemnity of EUR 40 per invoice for the costs of
recovery. The interest runs day by day over a 365-day year and is rounded
once, half-up; the indemnity is kept apart.

>>> import datetime as dt
>>> from paxbill import ClientInvoice, ClientInvoiceLine, Money, Party
>>> invoice = ClientInvoice(
...     "F2024-0007", dt.date(2024, 1, 2),
...     Party("Dupont", "FR", vat_id="FR40303265045"), Party("Client", "FR"),
...     [ClientInvoiceLine("Maintenance", 1, Money("1000.00", "EUR"), "E")],
... )
>>> charges = late_payment_charges(invoice, invoice.due_date + dt.timedelta(30),
...                                annual_rate="10.5")
>>> charges.interest, charges.indemnity, charges.days_late
(Money('8.63', 'EUR'), Money('40.00', 'EUR'), 30)
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable
from decimal import Decimal, localcontext
from fractions import Fraction

import attrs

from paxbill.clients.invoicing.invoices import ClientInvoice
from paxbill.core._dates import days_after, to_date
from paxbill.core._exact import money_from_fraction
from paxbill.core._numbers import ARITHMETIC, ExactNumber, to_count, to_decimal
from paxbill.core._validators import instance_of, is_count, is_date
from paxbill.core._values import Revalidated
from paxbill.core.money import Money
from paxbill.exceptions import (
    ArgumentTypeError,
    CurrencyMismatchError,
    InvalidAmountError,
    InvalidCountError,
)

__all__ = [
    "RECOVERY_INDEMNITY",
    "LatePaymentCharges",
    "Reminder",
    "late_payment_charges",
    "reminder_schedule",
]

#: The fixed indemnity for the costs of recovery, per invoice (D441-5).
RECOVERY_INDEMNITY = Money("40.00", "EUR")


def to_annual_rate(value: ExactNumber, *, what: str = "annual_rate") -> Decimal:
    """Return a yearly late-payment rate in percent: exact, 0 or more.

    The one rule for the rate charged (:func:`late_payment_charges`) and the
    rate an invoice states (:func:`~paxbill.invoice_html`).

    Raises:
        InvalidAmountError: the rate is negative, or not a number.

    >>> to_annual_rate("10.5")
    Decimal('10.5')
    """
    rate = to_decimal(value, what=what)
    if rate < 0:
        raise InvalidAmountError(value, what=what, reason="is negative")
    return rate


#: The days of a year of late-payment interest.
DAYS_IN_YEAR = 365


@attrs.frozen
class LatePaymentCharges(Revalidated):
    """What a late payment adds to an invoice: interest and the indemnity, apart.

    Args:
        interest: the interest, rounded half-up once.
        indemnity: the fixed recovery indemnity; zero when not late.
        days_late: the days from the due date to the payment.
        annual_rate: the yearly rate, in percent.
    """

    interest: Money = attrs.field(validator=instance_of(Money, "a Money"))
    indemnity: Money = attrs.field(validator=instance_of(Money, "a Money"))
    days_late: int = attrs.field(validator=is_count)
    annual_rate: Decimal = attrs.field(validator=instance_of(Decimal, "a Decimal"))

    @property
    def total(self) -> Money:
        """Interest plus indemnity."""
        return self.interest + self.indemnity


def _check_invoice(invoice: object) -> ClientInvoice:
    if not isinstance(invoice, ClientInvoice):
        raise ArgumentTypeError(invoice, "a ClientInvoice", what="invoice")
    return invoice


def late_payment_charges(
    invoice: ClientInvoice,
    paid_on: dt.date,
    *,
    annual_rate: ExactNumber,
    indemnity: Money | None = None,
) -> LatePaymentCharges:
    """Return the interest and indemnity due for paying *invoice* on *paid_on*.

    Each day after the due date, up to and including *paid_on*, bears
    interest on what was still due at the end of the day before (payments
    and credit notes recorded on the invoice count), at *annual_rate* / 365.
    The sum is rounded once, half-up. The indemnity is due once the payment
    is late at all.

    Args:
        invoice: the invoice paid late.
        paid_on: the day it was, or will be, paid in full.
        annual_rate: the yearly rate in percent, such as ``"10.5"``; the
            rate the invoice states, at least three times the French legal
            rate.
        indemnity: the fixed indemnity; EUR 40 by default, which must be
            given in the invoice's currency for an invoice in another.

    Raises:
        InvalidAmountError: a negative rate.
        CurrencyMismatchError: the invoice is not in euros and no
            *indemnity* is given in its currency.
    """
    bill = _check_invoice(invoice)
    day = to_date(paid_on, what="paid_on")
    rate = to_annual_rate(annual_rate)
    fixed = RECOVERY_INDEMNITY if indemnity is None else indemnity
    if not isinstance(fixed, Money):
        raise ArgumentTypeError(fixed, "a Money or None", what="indemnity")
    if fixed.currency != bill.currency:
        raise CurrencyMismatchError(
            bill.currency, fixed.currency, operation="charge the indemnity of"
        )
    due = bill.due_date
    days_late = max((day - due).days, 0)
    balances = _day_balances(bill, due, days_after(due, days_late))
    interest = money_from_fraction(
        Fraction(balances) * Fraction(rate) / (100 * DAYS_IN_YEAR), bill.currency
    )
    late = balances > 0  # something was due on a late day; none if not late
    return LatePaymentCharges(
        interest, fixed if late else Money.zero(bill.currency), days_late, rate
    )


def _day_balances(invoice: ClientInvoice, first: dt.date, end: dt.date) -> Decimal:
    """The sum of what is due at the end of each day of ``[first, end)``.

    What is due changes only on the days of payments and credit notes, so
    the days between two of them are summed at once.
    """
    changes = {p.on for p in invoice.payments} | {
        n.issue_date for n in invoice.credit_notes
    }
    # A change outside the span counts from its first day or at its end.
    bounds = sorted({first, end} | {min(max(d, first), end) for d in changes})
    with localcontext(ARITHMETIC):
        return sum(
            (
                invoice.amount_due_on(start).amount * (stop - start).days
                for start, stop in itertools.pairwise(bounds)
            ),
            Decimal(0),
        )


@attrs.frozen
class Reminder(Revalidated):
    """A reminder to send: its day, how late, and what is due then."""

    on: dt.date = attrs.field(validator=is_date)
    days_late: int = attrs.field(validator=is_count)
    amount_due: Money = attrs.field(validator=instance_of(Money, "a Money"))


def _to_days(value: object) -> tuple[int, ...]:
    if not isinstance(value, Iterable) or isinstance(value, str):
        raise ArgumentTypeError(value, "a sequence of whole days", what="after_days")
    days = tuple(to_count(d, what="each of after_days") for d in value)
    for d in days:
        if d < 1:
            raise InvalidCountError(d, what="after_days", reason="is not 1 or more")
    return tuple(sorted(set(days)))


def reminder_schedule(
    invoice: ClientInvoice, *, after_days: Iterable[int] = (7, 15, 30)
) -> tuple[Reminder, ...]:
    """Return the reminders of *invoice*: at its due date + each of *after_days*.

    A reminder is kept only where something is still due on its day, by the
    payments and credit notes recorded.

    >>> import datetime as dt
    >>> from paxbill import ClientInvoice, ClientInvoiceLine, Money, Party
    >>> invoice = ClientInvoice(
    ...     "F2024-0007", dt.date(2024, 1, 2),
    ...     Party("Dupont", "FR", vat_id="FR40303265045"), Party("Client", "FR"),
    ...     [ClientInvoiceLine("Maintenance", 1, Money("100.00", "EUR"), "S", "20")],
    ... ).pay(Money("120.00", "EUR"), dt.date(2024, 2, 20))
    >>> [(r.on.isoformat(), r.days_late) for r in reminder_schedule(invoice)]
    [('2024-02-08', 7), ('2024-02-16', 15)]
    """
    bill = _check_invoice(invoice)
    reminders = []
    for days in _to_days(after_days):
        on = days_after(bill.due_date, days)
        due = bill.amount_due_on(on)
        if due:
            reminders.append(Reminder(on, days, due))
    return tuple(reminders)
