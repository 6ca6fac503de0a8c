"""The databases a register lives in: SQLite by default, PostgreSQL on request.

Both are driven through one small interface, :class:`Database`: statements
written with ``?`` placeholders, run in a transaction that takes the
register's write lock first, so that two processes never issue at once.
SQLite comes with Python; PostgreSQL needs ``psycopg`` (``paxbill[postgres]``).
"""

from __future__ import annotations

import abc
import contextlib
import importlib
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from paxbill.exceptions import MissingExtraError, RegisterError

__all__ = ["Database", "connect"]

Row = tuple[Any, ...]

#: The PostgreSQL advisory lock that every writer of a register takes.
REGISTER_LOCK = 0x70617862


class Database(abc.ABC):
    """A connection to the register's database, and its dialect."""

    #: The column type of the XML bytes.
    BLOB = "BLOB"

    @abc.abstractmethod
    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        """Run *sql* and return its rows (none for a statement that has none)."""

    _connection: Any

    @abc.abstractmethod
    def _begin(self) -> None:
        """Begin a transaction and take the register's write lock."""

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Database]:
        """One transaction that holds the write lock: all of it, or none."""
        self._begin()
        try:
            yield self
        except BaseException:
            self._connection.execute("ROLLBACK")
            raise
        self.execute("COMMIT")

    def close(self) -> None:
        """Close the connection."""
        self._connection.close()

    @abc.abstractmethod
    def tables(self) -> set[str]:
        """The names of the tables the database holds."""


class SQLiteDatabase(Database):
    """A register in one SQLite file: WAL journal, foreign keys on."""

    def __init__(self, path: Path) -> None:
        try:
            self._connection = sqlite3.connect(
                path, isolation_level=None, timeout=60, check_same_thread=False
            )
            self._connection.execute("PRAGMA foreign_keys = ON")
            self._connection.execute("PRAGMA journal_mode = WAL")
            # Every commit reaches the disk before the call returns.
            self._connection.execute("PRAGMA synchronous = FULL")
        except sqlite3.DatabaseError as error:
            raise RegisterError(f"{path}: not a register ({error})") from None

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        try:
            rows: list[Row] = self._connection.execute(sql, tuple(params)).fetchall()
        except sqlite3.DatabaseError as error:
            raise RegisterError(f"the register refused a change: {error}") from None
        return rows

    def _begin(self) -> None:
        # IMMEDIATE takes the write lock at once: a second writer waits.
        self.execute("BEGIN IMMEDIATE")

    def tables(self) -> set[str]:
        rows = self.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {row[0] for row in rows}


class PostgresDatabase(Database):
    """A register in a PostgreSQL database, through psycopg 3."""

    BLOB = "BYTEA"

    def __init__(self, url: str) -> None:
        try:
            psycopg = importlib.import_module("psycopg")
        except ImportError:
            raise MissingExtraError("postgres", "psycopg") from None
        self._errors = psycopg.Error
        try:
            self._connection = psycopg.connect(url, autocommit=True)
        except psycopg.Error as error:
            raise RegisterError(f"cannot open the register at {url}: {error}") from None

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        try:
            cursor = self._connection.execute(sql.replace("?", "%s"), tuple(params))
        except self._errors as error:
            raise RegisterError(f"the register refused a change: {error}") from None
        if cursor.description is None:
            return []
        return [
            tuple(bytes(v) if isinstance(v, memoryview) else v for v in row)
            for row in cursor.fetchall()
        ]

    def _begin(self) -> None:
        self.execute("BEGIN")
        # One lock for every writer of the register, held to the commit; an
        # advisory lock, so that it holds before the tables exist.
        self.execute("SELECT pg_advisory_xact_lock(?)", (REGISTER_LOCK,))

    def tables(self) -> set[str]:
        rows = self.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = current_schema()"
        )
        return {row[0] for row in rows}


def connect(where: str | Path) -> Database:
    """The database at *where*: a ``postgresql://`` URL, or an SQLite file's path."""
    if isinstance(where, str) and where.startswith(("postgresql://", "postgres://")):
        return PostgresDatabase(where)
    return SQLiteDatabase(Path(where))
