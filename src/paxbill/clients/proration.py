"""Proration: the share of an amount for part of a period, rounded once.

>>> from datetime import date
>>> from paxbill import BillingPeriod, Money
>>> year = BillingPeriod(date(2024, 1, 1), date(2025, 1, 1))
>>> second_half = BillingPeriod(date(2024, 7, 1), date(2025, 1, 1))
>>> prorate(Money("30.00", "GBP"), year, second_half)
Money('15.08', 'GBP')
>>> prorate(Money("30.00", "GBP"), year, second_half, method=ProrationMethod.MONTHS)
Money('15.00', 'GBP')
"""

from __future__ import annotations

import enum
import itertools
from collections.abc import Sequence
from fractions import Fraction

from paxbill.core._dates import months_after
from paxbill.core._exact import scale
from paxbill.core.money import Money
from paxbill.core.periods import BillingPeriod
from paxbill.exceptions import (
    ArgumentTypeError,
    PartOutsidePeriodError,
    PeriodsNotContiguousError,
)

__all__ = [
    "ProrationMethod",
    "anchor_months",
    "months_touched",
    "period_fraction",
    "prorate",
    "split_over_periods",
]


class ProrationMethod(enum.Enum):
    """How the share of a part of a period is measured.

    ``DAYS``: the part's days over the period's days. ``MONTHS``: the part's
    whole months over the period's months, a part month by its days.
    ``ACTIVE_MONTHS``: the period's months (from its start: start + k
    months) that the part touches on at least one day, each counted whole,
    over the period's months: the rule by which Paxton bills a user.
    """

    DAYS = "days"
    MONTHS = "months"
    ACTIVE_MONTHS = "active_months"


def anchor_months(period: BillingPeriod) -> tuple[BillingPeriod, ...]:
    """Return *period*'s months from its start, the last cut at its end.

    >>> from datetime import date
    >>> span = BillingPeriod(date(2024, 1, 31), date(2024, 4, 15))
    >>> [str(m) for m in anchor_months(span)]
    ['2024-01-31/2024-02-29', '2024-02-29/2024-03-31', '2024-03-31/2024-04-15']
    """
    months: list[BillingPeriod] = []
    start = period.start
    while start < period.end:
        end = min(months_after(period.start, len(months) + 1), period.end)
        months.append(BillingPeriod(start, end))
        start = end
    return tuple(months)


def months_touched(period: BillingPeriod, part: BillingPeriod) -> int:
    """Return how many of *period*'s months *part* has at least one day in.

    >>> from datetime import date
    >>> quarter = BillingPeriod(date(2024, 1, 1), date(2024, 4, 1))
    >>> months_touched(quarter, BillingPeriod(date(2024, 2, 15), date(2024, 4, 1)))
    2
    """
    return sum(
        1 for m in anchor_months(period) if m.start < part.end and part.start < m.end
    )


def months_in(span: BillingPeriod) -> Fraction:
    """Return the months in *span*, a part month counted by its days.

    Whole months are counted from the span's start; the days left over count
    as a fraction of the month that they begin.

    One whole month (01-15 to 02-15), then 15 days of the 29 from 02-15 to
    03-15:

    >>> from datetime import date
    >>> months_in(BillingPeriod(date(2024, 1, 15), date(2024, 3, 1)))
    Fraction(44, 29)
    """
    whole = 0
    while months_after(span.start, whole + 1) <= span.end:
        whole += 1
    month_start = months_after(span.start, whole)
    month_end = months_after(span.start, whole + 1)
    left = (span.end - month_start).days
    return whole + Fraction(left, (month_end - month_start).days)


def period_fraction(
    period: BillingPeriod, part: BillingPeriod, method: ProrationMethod
) -> Fraction:
    """Return the exact share of *period* that *part* covers.

    Raises:
        PartOutsidePeriodError: *part* is not within *period*.
    """
    for value, name in ((period, "period"), (part, "part")):
        if not isinstance(value, BillingPeriod):
            raise ArgumentTypeError(value, "a BillingPeriod", what=name)
    if part.start < period.start or part.end > period.end:
        raise PartOutsidePeriodError(period, part)
    if method is ProrationMethod.DAYS:
        return Fraction(part.days, period.days)
    if method is ProrationMethod.MONTHS:
        return months_in(part) / months_in(period)
    if method is ProrationMethod.ACTIVE_MONTHS:
        return Fraction(months_touched(period, part), len(anchor_months(period)))
    raise ArgumentTypeError(method, "a ProrationMethod", what="method")


def prorate(
    amount: Money,
    period: BillingPeriod,
    part: BillingPeriod,
    *,
    method: ProrationMethod = ProrationMethod.DAYS,
) -> Money:
    """Return the share of *amount* for *part* of *period*, rounded once, half-up.

    Args:
        amount: what the whole *period* costs.
        period: the period *amount* pays for.
        part: the part of *period* to price; within it.
        method: by days (the default), by months, or by the months the
            part is active in.

    Raises:
        PartOutsidePeriodError: *part* is not within *period*.
    """
    if not isinstance(amount, Money):
        raise ArgumentTypeError(amount, "a Money", what="amount")
    return scale(amount, period_fraction(period, part, method))


def split_over_periods(
    amount: Money,
    parts: Sequence[BillingPeriod],
    *,
    method: ProrationMethod = ProrationMethod.DAYS,
) -> tuple[Money, ...]:
    """Split *amount* over consecutive *parts*, in proportion, summing exactly.

    The parts must follow one another with no gap or overlap; their shares are
    measured as :func:`prorate` measures them, and the minor units are
    allocated by largest remainder, so the pieces sum to ``amount.round()``.

    Raises:
        PeriodsNotContiguousError: the parts leave a gap or overlap.
    """
    pieces = tuple(parts)
    if not pieces:
        raise ArgumentTypeError(pieces, "at least one BillingPeriod", what="parts")
    for before, after in itertools.pairwise(pieces):
        if before.end != after.start:
            raise PeriodsNotContiguousError(before, after)
    whole = BillingPeriod(pieces[0].start, pieces[-1].end)
    weights = [period_fraction(whole, piece, method) for piece in pieces]
    return amount.allocate(weights)
