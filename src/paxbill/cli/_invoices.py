"""``paxbill invoices``: invoices from a JSON or CSV file, with their states."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Sequence

from paxbill.cli._common import add_output_options, dumps, iso_date
from paxbill.cli._files import add_input_options, decimal_comma, read_invoices
from paxbill.cli._render import render
from paxbill.core.formatting import parse_locale
from paxbill.io._reports import invoices_report
from paxbill.io.serialization import to_dict
from paxbill.paxton.autopay import apply_automatic_payments
from paxbill.paxton.invoices import Invoice


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options of ``paxbill invoices``."""
    add_input_options(parser, "invoices")
    parser.add_argument(
        "--as-of",
        type=iso_date,
        required=True,
        help="the day to tell states on, YYYY-MM-DD",
    )
    add_output_options(parser, currency=False)


def run(args: argparse.Namespace) -> str:
    """Invoices read from a file, with each one's state on a date."""
    found = read_invoices(
        args.file,
        form=args.format,
        decimal_comma=decimal_comma(args.locale),
        strict=args.strict,
        locale=args.given_locale,
    )
    return render_invoices(found, args.as_of, args.locale, args.json)


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
                # Documents this command reads back; their states apart.
                "invoices": [to_dict(i) for i in settled],
                "states": [
                    {
                        "number": i.number,
                        "status": i.status_on(as_of).value,
                        "method": None if i.method is None else i.method.value,
                        "paid_on": None
                        if i.payment is None
                        else i.payment.on.isoformat(),
                    }
                    for i in settled
                ],
            }
        )
    return render(invoices_report(found, as_of, locale))
