r"""Formatting money and numbers for people, in their locale, with babel.

The domain never depends on a locale: ``str()`` and ``repr()`` are the same
everywhere. Only these functions take one.

>>> format_amount(Decimal("178.50"), "EUR", "fr_FR") == "178,50\xa0€"
True
"""

from __future__ import annotations

import unicodedata
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

from babel import Locale
from babel.core import UnknownLocaleError as _BabelUnknownLocale
from babel.numbers import format_decimal, format_percent

from paxbill.core._cldr import (
    CURRENCY_AFFIXES,
    MIN_GROUPING_DIGITS,
    NUMBERING_DIGITS,
)
from paxbill.core._currency import cash_quantum, quantum
from paxbill.core._numbers import ARITHMETIC
from paxbill.exceptions import UnknownLocaleError

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
    "format_amount",
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
    r"""A locale's standard currency layout for one currency, made once.

    Lays out an amount as CLDR specifies and ICU prints it: the locale's
    default numbering system (its digits and symbols), the currency decimal
    and grouping symbols where the locale has them, the minimum grouping
    digits, and the currency spacing between a letter symbol and a digit.
    ``docs/rules.md`` ("Formatting") states the rule; babel gives the
    patterns and symbols, ``_cldr.py`` what babel does not ship.

    >>> CurrencyFormat.of(parse_locale("en_GB"), "CHF", 2).apply(Decimal("-1234.50"))
    '-CHF\xa01,234.50'
    """

    __slots__ = (
        "_decimal",
        "_digits",
        "_group",
        "_grouping",
        "_min_grouping",
        "_sides",
        "_translation",
    )

    def __init__(
        self,
        sides: tuple[tuple[str, str], tuple[str, str]],
        symbols: tuple[str, str],
        grouping: tuple[int, int],
        min_grouping: int,
        digits: int,
        translation: dict[int, int] | None,
    ) -> None:
        self._sides = sides
        self._decimal, self._group = symbols
        self._grouping = grouping
        self._min_grouping = min_grouping
        self._digits = digits
        self._translation = translation

    @classmethod
    def of(cls, locale: Locale, currency: str, digits: int) -> CurrencyFormat:
        """Make *locale*'s standard layout of *currency* with *digits* decimals."""
        pattern = locale.currency_formats["standard"]
        system = locale.default_numbering_system
        # A system's symbols fall back on the Latin system's (bn's "beng").
        symbols = {**locale.number_symbols["latn"], **locale.number_symbols[system]}
        symbol = locale.currency_symbols.get(currency, currency)
        minus = symbols["minusSign"]
        affixes = CURRENCY_AFFIXES.get(str(locale)) or (
            (pattern.prefix[0], pattern.suffix[0]),
            (
                pattern.prefix[1].replace("-", minus),
                pattern.suffix[1].replace("-", minus),
            ),
        )
        sides = [
            (
                _side(prefix, symbol, currency, before=True),
                _side(suffix, symbol, currency, before=False),
            )
            for prefix, suffix in affixes
        ]
        zero_to_nine = NUMBERING_DIGITS.get(system)
        return cls(
            (sides[0], sides[1]),
            (
                symbols.get("currencyDecimal", symbols["decimal"]),
                symbols.get("currencyGroup", symbols["group"]),
            ),
            pattern.grouping,
            MIN_GROUPING_DIGITS.get(str(locale), 1),
            digits,
            None if zero_to_nine is None else str.maketrans("0123456789", zero_to_nine),
        )

    def apply(self, amount: Decimal) -> str:
        """Lay out *amount*, already rounded to the layout's digits."""
        text = f"{amount:f}"
        negative = text[0] == "-"
        if negative:
            text = text[1:]
        whole, _, fraction = text.partition(".")
        size = self._grouping[0]
        if len(whole) >= size + self._min_grouping:
            groups = []
            while len(whole) > size:
                groups.append(whole[-size:])
                whole = whole[:-size]
                size = self._grouping[1]
            groups.append(whole)
            whole = self._group.join(reversed(groups))
        digits = self._digits
        if digits:
            whole = whole + self._decimal + (fraction + "0" * digits)[:digits]
        if self._translation is not None:
            whole = whole.translate(self._translation)
        prefix, suffix = self._sides[negative]
        return prefix + whole + suffix


def _side(affix: str, symbol: str, code: str, *, before: bool) -> str:
    """One side of a pattern, minus sign in place, with its currency symbol.

    CLDR's currency spacing (root's rule, which no locale overrides): a
    symbol next to the number whose facing character is neither a symbol
    nor a space (``CHF``, not ``€``) is kept apart from the digit by a
    no-break space.
    """
    text = affix.replace("'", "")
    shown = code if "¤¤" in text else symbol
    text = text.replace("¤¤¤", "¤").replace("¤¤", "¤")
    if before:
        facing, touches = shown[-1:], text.endswith("¤")
    else:
        facing, touches = shown[:1], text.startswith("¤")
    if touches and facing and unicodedata.category(facing)[0] not in ("S", "Z"):
        shown = shown + "\xa0" if before else "\xa0" + shown
    return text.replace("¤", shown)


_FORMATS: dict[tuple[object, str, int], CurrencyFormat] = {}


def currency_format(locale: object, currency: str, digits: int) -> CurrencyFormat:
    """The layout of *locale* and *currency* with *digits* decimals, made once."""
    key = (locale, currency, digits)
    try:
        return _FORMATS[key]
    except (KeyError, TypeError):
        made = CurrencyFormat.of(parse_locale(locale), currency, digits)
        if isinstance(locale, str | Locale):
            _FORMATS[key] = made
        return made


def format_amount(
    amount: Decimal,
    currency: str,
    locale: object,
    *,
    rounding: str = ROUND_HALF_UP,
    cash: bool = False,
) -> str:
    r"""Return *amount* of *currency* rounded to its minor unit, for *locale*.

    What :func:`~paxbill.format_money` lays out: rounding is paxbill's
    (half-up by default), to the currency's ISO 4217 minor unit; with
    ``cash=True``, to CLDR's cash digits and increment instead (five
    centimes for the Swiss franc). The layout is CLDR's, as ICU prints it
    (``docs/rules.md``, "Formatting").

    >>> format_amount(Decimal("2.125"), "GBP", "en_GB")
    '£2.13'
    """
    if cash:
        step = cash_quantum(currency)
        steps = ARITHMETIC.divide(amount, step).to_integral_value(rounding)
        rounded = ARITHMETIC.multiply(steps, step)
    else:
        step = quantum(currency)
        rounded = amount.quantize(step, rounding, _WIDE)
    digits = -int(step.as_tuple().exponent)
    return currency_format(locale, currency, digits).apply(rounded)


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
