"""A distributor's whole portfolio: paxbill against plain Decimal and py-moneyed.

Run with ``nox -s bench``. A seeded portfolio of 1,000 client sites x 100 users
(100,000 users) under 50 installer accounts is billed for a year: each
account's twelve Paxton invoices, each site's prepaid-balance review on
1 June, each account's cash-flow projection. The same computation is timed

1. with paxbill's ``bill_portfolio``;
2. hand-written with plain ``decimal.Decimal`` and ints, no objects (the floor);
3. hand-written with py-moneyed's ``Money`` for the amounts;

then again at 2x and 4x the users. Each is checked to give the same figures.
Times are the best of a few runs in this one process; ratios are what count.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import platform
import random
import sys
import time
import tracemalloc
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

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


def raw(
    portfolio: Portfolio,
) -> list[tuple[str, bool, list[tuple[int, int, list[tuple[int, int | None]]]]]]:
    """The same data with no objects: ordinals, ints and Decimals."""
    by_account: dict[str, list[Any]] = {a.account_id: [] for a in portfolio.accounts}
    for site in portfolio.sites:
        assert isinstance(site.price, Money)
        by_account[site.account_id].append(
            (
                site.price.amount,
                site.billing.months,
                [
                    (
                        u.activated_on.toordinal(),
                        None
                        if u.deactivated_on is None
                        else u.deactivated_on.toordinal(),
                    )
                    for u in site.users
                ],
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


def _due(issue: dt.date, manager: bool) -> int:
    return issue.toordinal() + (0 if manager else 30)


def _charges(day: dt.date, end: int) -> int:
    """1sts of months from day (inclusive) to the ordinal end (exclusive)."""
    count, year, month = 0, day.year, day.month
    if day.day != 1:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    while dt.date(year, month, 1).toordinal() < end:
        count += 1
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return count


def plain_decimal(data: Any, net: Decimal) -> Any:
    """The floor: the same year billed with Decimal, ints and tuples only."""
    bounds = [(s.toordinal(), e.toordinal()) for s, e in MONTHS]
    day = REVIEW_ON.toordinal()
    now = REVIEW_ON.month - 1
    results = []
    for account_id, manager, sites in data:
        counts_total = [0] * 12
        money_in = [Decimal(0)] * 12
        reviews = []
        for price, months, users in sites:
            starts = sorted([a for a, d in users if d != a])
            ends = sorted([d for a, d in users if d is not None and d != a])
            counts = [bisect_left(starts, e) - bisect_right(ends, s) for s, e in bounds]
            credits = Decimal(0)
            debited = 0
            for i, (s, e) in enumerate(bounds):
                counts_total[i] += counts[i]
                if i % months == 0:
                    billed = (price * (counts[i] * months)).quantize(
                        CENT, ROUND_HALF_UP
                    )
                    money_in[i] += billed
                    if s < day:
                        credits += billed
                if e < day:
                    debited += counts[i]
            balance = credits - net * debited
            monthly = net * counts[now]
            term_end = bounds[min((now // months + 1) * months, 12) - 1][1]
            remaining = _charges(REVIEW_ON, term_end)
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
            paid = _due(dt.date.fromordinal(e), manager)
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
        counts_total = [0] * 12
        money_in = [zero] * 12
        reviews = []
        for price, months, users in sites:
            unit = Money_(price, "EUR")
            starts = sorted([a for a, d in users if d != a])
            ends = sorted([d for a, d in users if d is not None and d != a])
            counts = [bisect_left(starts, e) - bisect_right(ends, s) for s, e in bounds]
            credits = zero
            debited = 0
            for i, (s, e) in enumerate(bounds):
                counts_total[i] += counts[i]
                if i % months == 0:
                    exact = unit * (counts[i] * months)
                    billed = Money_(exact.amount.quantize(CENT, ROUND_HALF_UP), "EUR")
                    money_in[i] = money_in[i] + billed
                    if s < day:
                        credits = credits + billed
                if e < day:
                    debited += counts[i]
            balance = credits - net * debited
            monthly = net * counts[now]
            term_end = bounds[min((now // months + 1) * months, 12) - 1][1]
            remaining = _charges(REVIEW_ON, term_end)
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
            paid = _due(dt.date.fromordinal(e), manager)
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


def best(run: Callable[[], object], repeat: int) -> float:
    """The best wall time of *repeat* runs, with the collector off while timing."""
    times = []
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            run()
            times.append(time.perf_counter() - start)
        finally:
            gc.enable()
    return min(times)


def peak_bytes(run: Callable[[], object]) -> int:
    """The peak memory that *run* allocates above what exists before it."""
    gc.collect()
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def measure(
    sites: int, users_per_site: int, accounts: int, repeat: int
) -> tuple[int, float, float, float | None, float, float, float]:
    """Time one portfolio size: paxbill, the floor, py-moneyed, memory, input."""
    portfolio = make_portfolio(sites, users_per_site, accounts)
    users = sites * users_per_site
    net = PAXTON.net.amount
    data = raw(portfolio)
    result = with_paxbill(portfolio)
    check_same(result, plain_decimal(data, net), "plain Decimal")
    t_pax = best(lambda: with_paxbill(portfolio), repeat)
    t_plain = best(lambda: plain_decimal(data, net), repeat)
    t_money = None
    if moneyed is not None:
        check_same(result, with_moneyed(data, str(net)), "py-moneyed")
        t_money = best(lambda: with_moneyed(data, str(net)), repeat)
    peak = peak_bytes(lambda: with_paxbill(portfolio)) / users
    # Preparing the input, outside the timings above: paxbill's Sites sort
    # their users' activity once; the hand-written versions need ordinals.
    t_build = best(lambda: rebuild(portfolio), 1)
    t_raw = best(lambda: raw(portfolio), 1)
    return users, t_pax, t_plain, t_money, peak, t_build, t_raw


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3, help="timed runs (3)")
    parser.add_argument("--sites", type=int, default=1000, help="client sites (1000)")
    parser.add_argument("--users", type=int, default=100, help="users per site (100)")
    parser.add_argument("--accounts", type=int, default=50, help="accounts (50)")
    args = parser.parse_args()
    print(
        f"paxbill {paxbill.__version__} on Python {platform.python_version()} "
        f"({sys.platform}, {platform.machine()}); best of {args.repeat} runs\n"
    )
    head = [
        "users",
        "paxbill",
        "plain Decimal",
        "vs plain",
        "py-moneyed",
        "moneyed/paxbill",
        "peak B/user",
    ]
    rows, base_time, base_users = [], 0.0, 0
    prepared: list[tuple[int, float, float]] = []
    verdicts = []
    for scale in (1, 2, 4):
        users, t_pax, t_plain, t_money, peak, t_build, t_raw = measure(
            args.sites * scale, args.users, args.accounts, args.repeat
        )
        prepared.append((users, t_build, t_raw))
        if scale == 1:
            base_time, base_users = t_pax, users
        rows.append(
            [
                f"{users:,}",
                f"{t_pax * 1e3:.1f} ms",
                f"{t_plain * 1e3:.1f} ms",
                f"{t_pax / t_plain:.2f}x",
                "n/a" if t_money is None else f"{t_money * 1e3:.1f} ms",
                "n/a" if t_money is None else f"{t_money / t_pax:.2f}x",
                f"{peak:.0f}",
            ]
        )
        verdicts.append((users, t_pax, t_plain, t_money, peak))
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    for row in [head, ["-" * w for w in widths], *rows]:
        print("  ".join(c.rjust(w) for c, w in zip(row, widths, strict=True)))
    print("\npreparing the input (not in the times above), and end to end:")
    for (users, t_build, t_raw), (_, t_pax, t_plain, t_money, _) in zip(
        prepared, verdicts, strict=True
    ):
        line = (
            f"  {users:>9,} users: Sites from AppUsers {t_build * 1e3:.1f} ms, "
            f"ordinals for the hand-written versions {t_raw * 1e3:.1f} ms; "
            f"end to end paxbill/plain {(t_build + t_pax) / (t_raw + t_plain):.2f}x"
        )
        if t_money is not None:
            line += f", py-moneyed/paxbill {(t_raw + t_money) / (t_build + t_pax):.2f}x"
        print(line)
    users4, t4 = verdicts[-1][0], verdicts[-1][1]
    growth = t4 / base_time
    print()
    print(
        f"growth: {users4 // base_users}x the users took {growth:.2f}x the time"
        " (target <= 4.4x)"
    )
    ratio = max(v[1] / v[2] for v in verdicts)
    print(f"paxbill vs plain Decimal: at most {ratio:.2f}x (target <= 1.5x)")
    if moneyed is not None:
        speedup = min(v[3] / v[1] for v in verdicts if v[3] is not None)
        print(f"py-moneyed vs paxbill: at least {speedup:.2f}x slower (target >= 3x)")
    most = max(v[4] for v in verdicts)
    print(f"peak memory: at most {most:.0f} bytes per user (target < 300)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
