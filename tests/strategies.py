"""Hypothesis strategies shared by the tests."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import attrs
from dateutil.relativedelta import relativedelta
from hypothesis import reject
from hypothesis import strategies as st

from paxbill import (
    Allowance,
    AppUser,
    BillingFrequency,
    BillingPeriod,
    BillingTerm,
    BusinessRuleError,
    Charge,
    ClientInvoice,
    ClientInvoiceLine,
    CreditExceedsInvoiceError,
    InvalidAmountError,
    InvalidInvoiceError,
    Money,
    Party,
    PaymentInstructions,
    PaymentMeans,
    PaymentTerms,
    VatCategory,
)

#: Currencies with 0, 2 and 3 decimal places.
CURRENCIES = ("EUR", "GBP", "JPY", "BHD")
MINOR_UNITS = {"EUR": 2, "GBP": 2, "JPY": 0, "BHD": 3}


def amounts(*, places: int = 4, limit: int = 10**9) -> st.SearchStrategy[Decimal]:
    """Decimals with up to *places* decimal places, within plus or minus *limit*."""
    return st.decimals(
        min_value=-limit, max_value=limit, places=places, allow_nan=False
    )


def money(currency: str | None = None) -> st.SearchStrategy[Money]:
    """Money in *currency*, or in any of CURRENCIES."""
    codes = st.just(currency) if currency else st.sampled_from(CURRENCIES)
    return st.builds(Money, amounts(), codes)


#: Non-negative weights, ints or Decimals, with a positive total.
weights = st.lists(
    st.one_of(
        st.integers(min_value=0, max_value=1000),
        st.decimals(min_value=0, max_value=1000, places=3),
    ),
    min_size=1,
    max_size=12,
).filter(lambda ws: sum(ws) > 0)


#: Dates from 2000 to 2099, with month ends and leap days well represented.
dates = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31))
month_end_dates = st.builds(
    lambda year, month: dt.date(year, month, 1) + relativedelta(months=1, days=-1),
    st.integers(min_value=2000, max_value=2099),
    st.integers(min_value=1, max_value=12),
)
anchors = st.one_of(dates, month_end_dates)
frequencies = st.sampled_from(list(BillingFrequency))
#: Named frequencies and terms of any months, up to three years.
billings = frequencies | st.integers(1, 36).map(BillingTerm)


@st.composite
def app_users(draw: st.DrawFn, user_id: int = 0) -> AppUser:
    """An AppUser active from a date, perhaps until a later one."""
    start = draw(dates)
    end = draw(st.none() | st.integers(min_value=0, max_value=800))
    return AppUser(user_id, start, None if end is None else start + dt.timedelta(end))


def periods() -> st.SearchStrategy[BillingPeriod]:
    """Any period of 1 to 400 days."""
    return st.builds(
        lambda start, days: BillingPeriod(start, start + dt.timedelta(days)),
        dates,
        st.integers(min_value=1, max_value=400),
    )


# -- the installer's invoices ----------------------------------------------

#: Standard VAT rates of EU countries, as the issue writes them.
VAT_RATES = ("20", "10", "5.5", "2.1", "19", "7", "21", "8.5", "0.9", "99.99")
#: The rates of France and its overseas departments (BR-FR-16).
FRENCH_RATES = ("20", "10", "5.5", "2.1", "8.5", "0.9", "13")
#: Text an XML writer must escape or keep: markup, accents, emoji.
DESCRIPTIONS = (
    "Service",
    "Entry app users",
    "Maintenance & support <annual>",
    "Déplacement à Saint-Étienne",
    'Badges 🔑 "Entry"',
)
UNITS = ("C62", "MON", "HUR", "DAY")

#: A French installer with everything the reform asks of a seller.
FRENCH_SELLER = Party(
    "Sécurité Dupont SARL",
    "FR",
    vat_id="FR40303265045",
    address=["12 rue des Lilas"],
    legal_id="30326504500003",
    postcode="69003",
    city="Lyon",
    electronic_address="0225:303265045",
    legal_form="SARL",
    share_capital=Money("10000.00", "EUR"),
    registry="RCS Lyon",
)
#: A French client company, with its SIREN and electronic address.
FRENCH_BUYER = Party(
    "Résidence Les Tilleuls",
    "FR",
    vat_id="FR83404833048",
    address=["3 allée des Tilleuls"],
    legal_id="404833048",
    postcode="75011",
    city="Paris",
    electronic_address="0225:404833048",
)

parties = st.builds(
    Party,
    st.sampled_from(["Sécurité Dupont SARL", "Résidence Les Tilleuls", "Acme GmbH"]),
    st.sampled_from(["FR", "DE", "BE", "GB", "ES"]),
    vat_id=st.none() | st.sampled_from(["FR40303265045", "DE123456789"]),
    address=st.lists(st.sampled_from(["12 rue des Lilas", "75011 Paris"]), max_size=3),
)


def _adjustments(
    draw: st.DrawFn, kind: type[Allowance] | type[Charge], currency: str, **vat: Any
) -> list[Any]:
    """Up to two allowances or charges: fixed amounts or percentages."""
    found = []
    codes = ("95", "100") if kind is Allowance else ("SAA", "FC")
    for _ in range(draw(st.integers(0, 2))):
        code = draw(st.none() | st.sampled_from(codes))
        reason = draw(st.sampled_from(["Remise fidélité", "Déplacement & frais"]))
        if draw(st.booleans()):
            cents = draw(st.integers(0, 5_000))
            amount = Money.from_minor_units(cents, currency)
            found.append(kind(reason, amount, reason_code=code, **vat))
        else:
            percent = draw(st.decimals(0, 20, places=2, allow_nan=False))
            found.append(kind(reason, percent=percent, reason_code=code, **vat))
    return found


@st.composite
def client_lines(
    draw: st.DrawFn,
    currency: str = "EUR",
    *,
    categories: tuple[VatCategory, ...] = tuple(VatCategory),
    rates: tuple[str, ...] = VAT_RATES,
    negative: bool = False,
    places: int = 3,
) -> ClientInvoiceLine:
    """A line of some quantity (of up to *places* decimals) at some price."""
    category = draw(st.sampled_from(categories))
    rate = draw(st.sampled_from(rates)) if category is VatCategory.STANDARD else None
    low = -50 if negative else 0
    quantity = draw(
        st.integers(low, 500) | st.decimals(0, 1000, places=places, allow_nan=False)
    )
    price = Money(draw(st.decimals(0, 10_000, places=4, allow_nan=False)), currency)
    extras: dict[str, Any] = {"unit_code": draw(st.sampled_from(UNITS))}
    if quantity >= 0 and draw(st.integers(0, 3)) == 0:
        extras["allowances"] = _adjustments(draw, Allowance, currency)[:1]
        extras["charges"] = _adjustments(draw, Charge, currency)[:1]
        gross = (price * quantity).round()
        if sum((a.amount or gross).amount for a in extras["allowances"]) > gross.amount:
            extras["allowances"] = []
    return ClientInvoiceLine(
        draw(st.sampled_from(DESCRIPTIONS)), quantity, price, category, rate, **extras
    )


@st.composite
def client_invoices(
    draw: st.DrawFn,
    *,
    settled: bool = True,
    french: bool = False,
    currencies: tuple[str, ...] = ("EUR",),
) -> ClientInvoice:
    """An invoice of every kind EN 16931 allows, with payments and credits if *settled*.

    One to five lines, in every VAT category (category O alone), in one
    of *currencies* (give CURRENCIES for 0, 2 and 3 decimals), with
    allowances and charges on the document and its lines, corrections,
    prepaid amounts and the parties' identifiers each category needs.
    *french* gives a French seller and buyer with everything the French
    rules ask, and French rates.
    """
    currency = "EUR" if french else draw(st.sampled_from(currencies))
    not_subject = not french and draw(st.integers(0, 5)) == 0
    categories = (
        (VatCategory.NOT_SUBJECT,)
        if not_subject
        else tuple(c for c in VatCategory if c is not VatCategory.NOT_SUBJECT)
    )
    rates = FRENCH_RATES if french else VAT_RATES
    lines = draw(
        st.lists(
            client_lines(
                currency,
                categories=categories,
                rates=rates,
                negative=True,
                # The French rules allow four decimals, a quarter credited included.
                places=2 if french else 3,
            ),
            min_size=1,
            max_size=5,
        )
    )
    used = {line.vat_category for line in lines}
    if french:
        seller, buyer = FRENCH_SELLER, FRENCH_BUYER
    else:
        seller, buyer = draw(parties), draw(parties)
    if not_subject:
        legal_id = "732829320" if seller.country == "FR" else "HRB 12345"
        seller = attrs.evolve(seller, vat_id=None, legal_id=legal_id)
        buyer = attrs.evolve(buyer, vat_id=None)
    elif seller.vat_id is None:
        seller = attrs.evolve(seller, vat_id="FR40303265045")
    if used & {VatCategory.REVERSE_CHARGE, VatCategory.INTRA_COMMUNITY}:
        buyer = attrs.evolve(buyer, vat_id=buyer.vat_id or "DE123456789")
    extras: dict[str, Any] = {}
    # The French rules want every date in 2000 to 2099 (BR-FR-03): the due
    # date and the credit notes' dates fall up to four months later.
    latest = dt.date(2099, 8, 1) if french else dt.date(2099, 12, 31)
    start = draw(st.dates(min_value=dt.date(2000, 1, 1), max_value=latest))
    if VatCategory.INTRA_COMMUNITY in used or draw(st.booleans()):
        extras["service_period"] = BillingPeriod(
            start, start + dt.timedelta(draw(st.integers(1, 90)))
        )
    group = draw(st.sampled_from(lines))
    vat = {"category": group.vat_category, "rate": group.vat_rate}
    extras["allowances"] = _adjustments(draw, Allowance, currency, **vat)
    extras["charges"] = _adjustments(draw, Charge, currency, **vat)
    if draw(st.booleans()):
        extras["payment_instructions"] = draw(
            st.sampled_from(
                [
                    PaymentInstructions(iban="FR7630006000011234567890189"),
                    PaymentInstructions(
                        "credit_transfer",
                        iban="DE89370400440532013000",
                        bic="COBADEFFXXX",
                        account_name="Dupont SARL",
                    ),
                    PaymentInstructions(
                        "sepa_direct_debit",
                        mandate="MANDAT-2024-07",
                        creditor_id="FR72ZZZ123456",
                        iban="FR7630006000011234567890189",
                    ),
                ]
            )
        )
    if draw(st.booleans()):
        extras["buyer_reference"] = "Résidence & Co"
        extras["contract_reference"] = "CONTRAT-2024-12"
        extras["order_reference"] = "BC-778"
    if french:
        extras["business_process"] = draw(st.sampled_from(["S1", "M1", "B1"]))
        extras["vat_on_debits"] = draw(st.booleans())
    number = draw(st.sampled_from(["F2024-0001", "F-12", "INV/2024/7"]))
    try:
        invoice = ClientInvoice(
            number,
            start,
            seller,
            buyer,
            lines,
            payment_terms=PaymentTerms(draw(st.integers(0, 60)), draw(st.booleans())),
            language=draw(st.sampled_from(["fr", "en"])),
            **extras,
        )
    except (InvalidInvoiceError, InvalidAmountError) as error:
        # A negative net total, or an allowance above its base: not an invoice.
        if isinstance(error, BusinessRuleError):
            raise
        reject()
    if draw(st.booleans()):
        gross = invoice.gross_total.to_minor_units()
        if gross > 0:
            cents = draw(st.integers(0, gross))
            # An e-invoice states two decimals at most (BT-113): whole hundredths.
            cents -= cents % 10 ** max(MINOR_UNITS[currency] - 2, 0)
            prepaid = Money.from_minor_units(cents, currency)
            invoice = attrs.evolve(invoice, prepaid=prepaid)
    if not settled:
        return invoice
    for step in range(draw(st.integers(0, 4))):
        day = invoice.issue_date + dt.timedelta(draw(st.integers(0, 120)))
        if draw(st.booleans()):
            due = invoice.amount_due_on(dt.date.max)
            if due.amount > 0:
                cents = draw(st.integers(1, due.to_minor_units()))
                amount = Money.from_minor_units(cents, invoice.currency)
                invoice = invoice.pay(amount, day, draw(st.sampled_from(PaymentMeans)))
            continue
        picked = None
        if draw(st.booleans()):
            line = draw(st.sampled_from(invoice.lines))
            share = draw(st.sampled_from([Decimal("0.25"), Decimal("0.5"), Decimal(1)]))
            picked = [line.with_quantity(abs(line.quantity) * share)]
        try:
            note = invoice.credit(f"AV-{step}", day, picked)
        except (CreditExceedsInvoiceError, InvalidInvoiceError):
            # Beyond what was invoiced, or a correction credited alone.
            continue
        invoice = invoice.apply_credit(note)
    return invoice
