"""The month end: 5,000 clients and 100,000 users, against a floor of the same rows.

paxbill runs :func:`~paxbill.run_month_end` into a new SQLite register (one
transaction: every invoice built and checked, its CII XML and JSON, the
ledgers, Paxton's invoice, the reviews, the hash chain) and writes each
invoice's XML file, as ``paxbill month-end --no-pdf`` writes it. The floor
writes the very same rows, worked out beforehand, with plain ``sqlite3``
``executemany`` in one transaction on the same pragmas, and the same XML
bytes to the same number of files. Ratios are taken within interleaved
rounds, each from new files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from _harness import Report, interleave, machine, ratios
from einvoice import SELLER

import paxbill
from paxbill import (
    Account,
    AccountType,
    AppUser,
    BillingFrequency,
    BillingPeriod,
    ClientContract,
    Installer,
    Money,
    Party,
    PerUserPrice,
    Register,
    run_month_end,
)

MONTH = BillingPeriod.month(2025, 4)
INSTALLER = Installer(
    SELLER,
    Account("PAX-1", AccountType.APPROVED_INSTALLER),
    PerUserPrice(Money("3.00", "EUR"), 15),
)


def portfolio(
    clients: int, users: int
) -> tuple[list[ClientContract], dict[str, list[AppUser]]]:
    """Clients billed monthly or quarterly (all due in April), users spread."""
    contracts = [
        ClientContract(
            f"C{n:05d}",
            Party(f"Client {n}", "FR"),
            BillingFrequency.QUARTERLY if n % 2 else BillingFrequency.MONTHLY,
            Money("4.00", "EUR"),
        )
        for n in range(clients)
    ]
    listed: dict[str, list[AppUser]] = {}
    start = dt.date(2024, 1, 1)
    for n in range(users):
        client = f"C{n % clients:05d}"
        activated = start + dt.timedelta(days=n % 450)
        listed.setdefault(client, []).append(AppUser(n, activated))
    return contracts, listed


def paxbill_month_end(
    folder: Path, contracts: list[ClientContract], users: dict[str, list[AppUser]]
) -> Path:
    round_folder = folder / f"paxbill-{len(list(folder.iterdir()))}"
    out = round_folder / "out"
    out.mkdir(parents=True)
    path = round_folder / "billing.sqlite"
    with Register.open(path) as register:
        run_month_end(
            register, MONTH, installer=INSTALLER, contracts=contracts, users=users
        )
        for number in register.month_end_numbers(MONTH):
            (out / f"{number}.xml").write_bytes(register.xml(number))
    return path


def rows_of(path: Path) -> tuple[list[str], dict[str, list[tuple[Any, ...]]]]:
    """The schema and every row a register wrote, to write again by hand."""
    with sqlite3.connect(path) as connection:
        schema = [
            sql
            for (sql,) in connection.execute(
                "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL"
            )
        ]
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
            )
        ]
        rows = {
            table: connection.execute(f"SELECT * FROM {table}").fetchall()
            for table in tables
        }
    return schema, rows


def floor(
    folder: Path, schema: list[str], rows: dict[str, list[tuple[Any, ...]]]
) -> None:
    round_folder = folder / f"floor-{len(list(folder.iterdir()))}"
    out = round_folder / "out"
    out.mkdir(parents=True)
    connection = sqlite3.connect(round_folder / "plain.sqlite", isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")
    for statement in schema:
        connection.execute(statement)
    connection.execute("BEGIN IMMEDIATE")
    for table, values in rows.items():
        if values:
            marks = ", ".join("?" * len(values[0]))
            connection.executemany(f"INSERT INTO {table} VALUES ({marks})", values)
    connection.execute("COMMIT")
    connection.close()
    for row in rows["documents"]:
        (out / f"{row[1]}.xml").write_bytes(row[8])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--clients", type=int, default=5_000)
    parser.add_argument("--users", type=int, default=100_000)
    args = parser.parse_args()
    contracts, users = portfolio(args.clients, args.users)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        schema, rows = rows_of(paxbill_month_end(folder, contracts, users))
        written = sum(len(values) for values in rows.values())
        times = interleave(
            {
                "run_month_end": lambda: paxbill_month_end(folder, contracts, users),
                "sqlite3 executemany": lambda: floor(folder, schema, rows),
            },
            rounds=args.rounds,
            budget=0.0,
            inner=1,
        )
    report = Report(
        f"Month end: {args.clients:,} clients, {args.users:,} users, "
        f"{len(rows['documents']):,} invoices and {written:,} rows (paxbill "
        f"{paxbill.__version__}, {machine()}), {args.rounds} interleaved rounds"
    )
    report.add(
        "run_month_end and its XML files / the same rows and bytes, executemany",
        ratios(times, "run_month_end", "sqlite3 executemany"),
        target=1.5,
    )
    report.show()


if __name__ == "__main__":
    main()
