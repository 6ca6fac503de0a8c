"""The document the client receives: the Factur-X PDF, and the page in a browser.

The PDF is made by the real WeasyPrint and factur-x (the extra
``paxbill[pdf]``, with the system's Pango), then read back with the
factur-x package, pikepdf and pypdf; the page is opened by the real
headless Chromium. Where they are missing the tests skip, unless
``PAXBILL_REQUIRE_PDF`` / ``PAXBILL_REQUIRE_BROWSER`` is set (as nox sets
them): then they fail.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib
import io
import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from paxbill import (
    Allowance,
    BillingPeriod,
    Charge,
    ClientInvoice,
    ClientInvoiceLine,
    CreditNote,
    Delivery,
    InvalidDocumentError,
    MissingExtraError,
    Money,
    PaymentInstructions,
    UnsupportedLanguageError,
    invoice_html,
    to_cii_xml,
    to_facturx_pdf,
)
from tests.examples import FOREIGN_BUYER
from tests.strategies import FRENCH_BUYER, FRENCH_SELLER

D = dt.date


def eur(amount: str) -> Money:
    return Money(amount, "EUR")


def _required(variable: str, reason: str) -> None:
    if os.environ.get(variable):
        pytest.fail(f"{variable} is set: {reason}")
    pytest.skip(reason)


def _import(name: str) -> Any:
    try:
        return importlib.import_module(name)
    except (ImportError, OSError) as error:
        _required("PAXBILL_REQUIRE_PDF", f"{name} cannot be imported: {error}")


def french_invoice(**extras: Any) -> ClientInvoice:
    """The how-to's invoice: 45 users x 10.20, 5 % loyalty, 35.00 call-out, 200 prepaid.

    BT-106 459.00, BT-107 22.95, BT-108 35.00, BT-109 471.05, VAT 20 % 94.21,
    BT-112 565.26, BT-113 200.00, BT-115 365.26.
    """
    fields: dict[str, Any] = {
        "allowances": [Allowance("Remise fidélité", percent=5, reason_code="95")],
        "charges": [Charge("Déplacement", eur("35.00"), reason_code="SAA")],
        "prepaid": eur("200.00"),
        "business_process": "S1",
        "payment_instructions": PaymentInstructions(
            iban="FR7630006000011234567890189", bic="BNPAFRPPXXX"
        ),
        "service_period": BillingPeriod.month(2024, 2),
        **extras,
    }
    return ClientInvoice(
        "F2024-0045",
        D(2024, 3, 1),
        FRENCH_SELLER,
        FRENCH_BUYER,
        [ClientInvoiceLine("Utilisateurs Entry", 45, eur("10.20"), "S", "20")],
        **fields,
    )


@pytest.fixture(scope="module")
def libraries() -> tuple[Any, Any, Any]:
    """factur-x, pikepdf and pypdf, with WeasyPrint able to render."""
    _import("weasyprint")
    return _import("facturx"), _import("pikepdf"), _import("pypdf")


def read_pdf(pdf: bytes, libraries: tuple[Any, Any, Any]) -> dict[str, Any]:
    """What the PDF holds: its XML, XMP metadata, page count and each page's text."""
    facturx, pikepdf, pypdf = libraries
    name, xml = facturx.get_xml_from_pdf(pdf, check_xsd=True)
    with pikepdf.open(io.BytesIO(pdf)) as document, document.open_metadata() as meta:
        metadata = {key.rpartition("}")[2]: str(meta.get(key)) for key in meta}
        pages = len(document.pages)
    texts = [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]
    return {
        "name": name,
        "xml": xml,
        "meta": metadata,
        "pages": pages,
        "texts": texts,
        "text": "\n".join(texts),
    }


def test_the_how_to_s_invoice_as_factur_x(libraries: tuple[Any, Any, Any]) -> None:
    invoice = french_invoice()
    found = read_pdf(to_facturx_pdf(invoice), libraries)
    assert found["name"] == "factur-x.xml"
    assert found["xml"] == to_cii_xml(invoice)
    assert libraries[0].xml_check_xsd(found["xml"], flavor="factur-x", level="en16931")
    meta = found["meta"]
    assert (meta["part"], meta["conformance"]) == ("3", "B")
    assert meta["DocumentType"] == "INVOICE"
    assert meta["ConformanceLevel"] == "EN 16931"
    assert found["pages"] == 1
    text = " ".join(found["text"].split())
    for words in (
        "SIREN : 303265045",
        "FR76 3000 6000 0112 3456 7890 189",
        "459,00 €",  # the line: 45 x 10.20
        "-22,95 €",  # 5 % of 459.00
        "471,05 €",  # net
        "94,21 €",  # VAT
        "565,26 €",  # gross
        "200,00 €",  # prepaid
        "365,26 €",  # due
        "Net à payer",
        "1/1",
    ):
        assert " ".join(words.split()) in text, words


def test_a_credit_note_as_factur_x(libraries: tuple[Any, Any, Any]) -> None:
    note = french_invoice().credit("AV-7", D(2024, 3, 5), [(0, 5)], reason="Départs")
    found = read_pdf(to_facturx_pdf(note), libraries)
    assert found["xml"] == to_cii_xml(note)
    assert b"<ram:TypeCode>381</ram:TypeCode>" in found["xml"]
    text = " ".join(found["text"].split())
    assert "Avoir AV-7" in text
    assert "Avoir sur la facture F2024-0045 du 01/03/2024" in text
    assert "51,00 €" in text  # 5 x 10.20


def test_a_long_invoice_runs_over_two_pages_without_cutting_a_line(
    libraries: tuple[Any, Any, Any],
) -> None:
    """Sixty lines: two pages numbered 1/2 and 2/2, each line whole on one page."""
    lines = [
        ClientInvoiceLine(
            f"Badge n° {n:02d} — accès résidence", 1, eur("12.50"), "S", "20"
        )
        for n in range(1, 61)
    ]
    invoice = ClientInvoice(
        "F2024-0060", D(2024, 3, 1), FRENCH_SELLER, FRENCH_BUYER, lines
    )
    found = read_pdf(to_facturx_pdf(invoice), libraries)
    assert found["pages"] == 2
    first, second = (" ".join(text.split()) for text in found["texts"])
    assert "1/2" in first
    assert "2/2" in second
    for n in range(1, 61):
        row = f"Badge n° {n:02d} — accès résidence 1 12,50 € 20 % 12,50 €"
        assert (row in first) != (row in second), row
    # The totals are kept together: 60 x 12.50 = 750.00, VAT 150.00, 900.00.
    page = first if "Total TTC" in first else second
    for figure in ("750,00 €", "150,00 €", "900,00 €", "Total HT", "Total TVA"):
        assert figure in page


def test_without_the_extra_the_pdf_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """No WeasyPrint: a MissingExtraError that says pip install 'paxbill[pdf]'."""
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    with pytest.raises(MissingExtraError, match=r"paxbill\[pdf\]"):
        to_facturx_pdf(french_invoice())


# -- the page ---------------------------------------------------------------


class Text(HTMLParser):
    """The text of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        """Keep the text."""
        self.parts.append(data)


def page_text(html: str) -> str:
    parser = Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def browser_text(html: str, tmp_path: Path) -> str:
    """The page as headless Chromium renders it: the text of its DOM."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        _required("PAXBILL_REQUIRE_BROWSER", "Chromium is not installed")
    page = tmp_path / "page.html"
    page.write_text(html, encoding="utf-8")
    done = subprocess.run(
        [
            str(chromium),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return page_text(done.stdout)


#: Every mention the French page must carry, and its English words.
MENTIONS = {
    "fr": [
        "Sécurité Dupont SARL",
        "SARL au capital de 10 000,00 €, RCS Lyon",
        "SIREN : 303265045",
        "N° de TVA intracommunautaire : FR40303265045",
        "12 rue des Lilas",
        "69003 Lyon",
        "Résidence Les Tilleuls",
        "SIREN : 404833048",
        "Lieu de livraison",
        "8 place Bellecour",
        "Facture F2024-0045",
        "Date : 01/03/2024",
        "Période de service : 01/02/2024 \u2013 29/02/2024",
        "Date d'échéance : 31/03/2024",
        "Conditions de paiement : 30 jours",
        "Règlement : virement SEPA, IBAN FR76 3000 6000 0112 3456 7890 189, "
        "BIC BNPAFRPPXXX",
        "Pas d'escompte pour paiement anticipé.",
        "L441-10",
        "40 €",
        "Utilisateurs Entry",
        "45",
        "10,20 €",
        "20 %",
        "459,00 €",
        "Remise fidélité (5 %)",
        "Déplacement",
        "Total HT",
        "Total TVA",
        "Total TTC",
        "Déjà réglé",
        "Net à payer",
        "365,26 €",
    ],
    "en": [
        "SARL with a share capital of €10,000.00, RCS Lyon",
        "Company number: 303265045",
        "VAT number: FR40303265045",
        "Place of delivery",
        "Invoice F2024-0045",
        "Date: 01/03/2024",
        "Due date: 31/03/2024",
        "Payment terms: 30 days",
        "Payment: SEPA credit transfer, IBAN FR76 3000 6000 0112 3456 7890 189",
        "No discount for early payment.",
        "EUR 40",
        "€459.00",
        "20%",
        "Total excluding VAT",
        "Already paid",
        "Amount due",
        "€365.26",
    ],
}


@pytest.mark.parametrize("language", list(MENTIONS))
def test_every_mention_in_a_real_browser(language: str, tmp_path: Path) -> None:
    delivery = Delivery(
        name="Résidence Bellecour", address=["8 place Bellecour"], city="Lyon"
    )
    html = invoice_html(french_invoice(delivery=delivery), language=language)
    text = browser_text(html, tmp_path)
    for words in MENTIONS[language]:
        assert " ".join(words.split()) in text, words


def test_a_category_without_vat_says_why_with_its_law() -> None:
    """Reverse charge in words, with article 283-2 of the CGI; no raw code."""
    invoice = ClientInvoice(
        "F2024-0046",
        D(2024, 3, 1),
        FRENCH_SELLER,
        FOREIGN_BUYER,
        [ClientInvoiceLine("Paramétrage", 1, eur("90.00"), "AE")],
    )
    text = page_text(invoice_html(invoice))
    assert "Autoliquidation (article 283-2 du CGI" in text
    assert "Paramétrage 1 90,00 € autoliquidation 90,00 €" in text


def test_a_refund_shows_what_the_installer_owes_back() -> None:
    """Paid in full (565.26 less 200.00 prepaid = 365.26), then credited 48.00.

    A credit note of 40.00 net at 20 %: 48.00 gross. Nothing is due, and
    48.00 is to be refunded.
    """
    invoice = french_invoice()
    paid = invoice.pay(eur("365.26"), D(2024, 3, 10))
    note = paid.credit(
        "AV-8", D(2024, 3, 15), [ClientInvoiceLine("Geste", 1, eur("40.00"), "S", "20")]
    )
    credited = paid.apply_credit(note)
    text = page_text(invoice_html(credited, as_of=D(2024, 3, 20)))
    assert "Montant à rembourser au 20/03/2024 48,00 €" in text
    assert "Reste dû au 20/03/2024 0,00 €" in text


def test_the_page_s_language_and_dates() -> None:
    """The document's language by default; German on request; others refused."""
    english = french_invoice(language="en")
    default = page_text(invoice_html(english))
    assert "Invoice F2024-0045" in default
    assert "Facture" not in default
    german = page_text(invoice_html(english, language="de"))
    assert "Rechnung F2024-0045" in german
    assert "Fälligkeitsdatum: 31.03.2024" in german  # 1 March + 30 days
    with pytest.raises(UnsupportedLanguageError, match="de, en, fr"):
        invoice_html(english, language="es")
    us = page_text(invoice_html(english, locale="en_US"))
    assert "Due date: 3/31/2024" in us  # four digits, as en_US writes a date


def test_a_logo_is_an_image_of_at_most_a_megabyte(tmp_path: Path) -> None:
    png = bytes.fromhex("89504e470d0a1a0a") + bytes(32)
    page = invoice_html(french_invoice(), logo=png)
    assert '<img src="data:image/png;base64,' in page
    svg = tmp_path / "logo.svg"
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    assert "data:image/svg+xml;base64," in invoice_html(french_invoice(), logo=svg)
    with pytest.raises(InvalidDocumentError, match="not a PNG"):
        invoice_html(french_invoice(), logo=b"%PDF-1.7 not an image")
    with pytest.raises(InvalidDocumentError, match="at most 1 MB"):
        invoice_html(french_invoice(), logo=png + bytes(1_000_000))
    with pytest.raises(InvalidDocumentError, match="cannot read it"):
        invoice_html(french_invoice(), logo=tmp_path / "none.png")
    with pytest.raises(TypeError):
        invoice_html(french_invoice(), logo=12)  # type: ignore[arg-type]


def test_a_credit_note_page_is_a_credit_note() -> None:
    note = french_invoice().credit("AV-9", D(2024, 3, 5))
    assert isinstance(note, CreditNote)
    text = page_text(invoice_html(note))
    assert "Avoir AV-9" in text
    assert "Net à payer" not in text


def test_the_shipped_example_makes_a_factur_x_file(
    libraries: tuple[Any, Any, Any], tmp_path: Path
) -> None:
    """Paxbill example client-invoice | client-invoice --pdf: a file to send."""
    from paxbill import from_cii_xml
    from paxbill.cli import main

    example = tmp_path / "invoice.json"
    with contextlib.redirect_stdout(io.StringIO()) as out:
        assert main(["example", "client-invoice"]) == 0
    example.write_text(out.getvalue(), encoding="utf-8")
    pdf = tmp_path / "invoice.pdf"
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["client-invoice", str(example), "--pdf", str(pdf)]) == 0
    found = read_pdf(pdf.read_bytes(), libraries)
    document = from_cii_xml(found["xml"])
    # 70 users x 12.00 + 150.00 = 990.00 net, 20 %: 198.00, 1,188.00 in all.
    assert document.gross_total == eur("1188.00")
    text = " ".join(found["text"].split())
    assert "1 188,00 €" in text
    assert "SIREN : 303265045" in text
