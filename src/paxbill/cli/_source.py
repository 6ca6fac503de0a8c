"""Opening an input file as text, read line by line: its encoding found first.

A file of a million rows is never held whole: its encoding is checked in
chunks, then its lines are read one at a time. Standard input, which can be
read only once, is copied to a temporary file first.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, NamedTuple

from paxbill.cli._common import BadInput, warn

#: How much of a file is decoded at a time while its encoding is checked.
CHUNK = 1 << 20

_BOM = codecs.BOM_UTF8
_BLANK = b" \t\r\n"


class Source(NamedTuple):
    """An input open as text, to read line by line.

    *first* is its first character that is not blank (``""`` if none).
    """

    first: str
    text: io.TextIOWrapper


@contextlib.contextmanager
def text_of(path: str) -> Iterator[Source]:
    """*path*, or standard input for ``-``, open as text, any BOM dropped.

    UTF-8 if it is; else Windows-1252, as French Excel saves « CSV
    (séparateur : point-virgule) », with a warning. Line ends are kept as
    written (``newline=""``), as the csv module asks.
    """
    with _binary(path) as data:
        encoding = _encoding(path, data)
        data.seek(0)
        first = _first(data)
        data.seek(0)
        text = io.TextIOWrapper(data, encoding=encoding, newline="")
        try:
            yield Source(first, text)
        finally:
            text.detach()


def _first(data: BinaryIO) -> str:
    start = True
    while chunk := data.read(CHUNK):
        if start:
            chunk, start = chunk.removeprefix(_BOM), False
        chunk = chunk.lstrip(_BLANK)
        if chunk:
            return chr(chunk[0])
    return ""


def read_text(path: str) -> str:
    """The whole text of *path* (a JSON document is read at once)."""
    with text_of(path) as source:
        return source.text.read()


@contextlib.contextmanager
def _binary(path: str) -> Iterator[BinaryIO]:
    if path == "-":
        with tempfile.TemporaryFile() as copy:
            shutil.copyfileobj(sys.stdin.buffer, copy)
            copy.seek(0)
            yield copy
        return
    try:
        data = Path(path).open("rb")  # noqa: SIM115 (closed by the with below)
    except FileNotFoundError:
        raise BadInput(f"{path}: no such file") from None
    except OSError as error:
        raise BadInput(f"{path}: cannot read it ({error.strerror})") from None
    with data:
        yield data


def _encoding(path: str, data: BinaryIO) -> str:
    """``utf-8-sig`` (which drops Excel's BOM), else ``cp1252``, else refused."""
    try:
        _decode(data, "utf-8-sig")
        return "utf-8-sig"
    except UnicodeDecodeError as error:
        reason = error.reason
    data.seek(0)
    try:
        _decode(data, "cp1252")
    except UnicodeDecodeError:
        raise BadInput(
            f"{path}: not UTF-8 text ({reason}): save it as « CSV UTF-8 »"
        ) from None
    warn(
        f"{path} is not UTF-8: read as Windows-1252, as Excel saves « CSV "
        "(séparateur : point-virgule) »; save it as « CSV UTF-8 » to be sure"
    )
    return "cp1252"


def _decode(data: BinaryIO, encoding: str) -> None:
    """Decode *data* to its end, a chunk at a time, keeping nothing."""
    decoder = codecs.getincrementaldecoder(encoding)()
    while chunk := data.read(CHUNK):
        decoder.decode(chunk)
    decoder.decode(b"", final=True)
