"""What every subcommand shares: argument types, tables, and bad input."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from babel.dates import format_interval, format_skeleton

from paxbill.core.formatting import parse_locale
from paxbill.core.money import Money
from paxbill.core.periods import BillingPeriod
from paxbill.io._reports import Report

#: The exit status for bad input.
EXIT_BAD_INPUT = 2


class BadInput(Exception):
    """Input the command cannot use, told in one line."""


def iso_date(text: str) -> dt.date:
    """Read a command-line date written ``YYYY-MM-DD``."""
    try:
        if len(text) != 10:
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date as YYYY-MM-DD"
        ) from None


def add_output_options(
    command: argparse.ArgumentParser, *, currency: bool = True
) -> None:
    """Add --currency if asked, --locale (for people) and --json (for programs)."""
    if currency:
        command.add_argument("--currency", default="EUR", help="ISO 4217 code (EUR)")
    command.add_argument(
        "--locale", default="en_GB", help="locale for people, e.g. fr_FR (en_GB)"
    )
    command.add_argument(
        "--json", action="store_true", help="print one JSON object for programs"
    )


def plain(money: Money) -> str:
    """An amount for JSON: its exact digits as a string, never a number."""
    return f"{money.amount:f}"


def dumps(document: dict[str, Any]) -> str:
    """One JSON object, on one line."""
    return json.dumps(document, ensure_ascii=False)


def span(period: BillingPeriod, locale: object) -> str:
    """A period for people in *locale*, from its first day to its last."""
    return format_interval(
        period.start, period.last_day, "yMd", locale=parse_locale(locale)
    )


def month(value: dt.date, locale: object) -> str:
    """A month for people in *locale*, such as ``juin 2024``."""
    return format_skeleton("yMMM", value, locale=parse_locale(locale))


def pairs(rows: Sequence[tuple[str, str]]) -> list[str]:
    """Labels on the left, figures lined up on the right."""
    left = max(len(name) for name, _ in rows)
    right = max(len(value) for _, value in rows)
    return [f"{name:<{left}}  {value:>{right}}" for name, value in rows]


def render(report: Report) -> str:
    """A report as text: its caption, its table lined up, and its footer."""
    if report.header == ("", ""):
        lines = pairs([(name, value) for name, value in report.rows])
    else:
        lines = table(report.header, report.rows, right=set(report.numeric))
    return "\n".join(
        [report.caption, *lines, *([report.footer] if report.footer else [])]
    )


def table(
    header: Sequence[str], rows: Sequence[Sequence[str]], right: set[int]
) -> list[str]:
    """Columns lined up: those in *right* to the right, the others to the left."""
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = []
    for row in [header, *rows]:
        cells = [
            f"{cell:>{w}}" if i in right else f"{cell:<{w}}"
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
    return lines
