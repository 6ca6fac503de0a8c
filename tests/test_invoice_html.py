"""Tests for the printable invoice and the notebook view of client invoices."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

from paxbill import (
    BillingPeriod,
    ClientInvoice,
    ClientInvoiceLine,
    Money,
    Party,
    invoice_html,
    to_html,
)

D = dt.date
SELLER = Party("Sécurité Dupont SARL", "FR", vat_id="FR40303265045")
BUYER = Party("Schmidt <GmbH>", "DE", vat_id="DE123456789")


def invoice(language: str = "fr") -> ClientInvoice:
    return ClientInvoice(
        "F2024-0009",
        D(2024, 1, 2),
        SELLER,
        BUYER,
        [
            ClientInvoiceLine("Entry app users", 70, Money("4.00", "EUR"), "AE"),
            ClientInvoiceLine("Unit", 3, Money("2.5567", "EUR"), "AE"),
        ],
        service_period=BillingPeriod(D(2024, 1, 1), D(2024, 4, 1)),
        language=language,
    )


class Text(HTMLParser):
    """The text of a page, and whether its tags balance."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        """Open *tag*, unless it is a void element."""
        if tag not in ("meta", "br"):
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        """Close *tag*: the last one opened."""
        assert self.open.pop() == tag

    def handle_data(self, data: str) -> None:
        """Keep the text."""
        self.text.append(data)


def read(page: str) -> str:
    parser = Text()
    parser.feed(page)
    assert parser.open == []
    return " ".join(parser.text)


def test_the_french_page_has_the_legal_mentions() -> None:
    """Number, dates, totals, reverse charge, terms, no discount, L441-10, 40 €."""
    text = read(invoice_html(invoice()))
    for words in (
        "Facture F2024-0009",
        "Date d'échéance : 01/02/2024",
        "Conditions de paiement : 30 jours",
        "Autoliquidation",
        "Pas d'escompte pour paiement anticipé.",
        "L441-10",
        "40 €",
        "Total TTC",
        "287,67",  # 280.00 + 3 x 2.5567 = 7.6701, rounded 7.67
        "N° de TVA intracommunautaire : DE123456789",
        "Schmidt <GmbH>",  # escaped in the page, read back as text
        "2,5567",  # a unit price keeps all its digits
    ):
        assert words in text, words


def test_the_english_page_and_a_stated_rate() -> None:
    """In English, with the rate the invoice states."""
    text = read(invoice_html(invoice("en"), late_interest_rate="10.5"))
    assert "Invoice F2024-0009" in text
    assert "Reverse charge" in text
    assert "10.5%" in text
    assert "Due date: 01/02/2024" in text


def test_a_credit_note_page_names_its_invoice() -> None:
    """A credit note says which invoice it credits, and why."""
    note = invoice().credit("AV-1", D(2024, 2, 1), reason="Utilisateurs retirés")
    text = read(invoice_html(note))
    assert "Avoir AV-1" in text
    assert "Avoir sur la facture F2024-0009 du 02/01/2024" in text
    assert "Motif : Utilisateurs retirés" in text


def test_the_page_shows_what_is_due_on_a_day() -> None:
    """With as_of, the payments and what is left are shown."""
    paid = invoice().pay(Money("100.00", "EUR"), D(2024, 1, 20))
    text = read(invoice_html(paid, as_of=D(2024, 1, 31)))
    assert "Reste dû au 31/01/2024" in text
    assert "187,67" in text


def test_in_a_notebook() -> None:
    """The notebook shows the invoice and a credit note as tables."""
    html = invoice()._repr_html_()
    assert "F2024-0009" in html
    assert "€287.67" in html
    assert "287,67" in to_html(invoice(), locale="fr_FR")


def test_the_page_states_the_seller_s_legal_identity() -> None:
    """French law: SIREN, SIRET, legal form, share capital, registry, and the city."""
    from tests.strategies import FRENCH_BUYER, FRENCH_SELLER

    french = ClientInvoice(
        "F2024-0010",
        D(2024, 1, 2),
        FRENCH_SELLER,
        FRENCH_BUYER,
        [ClientInvoiceLine("Entry app users", 70, Money("4.00", "EUR"), "S", "20")],
    )
    page = invoice_html(french)
    assert "SIREN : 303265045" in page
    assert "SIRET : 30326504500003" in page
    assert "SARL au capital de 10\u202f000,00\xa0€, RCS Lyon" in page
    assert "69003 Lyon" in page
    assert "SIREN : 404833048" in page  # the buyer's, between businesses
    english = invoice_html(french, language="en")
    assert "SARL with a share capital of €10,000.00, RCS Lyon" in english
    assert "Company number: 303265045" in english
