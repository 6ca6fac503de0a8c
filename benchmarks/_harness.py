"""Interleaved timing: ratios taken within a round, reported as median and spread.

A shared machine drifts: another process starts, the clock slows down. Timing
one candidate after the other puts that drift inside the ratio. Here every
round times each candidate once, in a rotating order, and the ratio of a
candidate to its baseline is taken within the round; the report gives the
median of those ratios and their spread (lowest to highest).
"""

from __future__ import annotations

import platform
import statistics
import sys
import timeit
from collections.abc import Callable, Mapping, Sequence

Candidate = Callable[[], object]


def _timer(candidate: Candidate | str, scope: dict[str, object]) -> timeit.Timer:
    # A statement is timed as source, so that no call overhead is added to
    # either side of a ratio of two cheap operations.
    if isinstance(candidate, str):
        return timeit.Timer(candidate, globals=scope)
    return timeit.Timer(candidate)


def interleave(
    candidates: Mapping[str, Candidate | str],
    *,
    rounds: int,
    budget: float = 0.02,
    scope: dict[str, object] | None = None,
    inner: int = 3,
) -> dict[str, list[float]]:
    """Time every candidate once per round, rotating the order each round.

    A candidate is a function of no arguments, or a statement run in
    *scope*. Each round takes the best of *inner* timed runs of each.
    Returns the seconds per call of each candidate, one entry per round.
    """
    names = list(candidates)
    timers = {name: _timer(candidates[name], scope or {}) for name in names}
    numbers = {}
    for name, timer in timers.items():
        number = 1
        while timer.timeit(number) < budget:
            number *= 2
        numbers[name] = number
    times: dict[str, list[float]] = {name: [] for name in names}
    for index in range(rounds):
        shift = index % len(names)
        for name in names[shift:] + names[:shift]:
            runs = timers[name].repeat(repeat=inner, number=numbers[name])
            times[name].append(min(runs) / numbers[name])
    return times


def ratios(times: Mapping[str, Sequence[float]], name: str, base: str) -> list[float]:
    """The ratio of *name* to *base* in each round."""
    return [a / b for a, b in zip(times[name], times[base], strict=True)]


class Report:
    """Rows of measured ratios beside their targets, printed as one table."""

    def __init__(self, title: str) -> None:
        self.title = title
        self.rows: list[list[str]] = []
        self.missed: list[str] = []

    def add(
        self,
        what: str,
        values: Sequence[float],
        *,
        target: float | None = None,
        at_least: bool = False,
        note: str = "",
    ) -> float:
        """Add one ratio's median and spread; return the median."""
        median = statistics.median(values)
        spread = f"{min(values):.2f}-{max(values):.2f}"
        if target is None:
            verdict = ""
        else:
            met = median >= target if at_least else median <= target
            verdict = f"{'>=' if at_least else '<='} {target:.2f}x "
            verdict += "met" if met else "MISSED"
            if not met:
                self.missed.append(what)
        self.rows.append([what, f"{median:.2f}x", spread, verdict, note])
        return median

    def show(self) -> None:
        """Print the table and the targets missed."""
        print(f"\n## {self.title}\n")
        head = ["measure", "median", "spread", "target", "note"]
        table = [head, *self.rows]
        widths = [max(len(row[i]) for row in table) for i in range(len(head))]
        for row in [head, ["-" * w for w in widths], *self.rows]:
            print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))
        print("targets missed: " + (", ".join(self.missed) if self.missed else "none"))


def machine() -> str:
    """One line that says where the figures were measured."""
    return f"Python {platform.python_version()} ({sys.platform}, {platform.machine()})"


def duration(seconds: float) -> str:
    """A time in the unit that suits it."""
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    if seconds >= 1e-6:
        return f"{seconds * 1e6:.2f} us"
    return f"{seconds * 1e9:.0f} ns"
