"""Counting app users: paxbill against a hand-written loop over date pairs.

The floor is what a careful caller writes by hand: a loop over
``(activated_on, deactivated_on)`` pairs that compares dates. paxbill does the
same work from ``AppUser`` objects, checking each one's type. Both sides count
the same users; the ratio is taken within each interleaved round.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random

from _harness import Report, interleave, ratios

import paxbill
from paxbill import (
    Account,
    AccountType,
    AppUser,
    AppUserColumns,
    BillingPeriod,
    Money,
    PerUserPrice,
    active_users,
    issue_invoice,
)

USERS = 100_000


def make_users(count: int, seed: int = 20240601) -> list[AppUser]:
    """Users activated over three years, a third of them since deactivated."""
    rng = random.Random(seed)
    first = dt.date(2022, 1, 1)
    users = []
    for n in range(count):
        start = first + dt.timedelta(rng.randrange(3 * 365))
        end = None
        if rng.random() < 1 / 3:
            end = start + dt.timedelta(rng.randrange(1, 400))
        users.append(AppUser(n, start, end))
    return users


def hand_count(
    pairs: list[tuple[dt.date, dt.date | None]], period: BillingPeriod
) -> int:
    """The floor: one comparison of dates per user, no objects."""
    start, end = period.start, period.end
    count = 0
    for activated_on, deactivated_on in pairs:
        if activated_on < end and (deactivated_on is None or deactivated_on > start):
            count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    users = make_users(USERS)
    pairs = [(u.activated_on, u.deactivated_on) for u in users]
    months = [BillingPeriod.month(2024, m) for m in range(1, 13)]
    june = months[5]
    account = Account("INST-1", AccountType.APPROVED_INSTALLER)
    price = PerUserPrice(Money("3.00", "EUR"), 15)
    unit = price.net

    def paxbill_year() -> object:
        return [
            issue_invoice(n, account, price, users, m) for n, m in enumerate(months)
        ]

    def hand_year() -> object:
        # The floor bills each month too: count, then units times the price.
        return [unit.amount * hand_count(pairs, m) for m in months]

    # Both sides must count the same users before either is timed.
    for month in months:
        assert active_users(users, month) == hand_count(pairs, month)
    assert [i.total.amount for i in paxbill_year()] == hand_year()  # type: ignore[attr-defined]

    times = interleave(
        {
            "active_users, one month": lambda: active_users(users, june),
            "hand loop, one month": lambda: hand_count(pairs, june),
            "issue_invoice x 12": paxbill_year,
            "hand loop x 12": hand_year,
        },
        rounds=args.rounds,
    )
    report = Report(
        f"Counting {USERS:,} app users (paxbill {paxbill.__version__}), "
        f"{args.rounds} interleaved rounds"
    )
    report.add(
        "active_users / hand loop (one month)",
        ratios(times, "active_users, one month", "hand loop, one month"),
        target=1.3,
    )
    report.add(
        "issue_invoice x 12 / hand loop x 12 (a year)",
        ratios(times, "issue_invoice x 12", "hand loop x 12"),
        target=1.3,
    )
    # The bulk way in: columns of ids and dates, checked in one pass and
    # indexed, against building plain tuples from the same columns.
    ids = [u.user_id for u in users]
    starts = [u.activated_on for u in users]
    ends = [u.deactivated_on for u in users]

    def tuples_sorted() -> object:
        pairs = list(zip(ids, starts, ends, strict=True))
        return sorted(starts), sorted(e for e in ends if e is not None), pairs

    bulk = interleave(
        {
            "AppUserColumns": lambda: AppUserColumns(ids, starts, ends),
            "plain tuples": lambda: list(zip(ids, starts, ends, strict=True)),
            "AppUserColumns indexed": lambda: AppUserColumns(ids, starts, ends).index,
            "tuples and sorted dates": tuples_sorted,
        },
        rounds=args.rounds,
    )
    report.add(
        "AppUserColumns / plain tuples (100,000 users in)",
        ratios(bulk, "AppUserColumns", "plain tuples"),
        target=2.0,
        note="every value checked",
    )
    report.add(
        "the same, indexed / tuples and their dates sorted",
        ratios(bulk, "AppUserColumns indexed", "tuples and sorted dates"),
        note="both sort",
    )
    report.show()


if __name__ == "__main__":
    main()
