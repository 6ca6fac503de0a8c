"""Tests for paxbill.core.formatting: figures for people, in their locale."""

from __future__ import annotations

from decimal import Decimal, localcontext

import pytest
from babel import Locale, localedata
from babel.numbers import format_currency
from hypothesis import given, settings
from hypothesis import strategies as st

from paxbill import Money, UnknownLocaleError, format_money
from paxbill.core.formatting import format_number, format_percent_value, parse_locale


@pytest.mark.parametrize(
    ("amount", "currency", "locale"),
    [
        ("178.50", "EUR", "fr_FR"),
        ("2.55", "EUR", "de_DE"),
        ("30.00", "GBP", "en_GB"),
        ("1235", "JPY", "ja_JP"),
        ("0.013", "BHD", "ar_BH"),
        ("1234567.89", "EUR", "fr_FR"),
    ],
)
def test_same_as_babel_once_rounded(amount: str, currency: str, locale: str) -> None:
    """It gives babel's own text for an amount already at its minor unit."""
    expected = format_currency(Decimal(amount), currency, locale=locale)
    assert format_money(Money(amount, currency), locale) == expected


def test_locale_spellings() -> None:
    """It accepts fr_FR, fr-FR and a babel Locale alike."""
    price = Money("2.55", "EUR")
    assert (
        format_money(price, "fr_FR")
        == format_money(price, "fr-FR")
        == format_money(price, Locale("fr", "FR"))
    )


@pytest.mark.parametrize("locale", ["zz_ZZ", "", "not a locale", None, 42])
def test_unknown_locale(locale: object) -> None:
    """It raises UnknownLocaleError, a ValueError, on a locale babel lacks."""
    with pytest.raises(UnknownLocaleError) as raised:
        parse_locale(locale)
    assert isinstance(raised.value, ValueError)
    assert raised.value.locale in (locale, str(locale))


def test_numbers_and_percentages() -> None:
    """It formats counts and percentages for the locale, every digit kept."""
    assert format_number(70, "en_GB") == "70"
    assert format_number(Decimal("1234.5"), "en_GB") == "1,234.5"
    assert format_percent_value(Decimal(15), "fr_FR") == "15\xa0%"
    assert format_percent_value(Decimal("12.5"), "en_GB") == "12.5%"


def test_any_amount_paxbill_holds_is_laid_out_whole() -> None:
    """Amounts of every size format, every digit, whatever the caller's context."""
    huge = Money("1e27", "EUR") * 70
    assert format_money(huge, "en_GB") == "€70,000,000,000,000,000,000,000,000,000.00"
    with localcontext() as context:
        context.prec = 5
        assert format_money(Money("178.50", "EUR"), "en_GB") == "€178.50"
        assert format_number(Decimal("1234567.891"), "en_GB") == "1,234,567.891"
    tiny = Money("0.000000000000000000000000001", "EUR")
    assert format_money(tiny, "en_GB") == "€0.00"


LOCALES = sorted(localedata.locale_identifiers())
#: Currencies with 0, 2 and 3 digits, letter and sign symbols.
FORMAT_CURRENCIES = ["EUR", "GBP", "USD", "CHF", "JPY", "BHD", "KWD", "INR", "PLN"]


@settings(max_examples=1000)
@given(
    st.sampled_from(LOCALES),
    st.sampled_from(FORMAT_CURRENCIES),
    st.one_of(
        st.just(Decimal(0)),
        st.decimals(-(10**6), 10**6, places=3, allow_nan=False),
        st.decimals(-(10**22), 10**22, places=0, allow_nan=False),
    ),
)
def test_the_parsed_pattern_lays_out_as_babel_does(
    locale: str, currency: str, amount: Decimal
) -> None:
    """Law: the pattern parsed once gives format_currency's exact text.

    Checked for every locale babel ships, for 0-, 2- and 3-digit currencies,
    zero, negatives and large amounts.
    """
    money = Money(amount, currency)
    with localcontext() as context:
        context.prec = 60  # babel computes in the caller's context
        expected = format_currency(money.round().amount, currency, locale=locale)
    assert format_money(money, locale) == expected
