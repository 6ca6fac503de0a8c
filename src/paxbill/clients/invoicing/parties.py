"""The parties of an invoice: the installer who sells and the client who buys.

>>> seller = Party("Sécurité Dupont SARL", "FR", vat_id="FR40303265045")
>>> seller.country, seller.vat_id
('FR', 'FR40303265045')
"""

from __future__ import annotations

import re
from functools import cache

import attrs

from paxbill.exceptions import ArgumentTypeError, InvalidPartyError

__all__ = ["Party"]

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


def _to_name(value: object) -> str:
    if not isinstance(value, str):
        raise ArgumentTypeError(value, "a str", what="name")
    name = value.strip()
    if not name:
        raise InvalidPartyError(value, "is not a name: give the legal name")
    return name


def _to_country(value: object) -> str:
    if not isinstance(value, str):
        raise ArgumentTypeError(value, "an ISO 3166 alpha-2 code", what="country")
    code = value.strip().upper()
    if code not in _countries():
        raise InvalidPartyError(
            value, "is not an ISO 3166 alpha-2 country code such as 'FR' or 'GB'"
        )
    return code


def _to_vat_id(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ArgumentTypeError(value, "a str or None", what="vat_id")
    vat_id = "".join(value.split()).upper()
    if not vat_id:
        return None
    if not vat_id.isalnum():
        raise InvalidPartyError(
            value,
            "is not a VAT identifier: letters and digits only, such as 'FR40303265045'",
        )
    return vat_id


def _to_address(value: object) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, list | tuple):
        raise ArgumentTypeError(value, "a sequence of str", what="address")
    lines = tuple(value)
    for line in lines:
        if not isinstance(line, str):
            raise ArgumentTypeError(line, "a str", what="each address line")
    return lines


@attrs.frozen
class Party:
    """A seller or a buyer: who issues an invoice, and who pays it.

    Args:
        name: the legal name.
        country: the ISO 3166 alpha-2 code of the country, in any case.
        vat_id: the VAT identifier with its country prefix, spaces dropped;
            None when the party has none.
        address: the postal address, one str per line, the country aside.

    Raises:
        InvalidPartyError: an empty name, an unknown country or a VAT
            identifier with other than letters and digits.
    """

    name: str = attrs.field(converter=_to_name)
    country: str = attrs.field(converter=_to_country)
    vat_id: str | None = attrs.field(default=None, converter=_to_vat_id)
    address: tuple[str, ...] = attrs.field(default=(), converter=_to_address)
