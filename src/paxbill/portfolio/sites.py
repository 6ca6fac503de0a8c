"""A distributor's portfolio: installer accounts and their client sites.

Many client sites, grouped under installer accounts, each with its app users,
its price to the client and its billing frequency. Every object pickles, so a
portfolio splits across processes (:meth:`Portfolio.partition`).

>>> import datetime as dt
>>> from paxbill import Account, AccountType, AppUser, BillingFrequency, Money
>>> site = Site("ACME", "INST-1", [AppUser(1, dt.date(2024, 1, 1))],
...             Money("4.00", "EUR"), BillingFrequency.ANNUAL)
>>> installer = Account("INST-1", AccountType.APPROVED_INSTALLER)
>>> [site.site_id for site in Portfolio([installer], [site]).sites_of("INST-1")]
['ACME']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TypeVar

import attrs

from paxbill.clients.cashflow import Client
from paxbill.clients.prepayment import unit_price_of
from paxbill.core._items import one_of_kind, to_items
from paxbill.core._numbers import to_count
from paxbill.core._validators import instance_of, is_optional_date
from paxbill.core._values import Revalidated
from paxbill.core.money import Money
from paxbill.core.periods import BillingPeriod, Frequency, to_frequency
from paxbill.core.pricing import PerUserPrice
from paxbill.exceptions import ArgumentTypeError, InvalidPortfolioError
from paxbill.paxton.accounts import Account
from paxbill.paxton.app_users import ActivityIndex, AppUser, AppUserColumns

__all__ = ["Portfolio", "Site"]


def _to_app_users(
    value: Iterable[AppUser] | AppUserColumns,
) -> tuple[AppUser, ...] | AppUserColumns:
    if isinstance(value, AppUserColumns):
        return value
    users = to_items(value, what="users", expected="AppUsers or AppUserColumns")
    for user in users:
        if not isinstance(user, AppUser):
            raise ArgumentTypeError(user, "an AppUser", what="each user")
    return users


def _check_price(
    instance: Site,
    attribute: attrs.Attribute[Money | PerUserPrice],
    value: Money | PerUserPrice,
) -> None:
    unit_price_of(value)


@attrs.frozen
class Site(Revalidated):
    """A client site of an installer account, billed in advance.

    Args:
        site_id: the site's identifier, unique in its portfolio.
        account_id: the installer account it belongs to.
        users: its app users, with their activation dates: AppUsers, or
            :class:`~paxbill.AppUserColumns` read in bulk.
        price: its price per user per month: a Money, or a PerUserPrice.
        billing: how often it is billed in advance: a BillingFrequency, or a
            BillingTerm of any months.
        term_start: the first day of one of its terms, any day; its terms
            run from there every ``billing``'s months, before and after. By
            default they start on 1 January of the year billed.
    """

    site_id: str = attrs.field(validator=instance_of(str, "a str"))
    account_id: str = attrs.field(validator=instance_of(str, "a str"))
    users: tuple[AppUser, ...] | AppUserColumns = attrs.field(converter=_to_app_users)
    price: Money | PerUserPrice = attrs.field(validator=_check_price)
    billing: Frequency = attrs.field(converter=to_frequency)
    term_start: dt.date | None = attrs.field(
        default=None, validator=is_optional_date, kw_only=True
    )
    # The users' activity sorted once, when the site is made, so that every
    # billing run counts a month with two bisections (see ActivityIndex).
    _activity: ActivityIndex = attrs.field(
        init=False, repr=False, eq=False, hash=False, alias="_activity"
    )

    def __attrs_post_init__(self) -> None:
        users = self.users
        index = (
            users.index
            if isinstance(users, AppUserColumns)
            else ActivityIndex.of(users)
        )
        object.__setattr__(self, "_activity", index)

    def counts(self, periods: Sequence[BillingPeriod]) -> tuple[int, ...]:
        """Active users in each of *periods*, as :func:`~paxbill.active_users`."""
        return self._activity.counts(periods)

    @property
    def client(self) -> Client:
        """The site as a cash-flow Client."""
        return Client(
            self.site_id,
            self.users,
            self.billing,
            self.price,
            term_start=self.term_start,
        )


T = TypeVar("T", Account, Site)


def _unique(value: Iterable[T], kind: type[T], name: str) -> tuple[T, ...]:
    """The items as a tuple, each a *kind*, no identifier twice."""
    items = to_items(value, what=f"{name}s", expected=f"a sequence of {kind.__name__}")
    seen: set[str] = set()
    for item in items:
        if not isinstance(item, kind):
            raise ArgumentTypeError(item, one_of_kind(kind), what=f"each {name}")
        key = item.account_id if isinstance(item, Account) else item.site_id
        if key in seen:
            raise InvalidPortfolioError(f"{name} {key!r} appears twice")
        seen.add(key)
    return items


def _to_accounts(value: Iterable[Account]) -> tuple[Account, ...]:
    return _unique(value, Account, "account")


def _to_sites(value: Iterable[Site]) -> tuple[Site, ...]:
    return _unique(value, Site, "site")


def _check_sites(
    instance: Portfolio,
    attribute: attrs.Attribute[tuple[Site, ...]],
    sites: tuple[Site, ...],
) -> None:
    known = {account.account_id for account in instance.accounts}
    for site in sites:
        if site.account_id not in known:
            raise InvalidPortfolioError(
                f"site {site.site_id!r} belongs to account {site.account_id!r}, "
                "which is not in the portfolio"
            )


@attrs.frozen
class Portfolio(Revalidated):
    """Installer accounts and their client sites.

    Raises:
        InvalidPortfolioError: an id appears twice, or a site's account is
            not among the accounts.
    """

    accounts: tuple[Account, ...] = attrs.field(converter=_to_accounts)
    sites: tuple[Site, ...] = attrs.field(converter=_to_sites, validator=_check_sites)

    def sites_of(self, account_id: str) -> tuple[Site, ...]:
        """The sites of one account, in portfolio order."""
        return tuple(site for site in self.sites if site.account_id == account_id)

    def partition(self, parts: int) -> tuple[Portfolio, ...]:
        """Split into at most *parts* portfolios, whole accounts in each.

        The accounts are dealt in turn, so the parts are near equal in
        accounts; each takes its accounts' sites.
        """
        count = to_count(parts, what="parts")
        if count < 1:
            raise InvalidPortfolioError("a partition needs at least one part")
        groups = [
            self.accounts[i::count] for i in range(min(count, len(self.accounts)))
        ]
        parts_of = {a.account_id: n for n, group in enumerate(groups) for a in group}
        sites: list[list[Site]] = [[] for _ in groups]
        for site in self.sites:
            sites[parts_of[site.account_id]].append(site)
        return tuple(
            Portfolio(group, part) for group, part in zip(groups, sites, strict=True)
        )
