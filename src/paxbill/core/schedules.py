"""Prices with dates: what applies from when, and the price in force on a day.

Paxton's list price, the partner discount and a client's price can each
change on a date. A :class:`PriceSchedule` holds one of them with the dates
from which each value applies; :func:`price_on` reads the value in force on a
day from a schedule or from a plain price alike.

>>> import datetime as dt
>>> from paxbill import Money
>>> rise = PriceSchedule({dt.date(2024, 1, 1): Money("3.00", "EUR"),
...                       dt.date(2024, 7, 1): Money("3.30", "EUR")})
>>> rise.on(dt.date(2024, 6, 30)), rise.on(dt.date(2024, 7, 1))
(Money('3.00', 'EUR'), Money('3.30', 'EUR'))
"""

from __future__ import annotations

import datetime as dt
import itertools
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar, overload

import attrs

from paxbill.core._dates import to_date
from paxbill.core._items import to_items
from paxbill.core._values import Revalidated
from paxbill.core.discount import Discount
from paxbill.core.money import Money
from paxbill.core.pricing import PerUserPrice, paxton_price_of
from paxbill.exceptions import (
    ArgumentTypeError,
    InvalidScheduleError,
    PriceNotInForceError,
)

__all__ = [
    "PriceSchedule",
    "paxton_net_on",
    "paxton_prices",
    "paxton_schedule",
    "price_on",
]

#: What a schedule may hold: amounts, discounts or prices per user.
Priced = Money | Discount | PerUserPrice
P = TypeVar("P", Money, Discount, PerUserPrice)


def _currency(value: Priced) -> str | None:
    return None if isinstance(value, Discount) else value.currency


def _to_entries(
    value: Mapping[dt.date, Priced] | Iterable[tuple[dt.date, Priced]],
) -> tuple[tuple[dt.date, Priced], ...]:
    pairs = (
        tuple(value.items())
        if isinstance(value, Mapping)
        else to_items(
            value, what="entries", expected="a mapping or pairs of date and price"
        )
    )
    if not pairs:
        raise InvalidScheduleError("it holds no price: give at least one")
    entries = []
    for pair in pairs:
        if not isinstance(pair, tuple) or len(pair) != 2:
            raise ArgumentTypeError(pair, "a (date, price) pair", what="each entry")
        day, price = pair
        if not isinstance(price, Money | Discount | PerUserPrice):
            raise ArgumentTypeError(
                price, "a Money, a Discount or a PerUserPrice", what="each price"
            )
        entries.append((to_date(day, what="effective date"), price))
    entries.sort(key=lambda entry: entry[0])
    for (before, first), (after, second) in itertools.pairwise(entries):
        if before == after:
            raise InvalidScheduleError(
                f"two prices apply from {after}: give one price a date"
            )
        if type(first) is not type(second) or _currency(first) != _currency(second):
            raise InvalidScheduleError(
                f"the price from {after} is not of the same kind and currency as "
                f"the one before: {first!r} then {second!r}"
            )
    return tuple(entries)


@attrs.frozen
class PriceSchedule(Revalidated):
    """A price, or discount, with the date from which each value applies.

    Args:
        entries: a mapping, or pairs, of effective date to value: Money,
            Discount or PerUserPrice, all of one kind and one currency.

    Raises:
        InvalidScheduleError: no entry, two entries on one date, or values of
            different kinds or currencies.

    >>> one = PriceSchedule.constant(Money("2.50", "GBP"))
    >>> one.on(dt.date(1999, 1, 1))
    Money('2.50', 'GBP')
    """

    entries: tuple[tuple[dt.date, Priced], ...] = attrs.field(converter=_to_entries)

    @classmethod
    def constant(cls, value: Priced) -> PriceSchedule:
        """A schedule of one value, in force on every date."""
        return cls([(dt.date.min, value)])

    @property
    def dates(self) -> tuple[dt.date, ...]:
        """The dates from which each value applies, in order."""
        return tuple(day for day, _ in self.entries)

    @property
    def currency(self) -> str | None:
        """The currency of the values; None for discounts."""
        return _currency(self.entries[0][1])

    def on(self, day: dt.date) -> Any:
        """Return the value in force on *day*: the last that applies by then.

        Raises:
            PriceNotInForceError: *day* is before the first entry.
        """
        when = to_date(day, what="day")
        index = bisect_right(self.dates, when) - 1
        if index < 0:
            raise PriceNotInForceError(when, self.entries[0][0])
        return self.entries[index][1]


@overload
def price_on(price: PriceSchedule, day: dt.date) -> Any: ...


@overload
def price_on(price: P, day: dt.date) -> P: ...


def price_on(price: Any, day: dt.date) -> Any:
    """Return the price in force on *day*: a schedule's, or the price itself.

    >>> price_on(Money("2.55", "EUR"), dt.date(2024, 6, 1))
    Money('2.55', 'EUR')
    """
    if isinstance(price, PriceSchedule):
        return price.on(day)
    return price


def paxton_net_on(price: Money | PerUserPrice | PriceSchedule, day: dt.date) -> Money:
    """Paxton's net price per user in force for the usage month from *day*.

    >>> paxton_net_on(PerUserPrice(Money("3.00", "EUR"), 15), dt.date(2024, 6, 1))
    Money('2.55', 'EUR')
    """
    return paxton_price_of(price_on(price, day)).net


def paxton_prices(
    price: Money | PerUserPrice | PriceSchedule,
) -> PerUserPrice | PriceSchedule:
    """Paxton's price as a PerUserPrice, or a schedule of them, however given."""
    if isinstance(price, PriceSchedule):
        # Any priced value: paxton_price_of refuses a schedule of discounts.
        entries: tuple[tuple[dt.date, Any], ...] = price.entries
        return PriceSchedule([(day, paxton_price_of(value)) for day, value in entries])
    return paxton_price_of(price)


def net_in_force(price: PerUserPrice | PriceSchedule, day: dt.date) -> Money:
    """The net unit price in force on *day*, of a price already in its one form.

    *price* is what :func:`paxton_prices` returns: a PerUserPrice, or a
    schedule of them. A function takes Paxton's price in that form once,
    where it enters, and reads it with this.

    >>> net_in_force(PerUserPrice(Money("3.00", "EUR"), 15), dt.date(2024, 6, 1))
    Money('2.55', 'EUR')
    """
    in_force: PerUserPrice = price_on(price, day)
    return in_force.net


def paxton_schedule(
    list_prices: PriceSchedule | Money,
    discounts: PriceSchedule | Discount | None = None,
) -> PriceSchedule:
    """Combine Paxton's dated list prices and discounts into dated prices.

    Each date on which either changes starts a :class:`PerUserPrice`; the
    schedule starts when both are in force.

    >>> prices = paxton_schedule(
    ...     PriceSchedule({dt.date(2024, 1, 1): Money("3.00", "EUR"),
    ...                    dt.date(2024, 7, 1): Money("3.30", "EUR")}),
    ...     Discount(15),
    ... )
    >>> prices.on(dt.date(2024, 6, 1)).net, prices.on(dt.date(2024, 7, 1)).net
    (Money('2.55', 'EUR'), Money('2.81', 'EUR'))
    """
    lists = _schedule_of(list_prices, Money, "list_prices")
    cuts = None if discounts is None else _schedule_of(discounts, Discount, "discounts")
    start = max(lists.dates[0], cuts.dates[0] if cuts else dt.date.min)
    # A change before both are in force takes effect when they are.
    dates = sorted({max(d, start) for d in lists.dates + (cuts.dates if cuts else ())})
    return PriceSchedule(
        [
            (day, PerUserPrice(lists.on(day), cuts.on(day) if cuts else None))
            for day in dates
        ]
    )


def _schedule_of(value: object, kind: type, name: str) -> PriceSchedule:
    if isinstance(value, kind):
        return PriceSchedule.constant(value)  # type: ignore[arg-type]
    if isinstance(value, PriceSchedule) and isinstance(value.entries[0][1], kind):
        return value
    raise ArgumentTypeError(
        value, f"a {kind.__name__} or a PriceSchedule of them", what=name
    )
