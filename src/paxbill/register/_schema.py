"""The register's tables, and the migrations from one version of them to the next.

``meta`` holds the schema's version, the last sequence number and the head
of the hash chain; ``series`` the number series. Every other table is
appended to, never edited, and its rows share one sequence and one hash
chain (each row's hash covers the row and the hash before it):

- ``documents``: every client invoice and credit note as issued (its JSON,
  its CII XML), with the client and the term it bills when a month end
  issued it;
- ``payments``: every payment recorded on a client invoice;
- ``ledger``: each prepaid client's credits and debits, the debits with the
  usage month Paxton charged;
- ``paxton_invoices`` and ``paxton_payments``: Paxton's invoices to the
  installer, one per usage month, and their payments;
- ``reviews``: each prepaid balance review a month end made;
- ``month_ends``: each month end that changed the register, with what it did.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from paxbill.core._values import Revalidated
from paxbill.exceptions import RegisterError
from paxbill.register._database import Database

__all__ = ["CHAINED", "SCHEMA_VERSION", "Chained", "create_or_migrate"]

#: The version of the tables this paxbill writes.
SCHEMA_VERSION = 2

#: The hash before the first row.
GENESIS = "0" * 64


def _version_1(db: Database) -> None:
    statements = [
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "CREATE TABLE series (prefix TEXT PRIMARY KEY,"
        " next_number INTEGER NOT NULL, width INTEGER NOT NULL,"
        " last_number TEXT, last_date TEXT)",
        "CREATE TABLE documents ("
        " seq INTEGER PRIMARY KEY,"
        " number TEXT NOT NULL UNIQUE,"
        " kind TEXT NOT NULL CHECK (kind IN ('invoice', 'credit_note')),"
        " series TEXT NOT NULL REFERENCES series(prefix),"
        " issue_date TEXT NOT NULL,"
        " invoice TEXT REFERENCES documents(number),"
        " buyer TEXT NOT NULL,"
        " body TEXT NOT NULL,"
        f" xml {db.BLOB} NOT NULL,"
        " hash TEXT NOT NULL)",
        "CREATE TABLE payments ("
        " seq INTEGER PRIMARY KEY,"
        " invoice TEXT NOT NULL REFERENCES documents(number),"
        " paid_on TEXT NOT NULL,"
        " body TEXT NOT NULL,"
        " hash TEXT NOT NULL)",
        "CREATE INDEX payments_by_invoice ON payments(invoice)",
        "CREATE INDEX documents_by_invoice ON documents(invoice)",
        "INSERT INTO meta VALUES ('last_seq', '0')",
        f"INSERT INTO meta VALUES ('head', '{GENESIS}')",
    ]
    for statement in statements:
        db.execute(statement)


def _version_2(db: Database) -> None:
    """The month end: terms billed, ledgers, Paxton's invoices, reviews, runs."""
    chained = " body TEXT NOT NULL, hash TEXT NOT NULL)"
    statements = [
        "ALTER TABLE documents ADD COLUMN client TEXT",
        "ALTER TABLE documents ADD COLUMN term_start TEXT",
        "ALTER TABLE documents ADD COLUMN term_end TEXT",
        # A client's term is billed once, however often a month end runs.
        "CREATE UNIQUE INDEX documents_by_term ON documents(client, term_start)",
        "CREATE TABLE ledger (seq INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE,"
        " client TEXT NOT NULL, on_day TEXT NOT NULL, month TEXT," + chained,
        "CREATE INDEX ledger_by_client ON ledger(client)",
        "CREATE TABLE paxton_invoices (seq INTEGER PRIMARY KEY,"
        " key TEXT NOT NULL UNIQUE, period_start TEXT NOT NULL UNIQUE," + chained,
        "CREATE TABLE paxton_payments (seq INTEGER PRIMARY KEY,"
        " key TEXT NOT NULL UNIQUE REFERENCES paxton_invoices(key)," + chained,
        "CREATE TABLE reviews (seq INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE,"
        " client TEXT NOT NULL, review_day TEXT NOT NULL," + chained,
        "CREATE TABLE month_ends (seq INTEGER PRIMARY KEY,"
        " key TEXT NOT NULL UNIQUE, month TEXT NOT NULL," + chained,
    ]
    for statement in statements:
        db.execute(statement)


#: Each version's migration from the one before it; version 1 creates the tables.
MIGRATIONS: dict[int, Callable[[Database], None]] = {1: _version_1, 2: _version_2}


@attrs.frozen
class Chained(Revalidated):
    """A table of the hash chain: its columns, and how a row is named.

    Args:
        columns: its columns after ``seq``, ``body`` and ``hash`` last.
        kind: what the hash calls its rows; None where a ``kind`` column says.
        key: the column that names a row.
        label: how :meth:`~paxbill.Register.verify` names a row, from its key.
    """

    columns: tuple[str, ...]
    kind: str | None
    key: str
    label: str


#: Every table of the hash chain, in the order an export writes them.
CHAINED: dict[str, Chained] = {
    "documents": Chained(
        (
            "number",
            "kind",
            "series",
            "issue_date",
            "invoice",
            "buyer",
            "client",
            "term_start",
            "term_end",
            "body",
            "xml",
            "hash",
        ),
        None,
        "number",
        "{}",
    ),
    "payments": Chained(
        ("invoice", "paid_on", "body", "hash"),
        "payment",
        "invoice",
        "the payment on {}",
    ),
    "ledger": Chained(
        ("key", "client", "on_day", "month", "body", "hash"),
        "ledger",
        "key",
        "the ledger entry {}",
    ),
    "paxton_invoices": Chained(
        ("key", "period_start", "body", "hash"),
        "paxton_invoice",
        "key",
        "Paxton's invoice {}",
    ),
    "paxton_payments": Chained(
        ("key", "body", "hash"),
        "paxton_payment",
        "key",
        "the payment of Paxton's invoice {}",
    ),
    "reviews": Chained(
        ("key", "client", "review_day", "body", "hash"),
        "review",
        "key",
        "the review {}",
    ),
    "month_ends": Chained(
        ("key", "month", "body", "hash"), "month_end", "key", "the month end {}"
    ),
}


def _version(db: Database) -> int:
    tables = db.tables()
    if not tables:
        return 0
    if "meta" not in tables:
        raise RegisterError("the database holds tables but no register: not a register")
    rows = db.execute("SELECT value FROM meta WHERE key = 'schema_version'")
    if not rows:
        raise RegisterError("the register has no schema version: not a register")
    return int(rows[0][0])


def create_or_migrate(db: Database) -> None:
    """Create the tables in an empty database, or bring an older register up to date.

    Each migration runs in its own transaction, with the version it reaches.

    Raises:
        RegisterError: the database is not a register, or one of a newer
            version than this paxbill knows.
    """
    while True:
        # Read inside the transaction: another process may have migrated it.
        with db.transaction():
            version = _version(db)
            if version > SCHEMA_VERSION:
                raise RegisterError(
                    f"the register is of schema version {version}; this paxbill "
                    f"knows versions up to {SCHEMA_VERSION}: upgrade paxbill to open it"
                )
            if version == SCHEMA_VERSION:
                return
            MIGRATIONS[version + 1](db)
            if version == 0:
                db.execute("INSERT INTO meta VALUES ('schema_version', '1')")
            else:
                db.execute(
                    "UPDATE meta SET value = ? WHERE key = 'schema_version'",
                    (str(version + 1),),
                )
