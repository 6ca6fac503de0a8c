"""Tests for paxbill.core.formatting: figures for people, in their locale."""

from __future__ import annotations

from decimal import Decimal, localcontext

import pytest
from babel import Locale

from paxbill import Money, UnknownLocaleError, format_money
from paxbill.core.formatting import format_number, format_percent_value, parse_locale


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
    largest = Money("9" * 26 + ".99", "EUR")
    assert format_money(largest, "en_GB") == "€99" + ",999" * 8 + ".99"
    with localcontext() as context:
        context.prec = 5
        assert format_money(Money("178.50", "EUR"), "en_GB") == "€178.50"
        assert format_number(Decimal("1234567.891"), "en_GB") == "1,234,567.891"
    tiny = Money("0.000000000000000000000000001", "EUR")
    assert format_money(tiny, "en_GB") == "€0.00"


def test_format_money_refuses_what_is_not_money() -> None:
    """A float is no amount: a paxbill error, never an AttributeError."""
    import pytest

    from paxbill import ArgumentTypeError, format_money

    with pytest.raises(ArgumentTypeError, match="money must be a Money, not float"):
        format_money(2.55, "fr_FR")  # type: ignore[arg-type]
