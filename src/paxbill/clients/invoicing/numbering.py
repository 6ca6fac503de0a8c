"""Gapless document numbers: a series issues each number once, in order.

French law asks for invoice numbers in one continuous, chronological series.
A :class:`NumberSeries` is a value, not a counter: issuing a number returns
the next series, and nothing global is kept.

>>> series = NumberSeries("F2024-")
>>> first, series = series.issue()
>>> second, series = series.issue()
>>> first, second, series.next_number
('F2024-0001', 'F2024-0002', 3)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Protocol

import attrs

from paxbill.core._numbers import to_count
from paxbill.core._validators import tuple_of
from paxbill.core._values import Revalidated
from paxbill.exceptions import (
    ArgumentTypeError,
    DuplicateNumberError,
    InvalidCountError,
)

__all__ = ["NumberSeries", "NumberingReport", "check_numbering"]


class Numbered(Protocol):
    """An invoice or credit note: anything with a number and an issue date."""

    @property
    def number(self) -> str: ...  # pragma: no cover - a protocol

    @property
    def issue_date(self) -> dt.date: ...  # pragma: no cover - a protocol


def _to_prefix(value: object) -> str:
    if not isinstance(value, str):
        raise ArgumentTypeError(value, "a str such as 'F2024-'", what="prefix")
    return value


def _to_positive(value: object, what: str = "next_number") -> int:
    number = to_count(value, what=what)
    if number < 1:
        raise InvalidCountError(number, what=what, reason="is not 1 or more")
    return number


def _to_width(value: object) -> int:
    width = to_count(value, what="width")
    if not 1 <= width <= 18:
        raise InvalidCountError(width, what="width", reason="is not 1 to 18 digits")
    return width


def _numbers_of(documents: Iterable[Numbered | str]) -> list[str]:
    numbers = []
    for document in documents:
        number = (
            document if isinstance(document, str) else getattr(document, "number", None)
        )
        if not isinstance(number, str):
            raise ArgumentTypeError(
                document, "an invoice, a credit note or a number", what="each document"
            )
        numbers.append(number)
    return numbers


@attrs.frozen
class NumberSeries(Revalidated):
    """A series of numbers: *prefix*, then the number padded to *width* digits.

    Args:
        prefix: what every number starts with, such as ``"F2024-"``.
        next_number: the number the series issues next, 1 or more.
        width: the least number of digits, zero-padded; 4 by default.
    """

    prefix: str = attrs.field(converter=_to_prefix)
    next_number: int = attrs.field(default=1, converter=_to_positive)
    width: int = attrs.field(default=4, converter=_to_width)

    def format(self, number: int) -> str:
        """Return the document number of *number* in this series.

        >>> NumberSeries("AV2024-").format(12)
        'AV2024-0012'
        """
        return f"{self.prefix}{_to_positive(number, 'number'):0{self.width}d}"

    def number_of(self, text: str) -> int | None:
        """Return the number *text* holds in this series, or None if not of it.

        >>> series = NumberSeries("F2024-")
        >>> series.number_of("F2024-0012"), series.number_of("AV-1")
        (12, None)
        """
        if not isinstance(text, str) or not text.startswith(self.prefix):
            return None
        digits = text[len(self.prefix) :]
        if not digits.isdigit() or not digits.isascii() or len(digits) < self.width:
            return None
        if len(digits) > self.width and digits.startswith("0"):
            return None
        number = int(digits)
        return number if number >= 1 else None

    def issue(self, *, used: Iterable[Numbered | str] = ()) -> tuple[str, NumberSeries]:
        """Return the next number and the series that follows it.

        Args:
            used: documents or numbers already issued; the series refuses to
                issue one of them again.

        Raises:
            DuplicateNumberError: the next number is among *used*.
        """
        number = self.format(self.next_number)
        if number in _numbers_of(used):
            raise DuplicateNumberError(number)
        return number, attrs.evolve(self, next_number=self.next_number + 1)

    def continuing(self, documents: Iterable[Numbered | str]) -> NumberSeries:
        """Return the series that continues after the highest number of *documents*.

        >>> NumberSeries("F2024-").continuing(["F2024-0001", "F2024-0002"]).next_number
        3
        """
        numbers = [self.number_of(n) for n in _numbers_of(documents)]
        highest = max((n for n in numbers if n is not None), default=0)
        return attrs.evolve(self, next_number=max(self.next_number, highest + 1))


@attrs.frozen
class NumberingReport(Revalidated):
    """What :func:`check_numbering` found in one series.

    Args:
        gaps: the numbers of the series never issued, between its first and
            its highest.
        duplicates: the numbers issued more than once.
        out_of_order: numbers dated before a lower number of the series.
    """

    gaps: tuple[str, ...] = attrs.field(validator=tuple_of(str, "a str"))
    duplicates: tuple[str, ...] = attrs.field(validator=tuple_of(str, "a str"))
    out_of_order: tuple[str, ...] = attrs.field(validator=tuple_of(str, "a str"))

    @property
    def ok(self) -> bool:
        """Whether the series has no gap, no duplicate and no number out of order."""
        return not (self.gaps or self.duplicates or self.out_of_order)


def check_numbering(
    documents: Iterable[Numbered | str], series: NumberSeries
) -> NumberingReport:
    """Report the gaps, duplicates and dates out of order of *series* in *documents*.

    Documents of other series are left aside. The series is checked from its
    :attr:`~NumberSeries.next_number` (its first) to the highest found.

    >>> numbers = ["F-0001", "F-0003", "F-0003", "X-9"]
    >>> report = check_numbering(numbers, NumberSeries("F-"))
    >>> report.gaps, report.duplicates, report.ok
    (('F-0002',), ('F-0003',), False)
    """
    if not isinstance(series, NumberSeries):
        raise ArgumentTypeError(series, "a NumberSeries", what="series")
    items = list(documents)
    numbers = _numbers_of(items)
    seen: dict[int, int] = {}
    for text in numbers:
        number = series.number_of(text)
        if number is not None:
            seen[number] = seen.get(number, 0) + 1
    first = series.next_number
    highest = max(seen, default=0)  # none issued: no gap from the first, 1 or more
    gaps = tuple(series.format(n) for n in range(first, highest + 1) if n not in seen)
    duplicates = tuple(series.format(n) for n in sorted(seen) if seen[n] > 1)
    dated = sorted(
        (series.number_of(item.number), item.issue_date, item.number)
        for item in items
        if not isinstance(item, str) and series.number_of(item.number) is not None
    )
    late = []
    latest: dt.date | None = None
    for _, issued, text in dated:
        if latest is not None and issued < latest:
            late.append(text)
        latest = issued if latest is None else max(latest, issued)
    return NumberingReport(gaps, duplicates, tuple(late))
