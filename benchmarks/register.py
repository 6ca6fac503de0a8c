"""The register: issuing documents one by one, against plain sqlite3 and the same rows.

Each document is issued in its own transaction, as ``Register.issue`` does.
The floor writes the very same rows (the JSON, the CII XML, the hashes,
worked out beforehand) with plain ``sqlite3``, also one transaction per
document, on the same pragmas (WAL, synchronous FULL): what any store that
never loses a committed document pays. Beside it, the same rows in one
``executemany`` transaction, the cheapest way to write them at all. Each
round starts from new files; ratios are taken within interleaved rounds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from _harness import Report, interleave, machine, ratios
from einvoice import BUYER, SELLER

import paxbill
from paxbill import ClientInvoiceLine, Money, NumberSeries, Register

DAY = dt.date(2025, 4, 1)


def fields(count: int) -> list[dict[str, Any]]:
    """The invoices to issue: one to three lines of app users and services."""
    return [
        {
            "issue_date": DAY,
            "seller": SELLER,
            "buyer": BUYER,
            "lines": [
                ClientInvoiceLine(
                    f"Entry app users, client {n}",
                    10 + n % 90,
                    Money(Decimal("4.00"), "EUR"),
                    "S",
                    "20",
                )
                for _ in range(1 + n % 3)
            ],
        }
        for n in range(count)
    ]


def issue_all(folder: Path, invoices: list[dict[str, Any]]) -> Path:
    path = folder / f"register-{id(invoices)}-{len(list(folder.iterdir()))}.sqlite"
    with Register.open(path) as register:
        register.add_series(NumberSeries("F-"))
        for each in invoices:
            register.issue("F-", **each)
    return path


def rows_of(path: Path) -> list[tuple[Any, ...]]:
    """The rows a register wrote, to write again by hand."""
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT * FROM documents ORDER BY seq").fetchall()


def _plain(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute(
        "CREATE TABLE documents (seq INTEGER PRIMARY KEY, number TEXT UNIQUE,"
        " kind TEXT, series TEXT, issue_date TEXT, invoice TEXT, buyer TEXT,"
        " body TEXT, xml BLOB, hash TEXT, client TEXT, term_start TEXT,"
        " term_end TEXT)"
    )
    connection.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    connection.execute("INSERT INTO meta VALUES ('head', ''), ('last_seq', '0')")
    return connection


def write_one_by_one(folder: Path, rows: list[tuple[Any, ...]]) -> None:
    connection = _plain(folder / f"plain-{len(list(folder.iterdir()))}.sqlite")
    insert = f"INSERT INTO documents VALUES ({', '.join('?' * len(rows[0]))})"
    for row in rows:
        connection.execute("BEGIN IMMEDIATE")
        connection.execute(insert, row)
        connection.execute("UPDATE meta SET value = ? WHERE key = 'head'", (row[9],))
        connection.execute(
            "UPDATE meta SET value = ? WHERE key = 'last_seq'", (str(row[0]),)
        )
        connection.execute("COMMIT")
    connection.close()


def write_at_once(folder: Path, rows: list[tuple[Any, ...]]) -> None:
    connection = _plain(folder / f"once-{len(list(folder.iterdir()))}.sqlite")
    connection.execute("BEGIN IMMEDIATE")
    connection.executemany(
        f"INSERT INTO documents VALUES ({', '.join('?' * len(rows[0]))})", rows
    )
    connection.execute("COMMIT")
    connection.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--documents", type=int, default=1_000)
    args = parser.parse_args()
    invoices = fields(args.documents)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        rows = rows_of(issue_all(folder, invoices))
        times = interleave(
            {
                "Register.issue": lambda: issue_all(folder, invoices),
                "sqlite3, one by one": lambda: write_one_by_one(folder, rows),
                "sqlite3, executemany": lambda: write_at_once(folder, rows),
            },
            rounds=args.rounds,
            budget=0.0,
            inner=1,
        )
    report = Report(
        f"Register: {args.documents:,} documents issued one by one (paxbill "
        f"{paxbill.__version__}, {machine()}), {args.rounds} interleaved rounds"
    )
    report.add(
        "Register.issue / sqlite3 one by one, same rows",
        ratios(times, "Register.issue", "sqlite3, one by one"),
        target=2.0,
    )
    report.add(
        "Register.issue / sqlite3 executemany, one transaction",
        ratios(times, "Register.issue", "sqlite3, executemany"),
        note="the cheapest write: no document safe before the end",
    )
    report.show()


if __name__ == "__main__":
    main()
