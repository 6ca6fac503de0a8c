"""Start-up: ``python -m paxbill estimate`` against a script doing the least.

The floor imports what paxbill's estimate cannot do without (attrs,
``dateutil.relativedelta`` and ``babel.numbers``) and formats one amount in
French with babel's ``format_currency``. Both run as whole processes, in
interleaved rounds; the ratio is taken within each round.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time

from _harness import Report, machine

FLOOR = """
from decimal import Decimal
import attrs
from dateutil.relativedelta import relativedelta
from babel.numbers import format_currency
print(format_currency(Decimal("178.50"), "EUR", locale="fr_FR"))
"""
ESTIMATE = [
    *("-m", "paxbill", "estimate", "--users", "70", "--list-price", "3.00"),
    *("--discount", "15", "--currency", "EUR", "--locale", "fr_FR"),
]
COMMANDS = {
    "floor": ["-c", FLOOR],
    "paxbill estimate": ESTIMATE,
    "import paxbill": ["-c", "import paxbill"],
    "python -c pass": ["-c", "pass"],
}


def run_once(arguments: list[str]) -> float:
    """Seconds one process takes, from start to exit."""
    start = time.perf_counter()
    subprocess.run([sys.executable, *arguments], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    names = list(COMMANDS)
    times: dict[str, list[float]] = {name: [] for name in names}
    for name in names:  # warm the file cache; not counted
        run_once(COMMANDS[name])
    for index in range(args.rounds):
        shift = index % len(names)
        for name in names[shift:] + names[:shift]:
            times[name].append(run_once(COMMANDS[name]))
    report = Report(
        f"Start-up as whole processes ({machine()}), {args.rounds} interleaved rounds"
    )

    def ratio(name: str) -> list[float]:
        return [a / b for a, b in zip(times[name], times["floor"], strict=True)]

    report.add("paxbill estimate / floor script", ratio("paxbill estimate"), target=1.3)
    report.add("import paxbill / floor script", ratio("import paxbill"))
    report.add("python -c pass / floor script", ratio("python -c pass"))
    report.show()


if __name__ == "__main__":
    main()
