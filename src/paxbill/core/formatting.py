r"""Formatting money and numbers for people, in their locale, with babel.

The domain never depends on a locale: ``str()`` and ``repr()`` are the same
everywhere. Only these functions take one.

>>> from paxbill import Money
>>> format_money(Money("178.50", "EUR"), "fr_FR") == "178,50\xa0€"
True
"""

from __future__ import annotations

import re
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
from babel.numbers import format_decimal, format_percent, get_currency_precision

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


__all__ = [
    "CurrencyFormat",
    "currency_format",
    "format_money",
    "format_number",
    "format_percent_value",
    "parse_locale",
]


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


class CurrencyFormat:
    """A locale's standard currency pattern for one currency, parsed once.

    Lays out an amount already rounded to the currency's digits exactly as
    babel's ``format_currency`` does (its ``NumberPattern.apply``), without
    parsing the pattern or looking up the locale's symbols on every call.

    >>> CurrencyFormat.of(parse_locale("en_GB"), "EUR").apply(Decimal("-1234.50"))
    '-€1,234.50'
    """

    __slots__ = (
        "_decimal",
        "_digits",
        "_group",
        "_grouping",
        "_min_int",
        "_quoted",
        "_sides",
    )

    def __init__(
        self,
        sides: tuple[tuple[str, str], tuple[str, str]],
        decimal: str,
        group: str,
        grouping: tuple[int, int],
        min_int: int,
        digits: int,
    ) -> None:
        self._sides = sides
        self._decimal = decimal
        self._group = group
        self._grouping = grouping
        self._min_int = min_int
        self._digits = digits
        self._quoted = "'" in decimal + group

    @classmethod
    def of(cls, locale: Locale, currency: str) -> CurrencyFormat | None:
        """Parse *locale*'s standard currency pattern for *currency*.

        Returns None for a pattern this layout does not cover (the currency's
        plural name, ``¤¤¤``), which babel then formats itself.
        """
        pattern = locale.currency_formats["standard"]
        symbols = locale.number_symbols["latn"]
        symbol = locale.currency_symbols.get(currency, currency)
        sides: list[tuple[str, str]] = []
        for sign in (0, 1):
            prefix: str = pattern.prefix[sign]
            suffix: str = pattern.suffix[sign]
            if "¤¤¤" in prefix + suffix or "'" in prefix + suffix:
                return None
            sides.append(
                (
                    prefix.replace("¤¤", currency).replace("¤", symbol),
                    suffix.replace("¤¤", currency).replace("¤", symbol),
                )
            )
        return cls(
            (sides[0], sides[1]),
            symbols["decimal"],
            symbols["group"],
            pattern.grouping,
            pattern.int_prec[0],
            int(get_currency_precision(currency)),
        )

    def apply(self, amount: Decimal) -> str:
        """Lay out *amount*, already rounded to the currency's digits."""
        text = f"{amount:f}"
        negative = text[0] == "-"
        if negative:
            text = text[1:]
        whole, _, fraction = text.partition(".")
        if len(whole) < self._min_int:
            whole = "0" * (self._min_int - len(whole)) + whole
        size = self._grouping[0]
        if len(whole) > size:
            groups = []
            while len(whole) > size:
                groups.append(whole[-size:])
                whole = whole[:-size]
                size = self._grouping[1]
            groups.append(whole)
            whole = self._group.join(reversed(groups))
        digits = self._digits
        if digits:
            fraction = (fraction + "0" * digits)[:digits]
            whole = whole + self._decimal + fraction
        prefix, suffix = self._sides[negative]
        text = prefix + whole + suffix
        if self._quoted:
            # babel strips quoted text from the whole result, so a group
            # symbol that is an apostrophe (it_CH) pairs up and vanishes.
            text = _QUOTED.sub(_unquote, text)
        return text


_QUOTED = re.compile(r"'([^']*)'")


def _unquote(match: re.Match[str]) -> str:
    return match.group(1) or "'"


_FORMATS: dict[tuple[object, str], CurrencyFormat | None] = {}


def currency_format(locale: object, currency: str) -> CurrencyFormat | None:
    """The parsed currency format of *locale* and *currency*, made once."""
    key = (locale, currency)
    try:
        return _FORMATS[key]
    except (KeyError, TypeError):
        made = CurrencyFormat.of(parse_locale(locale), currency)
        if isinstance(locale, str | Locale):
            _FORMATS[key] = made
        return made


def format_money(money: Money, locale: object, *, rounding: str = ROUND_HALF_UP) -> str:
    """Return *money* rounded to its minor unit and formatted for *locale*.

    Rounding is paxbill's (half-up by default), never babel's half-even; the
    layout is babel's standard currency pattern for the locale, parsed once
    per locale and currency.

    >>> from paxbill import Money
    >>> format_money(Money("2.125", "GBP"), "en_GB")
    '£2.13'
    """
    rounded = money.round(rounding=rounding)
    layout = currency_format(locale, rounded.currency)
    if layout is not None:
        return layout.apply(rounded.amount)
    parsed = parse_locale(locale)
    with _context_for(rounded.amount):
        return parsed.currency_formats["standard"].apply(  # type: ignore[no-any-return]
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
