"""Exact ratios of money: Fraction arithmetic, rounded once to the minor unit."""

from __future__ import annotations

from fractions import Fraction

from paxbill.core._allocation import round_half_up
from paxbill.core._currency import minor_unit
from paxbill.core.money import Money


def money_from_fraction(value: Fraction, currency: str) -> Money:
    """Return *value* units of *currency*, rounded half-up to the minor unit.

    This is the one place an exact ratio of money becomes money again.

    >>> money_from_fraction(Fraction(3000 * 184, 366 * 100), "GBP")
    Money('15.08', 'GBP')
    """
    scale = 10 ** minor_unit(currency)
    return Money.from_minor_units(round_half_up(value * scale), currency)


def scale(amount: Money, ratio: Fraction) -> Money:
    """Return *amount* times *ratio*, rounded once, half-up.

    >>> scale(Money("30.00", "GBP"), Fraction(1, 2))
    Money('15.00', 'GBP')
    """
    return money_from_fraction(Fraction(amount.amount) * ratio, amount.currency)
