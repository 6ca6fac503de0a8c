"""``paxbill check-einvoice``: read a CII or UBL e-invoice, its totals and problems."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from paxbill.cli._common import BadInput, Outcome, add_output_options, dumps, pairs
from paxbill.clients.invoicing.en16931 import en16931_problems
from paxbill.clients.invoicing.invoices import ClientInvoice
from paxbill.core.formatting import parse_locale
from paxbill.exceptions import EInvoiceError
from paxbill.io._einvoice_reading import parse_xml
from paxbill.io._reports import day
from paxbill.io._words import text
from paxbill.io.cii_reader import from_cii_xml
from paxbill.io.invoice_html import PAGE_LOCALES
from paxbill.io.serialization import to_dict
from paxbill.io.ubl_reader import from_ubl_xml

#: The readers, by the local name of the root element.
READERS = {
    "CrossIndustryInvoice": ("CII", from_cii_xml),
    "Invoice": ("UBL", from_ubl_xml),
    "CreditNote": ("UBL", from_ubl_xml),
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options of ``paxbill check-einvoice``."""
    parser.add_argument("file", help="a CII or UBL e-invoice, FILE.xml, or - for stdin")
    parser.add_argument(
        "--france",
        action="store_true",
        help="check the French rules (BR-FR) too, as French platforms do",
    )
    add_output_options(parser, currency=False, locale=None)


def run(args: argparse.Namespace) -> Outcome:
    """The e-invoice read, its totals, and the rules it breaks: status 2 if any."""
    try:
        xml = (
            sys.stdin.buffer.read()
            if args.file == "-"
            else Path(args.file).read_bytes()
        )
    except OSError as error:
        raise BadInput(f"{args.file}: cannot read it ({error.strerror})") from None
    try:
        name = parse_xml(xml).tag.rpartition("}")[2]
    except EInvoiceError as error:
        raise BadInput(f"{args.file}: {error.reason}") from None
    if name not in READERS:
        raise BadInput(f"{args.file}: neither CII nor UBL: its root is {name}")
    syntax, read = READERS[name]
    document = read(xml)
    problems = en16931_problems(document, france=args.france)
    status = 2 if problems else 0
    if args.json:
        found = [{"rule": p.rule, "message": p.message} for p in problems]
        body = {"syntax": syntax, "document": to_dict(document), "problems": found}
        return Outcome(dumps(body), status)
    # The document's own language, unless --locale says another.
    locale = parse_locale(args.locale or PAGE_LOCALES[document.language])
    kind = "ci.invoice" if isinstance(document, ClientInvoice) else "ci.credit_note"
    title = text("check.title", locale).format(
        syntax=syntax,
        kind=text(kind, locale),
        number=document.number,
        date=day(document.issue_date, locale),
    )
    totals = [
        (text("ci.net_total", locale), document.net_total.format(locale)),
        (text("ci.vat_total", locale), document.vat_total.format(locale)),
        (text("ci.gross_total", locale), document.gross_total.format(locale)),
    ]
    if isinstance(document, ClientInvoice):
        totals += [
            (text("ci.prepaid", locale), document.prepaid_amount.format(locale)),
            (text("ci.amount_due", locale), document.amount_due.format(locale)),
            (text("ci.due_date", locale), day(document.due_date, locale)),
        ]
    output = [title, document.seller.name + " → " + document.buyer.name, ""]
    output += pairs(totals)
    output.append("")
    if not problems:
        output.append(text("check.ok", locale))
    else:
        output.append(text("check.problems", locale).format(count=len(problems)))
        output += [f"  {problem.rule}: {problem.message}" for problem in problems]
    return Outcome("\n".join(output), status)
