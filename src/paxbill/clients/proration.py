"""Proration: the share of an amount for part of a period, rounded once.

>>> from datetime import date
>>> from paxbill import BillingPeriod, Money
>>> year = BillingPeriod(date(2024, 1, 1), date(2025, 1, 1))
>>> second_half = BillingPeriod(date(2024, 7, 1), date(2025, 1, 1))
>>> prorate(Money("30.00", "GBP"), year, second_half)
Money('15.08', 'GBP')
>>> prorate(Money("30.00", "GBP"), year, second_half, method=ProrationMethod.MONTHS)
Money('15.00', 'GBP')

Months are counted along the billing anchor (anchor + k months), so each
period :func:`~paxbill.billing_periods` makes from the 31st is one month:

>>> from paxbill import BillingFrequency, billing_periods
>>> months = billing_periods(date(2024, 1, 31), BillingFrequency.MONTHLY, 12)
>>> by_months = ProrationMethod.MONTHS
>>> set(split_over_periods(Money("120.00", "USD"), months, method=by_months))
{Money('10.00', 'USD')}
"""

from __future__ import annotations

import datetime as dt
import enum
import itertools
from collections.abc import Iterator, Sequence
from fractions import Fraction

from paxbill.core._dates import months_after, to_date
from paxbill.core._exact import scale
from paxbill.core._items import to_items
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
    "months_in",
    "months_touched",
    "period_fraction",
    "prorate",
    "split_over_periods",
]


class ProrationMethod(enum.Enum):
    """How the share of a part of a period is measured.

    ``DAYS``: the part's days over the period's days. ``MONTHS``: the part's
    months over the period's months, each month of the billing anchor
    (anchor + k months) counted whole, a part of one by its days.
    ``ACTIVE_MONTHS``: the anchor's months that the part touches on at least
    one day, each counted whole, over the period's months: the rule by which
    Paxton bills a user. The anchor is the period's start unless given.
    """

    DAYS = "days"
    MONTHS = "months"
    ACTIVE_MONTHS = "active_months"


def _months_of(
    anchor: dt.date, span: BillingPeriod
) -> Iterator[tuple[dt.date, dt.date]]:
    """The months of *anchor* (anchor + k months, k of any sign) that meet *span*."""
    day = span.start
    # anchor + k months falls in day's month, on or before it unless the
    # anchor's day is later in the month: then the month began one before.
    k = (day.year - anchor.year) * 12 + day.month - anchor.month
    start = months_after(anchor, k)
    if start > day:
        k -= 1
        start = months_after(anchor, k)
    while start < span.end:
        k += 1
        end = months_after(anchor, k)
        yield start, end
        start = end


def _anchor_of(anchor: dt.date | None, period: BillingPeriod) -> dt.date:
    return period.start if anchor is None else to_date(anchor, what="anchor")


def anchor_months(
    period: BillingPeriod, *, anchor: dt.date | None = None
) -> tuple[BillingPeriod, ...]:
    """Return *period*'s months along *anchor*, the first and last cut to it.

    The months are anchor + k months; *anchor* is the period's start unless
    given.

    >>> from datetime import date
    >>> span = BillingPeriod(date(2024, 1, 31), date(2024, 4, 15))
    >>> [str(m) for m in anchor_months(span)]
    ['2024-01-31/2024-02-29', '2024-02-29/2024-03-31', '2024-03-31/2024-04-15']
    >>> second = BillingPeriod(date(2024, 2, 29), date(2024, 3, 31))
    >>> [str(m) for m in anchor_months(second, anchor=date(2024, 1, 31))]
    ['2024-02-29/2024-03-31']
    """
    return tuple(
        BillingPeriod(max(start, period.start), min(end, period.end))
        for start, end in _months_of(_anchor_of(anchor, period), period)
    )


def months_touched(
    period: BillingPeriod, part: BillingPeriod, *, anchor: dt.date | None = None
) -> int:
    """Return how many of *period*'s months *part* has at least one day in.

    >>> from datetime import date
    >>> quarter = BillingPeriod(date(2024, 1, 1), date(2024, 4, 1))
    >>> months_touched(quarter, BillingPeriod(date(2024, 2, 15), date(2024, 4, 1)))
    2
    """
    start = _anchor_of(anchor, period)
    return int(_measure(period, part, ProrationMethod.ACTIVE_MONTHS, start))


def months_in(span: BillingPeriod, *, anchor: dt.date | None = None) -> Fraction:
    """Return the months in *span* along *anchor*, a part month by its days.

    The months are anchor + k months (*anchor* is the span's start unless
    given); each that *span* covers counts 1, and a part of one counts its
    days over that month's days.

    One whole month (01-15 to 02-15), then 15 days of the 29 from 02-15 to
    03-15:

    >>> from datetime import date
    >>> months_in(BillingPeriod(date(2024, 1, 15), date(2024, 3, 1)))
    Fraction(44, 29)

    From the 29th of February to the 31st of March is one month of an
    anchor on the 31st, and a month and two days of 31 counted from its own
    start:

    >>> march = BillingPeriod(date(2024, 2, 29), date(2024, 3, 31))
    >>> months_in(march, anchor=date(2024, 1, 31)), months_in(march)
    (Fraction(1, 1), Fraction(33, 31))
    """
    if not isinstance(span, BillingPeriod):
        raise ArgumentTypeError(span, "a BillingPeriod", what="span")
    count = Fraction(0)
    for start, end in _months_of(_anchor_of(anchor, span), span):
        days = (min(end, span.end) - max(start, span.start)).days
        count += Fraction(days, (end - start).days)
    return count


def period_fraction(
    period: BillingPeriod,
    part: BillingPeriod,
    method: ProrationMethod,
    *,
    anchor: dt.date | None = None,
) -> Fraction:
    """Return the exact share of *period* that *part* covers.

    By months, the months are those of *anchor* (anchor + k months), the
    period's start unless given.

    Raises:
        PartOutsidePeriodError: *part* is not within *period*.
    """
    for value, name in ((period, "period"), (part, "part")):
        if not isinstance(value, BillingPeriod):
            raise ArgumentTypeError(value, "a BillingPeriod", what=name)
    if part.start < period.start or part.end > period.end:
        raise PartOutsidePeriodError(period, part)
    start = _anchor_of(anchor, period)
    return _measure(period, part, method, start) / _measure(
        period, period, method, start
    )


def _measure(
    period: BillingPeriod, part: BillingPeriod, method: ProrationMethod, anchor: dt.date
) -> Fraction:
    """How much of *period* *part* holds: days, months, or months touched."""
    if method is ProrationMethod.DAYS:
        return Fraction(part.days)
    if method is ProrationMethod.MONTHS:
        return months_in(part, anchor=anchor)
    if method is ProrationMethod.ACTIVE_MONTHS:
        months = _months_of(anchor, period)
        return Fraction(
            sum(start < part.end and part.start < end for start, end in months)
        )
    raise ArgumentTypeError(method, "a ProrationMethod", what="method")


def prorate(
    amount: Money,
    period: BillingPeriod,
    part: BillingPeriod,
    *,
    method: ProrationMethod = ProrationMethod.DAYS,
    anchor: dt.date | None = None,
) -> Money:
    """Return the share of *amount* for *part* of *period*, rounded once, half-up.

    Args:
        amount: what the whole *period* costs.
        period: the period *amount* pays for.
        part: the part of *period* to price; within it.
        method: by days (the default), by months, or by the months the
            part is active in.
        anchor: the billing anchor whose months (anchor + k months) are
            counted by months; the period's start unless given.

    Raises:
        PartOutsidePeriodError: *part* is not within *period*.
    """
    if not isinstance(amount, Money):
        raise ArgumentTypeError(amount, "a Money", what="amount")
    return scale(amount, period_fraction(period, part, method, anchor=anchor))


def split_over_periods(
    amount: Money,
    parts: Sequence[BillingPeriod],
    *,
    method: ProrationMethod = ProrationMethod.DAYS,
    anchor: dt.date | None = None,
) -> tuple[Money, ...]:
    """Split *amount* over consecutive *parts*, in proportion, summing exactly.

    The parts must follow one another with no gap or overlap; their shares are
    measured as :func:`prorate` measures them, by months along *anchor* (the
    first part's start unless given), and the minor units are allocated by
    largest remainder, so the pieces sum to ``amount.round()``.

    Raises:
        PeriodsNotContiguousError: the parts leave a gap or overlap.
    """
    if not isinstance(amount, Money):
        raise ArgumentTypeError(amount, "a Money", what="amount")
    pieces = to_items(parts, what="parts", expected="a sequence of BillingPeriod")
    if not pieces:
        raise ArgumentTypeError(pieces, "at least one BillingPeriod", what="parts")
    for piece in pieces:
        if not isinstance(piece, BillingPeriod):
            raise ArgumentTypeError(piece, "a BillingPeriod", what="part")
    for before, after in itertools.pairwise(pieces):
        if before.end != after.start:
            raise PeriodsNotContiguousError(before, after)
    whole = BillingPeriod(pieces[0].start, pieces[-1].end)
    start = _anchor_of(anchor, whole)
    # Shares of one whole are in proportion to each piece's own measure.
    weights = [_measure(whole, piece, method, start) for piece in pieces]
    return amount.allocate(weights)
