"""A whole portfolio billed in one call: invoices, reviews, cash flow.

:func:`bill_portfolio` gives, for a year, each account's twelve Paxton
invoices, each site's prepaid-balance review and each account's cash-flow
projection: the same objects, and the same figures, as
:func:`~paxbill.issue_invoice`, :func:`site_review` and
:func:`~paxbill.project_cash_flow` give one by one, with users counted by a
sweep so that the cost grows with users plus months. The results of a
partitioned portfolio join up again (:meth:`PortfolioResult.combine`).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from functools import cached_property
from typing import TypeVar, cast

import attrs

from paxbill.clients.cashflow import CashFlowProjection, billed_for, cash_flow
from paxbill.clients.ledger import ClientLedger
from paxbill.clients.reviews import (
    BalanceReview,
    remaining_charges,
    review_balance,
    review_charges,
    term_usage_months,
)
from paxbill.core._dates import first_day, months_after, to_date
from paxbill.core._numbers import to_count
from paxbill.core._validators import named_tuple_of
from paxbill.core._values import Revalidated
from paxbill.core.money import Money, total
from paxbill.core.periods import (
    BillingFrequency,
    BillingPeriod,
    Frequency,
    billing_periods,
    term_at,
    term_starts,
)
from paxbill.core.pricing import PerUserPrice
from paxbill.core.schedules import PriceSchedule, net_in_force, paxton_prices
from paxbill.exceptions import ArgumentTypeError, InvalidPortfolioError, UnknownIdError
from paxbill.paxton.accounts import (
    DEFAULT_CREDIT_DAYS,
    Account,
    AccountType,
    due_date,
)
from paxbill.paxton.counting import active_users
from paxbill.paxton.invoices import Invoice, issue_invoice
from paxbill.portfolio.sites import Portfolio, Site

__all__ = ["PortfolioResult", "bill_portfolio", "site_review"]


@attrs.frozen
class PortfolioResult(Revalidated):
    """What :func:`bill_portfolio` computes, looked up by account or site.

    Args:
        invoices: each account's twelve invoices, as (account id, invoices).
        reviews: each site's review, as (site id, review).
        projections: each account's projection, as (account id, projection).
    """

    invoices: tuple[tuple[str, tuple[Invoice, ...]], ...] = attrs.field(
        validator=named_tuple_of(tuple, "tuple of Invoice")
    )
    reviews: tuple[tuple[str, BalanceReview], ...] = attrs.field(
        validator=named_tuple_of(BalanceReview, "BalanceReview")
    )
    projections: tuple[tuple[str, CashFlowProjection], ...] = attrs.field(
        validator=named_tuple_of(CashFlowProjection, "CashFlowProjection")
    )

    @cached_property
    def _index(
        self,
    ) -> tuple[
        dict[str, tuple[Invoice, ...]],
        dict[str, BalanceReview],
        dict[str, CashFlowProjection],
    ]:
        return dict(self.invoices), dict(self.reviews), dict(self.projections)

    def invoices_of(self, account_id: str) -> tuple[Invoice, ...]:
        """The twelve invoices of one account."""
        return _look_up(self._index[0], account_id, "account")

    def review_of(self, site_id: str) -> BalanceReview:
        """The prepaid-balance review of one site."""
        return _look_up(self._index[1], site_id, "site")

    def projection_of(self, account_id: str) -> CashFlowProjection:
        """The cash-flow projection of one account."""
        return _look_up(self._index[2], account_id, "account")

    @classmethod
    def combine(cls, results: Iterable[PortfolioResult]) -> PortfolioResult:
        """Join the results of a partitioned portfolio."""
        parts = list(results)
        return cls(
            tuple(item for part in parts for item in part.invoices),
            tuple(item for part in parts for item in part.reviews),
            tuple(item for part in parts for item in part.projections),
        )


V = TypeVar("V")


def _look_up(index: dict[str, V], key: str, name: str) -> V:
    try:
        return index[key]
    except KeyError:
        raise UnknownIdError(key, name) from None


@attrs.frozen
class _Terms:
    """A site's terms as a year's billing sees them.

    The year is billed from the start of the term that holds its first day
    (*window*): that term's prepayment and charges count, earlier ones do not.
    """

    year_start: dt.date
    window: dt.date
    review_term: BillingPeriod
    starts: tuple[dt.date, ...]
    usage_months: tuple[BillingPeriod, ...]

    @cached_property
    def calendar_aligned(self) -> bool:
        """Whether the terms start with the year, on 1sts: billed by its months."""
        return self.window == self.year_start and all(
            start.day == 1 for start in self.starts
        )

    @cached_property
    def before_review_term(self) -> int:
        """How many usage months start before the review's term."""
        starts = [month.start for month in self.usage_months]
        return bisect_left(starts, self.review_term.start)

    @cached_property
    def first_months(self) -> tuple[BillingPeriod, ...]:
        """Each term's first month, whose users the term is billed for."""
        return tuple(
            BillingPeriod(start, months_after(start, 1)) for start in self.starts
        )


def _terms(
    anchor: dt.date, billing: Frequency, months: tuple[BillingPeriod, ...], day: dt.date
) -> _Terms:
    window = term_at(anchor, billing, months[0].start).start
    return _Terms(
        months[0].start,
        window,
        term_at(anchor, billing, day),
        term_starts(anchor, billing, window, months[-1].end),
        term_usage_months(window, months[-1].end),
    )


@attrs.define
class _Plan:
    """What the sites of one anchor, billing, price and account share.

    Args:
        terms: their terms in the year billed.
        rows: each term's first day, the month of the year whose money in
            it is (None before the year), and whether the review's balance
            has its credit.
        charged: how many first usage months the review's balance has paid
            or owes.
        costs: the Paxton price of those months, one Money when it is one.
        review_months: the usage months whose charges the review has left.
        review_paid: the days those charges are paid.
        bills: each term's bill by its number of users (and its first day,
            where the price is dated), filled as met; shared by the plans
            of one billing and price.
        dated: whether the price to the client is dated.
    """

    terms: _Terms
    rows: tuple[tuple[dt.date, int | None, bool], ...]
    charged: int
    costs: Money | tuple[Money, ...]
    review_months: tuple[BillingPeriod, ...]
    review_paid: tuple[dt.date, ...]
    bills: dict[object, Money]
    dated: bool


def _plan(
    site: Site,
    terms: _Terms,
    months: tuple[BillingPeriod, ...],
    day: dt.date,
    price: PerUserPrice | PriceSchedule,
    rules: tuple[AccountType, int],
    bills: dict[object, Money],
) -> _Plan:
    paid = _payment_days(terms.usage_months, *rules)
    charged = max(bisect_left(paid, day), terms.before_review_term)
    found = _unit_costs(price, terms.usage_months)
    # One price for every month is kept as that price alone.
    costs = found[0] if len(set(found)) == 1 else found[:charged]
    rows = tuple(
        (start, start.month - 1 if start >= months[0].start else None, start <= day)
        for start in terms.starts
    )
    review_months, review_paid = remaining_charges(
        day, terms.review_term.end, terms.review_term.start, *rules
    )
    dated = isinstance(site.price, PriceSchedule)
    return _Plan(terms, rows, charged, costs, review_months, review_paid, bills, dated)


# Paxton's price takes its one form where it enters a public function
# (paxton_prices: a PerUserPrice, or a schedule of them) and travels as that.
Prices = PerUserPrice | PriceSchedule


def _unit_costs(
    price: Prices, usage_months: tuple[BillingPeriod, ...]
) -> tuple[Money, ...]:
    return tuple(net_in_force(price, month.start) for month in usage_months)


def monthly_costs(price: Prices, users: int) -> Money | PriceSchedule:
    """What Paxton charges a month for *users*: dated when its price is."""
    if not isinstance(price, PriceSchedule):
        return price.net * users
    return PriceSchedule(
        [(day, cast(PerUserPrice, value).net * users) for day, value in price.entries]
    )


def _payment_days(
    usage_months: tuple[BillingPeriod, ...], account_type: AccountType, credit_days: int
) -> tuple[dt.date, ...]:
    return tuple(
        due_date(account_type, month.end, credit_days=credit_days)
        for month in usage_months
    )


def _terms_of(site: Site, months: tuple[BillingPeriod, ...], day: dt.date) -> _Terms:
    return _terms(site.term_start or months[0].start, site.billing, months, day)


def _payment_rules(account: Account | None) -> tuple[AccountType, int]:
    if account is None:
        return AccountType.SYSTEM_MANAGER, DEFAULT_CREDIT_DAYS
    if not isinstance(account, Account):
        raise ArgumentTypeError(account, "an Account or None", what="account")
    return account.account_type, account.credit_days


def _year(year: int) -> tuple[BillingPeriod, ...]:
    return billing_periods(
        first_day(to_count(year, what="year"), 1), BillingFrequency.MONTHLY, 12
    )


def _check_review_day(review_on: object, months: Sequence[BillingPeriod]) -> dt.date:
    day = to_date(review_on, what="review_on")
    if not months[0].start <= day < months[-1].end:
        raise InvalidPortfolioError(f"review_on {day} is not in the year billed")
    return day


def site_review(
    site: Site,
    *,
    year: int,
    paxton_price: Money | PerUserPrice | PriceSchedule,
    review_on: dt.date,
    account: Account | None = None,
) -> BalanceReview:
    """Review one site's prepaid balance on *review_on*, the plain way.

    The site's ledger starts with the term that holds 1 January (its terms
    run from its term start, 1 January by default). It is credited, on each
    term's first day, with what the term is billed for the users of its
    first month, and debited with each usage month's Paxton charge (the net
    price in force times that month's users) on the day the charge is paid,
    by *account*'s rules (a system manager's by default). The review takes
    the term that holds *review_on*: its balance counts the credits up to
    *review_on* included, less the charges already paid and those of earlier
    terms still to be paid; its remaining charges are the term's usage
    months not yet paid, each for the users of *review_on*'s month.

    This builds a :class:`~paxbill.ClientLedger` and counts users month by
    month: it is the reference that :func:`bill_portfolio` matches.

    >>> from paxbill import AppUser, BillingFrequency
    >>> site = Site(
    ...     "ACME", "INST-1", [AppUser(n, dt.date(2023, 1, 1)) for n in range(70)],
    ...     Money("4.00", "EUR"), BillingFrequency.ANNUAL,
    ... )
    >>> review = site_review(
    ...     site, year=2024, paxton_price=Money("2.55", "EUR"),
    ...     review_on=dt.date(2024, 6, 1),
    ... )
    >>> review.balance, review.months_remaining, review.sufficient
    (Money('2646.00', 'EUR'), 8, True)

    The year was prepaid on 1 January, 70 x 4.00 x 12 = EUR 3,360.00; by
    1 June, the charges for January to April are paid, 4 x 178.50; May's,
    paid on 1 June, and the seven after it remain.
    """
    if not isinstance(site, Site):
        raise ArgumentTypeError(site, "a Site", what="site")
    months = _year(year)
    day = _check_review_day(review_on, months)
    account_type, credit_days = _payment_rules(account)
    price = paxton_prices(paxton_price)
    currency = net_in_force(price, day).currency
    terms = _terms_of(site, months, day)
    ledger = ClientLedger(site.site_id, currency)
    for start, first in zip(terms.starts, terms.first_months, strict=True):
        users = active_users(site.users, first)
        billed = billed_for(site.billing, site.price, start, users)
        ledger = ledger.credit(start, billed, "prepayment")
    owed = []
    for month in terms.usage_months:
        unit_cost = net_in_force(price, month.start)
        charge = unit_cost * active_users(site.users, month)
        paid = due_date(account_type, month.end, credit_days=credit_days)
        ledger = ledger.debit(paid, charge, "Paxton")
        # Earlier terms' charges not yet paid are owed all the same.
        if month.start < terms.review_term.start and paid >= day:
            owed.append(charge)
    now = months[day.month - 1]  # the year's months are calendar months
    return review_balance(
        ledger.balance_for_review(day) - total(owed, currency),
        monthly_costs(price, active_users(site.users, now)),
        as_of=day,
        term_start=terms.review_term.start,
        term_end=terms.review_term.end,
        account_type=account_type,
        credit_days=credit_days,
    )


def bill_portfolio(
    portfolio: Portfolio,
    *,
    year: int,
    paxton_price: Money | PerUserPrice | PriceSchedule,
    review_on: dt.date,
) -> PortfolioResult:
    """Bill a whole portfolio for *year* in one call.

    Returns each account's twelve invoices (usage months January to
    December, numbered ``ACCOUNT-YYYY-MM``), each site's review on
    *review_on* (as :func:`site_review`), and each account's projection
    over the twelve months (as :func:`~paxbill.project_cash_flow` of its
    sites' clients).

    Raises:
        InvalidPortfolioError: *review_on* is not in *year*.

    >>> from paxbill import Account, AccountType, AppUser, BillingFrequency
    >>> site = Site(
    ...     "ACME", "INST-1", [AppUser(n, dt.date(2023, 1, 1)) for n in range(70)],
    ...     Money("4.00", "EUR"), BillingFrequency.ANNUAL,
    ... )
    >>> installer = Account("INST-1", AccountType.APPROVED_INSTALLER)
    >>> portfolio = Portfolio([installer], [site])
    >>> result = bill_portfolio(
    ...     portfolio, year=2024, paxton_price=PerUserPrice(Money("3.00", "EUR"), 15),
    ...     review_on=dt.date(2024, 6, 1),
    ... )
    >>> result.invoices_of("INST-1")[0].total, result.review_of("ACME").balance
    (Money('178.50', 'EUR'), Money('2646.00', 'EUR'))
    """
    if not isinstance(portfolio, Portfolio):
        raise ArgumentTypeError(portfolio, "a Portfolio", what="portfolio")
    months = _year(year)
    day = _check_review_day(review_on, months)
    price = paxton_prices(paxton_price)
    currency = net_in_force(price, months[0].start).currency
    # The invoices are numbered ACCOUNT-YYYY-MM.
    suffixes = [f"-{year}-{n:02d}" for n in range(1, 13)]
    now = day.month - 1  # the year's months are calendar months
    by_account: dict[str, list[Site]] = {a.account_id: [] for a in portfolio.accounts}
    for site in portfolio.sites:
        by_account[site.account_id].append(site)
    # Sites that share an anchor, a billing, a price and payment rules share
    # everything but their users: that plan is worked out once for them all.
    plans: dict[tuple[AccountType, int], dict[tuple[object, ...], _Plan]] = {}
    terms_of: dict[tuple[dt.date | None, Frequency], _Terms] = {}
    bills_of: dict[tuple[object, object], dict[object, Money]] = {}
    # A month's Paxton cost of so many users, worked out once.
    monthly_of: dict[int, Money | PriceSchedule] = {}
    invoices, reviews, projections = [], [], []
    for account in portfolio.accounts:
        rules = account.account_type, account.credit_days
        plans_of = plans.setdefault(rules, {})
        site_counts = []
        money_in: list[list[Money]] = [[] for _ in range(12)]
        for site in by_account[account.account_id]:
            counts = site.counts(months)
            site_counts.append(counts)
            key = (site.term_start, site.billing, site.price)
            plan = plans_of.get(key)
            if plan is None:
                anchored = (site.term_start, site.billing)
                terms = terms_of.get(anchored) or terms_of.setdefault(
                    anchored, _terms_of(site, months, day)
                )
                bills = bills_of.setdefault((site.billing, site.price), {})
                plan = plans_of[key] = _plan(
                    site, terms, months, day, price, rules, bills
                )
            terms = plan.terms
            # Terms of the year from the 1st bill their first calendar month.
            first_counts = (
                [counts[start.month - 1] for start in terms.starts]
                if terms.calendar_aligned
                else site.counts(terms.first_months)
            )
            credits = []
            for (start, slot, credited), users in zip(
                plan.rows, first_counts, strict=True
            ):
                bill_key = (start, users) if plan.dated else users
                billed = plan.bills.get(bill_key)
                if billed is None:
                    billed = plan.bills[bill_key] = billed_for(
                        site.billing, site.price, start, users
                    )
                if slot is not None:  # billed this year
                    money_in[slot].append(billed)
                if credited:
                    credits.append(billed)
            # The charges the balance has paid or owes, as site_review: those
            # paid before the review day, and every earlier term's. Both are
            # a run of the first usage months.
            usage_counts = (
                counts[: plan.charged]
                if terms.calendar_aligned
                else site.counts(terms.usage_months[: plan.charged])
            )
            costs = plan.costs
            if isinstance(costs, Money):  # one price: one product
                charges = costs * sum(usage_counts)
            else:
                charges = total(
                    [cost * n for cost, n in zip(costs, usage_counts, strict=True)],
                    currency,
                )
            monthly = monthly_of.get(counts[now])
            if monthly is None:
                monthly = monthly_of[counts[now]] = monthly_costs(price, counts[now])
            reviews.append(
                (
                    site.site_id,
                    review_charges(
                        total(credits, currency) - charges,
                        monthly,
                        plan.review_months,
                        plan.review_paid,
                        day,
                    ),
                )
            )
        account_counts = (
            [sum(column) for column in zip(*site_counts, strict=True)]
            if site_counts
            else [0] * 12
        )
        account_invoices = tuple(
            issue_invoice(account.account_id + suffix, account, price, users, month)
            for suffix, month, users in zip(
                suffixes, months, account_counts, strict=True
            )
        )
        invoices.append((account.account_id, account_invoices))
        projections.append(
            (
                account.account_id,
                cash_flow(
                    months,
                    [total(bills, currency) for bills in money_in],
                    # What Paxton bills, and when, is what its invoices say.
                    [invoice.total for invoice in account_invoices],
                    account,
                    currency,
                    due_dates=[invoice.due_date for invoice in account_invoices],
                ),
            )
        )
    # Every pair was made above: the result is set, not checked pair by pair.
    result = _new(PortfolioResult)
    _set_invoices(result, tuple(invoices))
    _set_reviews(result, tuple(reviews))
    _set_projections(result, tuple(projections))
    return result


_new = object.__new__
_set_invoices, _set_reviews, _set_projections = (
    vars(PortfolioResult)[name].__set__
    for name in ("invoices", "reviews", "projections")
)
