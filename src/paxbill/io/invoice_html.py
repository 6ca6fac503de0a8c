"""The printable invoice: one standalone HTML page, with every legal mention.

The page holds what French law asks of an invoice between businesses (Code
de commerce L441-9 and R123-237, CGI article 242 nonies A): the seller's
name, legal form, share capital, SIREN, registry, VAT number and address;
the buyer's, and the delivery address where it differs; the number, the
dates, the period of service, the due date, the payment terms and means;
each line with its unit and VAT (« 20 % », or the category in words with its
legal reference); allowances, charges, the VAT breakdown and the totals;
the no-discount and late-payment mentions. In English, French or German, in
an A4 print layout that WeasyPrint makes a PDF of (:func:`to_facturx_pdf`).

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

import contextlib
import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from html import escape
from pathlib import Path

from paxbill.clients.invoicing.allowances import Allowance, Charge
from paxbill.clients.invoicing.credit_notes import CreditNote
from paxbill.clients.invoicing.invoices import ClientInvoice
from paxbill.clients.invoicing.late_payment import to_annual_rate
from paxbill.clients.invoicing.lines import ClientInvoiceLine
from paxbill.clients.invoicing.parties import Party
from paxbill.clients.invoicing.payment_instructions import PaymentInstructions
from paxbill.clients.invoicing.payment_terms import PaymentTerms
from paxbill.clients.invoicing.vat import VatCategory
from paxbill.core._dates import to_date
from paxbill.core._numbers import ExactNumber
from paxbill.core.formatting import format_number, format_percent_value
from paxbill.core.money import Money
from paxbill.exceptions import ArgumentTypeError, UnsupportedLanguageError
from paxbill.io._labels import label
from paxbill.io._logo import logo_data_uri
from paxbill.io._reports import day, span
from paxbill.io._words import languages, text

__all__ = [
    "PAGE_LANGUAGES",
    "PAGE_LOCALES",
    "document_table",
    "invoice_html",
    "page_language",
    "rate_text",
    "unit_price_text",
]

#: The locale of each language's figures and dates, unless another is asked for.
PAGE_LOCALES = {"fr": "fr_FR", "en": "en_GB", "de": "de_DE"}
#: The languages a page is written in: English and those of the catalogs.
PAGE_LANGUAGES = tuple(sorted(PAGE_LOCALES))

_STYLE = """
@page { size: A4; margin: 16mm 15mm 18mm;
  @bottom-right { content: counter(page) "/" counter(pages);
    font: 8pt system-ui, sans-serif; color: #555; } }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", system-ui, sans-serif; font-size: 9.5pt;
  color: #1a1a1a; margin: 0; }
header.top { display: flex; justify-content: space-between; gap: 10mm;
  border-bottom: 2px solid #1f4e79; padding-bottom: 4mm; margin-bottom: 5mm; }
header.top img { max-height: 18mm; max-width: 50mm; display: block;
  margin-bottom: 2mm; }
header.top .doc { text-align: right; }
h1 { font-size: 16pt; margin: 0 0 2mm; color: #1f4e79; }
h2 { font-size: 8pt; text-transform: uppercase; letter-spacing: .05em;
  color: #555; margin: 0 0 1mm; }
.parties { display: flex; gap: 10mm; margin-bottom: 6mm; }
.parties > div { flex: 1; padding: 3mm; background: #f4f6f8; }
table { border-collapse: collapse; width: 100%; margin-bottom: 4mm;
  font-variant-numeric: tabular-nums; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th { text-align: left; font-weight: 600; border-bottom: 1.5px solid #1f4e79;
  padding: 3px 6px; }
td { padding: 3px 6px; border-bottom: 1px solid #ddd; vertical-align: top; }
td.sub { color: #555; font-size: 8.5pt; padding-left: 16px; }
.n { text-align: right; white-space: nowrap; }
.summary { break-inside: avoid; page-break-inside: avoid; }
.summary table.totals { width: 55%; margin-left: auto; }
.totals .gross td { font-weight: bold; border-top: 1.5px solid #1f4e79;
  font-size: 10.5pt; }
footer { margin-top: 6mm; font-size: 8pt; color: #333; break-inside: avoid; }
footer p { margin: 1mm 0; }
"""


def page_language(value: str | None, document: ClientInvoice | CreditNote) -> str:
    """The language of a page: *value*, or by default the document's own.

    Raises:
        UnsupportedLanguageError: a language paxbill writes no page in.
    """
    if value is None:
        return document.language
    if isinstance(value, str):
        language = value.replace("-", "_").split("_")[0].lower()
        if language in PAGE_LANGUAGES and language in {*languages(), "en"}:
            return language
    raise UnsupportedLanguageError(value, PAGE_LANGUAGES)


def rate_text(rate: Decimal | None, locale: str) -> str:
    """A VAT rate for people, ``20 %``; empty for no rate."""
    return "" if rate is None else format_percent_value(rate, locale)


def unit_price_text(price: Money, locale: str) -> str:
    """A unit price with every digit it has: more than the minor unit if so."""
    if price.round() == price:
        return price.format(locale)
    return f"{format_number(price.amount, locale)} {price.currency}"


def vat_text(category: VatCategory, rate: Decimal | None, locale: str) -> str:
    """The VAT of a line for people: « 20 % », or the category in words."""
    if category is VatCategory.STANDARD:
        return rate_text(rate, locale)
    return label(category, locale)


def quantity_text(line: ClientInvoiceLine, locale: str) -> str:
    """A line's quantity with its unit, « 3 mois »; a count of ones alone."""
    amount = format_number(line.quantity, locale)
    try:
        return f"{amount} {text(f'unit.{line.unit_code}', locale)}"
    except KeyError:
        return amount if line.unit_code == "C62" else f"{amount} {line.unit_code}"


def terms_text(terms: PaymentTerms, language: str) -> str:
    """The payment terms in the page's language: as the XML states them (BT-20)."""
    if terms.text is not None:
        return terms.text
    key = "terms.end_of_month" if terms.end_of_month else "terms.days"
    return text(key, language).format(days=terms.days)


def _fact(label_: str, value: str, language: str) -> str:
    """``label : value`` in French, ``label: value`` in the other languages."""
    return f"{label_} : {value}" if language == "fr" else f"{label_}: {value}"


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


def _address_rows(
    lines: tuple[str, ...], postcode: str | None, city: str | None, country: str | None
) -> list[str]:
    rows = list(lines)
    place = " ".join(part for part in (postcode, city) if part)
    if place:
        rows.append(place)
    if country:
        rows.append(country)
    return rows


def _party(party: Party, language: str, locale: str) -> list[str]:
    rows = [f"<strong>{escape(party.name)}</strong>"]
    address = _address_rows(party.address, party.postcode, party.city, party.country)
    rows += [escape(row) for row in address]
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
    return rows


def _block(role: str, rows: list[str], language: str) -> str:
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


def _adjustment_text(item: Allowance | Charge, locale: str) -> str:
    reason = item.reason or item.reason_code or ""
    if item.percent is not None:
        return f"{reason} ({rate_text(item.percent, locale)})"
    return reason


def _line_rows(line: ClientInvoiceLine, locale: str) -> str:
    row = _row(
        [
            line.description,
            quantity_text(line, locale),
            unit_price_text(line.unit_price, locale),
            vat_text(line.vat_category, line.vat_rate, locale),
            line.net_amount.format(locale),
        ],
        {1, 2, 3, 4},
    )
    adjustments: tuple[Allowance | Charge, ...] = (*line.allowances, *line.charges)
    for item in adjustments:
        row += (
            f"<tr><td class=sub colspan=4>{escape(_adjustment_text(item, locale))}</td>"
            f"<td class='n sub'>{escape(item.signed.format(locale))}</td></tr>"
        )
    return row


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
    lines = (
        "<thead>"
        + _row([word(k) for k in head], {1, 2, 3, 4}, "th")
        + "</thead><tbody>"
        + "".join(_line_rows(line, locale) for line in document.lines)
        + "</tbody>"
    )
    head = ["ci.vat", "ci.rate", "ci.taxable", "ci.tax"]
    vat = _row([word(k) for k in head], {1, 2, 3}, "th") + "".join(
        _row(
            [
                _capital(label(group.category, language)),
                rate_text(group.rate, locale),
                group.taxable_amount.format(locale),
                group.tax_amount.format(locale),
            ],
            {1, 2, 3},
        )
        for group in document.vat_breakdown
    )
    totals: list[tuple[str, str, str]] = []
    adjustments: tuple[Allowance | Charge, ...] = (
        *document.allowances,
        *document.charges,
    )
    if adjustments:
        totals.append((word("ci.line_total"), document.line_total.format(locale), ""))
        totals += [
            (_adjustment_text(item, locale), item.signed.format(locale), "")
            for item in adjustments
        ]
    totals += [
        (word("ci.net_total"), document.net_total.format(locale), ""),
        (word("ci.vat_total"), document.vat_total.format(locale), ""),
        (word("ci.gross_total"), document.gross_total.format(locale), " class=gross"),
    ]
    if isinstance(document, ClientInvoice):
        totals += _amounts_due(document, word, locale, as_of)
    summary = "".join(
        f"<tr{extra}><td>{escape(name)}</td><td class=n>{escape(value)}</td></tr>"
        for name, value, extra in totals
    )
    return (
        f"<table class=lines>{lines}</table>"
        f"<div class=summary><table class=vat>{vat}</table>"
        f"<table class=totals>{summary}</table></div>"
    )


def _amounts_due(
    document: ClientInvoice,
    word: Callable[[str], str],
    locale: str,
    as_of: dt.date | None,
) -> list[tuple[str, str, str]]:
    """Prepaid and due as issued; with *as_of*, paid, credited, due and refund."""
    rows = []
    if document.prepaid_amount:
        rows += [
            (word("ci.prepaid_total"), document.prepaid_amount.format(locale), ""),
            (word("ci.due_total"), document.amount_due.format(locale), " class=gross"),
        ]
    if as_of is None:
        return rows
    when = day(as_of, locale)
    rows += [
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
    refund = document.refund_due_on(as_of)
    if refund:
        rows.append((word("ci.refund").format(date=when), refund.format(locale), ""))
    return rows


def _payment_text(instructions: PaymentInstructions, language: str) -> str:
    """« Règlement : virement SEPA, IBAN …, BIC … », or the direct debit's mandate."""
    parts = [label(instructions.means, language)]
    if instructions.is_direct_debit:
        parts.append(
            text("ci.mandate", language).format(
                mandate=instructions.mandate, creditor=instructions.creditor_id
            )
        )
    else:
        if instructions.iban is not None:
            parts.append(
                text("ci.iban", language).format(iban=_grouped(instructions.iban))
            )
        if instructions.bic is not None:
            parts.append(text("ci.bic", language).format(bic=instructions.bic))
    if instructions.remittance is not None:
        parts.append(
            text("ci.remittance", language).format(reference=instructions.remittance)
        )
    return _fact(text("ci.payment", language), ", ".join(parts), language)


def _capital(words: str) -> str:
    """*words* with a capital first letter, as a table cell or a sentence has."""
    return words[:1].upper() + words[1:]


def _grouped(iban: str) -> str:
    """An IBAN in groups of four, as it is printed."""
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))


def _vat_mentions(document: ClientInvoice | CreditNote, language: str) -> list[str]:
    """Why no VAT is charged: each category's words and legal reference."""
    mentions = []
    for group in document.vat_breakdown:
        category = group.category
        if not category.needs_exemption_reason:
            continue
        default = category.exemption_reason(document.language)
        words = _capital(label(category, language))
        if group.exemption_reason and group.exemption_reason != default:
            words = group.exemption_reason
        with contextlib.suppress(KeyError):  # zero rated: no reference
            words += f" ({text(f'ref.{category.name}', language)})"
        if words not in mentions:
            mentions.append(words)
    return mentions


def invoice_html(
    document: ClientInvoice | CreditNote,
    *,
    language: str | None = None,
    locale: str | None = None,
    late_interest_rate: ExactNumber | None = None,
    as_of: dt.date | None = None,
    logo: str | Path | bytes | None = None,
) -> str:
    """Return *document* as a standalone, printable HTML page.

    Args:
        document: a client invoice or a credit note.
        language: ``"fr"``, ``"en"`` or ``"de"`` (``PAGE_LANGUAGES``);
            by default the document's own.
        locale: the locale of figures and dates; ``fr_FR``, ``en_GB`` or
            ``de_DE`` by the language by default.
        late_interest_rate: the yearly late-payment rate the invoice states,
            in percent; by default the mention states the legal rate (the
            ECB's refinancing rate plus 10 points, L441-10).
        as_of: show what was paid, credited, is still due and is to be
            refunded on this day.
        logo: the seller's logo, a PNG, JPEG, GIF, WebP or SVG file (its
            path, or its bytes) of at most 1 MB, embedded in the page.

    Raises:
        ArgumentTypeError: *document* is neither an invoice nor a credit note.
        UnsupportedLanguageError: a language paxbill writes no page in.
        InvalidDocumentError: a logo that is not an image, or over 1 MB.
    """
    if not isinstance(document, ClientInvoice | CreditNote):
        raise ArgumentTypeError(
            document, "a ClientInvoice or a CreditNote", what="document"
        )
    if as_of is not None:
        as_of = to_date(as_of, what="as_of")
    lang = page_language(language, document)
    where = PAGE_LOCALES[lang] if locale is None else locale
    picture = None if logo is None else logo_data_uri(logo)

    def word(key: str) -> str:
        return text(key, lang)

    is_invoice = isinstance(document, ClientInvoice)
    title = (
        f"{word('ci.invoice' if is_invoice else 'ci.credit_note')} {document.number}"
    )
    facts = [_fact(word("ci.date"), day(document.issue_date, where), lang)]
    mentions: list[str] = []
    if document.service_period is not None:
        period = span(document.service_period, where)
        facts.append(_fact(word("ci.service_period"), period, lang))
    if isinstance(document, ClientInvoice):
        facts.append(_fact(word("ci.due_date"), day(document.due_date, where), lang))
        terms = terms_text(document.payment_terms, lang)
        facts.append(_fact(word("ci.terms"), terms, lang))
        rate = (
            word("ci.legal_rate")
            if late_interest_rate is None
            else rate_text(
                to_annual_rate(late_interest_rate, what="late_interest_rate"), where
            )
        )
        if document.payment_instructions is not None:
            mentions.append(_payment_text(document.payment_instructions, lang))
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
    mentions = [*_vat_mentions(document, lang), *mentions]
    image = "" if picture is None else f'<img src="{picture}" alt="">'
    seller = "<br>".join(_party(document.seller, lang, where))
    blocks = [_block("ci.buyer", _party(document.buyer, lang, where), lang)]
    delivery = document.delivery
    if delivery is not None and delivery.has_place:
        rows = [delivery.name] if delivery.name else []
        rows += _address_rows(
            delivery.address, delivery.postcode, delivery.city, delivery.country
        )
        blocks.append(_block("ci.delivery", [escape(row) for row in rows], lang))
    body = (
        f"<header class=top><div class=seller>{image}{seller}</div>"
        f"<div class=doc><h1>{escape(title)}</h1>"
        + "".join(f"<div>{escape(fact)}</div>" for fact in facts)
        + "</div></header><section class=parties>"
        + "".join(blocks)
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
