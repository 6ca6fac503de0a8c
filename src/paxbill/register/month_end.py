"""The installer's month end, in one transaction of its register.

For a calendar month, :func:`run_month_end` issues the client invoices of
the terms that start in it (dated its first day), records Paxton's invoice
of the month before (the usage month it bills in arrears), debits each
prepaid client's ledger with Paxton's charge for its users of that usage
month, and reviews each prepaid balance on the month's first day. Each of
these is keyed (a client's term, a usage month, a review day), so a month
end run again does only what is not yet done: nothing, when its inputs are
the same. All of it is written in one transaction, or none of it.

>>> import datetime as dt, tempfile, pathlib
>>> from paxbill import (Account, AccountType, BillingFrequency, BillingPeriod,
...     ClientContract, Installer, Money, Party, PerUserPrice, Register)
>>> installer = Installer(
...     Party("Sécurité Dupont SARL", "FR", vat_id="FR40303265045"),
...     Account("PAX-1", AccountType.SYSTEM_MANAGER),
...     PerUserPrice(Money("3.00", "EUR"), 15),
... )
>>> tilleuls = ClientContract("RES-TILLEULS", Party("Résidence Les Tilleuls", "FR"),
...                           BillingFrequency.QUARTERLY, Money("4.00", "EUR"))
>>> path = pathlib.Path(tempfile.mkdtemp()) / "billing.sqlite"
>>> with Register.open(path) as register:
...     april = run_month_end(register, BillingPeriod.month(2025, 4),
...                           installer=installer, contracts=[tilleuls],
...                           users={"RES-TILLEULS": 70})
...     again = run_month_end(register, BillingPeriod.month(2025, 4),
...                           installer=installer, contracts=[tilleuls],
...                           users={"RES-TILLEULS": 70})
>>> [(i.number, i.net_total) for i in april.issued], april.paxton_invoice.total
([('F2025-0001', Money('840.00', 'EUR'))], Money('178.50', 'EUR'))
>>> april.reviews[0].review.balance, again.changed
(Money('840.00', 'EUR'), False)
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Mapping, Sequence

import attrs

from paxbill.clients.bundles import Bundle
from paxbill.clients.contracts import ClientContract, Installer, term_invoice_fields
from paxbill.clients.invoicing.invoices import ClientInvoice
from paxbill.clients.ledger import EntryKind, LedgerEntry
from paxbill.core._dates import months_after
from paxbill.core._validators import instance_of, is_bool, optional_of, tuple_of
from paxbill.core._values import Revalidated
from paxbill.core.periods import BillingPeriod, term_starts
from paxbill.core.schedules import paxton_net_on
from paxbill.exceptions import ArgumentTypeError, InvalidContractError
from paxbill.io.serialization import to_dict
from paxbill.paxton.accounts import due_date
from paxbill.paxton.app_users import AppUser
from paxbill.paxton.invoices import Invoice, count_users, issue_invoice
from paxbill.register._database import Database
from paxbill.register.register import Register, StoredReview, canonical

__all__ = ["LedgerDebit", "MonthEndReport", "run_month_end"]

Users = int | Sequence[AppUser]


@attrs.frozen
class LedgerDebit(Revalidated):
    """A prepaid client's ledger debited with Paxton's charge of a usage month."""

    client_id: str = attrs.field(validator=instance_of(str, "a str"))
    month: BillingPeriod = attrs.field(
        validator=instance_of(BillingPeriod, "a BillingPeriod")
    )
    entry: LedgerEntry = attrs.field(
        validator=instance_of(LedgerEntry, "a LedgerEntry")
    )


@attrs.frozen
class MonthEndReport(Revalidated):
    """What a month end did, or would do (*dry_run*).

    Args:
        month: the calendar month.
        issued: the client invoices issued, in number order.
        paxton_invoice: Paxton's invoice of the usage month before, as the
            register holds it (recorded now or before), or None.
        debits: the ledger debits recorded.
        reviews: the prepaid-balance reviews made.
        without_users: the clients whose term starts in the month but who
            have no user to bill.
        dry_run: whether nothing was kept.
    """

    month: BillingPeriod = attrs.field(
        validator=instance_of(BillingPeriod, "a BillingPeriod")
    )
    issued: tuple[ClientInvoice, ...] = attrs.field(
        validator=tuple_of(ClientInvoice, "a ClientInvoice")
    )
    paxton_invoice: Invoice | None = attrs.field(
        validator=optional_of(Invoice, "an Invoice")
    )
    paxton_recorded: bool = attrs.field(validator=is_bool)
    debits: tuple[LedgerDebit, ...] = attrs.field(
        validator=tuple_of(LedgerDebit, "a LedgerDebit")
    )
    reviews: tuple[StoredReview, ...] = attrs.field(
        validator=tuple_of(StoredReview, "a StoredReview")
    )
    without_users: tuple[str, ...] = attrs.field(validator=tuple_of(str, "a str"))
    dry_run: bool = attrs.field(validator=is_bool, default=False)

    @property
    def changed(self) -> bool:
        """Whether the month end wrote (or would write) anything."""
        return bool(self.issued or self.paxton_recorded or self.debits or self.reviews)


class _DryRun(Exception):
    """Raised inside the transaction of a dry run, to roll it back."""


def _check_month(month: object) -> BillingPeriod:
    if not isinstance(month, BillingPeriod):
        raise ArgumentTypeError(month, "a BillingPeriod of a month", what="month")
    if month != BillingPeriod.month(month.start.year, month.start.month):
        raise InvalidContractError(f"{month} is not a calendar month")
    return month


def _check_contracts(
    contracts: Iterable[ClientContract], users: Mapping[str, Users]
) -> tuple[ClientContract, ...]:
    found = tuple(contracts)
    seen: set[str] = set()
    for contract in found:
        if not isinstance(contract, ClientContract):
            raise ArgumentTypeError(contract, "a ClientContract", what="each contract")
        if contract.client_id in seen:
            raise InvalidContractError(f"client {contract.client_id!r} appears twice")
        seen.add(contract.client_id)
    unknown = sorted(set(users) - seen)
    if unknown:
        raise InvalidContractError(
            f"users of {unknown[0]!r}, a client without a contract"
        )
    return tuple(sorted(found, key=lambda contract: contract.client_id))


def run_month_end(
    register: Register,
    month: BillingPeriod,
    *,
    installer: Installer,
    contracts: Iterable[ClientContract],
    users: Mapping[str, Users],
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> MonthEndReport:
    """Run the installer's month end of *month* in *register*.

    Args:
        register: the register it writes to.
        month: the calendar month, such as ``BillingPeriod.month(2025, 4)``.
        installer: the seller, its Paxton account and price, its series.
        contracts: every client's contract.
        users: each client's app users, by client id: a number, or AppUsers
            counted as Paxton counts them (active on one day of a month).
        dry_run: work it all out, keep nothing.
        progress: called with (done, to do) as the invoices are issued.

    Every invoice is dated the month's first day and numbered in the series
    ``installer.series_on`` that day, declared if new; a term's invoice
    bills the users of its first month. A client's term, a usage month's
    Paxton invoice and debit, and a day's review are each written once.

    Raises:
        InvalidContractError: a month that is not a calendar month, a
            client twice, users of a client without a contract, or a
            prepaid client billed in another currency than Paxton's.
        RegisterError: the register refuses it (say, invoices dated before
            the series' last); then nothing is written.
    """
    if not isinstance(register, Register):
        raise ArgumentTypeError(register, "a Register", what="register")
    if not isinstance(installer, Installer):
        raise ArgumentTypeError(installer, "an Installer", what="installer")
    period = _check_month(month)
    clients = _check_contracts(contracts, users)
    paxton_currency = paxton_net_on(installer.paxton_price, period.start).currency
    for contract in clients:
        if contract.prepaid and contract.currency != paxton_currency:
            raise InvalidContractError(
                f"client {contract.client_id!r} is billed in {contract.currency}, "
                f"Paxton in {paxton_currency}: a prepaid balance pays Paxton in "
                "its own currency"
            )
    try:
        with register._db.transaction() as db:
            work = _MonthEnd(db, register, installer, clients, users)
            report = work.run(period, progress)
            if dry_run:
                raise _DryRun
    except _DryRun:
        return attrs.evolve(report, dry_run=True)
    return report


class _MonthEnd:
    """One month end's work, inside the transaction *db* of *register*."""

    def __init__(
        self,
        db: Database,
        register: Register,
        installer: Installer,
        clients: tuple[ClientContract, ...],
        users: Mapping[str, Users],
    ) -> None:
        self.db, self.register, self.installer = db, register, installer
        self.clients, self.users = clients, users
        # Each client's terms billed so far: by earlier month ends, and now.
        self.terms: dict[str, list[BillingPeriod]] = {}
        for client, start, end in db.execute(
            "SELECT client, term_start, term_end FROM documents"
            " WHERE client IS NOT NULL AND kind = 'invoice'"
        ):
            self.terms.setdefault(client, []).append(
                BillingPeriod(dt.date.fromisoformat(start), dt.date.fromisoformat(end))
            )

    def count(self, client_id: str, period: BillingPeriod) -> int:
        """The client's users Paxton counts in *period*."""
        return count_users(self.users.get(client_id, 0), period)

    def billed(self, client_id: str, day: dt.date) -> bool:
        """Whether a term of the client's, billed in the register, holds *day*."""
        return any(
            term.start <= day < term.end for term in self.terms.get(client_id, ())
        )

    def run(
        self, month: BillingPeriod, progress: Callable[[int, int], None] | None
    ) -> MonthEndReport:
        day = month.start
        usage = BillingPeriod.month(*_previous(day))
        issued, without_users = self.issue(month, progress)
        paxton, recorded = self.paxton_invoice(usage)
        debits = self.debits(usage)
        reviews = self.reviews(month)
        report = MonthEndReport(
            month,
            tuple(issued),
            paxton,
            recorded,
            tuple(debits),
            tuple(reviews),
            tuple(without_users),
        )
        if report.changed:
            self.record(report)
        return report

    def issue(
        self, month: BillingPeriod, progress: Callable[[int, int], None] | None
    ) -> tuple[list[ClientInvoice], list[str]]:
        """The invoices of the terms that start in *month*, not yet billed."""
        day = month.start
        prefix = self.installer.series_on(day)
        if not self.db.execute("SELECT 1 FROM series WHERE prefix = ?", (prefix,)):
            self.db.execute(
                "INSERT INTO series (prefix, next_number, width) VALUES (?, 1, ?)",
                (prefix, self.installer.width),
            )
        due = [
            (contract, start)
            for contract in self.clients
            for start in term_starts(
                contract.anchor,
                contract.frequency,
                month.start,
                month.end,
            )
            if all(
                term.start != start for term in self.terms.get(contract.client_id, ())
            )
        ]
        issued: list[ClientInvoice] = []
        without_users: list[str] = []
        for done, (contract, start) in enumerate(due, start=1):
            client = contract.client_id
            count = self.count(client, BillingPeriod(start, months_after(start, 1)))
            if not count and not isinstance(contract.billing, Bundle):
                without_users.append(client)
                if progress is not None:
                    progress(done, len(due))
                continue
            fields = term_invoice_fields(
                self.installer, contract, start, users=count, issue_date=day
            )
            invoice = self.register._issue(self.db, prefix, fields, client)
            issued.append(invoice)
            assert invoice.service_period is not None
            self.terms.setdefault(client, []).append(invoice.service_period)
            if contract.prepaid:
                entry = LedgerEntry(
                    day, EntryKind.CREDIT, invoice.net_total, invoice.number
                )
                key = f"{client} credit {start}"
                self.register._add_entry(self.db, client, entry, key, None)
            if progress is not None:
                progress(done, len(due))
        return issued, without_users

    def paxton_invoice(self, usage: BillingPeriod) -> tuple[Invoice | None, bool]:
        """Paxton's invoice of *usage*: the one stored, else the users', recorded."""
        rows = self.db.execute(
            "SELECT key FROM paxton_invoices WHERE period_start = ?",
            (usage.start.isoformat(),),
        )
        if rows:
            return self.register._paxton_invoice(self.db, rows[0][0]), False
        count = sum(self.count(contract.client_id, usage) for contract in self.clients)
        if not count:
            return None, False
        invoice = issue_invoice(
            f"{usage.start:%Y-%m}",
            self.installer.account,
            self.installer.paxton_price,
            count,
            usage,
        )
        self.register._record_paxton(self.db, invoice)
        return invoice, True

    def debits(self, usage: BillingPeriod) -> list[LedgerDebit]:
        """Each prepaid client's debit for *usage*, where a billed term holds it."""
        done = {
            key
            for (key,) in self.db.execute(
                "SELECT key FROM ledger WHERE month = ?", (usage.start.isoformat(),)
            )
        }
        account = self.installer.account
        paid = due_date(
            account.account_type, usage.end, credit_days=account.credit_days
        )
        unit = paxton_net_on(self.installer.paxton_price, usage.start)
        debits = []
        for contract in self.clients:
            client = contract.client_id
            key = f"{client} debit {usage.start:%Y-%m}"
            if (
                not contract.prepaid
                or key in done
                or not self.billed(client, usage.start)
            ):
                continue
            charge = unit * self.count(client, usage)
            text = f"Paxton {usage.start:%Y-%m}"
            entry = LedgerEntry(paid, EntryKind.DEBIT, charge, text)
            self.register._add_entry(self.db, client, entry, key, usage)
            debits.append(LedgerDebit(client, usage, entry))
        return debits

    def reviews(self, month: BillingPeriod) -> list[StoredReview]:
        """Each prepaid client's review on the month's first day, once."""
        day = month.start
        done = {
            client
            for (client,) in self.db.execute(
                "SELECT client FROM reviews WHERE review_day = ?", (day.isoformat(),)
            )
        }
        unit = paxton_net_on(self.installer.paxton_price, day)
        reviews = []
        for contract in self.clients:
            client = contract.client_id
            if not contract.prepaid or client in done or not self.billed(client, day):
                continue
            cost = unit * self.count(client, month)
            review = self.register._review(
                self.db, client, day, cost, self.installer.account
            )
            self.register._append(
                self.db,
                "reviews",
                f"{client} {day}",
                canonical(review),
                {"client": client, "review_day": day.isoformat()},
            )
            reviews.append(StoredReview(client, day, review))
        return reviews

    def record(self, report: MonthEndReport) -> None:
        """The month end's own row: what it did, and the installer it billed as."""
        day = report.month.start
        runs = self.db.execute(
            "SELECT COUNT(*) FROM month_ends WHERE month = ?", (str(day),)
        )
        paxton = report.paxton_invoice
        summary = {
            "month": day.strftime("%Y-%m"),
            "installer": to_dict(self.installer),
            "issued": [invoice.number for invoice in report.issued],
            "paxton_invoice": paxton.number
            if report.paxton_recorded and paxton
            else None,
            "debits": [debit.client_id for debit in report.debits],
            "reviews": [review.client_id for review in report.reviews],
        }
        self.register._append(
            self.db,
            "month_ends",
            f"{day:%Y-%m} #{runs[0][0] + 1}",
            json.dumps(summary, ensure_ascii=False, sort_keys=True),
            {"month": str(day)},
        )


def _previous(day: dt.date) -> tuple[int, int]:
    return (day.year, day.month - 1) if day.month > 1 else (day.year - 1, 12)
