"""Reports laid out as text for a terminal: captions, aligned columns, footers."""

from __future__ import annotations

from collections.abc import Sequence

from paxbill.cli._common import pairs
from paxbill.io._reports import Report


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
