"""Per-operation cost of paxbill's Money, against raw Decimal and its peers.

Run with ``nox -s bench``. Every figure is measured in this one run, in
interleaved rounds, each candidate timed for at least 0.2 s a round (three
runs of at least 0.07 s, the best kept). For each operation, plain
``decimal.Decimal`` is the baseline, and paxbill, ``prices``, ``py-moneyed``
and two reference classes are reported as multiples of it (lower is
better), median and spread of the per-round ratios; paxbill is also compared
with each peer directly (at most 1.0x: level or faster). Splitting is
compared with a split written by hand in whole cents instead, and formatting
with babel's own ``format_currency``, as a speed-up.

The two reference classes are not candidates but floors:

* *plain class*: two slots, ordinary operators, no check of any kind: the
  least any pure-Python Money costs on this Python;
* *frozen, exact*: the same with paxbill's two rules and nothing else:
  immutable (an instance cannot be assigned to) and exact (its sums are
  worked out in its own context, which signals rather than rounds, whatever
  the caller's context). The gap between the two is what those rules cost;
  where it is wider than a target leaves room for, the target is below any
  pure-Python Money that keeps them.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
from decimal import (
    MAX_EMAX,
    MIN_EMIN,
    ROUND_HALF_UP,
    Context,
    Decimal,
    Inexact,
    InvalidOperation,
    Overflow,
    Rounded,
    Subnormal,
    Underflow,
)
from typing import NoReturn

from _harness import Report, interleave, machine, ratios
from babel.numbers import format_currency

import paxbill

try:
    import moneyed
    from moneyed.l10n import format_money as moneyed_format
except ImportError:  # pragma: no cover - the bench session installs it
    moneyed = None
try:
    import prices
except ImportError:  # pragma: no cover
    prices = None

TOTAL_SIZE = 100_000
CENT = Decimal("0.01")
#: Each candidate is timed this long a round at least, in three runs.
ROUND_SECONDS = 0.2
RUNS = 3

TOTAL = f"total of {TOTAL_SIZE:,}"
#: The highest ratio to raw Decimal (split and allocate: to the split by
#: hand), from the foundation issue and issue 25.
TARGETS = {
    "construct": 3.0,
    "add": 6.0,
    "subtract": 6.0,
    "multiply by int": 5.0,
    "multiply by Decimal": 5.0,
    "round": 5.0,
    TOTAL: 3.0,
    "split(3)": 3.0,
    "allocate([1, 2, 3])": 3.0,
}
#: paxbill against each peer, on every operation they share (issue 25).
PEER_TARGET = 1.0
#: Money.format against babel's format_currency, as a speed-up (issue 9).
FORMAT_SPEEDUP = 3.0

# Exact arithmetic whatever the caller's context, as paxbill's must be.
_EXACT = Context(
    prec=100, Emax=MAX_EMAX, Emin=MIN_EMIN, traps=[InvalidOperation, Inexact, Rounded]
)
_READ = Context(
    prec=28,
    Emax=27,
    Emin=-28,
    traps=[InvalidOperation, Inexact, Rounded, Overflow, Underflow, Subnormal],
).create_decimal
_exact_add, _exact_sub, _exact_mul = _EXACT.add, _EXACT.subtract, _EXACT.multiply


class Plain:
    """Two slots and ordinary operators: the least a pure-Python Money costs."""

    __slots__ = ("amount", "currency")

    def __init__(self, amount: Decimal, currency: str) -> None:
        self.amount = amount
        self.currency = currency

    def __add__(self, other: Plain) -> Plain:
        return Plain(self.amount + other.amount, self.currency)

    def __sub__(self, other: Plain) -> Plain:
        return Plain(self.amount - other.amount, self.currency)

    def __mul__(self, factor: int | Decimal) -> Plain:
        return Plain(self.amount * factor, self.currency)

    def __lt__(self, other: Plain) -> bool:
        return self.amount < other.amount

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Plain)
            and self.amount == other.amount
            and self.currency == other.currency
        )

    __hash__ = None  # type: ignore[assignment]

    def round(self) -> Plain:
        return Plain(self.amount.quantize(CENT, ROUND_HALF_UP), self.currency)


class Frozen:
    """Plain with paxbill's two rules only: immutable, and exact.

    Its amount is read in a context that refuses more than 28 digits, its
    sums are worked out in one that signals rather than rounds, and its
    slots are set past a ``__setattr__`` that refuses every assignment.
    No check of type or currency.
    """

    __slots__ = ("amount", "currency")

    def __init__(self, amount: str, currency: str) -> None:
        _set_amount(self, _READ(amount))
        _set_currency(self, currency)

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError(name)

    def __add__(self, other: Frozen) -> Frozen:
        return _frozen(_exact_add(self.amount, other.amount), self.currency)

    def __sub__(self, other: Frozen) -> Frozen:
        return _frozen(_exact_sub(self.amount, other.amount), self.currency)

    def __mul__(self, factor: int | Decimal) -> Frozen:
        return _frozen(_exact_mul(self.amount, factor), self.currency)


_set_amount = vars(Frozen)["amount"].__set__
_set_currency = vars(Frozen)["currency"].__set__


def _frozen(amount: Decimal, currency: str) -> Frozen:
    made = object.__new__(Frozen)
    _set_amount(made, amount)
    _set_currency(made, currency)
    return made


def split_by_hand(amount: Decimal, parts: int) -> list[Decimal]:
    """A split in whole cents with ints, written for this one currency."""
    cents = int(amount.quantize(CENT, ROUND_HALF_UP) * 100)
    share, extra = divmod(cents, parts)
    return [Decimal(share + (i < extra)) / 100 for i in range(parts)]


def allocate_by_hand(amount: Decimal, weights: list[int]) -> list[Decimal]:
    """Largest remainders in whole cents with ints, ties to the earliest."""
    cents = int(amount.quantize(CENT, ROUND_HALF_UP) * 100)
    whole = sum(weights)
    shares = [divmod(cents * weight, whole) for weight in weights]
    parts = [share for share, _ in shares]
    order = sorted(range(len(parts)), key=lambda i: shares[i][1], reverse=True)
    for index in order[: cents - sum(parts)]:
        parts[index] += 1
    return [Decimal(part) / 100 for part in parts]


def check_same_results() -> None:
    """Make sure every implementation computes the same figures as paxbill."""
    money = paxbill.Money
    assert money("2.545", "EUR").round().amount == Decimal("2.55")
    for amount in ("100.00", "0.05", "178.51"):
        pax = money(amount, "EUR")
        expected = [part.amount for part in pax.split(3)]
        assert split_by_hand(Decimal(amount), 3) == expected, amount
        expected = [part.amount for part in pax.allocate([1, 2, 3])]
        assert allocate_by_hand(Decimal(amount), [1, 2, 3]) == expected, amount
    assert (money("178.50", "EUR") < money("2.55", "EUR")) is False
    if prices is not None:
        assert prices.Money("2.545", "EUR").quantize(
            rounding=ROUND_HALF_UP
        ).amount == Decimal("2.55")
    if moneyed is not None:
        # py-moneyed rounds half-even: 2.545 -> 2.54. Timed, not equal.
        assert moneyed.Money("2.55", "EUR") * 70 == moneyed.Money("178.50", "EUR")


def candidates() -> tuple[dict[str, dict[str, str]], dict[str, object]]:
    """For each operation, the same work by each implementation, as statements."""
    rng = random.Random(20240601)
    texts = [f"{rng.randint(0, 10**8)}".rjust(3, "0") for _ in range(TOTAL_SIZE)]
    texts = [f"{t[:-2]}.{t[-2:]}" for t in texts]
    scope: dict[str, object] = {
        "Decimal": Decimal,
        "ROUND_HALF_UP": ROUND_HALF_UP,
        "CENT": CENT,
        "format_currency": format_currency,
        "split_by_hand": split_by_hand,
        "allocate_by_hand": allocate_by_hand,
        "Money": paxbill.Money,
        "money_total": paxbill.total,
        "a": Decimal("178.50"),
        "b": Decimal("2.55"),
        "r": Decimal("2.545"),
        "q": Decimal("1.15"),
        "w": [1, 2, 3],
        "pa": paxbill.Money("178.50", "EUR"),
        "pb": paxbill.Money("2.55", "EUR"),
        "pr": paxbill.Money("2.545", "EUR"),
        "dec_list": [Decimal(t) for t in texts],
        "pax_list": [paxbill.Money(t, "EUR") for t in texts],
        "Plain": Plain,
        "Frozen": Frozen,
        "na": Plain(Decimal("178.50"), "EUR"),
        "nb": Plain(Decimal("2.55"), "EUR"),
        "nr": Plain(Decimal("2.545"), "EUR"),
        "fa": Frozen("178.50", "EUR"),
        "fb": Frozen("2.55", "EUR"),
    }
    table: dict[str, dict[str, str]] = {
        "construct": {
            "Decimal": 'Decimal("178.50")',
            "paxbill": 'Money("178.50", "EUR")',
            "plain class": 'Plain(Decimal("178.50"), "EUR")',
            "frozen, exact": 'Frozen("178.50", "EUR")',
        },
        "add": {
            "Decimal": "a + b",
            "paxbill": "pa + pb",
            "plain class": "na + nb",
            "frozen, exact": "fa + fb",
        },
        "subtract": {
            "Decimal": "a - b",
            "paxbill": "pa - pb",
            "plain class": "na - nb",
            "frozen, exact": "fa - fb",
        },
        "multiply by int": {
            "Decimal": "b * 70",
            "paxbill": "pb * 70",
            "plain class": "nb * 70",
            "frozen, exact": "fb * 70",
        },
        "multiply by Decimal": {
            "Decimal": "b * q",
            "paxbill": "pb * q",
            "plain class": "nb * q",
            "frozen, exact": "fb * q",
        },
        "compare <": {
            "Decimal": "a < b",
            "paxbill": "pa < pb",
            "plain class": "na < nb",
        },
        "compare ==": {
            "Decimal": "a == b",
            "paxbill": "pa == pb",
            "plain class": "na == nb",
        },
        "round": {
            "Decimal": "r.quantize(CENT, ROUND_HALF_UP)",
            "paxbill": "pr.round()",
            "plain class": "nr.round()",
        },
        TOTAL: {
            "Decimal": "sum(dec_list, Decimal(0))",
            "paxbill": "money_total(pax_list)",
        },
        "split(3)": {"by hand": "split_by_hand(a, 3)", "paxbill": "pa.split(3)"},
        "allocate([1, 2, 3])": {
            "by hand": "allocate_by_hand(a, w)",
            "paxbill": "pa.allocate(w)",
        },
        "format": {
            "Decimal": 'format_currency(a, "EUR", locale="fr_FR")',
            "paxbill": 'pa.format("fr_FR")',
        },
    }
    if prices is not None:
        scope.update(
            PricesMoney=prices.Money,
            qa=prices.Money("178.50", "EUR"),
            qb=prices.Money("2.55", "EUR"),
            qr=prices.Money("2.545", "EUR"),
            q_list=[prices.Money(t, "EUR") for t in texts],
            q_zero=prices.Money(0, "EUR"),
        )
        table["construct"]["prices"] = 'PricesMoney("178.50", "EUR")'
        table["add"]["prices"] = "qa + qb"
        table["subtract"]["prices"] = "qa - qb"
        table["multiply by int"]["prices"] = "qb * 70"
        table["multiply by Decimal"]["prices"] = "qb * q"
        table["compare <"]["prices"] = "qa < qb"
        table["compare =="]["prices"] = "qa == qb"
        table["round"]["prices"] = "qr.quantize(rounding=ROUND_HALF_UP)"
        table[TOTAL]["prices"] = "sum(q_list, q_zero)"
    if moneyed is not None:
        scope.update(
            MoneyedMoney=moneyed.Money,
            moneyed_format=moneyed_format,
            ma=moneyed.Money("178.50", "EUR"),
            mb=moneyed.Money("2.55", "EUR"),
            mr=moneyed.Money("2.545", "EUR"),
            m_list=[moneyed.Money(t, "EUR") for t in texts],
            m_zero=moneyed.Money(0, "EUR"),
        )
        table["construct"]["py-moneyed"] = 'MoneyedMoney("178.50", "EUR")'
        table["add"]["py-moneyed"] = "ma + mb"
        table["subtract"]["py-moneyed"] = "ma - mb"
        table["multiply by int"]["py-moneyed"] = "mb * 70"
        table["multiply by Decimal"]["py-moneyed"] = "mb * q"
        table["compare <"]["py-moneyed"] = "ma < mb"
        table["compare =="]["py-moneyed"] = "ma == mb"
        table["round"]["py-moneyed"] = "mr.round(2)"
        table["format"]["py-moneyed"] = 'moneyed_format(ma, locale="fr_FR")'
        table[TOTAL]["py-moneyed"] = "sum(m_list, m_zero)"
    return table, scope


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=7, help="interleaved rounds")
    parser.add_argument(
        "--only", action="append", help="time only operations whose name has this"
    )
    args = parser.parse_args()
    check_same_results()
    report = Report(
        f"Money, per operation (paxbill {paxbill.__version__}, {machine()}), "
        f"{args.rounds} interleaved rounds of at least {ROUND_SECONDS} s a "
        "candidate; ratio to raw Decimal, lower is better"
    )
    table, scope = candidates()
    for operation, row in table.items():
        if args.only and not any(part in operation for part in args.only):
            continue
        times = interleave(
            row,
            rounds=args.rounds,
            budget=ROUND_SECONDS / RUNS,
            inner=RUNS,
            scope=scope,
        )
        if operation == "format":
            # Speed-up over babel: higher is better.
            report.add(
                "format: babel format_currency / Money.format",
                ratios(times, "Decimal", "paxbill"),
                target=FORMAT_SPEEDUP,
                at_least=True,
                note="ICU's strings (tests/test_cldr_formatting.py)",
            )
            if "py-moneyed" in row:
                report.add(
                    "format: paxbill / py-moneyed",
                    ratios(times, "paxbill", "py-moneyed"),
                    target=PEER_TARGET,
                )
            continue
        base = "by hand" if "by hand" in row else "Decimal"
        references = ", ".join(
            f"{name} {statistics.median(ratios(times, name, base)):.2f}x"
            for name in row
            if name not in (base, "paxbill")
        )
        report.add(
            f"{operation}: paxbill / {base}",
            ratios(times, "paxbill", base),
            target=TARGETS.get(operation),
            note=references,
        )
        for peer in ("prices", "py-moneyed"):
            if peer in row:
                report.add(
                    f"{operation}: paxbill / {peer}",
                    ratios(times, "paxbill", peer),
                    target=PEER_TARGET,
                )
    report.show()
    return 0


if __name__ == "__main__":
    sys.exit(main())
