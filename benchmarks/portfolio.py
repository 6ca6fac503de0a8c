"""A distributor's whole portfolio: paxbill against plain Decimal and py-moneyed.

Run with ``nox -s bench``. A seeded portfolio of 1,000 client sites x 100 users
(100,000 users) under 50 installer accounts is billed for a year: each
account's twelve Paxton invoices, each site's prepaid-balance review on
1 June, each account's cash-flow projection. The same computation is timed

1. with paxbill's ``bill_portfolio``;
2. hand-written with plain ``decimal.Decimal`` and ints, no objects (the floor);
3. hand-written with py-moneyed's ``Money`` for the amounts;

then again at 4x and 16x the users (400,000 and 1.6 million), with 4x and
16x the accounts and sites, as a distributor grows. Each is checked to give
the same figures. The candidates are timed in interleaved rounds, each
timed for at least 0.2 s a round, and compared within each round; so is the
growth, the two largest portfolios billed in the same rounds (at the largest
sizes the fixed costs of a call weigh least, so the growth there is the one
that would show a cost growing faster than the users). Like for like: the
floor's input is sorted before the call, as a Site's users are when it is
made; a second row makes both from the users, sorting included. Memory
counts the input held as well as the call's peak.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import random
import statistics
import sys
import tracemalloc
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from _harness import Candidate, Report, duration, interleave, machine, ratios

import paxbill
from paxbill import (
    Account,
    AccountType,
    AppUser,
    BillingFrequency,
    Money,
    PerUserPrice,
    Portfolio,
    Site,
    bill_portfolio,
)

try:
    import moneyed
except ImportError:  # pragma: no cover - the bench session installs it
    moneyed = None

YEAR = 2024
#: Targets of issue 25: against the floor at the smallest size and above it,
#: and the time 4x the users (and accounts) take.
FLOOR_TARGET = 1.3
LARGE_FLOOR_TARGET = 1.2
GROWTH_TARGET = 4.2
#: Each candidate is timed this long a round at least.
ROUND_SECONDS = 0.2
REVIEW_ON = dt.date(2024, 6, 1)
PAXTON = PerUserPrice(Money("3.00", "EUR"), 15)
CENT = Decimal("0.01")
FREQUENCIES = list(BillingFrequency)
MONTHS = [
    (dt.date(YEAR, m, 1), dt.date(YEAR + (m == 12), m % 12 + 1, 1))
    for m in range(1, 13)
]


def make_portfolio(
    sites: int, users: int, accounts: int, seed: int = 20241127
) -> Portfolio:
    """A reproducible portfolio: users activated over two years, 30 % gone."""
    rng = random.Random(seed)
    base = dt.date(2023, 1, 1)
    the_accounts = [
        Account(
            f"A{i:04d}",
            AccountType.APPROVED_INSTALLER if i % 2 else AccountType.SYSTEM_MANAGER,
        )
        for i in range(accounts)
    ]
    the_sites = []
    for j in range(sites):
        people = []
        for k in range(users):
            on = base + dt.timedelta(rng.randrange(730))
            off = None if rng.random() < 0.7 else on + dt.timedelta(rng.randrange(400))
            people.append(AppUser(k, on, off))
        price = Money(f"{rng.choice(['3.50', '4.00', '4.50'])}", "EUR")
        the_sites.append(
            Site(f"S{j:06d}", f"A{j % accounts:04d}", people, price, FREQUENCIES[j % 3])
        )
    return Portfolio(the_accounts, the_sites)


def raw(portfolio: Portfolio) -> list[Any]:
    """The same data with no objects: each site's sorted day numbers, Decimals.

    Like paxbill's Sites, which sort their users' activity when they are
    made, the floor's input is sorted before the timed call: neither side
    sorts inside it.
    """
    by_account: dict[str, list[Any]] = {a.account_id: [] for a in portfolio.accounts}
    for site in portfolio.sites:
        assert isinstance(site.price, Money)
        by_account[site.account_id].append(
            (
                site.price.amount,
                site.billing.months,
                *sorted_spans(
                    [
                        (
                            u.activated_on.toordinal(),
                            None
                            if u.deactivated_on is None
                            else u.deactivated_on.toordinal(),
                        )
                        for u in site.users
                    ]
                ),
            )
        )
    return [
        (
            a.account_id,
            a.account_type is AccountType.SYSTEM_MANAGER,
            by_account[a.account_id],
        )
        for a in portfolio.accounts
    ]


def sorted_spans(
    users: list[tuple[int, int | None]],
) -> tuple[list[int], list[int]]:
    """Activation and deactivation day numbers, sorted; empty spans left out."""
    return (
        sorted([a for a, d in users if d != a]),
        sorted([d for a, d in users if d is not None and d != a]),
    )


def _due(issue: int, manager: bool) -> int:
    return issue + (0 if manager else 30)


def _review_months(manager: bool, months: int) -> tuple[list[int], int]:
    """The year's usage months a review's balance has paid or owes, and how
    many of its term remain: a charge is paid on its due day, and a term's
    charges remain from the review day on (the rule of docs/rules.md)."""
    day = REVIEW_ON.toordinal()
    paid = [_due(end.toordinal(), manager) for _, end in MONTHS]
    first = (REVIEW_ON.month - 1) // months * months
    debited = [i for i in range(12) if i < first or paid[i] < day]
    remaining = sum(1 for i in range(first, first + months) if paid[i] >= day)
    return debited, remaining


def plain_decimal(data: Any, net: Decimal) -> Any:
    """The floor: the same year billed with Decimal, ints and tuples only."""
    bounds = [(s.toordinal(), e.toordinal()) for s, e in MONTHS]
    day = REVIEW_ON.toordinal()
    now = REVIEW_ON.month - 1
    results = []
    for account_id, manager, sites in data:
        rules = {m: _review_months(manager, m) for m in (1, 3, 12)}
        counts_total = [0] * 12
        money_in = [Decimal(0)] * 12
        reviews = []
        for price, months, starts, ends in sites:
            counts = [bisect_left(starts, e) - bisect_right(ends, s) for s, e in bounds]
            credits = Decimal(0)
            for i, (s, _) in enumerate(bounds):
                counts_total[i] += counts[i]
                if i % months == 0:
                    billed = (price * (counts[i] * months)).quantize(
                        CENT, ROUND_HALF_UP
                    )
                    money_in[i] += billed
                    if s <= day:
                        credits += billed
            debited, remaining = rules[months]
            balance = credits - net * sum([counts[i] for i in debited])
            monthly = net * counts[now]
            due = monthly * remaining
            covered = (
                remaining
                if monthly == 0
                else max(0, min(remaining, int(balance // monthly)))
            )
            reviews.append((covered, max(due - balance, Decimal(0))))
        bills = [net * c for c in counts_total]
        out = [Decimal(0)] * 12
        for i, (_, e) in enumerate(bounds):
            paid = _due(e, manager)
            for j, (s2, e2) in enumerate(bounds):
                if s2 <= paid < e2:
                    out[j] += bills[i]
        position, cumulative = Decimal(0), []
        for i in range(12):
            position += money_in[i] - out[i]
            cumulative.append(position)
        results.append((account_id, bills, reviews, cumulative))
    return results


def with_moneyed(data: Any, net_text: str) -> Any:
    """The same computation with py-moneyed's Money for every amount."""
    Money_ = moneyed.Money
    net = Money_(net_text, "EUR")
    zero = Money_(0, "EUR")
    bounds = [(s.toordinal(), e.toordinal()) for s, e in MONTHS]
    day = REVIEW_ON.toordinal()
    now = REVIEW_ON.month - 1
    results = []
    for account_id, manager, sites in data:
        rules = {m: _review_months(manager, m) for m in (1, 3, 12)}
        counts_total = [0] * 12
        money_in = [zero] * 12
        reviews = []
        for price, months, starts, ends in sites:
            unit = Money_(price, "EUR")
            counts = [bisect_left(starts, e) - bisect_right(ends, s) for s, e in bounds]
            credits = zero
            for i, (s, _) in enumerate(bounds):
                counts_total[i] += counts[i]
                if i % months == 0:
                    exact = unit * (counts[i] * months)
                    billed = Money_(exact.amount.quantize(CENT, ROUND_HALF_UP), "EUR")
                    money_in[i] = money_in[i] + billed
                    if s <= day:
                        credits = credits + billed
            debited, remaining = rules[months]
            balance = credits - net * sum([counts[i] for i in debited])
            monthly = net * counts[now]
            due = monthly * remaining
            covered = (
                remaining
                if monthly.amount == 0
                else max(0, min(remaining, int(balance.amount // monthly.amount)))
            )
            short = due - balance
            reviews.append((covered, short.amount if short.amount > 0 else Decimal(0)))
        bills = [net * c for c in counts_total]
        out = [zero] * 12
        for i, (_, e) in enumerate(bounds):
            paid = _due(e, manager)
            for j, (s2, e2) in enumerate(bounds):
                if s2 <= paid < e2:
                    out[j] = out[j] + bills[i]
        position, cumulative = zero, []
        for i in range(12):
            position = position + money_in[i] - out[i]
            cumulative.append(position.amount)
        results.append((account_id, [b.amount for b in bills], reviews, cumulative))
    return results


def rebuild(portfolio: Portfolio) -> Portfolio:
    """The portfolio made again from its accounts and users."""
    return Portfolio(
        portfolio.accounts,
        [
            Site(s.site_id, s.account_id, s.users, s.price, s.billing)
            for s in portfolio.sites
        ],
    )


def with_paxbill(portfolio: Portfolio) -> paxbill.PortfolioResult:
    """paxbill's one call."""
    return bill_portfolio(
        portfolio, year=YEAR, paxton_price=PAXTON, review_on=REVIEW_ON
    )


def check_same(result: paxbill.PortfolioResult, floor: Any, name: str) -> None:
    """Fail loudly unless a hand-written version found paxbill's figures."""
    sites = iter(result.reviews)
    for account_id, bills, reviews, cumulative in floor:
        invoices = result.invoices_of(account_id)
        assert [i.total.amount for i in invoices] == bills, (name, account_id)
        projection = result.projection_of(account_id)
        assert [m.cumulative.amount for m in projection.months] == cumulative, name
        for covered, shortfall in reviews:
            _, review = next(sites)
            assert (review.months_covered, review.shortfall.amount) == (
                covered,
                shortfall,
            ), name


def input_bytes(make: Callable[[], object]) -> tuple[object, int]:
    """What *make* returns, and the memory it holds once made."""
    gc.collect()
    tracemalloc.start()
    try:
        made = make()
        return made, tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()


def peak_bytes(run: Callable[[], object]) -> int:
    """The peak memory that *run* allocates above what exists before it."""
    gc.collect()
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds")
    parser.add_argument("--sites", type=int, default=1000, help="client sites (1000)")
    parser.add_argument("--users", type=int, default=100, help="users per site (100)")
    parser.add_argument("--accounts", type=int, default=50, help="accounts (50)")
    parser.add_argument(
        "--scales",
        type=int,
        nargs="+",
        default=[1, 4, 16],
        help="sizes, as multiples of the sites and accounts (1 4 16)",
    )
    args = parser.parse_args()
    net = PAXTON.net.amount
    report = Report(
        f"A portfolio billed for a year (paxbill {paxbill.__version__}, "
        f"{machine()}), {args.rounds} interleaved rounds"
    )
    medians: dict[int, float] = {}
    portfolios: dict[int, Portfolio] = {}
    memory = []
    smallest = min(args.scales)
    for scale in sorted(args.scales):
        sites = args.sites * scale
        accounts = args.accounts * scale
        users = sites * args.users
        portfolio = portfolios[users] = make_portfolio(sites, args.users, accounts)
        result = with_paxbill(portfolio)
        data = raw(portfolio)
        check_same(result, plain_decimal(data, net), "plain Decimal")
        candidates: dict[str, Candidate] = {
            "paxbill": lambda p=portfolio: with_paxbill(p),  # type: ignore[misc]
            "floor": lambda d=data: plain_decimal(d, net),  # type: ignore[misc]
        }
        # The smallest size also times both from the users, and py-moneyed.
        if scale == smallest:
            # Both sort: paxbill's Sites made from AppUsers, then billed,
            # against the floor's day numbers sorted, then billed.
            candidates["paxbill from users"] = lambda p=portfolio: with_paxbill(
                rebuild(p)
            )  # type: ignore[misc]
            candidates["floor from users"] = lambda p=portfolio: plain_decimal(
                raw(p), net
            )  # type: ignore[misc]
            if moneyed is not None:
                check_same(result, with_moneyed(data, str(net)), "py-moneyed")
                candidates["py-moneyed"] = lambda d=data: with_moneyed(d, str(net))  # type: ignore[misc]
        times = interleave(
            candidates, rounds=args.rounds, budget=ROUND_SECONDS, inner=1
        )
        medians[users] = statistics.median(times["paxbill"])
        label = f"{users:,} users, {accounts:,} accounts"
        report.add(
            f"{label}: bill_portfolio / floor (sorted input)",
            ratios(times, "paxbill", "floor"),
            target=FLOOR_TARGET if scale == smallest else LARGE_FLOOR_TARGET,
            note=f"paxbill {duration(medians[users])}",
        )
        if scale == smallest:
            report.add(
                f"{label}: from AppUsers, both sort",
                ratios(times, "paxbill from users", "floor from users"),
            )
            if moneyed is not None:
                report.add(
                    f"{label}: py-moneyed / bill_portfolio",
                    ratios(times, "py-moneyed", "paxbill"),
                )
        _, held = input_bytes(
            lambda n=sites, a=accounts: make_portfolio(n, args.users, a)  # type: ignore[misc]
        )
        peak = peak_bytes(lambda p=portfolio: with_paxbill(p))  # type: ignore[misc]
        _, floor_held = input_bytes(lambda p=portfolio: raw(p))  # type: ignore[misc]
        floor_peak = peak_bytes(lambda d=data: plain_decimal(d, net))  # type: ignore[misc]
        memory.append(
            f"{label}: paxbill input {held / users:.0f} + peak {peak / users:.0f} "
            f"B/user; floor input {floor_held / users:.0f} + peak "
            f"{floor_peak / users:.0f} B/user"
        )
    # The growth is a ratio like the others: the two largest portfolios
    # billed in the same rounds, so that the machine's drift between the
    # scales above stays out of it.
    small, large = sorted(portfolios)[-2:]
    report.add(
        f"{large // small}x the users ({small:,} to {large:,}): time grows",
        ratios(
            interleave(
                {
                    "large": lambda: with_paxbill(portfolios[large]),
                    "small": lambda: with_paxbill(portfolios[small]),
                },
                rounds=args.rounds,
                budget=ROUND_SECONDS,
                inner=1,
            ),
            "large",
            "small",
        ),
        target=GROWTH_TARGET * (large // small) / 4,
    )
    report.show()
    print("\nmemory, input held plus the call's peak:")
    for line in memory:
        print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
