"""Per-operation cost of paxbill's Money, as ratios to raw decimal.Decimal.

Run with ``nox -s bench``. Every figure is measured in this one run, in
interleaved rounds: the time per operation of plain ``decimal.Decimal`` is the
baseline, and paxbill, prices and py-moneyed are reported as multiples of it
(lower is better), median and spread of the per-round ratios. Formatting is
compared with babel's own ``format_currency`` instead, as a speed-up. A bare
class (two slots, exact arithmetic, nothing else) is timed beside them: the
least any pure-Python Money can cost on this Python.
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
    Rounded,
)

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

# Targets from the foundation issue, as the highest ratio to raw Decimal.
# The format target is relative to babel's own format_currency instead.
TOTAL = f"total of {TOTAL_SIZE:,}"
TARGETS = {"construct": 3.0, "add": 6.0, "multiply": 5.0, "round": 5.0, TOTAL: 3.0}
#: Money.format against babel's format_currency, as a speed-up (issue 9).
FORMAT_SPEEDUP = 3.0


# Exact arithmetic whatever the caller's context, as paxbill's must be: its
# own context, which signals rather than rounds.
_EXACT = Context(
    prec=100, Emax=MAX_EMAX, Emin=MIN_EMIN, traps=[InvalidOperation, Inexact, Rounded]
)
_READ = Context(prec=28, traps=[InvalidOperation, Inexact, Rounded]).create_decimal


class Bare:
    """The least any pure-Python Money can cost: a reference, not a candidate.

    Two slots set by a plain ``__init__``, exact arithmetic in its own
    context; no checks of type or currency, and not even frozen. Its ratio
    shows how much of a target is left once Python has called a method.
    """

    __slots__ = ("amount", "currency")

    def __init__(self, amount: Decimal, currency: str) -> None:
        self.amount = amount
        self.currency = currency

    def __add__(self, other: Bare) -> Bare:
        return Bare(_EXACT.add(self.amount, other.amount), self.currency)

    def __mul__(self, factor: int) -> Bare:
        return Bare(_EXACT.multiply(self.amount, factor), self.currency)


def check_same_results() -> None:
    """Make sure every implementation computes the same figures as paxbill."""
    assert paxbill.Money("2.545", "EUR").round().amount == Decimal("2.55")
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
        "Money": paxbill.Money,
        "money_total": paxbill.total,
        "a": Decimal("178.50"),
        "b": Decimal("2.55"),
        "r": Decimal("2.545"),
        "pa": paxbill.Money("178.50", "EUR"),
        "pb": paxbill.Money("2.55", "EUR"),
        "pr": paxbill.Money("2.545", "EUR"),
        "dec_list": [Decimal(t) for t in texts],
        "pax_list": [paxbill.Money(t, "EUR") for t in texts],
    }
    table: dict[str, dict[str, str]] = {
        "construct": {
            "Decimal": 'Decimal("178.50")',
            "paxbill": 'Money("178.50", "EUR")',
        },
        "add": {"Decimal": "a + b", "paxbill": "pa + pb"},
        "multiply": {"Decimal": "b * 70", "paxbill": "pb * 70"},
        "round": {
            "Decimal": "r.quantize(CENT, ROUND_HALF_UP)",
            "paxbill": "pr.round()",
        },
        "format": {
            "Decimal": 'format_currency(a, "EUR", locale="fr_FR")',
            "paxbill": 'pa.format("fr_FR")',
        },
        TOTAL: {
            "Decimal": "sum(dec_list, Decimal(0))",
            "paxbill": "money_total(pax_list)",
        },
    }
    scope.update(
        Bare=Bare,
        read=_READ,
        ba=Bare(Decimal("178.50"), "EUR"),
        bb=Bare(Decimal("2.55"), "EUR"),
    )
    table["construct"]["bare class"] = 'Bare(read("178.50"), "EUR")'
    table["add"]["bare class"] = "ba + bb"
    table["multiply"]["bare class"] = "bb * 70"
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
        table["multiply"]["prices"] = "qb * 70"
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
        table["multiply"]["py-moneyed"] = "mb * 70"
        table["round"]["py-moneyed"] = "mr.round(2)"
        table["format"]["py-moneyed"] = 'moneyed_format(ma, locale="fr_FR")'
        table[TOTAL]["py-moneyed"] = "sum(m_list, m_zero)"
    return table, scope


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=7, help="interleaved rounds")
    args = parser.parse_args()
    check_same_results()
    report = Report(
        f"Money, per operation (paxbill {paxbill.__version__}, {machine()}), "
        f"{args.rounds} interleaved rounds; ratio to raw Decimal, lower is better"
    )
    table, scope = candidates()
    for operation, row in table.items():
        times = interleave(row, rounds=args.rounds, budget=0.01, scope=scope)
        if operation == "format":
            # Speed-up over babel: higher is better.
            report.add(
                "format: babel format_currency / Money.format",
                ratios(times, "Decimal", "paxbill"),
                target=FORMAT_SPEEDUP,
                at_least=True,
                note="ICU's strings (tests/test_cldr_formatting.py)",
            )
            continue
        peers = ", ".join(
            f"{name} {statistics.median(ratios(times, name, 'Decimal')):.2f}x"
            for name in row
            if name not in ("Decimal", "paxbill")
        )
        report.add(
            f"{operation}: paxbill / Decimal",
            ratios(times, "paxbill", "Decimal"),
            target=TARGETS[operation],
            note=peers,
        )
    report.show()
    return 0


if __name__ == "__main__":
    sys.exit(main())
