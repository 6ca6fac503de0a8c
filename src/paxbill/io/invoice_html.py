"""The printable invoice: one standalone HTML page, with the legal mentions.

The page holds the parties, the lines, the VAT breakdown, the totals, the
due date and the mentions French law asks of an invoice between businesses
(payment terms, no discount for early payment, late-payment interest and the
EUR 40 recovery indemnity, the reason no VAT is charged), in French or
English. Print it, or hand it to a tool that makes a PDF.

>>> import datetime as dt
>>> from paxbill import ClientInvoice, ClientInvoiceLine, Money, Party
>>> invoice = ClientInvoice(
...     "F2024-0001", dt.date(2024, 1, 2),
...     Party("Sécurité Dupont SARL", "FR", vat_id="FR40303265045"),
...     Party("Résidence Les Tilleuls", "FR"),
...     [ClientInvoiceLine("Entry app users", 70, Money("4.00", "EUR"), "S", "20")],
... )
>>> page = invoice_html(invoice)
>>> "Total TTC" in page and "336,00" in page and "D441-5" in page
True
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from html import escape

from paxbill.clients.invoicing.credit_notes import CreditNote
from paxbill.clients.invoicing.invoices import ClientInvoice
from paxbill.clients.invoicing.parties import Party
from paxbill.clients.invoicing.vat import to_language
from paxbill.core._numbers import ExactNumber, to_decimal
from paxbill.core.formatting import format_number, format_percent_value
from paxbill.core.money import Money
from paxbill.exceptions import ArgumentTypeError
from paxbill.io._reports import day, span
from paxbill.io._words import text

__all__ = ["document_table", "invoice_html", "rate_text", "unit_price_text"]

#: The locale of each language's figures, unless another is asked for.
_LOCALES = {"fr": "fr_FR", "en": "en_GB"}

_STYLE = """
@page { size: A4; margin: 15mm; }
body { font-family: system-ui, sans-serif; font-size: 10pt; color: #111; }
h1 { font-size: 16pt; margin: 0 0 4mm; }
.parties { display: flex; gap: 10mm; margin-bottom: 6mm; }
.parties div { flex: 1; }
table { border-collapse: collapse; width: 100%; margin-bottom: 4mm;
  font-variant-numeric: tabular-nums; }
th, td { padding: 2px 6px; border-bottom: 1px solid #ccc; text-align: left; }
.n { text-align: right; white-space: nowrap; }
.totals { width: auto; margin-left: auto; }
.totals .gross td { font-weight: bold; }
footer { margin-top: 8mm; font-size: 8.5pt; color: #333; }
"""


def rate_text(rate: Decimal | None, locale: str) -> str:
    """A VAT rate for people, ``20 %``; empty for no rate."""
    return "" if rate is None else format_percent_value(rate, locale)


def unit_price_text(price: Money, locale: str) -> str:
    """A unit price with every digit it has: more than the minor unit if so."""
    if price.round() == price:
        return price.format(locale)
    return f"{format_number(price.amount, locale)} {price.currency}"


def _fact(label: str, value: str, language: str) -> str:
    """``label : value`` in French, ``label: value`` in English."""
    return f"{label} : {value}" if language == "fr" else f"{label}: {value}"


def legal_line(party: Party, language: str, locale: str) -> str | None:
    r"""The legal form, share capital and registry, as French law asks of a seller.

    >>> from paxbill import Money, Party
    >>> seller = Party("Dupont", "FR", legal_form="SARL",
    ...     share_capital=Money("10000", "EUR"), registry="RCS Lyon")
    >>> legal_line(seller, "fr", "fr_FR")
    'SARL au capital de 10\u202f000,00\xa0€, RCS Lyon'
    """
    parts = []
    if party.share_capital is not None:
        key = "ci.capital" if party.legal_form else "ci.capital_alone"
        capital = text(key, language).format(capital=party.share_capital.format(locale))
        parts.append(f"{party.legal_form} {capital}" if party.legal_form else capital)
    elif party.legal_form:
        parts.append(party.legal_form)
    if party.registry:
        parts.append(party.registry)
    return ", ".join(parts) or None


def _party(role: str, party: Party, language: str, locale: str) -> str:
    rows = [f"<strong>{escape(party.name)}</strong>"]
    rows += [escape(line) for line in party.address]
    place = " ".join(part for part in (party.postcode, party.city) if part)
    if place:
        rows.append(escape(place))
    rows.append(escape(party.country))
    facts = [
        ("ci.legal_id", party.legal_id),
        ("ci.siret", party.siret),
        ("ci.vat_id", party.vat_id),
    ]
    for key, value in facts:
        if value:
            rows.append(escape(_fact(text(key, language), value, language)))
    legal = legal_line(party, language, locale)
    if legal is not None:
        rows.append(escape(legal))
    return f"<div><h2>{escape(text(role, language))}</h2>{'<br>'.join(rows)}</div>"


def _row(cells: list[str], numeric: set[int], tag: str = "td") -> str:
    return (
        "<tr>"
        + "".join(
            f"<{tag}{' class=n' if i in numeric else ''}>{escape(c)}</{tag}>"
            for i, c in enumerate(cells)
        )
        + "</tr>"
    )


def document_table(
    document: ClientInvoice | CreditNote,
    *,
    language: str,
    locale: str,
    as_of: dt.date | None = None,
) -> str:
    """The lines, VAT breakdown and totals of *document*, as HTML tables."""

    def word(key: str) -> str:
        return text(key, language)

    head = ["col.description", "col.quantity", "col.unit_price", "ci.vat", "ci.net"]
    lines = _row([word(k) for k in head], {1, 2, 3, 4}, "th") + "".join(
        _row(
            [
                line.description,
                format_number(line.quantity, locale),
                unit_price_text(line.unit_price, locale),
                f"{line.vat_category.value} {rate_text(line.vat_rate, locale)}".strip(),
                line.net_amount.format(locale),
            ],
            {1, 2, 3, 4},
        )
        for line in document.lines
    )
    head = ["ci.vat", "ci.rate", "ci.taxable", "ci.tax", "ci.mention"]
    vat = _row([word(k) for k in head], {1, 2, 3}, "th") + "".join(
        _row(
            [
                group.category.value,
                rate_text(group.rate, locale),
                group.taxable_amount.format(locale),
                group.tax_amount.format(locale),
                group.exemption_reason or "",
            ],
            {1, 2, 3},
        )
        for group in document.vat_breakdown
    )
    totals = [
        (word("ci.net_total"), document.net_total.format(locale), ""),
        (word("ci.vat_total"), document.vat_total.format(locale), ""),
        (word("ci.gross_total"), document.gross_total.format(locale), " class=gross"),
    ]
    if as_of is not None and isinstance(document, ClientInvoice):
        when = day(as_of, locale)
        totals += [
            (
                word("ci.paid").format(date=when),
                document.amount_paid_on(as_of).format(locale),
                "",
            ),
            (
                word("ci.credited").format(date=when),
                document.amount_credited_on(as_of).format(locale),
                "",
            ),
            (
                word("ci.due_now").format(date=when),
                document.amount_due_on(as_of).format(locale),
                " class=gross",
            ),
        ]
    summary = "".join(
        f"<tr{extra}><td>{escape(label)}</td><td class=n>{escape(value)}</td></tr>"
        for label, value, extra in totals
    )
    return (
        f"<table class=lines>{lines}</table>"
        f"<table class=vat>{vat}</table>"
        f"<table class=totals>{summary}</table>"
    )


def invoice_html(
    document: ClientInvoice | CreditNote,
    *,
    language: str | None = None,
    locale: str | None = None,
    late_interest_rate: ExactNumber | None = None,
    as_of: dt.date | None = None,
) -> str:
    """Return *document* as a standalone, printable HTML page.

    Args:
        document: a client invoice or a credit note.
        language: ``"fr"`` or ``"en"``; by default the document's own.
        locale: the locale of figures and dates; ``fr_FR`` for French and
            ``en_GB`` for English by default.
        late_interest_rate: the yearly late-payment rate the invoice states,
            in percent; by default the mention states the legal rate (the
            ECB's refinancing rate plus 10 points, L441-10).
        as_of: show what was paid, credited and is still due on this day.

    Raises:
        ArgumentTypeError: *document* is neither an invoice nor a credit note.
    """
    if not isinstance(document, ClientInvoice | CreditNote):
        raise ArgumentTypeError(
            document, "a ClientInvoice or a CreditNote", what="document"
        )
    lang = document.language if language is None else to_language(language)
    where = _LOCALES[lang] if locale is None else locale

    def word(key: str) -> str:
        return text(key, lang)

    is_invoice = isinstance(document, ClientInvoice)
    title = (
        f"{word('ci.invoice' if is_invoice else 'ci.credit_note')} {document.number}"
    )
    facts = [_fact(word("ci.date"), day(document.issue_date, where), lang)]
    mentions: list[str] = []
    if isinstance(document, ClientInvoice):
        if document.service_period is not None:
            period = span(document.service_period, where)
            facts.append(_fact(word("ci.service_period"), period, lang))
        facts.append(_fact(word("ci.due_date"), day(document.due_date, where), lang))
        terms = document.payment_terms.describe(lang)
        facts.append(_fact(word("ci.terms"), terms, lang))
        rate = (
            word("ci.legal_rate")
            if late_interest_rate is None
            else rate_text(
                to_decimal(late_interest_rate, what="late_interest_rate"), where
            )
        )
        mentions += [word("ci.no_discount"), word("ci.late").format(rate=rate)]
    else:
        facts.append(
            word("ci.credits").format(
                number=document.invoice_number,
                date=day(document.invoice_issue_date, where),
            )
        )
        if document.reason:
            facts.append(_fact(word("ci.reason"), document.reason, lang))
    reasons = [g.exemption_reason for g in document.vat_breakdown if g.exemption_reason]
    mentions = [*reasons, *mentions]
    body = (
        f"<header><h1>{escape(title)}</h1>"
        + "".join(f"<div>{escape(fact)}</div>" for fact in facts)
        + "</header><section class=parties>"
        + _party("ci.seller", document.seller, lang, where)
        + _party("ci.buyer", document.buyer, lang, where)
        + "</section>"
        + document_table(document, language=lang, locale=where, as_of=as_of)
        + "<footer>"
        + "".join(f"<p>{escape(m)}</p>" for m in mentions)
        + "</footer>"
    )
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head>"
        f"<body>{body}</body></html>\n"
    )
