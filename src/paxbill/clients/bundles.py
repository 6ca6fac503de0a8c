"""Bundled contracts: the Entry app inside a fixed maintenance or support fee.

>>> from paxbill import BillingFrequency, Money, PerUserPrice
>>> bundle = Bundle(
...     fee=Money("150.00", "EUR"), frequency=BillingFrequency.MONTHLY, users=20,
...     app_price=PerUserPrice(Money("3.00", "EUR"), 15),
...     other_costs=Money("80.00", "EUR"),
... )
>>> bundle.app_cost, bundle.margin, bundle.break_even_users
(Money('51.00', 'EUR'), Money('19.00', 'EUR'), 28)
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import attrs

from paxbill.core._allocation import round_half_up
from paxbill.core._notebook import ShowsInNotebook
from paxbill.core._numbers import ARITHMETIC, to_user_count
from paxbill.core._validators import instance_of
from paxbill.core._values import Revalidated
from paxbill.core.money import Money
from paxbill.core.periods import BillingFrequency
from paxbill.core.pricing import PerUserPrice, paxton_price_of
from paxbill.exceptions import (
    ArgumentTypeError,
    CurrencyMismatchError,
    InvalidAmountError,
)

__all__ = ["Bundle"]


def _check_frequency(
    instance: Bundle,
    attribute: attrs.Attribute[BillingFrequency],
    value: BillingFrequency,
) -> None:
    if value not in (BillingFrequency.MONTHLY, BillingFrequency.ANNUAL):
        raise ArgumentTypeError(
            value,
            "BillingFrequency.MONTHLY or BillingFrequency.ANNUAL",
            what="frequency",
        )


def _check_app_price(
    instance: Bundle,
    attribute: attrs.Attribute[Money | PerUserPrice],
    value: Money | PerUserPrice,
) -> None:
    paxton_price_of(value)


def _check_fee(
    instance: Bundle, attribute: attrs.Attribute[Money], value: Money
) -> None:
    instance_of(Money, "a Money")(instance, attribute, value)
    if value.amount < 0:
        raise InvalidAmountError(value, what=attribute.name, reason="is negative")


def _check_currencies(instance: Bundle, attribute: object, value: Money) -> None:
    currencies = {instance.fee.currency, instance.unit_cost.currency, value.currency}
    if len(currencies) > 1:
        first, second, *_ = sorted(currencies)
        raise CurrencyMismatchError(first, second, operation="bundle")


@attrs.frozen
class Bundle(ShowsInNotebook, Revalidated):
    """A fixed fee that covers the Entry app for *users* and other services.

    Every amount is per billing period of the fee: a month, or a year.

    Args:
        fee: what the client pays each period.
        frequency: ``MONTHLY`` or ``ANNUAL``, the period of the fee.
        users: the app users the fee covers.
        app_price: Paxton's price per user per month: a PerUserPrice, or a
            Money taken as a list price; its net, rounded, is the cost.
        other_costs: what the other services cost the installer each period.
    """

    fee: Money = attrs.field(validator=_check_fee)
    frequency: BillingFrequency = attrs.field(validator=_check_frequency)
    users: int = attrs.field(converter=to_user_count)
    app_price: Money | PerUserPrice = attrs.field(validator=_check_app_price)
    other_costs: Money = attrs.field(validator=[_check_fee, _check_currencies])

    @property
    def unit_cost(self) -> Money:
        """The installer's cost per app user per month."""
        return paxton_price_of(self.app_price).net

    def app_cost_for(self, users: int) -> Money:
        """What the app costs for *users* over one period of the fee."""
        return self.unit_cost * (to_user_count(users) * self.frequency.months)

    @property
    def app_cost(self) -> Money:
        """What the app costs the installer each period, for the users covered."""
        return self.app_cost_for(self.users)

    @property
    def app_share(self) -> Decimal:
        """The app's cost as a share of the fee, 0.34 for 34 %, to 4 places.

        None of the fee is meaningful when the fee is zero, so that share is 0.
        """
        if self.fee.amount == 0:
            return Decimal(0)
        exact = Fraction(self.app_cost.amount) / Fraction(self.fee.amount)
        return Decimal(round_half_up(exact * 10_000)).scaleb(-4, ARITHMETIC)

    @property
    def margin(self) -> Money:
        """What is left of the fee once the app and other services are paid."""
        return self.fee - self.app_cost - self.other_costs

    def covers(self, users: int) -> bool:
        """Return whether the fee still pays the app for *users* and the rest."""
        return self.app_cost_for(users) + self.other_costs <= self.fee

    @property
    def break_even_users(self) -> int | None:
        """The number of users from which the fee no longer covers its costs.

        None when the app costs nothing, so that no number of users breaks it;
        0 when the other services alone already cost more than the fee.
        """
        per_user = Fraction((self.unit_cost * self.frequency.months).amount)
        room = Fraction((self.fee - self.other_costs).amount)
        if room < 0:
            return 0
        if per_user == 0:
            return None
        return math.floor(room / per_user) + 1
