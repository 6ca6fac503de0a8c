"""Per-operation cost of paxbill's Money, as ratios to raw decimal.Decimal.

Run with ``nox -s bench``. Every figure is measured in this one run: the time
per operation of plain ``decimal.Decimal`` is the baseline, and paxbill,
prices and py-moneyed are reported as multiples of it (lower is better).
Absolute times on a shared machine mean little; ratios in one run do.
"""

from __future__ import annotations

import argparse
import platform
import random
import sys
import timeit
from decimal import ROUND_HALF_UP, Decimal

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
TARGETS = {
    "construct": 3.0,
    "add": 6.0,
    "multiply": 5.0,
    "round": 5.0,
    "format": None,
    f"total of {TOTAL_SIZE:,}": 3.0,
}


def per_call(statement: str, scope: dict[str, object], repeat: int) -> float:
    """Best time of one *statement*, in seconds, over *repeat* timed runs.

    Statements are timed as source, not through a lambda, so that no call
    overhead is added to either side of a ratio.
    """
    timer = timeit.Timer(statement, globals=scope)
    number, _ = timer.autorange()
    return min(timer.repeat(repeat=repeat, number=number)) / number


def suites(repeat: int) -> dict[str, dict[str, float | None]]:
    """Time each operation for each implementation, in seconds per operation."""
    rng = random.Random(20240601)
    texts = [f"{rng.randint(0, 10**8)}".rjust(3, "0") for _ in range(TOTAL_SIZE)]
    texts = [f"{t[:-2]}.{t[-2:]}" for t in texts]
    scope: dict[str, object] = {
        "Decimal": Decimal,
        "ROUND_HALF_UP": ROUND_HALF_UP,
        "CENT": CENT,
        "format_currency": format_currency,
        "paxbill": paxbill,
        "a": Decimal("178.50"),
        "b": Decimal("2.55"),
        "r": Decimal("2.545"),
        "pa": paxbill.Money("178.50", "EUR"),
        "pb": paxbill.Money("2.55", "EUR"),
        "pr": paxbill.Money("2.545", "EUR"),
        "dec_list": [Decimal(t) for t in texts],
        "pax_list": [paxbill.Money(t, "EUR") for t in texts],
    }
    total = f"total of {TOTAL_SIZE:,}"
    table: dict[str, dict[str, str | None]] = {
        "construct": {
            "Decimal": 'Decimal("178.50")',
            "paxbill": 'paxbill.Money("178.50", "EUR")',
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
        total: {
            "Decimal": "sum(dec_list, Decimal(0))",
            "paxbill": "paxbill.total(pax_list)",
        },
    }
    if prices is not None:
        scope.update(
            prices=prices,
            qa=prices.Money("178.50", "EUR"),
            qb=prices.Money("2.55", "EUR"),
            qr=prices.Money("2.545", "EUR"),
            q_list=[prices.Money(t, "EUR") for t in texts],
            q_zero=prices.Money(0, "EUR"),
        )
        table["construct"]["prices"] = 'prices.Money("178.50", "EUR")'
        table["add"]["prices"] = "qa + qb"
        table["multiply"]["prices"] = "qb * 70"
        table["round"]["prices"] = "qr.quantize(rounding=ROUND_HALF_UP)"
        table["format"]["prices"] = None  # prices does not format
        table[total]["prices"] = "sum(q_list, q_zero)"
    if moneyed is not None:
        scope.update(
            moneyed=moneyed,
            moneyed_format=moneyed_format,
            ma=moneyed.Money("178.50", "EUR"),
            mb=moneyed.Money("2.55", "EUR"),
            mr=moneyed.Money("2.545", "EUR"),
            m_list=[moneyed.Money(t, "EUR") for t in texts],
            m_zero=moneyed.Money(0, "EUR"),
        )
        table["construct"]["py-moneyed"] = 'moneyed.Money("178.50", "EUR")'
        table["add"]["py-moneyed"] = "ma + mb"
        table["multiply"]["py-moneyed"] = "mb * 70"
        table["round"]["py-moneyed"] = "mr.round(2)"
        table["format"]["py-moneyed"] = 'moneyed_format(ma, locale="fr_FR")'
        table[total]["py-moneyed"] = "sum(m_list, m_zero)"
    return {
        operation: {
            name: None if statement is None else per_call(statement, scope, repeat)
            for name, statement in row.items()
        }
        for operation, row in table.items()
    }


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5, help="timed runs (5)")
    args = parser.parse_args()
    check_same_results()
    results = suites(args.repeat)
    peers = [n for n in ("prices", "py-moneyed") if n in results["add"]]
    print(
        f"paxbill {paxbill.__version__} on Python {platform.python_version()} "
        f"({sys.platform}, {platform.machine()}); best of {args.repeat} runs\n"
    )
    head = ["operation", "Decimal", "paxbill", "ratio", "target", *peers]
    rows = []
    missed = []
    for operation, times in results.items():
        base = times["Decimal"]
        assert base is not None
        ratio = times["paxbill"] / base  # type: ignore[operator]
        target = TARGETS[operation]
        if target is None:
            verdict = "<= 1.00x (babel)"
            met = ratio <= 1.0
        else:
            verdict = f"<= {target:.2f}x"
            met = ratio <= target
        if not met:
            missed.append(operation)
        rows.append(
            [
                operation,
                _time(base),
                _time(times["paxbill"]),
                f"{ratio:.2f}x",
                f"{verdict} {'met' if met else 'MISSED'}",
                *[
                    "n/a" if times.get(p) is None else f"{times[p] / base:.2f}x"  # type: ignore[operator]
                    for p in peers
                ],
            ]
        )
    widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(len(head))]
    for row in [head, ["-" * w for w in widths], *rows]:
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)))
    print(
        "\nRatios are time per operation over raw decimal.Decimal in the same run"
        " (format: over babel.numbers.format_currency)."
    )
    print("targets missed: " + (", ".join(missed) if missed else "none"))
    return 0


def _time(seconds: float | None) -> str:
    if seconds is None:
        return "n/a"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    if seconds >= 1e-6:
        return f"{seconds * 1e6:.2f} us"
    return f"{seconds * 1e9:.0f} ns"


if __name__ == "__main__":
    sys.exit(main())
