"""Reports laid out as text for a terminal: captions, aligned columns, footers.

A long table (a million invoices) is never held: its rows go to a temporary
file as they are made, the widths of its columns kept, and its lines are
laid out from that file as they are printed.
"""

from __future__ import annotations

import marshal
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from typing import IO

from paxbill.cli._common import pairs
from paxbill.io._reports import Report

#: How many characters of a spooled output are handed on at a time.
CHUNK = 1 << 16


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
    return [_line(row, widths, right) for row in [header, *rows]]


def streamed_table(
    caption: str,
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    right: set[int],
) -> Iterator[str]:
    """The text of :func:`table` under *caption*, in pieces.

    For rows too many to hold: the rows are all read (and any error raised)
    before this returns; the pieces are laid out as they are asked for.
    """
    spool = tempfile.TemporaryFile()  # noqa: SIM115 (closed once laid out)
    try:
        widths = [len(name) for name in header]
        for row in rows:
            cells = tuple(row)
            for index, cell in enumerate(cells):
                if len(cell) > widths[index]:
                    widths[index] = len(cell)
            marshal.dump(cells, spool)
        end = spool.tell()
    except BaseException:
        spool.close()
        raise
    return _laid_out(caption, header, spool, end, widths, right)


def _laid_out(
    caption: str,
    header: Sequence[str],
    spool: IO[bytes],
    end: int,
    widths: list[int],
    right: set[int],
) -> Iterator[str]:
    with spool:
        spool.seek(0)
        yield caption
        yield "\n" + _line(header, widths, right)
        while spool.tell() < end:
            yield "\n" + _line(marshal.load(spool), widths, right)


def _line(cells: Sequence[str], widths: Sequence[int], right: set[int]) -> str:
    laid = [
        f"{cell:>{width}}" if index in right else f"{cell:<{width}}"
        for index, (cell, width) in enumerate(zip(cells, widths, strict=True))
    ]
    return "  ".join(laid).rstrip()


class Spool:
    """Text written to a temporary file as it is made, read back in pieces.

    For an output too large to hold, such as one JSON object of a million
    invoices.
    """

    def __init__(self) -> None:
        # Closed once read back, or by close().
        self._file = tempfile.TemporaryFile(  # noqa: SIM115
            "w+", encoding="utf-8", newline=""
        )

    def write(self, text: str) -> None:
        """Add *text* at the end."""
        self._file.write(text)

    def __iter__(self) -> Iterator[str]:
        """Its text from the start, in pieces; the file is closed at the end."""
        with self._file:
            self._file.seek(0)
            while piece := self._file.read(CHUNK):
                yield piece

    def close(self) -> None:
        """Let go of the file, unread."""
        self._file.close()
