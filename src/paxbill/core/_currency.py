"""ISO 4217 codes and their minor units.

Two sources set a currency's digits, each in its place (``docs/rules.md``,
"Minor units"): amounts are rounded to ISO 4217's minor unit; CLDR's cash
digits and rounding serve only for display, when a caller asks for them.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from functools import cache

from babel.core import get_global
from babel.numbers import get_currency_precision, list_currencies

from paxbill.core._iso4217 import MINOR_UNITS
from paxbill.exceptions import UnknownCurrencyError

# Every spelling seen so far, mapped to its canonical (upper-case, interned)
# code, so that checking a currency is one dict lookup after the first time.
CANONICAL_CODES: dict[object, str] = {}


@cache
def _known_codes() -> frozenset[str]:
    return frozenset(list_currencies()) | MINOR_UNITS.keys()


def currency_code(code: object) -> str:
    """Return the canonical upper-case ISO 4217 code for *code*.

    Raises:
        UnknownCurrencyError: *code* is not a currency code babel knows.

    >>> currency_code("eur")
    'EUR'
    """
    canonical = CANONICAL_CODES.get(code) if isinstance(code, str) else None
    if canonical is not None:
        return canonical
    if not isinstance(code, str) or code.upper() not in _known_codes():
        raise UnknownCurrencyError(code)
    # Interned, so that a code written in the source ("EUR") is the very
    # object Money keeps, and a currency compares by identity.
    upper = sys.intern(code.upper())
    canonical = CANONICAL_CODES.setdefault(upper, upper)
    CANONICAL_CODES[code] = canonical
    return canonical


@cache
def minor_unit(code: str) -> int:
    """Return the number of decimal places of a currency's minor unit.

    ISO 4217's minor unit for every active code; CLDR's digits only for a
    code to which ISO 4217 gives none (gold, the SDR) or that it no longer
    lists.

    >>> minor_unit("EUR"), minor_unit("JPY"), minor_unit("BHD"), minor_unit("HUF")
    (2, 0, 3, 2)
    """
    units = MINOR_UNITS.get(code)
    return int(get_currency_precision(code)) if units is None else units


@cache
def quantum(code: str) -> Decimal:
    """Return the smallest amount of a currency as a Decimal exponent.

    >>> quantum("EUR"), quantum("JPY")
    (Decimal('0.01'), Decimal('1'))
    """
    return Decimal((0, (1,), -minor_unit(code)))


@cache
def cash_quantum(code: str) -> Decimal:
    """Return the smallest amount CLDR shows of a currency paid in cash.

    CLDR's cash digits and cash rounding increment: five centimes for the
    Swiss franc, five forints for the forint. Where CLDR states none, the
    ISO quantum.

    >>> cash_quantum("CHF"), cash_quantum("HUF"), cash_quantum("EUR")
    (Decimal('0.05'), Decimal('5'), Decimal('0.01'))
    """
    fractions = get_global("currency_fractions").get(code)
    if fractions is None:
        return quantum(code)
    _, _, digits, increment = fractions
    return Decimal((0, (max(increment, 1),), -digits))
