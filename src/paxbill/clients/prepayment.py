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
from collections.abc import Iterable

import attrs

from paxbill.clients.proration import ProrationMethod, anchor_months, prorate
from paxbill.core._dates import months_after, to_date
from paxbill.core._notebook import ShowsInNotebook
from paxbill.core._numbers import to_count, to_user_count
from paxbill.core._validators import instance_of
from paxbill.core._values import Revalidated
from paxbill.core.money import Money, total
from paxbill.core.periods import (
    BillingPeriod,
    Frequency,
    to_frequency,
)
from paxbill.core.pricing import PerUserPrice
from paxbill.core.schedules import PriceSchedule
from paxbill.exceptions import (
    ArgumentTypeError,
    CurrencyMismatchError,
    InvalidCountError,
    PartOutsidePeriodError,
)

__all__ = [
    "PrepaymentQuote",
    "coterm_adjustment",
    "coterm_month_prices",
    "monthly_unit_prices",
    "prepayment_total",
    "quote_prepayment",
    "term_bill",
    "unit_price_of",
]


def unit_price_of(price: Money | PerUserPrice | PriceSchedule) -> Money:
    """Return the monthly price per user that a client is billed.

    A Money is taken as it is; a PerUserPrice gives its (rounded) net; a
    PriceSchedule, its first price's.
    """
    if isinstance(price, PriceSchedule):
        price = price.entries[0][1]  # type: ignore[assignment]
    if isinstance(price, PerUserPrice):
        return price.net
    if isinstance(price, Money):
        return price
    raise ArgumentTypeError(
        price, "a Money, a PerUserPrice or a PriceSchedule of them", what="price"
    )


def monthly_unit_prices(
    price: Money | PerUserPrice | PriceSchedule, start: dt.date, months: int
) -> tuple[Money, ...]:
    """The price per user in force for each month of a term from *start*.

    Each month's price is the one in force on its first day (start + k
    months).

    >>> monthly_unit_prices(Money("2.50", "GBP"), dt.date(2024, 1, 1), 2)
    (Money('2.50', 'GBP'), Money('2.50', 'GBP'))
    """
    if not isinstance(price, PriceSchedule):
        return (unit_price_of(price),) * months
    return tuple(unit_price_of(price.on(months_after(start, k))) for k in range(months))


def price_runs(
    prices: tuple[Money, ...], start: dt.date
) -> tuple[tuple[BillingPeriod, int, Money], ...]:
    """The runs of months at one price of a term from *start*, in order.

    Each is its period, its number of months and its price: what a quote
    shows and an invoice bills on one line.

    >>> runs = price_runs((Money("4.00", "EUR"),) * 2 + (Money("4.50", "EUR"),),
    ...                   dt.date(2024, 1, 1))
    >>> [(str(period), months, str(price)) for period, months, price in runs]
    [('2024-01-01/2024-03-01', 2, '4.00 EUR'), ('2024-03-01/2024-04-01', 1, '4.50 EUR')]
    """
    runs, first = [], 0
    for k in range(1, len(prices) + 1):
        if k == len(prices) or prices[k] != prices[first]:
            period = BillingPeriod(months_after(start, first), months_after(start, k))
            runs.append((period, k - first, prices[first]))
            first = k
    return tuple(runs)


def term_bill(prices: tuple[Money, ...], users: int) -> Money:
    """What a term billed in advance costs: its monthly prices x users, rounded once.

    >>> term_bill((Money("2.50", "GBP"),) * 12, 1)
    Money('30.00', 'GBP')
    """
    return (total(prices) * to_user_count(users)).round()


def _to_prices(value: Iterable[Money]) -> tuple[Money, ...]:
    return tuple(value)


def _check_monthly_prices(
    instance: PrepaymentQuote,
    attribute: attrs.Attribute[tuple[Money, ...]],
    prices: tuple[Money, ...],
) -> None:
    if not prices:
        return
    if len(prices) != instance.months:
        raise InvalidCountError(
            len(prices),
            what="number of monthly prices",
            reason=f"is not the term's {instance.months} months: give one a month",
        )
    for price in prices:
        if not isinstance(price, Money):
            raise ArgumentTypeError(price, "a Money", what="each monthly price")
        if price.currency != instance.unit_price.currency:
            raise CurrencyMismatchError(
                instance.unit_price.currency, price.currency, operation="quote"
            )


@attrs.frozen
class PrepaymentQuote(ShowsInNotebook, Revalidated):
    """What to bill a client in advance for *users* over *period*.

    Args:
        unit_price: the price per user per month billed (the first month's).
        users: the number of app users.
        frequency: the billing frequency: the term is ``frequency.months`` long.
        period: the term billed, ``[start, start + months)``.
        monthly_prices: the price in force for each month of the term, where
            it changes during the term; empty when it is *unit_price* for all.
    """

    unit_price: Money = attrs.field(validator=instance_of(Money, "a Money"))
    users: int = attrs.field(converter=to_user_count)
    frequency: Frequency = attrs.field(converter=to_frequency)
    period: BillingPeriod = attrs.field(
        validator=instance_of(BillingPeriod, "a BillingPeriod")
    )
    monthly_prices: tuple[Money, ...] = attrs.field(
        default=(), converter=_to_prices, validator=_check_monthly_prices
    )

    @property
    def months(self) -> int:
        """The number of months billed."""
        return self.frequency.months

    @property
    def prices(self) -> tuple[Money, ...]:
        """The price per user in force for each month of the term."""
        return self.monthly_prices or (self.unit_price,) * self.months

    @property
    def total(self) -> Money:
        """Each month's price x users, summed and rounded once, half-up."""
        return term_bill(self.prices, self.users)


def prepayment_total(unit_price: Money, users: int, months: int) -> Money:
    """What a term billed in advance costs: unit price x users x months, rounded once.

    >>> prepayment_total(Money("2.50", "GBP"), 1, 12)
    Money('30.00', 'GBP')
    """
    return (unit_price * (users * months)).round()


def quote_prepayment(
    price: Money | PerUserPrice | PriceSchedule,
    users: int,
    frequency: Frequency,
    start: dt.date,
) -> PrepaymentQuote:
    """Quote *users* at *price* a month for the term of *frequency* from *start*.

    Args:
        price: the price per user per month to the client, a Money, or a
            PerUserPrice whose net is used, or a PriceSchedule of either:
            each month of the term is billed at the price in force on its
            first day.
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
    period = BillingPeriod(first, months_after(first, frequency.months))
    prices = monthly_unit_prices(price, first, frequency.months)
    changes = prices if len(set(prices)) > 1 else ()
    return PrepaymentQuote(prices[0], users, frequency, period, changes)


def coterm_month_prices(
    quote: PrepaymentQuote, users_change: int, on: dt.date
) -> tuple[Money, ...]:
    """The price per user of each month of the term a co-term change bills.

    Added users pay for every month they are active in, from the one that
    holds *on*; removed ones stay billed for those they were active in, so
    only the months that start on or after *on* are credited.
    """
    return tuple(
        price
        for month, price in zip(anchor_months(quote.period), quote.prices, strict=True)
        if (month.end > on if users_change >= 0 else month.start >= on)
    )


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
    if day not in term:
        raise PartOutsidePeriodError(term, day)
    users = abs(change)
    if method is ProrationMethod.ACTIVE_MONTHS:
        billed = coterm_month_prices(quote, change, day)
        share = (total(billed, quote.unit_price.currency) * users).round()
    else:
        full_term = total(quote.prices) * users
        share = prorate(full_term, term, BillingPeriod(day, term.end), method=method)
    return share if change >= 0 else -share
