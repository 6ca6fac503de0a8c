"""The register: the installer's documents kept in a database, numbered without a gap.

A :class:`Register` issues each client invoice and credit note with the next
number of its series and stores it, as issued (its JSON and its CII XML), in
the same transaction: a document that fails its checks takes no number, and
a process killed at any point leaves the document stored whole, or not at
all. Payments are appended, never edited. Every row's hash covers the row
and the one before it, so that :meth:`Register.verify` finds a row altered
or deleted.

>>> import datetime as dt, tempfile, pathlib
>>> from paxbill import ClientInvoiceLine, Money, NumberSeries, Party
>>> path = pathlib.Path(tempfile.mkdtemp()) / "billing.sqlite"
>>> with Register.open(path) as register:
...     register.add_series(NumberSeries("F2025-"))
...     invoice = register.issue(
...         "F2025-", issue_date=dt.date(2025, 4, 1),
...         seller=Party("Sécurité Dupont SARL", "FR", vat_id="FR40303265045"),
...         buyer=Party("Résidence Les Tilleuls", "FR"),
...         lines=[ClientInvoiceLine("Entry app users", 70, Money("4.00", "EUR"),
...                                  "S", "20")],
...     )
...     paid = register.pay("F2025-0001", Money("336.00", "EUR"), dt.date(2025, 4, 20))
...     invoice.number, paid.amount_due_on(dt.date(2025, 4, 30)), register.verify().ok
('F2025-0001', Money('0.00', 'EUR'), True)
"""

from __future__ import annotations

import base64
import csv
import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import Any

import attrs

from paxbill.clients.invoicing.credit_notes import CreditNote
from paxbill.clients.invoicing.invoices import ClientInvoice, ClientPayment
from paxbill.clients.invoicing.lines import ClientInvoiceLine
from paxbill.clients.invoicing.numbering import (
    NumberingReport,
    NumberSeries,
    check_numbering,
)
from paxbill.clients.invoicing.payment_instructions import PaymentMeans
from paxbill.core._dates import to_date
from paxbill.core.money import Money
from paxbill.exceptions import ArgumentTypeError, RegisterError
from paxbill.io.cii import to_cii_xml
from paxbill.io.serialization import from_dict, to_dict
from paxbill.register._database import Database, connect
from paxbill.register._schema import GENESIS, create_or_migrate

__all__ = ["Register", "VerifyReport"]

Document = ClientInvoice | CreditNote


def _canonical(value: Any) -> str:
    """The JSON of *value*, written one way only: what the hash covers."""
    return json.dumps(
        to_dict(value), ensure_ascii=False, sort_keys=True, separators=(",", ":")
    )


def row_hash(prev: str, seq: int, kind: str, number: str, body: str, xml: bytes) -> str:
    """The hash of one row: its place, its content and the hash before it."""
    digest = hashlib.sha256()
    for part in (prev, str(seq), kind, number, body):
        digest.update(part.encode("utf-8") + b"\x1f")
    digest.update(xml)
    return digest.hexdigest()


@attrs.frozen
class VerifyReport:
    """What :meth:`Register.verify` found.

    Args:
        documents: how many documents and payments it checked.
        problems: each row altered or missing, by its document's number.
    """

    documents: int
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        """Whether every stored row is as it was written, and none is missing."""
        return not self.problems


def _series_name(prefix: object) -> str:
    if not isinstance(prefix, str) or not prefix or any(c.isspace() for c in prefix):
        raise RegisterError(
            f"the series name {prefix!r} is not one: a prefix such as 'F2025-', "
            "without spaces"
        )
    return prefix


class Register:
    """The installer's billing, kept in a database: open one with :meth:`open`."""

    def __init__(self, database: Database) -> None:
        self._db = database

    @classmethod
    def open(cls, where: str | Path) -> Register:
        """Open the register at *where*, creating it if it is new.

        Args:
            where: an SQLite file's path (the default store), or a
                ``postgresql://`` URL (with ``paxbill[postgres]``).

        Raises:
            RegisterError: the file or database is not a register, or one of
                a newer schema than this paxbill knows.
            MissingExtraError: a PostgreSQL URL without psycopg installed.
        """
        if not isinstance(where, str | Path):
            raise ArgumentTypeError(
                where, "a file path or a postgresql:// URL", what="register"
            )
        database = connect(where)
        try:
            create_or_migrate(database)
        except BaseException:
            database.close()
            raise
        return cls(database)

    def close(self) -> None:
        """Close the register's connection."""
        self._db.close()

    def __enter__(self) -> Register:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    # -- series -------------------------------------------------------------

    def add_series(self, series: NumberSeries) -> None:
        """Declare a number series; its next number is the first it issues.

        Raises:
            RegisterError: a name with spaces, or a series already declared.
        """
        if not isinstance(series, NumberSeries):
            raise ArgumentTypeError(series, "a NumberSeries", what="series")
        name = _series_name(series.prefix)
        with self._db.transaction() as db:
            if db.execute("SELECT 1 FROM series WHERE prefix = ?", (name,)):
                raise RegisterError(f"the series {name!r} is already declared")
            db.execute(
                "INSERT INTO series (prefix, next_number, width) VALUES (?, ?, ?)",
                (name, series.next_number, series.width),
            )

    def series(self) -> tuple[NumberSeries, ...]:
        """Every series declared, with the number each issues next."""
        rows = self._db.execute(
            "SELECT prefix, next_number, width FROM series ORDER BY prefix"
        )
        return tuple(NumberSeries(prefix, n, width) for prefix, n, width in rows)

    def _take_number(
        self, db: Database, name: str, day: dt.date
    ) -> tuple[NumberSeries, str]:
        """The series *name* and its next number, for a document dated *day*.

        Raises:
            RegisterError: no such series, or *day* before its last document's.
        """
        rows = db.execute(
            "SELECT next_number, width, last_number, last_date FROM series"
            " WHERE prefix = ?",
            (name,),
        )
        if not rows:
            raise RegisterError(
                f"no series {name!r} in the register: declare it with add_series"
            )
        next_number, width, last_number, last_date = rows[0]
        if last_date is not None and dt.date.fromisoformat(last_date) > day:
            raise RegisterError(
                f"a document of {name!r} dated {day} would come after "
                f"{last_number} of {last_date}: the numbers follow the dates"
            )
        series = NumberSeries(name, next_number, width)
        return series, series.format(series.next_number)

    # -- writing ------------------------------------------------------------

    def _append(
        self,
        db: Database,
        table: str,
        kind: str,
        number: str,
        body: str,
        xml: bytes,
        columns: dict[str, Any],
    ) -> None:
        """Append one row to *table*, next in the sequence and the hash chain."""
        meta: dict[str, str] = dict(db.execute("SELECT key, value FROM meta"))
        seq = int(meta["last_seq"]) + 1
        digest = row_hash(meta["head"], seq, kind, number, body, xml)
        names = ["seq", *columns, "body", "hash"]
        values = [seq, *columns.values(), body, digest]
        if table == "documents":
            names.append("xml")
            values.append(xml)
        marks = ", ".join("?" for _ in names)
        db.execute(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})", values)
        db.execute("UPDATE meta SET value = ? WHERE key = 'last_seq'", (str(seq),))
        db.execute("UPDATE meta SET value = ? WHERE key = 'head'", (digest,))

    def _store(self, db: Database, document: Document, series: NumberSeries) -> None:
        kind = "invoice" if isinstance(document, ClientInvoice) else "credit_note"
        invoice = document.invoice_number if isinstance(document, CreditNote) else None
        self._append(
            db,
            "documents",
            kind,
            document.number,
            _canonical(document),
            to_cii_xml(document),
            {
                "number": document.number,
                "kind": kind,
                "series": series.prefix,
                "issue_date": document.issue_date.isoformat(),
                "invoice": invoice,
                "buyer": document.buyer.name,
            },
        )
        db.execute(
            "UPDATE series SET next_number = ?, last_number = ?, last_date = ?"
            " WHERE prefix = ?",
            (
                series.next_number + 1,
                document.number,
                document.issue_date.isoformat(),
                series.prefix,
            ),
        )

    def issue(self, series: str, **fields: Any) -> ClientInvoice:
        """Issue and store a client invoice, with the next number of *series*.

        Args:
            series: the series' prefix, such as ``"F2025-"``.
            **fields: the invoice's other fields, as :class:`ClientInvoice`
                takes them (``issue_date``, ``seller``, ``buyer``, ``lines``...).

        Raises:
            RegisterError: an unknown series, or an issue date before the
                series' last document.
            PaxbillError: the invoice's own checks; it then takes no number.
        """
        name = _series_name(series)
        if "number" in fields:
            raise RegisterError("the register gives the number: leave number out")
        with self._db.transaction() as db:
            day = to_date(fields.get("issue_date"), what="issue_date")
            numbers, number = self._take_number(db, name, day)
            invoice = ClientInvoice(number, **fields)
            if invoice.payments or invoice.credit_notes:
                raise RegisterError(
                    "an invoice is issued without payments or credit notes: "
                    "record them with pay and credit"
                )
            self._store(db, invoice, numbers)
        return invoice

    def credit(
        self,
        number: str,
        on: dt.date,
        lines: Iterable[ClientInvoiceLine | tuple[int | ClientInvoiceLine, Any]]
        | None = None,
        *,
        series: str,
        reason: str | None = None,
    ) -> CreditNote:
        """Issue and store a credit note on the invoice *number*, in *series*.

        As :meth:`ClientInvoice.credit`: all of the invoice not yet credited,
        or some *lines*; checked against the credit notes already stored.

        Raises:
            RegisterError: no such invoice, or an unknown series.
            CreditExceedsInvoiceError: more than the invoice billed.
        """
        name = _series_name(series)
        day = to_date(on, what="on")
        with self._db.transaction() as db:
            invoice = self._invoice(db, number)
            numbers, credit_number = self._take_number(db, name, day)
            note = invoice.credit(credit_number, day, lines, reason=reason)
            self._store(db, note, numbers)
        return note

    def pay(
        self,
        number: str,
        amount: Money,
        on: dt.date,
        method: PaymentMeans | str = PaymentMeans.CREDIT_TRANSFER,
    ) -> ClientInvoice:
        """Record a payment on the invoice *number*; return the invoice with it.

        Raises:
            RegisterError: no such invoice.
            OverpaymentError: more than is due.
        """
        with self._db.transaction() as db:
            invoice = self._invoice(db, number)
            paid = invoice.pay(amount, on, method)
            payment = paid.payments[-1]
            self._append(
                db,
                "payments",
                "payment",
                invoice.number,
                _canonical(payment),
                b"",
                {"invoice": invoice.number, "paid_on": payment.on.isoformat()},
            )
        return paid

    # -- reading ------------------------------------------------------------

    def _invoice(self, db: Database, number: str) -> ClientInvoice:
        rows = db.execute(
            "SELECT body FROM documents WHERE number = ? AND kind = 'invoice'",
            (number,),
        )
        if not rows:
            raise RegisterError(f"no invoice {number!r} in the register")
        invoice: ClientInvoice = from_dict(json.loads(rows[0][0]))
        notes = db.execute(
            "SELECT body FROM documents WHERE invoice = ? ORDER BY seq", (number,)
        )
        payments = db.execute(
            "SELECT body FROM payments WHERE invoice = ? ORDER BY seq", (number,)
        )
        return attrs.evolve(
            invoice,
            payments=[from_dict(json.loads(row[0])) for row in payments],
            credit_notes=[from_dict(json.loads(row[0])) for row in notes],
        )

    def document(self, number: str) -> Document:
        """The document *number*: an invoice with what was recorded on it since.

        Raises:
            RegisterError: no such document.
        """
        rows = self._db.execute(
            "SELECT kind, body FROM documents WHERE number = ?", (number,)
        )
        if not rows:
            raise RegisterError(f"no document {number!r} in the register")
        if rows[0][0] == "invoice":
            return self._invoice(self._db, number)
        note: CreditNote = from_dict(json.loads(rows[0][1]))
        return note

    def documents(self) -> tuple[Document, ...]:
        """Every document in issue order, invoices with their payments and credits."""
        rows = self._db.execute(
            "SELECT kind, number, invoice, body FROM documents ORDER BY seq"
        )
        payments: dict[str, list[ClientPayment]] = {}
        for invoice, body in self._db.execute(
            "SELECT invoice, body FROM payments ORDER BY seq"
        ):
            payments.setdefault(invoice, []).append(from_dict(json.loads(body)))
        notes: dict[str, list[CreditNote]] = {}
        read: list[Document] = []
        for kind, _number, invoice, body in rows:
            document = from_dict(json.loads(body))
            read.append(document)
            if kind == "credit_note":
                notes.setdefault(invoice, []).append(document)
        return tuple(
            attrs.evolve(
                document,
                payments=payments.get(document.number, []),
                credit_notes=notes.get(document.number, []),
            )
            if isinstance(document, ClientInvoice)
            else document
            for document in read
        )

    def documents_of(self, buyer: str) -> tuple[Document, ...]:
        """The documents of the client named *buyer*, in issue order."""
        names = {
            row[0]
            for row in self._db.execute(
                "SELECT number FROM documents WHERE buyer = ?", (buyer,)
            )
        }
        return tuple(d for d in self.documents() if d.number in names)

    def due_on(self, day: dt.date) -> tuple[tuple[ClientInvoice, Money], ...]:
        """Each invoice with something due at the end of *day*, and how much."""
        when = to_date(day, what="day")
        found = []
        for document in self.documents():
            if isinstance(document, ClientInvoice) and document.issue_date <= when:
                due = document.amount_due_on(when)
                if due:
                    found.append((document, due))
        return tuple(found)

    def check_numbering(self) -> dict[str, NumberingReport]:
        """The numbering check of each series over the documents stored."""
        rows = self._db.execute("SELECT series, number, issue_date FROM documents")
        reports = {}
        for series in self.series():
            numbers = [number for name, number, _ in rows if name == series.prefix]
            first = NumberSeries(series.prefix, 1, series.width)
            reports[series.prefix] = check_numbering(numbers, first)
        return reports

    def verify(self) -> VerifyReport:
        """Check the hash chain over every stored row, in issue order.

        Each document altered (its JSON, its XML or its place) and each row
        missing is named.
        """
        rows = [
            (seq, kind, number, body, bytes(xml), digest)
            for seq, kind, number, body, xml, digest in self._db.execute(
                "SELECT seq, kind, number, body, xml, hash FROM documents"
            )
        ]
        rows += [
            (seq, "payment", invoice, body, b"", digest)
            for seq, invoice, body, digest in self._db.execute(
                "SELECT seq, invoice, body, hash FROM payments"
            )
        ]
        rows.sort()
        problems: list[str] = []
        prev, expected = GENESIS, 1
        for seq, kind, number, body, xml, digest in rows:
            what = f"the payment on {number}" if kind == "payment" else number
            if seq != expected:
                problems.append(
                    f"rows {expected} to {seq - 1} are missing, before {what}"
                )
            if row_hash(prev, seq, kind, number, body, xml) != digest:
                problems.append(f"{what} (row {seq}) was altered")
            prev, expected = digest, seq + 1
        meta: dict[str, str] = dict(self._db.execute("SELECT key, value FROM meta"))
        if int(meta["last_seq"]) != expected - 1 or meta["head"] != prev:
            problems.append(
                f"rows after {expected - 1} are missing: the register wrote "
                f"{meta['last_seq']}"
            )
        return VerifyReport(len(rows), tuple(problems))

    # -- export and import ----------------------------------------------------

    def export_jsonl(self, path: str | Path) -> int:
        """Write every row of the register to *path*, one JSON object a line.

        The series first, then the documents and payments in their order,
        each with its hash: :meth:`import_jsonl` restores an identical
        register from it. Returns the number of lines written.
        """
        lines = [
            {"table": "series", **dict(zip(_SERIES_COLUMNS, row, strict=True))}
            for row in self._db.execute(
                f"SELECT {', '.join(_SERIES_COLUMNS)} FROM series ORDER BY prefix"
            )
        ]
        rows = [
            (
                seq,
                {
                    "table": "documents",
                    **dict(zip(_DOCUMENT_COLUMNS, row, strict=True)),
                },
            )
            for seq, *row in self._db.execute(
                f"SELECT seq, {', '.join(_DOCUMENT_COLUMNS)} FROM documents"
            )
        ]
        rows += [
            (
                seq,
                {"table": "payments", **dict(zip(_PAYMENT_COLUMNS, row, strict=True))},
            )
            for seq, *row in self._db.execute(
                f"SELECT seq, {', '.join(_PAYMENT_COLUMNS)} FROM payments"
            )
        ]
        for seq, row in sorted(rows, key=lambda item: item[0]):
            if "xml" in row:
                row["xml"] = base64.b64encode(bytes(row["xml"])).decode("ascii")
            lines.append({**row, "seq": seq})
        text = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
        Path(path).write_text(text, encoding="utf-8")
        return len(lines)

    def export_csv(self, path: str | Path) -> int:
        """Write one row per document to the CSV file *path*, for a spreadsheet.

        Its number, kind, date, client, the invoice it credits, currency and
        totals (amounts as exact decimals). Returns the number of documents.
        """
        documents = self.documents()
        with Path(path).open("w", encoding="utf-8", newline="") as file:
            writer = csv.writer(file)
            writer.writerow(_CSV_COLUMNS)
            for document in documents:
                credited = (
                    document.invoice_number if isinstance(document, CreditNote) else ""
                )
                writer.writerow(
                    [
                        document.number,
                        "invoice"
                        if isinstance(document, ClientInvoice)
                        else "credit_note",
                        document.issue_date.isoformat(),
                        document.buyer.name,
                        credited,
                        document.currency,
                        *(
                            f"{total.amount:f}"
                            for total in (
                                document.net_total,
                                document.vat_total,
                                document.gross_total,
                            )
                        ),
                    ]
                )
        return len(documents)

    def import_jsonl(self, path: str | Path) -> int:
        """Restore the rows :meth:`export_jsonl` wrote into this empty register.

        The rows keep their sequence and hashes, so :meth:`verify` checks the
        restored register as it checked the one exported. Returns the number
        of rows read.

        Raises:
            RegisterError: the register is not empty, or a line is not a row.
        """
        try:
            lines = [
                json.loads(text)
                for text in Path(path).read_text(encoding="utf-8").splitlines()
                if text.strip()
            ]
        except (OSError, ValueError) as error:
            raise RegisterError(
                f"{path}: cannot read it as an export: {error}"
            ) from None
        with self._db.transaction() as db:
            if db.execute("SELECT 1 FROM series") or db.execute(
                "SELECT 1 FROM documents"
            ):
                raise RegisterError("a register is restored into an empty one only")
            last, head = 0, GENESIS
            for number, line in enumerate(lines, start=1):
                table = line.get("table") if isinstance(line, dict) else None
                try:
                    if table == "series":
                        db.execute(
                            "INSERT INTO series VALUES (?, ?, ?, ?, ?)",
                            [line[name] for name in _SERIES_COLUMNS],
                        )
                        continue
                    columns = {
                        "documents": _DOCUMENT_COLUMNS,
                        "payments": _PAYMENT_COLUMNS,
                    }[str(table)]
                    values = [line[name] for name in columns]
                    if table == "documents":
                        values[columns.index("xml")] = base64.b64decode(line["xml"])
                except (KeyError, TypeError, ValueError) as error:
                    raise RegisterError(
                        f"{path}, line {number}: not a row of a register ({error})"
                    ) from None
                marks = ", ".join("?" for _ in range(len(columns) + 1))
                db.execute(
                    f"INSERT INTO {table} (seq, {', '.join(columns)}) VALUES ({marks})",
                    [line["seq"], *values],
                )
                last, head = line["seq"], line["hash"]
            db.execute("UPDATE meta SET value = ? WHERE key = 'last_seq'", (str(last),))
            db.execute("UPDATE meta SET value = ? WHERE key = 'head'", (head,))
        return len(lines)


_DOCUMENT_COLUMNS = (
    "number",
    "kind",
    "series",
    "issue_date",
    "invoice",
    "buyer",
    "body",
    "xml",
    "hash",
)
_PAYMENT_COLUMNS = ("invoice", "paid_on", "body", "hash")
_CSV_COLUMNS = (
    "number",
    "kind",
    "issue_date",
    "buyer",
    "credits",
    "currency",
    "net_total",
    "vat_total",
    "gross_total",
)
_SERIES_COLUMNS = ("prefix", "next_number", "width", "last_number", "last_date")
