"""``paxbill invoices``: invoices from a JSON or CSV file, with their states."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Sequence

from paxbill.cli._common import add_output_options, dumps, iso_date, plain
from paxbill.cli._files import read_invoices
from paxbill.cli._render import render
from paxbill.core.formatting import parse_locale
from paxbill.io._reports import invoices_report
from paxbill.paxton.autopay import apply_automatic_payments
from paxbill.paxton.invoices import Invoice


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options of ``paxbill invoices``."""
    parser.add_argument("file", help="a .json file of invoices, or a .csv file")
    parser.add_argument(
        "--as-of",
        type=iso_date,
        required=True,
        help="the day to tell states on, YYYY-MM-DD",
    )
    add_output_options(parser, currency=False)


def run(args: argparse.Namespace) -> str:
    """Invoices read from a file, with each one's state on a date."""
    return render_invoices(read_invoices(args.file), args.as_of, args.locale, args.json)


def render_invoices(
    found: Sequence[Invoice], as_of: dt.date, locale_name: str, as_json: bool
) -> str:
    """The invoice list as the portal shows it, after automatic payments."""
    locale = parse_locale(locale_name)
    settled = apply_automatic_payments(found, as_of)
    if as_json:
        return dumps(
            {
                "as_of": as_of.isoformat(),
                "invoices": [
                    {
                        "number": i.number,
                        "issue_date": i.issue_date.isoformat(),
                        "due_date": i.due_date.isoformat(),
                        "total": plain(i.total),
                        "currency": i.currency,
                        "type": None if i.method is None else i.method.value,
                        "status": i.status_on(as_of).value,
                        "paid_on": None
                        if i.payment is None
                        else i.payment.on.isoformat(),
                    }
                    for i in settled
                ],
            }
        )
    return render(invoices_report(found, as_of, locale))
