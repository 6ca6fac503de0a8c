"""The identifiers on an invoice, checked by their own rules.

A SIREN (nine digits) and a SIRET (fourteen) carry a Luhn check digit; an
IBAN and a SEPA creditor identifier carry ISO 7064 mod 97-10 check digits;
a BIC has a fixed shape and a country; an electronic address is a CEF EAS
scheme and an identifier, written ``"SCHEME:ID"``.

>>> to_siren("732 829 320"), is_luhn("73282932000074")
('732829320', True)
>>> to_iban("fr76 3000 6000 0112 3456 7890 189")
'FR7630006000011234567890189'
>>> to_electronic_address("0225:732829320")
'0225:732829320'
"""

from __future__ import annotations

import re
from functools import cache

from paxbill.clients.invoicing._code_lists import EAS_SCHEMES
from paxbill.exceptions import ArgumentTypeError, InvalidIdentifierError

__all__ = [
    "is_country",
    "is_luhn",
    "to_bic",
    "to_creditor_id",
    "to_electronic_address",
    "to_iban",
    "to_siren",
    "to_siret",
]

_BIC = re.compile(r"[A-Z]{4}([A-Z]{2})[A-Z0-9]{2}([A-Z0-9]{3})?")
_IBAN = re.compile(r"[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}")
_CREDITOR_ID = re.compile(r"[A-Z]{2}[0-9]{2}[A-Z0-9]{3}[A-Z0-9]{1,28}")
_ADDRESS_ID = re.compile(r"[^\s:][^\s]*")
#: The longest electronic address identifier (BR-FR-25, Peppol's 125 too).
MAX_ADDRESS = 125


_COUNTRY = re.compile(r"[A-Z]{2}")


@cache
def _countries() -> frozenset[str]:
    # babel's territory data, loaded on first use only: CLDR's territories
    # with a currency are the ISO 3166 countries, less the groupings.
    from babel.core import get_global

    return frozenset(
        code
        for code in get_global("territory_currencies")
        if _COUNTRY.fullmatch(code) and code not in ("EU", "ZZ")
    )


def is_country(code: str) -> bool:
    """Whether *code* is an ISO 3166 alpha-2 country code, such as ``"FR"``."""
    return code in _countries()


def _compact(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise ArgumentTypeError(value, "a str", what=what)
    return "".join(value.split()).upper()


def is_luhn(digits: str) -> bool:
    """Whether *digits* pass the Luhn check, as a SIREN or a SIRET does."""
    total = 0
    for position, digit in enumerate(reversed(digits)):
        value = int(digit) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def to_siren(value: object) -> str:
    """Return *value* as a SIREN: nine digits with a valid Luhn check digit.

    Raises:
        InvalidIdentifierError: not nine digits, or a wrong check digit.
    """
    siren = _compact(value, "SIREN")
    if not (len(siren) == 9 and siren.isdigit() and siren.isascii()):
        raise InvalidIdentifierError(value, "SIREN", "is not nine digits")
    if not is_luhn(siren):
        raise InvalidIdentifierError(value, "SIREN", "has a wrong check digit")
    return siren


def to_siret(value: object) -> str:
    """Return *value* as a SIRET: fourteen digits, a SIREN and an establishment.

    Raises:
        InvalidIdentifierError: not fourteen digits, or a wrong check digit.
    """
    siret = _compact(value, "SIRET")
    if not (len(siret) == 14 and siret.isdigit() and siret.isascii()):
        raise InvalidIdentifierError(value, "SIRET", "is not fourteen digits")
    to_siren(siret[:9])
    if not is_luhn(siret):
        raise InvalidIdentifierError(value, "SIRET", "has a wrong check digit")
    return siret


def _mod97(text: str) -> int:
    """ISO 7064 mod 97-10 of *text*, letters counted A=10 to Z=35."""
    return int("".join(str(int(c, 36)) for c in text)) % 97


def to_iban(value: object) -> str:
    """Return *value* as an IBAN, spaces dropped, its check digits verified.

    Raises:
        InvalidIdentifierError: not the shape of an IBAN, or wrong check digits.
    """
    iban = _compact(value, "IBAN")
    if not (_IBAN.fullmatch(iban) and iban.isascii()):
        raise InvalidIdentifierError(
            value, "IBAN", "is not an IBAN: a country, two check digits, an account"
        )
    if _mod97(iban[4:] + iban[:4]) != 1:
        raise InvalidIdentifierError(value, "IBAN", "has wrong check digits")
    return iban


def to_bic(value: object) -> str:
    """Return *value* as a BIC: 8 or 11 characters, bank, country, place, branch.

    Raises:
        InvalidIdentifierError: not the shape of a BIC, or an unknown country.
    """
    bic = _compact(value, "BIC")
    match = _BIC.fullmatch(bic)
    if match is None or not bic.isascii():
        raise InvalidIdentifierError(
            value, "BIC", "is not a BIC of 8 or 11 letters and digits"
        )
    if not is_country(match.group(1)):
        raise InvalidIdentifierError(value, "BIC", "names no country")
    return bic


def to_creditor_id(value: object) -> str:
    """Return *value* as a SEPA creditor identifier, its check digits verified.

    The check digits cover the country and the national identifier, not
    the three characters of the creditor's business code between them.

    Raises:
        InvalidIdentifierError: not its shape, or wrong check digits.
    """
    creditor = _compact(value, "creditor identifier")
    if not _CREDITOR_ID.fullmatch(creditor):  # its classes are ASCII only
        raise InvalidIdentifierError(
            value, "creditor identifier", "is not a SEPA creditor identifier"
        )
    if _mod97(creditor[7:] + creditor[:4]) != 1:
        raise InvalidIdentifierError(
            value, "creditor identifier", "has wrong check digits"
        )
    return creditor


def to_electronic_address(value: object) -> str:
    """Return *value* as ``"SCHEME:ID"``: a CEF EAS scheme code and an identifier.

    Raises:
        InvalidIdentifierError: no scheme, an unknown scheme, or an
            identifier with spaces or of more than 125 characters.
    """
    if not isinstance(value, str):
        raise ArgumentTypeError(
            value, "a str such as '0225:732829320'", what="electronic_address"
        )
    scheme, colon, identifier = value.strip().partition(":")
    if not colon:
        raise InvalidIdentifierError(
            value,
            "electronic address",
            "has no scheme: write it 'SCHEME:ID', such as '0225:732829320'",
        )
    scheme = scheme.strip().upper()
    identifier = identifier.strip()
    if scheme not in EAS_SCHEMES:
        raise InvalidIdentifierError(
            value,
            "electronic address",
            f"has the scheme {scheme!r}, which is not a CEF EAS code such as "
            "'0225' (French SIREN) or '0088' (GLN)",
        )
    if not _ADDRESS_ID.fullmatch(identifier) or len(identifier) > MAX_ADDRESS:
        raise InvalidIdentifierError(
            value,
            "electronic address",
            f"needs an identifier of 1 to {MAX_ADDRESS} characters without spaces",
        )
    return f"{scheme}:{identifier}"
