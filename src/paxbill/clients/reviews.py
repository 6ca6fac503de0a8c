"""The monthly review the note advises: does a prepaid balance pay Paxton?

Each usage month of the term brings one Paxton charge; the review lists those
still to be paid and says how many the balance pays, what is missing and when
it runs out.

>>> from datetime import date
>>> from paxbill import Money
>>> review = review_balance(
...     Money("200.00", "GBP"), Money("25.00", "GBP"), as_of=date(2024, 4, 1),
...     term_start=date(2024, 1, 1), term_end=date(2025, 1, 1),
... )
>>> review.months_remaining, review.months_covered, review.shortfall, review.runs_out_on
(10, 8, Money('50.00', 'GBP'), datetime.date(2024, 12, 1))

March's charge falls on the review day, 1 April, so it is still to come: ten
charges of GBP 25.00 remain, from 1 April to 1 January. GBP 200.00 pays eight;
the ninth, on 1 December, is the first it cannot pay.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Collection
from fractions import Fraction
from functools import lru_cache

import attrs

from paxbill.core._dates import (
    days_after,
    first_of_month,
    first_of_month_from,
    to_date,
)
from paxbill.core._notebook import ShowsInNotebook
from paxbill.core._validators import instance_of, optional_of, tuple_of
from paxbill.core._values import Revalidated
from paxbill.core.exchange import RateTable
from paxbill.core.money import Money, total
from paxbill.core.periods import BillingPeriod
from paxbill.core.schedules import PriceSchedule
from paxbill.exceptions import (
    ArgumentTypeError,
    CurrencyMismatchError,
    InvalidAmountError,
    InvalidDateRangeError,
)
from paxbill.paxton.accounts import (
    DEFAULT_CREDIT_DAYS,
    AccountType,
    due_date,
    to_account_type,
    to_credit_days,
)

__all__ = [
    "BalanceReview",
    "monthly_charge_dates",
    "review_balance",
    "term_usage_months",
]


def term_usage_months(
    term_start: dt.date, term_end: dt.date
) -> tuple[BillingPeriod, ...]:
    """Return the usage months of a term: the calendar months that start in it.

    Paxton bills calendar months, each on the 1st of the next. A term's
    usage months are those whose first day falls in ``[term_start,
    term_end)``, so that consecutive terms share none.

    >>> [str(m) for m in term_usage_months(dt.date(2024, 1, 15), dt.date(2024, 4, 15))]
    ['2024-02-01/2024-03-01', '2024-03-01/2024-04-01', '2024-04-01/2024-05-01']
    """
    first = first_of_month_from(to_date(term_start, what="term_start"))
    end = to_date(term_end, what="term_end")
    months = []
    while first < end:
        month = BillingPeriod.month(first.year, first.month)
        months.append(month)
        first = month.end
    return tuple(months)


def monthly_charge_dates(
    as_of: dt.date,
    term_end: dt.date,
    *,
    term_start: dt.date | None = None,
    account_type: AccountType = AccountType.SYSTEM_MANAGER,
    credit_days: int = DEFAULT_CREDIT_DAYS,
) -> tuple[dt.date, ...]:
    """Return the days the term's remaining Paxton charges are paid.

    Each usage month of the term is invoiced on the 1st of the next month
    and paid on its due date: that day for a system manager (by automatic
    payment), *credit_days* later for an approved installer. The charges
    still to come are those paid on or after *as_of*: without *term_start*,
    every such charge of a usage month before *term_end*, the previous
    months' unpaid ones included; *term_start* only bounds them.

    Raises:
        InvalidDateRangeError: *as_of* is after *term_end*, or *term_start*
            is after *term_end*.

    >>> monthly_charge_dates(dt.date(2024, 10, 15), dt.date(2025, 1, 1))
    (datetime.date(2024, 11, 1), datetime.date(2024, 12, 1), datetime.date(2025, 1, 1))
    """
    return remaining_charges(as_of, term_end, term_start, account_type, credit_days)[1]


def remaining_charges(
    as_of: object,
    term_end: object,
    term_start: object,
    account_type: AccountType,
    credit_days: int,
) -> tuple[tuple[BillingPeriod, ...], tuple[dt.date, ...]]:
    """The usage months whose charge is paid on or after *as_of*, and their days."""
    day = to_date(as_of, what="as_of")
    end = to_date(term_end, what="term_end")
    if day > end:
        raise InvalidDateRangeError(day, end, what="the review from as_of to term_end")
    rules = to_account_type(account_type), to_credit_days(credit_days)
    if term_start is None:
        # Every charge still to be paid: the usage months far enough back
        # that their charge, paid after the credit period, may fall on or
        # after the review day (the filter in _charges keeps just those).
        start = first_of_month(days_after(day, -(rules[1] + 31)))
    else:
        start = to_date(term_start, what="term_start")
    if start > end:
        raise InvalidDateRangeError(
            start, end, what="the term reviewed, from term_start to term_end"
        )
    return _charges(start, end, *rules, day)


@lru_cache(maxsize=4096)
def _charges(
    start: dt.date,
    end: dt.date,
    account_type: AccountType,
    credit_days: int,
    day: dt.date,
) -> tuple[tuple[BillingPeriod, ...], tuple[dt.date, ...]]:
    # Cached: a portfolio reviews thousands of sites on the same dates.
    charges = [
        (month, due_date(account_type, month.end, credit_days=credit_days))
        for month in term_usage_months(start, end)
    ]
    remaining = [(month, paid) for month, paid in charges if paid >= day]
    return tuple(m for m, _ in remaining), tuple(p for _, p in remaining)


@attrs.frozen
class BalanceReview(ShowsInNotebook, Revalidated):
    """The outcome of a prepaid-balance review.

    Args:
        balance: the balance for the term's remaining charges.
        monthly_cost: what each remaining monthly charge takes (the first,
            where prices change).
        charge_dates: the days the remaining charges are paid, in order.
        usage_months: the usage month each remaining charge bills.
        charge_amounts: what each remaining charge takes, where prices
            change during the term; empty when each is *monthly_cost*.
        paxton_charges: where Paxton is paid in another currency than the
            balance's, each remaining charge in Paxton's currency.
        exchange_result: then, what the rates of the charges' days gain
            (positive) or lose (negative) against the rate of the review day.
    """

    balance: Money = attrs.field(validator=instance_of(Money, "a Money"))
    monthly_cost: Money = attrs.field(validator=instance_of(Money, "a Money"))
    charge_dates: tuple[dt.date, ...] = attrs.field(
        validator=tuple_of(dt.date, "a date")
    )
    usage_months: tuple[BillingPeriod, ...] = attrs.field(
        validator=tuple_of(BillingPeriod, "a BillingPeriod"), default=()
    )
    charge_amounts: tuple[Money, ...] = attrs.field(
        validator=tuple_of(Money, "a Money"), default=()
    )
    paxton_charges: tuple[Money, ...] = attrs.field(
        validator=tuple_of(Money, "a Money"), default=()
    )
    exchange_result: Money | None = attrs.field(
        validator=optional_of(Money, "a Money"), default=None
    )

    @property
    def charges(self) -> tuple[Money, ...]:
        """What each remaining charge takes, in order."""
        return self.charge_amounts or (self.monthly_cost,) * len(self.charge_dates)

    @property
    def invoice_dates(self) -> tuple[dt.date, ...]:
        """The days the remaining charges are invoiced, each usage month's end."""
        return tuple(month.end for month in self.usage_months)

    @property
    def months_remaining(self) -> int:
        """How many monthly charges remain."""
        return len(self.charge_dates)

    @property
    def months_covered(self) -> int:
        """How many of the remaining charges, in order, the balance pays in full."""
        if self.charge_amounts:
            # Exact, whatever decimal context the caller has set.
            left, covered = Fraction(self.balance.amount), 0
            for charge in self.charge_amounts:
                cost = Fraction(charge.amount)
                if cost > 0 and cost > left:
                    break
                left -= cost
                covered += 1
            return covered
        if self.monthly_cost.amount == 0:
            return self.months_remaining
        if self.balance.amount <= 0:
            return 0
        whole = math.floor(
            Fraction(self.balance.amount) / Fraction(self.monthly_cost.amount)
        )
        return min(whole, self.months_remaining)

    @property
    def total_due(self) -> Money:
        """What the remaining charges take together."""
        if self.charge_amounts:
            return total(self.charge_amounts, self.balance.currency)
        return self.monthly_cost * self.months_remaining

    @property
    def shortfall(self) -> Money:
        """What is missing to pay every remaining charge; zero when sufficient."""
        missing = self.total_due - self.balance
        return missing if missing.amount > 0 else Money.zero(self.balance.currency)

    @property
    def surplus(self) -> Money:
        """What is left once every remaining charge is paid; zero when short."""
        left = self.balance - self.total_due
        return left if left.amount > 0 else Money.zero(self.balance.currency)

    @property
    def sufficient(self) -> bool:
        """Whether the balance pays every remaining charge."""
        return self.shortfall.amount == 0

    @property
    def runs_out_on(self) -> dt.date | None:
        """The day of the first charge not paid in full, or None."""
        if self.months_covered >= self.months_remaining:
            return None
        return self.charge_dates[self.months_covered]


def review_balance(
    balance: Money,
    monthly_cost: Money | PriceSchedule,
    *,
    as_of: dt.date,
    term_end: dt.date,
    term_start: dt.date | None = None,
    account_type: AccountType = AccountType.SYSTEM_MANAGER,
    credit_days: int = DEFAULT_CREDIT_DAYS,
    rates: RateTable | None = None,
) -> BalanceReview:
    """Review whether *balance* pays every Paxton charge left in the term.

    Each usage month of the term (see :func:`term_usage_months`) brings one
    charge of *monthly_cost*, invoiced on the 1st of the next month and
    paid on its due date by the account's type (see
    :func:`monthly_charge_dates`). The charges paid on or after *as_of*
    remain: one that falls on the review day is still to come. Without
    *term_start*, every charge paid on or after *as_of* for a usage month
    before *term_end* remains; *term_start* only bounds them.

    Args:
        balance: what is left of the client's prepayment for the term.
        monthly_cost: what Paxton charges for the client each month; a
            :class:`~paxbill.PriceSchedule` of amounts when it changes: each
            usage month's charge is the one in force on its first day.
        as_of: the review day.
        term_end: the end of the term (its first day after).
        term_start: the first day of the term.
        account_type: whose payment rules date the charges.
        credit_days: an approved installer's credit period.
        rates: where Paxton's charges are in another currency than the
            balance, the rates that convert each on its day, rounded once.

    Raises:
        CurrencyMismatchError: *balance* and *monthly_cost* differ in currency
            and no *rates* convert them.
        InvalidAmountError: *monthly_cost* is negative.
        InvalidDateRangeError: *as_of* or *term_start* is after *term_end*.

    >>> review = review_balance(
    ...     Money("27.50", "GBP"), Money("2.50", "GBP"),
    ...     as_of=dt.date(2024, 1, 2), term_end=dt.date(2025, 1, 1),
    ... )
    >>> review.months_remaining, review.months_covered, review.shortfall
    (12, 11, Money('2.50', 'GBP'))
    """
    if not isinstance(balance, Money):
        raise ArgumentTypeError(balance, "a Money", what="balance")
    day = to_date(as_of, what="as_of")
    months, paid = remaining_charges(
        day, term_end, term_start, account_type, credit_days
    )
    return review_charges(balance, monthly_cost, months, paid, day, rates)


_new = object.__new__
_set_balance, _set_cost, _set_dates, _set_months = (
    vars(BalanceReview)[name].__set__
    for name in ("balance", "monthly_cost", "charge_dates", "usage_months")
)
_set_amounts, _set_paxton, _set_exchange = (
    vars(BalanceReview)[name].__set__
    for name in ("charge_amounts", "paxton_charges", "exchange_result")
)


def _reviewed(
    balance: Money,
    monthly_cost: Money,
    paid: tuple[dt.date, ...],
    months: tuple[BillingPeriod, ...],
) -> BalanceReview:
    """``BalanceReview(balance, monthly_cost, paid, months)`` of checked figures.

    The many reviews of a portfolio are made by setting their fields, without
    running the constructor's checks on what was checked already.
    """
    review = _new(BalanceReview)
    _set_balance(review, balance)
    _set_cost(review, monthly_cost)
    _set_dates(review, paid)
    _set_months(review, months)
    _set_amounts(review, ())
    _set_paxton(review, ())
    _set_exchange(review, None)
    return review


def review_charges(
    balance: Money,
    monthly_cost: Money | PriceSchedule,
    months: tuple[BillingPeriod, ...],
    paid: tuple[dt.date, ...],
    day: dt.date,
    rates: RateTable | None = None,
) -> BalanceReview:
    """The review of *balance* against the charges of *months*, paid on *paid*.

    :func:`review_balance` once it has found the remaining charges; a caller
    that reviews many balances on the same charges finds them once. *months*
    and *paid* are as :func:`remaining_charges` gives them.
    """
    if not isinstance(balance, Money):
        raise ArgumentTypeError(balance, "a Money", what="balance")
    if isinstance(monthly_cost, Money):
        if monthly_cost.currency is balance.currency and monthly_cost.amount >= 0:
            # The usual review: one cost a month, in the balance's currency,
            # of figures all checked here or by remaining_charges.
            return _reviewed(balance, monthly_cost, paid, months)
        first = monthly_cost
        amounts = (first,) * len(months)
        distinct: Collection[object] = (first,)
    elif isinstance(monthly_cost, PriceSchedule):
        amounts = tuple(monthly_cost.on(month.start) for month in months)
        first = amounts[0] if amounts else monthly_cost.on(day)
        distinct = {first, *amounts}
    else:
        raise ArgumentTypeError(
            monthly_cost, "a Money, or a PriceSchedule of them", what="monthly_cost"
        )
    for cost in distinct:
        if not isinstance(cost, Money):
            raise ArgumentTypeError(
                cost, "a Money, or a PriceSchedule of them", what="monthly_cost"
            )
        if cost.amount < 0:
            raise InvalidAmountError(
                cost, what="monthly cost", reason="is negative: give 0 or more"
            )
    if first.currency == balance.currency:
        varying = amounts if len(distinct) > 1 else ()
        return BalanceReview(balance, first, paid, months, varying)
    if rates is None:
        raise CurrencyMismatchError(
            balance.currency, first.currency, operation="review"
        )
    if not isinstance(rates, RateTable):
        raise ArgumentTypeError(rates, "a RateTable", what="rates")
    code = balance.currency
    converted = tuple(
        rates.convert(amount, code, on)
        for amount, on in zip(amounts, paid, strict=True)
    )
    at_review = [rates.convert(amount, code, day) for amount in amounts]
    return BalanceReview(
        balance,
        converted[0] if converted else rates.convert(first, code, day),
        paid,
        months,
        converted if len(set(converted)) > 1 else (),
        amounts,
        total(at_review, code) - total(converted, code),
    )
