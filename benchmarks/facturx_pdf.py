"""The Factur-X PDF: ``to_facturx_pdf`` against its two parts run alone.

The floor is what any Factur-X writer pays: WeasyPrint rendering the same
HTML page to PDF/A-3b, and ``factur-x`` embedding the same XML in it.
paxbill's own work (the page, the XML, their checks) is the difference.
One invoice of twelve lines, a page; ratios within interleaved rounds.
"""

from __future__ import annotations

import argparse
import datetime as dt
from decimal import Decimal

import facturx
import weasyprint
from _harness import Report, interleave, machine, ratios
from einvoice import BUYER, SELLER

import paxbill
from paxbill import (
    ClientInvoice,
    ClientInvoiceLine,
    Money,
    PaymentInstructions,
    invoice_html,
    to_cii_xml,
    to_facturx_pdf,
)


def make_invoice() -> ClientInvoice:
    """Twelve monthly lines of app users and maintenance, paid by transfer."""
    lines = [
        ClientInvoiceLine(
            f"Entry app users, month {month}",
            70,
            Money(Decimal("4.00"), "EUR"),
            "S",
            "20",
            unit_code="MON",
        )
        for month in range(1, 13)
    ]
    return ClientInvoice(
        "F2024-0100",
        dt.date(2024, 1, 2),
        SELLER,
        BUYER,
        lines,
        business_process="S1",
        payment_instructions=PaymentInstructions(iban="FR7630006000011234567890189"),
    )


def by_parts(page: str, xml: bytes) -> bytes:
    """WeasyPrint, then factur-x, on the page and XML already made."""
    pdf = weasyprint.HTML(string=page).write_pdf(pdf_variant="pdf/a-3b")
    result: bytes = facturx.generate_from_binary(
        pdf, xml, flavor="factur-x", level="en16931", check_xsd=True
    )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    invoice = make_invoice()
    page, xml = invoice_html(invoice), to_cii_xml(invoice)
    times = interleave(
        {
            "to_facturx_pdf": lambda: to_facturx_pdf(invoice),
            "WeasyPrint + factur-x": lambda: by_parts(page, xml),
        },
        rounds=args.rounds,
        budget=0.0,
        inner=1,
    )
    report = Report(
        f"Factur-X PDF of a 12-line invoice (paxbill {paxbill.__version__}, "
        f"{machine()}), {args.rounds} interleaved rounds"
    )
    report.add(
        "to_facturx_pdf / WeasyPrint + factur-x",
        ratios(times, "to_facturx_pdf", "WeasyPrint + factur-x"),
        target=1.2,
    )
    report.show()


if __name__ == "__main__":
    main()
