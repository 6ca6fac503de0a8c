"""``paxbill invoices``: invoices from a JSON or CSV file, with their states."""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
from collections.abc import Iterable, Iterator

from paxbill.cli._common import add_output_options, iso_date
from paxbill.cli._files import add_input_options, decimal_comma, each_invoice
from paxbill.cli._render import Spool, streamed_table
from paxbill.core.formatting import parse_locale
from paxbill.io._reports import (
    INVOICES_NUMERIC,
    invoice_rows,
    invoices_caption,
    invoices_header,
)
from paxbill.io.serialization import to_dict
from paxbill.paxton.autopay import each_settled
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


def run(args: argparse.Namespace) -> Iterator[str]:
    """Invoices read from a file, with each one's state on a date.

    A CSV file is read row by row and the output spooled: a million rows
    take little more memory than ten.
    """
    found = each_invoice(
        args.file,
        form=args.format,
        decimal_comma=decimal_comma(args.locale),
        strict=args.strict,
        locale=args.given_locale,
    )
    return invoice_listing(found, args.as_of, args.locale, args.json)


def render_invoices(
    found: Iterable[Invoice], as_of: dt.date, locale_name: str, as_json: bool
) -> str:
    """The invoice list as the portal shows it, after automatic payments."""
    return "".join(invoice_listing(found, as_of, locale_name, as_json))


def invoice_listing(
    found: Iterable[Invoice], as_of: dt.date, locale_name: str, as_json: bool
) -> Iterator[str]:
    """:func:`render_invoices` in pieces, every invoice read before it returns.

    The JSON object is the invoices' documents, then their states: each
    list is written to a temporary file while the invoices are read.
    """
    locale = parse_locale(locale_name)
    if not as_json:
        return streamed_table(
            invoices_caption(as_of, locale),
            invoices_header(locale),
            invoice_rows(found, as_of, locale),
            right=set(INVOICES_NUMERIC),
        )
    import json  # only for --json: a command for people starts without it

    documents, states = Spool(), Spool()
    try:
        for index, i in enumerate(each_settled(found, as_of)):
            comma = ", " if index else ""
            documents.write(comma + json.dumps(to_dict(i), ensure_ascii=False))
            state = {
                "number": i.number,
                "status": i.status_on(as_of).value,
                "method": None if i.method is None else i.method.value,
                "paid_on": None if i.payment is None else i.payment.on.isoformat(),
            }
            states.write(comma + json.dumps(state, ensure_ascii=False))
    except BaseException:
        documents.close()
        states.close()
        raise
    # The documents this command reads back, then their states apart: the
    # object dumps() would write, in pieces.
    head = json.dumps({"as_of": as_of.isoformat()})[:-1]
    return itertools.chain(
        [head + ', "invoices": ['], documents, ['], "states": ['], states, ["]}"]
    )
