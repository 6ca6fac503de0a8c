"""What if Paxton's price changes: a portfolio billed both ways, side by side.

>>> import datetime as dt
>>> from paxbill import (Account, AccountType, AppUser, BillingFrequency, Discount,
...                      Money, Portfolio, PriceSchedule, Site, paxton_schedule)
>>> users = [AppUser(n, dt.date(2023, 1, 1)) for n in range(10)]
>>> site = Site("ACME", "INST-1", users, Money("4.00", "EUR"), BillingFrequency.ANNUAL)
>>> portfolio = Portfolio([Account("INST-1", AccountType.SYSTEM_MANAGER)], [site])
>>> rise = paxton_schedule(
...     PriceSchedule({dt.date(2024, 1, 1): Money("3.00", "EUR"),
...                    dt.date(2024, 7, 1): Money("3.30", "EUR")}),
...     Discount(15),
... )
>>> today = paxton_schedule(Money("3.00", "EUR"), Discount(15))
>>> effect = price_change_effect(
...     portfolio, year=2024, paxton_price=today, new_paxton_price=rise,
...     review_on=dt.date(2024, 6, 1),
... )
>>> [(name, str(before), str(after)) for name, before, after in effect.money_out()]
[('INST-1', '280.50 EUR', '293.50 EUR')]

The account pays, within 2024, the invoices for January to November: 11 x
10 x 2.55 = 280.50 at today's price; with the rise, July's to November's at
3.30 less 15 %, 2.81: 6 x 25.50 + 5 x 28.10 = 293.50.
"""

from __future__ import annotations

import datetime as dt

import attrs

from paxbill.clients.reviews import BalanceReview
from paxbill.core._validators import instance_of
from paxbill.core._values import Revalidated
from paxbill.core.money import Money
from paxbill.core.pricing import PerUserPrice
from paxbill.core.schedules import PriceSchedule
from paxbill.portfolio.billing import PortfolioResult, bill_portfolio
from paxbill.portfolio.sites import Portfolio

__all__ = ["PriceChangeEffect", "price_change_effect"]


@attrs.frozen
class PriceChangeEffect(Revalidated):
    """A portfolio billed at Paxton's price as it is, and as it would be.

    Args:
        before: the year billed at the current price.
        after: the same year billed at the new price.
    """

    before: PortfolioResult = attrs.field(
        validator=instance_of(PortfolioResult, "a PortfolioResult")
    )
    after: PortfolioResult = attrs.field(
        validator=instance_of(PortfolioResult, "a PortfolioResult")
    )

    def money_out(self) -> tuple[tuple[str, Money, Money], ...]:
        """Each account's money out to Paxton over the year: before, after."""
        return tuple(
            (
                account_id,
                projection.total_out,
                self.after.projection_of(account_id).total_out,
            )
            for account_id, projection in self.before.projections
        )

    def lowest_positions(self) -> tuple[tuple[str, Money, Money], ...]:
        """Each account's lowest cash position over the year: before, after."""
        return tuple(
            (
                account_id,
                projection.lowest_position,
                self.after.projection_of(account_id).lowest_position,
            )
            for account_id, projection in self.before.projections
        )

    def reviews(self) -> tuple[tuple[str, BalanceReview, BalanceReview], ...]:
        """Each prepaid site's review on the review day: before, after."""
        return tuple(
            (site_id, review, self.after.review_of(site_id))
            for site_id, review in self.before.reviews
        )


def price_change_effect(
    portfolio: Portfolio,
    *,
    year: int,
    paxton_price: Money | PerUserPrice | PriceSchedule,
    new_paxton_price: Money | PerUserPrice | PriceSchedule,
    review_on: dt.date,
) -> PriceChangeEffect:
    """Bill *portfolio* at Paxton's current price and at a new one, side by side.

    Both are :func:`~paxbill.bill_portfolio` for the same year and review
    day; a new price is usually a :class:`~paxbill.PriceSchedule` that
    changes on a date.
    """

    def bill(price: Money | PerUserPrice | PriceSchedule) -> PortfolioResult:
        return bill_portfolio(
            portfolio, year=year, paxton_price=price, review_on=review_on
        )

    return PriceChangeEffect(bill(paxton_price), bill(new_paxton_price))
