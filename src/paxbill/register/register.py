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
from paxbill.clients.ledger import ClientLedger, EntryKind, LedgerEntry
from paxbill.clients.reviews import BalanceReview, review_balance
from paxbill.core._dates import to_date
from paxbill.core._validators import instance_of, is_count, is_date, tuple_of
from paxbill.core._values import Revalidated
from paxbill.core.money import Money, total
from paxbill.core.periods import BillingPeriod
from paxbill.core.pricing import PerUserPrice
from paxbill.core.schedules import PriceSchedule
from paxbill.exceptions import ArgumentTypeError, RegisterError
from paxbill.io.cii import to_cii_xml
from paxbill.io.serialization import from_dict, to_dict
from paxbill.paxton.accounts import Account, PaymentMethod
from paxbill.paxton.app_users import AppUser
from paxbill.paxton.invoices import Invoice, issue_invoice
from paxbill.register._database import Database, connect
from paxbill.register._schema import CHAINED, GENESIS, create_or_migrate

__all__ = ["PaxtonInvoiceCheck", "Register", "StoredReview", "VerifyReport"]

Document = ClientInvoice | CreditNote


def canonical(value: Any) -> str:
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
class PaxtonInvoiceCheck(Revalidated):
    """Paxton's invoice as stored, beside the one its users make.

    Args:
        stored: the invoice the register holds.
        computed: :func:`~paxbill.issue_invoice` of the users, for its period.
    """

    stored: Invoice = attrs.field(validator=instance_of(Invoice, "an Invoice"))
    computed: Invoice = attrs.field(validator=instance_of(Invoice, "an Invoice"))

    @property
    def difference(self) -> Money:
        """What the stored invoice bills more than the users make (less if below 0)."""
        return self.stored.total - self.computed.total

    @property
    def matches(self) -> bool:
        """Whether the stored invoice bills what the users make."""
        return not self.difference


@attrs.frozen
class StoredReview(Revalidated):
    """A prepaid-balance review a month end made and stored.

    Args:
        client_id: the client reviewed.
        on: the review day.
        review: the review, as :func:`~paxbill.review_balance` gave it.
    """

    client_id: str = attrs.field(validator=instance_of(str, "a str"))
    on: dt.date = attrs.field(validator=is_date)
    review: BalanceReview = attrs.field(
        validator=instance_of(BalanceReview, "a BalanceReview")
    )


@attrs.frozen
class VerifyReport(Revalidated):
    """What :meth:`Register.verify` found.

    Args:
        documents: how many documents and payments it checked.
        problems: each row altered or missing, by its document's number.
    """

    documents: int = attrs.field(validator=is_count)
    problems: tuple[str, ...] = attrs.field(validator=tuple_of(str, "a str"))

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
        if not isinstance(database, Database):
            raise ArgumentTypeError(
                database, "a database, as Register.open gives", what="database"
            )
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
        key: str,
        body: str,
        columns: dict[str, Any],
        xml: bytes = b"",
    ) -> None:
        """Append one row to *table*, next in the sequence and the hash chain."""
        spec = CHAINED[table]
        meta: dict[str, str] = dict(db.execute("SELECT key, value FROM meta"))
        seq = int(meta["last_seq"]) + 1
        kind = spec.kind or columns["kind"]
        digest = row_hash(meta["head"], seq, kind, key, body, xml)
        values = {**columns, spec.key: key, "body": body, "hash": digest}
        if table == "documents":
            values["xml"] = xml
        names = ["seq", *spec.columns]
        marks = ", ".join("?" for _ in names)
        db.execute(
            f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})",
            [seq, *(values.get(name) for name in spec.columns)],
        )
        db.execute("UPDATE meta SET value = ? WHERE key = 'last_seq'", (str(seq),))
        db.execute("UPDATE meta SET value = ? WHERE key = 'head'", (digest,))

    def _store(
        self,
        db: Database,
        document: Document,
        series: NumberSeries,
        client: str | None = None,
    ) -> None:
        kind = "invoice" if isinstance(document, ClientInvoice) else "credit_note"
        invoice = document.invoice_number if isinstance(document, CreditNote) else None
        term = document.service_period if client is not None else None
        self._append(
            db,
            "documents",
            document.number,
            canonical(document),
            {
                "kind": kind,
                "series": series.prefix,
                "issue_date": document.issue_date.isoformat(),
                "invoice": invoice,
                "buyer": document.buyer.name,
                "client": client,
                "term_start": term.start.isoformat() if term else None,
                "term_end": term.end.isoformat() if term else None,
            },
            to_cii_xml(document),
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

    def _issue(
        self, db: Database, series: str, fields: dict[str, Any], client: str | None
    ) -> ClientInvoice:
        """Issue the invoice of *fields* in *series*, inside the transaction *db*."""
        if "number" in fields:
            raise RegisterError("the register gives the number: leave number out")
        day = to_date(fields.get("issue_date"), what="issue_date")
        numbers, number = self._take_number(db, series, day)
        invoice = ClientInvoice(number, **fields)
        if invoice.payments or invoice.credit_notes:
            raise RegisterError(
                "an invoice is issued without payments or credit notes: "
                "record them with pay and credit"
            )
        if client is not None and invoice.service_period is None:
            raise RegisterError(f"the invoice of the client {client!r} bills no term")
        self._store(db, invoice, numbers, client)
        return invoice

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
        with self._db.transaction() as db:
            return self._issue(db, name, fields, None)

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
                invoice.number,
                canonical(payment),
                {"paid_on": payment.on.isoformat()},
            )
        return paid

    # -- Paxton's invoices ----------------------------------------------------

    def record_paxton_invoice(self, invoice: Invoice) -> Invoice:
        """Store one of Paxton's invoices to the installer, as the portal shows it.

        Its payment, if it has one, is stored as a payment recorded on it.

        Raises:
            RegisterError: an invoice of that number, or of that usage month,
                is already stored.
        """
        if not isinstance(invoice, Invoice):
            raise ArgumentTypeError(invoice, "an Invoice", what="invoice")
        with self._db.transaction() as db:
            self._record_paxton(db, invoice)
        return invoice

    def _record_paxton(self, db: Database, invoice: Invoice) -> None:
        start = invoice.period.start.isoformat()
        if db.execute(
            "SELECT key FROM paxton_invoices WHERE key = ? OR period_start = ?",
            (invoice.number, start),
        ):
            raise RegisterError(
                f"Paxton's invoice {invoice.number!r} or one for the usage "
                f"period from {start} is already stored"
            )
        unpaid = attrs.evolve(invoice, payment=None)
        self._append(
            db,
            "paxton_invoices",
            invoice.number,
            canonical(unpaid),
            {"period_start": start},
        )
        if invoice.payment is not None:
            self._append(
                db, "paxton_payments", invoice.number, canonical(invoice.payment), {}
            )

    def pay_paxton_invoice(
        self, number: str, on: dt.date, method: PaymentMethod
    ) -> Invoice:
        """Record the payment of Paxton's invoice *number*; return it paid.

        Raises:
            RegisterError: no such invoice.
            InvoiceAlreadyPaidError: its payment is already recorded.
        """
        with self._db.transaction() as db:
            invoice = self._paxton_invoice(db, number)
            paid = invoice.pay(on, method)
            assert paid.payment is not None
            self._append(
                db, "paxton_payments", invoice.number, canonical(paid.payment), {}
            )
        return paid

    def _paxton_invoice(self, db: Database, number: str) -> Invoice:
        rows = db.execute("SELECT body FROM paxton_invoices WHERE key = ?", (number,))
        if not rows:
            raise RegisterError(f"no Paxton invoice {number!r} in the register")
        invoice: Invoice = from_dict(json.loads(rows[0][0]))
        paid = db.execute("SELECT body FROM paxton_payments WHERE key = ?", (number,))
        if paid:
            invoice = attrs.evolve(invoice, payment=from_dict(json.loads(paid[0][0])))
        return invoice

    def paxton_invoices(self) -> tuple[Invoice, ...]:
        """Paxton's invoices stored, by usage month, each with its payment."""
        rows = self._db.execute("SELECT key FROM paxton_invoices ORDER BY period_start")
        return tuple(self._paxton_invoice(self._db, key) for (key,) in rows)

    def check_paxton_invoice(
        self,
        period: BillingPeriod,
        price: PerUserPrice | PriceSchedule,
        users: int | Iterable[AppUser],
    ) -> PaxtonInvoiceCheck:
        """Paxton's invoice of the usage *period*, against what the users make it.

        The stored invoice beside :func:`~paxbill.issue_invoice` of *users*
        at *price* for *period*, on the same account.

        Raises:
            RegisterError: no invoice of Paxton's for that period is stored.
        """
        if not isinstance(period, BillingPeriod):
            raise ArgumentTypeError(period, "a BillingPeriod", what="period")
        rows = self._db.execute(
            "SELECT key FROM paxton_invoices WHERE period_start = ?",
            (period.start.isoformat(),),
        )
        if not rows:
            raise RegisterError(
                f"no Paxton invoice for the usage period from {period.start} "
                "in the register"
            )
        stored = self._paxton_invoice(self._db, rows[0][0])
        computed = issue_invoice(stored.number, stored.account, price, users, period)
        return PaxtonInvoiceCheck(stored, computed)

    # -- prepaid ledgers --------------------------------------------------------

    def credit_ledger(
        self, client_id: str, on: dt.date, amount: Money, description: str = ""
    ) -> ClientLedger:
        """Record a credit to the client's prepaid ledger; return the ledger."""
        return self._ledger_entry(client_id, EntryKind.CREDIT, on, amount, description)

    def debit_ledger(
        self, client_id: str, on: dt.date, amount: Money, description: str = ""
    ) -> ClientLedger:
        """Record a debit from the client's prepaid ledger; return the ledger."""
        return self._ledger_entry(client_id, EntryKind.DEBIT, on, amount, description)

    def _ledger_entry(
        self,
        client_id: str,
        kind: EntryKind,
        on: dt.date,
        amount: Money,
        description: str,
    ) -> ClientLedger:
        if not isinstance(client_id, str) or not client_id:
            raise ArgumentTypeError(client_id, "a non-empty str", what="client_id")
        entry = LedgerEntry(on, kind, amount, description)
        with self._db.transaction() as db:
            count = db.execute(
                "SELECT COUNT(*) FROM ledger WHERE client = ?", (client_id,)
            )[0][0]
            key = f"{client_id} {kind.value} {count + 1}"
            return self._add_entry(db, client_id, entry, key, None)

    def _add_entry(
        self,
        db: Database,
        client_id: str,
        entry: LedgerEntry,
        key: str,
        month: BillingPeriod | None,
    ) -> ClientLedger:
        """Append *entry* to the client's ledger, checked against it first."""
        ledger = self._ledger(db, client_id, entry.amount.currency)
        ledger = attrs.evolve(ledger, entries=(*ledger.entries, entry))
        self._append(
            db,
            "ledger",
            key,
            canonical(entry),
            {
                "client": client_id,
                "on_day": entry.on.isoformat(),
                "month": month.start.isoformat() if month else None,
            },
        )
        return ledger

    def _ledger(self, db: Database, client_id: str, currency: str) -> ClientLedger:
        rows = db.execute(
            "SELECT body FROM ledger WHERE client = ? ORDER BY seq", (client_id,)
        )
        entries = [from_dict(json.loads(body)) for (body,) in rows]
        if entries:
            currency = entries[0].amount.currency
        return ClientLedger(client_id, currency, entries)

    def ledger(self, client_id: str) -> ClientLedger:
        """The client's prepaid ledger: every credit and debit recorded.

        Raises:
            RegisterError: the register holds no entry for the client.
        """
        if not self._db.execute("SELECT 1 FROM ledger WHERE client = ?", (client_id,)):
            raise RegisterError(f"no prepaid ledger of {client_id!r} in the register")
        return self._ledger(self._db, client_id, "EUR")

    def balance(self, client_id: str, on: dt.date) -> Money:
        """The client's prepaid balance at the end of the day *on*."""
        return self.ledger(client_id).balance_on(on)

    def review(
        self,
        client_id: str,
        on: dt.date,
        monthly_cost: Money | PriceSchedule,
        account: Account,
    ) -> BalanceReview:
        """Review the client's prepaid balance on *on*, with :func:`review_balance`.

        The term reviewed is the client's term that holds *on*, as a month
        end billed it. Its balance is every credit up to *on* included, less
        the charges paid before *on* and those of earlier terms still to be
        paid; its remaining charges are the term's usage months paid on or
        after *on*, each of *monthly_cost*, by *account*'s payment rules.

        Raises:
            RegisterError: no term of the client's holds *on*.
        """
        day = to_date(on, what="on")
        if not isinstance(account, Account):
            raise ArgumentTypeError(account, "an Account", what="account")
        return self._review(self._db, client_id, day, monthly_cost, account)

    def _review(
        self,
        db: Database,
        client_id: str,
        day: dt.date,
        monthly_cost: Money | PriceSchedule,
        account: Account,
    ) -> BalanceReview:
        iso = day.isoformat()
        terms = db.execute(
            "SELECT term_start, term_end FROM documents WHERE client = ?"
            " AND term_start <= ? AND term_end > ? AND kind = 'invoice'",
            (client_id, iso, iso),
        )
        if not terms:
            raise RegisterError(f"no term of the client {client_id!r} holds {day}")
        start, end = (dt.date.fromisoformat(value) for value in terms[0])
        counted: list[Money] = []
        rows = db.execute(
            "SELECT month, body FROM ledger WHERE client = ?", (client_id,)
        )
        for month, body in rows:
            entry: LedgerEntry = from_dict(json.loads(body))
            if entry.kind is EntryKind.CREDIT:
                if entry.on <= day:
                    counted.append(entry.amount)
            # A charge paid before the day is gone; one of an earlier term,
            # still to be paid, is owed all the same.
            elif entry.on < day or (month is not None and month < start.isoformat()):
                counted.append(-entry.amount)
        if not counted:
            raise RegisterError(f"no prepaid ledger of {client_id!r} in the register")
        return review_balance(
            total(counted),
            monthly_cost,
            as_of=day,
            term_end=end,
            term_start=start,
            account_type=account.account_type,
            credit_days=account.credit_days,
        )

    def reviews(self, client_id: str | None = None) -> tuple[StoredReview, ...]:
        """The reviews the month ends made, by day, of one client or of all."""
        rows = self._db.execute(
            "SELECT client, review_day, body FROM reviews ORDER BY seq"
        )
        return tuple(
            StoredReview(
                client, dt.date.fromisoformat(day), from_dict(json.loads(body))
            )
            for client, day, body in rows
            if client_id is None or client == client_id
        )

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

    def xml(self, number: str) -> bytes:
        """The CII XML of the document *number*, the bytes stored when it was issued.

        Raises:
            RegisterError: no such document.
        """
        rows = self._db.execute("SELECT xml FROM documents WHERE number = ?", (number,))
        if not rows:
            raise RegisterError(f"no document {number!r} in the register")
        return bytes(rows[0][0])

    def month_end_numbers(self, month: BillingPeriod) -> tuple[str, ...]:
        """The numbers of the invoices the month ends of *month* issued, in order."""
        if not isinstance(month, BillingPeriod):
            raise ArgumentTypeError(month, "a BillingPeriod", what="month")
        rows = self._db.execute(
            "SELECT number FROM documents WHERE client IS NOT NULL"
            " AND issue_date = ? ORDER BY seq",
            (month.start.isoformat(),),
        )
        return tuple(number for (number,) in rows)

    def month_ends(self) -> tuple[dict[str, Any], ...]:
        """What each month end that changed the register did, in order.

        Each is a dict: its ``month`` (``YYYY-MM``), the ``installer`` it
        billed as (a to_dict document), the numbers ``issued``, the
        ``paxton_invoice`` it recorded, the clients whose ledger it debited
        (``debits``) and whose balance it reviewed (``reviews``).
        """
        rows = self._db.execute("SELECT body FROM month_ends ORDER BY seq")
        return tuple(json.loads(body) for (body,) in rows)

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

    def _chain(self) -> list[tuple[int, str, str, str, bytes, str, str]]:
        """Every row of the chain, in order: seq, kind, key, body, xml, hash, label."""
        rows = []
        for table, spec in CHAINED.items():
            kind = "kind" if spec.kind is None else "NULL"
            xml = "xml" if table == "documents" else "NULL"
            for seq, found, key, body, data, digest in self._db.execute(
                f"SELECT seq, {kind}, {spec.key}, body, {xml}, hash FROM {table}"
            ):
                rows.append(
                    (
                        seq,
                        spec.kind or found,
                        key,
                        body,
                        bytes(data or b""),
                        digest,
                        spec.label.format(key),
                    )
                )
        rows.sort()
        return rows

    def verify(self) -> VerifyReport:
        """Check the hash chain over every stored row, in issue order.

        Each document altered (its JSON, its XML or its place) and each row
        missing is named; so is each payment, ledger entry, Paxton invoice,
        review and month end.
        """
        rows = self._chain()
        problems: list[str] = []
        prev, expected = GENESIS, 1
        for seq, kind, key, body, xml, digest, what in rows:
            if seq != expected:
                problems.append(
                    f"rows {expected} to {seq - 1} are missing, before {what}"
                )
            if row_hash(prev, seq, kind, key, body, xml) != digest:
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

        The series first, then every row of the chain in its order, each
        with its hash: :meth:`import_jsonl` restores an identical register
        from it. Returns the number of lines written.
        """
        lines = [
            {"table": "series", **dict(zip(_SERIES_COLUMNS, row, strict=True))}
            for row in self._db.execute(
                f"SELECT {', '.join(_SERIES_COLUMNS)} FROM series ORDER BY prefix"
            )
        ]
        rows: list[tuple[int, dict[str, Any]]] = []
        for table, spec in CHAINED.items():
            for seq, *values in self._db.execute(
                f"SELECT seq, {', '.join(spec.columns)} FROM {table}"
            ):
                row = {"table": table, **dict(zip(spec.columns, values, strict=True))}
                if "xml" in row:
                    row["xml"] = base64.b64encode(bytes(row["xml"])).decode("ascii")
                rows.append((seq, {**row, "seq": seq}))
        lines += [row for _, row in sorted(rows, key=lambda item: item[0])]
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
                "SELECT 1 FROM meta WHERE key = 'last_seq' AND value <> '0'"
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
                    columns = CHAINED[str(table)].columns
                    values = [line[name] for name in columns]
                    if table == "documents":
                        values[columns.index("xml")] = base64.b64decode(line["xml"])
                    seq, digest = int(line["seq"]), str(line["hash"])
                except (KeyError, TypeError, ValueError) as error:
                    raise RegisterError(
                        f"{path}, line {number}: not a row of a register ({error})"
                    ) from None
                marks = ", ".join("?" for _ in range(len(columns) + 1))
                db.execute(
                    f"INSERT INTO {table} (seq, {', '.join(columns)}) VALUES ({marks})",
                    [seq, *values],
                )
                last, head = seq, digest
            db.execute("UPDATE meta SET value = ? WHERE key = 'last_seq'", (str(last),))
            db.execute("UPDATE meta SET value = ? WHERE key = 'head'", (head,))
        return len(lines)


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
