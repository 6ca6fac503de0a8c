"""Tests for paxbill.io.notebook: the HTML tables Jupyter shows."""

from __future__ import annotations

import datetime as dt

import pytest

from paxbill import (
    ArgumentTypeError,
    BillingFrequency,
    Client,
    ClientLedger,
    Money,
    compare_strategies,
    project_cash_flow,
    rebill,
    review_balance,
)
from paxbill.core import _notebook
from paxbill.core._notebook import ShowsInNotebook, show_with
from paxbill.io.notebook import InvoiceList, to_html
from tests.examples import INSTALLER, PORTAL_PRICE, portal_invoices

D = dt.date


def test_invoice_shows_its_line_and_total() -> None:
    """An invoice's HTML holds its number, line, formatted amounts and due date."""
    html = portal_invoices()[1]._repr_html_()
    assert html.startswith("<table")
    assert "335217" in html
    assert "€2.55" in html
    assert "€178.50" in html
    assert "31/05/2024" in html


def test_invoice_list_shows_labelled_states() -> None:
    """A list of invoices shows each state on the day, labelled."""
    html = InvoiceList(portal_invoices(), D(2024, 6, 5))._repr_html_()
    for word in ("INVOICED", "OVERDUE", "PAID", "manual"):
        assert word in html
    french = to_html(portal_invoices(), locale="fr_FR", as_of=D(2024, 6, 5))
    for word in ("FACTURE", "EN RETARD", "PAYÉ", "178,50\xa0€"):
        assert word in french


def test_ledger_review_projection_and_comparison() -> None:
    """Ledgers, reviews, projections and comparisons show their figures."""
    ledger = ClientLedger("ACME", "GBP").credit(D(2024, 1, 1), Money("30.00", "GBP"))
    ledger = ledger.debit(D(2024, 2, 1), Money("2.50", "GBP"), "Paxton <January>")
    html = ledger._repr_html_()
    assert "£30.00" in html
    assert "£27.50" in html  # the running balance
    assert "Paxton &lt;January&gt;" in html  # escaped
    review = review_balance(
        Money("200.00", "GBP"),
        Money("25.00", "GBP"),
        as_of=D(2024, 4, 1),
        term_end=D(2025, 1, 1),
    )
    assert "£25.00" in review._repr_html_()
    # The ninth charge, November's usage paid on 1 December, is not covered.
    assert "01/12/2024" in review._repr_html_()
    clients = [Client("A", 70, BillingFrequency.MONTHLY, Money("4.00", "EUR"))]
    projection = project_cash_flow(
        clients,
        paxton_price=PORTAL_PRICE,
        account=INSTALLER,
        start=D(2024, 1, 1),
        months=3,
    )
    assert "€280.00" in projection._repr_html_()
    assert "Jan 2024" in projection._repr_html_()
    comparison = compare_strategies(
        {f.value: rebill(clients, f) for f in BillingFrequency},
        paxton_price=PORTAL_PRICE,
        account=INSTALLER,
        start=D(2024, 1, 1),
        months=12,
    )
    html = comparison._repr_html_()
    assert "annual" in html
    assert "€1,396.50" in html


def test_other_things_are_refused() -> None:
    """It refuses what it cannot show."""
    with pytest.raises(ArgumentTypeError):
        to_html(Money("1", "EUR"))


def test_quotes_bundles_and_activity_show_as_tables() -> None:
    """Each has an HTML table with its figures, in the locale asked."""
    import datetime as dt

    from paxbill import (
        Account,
        AccountType,
        BillingFrequency,
        BillingPeriod,
        Bundle,
        Money,
        PerUserPrice,
        account_activity,
        issue_invoice,
        quote_prepayment,
        to_html,
    )

    quote = quote_prepayment(
        Money("4.00", "EUR"), 70, BillingFrequency.QUARTERLY, dt.date(2024, 1, 1)
    )
    html = quote._repr_html_()
    assert html.startswith("<table")
    assert html.count("€280.00") == 3  # 70 x 4.00, each month
    assert "€840.00" in html
    price = PerUserPrice(Money("3.00", "EUR"), 15)
    bundle = Bundle(
        Money("150.00", "EUR"),
        BillingFrequency.MONTHLY,
        20,
        price,
        Money("80.00", "EUR"),
    )
    french = to_html(bundle, locale="fr_FR")
    assert "51,00" in french  # 20 x 2.55
    assert "19,00" in french  # 150.00 - 51.00 - 80.00
    account = Account("INST-1", AccountType.APPROVED_INSTALLER)
    invoices = [
        issue_invoice(n, account, price, 70, BillingPeriod.month(2024, n))
        for n in (3, 4)
    ]
    activity = account_activity(invoices, 2024)._repr_html_()
    assert activity.count("€178.50") == 2
    assert "€357.00" in activity


def test_a_client_invoice_shows_as_the_other_tables_do() -> None:
    """Its figures right-aligned, its totals under its lines: 70 x 4.00 + 20 %."""
    import re

    from paxbill import ClientInvoice, ClientInvoiceLine, Party

    invoice = ClientInvoice(
        "F2024-0001",
        dt.date(2024, 1, 2),
        Party("Sécurité Dupont SARL", "FR", vat_id="FR40303265045"),
        Party("Résidence Les Tilleuls", "FR"),
        [ClientInvoiceLine("Entry app users", 70, Money("4.00", "EUR"), "S", "20")],
    )
    html = invoice._repr_html_()
    assert html.startswith("<table")
    cells = re.findall(r'text-align:(\w+)">([^<]*)<', html)
    assert ("right", "€280.00") in cells
    assert ("right", "€336.00") in cells  # 280.00 + 56.00 VAT
    assert ("left", "Entry app users") in cells


class _Shown(ShowsInNotebook):
    __slots__ = ()

    def __repr__(self) -> str:
        return "<Shown 'a' & b>"


def test_without_a_renderer_an_object_shows_its_repr_escaped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_notebook, "_RENDERERS", [])
    assert _Shown()._repr_html_() == "<pre>&lt;Shown &#x27;a&#x27; &amp; b&gt;</pre>"


def test_a_renderer_given_shows_every_object(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_notebook, "_RENDERERS", [])
    show_with(lambda shown: f"<p>{type(shown).__name__}</p>")
    assert _Shown()._repr_html_() == "<p>_Shown</p>"
    show_with(lambda shown: "<p>second</p>")
    assert _Shown()._repr_html_() == "<p>second</p>"
