"""Exchange rates: converting money between two currencies, only when asked.

An installer may pay Paxton in one currency and bill its clients in another.
paxbill never converts on its own: an :class:`ExchangeRate`, or a
:class:`RateTable` of dated rates, converts an amount explicitly, rounding
once, half-up, to the target currency's minor unit.

>>> import datetime as dt
>>> from paxbill import Money
>>> rate = ExchangeRate("EUR", "GBP", "0.8550", dt.date(2024, 1, 1))
>>> rate.convert(Money("178.50", "EUR"))
Money('152.62', 'GBP')
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction

import attrs

from paxbill.core._currency import currency_code
from paxbill.core._dates import to_date
from paxbill.core._exact import money_from_fraction
from paxbill.core._items import to_items
from paxbill.core._numbers import ExactNumber, to_decimal
from paxbill.core._validators import is_date
from paxbill.core._values import Revalidated
from paxbill.core.money import Money
from paxbill.exceptions import (
    ArgumentTypeError,
    CurrencyMismatchError,
    InvalidRateError,
    NoExchangeRateError,
)

__all__ = ["ExchangeRate", "RateTable"]


def _to_rate(value: ExactNumber) -> Decimal:
    rate = to_decimal(value, what="rate")
    if rate <= 0:
        raise InvalidRateError(value, "is zero or below: a rate is more than 0")
    return rate


def _check_pair(
    instance: ExchangeRate, attribute: attrs.Attribute[str], target: str
) -> None:
    if target == instance.source:
        raise InvalidRateError(
            instance.rate, f"converts {target} to itself: give two currencies"
        )


@attrs.frozen
class ExchangeRate(Revalidated):
    """One unit of *source* is worth *rate* units of *target* on *on*.

    Args:
        source: the currency converted from, an ISO 4217 code.
        target: the currency converted to.
        rate: how many units of *target* one unit of *source* buys, more
            than 0: a str, an int or a Decimal, never a float.
        on: the date from which the rate applies.

    Raises:
        InvalidRateError: a rate of zero or below, or one currency twice.
        AmountTypeError: a float rate.

    >>> ExchangeRate("GBP", "EUR", "1.17", dt.date(2024, 1, 1)).rate
    Decimal('1.17')
    """

    source: str = attrs.field(converter=currency_code)
    target: str = attrs.field(converter=currency_code, validator=_check_pair)
    rate: Decimal = attrs.field(converter=_to_rate)
    on: dt.date = attrs.field(validator=is_date)

    def convert(self, money: Money) -> Money:
        """Convert *money* either way, rounded once, half-up, to the minor unit.

        Raises:
            CurrencyMismatchError: *money* is in neither currency.
        """
        if not isinstance(money, Money):
            raise ArgumentTypeError(money, "a Money", what="money")
        amount = Fraction(money.amount)
        if money.currency == self.source:
            return money_from_fraction(amount * Fraction(self.rate), self.target)
        if money.currency == self.target:
            return money_from_fraction(amount / Fraction(self.rate), self.source)
        raise CurrencyMismatchError(self.source, money.currency, operation="convert")


def _to_rates(value: Iterable[ExchangeRate]) -> tuple[ExchangeRate, ...]:
    rates = to_items(value, what="rates", expected="a sequence of ExchangeRate")
    for rate in rates:
        if not isinstance(rate, ExchangeRate):
            raise ArgumentTypeError(rate, "an ExchangeRate", what="each rate")
    return tuple(sorted(rates, key=lambda rate: rate.on))


@attrs.frozen
class RateTable(Revalidated):
    """Dated exchange rates: the rate for a pair is the last one dated by then.

    A rate converts both ways; the table uses the latest rate of either
    direction dated on or before the conversion's date.

    >>> table = RateTable([
    ...     ExchangeRate("EUR", "GBP", "0.85", dt.date(2024, 1, 1)),
    ...     ExchangeRate("EUR", "GBP", "0.86", dt.date(2024, 7, 1)),
    ... ])
    >>> table.convert(Money("100.00", "EUR"), "GBP", dt.date(2024, 7, 15))
    Money('86.00', 'GBP')
    """

    rates: tuple[ExchangeRate, ...] = attrs.field(converter=_to_rates)

    def rate_on(self, source: str, target: str, day: dt.date) -> ExchangeRate:
        """The rate in force between two currencies on *day*.

        Raises:
            NoExchangeRateError: no rate for the pair dated on or before *day*.
        """
        pair = {currency_code(source), currency_code(target)}
        when = to_date(day, what="day")
        found = [r for r in self.rates if {r.source, r.target} == pair]
        index = bisect_right([r.on for r in found], when) - 1
        if index < 0:
            raise NoExchangeRateError(
                currency_code(source), currency_code(target), when
            )
        return found[index]

    def convert(self, money: Money, target: str, day: dt.date) -> Money:
        """Convert *money* into *target* at the rate in force on *day*.

        Money already in *target* is returned as it is.
        """
        if not isinstance(money, Money):
            raise ArgumentTypeError(money, "a Money", what="money")
        code = currency_code(target)
        if money.currency == code:
            return money
        return self.rate_on(money.currency, code, day).convert(money)
