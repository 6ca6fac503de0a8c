"""The document the client receives: a Factur-X PDF/A-3 that paxbill makes itself.

:func:`to_facturx_pdf` renders paxbill's printable page
(:func:`~paxbill.invoice_html`) to PDF/A-3b with WeasyPrint, and embeds the
document's CII XML (:func:`~paxbill.to_cii_xml`) as ``factur-x.xml`` with the
XMP metadata of Factur-X, profile EN 16931, through the ``factur-x``
package: one file a person reads and a machine parses. Both come with the
optional extra ``paxbill[pdf]``; WeasyPrint needs the system's Pango
(``apt-get install libpango-1.0-0 libpangoft2-1.0-0`` on Debian).

>>> import datetime as dt
>>> from paxbill import ClientInvoice, ClientInvoiceLine, Money, Party
>>> invoice = ClientInvoice(
...     "F2024-0001", dt.date(2024, 1, 2),
...     Party("Sécurité Dupont SARL", "FR", vat_id="FR40303265045"),
...     Party("Résidence Les Tilleuls", "FR"),
...     [ClientInvoiceLine("Entry app users", 70, Money("4.00", "EUR"), "S", "20")],
... )
>>> pdf = to_facturx_pdf(invoice)
>>> import facturx  # the factur-x package reads it back
>>> name, xml = facturx.get_xml_from_pdf(pdf, check_xsd=True)
>>> pdf[:5], name, b"<ram:GrandTotalAmount>336.00</ram:GrandTotalAmount>" in xml
(b'%PDF-', 'factur-x.xml', True)
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from paxbill.clients.invoicing.credit_notes import CreditNote
from paxbill.clients.invoicing.invoices import ClientInvoice
from paxbill.core._numbers import ExactNumber
from paxbill.exceptions import (
    ArgumentTypeError,
    MissingExtraError,
)
from paxbill.io.cii import embed_cii_xml, to_cii_xml
from paxbill.io.invoice_html import invoice_html

__all__ = ["FACTURX_FILENAME", "to_facturx_pdf"]

#: The name Factur-X gives the embedded XML.
FACTURX_FILENAME = "factur-x.xml"


def _module(name: str, package: str) -> Any:
    try:
        return importlib.import_module(name)
    except ImportError:
        raise MissingExtraError("pdf", package) from None
    except OSError as error:  # WeasyPrint without the system's Pango
        raise MissingExtraError(
            "pdf", f"{package} and the system's Pango ({error})"
        ) from None


def render_pdf(html: str) -> bytes:
    """The HTML page *html* as a PDF/A-3b, rendered by WeasyPrint.

    Raises:
        MissingExtraError: WeasyPrint or Pango is not installed.
    """
    weasyprint = _module("weasyprint", "weasyprint")
    pdf: bytes = weasyprint.HTML(string=html).write_pdf(pdf_variant="pdf/a-3b")
    return pdf


def to_facturx_pdf(
    document: ClientInvoice | CreditNote,
    *,
    language: str | None = None,
    locale: str | None = None,
    late_interest_rate: ExactNumber | None = None,
    logo: str | Path | bytes | None = None,
) -> bytes:
    """Return *document* as a Factur-X PDF/A-3b: its page, with its CII XML inside.

    The page is :func:`~paxbill.invoice_html`'s, on A4 with margins and
    page numbers (« 1/2 »), a line never cut across two pages, the totals
    kept together; the XML is :func:`~paxbill.to_cii_xml`'s.

    Args:
        document: a client invoice or a credit note.
        language: the page's language (``"fr"``, ``"en"``, ``"de"``); by
            default the document's own.
        locale: the locale of figures and dates; by the language by default.
        late_interest_rate: the yearly late-payment rate the page states.
        logo: the seller's logo, a path or bytes, as
            :func:`~paxbill.invoice_html` takes it.

    Raises:
        ArgumentTypeError: *document* is neither an invoice nor a credit note.
        MissingExtraError: the extra ``paxbill[pdf]`` is not installed.
        InvalidDocumentError: ``factur-x`` refuses the XML or the PDF.
        UnsupportedLanguageError: a language paxbill writes no page in.
    """
    if not isinstance(document, ClientInvoice | CreditNote):
        raise ArgumentTypeError(
            document, "a ClientInvoice or a CreditNote", what="document"
        )
    page = invoice_html(
        document,
        language=language,
        locale=locale,
        late_interest_rate=late_interest_rate,
        logo=logo,
    )
    return embed_cii_xml(render_pdf(page), to_cii_xml(document))
