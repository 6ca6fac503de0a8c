r"""Formatting money and numbers for people, in their locale, with babel.

The domain never depends on a locale: ``str()`` and ``repr()`` are the same
everywhere. Only these functions take one.

>>> from paxbill import Money
>>> format_money(Money("178.50", "EUR"), "fr_FR") == "178,50\xa0€"
True
"""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from decimal import (
    MAX_EMAX,
    MAX_PREC,
    MIN_EMIN,
    ROUND_HALF_UP,
    Context,
    Decimal,
    getcontext,
    localcontext,
)
from functools import cache
from typing import TYPE_CHECKING

from babel import Locale
from babel.core import UnknownLocaleError as _BabelUnknownLocale
from babel.numbers import format_decimal, format_percent

from paxbill.exceptions import UnknownLocaleError

if TYPE_CHECKING:
    from paxbill.core.money import Money

# babel computes in the caller's decimal context; a wide one lets it lay out
# every digit of any amount paxbill holds, whatever that context is. Ordinary
# amounts fit any sensible context, and skip the cost of switching.
_WIDE = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)
_DEFAULT_PREC = 28


def _context_for(number: Decimal) -> AbstractContextManager[object]:
    if -9 < number.adjusted() < 15 and getcontext().prec >= _DEFAULT_PREC:
        return nullcontext()
    return localcontext(_WIDE)


__all__ = ["format_money", "format_number", "format_percent_value", "parse_locale"]


@cache
def _parse_locale(identifier: str) -> Locale:
    try:
        return Locale.parse(identifier)
    except (_BabelUnknownLocale, ValueError, TypeError):
        raise UnknownLocaleError(identifier) from None


def parse_locale(locale: object) -> Locale:
    """Return a babel Locale for an identifier such as ``"fr_FR"`` or ``"en-GB"``.

    Raises:
        UnknownLocaleError: babel does not know *locale*.

    >>> parse_locale("fr-FR")
    Locale('fr', territory='FR')
    """
    if isinstance(locale, Locale):
        return locale
    if not isinstance(locale, str):
        raise UnknownLocaleError(locale)
    return _parse_locale(locale.replace("-", "_"))


def format_money(money: Money, locale: object, *, rounding: str = ROUND_HALF_UP) -> str:
    """Return *money* rounded to its minor unit and formatted for *locale*.

    Rounding is paxbill's (half-up by default), never babel's half-even.

    >>> from paxbill import Money
    >>> format_money(Money("2.125", "GBP"), "en_GB")
    '£2.13'
    """
    parsed = parse_locale(locale)
    pattern = parsed.currency_formats["standard"]
    rounded = money.round(rounding=rounding)
    with _context_for(rounded.amount):
        return pattern.apply(  # type: ignore[no-any-return]
            rounded.amount, parsed, currency=rounded.currency, currency_digits=True
        )


def format_number(number: Decimal | int, locale: object) -> str:
    r"""Return a plain number formatted for *locale*, every digit kept.

    >>> format_number(1234, "fr_FR") == "1\u202f234"
    True
    """
    with _context_for(Decimal(number)):
        return format_decimal(
            number, locale=parse_locale(locale), decimal_quantization=False
        )


def format_percent_value(percent: Decimal, locale: object) -> str:
    """Return a percentage (``15`` for 15 %) formatted for *locale*.

    >>> format_percent_value(Decimal("15"), "en_GB")
    '15%'
    """
    with _context_for(percent):
        return format_percent(
            percent / 100, locale=parse_locale(locale), decimal_quantization=False
        )
