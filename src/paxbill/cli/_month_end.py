"""``paxbill month-end``: the installer's month in one command, kept in its register."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from paxbill.cli._common import BadInput, dumps, plain, write_file
from paxbill.cli._files import (
    decimal_comma,
    read_app_users,
    read_contracts,
    read_object,
)
from paxbill.clients.contracts import Installer
from paxbill.core.periods import BillingPeriod
from paxbill.core.schedules import paxton_net_on
from paxbill.exceptions import MissingExtraError, PaxbillError
from paxbill.io.serialization import from_dict, to_dict
from paxbill.register.month_end import MonthEndReport, run_month_end
from paxbill.register.register import Register


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options of ``paxbill month-end``."""
    parser.add_argument(
        "--register",
        required=True,
        metavar="FILE",
        help="the register: an SQLite file (made if new) or a postgresql:// URL",
    )
    parser.add_argument(
        "--month", required=True, type=_month, help="the month, as YYYY-MM"
    )
    parser.add_argument(
        "--clients",
        required=True,
        metavar="CLIENTS.csv",
        help="the clients' contracts: a CSV file (paxbill example contracts)",
    )
    parser.add_argument(
        "--users",
        metavar="USERS.csv",
        default=None,
        help="the app users, with their client and dates (paxbill example users)",
    )
    parser.add_argument(
        "--installer",
        metavar="INSTALLER.json",
        default=None,
        help="the seller, its Paxton account and price (paxbill example"
        " installer); by default the one of the register's last month end",
    )
    parser.add_argument(
        "--out",
        metavar="DIR",
        default=None,
        help="where to write each new document's HTML, XML and PDF",
    )
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="show what the month end would do, and change nothing",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="refuse a CSV column paxbill does not know (ignored, with a warning)",
    )
    parser.add_argument(
        "--no-pdf", action="store_true", help="write no PDF, even with paxbill[pdf]"
    )
    parser.add_argument(
        "--locale",
        default=None,
        help="read the files' dates in this locale's order and its decimal commas,"
        " e.g. fr_FR (ISO dates only)",
    )
    parser.add_argument(
        "--json", action="store_true", help="print one JSON object for programs"
    )


def _month(text: str) -> BillingPeriod:
    try:
        year, month = text.split("-")
        if len(year) != 4 or len(month) != 2:
            raise ValueError(text)
        return BillingPeriod.month(int(year), int(month))
    except (ValueError, PaxbillError):
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a month: write it YYYY-MM, such as 2025-04"
        ) from None


def _is_url(where: str) -> bool:
    return where.startswith(("postgresql://", "postgres://"))


def _installer(args: argparse.Namespace) -> Installer:
    """The installer of --installer, else the one of the register's last month end."""
    if args.installer is not None:
        found: Installer = read_object(args.installer, (Installer,))
        return found
    where = str(args.register)
    if not _is_url(where) and not Path(where).exists():
        raise BadInput(
            f"{where}: no such register, and no --installer: give --installer "
            "INSTALLER.json (paxbill example installer writes one)"
        )
    with Register.open(where) as register:
        runs = register.month_ends()
    if not runs:
        raise BadInput(
            "no --installer, and the register has no month end to take it from: "
            "give --installer INSTALLER.json (paxbill example installer writes one)"
        )
    stored: Installer = from_dict(runs[-1]["installer"])
    return stored


def run(args: argparse.Namespace) -> str:
    """Run the month end, then write the documents' files and say what it did.

    Every input file is read, and every row checked, before the register
    is written to.
    """
    if args.out is None and not args.dry_run:
        raise BadInput("give --out DIR for the documents' files, or --dry-run")
    installer = _installer(args)
    app_price = paxton_net_on(installer.paxton_price, args.month.start)
    contracts, counts = read_contracts(
        args.clients,
        seller_country=installer.seller.country,
        app_price=app_price,
        decimal_comma=args.locale is not None and decimal_comma(args.locale),
        locale=args.locale,
        strict=args.strict,
    )
    users: dict[str, Any] = dict(counts)
    if args.users is not None:
        listed = read_app_users(
            args.users,
            clients={contract.client_id for contract in contracts},
            locale=args.locale,
            strict=args.strict,
        )
        both = sorted(set(listed) & set(counts))
        if both:
            raise BadInput(
                f"{args.clients} counts the users of {both[0]!r} and "
                f"{args.users} lists them: give them in one place"
            )
        users.update(listed)
    where = str(args.register)
    if args.dry_run and not _is_url(where) and not Path(where).exists():
        where = ":memory:"  # a dry run leaves no new register behind
    with Register.open(where) as register:
        report = run_month_end(
            register,
            args.month,
            installer=installer,
            contracts=contracts,
            users=users,
            dry_run=args.dry_run,
            progress=None if args.json else _progress(),
        )
        files = [] if args.dry_run else _write_files(register, args)
    return _json(report, files) if args.json else _summary(report, files, args)


def _progress() -> Any:
    """A progress line on a terminal's standard error; nothing elsewhere."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        end = "\n" if done == total else ""
        sys.stderr.write(f"\rissuing invoices: {done:,}/{total:,}{end}")
        sys.stderr.flush()

    return show


def _write_files(register: Register, args: argparse.Namespace) -> list[str]:
    """Each document the month end issued this month: any file not yet in DIR.

    A month end interrupted after its transaction and run again writes what
    the first left unwritten; a file already there is left as it is.
    """
    from paxbill.io.facturx_pdf import to_facturx_pdf
    from paxbill.io.invoice_html import invoice_html

    out = Path(args.out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BadInput(f"{out}: cannot make the folder ({error.strerror})") from None
    written = []
    pdf = not args.no_pdf
    for number in register.month_end_numbers(args.month):
        document = register.document(number)
        suffixes = ("xml", "html", "pdf") if pdf else ("xml", "html")
        for suffix in suffixes:
            target = out / f"{number}.{suffix}"
            if target.exists() or (suffix == "pdf" and not pdf):
                continue
            try:
                content = (
                    register.xml(number)
                    if suffix == "xml"
                    else invoice_html(document).encode("utf-8")
                    if suffix == "html"
                    else to_facturx_pdf(document)
                )
            except MissingExtraError:
                pdf = False  # paxbill[pdf] is not installed: no PDF at all
                continue
            write_file(target, content)
            written.append(str(target))
    return written


def _summary(report: MonthEndReport, files: list[str], args: argparse.Namespace) -> str:
    month = f"{report.month.start:%Y-%m}"
    lines = [
        f"Month end {month}"
        + (" (dry run: nothing is written)" if report.dry_run else "")
    ]
    if not report.changed:
        lines.append(
            f"The month end of {month} was already run: nothing to issue, "
            "nothing to record."
        )
    verb = "to issue" if report.dry_run else "issued"
    lines.append(f"Client invoices {verb}: {len(report.issued)}")
    for invoice in report.issued:
        period = invoice.service_period
        assert period is not None
        lines.append(
            f"  {invoice.number}  {invoice.buyer.name}  {period.start} to "
            f"{period.last_day}  {invoice.net_total} net, "
            f"{invoice.gross_total} with VAT"
        )
    for client in report.without_users:
        lines.append(f"  {client}: no app user in the term's first month, not billed")
    paxton = report.paxton_invoice
    if paxton is not None:
        state = "recorded" if report.paxton_recorded else "already in the register"
        lines.append(
            f"Paxton's invoice for {paxton.period.start:%Y-%m} (no. {paxton.number}): "
            f"{paxton.lines[0].quantity} users, {paxton.total} ({state})"
        )
    lines.append(f"Prepaid ledgers debited: {len(report.debits)}")
    for debit in report.debits:
        lines.append(f"  {debit.client_id}: {debit.entry.amount} on {debit.entry.on}")
    lines.append(f"Prepaid balances reviewed: {len(report.reviews)}")
    for stored in report.reviews:
        review = stored.review
        verdict = (
            "enough to the end of the term"
            if review.sufficient
            else f"short by {review.shortfall}, runs out on {review.runs_out_on}"
        )
        lines.append(f"  {stored.client_id}: {review.balance}, {verdict}")
    if files:
        lines.append(f"Files written to {args.out}: {len(files)}")
    return "\n".join(lines)


def _json(report: MonthEndReport, files: list[str]) -> str:
    paxton = report.paxton_invoice
    document = {
        "month": f"{report.month.start:%Y-%m}",
        "dry_run": report.dry_run,
        "changed": report.changed,
        "issued": [
            {
                "number": invoice.number,
                "buyer": invoice.buyer.name,
                "net_total": plain(invoice.net_total),
                "gross_total": plain(invoice.gross_total),
                "currency": invoice.currency,
            }
            for invoice in report.issued
        ],
        "without_users": list(report.without_users),
        "paxton_invoice": None if paxton is None else to_dict(paxton),
        "paxton_recorded": report.paxton_recorded,
        "debits": [
            {
                "client_id": debit.client_id,
                "on": debit.entry.on.isoformat(),
                "amount": plain(debit.entry.amount),
            }
            for debit in report.debits
        ],
        "reviews": [
            {"client_id": stored.client_id, **to_dict(stored.review)}
            for stored in report.reviews
        ],
        "files": files,
    }
    return dumps(document)
