"""Prepayment: billing a client a quarter or a year in advance, and co-terming.

The note's UK example: one app user at GBP 2.50 a month is GBP 30.00 a year.

>>> from datetime import date
>>> from paxbill import BillingFrequency, Money
>>> annual = BillingFrequency.ANNUAL
>>> quote = quote_prepayment(Money("2.50", "GBP"), 1, annual, date(2024, 1, 1))
>>> quote.total, str(quote.period)
(Money('30.00', 'GBP'), '2024-01-01/2025-01-01')
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import attrs
from dateutil.relativedelta import relativedelta

from paxbill.clients.proration import ProrationMethod, anchor_months, prorate
from paxbill.core._dates import to_date
from paxbill.core._exact import scale
from paxbill.core._numbers import to_count, to_user_count
from paxbill.core._validators import instance_of
from paxbill.core.money import Money
from paxbill.core.periods import (
    BillingPeriod,
    Frequency,
    to_frequency,
)
from paxbill.core.pricing import PerUserPrice
from paxbill.exceptions import (
    ArgumentTypeError,
    PartOutsidePeriodError,
)

__all__ = [
    "PrepaymentQuote",
    "coterm_adjustment",
    "prepayment_total",
    "quote_prepayment",
]


def unit_price_of(price: Money | PerUserPrice) -> Money:
    """Return the monthly price per user that a client is billed.

    A Money is taken as it is; a PerUserPrice gives its (rounded) net.
    """
    if isinstance(price, PerUserPrice):
        return price.net
    if isinstance(price, Money):
        return price
    raise ArgumentTypeError(price, "a Money or a PerUserPrice", what="price")


@attrs.frozen
class PrepaymentQuote:
    """What to bill a client in advance for *users* over *period*.

    Args:
        unit_price: the price per user per month billed.
        users: the number of app users.
        frequency: the billing frequency: the term is ``frequency.months`` long.
        period: the term billed, ``[start, start + months)``.
    """

    unit_price: Money = attrs.field(validator=instance_of(Money, "a Money"))
    users: int = attrs.field(converter=to_user_count)
    frequency: Frequency = attrs.field(converter=to_frequency)
    period: BillingPeriod = attrs.field(
        validator=instance_of(BillingPeriod, "a BillingPeriod")
    )

    @property
    def months(self) -> int:
        """The number of months billed."""
        return self.frequency.months

    @property
    def total(self) -> Money:
        """Unit price x users x months, rounded once, half-up."""
        return prepayment_total(self.unit_price, self.users, self.months)


def prepayment_total(unit_price: Money, users: int, months: int) -> Money:
    """What a term billed in advance costs: unit price x users x months, rounded once.

    >>> prepayment_total(Money("2.50", "GBP"), 1, 12)
    Money('30.00', 'GBP')
    """
    return (unit_price * (users * months)).round()


def quote_prepayment(
    price: Money | PerUserPrice,
    users: int,
    frequency: Frequency,
    start: dt.date,
) -> PrepaymentQuote:
    """Quote *users* at *price* a month for the term of *frequency* from *start*.

    Args:
        price: the price per user per month to the client, a Money, or a
            PerUserPrice whose net is used.
        users: the number of app users, 0 or more.
        frequency: monthly, quarterly (3 months), annual (12 months), or a
            :class:`~paxbill.BillingTerm` of any months.
        start: the first day of the term.

    >>> from paxbill import BillingFrequency
    >>> quarter = quote_prepayment(
    ...     Money("2.50", "GBP"), 1, BillingFrequency.QUARTERLY, dt.date(2024, 1, 1)
    ... )
    >>> quarter.total, quarter.period.end
    (Money('7.50', 'GBP'), datetime.date(2024, 4, 1))
    """
    frequency = to_frequency(frequency)
    first = to_date(start, what="start")
    period = BillingPeriod(first, first + relativedelta(months=frequency.months))
    return PrepaymentQuote(unit_price_of(price), users, frequency, period)


def coterm_adjustment(
    quote: PrepaymentQuote,
    users_change: int,
    on: dt.date,
    *,
    method: ProrationMethod = ProrationMethod.ACTIVE_MONTHS,
) -> Money:
    """Return the charge, or credit, for users added or removed mid-term.

    The change is priced from what the quote billed per user (the
    discounted price, not the list price), over the rest of the term from
    *on*, and rounded once.

    By default it follows what Paxton bills: a month of the term (from its
    start, start + k months) counts whole when a user is active on any day
    of it. Users added on *on* are charged for every month from the one that
    holds *on*; users removed on *on* are credited only the months that
    start on or after it, as Paxton still bills the month they were active
    in. By days or by months, the change is prorated from *on* to the end.

    Args:
        quote: the prepaid term.
        users_change: users added (positive) or removed (negative).
        on: the day the change takes effect, within the term.
        method: the proration basis; by active months by default.

    Returns:
        A positive amount to charge, or a negative one to credit.

    Raises:
        PartOutsidePeriodError: *on* is not within the term.

    >>> from paxbill import BillingFrequency
    >>> quarter = quote_prepayment(
    ...     Money("2.55", "EUR"), 70, BillingFrequency.QUARTERLY, dt.date(2024, 1, 1)
    ... )
    >>> coterm_adjustment(quarter, 5, dt.date(2024, 2, 15))
    Money('25.50', 'EUR')
    >>> coterm_adjustment(quarter, -5, dt.date(2024, 2, 15))
    Money('-12.75', 'EUR')
    >>> coterm_adjustment(quarter, 5, dt.date(2024, 2, 15), method=ProrationMethod.DAYS)
    Money('19.34', 'EUR')
    """
    if not isinstance(quote, PrepaymentQuote):
        raise ArgumentTypeError(quote, "a PrepaymentQuote", what="quote")
    if not isinstance(method, ProrationMethod):
        raise ArgumentTypeError(method, "a ProrationMethod", what="method")
    change = to_count(users_change, what="users_change")
    day = to_date(on, what="on")
    term = quote.period
    full_term = quote.unit_price * (abs(change) * quote.months)
    if day not in term:
        raise PartOutsidePeriodError(term, day)
    if method is ProrationMethod.ACTIVE_MONTHS and change < 0:
        # Removed users stay billed for every month they were active in.
        months = anchor_months(term)
        unbilled = sum(1 for month in months if month.start >= day)
        share = scale(full_term, Fraction(unbilled, len(months)))
    else:
        share = prorate(full_term, term, BillingPeriod(day, term.end), method=method)
    return share if change >= 0 else -share
