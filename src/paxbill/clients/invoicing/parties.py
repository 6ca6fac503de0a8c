"""The parties of an invoice: the installer who sells and the client who buys.

A party carries what EN 16931 and the French reform ask of it: its legal
registration (BT-30, BT-47: a French party's SIREN), its VAT identifier,
a structured postal address, its electronic address (BT-34, BT-49), and,
for the seller's printable page, its legal form, share capital and registry.

>>> seller = Party(
...     "Sécurité Dupont SARL", "FR", vat_id="FR40303265045",
...     legal_id="303 265 045 00003", postcode="69003", city="Lyon",
...     electronic_address="0225:303265045",
... )
>>> seller.legal_id, seller.siret, seller.electronic_address
('303265045', '30326504500003', '0225:303265045')
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import attrs

from paxbill.clients.invoicing._identifiers import (
    is_country,
    to_electronic_address,
    to_siren,
    to_siret,
)
from paxbill.core._text import xml_text
from paxbill.core._values import Revalidated
from paxbill.core.money import Money
from paxbill.exceptions import (
    ArgumentTypeError,
    InvalidIdentifierError,
    InvalidPartyError,
)

__all__ = ["MAX_ADDRESS_LINES", "Party"]

#: The lines of a postal address besides post code, city and country (BT-35
#: to BT-162, BT-50 to BT-163): EN 16931 has room for three.
MAX_ADDRESS_LINES = 3

#: The VAT prefixes that are not the ISO code of their country: Greece's.
_VAT_PREFIXES = frozenset({"EL"})
_LEGAL_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9+\-_./]*")


def _to_name(value: object) -> str:
    if not isinstance(value, str):
        raise ArgumentTypeError(value, "a str", what="name")
    name = xml_text(value.strip(), what="name")
    if not name:
        raise InvalidPartyError(value, "is not a name: give the legal name")
    return name


def to_country(value: object) -> str:
    if not isinstance(value, str):
        raise ArgumentTypeError(value, "an ISO 3166 alpha-2 code", what="country")
    code = value.strip().upper()
    if not is_country(code):
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
    if not vat_id.isalnum() or not vat_id.isascii():
        raise InvalidPartyError(
            value,
            "is not a VAT identifier: letters and digits only, such as 'FR40303265045'",
        )
    prefix = vat_id[:2]
    if not (prefix in _VAT_PREFIXES or is_country(prefix)) or len(vat_id) < 3:
        # BR-CO-09: the identifier starts with the code of its country.
        raise InvalidPartyError(
            value,
            "is not a VAT identifier: it starts with its country's code, such as "
            "'FR' in 'FR40303265045' (BR-CO-09)",
        )
    return vat_id


def to_address(value: object) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, list | tuple):
        raise ArgumentTypeError(value, "a sequence of str", what="address")
    lines = tuple(value)
    for line in lines:
        if not isinstance(line, str):
            raise ArgumentTypeError(line, "a str", what="each address line")
        xml_text(line, what="address")
    if len(lines) > MAX_ADDRESS_LINES:
        raise InvalidPartyError(
            value,
            f"has {len(lines)} lines: an address has at most {MAX_ADDRESS_LINES} "
            "besides the post code, the city and the country; give those as "
            "postcode and city",
        )
    return lines


def to_optional_text(what: str) -> Callable[[object], str | None]:
    """A converter to a str without the spaces around it, or None for none."""

    def convert(value: object) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str):
            raise ArgumentTypeError(value, "a str or None", what=what)
        return xml_text(value.strip(), what=what) or None

    return convert


def _to_legal_id(value: object) -> str | None:
    text: str | None = to_optional_text("legal_id")(value)
    if text is None:
        return None
    compact = "".join(text.split())
    if not _LEGAL_ID.fullmatch(compact):
        raise InvalidIdentifierError(
            value, "legal_id", "is not an identifier: letters, digits and + - _ . /"
        )
    return compact


def _to_address_or_none(value: object) -> str | None:
    return None if value is None else to_electronic_address(value)


def _check_capital(instance: Any, attribute: Any, value: Any) -> None:
    if value is not None and not isinstance(value, Money):
        raise ArgumentTypeError(value, "a Money or None", what="share_capital")


def _to_siret(value: object) -> str | None:
    converted: str | None = to_optional_text("siret")(value)
    return converted


def to_postcode(value: object) -> str | None:
    """A post code (BT-38), or None; a party's and a delivery's alike."""
    converted: str | None = to_optional_text("postcode")(value)
    return converted


def to_city(value: object) -> str | None:
    """A city (BT-37), or None; a party's and a delivery's alike."""
    converted: str | None = to_optional_text("city")(value)
    return converted


def _to_legal_form(value: object) -> str | None:
    converted: str | None = to_optional_text("legal_form")(value)
    return converted


def _to_registry(value: object) -> str | None:
    converted: str | None = to_optional_text("registry")(value)
    return converted


@attrs.frozen
class Party(Revalidated):
    """A seller or a buyer: who issues an invoice, and who pays it.

    Args:
        name: the legal name.
        country: the ISO 3166 alpha-2 code of the country, in any case.
        vat_id: the VAT identifier with its country prefix, spaces dropped;
            None when the party has none.
        address: the street lines of the postal address, at most three;
            the post code, the city and the country apart.
        legal_id: the legal registration identifier (BT-30, BT-47). For a
            French party its SIREN, nine digits with their check digit; a
            SIRET of fourteen is taken too, and its SIREN kept here.
        siret: a French party's SIRET, the SIREN and its establishment;
            set from *legal_id* when that is a SIRET.
        postcode: the post code.
        city: the city.
        electronic_address: where e-invoices reach it (BT-34, BT-49), written
            ``"SCHEME:ID"`` with the CEF EAS scheme, such as ``"0225:732829320"``.
        legal_form: the seller's legal form, such as « SARL », for its page.
        share_capital: the seller's share capital, for its page.
        registry: the seller's trade registry, such as « RCS Lyon ».

    Raises:
        InvalidPartyError: an empty name, an unknown country, a VAT
            identifier that is not one, or more than three address lines.
        InvalidIdentifierError: a SIREN or SIRET with a wrong check digit,
            a SIRET of another SIREN, or an electronic address without a
            known scheme.
    """

    name: str = attrs.field(converter=_to_name)
    country: str = attrs.field(converter=to_country)
    vat_id: str | None = attrs.field(default=None, converter=_to_vat_id)
    address: tuple[str, ...] = attrs.field(default=(), converter=to_address)
    legal_id: str | None = attrs.field(default=None, converter=_to_legal_id)
    siret: str | None = attrs.field(default=None, converter=_to_siret)
    postcode: str | None = attrs.field(default=None, converter=to_postcode)
    city: str | None = attrs.field(default=None, converter=to_city)
    electronic_address: str | None = attrs.field(
        default=None, converter=_to_address_or_none
    )
    legal_form: str | None = attrs.field(default=None, converter=_to_legal_form)
    share_capital: Money | None = attrs.field(default=None, validator=_check_capital)
    registry: str | None = attrs.field(default=None, converter=_to_registry)

    def __attrs_post_init__(self) -> None:
        legal_id, siret = self.legal_id, self.siret
        if self.country == "FR" and legal_id is not None:
            if len(legal_id) == 14:
                siret = to_siret(legal_id) if siret is None else siret
                legal_id = legal_id[:9]
            legal_id = to_siren(legal_id)
        if siret is not None:
            siret = to_siret(siret)
            if legal_id is None:
                legal_id = siret[:9]
            elif siret[:9] != legal_id:
                # BR-FR-09: a SIRET starts with the SIREN of its company.
                raise InvalidIdentifierError(
                    siret, "SIRET", f"does not start with the SIREN {legal_id}"
                )
        object.__setattr__(self, "legal_id", legal_id)
        object.__setattr__(self, "siret", siret)

    @property
    def is_french(self) -> bool:
        """Whether the party is established in France."""
        return self.country == "FR"
