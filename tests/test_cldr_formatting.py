"""Money.format against CLDR as ICU prints it: the fixture and the issue's cases.

``tests/data/icu_currency_formats.json`` was written once by
``scripts/icu_currency_fixture.py`` from ICU (Node's ``Intl.NumberFormat``);
its versions are in the file.
"""

from __future__ import annotations

import json
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest
from babel import localedata
from hypothesis import given, settings
from hypothesis import strategies as st

from paxbill import Money, format_money

FIXTURE = json.loads(
    (Path(__file__).parent / "data" / "icu_currency_formats.json").read_text("utf-8")
)
CHANGES = {change["locale"]: change for change in FIXTURE["cldr_changes"]}


def test_the_fixture_covers_what_the_issue_asks() -> None:
    """At least 200 cases over 20 locales, with 0-, 2- and 3-digit currencies."""
    cases = FIXTURE["cases"]
    locales = {case["locale"] for case in cases}
    assert len(cases) >= 200
    assert len(locales) >= 20
    required = "fr_FR fr_CH fr_BE de_DE de_CH en_GB en_US en_IN es_ES it_IT"
    required += " nl_NL pl_PL pt_BR ja_JP ar_EG"
    assert set(required.split()) <= locales
    assert {"JPY", "EUR", "KWD"} <= {case["currency"] for case in cases}
    amounts = {Decimal(case["amount"]) for case in cases}
    assert Decimal(0) in amounts
    assert any(a < 0 for a in amounts)
    assert any(1000 <= abs(a) < 10000 for a in amounts)
    assert any(10000 <= abs(a) < 100000 for a in amounts)
    assert FIXTURE["icu_version"]
    assert FIXTURE["cldr_version"]


@pytest.mark.parametrize(
    "case",
    FIXTURE["cases"],
    ids=lambda c: f"{c['locale']}-{c['currency']}-{c['amount']}",
)
def test_as_icu_prints_it(case: dict[str, str]) -> None:
    """Each (locale, currency, amount) gives ICU's text.

    Where the CLDR babel ships changed a symbol since ICU's, the expected text
    is ICU's with that change, as the fixture states it.
    """
    expected = case["icu"]
    change = CHANGES.get(case["locale"])
    if change is not None:
        expected = expected.replace(change["icu"], change["now"])
    assert Money(case["amount"], case["currency"]).format(case["locale"]) == expected


@pytest.mark.parametrize(
    ("amount", "currency", "locale", "expected"),
    [
        # The issue's cases, as CLDR writes them.
        ("999.95", "CHF", "fr_CH", "999.95\xa0CHF"),  # currencyDecimal
        ("2.50", "CHF", "en_GB", "CHF\xa02.50"),  # currency spacing, prefix
        ("1234.568", "KWD", "en_US", "KWD\xa01,234.568"),
        ("1234.56", "EUR", "es_ES", "1234,56\xa0€"),  # minimum grouping digits
        ("1234.56", "PLN", "pl_PL", "1234,56\xa0zł"),
        ("12345.67", "EUR", "es_ES", "12.345,67\xa0€"),
        # Spacing on the suffix side: bn puts the symbol right after the digits.
        ("2.50", "CHF", "bn_BD", "২.৫০\xa0CHF"),
        ("2.50", "EUR", "bn_BD", "২.৫০€"),
        # A group that is an apostrophe stays in place (babel drops pairs of them).
        ("1234567.89", "CHF", "de_CH", "CHF\xa01'234'567.89"),
    ],
)
def test_the_issue_cases(
    amount: str, currency: str, locale: str, expected: str
) -> None:
    """The strings of issue 13, each written by hand from CLDR's rules."""
    assert Money(amount, currency).format(locale) == expected


def test_cash_rounding_only_when_asked() -> None:
    """Display rounds to CLDR's cash step only with cash=True.

    CHF cash is in steps of 0.05: 2.47 -> 2.45, 2.475 -> 2.50 (half up).
    HUF: ISO 4217 gives 2 decimals; CLDR's cash step is 5 forints.
    """
    assert format_money(Money("2.47", "CHF"), "de_CH") == "CHF\xa02.47"
    assert format_money(Money("2.47", "CHF"), "de_CH", cash=True) == "CHF\xa02.45"
    assert format_money(Money("2.475", "CHF"), "de_CH", cash=True) == "CHF\xa02.50"
    assert Money("1234.5", "HUF").format("hu_HU") == "1234,50\xa0Ft"
    assert Money("1237.5", "HUF").format("hu_HU", cash=True) == "1240\xa0Ft"
    assert Money("-2.5", "EUR").format("fr_FR", cash=True) == "-2,50\xa0€"


def _digits(text: str) -> str:
    return "".join(
        str(unicodedata.digit(c))
        for c in text
        if unicodedata.digit(c, None) is not None
    )


@settings(max_examples=300)
@given(
    st.sampled_from(sorted(localedata.locale_identifiers())),
    st.sampled_from(["EUR", "USD", "CHF", "JPY", "KWD", "GBP"]),
    st.decimals(-(10**9), 10**9, places=3, allow_nan=False),
)
def test_every_digit_in_order_in_every_locale(
    locale: str, currency: str, amount: Decimal
) -> None:
    """Law: any locale's text holds the rounded amount's digits, in order.

    In the locale's own digits, for every locale babel ships, and no other.
    """
    money = Money(amount, currency)
    text = money.format(locale)
    rounded = f"{abs(money.round().amount):f}".replace(".", "")
    assert _digits(text) == rounded


def test_spacing_rule_on_each_side_and_for_codes() -> None:
    """A letter symbol touching the number gets one no-break space; a sign none.

    ``¤¤`` (the ISO code) counts as letters, once, whichever side it is on.
    """
    from paxbill.core.formatting import _side

    assert _side("¤", "CHF", "CHF", before=True) == "CHF\xa0"
    assert _side("-¤", "€", "EUR", before=True) == "-€"
    assert _side("¤¤", "€", "EUR", before=True) == "EUR\xa0"
    assert _side("¤¤", "€", "EUR", before=False) == "\xa0EUR"
    assert _side("\xa0¤", "zł", "PLN", before=False) == "\xa0zł"
    assert _side("¤", "€", "EUR", before=False) == "€"
    # ¤¤¤ (the currency's name in CLDR) is shown as the code too, once.
    assert _side("¤¤¤", "€", "EUR", before=True) == "EUR\xa0"
    # A quoted literal is the text between the quotes.
    assert _side("'-'¤", "€", "EUR", before=True) == "-€"
    # A number, a punctuation mark or a mark facing the number is kept apart.
    assert _side("¤", "1$", "XXX", before=True) == "1$"
    assert _side("¤", "$1", "XXX", before=True) == "$1\xa0"
    assert _side("¤", "a.", "XXX", before=True) == "a.\xa0"
    assert _side("¤", "kr\xa0", "XXX", before=True) == "kr\xa0"  # a space faces it


def test_the_cldr_data_has_only_what_the_layout_reads() -> None:
    """What makes some mutants of the layout equivalent, checked on babel's data.

    No standard currency pattern holds a quote or a doubled ``¤`` (so
    ``CurrencyFormat.of`` never shows the code), and no locale's currency
    group separator differs from its group separator (its currency decimal
    separator may: fr_CH's is a point); a babel that changes this fails
    here, and the mutation report (tests/test_mutants.py) with it.
    """
    from babel import Locale

    for identifier in localedata.locale_identifiers():
        locale = Locale.parse(identifier)
        pattern = locale.currency_formats["standard"]
        for affix in (*pattern.prefix, *pattern.suffix):
            assert "'" not in affix, identifier
            assert "¤¤" not in affix, identifier
        for system, symbols in locale.number_symbols.items():
            group = symbols.get("currencyGroup")
            assert group in (None, symbols.get("group")), (identifier, system)
    swiss = Locale.parse("fr_CH").number_symbols["latn"]
    assert (swiss["currencyDecimal"], swiss["decimal"]) == (".", ",")


def test_a_negative_suffix_is_the_negative_amounts_only() -> None:
    """Western Frisian's pattern, ``¤ #,##0.00;¤ #,##0.00-``, puts its sign last."""
    assert format_money(Money("1234.50", "EUR"), "fy_NL") == "€\xa01.234,50"
    assert format_money(Money("-1234.50", "EUR"), "fy_NL") == "€\xa01.234,50-"
