"""The register's tables, and the migrations from one version of them to the next.

``meta`` holds the schema's version, the last sequence number and the head
of the hash chain; ``series`` the number series; ``documents`` every
invoice and credit note as issued (its JSON, its CII XML); ``payments``
every payment recorded. Documents and payments share one sequence, and
each row's hash covers the row and the hash before it.
"""

from __future__ import annotations

from collections.abc import Callable

from paxbill.exceptions import RegisterError
from paxbill.register._database import Database

__all__ = ["SCHEMA_VERSION", "create_or_migrate"]

#: The version of the tables this paxbill writes.
SCHEMA_VERSION = 1

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


#: Each version's migration from the one before it; version 1 creates the tables.
MIGRATIONS: dict[int, Callable[[Database], None]] = {1: _version_1}


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
