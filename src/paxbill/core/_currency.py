"""ISO 4217 codes and their minor units, as babel knows them."""

from __future__ import annotations

from decimal import Decimal
from functools import cache

from babel.numbers import get_currency_precision, list_currencies

from paxbill.exceptions import UnknownCurrencyError

# Every spelling seen so far, mapped to its canonical (upper-case, interned)
# code, so that checking a currency is one dict lookup after the first time.
_CANONICAL: dict[object, str] = {}


@cache
def _known_codes() -> frozenset[str]:
    return frozenset(list_currencies())


def currency_code(code: object) -> str:
    """Return the canonical upper-case ISO 4217 code for *code*.

    Raises:
        UnknownCurrencyError: *code* is not a currency code babel knows.

    >>> currency_code("eur")
    'EUR'
    """
    canonical = _CANONICAL.get(code) if isinstance(code, str) else None
    if canonical is not None:
        return canonical
    if not isinstance(code, str) or code.upper() not in _known_codes():
        raise UnknownCurrencyError(code)
    canonical = _CANONICAL.setdefault(code.upper(), code.upper())
    _CANONICAL[code] = canonical
    return canonical


@cache
def minor_unit(code: str) -> int:
    """Return the number of decimal places of a currency's minor unit.

    >>> minor_unit("EUR"), minor_unit("JPY"), minor_unit("BHD")
    (2, 0, 3)
    """
    return int(get_currency_precision(code))


@cache
def quantum(code: str) -> Decimal:
    """Return the smallest amount of a currency as a Decimal exponent.

    >>> quantum("EUR"), quantum("JPY")
    (Decimal('0.01'), Decimal('1'))
    """
    return Decimal((0, (1,), -minor_unit(code)))
