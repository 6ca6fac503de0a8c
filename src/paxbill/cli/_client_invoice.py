"""``paxbill client-invoice``: a client invoice or credit note, its totals and files."""

from __future__ import annotations

import argparse
from decimal import Decimal, InvalidOperation

from paxbill.cli._common import (
    add_output_options,
    dumps,
    iso_date,
    pairs,
    plain,
    write_file,
)
from paxbill.cli._files import read_object
from paxbill.cli._render import table
from paxbill.clients.invoicing.credit_notes import CreditNote
from paxbill.clients.invoicing.invoices import ClientInvoice
from paxbill.core.formatting import format_number, parse_locale
from paxbill.io._labels import label
from paxbill.io._reports import day
from paxbill.io._words import language, text
from paxbill.io.cii import to_cii_xml
from paxbill.io.facturx_pdf import to_facturx_pdf
from paxbill.io.invoice_html import (
    PAGE_LOCALES,
    invoice_html,
    page_language,
    rate_text,
    unit_price_text,
    vat_text,
)
from paxbill.io.serialization import to_dict
from paxbill.io.ubl import to_ubl_xml


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options of ``paxbill client-invoice``."""
    parser.add_argument(
        "file", help="a .json file of one client_invoice or credit_note document"
    )
    parser.add_argument(
        "--as-of", type=iso_date, default=None, help="tell the state on YYYY-MM-DD"
    )
    parser.add_argument(
        "--html", metavar="OUT", default=None, help="write the printable page to OUT"
    )
    parser.add_argument(
        "--xml",
        metavar="OUT",
        default=None,
        help="write the EN 16931 e-invoice (CII XML) to OUT",
    )
    parser.add_argument(
        "--ubl",
        metavar="OUT",
        default=None,
        help="write the EN 16931 e-invoice in UBL 2.1 XML to OUT",
    )
    parser.add_argument(
        "--pdf",
        metavar="OUT",
        default=None,
        help="write the Factur-X PDF/A-3 (the page with its CII XML) to OUT;"
        " needs paxbill[pdf]",
    )
    parser.add_argument(
        "--logo",
        metavar="IMAGE",
        default=None,
        help="the seller's logo on the page and the PDF: PNG, JPEG, GIF, WebP or"
        " SVG, 1 MB at most",
    )
    parser.add_argument(
        "--late-rate",
        type=_late_rate,
        default=None,
        help="the yearly late-payment rate the invoice states, in per cent,"
        " such as 10.5",
    )
    add_output_options(parser, currency=False, locale=None)


def _late_rate(text: str) -> Decimal:
    """A yearly rate in per cent: a number from 0 to 100, read at once."""
    try:
        rate = Decimal(text.replace(",", "."))
    except InvalidOperation:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a rate: give a number of per cent such as 10.5"
        ) from None
    if not rate.is_finite() or not 0 <= rate <= 100:
        raise argparse.ArgumentTypeError(
            f"{text} is not a yearly rate of 0 to 100 per cent, such as 10.5"
        )
    return rate


def run(args: argparse.Namespace) -> str:
    """A client invoice or credit note read from a file, with its totals."""
    document = read_object(args.file, (ClientInvoice, CreditNote))
    pages = args.html is not None or args.pdf is not None
    # The document's own language, unless --locale says another.
    words = (
        document.language
        if args.locale is None
        else page_language(args.locale, document)
        if pages
        else language(args.locale)
    )
    locale = parse_locale(args.locale or PAGE_LOCALES[words])
    where = str(locale)
    if args.xml is not None:
        write_file(args.xml, to_cii_xml(document))
    if args.ubl is not None:
        write_file(args.ubl, to_ubl_xml(document))
    options = {
        "language": words,
        "locale": where,
        "late_interest_rate": args.late_rate,
        "logo": args.logo,
    }
    if args.html is not None:
        page = invoice_html(document, as_of=args.as_of, **options)
        write_file(args.html, page.encode("utf-8"))
    if args.pdf is not None:
        write_file(args.pdf, to_facturx_pdf(document, **options))
    if "-" in (args.xml, args.ubl, args.html, args.pdf):
        return ""  # standard output holds the file asked for
    if args.json:
        written = to_dict(document)
        if args.as_of is not None and isinstance(document, ClientInvoice):
            # What the text says on the day; the document itself reads back.
            return dumps(
                {
                    "document": written,
                    "as_of": args.as_of.isoformat(),
                    "state": document.status_on(args.as_of).value,
                    "amount_due": plain(document.amount_due_on(args.as_of)),
                    "refund_due": plain(document.refund_due_on(args.as_of)),
                }
            )
        return dumps(written)
    is_invoice = isinstance(document, ClientInvoice)
    title = (
        f"{text('ci.invoice' if is_invoice else 'ci.credit_note', locale)} "
        f"{document.number} · {day(document.issue_date, where)} · {document.buyer.name}"
    )
    head = ["col.description", "col.quantity", "col.unit_price", "ci.vat", "ci.net"]
    rows = [
        (
            line.description,
            format_number(line.quantity, locale),
            unit_price_text(line.unit_price, where),
            vat_text(line.vat_category, line.vat_rate, where),
            line.net_amount.format(locale),
        )
        for line in document.lines
    ]
    output = [title, *table([text(k, locale) for k in head], rows, {1, 2, 3, 4})]
    output.append("")
    for group in document.vat_breakdown:
        rate = rate_text(group.rate, where)
        reason = f" ({group.exemption_reason})" if group.exemption_reason else ""
        output.append(
            f"{text('ci.vat', locale)} {label(group.category, locale)} {rate}{reason}"
            f"{' : ' if words == 'fr' else ': '}"
            f"{group.taxable_amount.format(locale)} → {group.tax_amount.format(locale)}"
        )
    totals = [
        (text("ci.net_total", locale), document.net_total.format(locale)),
        (text("ci.vat_total", locale), document.vat_total.format(locale)),
        (text("ci.gross_total", locale), document.gross_total.format(locale)),
    ]
    if isinstance(document, ClientInvoice):
        totals.append((text("ci.due_date", locale), day(document.due_date, where)))
        if args.as_of is not None:
            when = day(args.as_of, where)
            due = document.amount_due_on(args.as_of)
            totals.append(
                (text("ci.due_now", locale).format(date=when), due.format(locale))
            )
            refund = document.refund_due_on(args.as_of)
            if refund:
                totals.append(
                    (text("ci.refund", locale).format(date=when), refund.format(locale))
                )
            totals.append(
                (
                    text("col.state", locale),
                    label(document.status_on(args.as_of), locale),
                )
            )
    output += pairs(totals)
    return "\n".join(output)
