"""Where and when the service was delivered (EN 16931 BG-13): the deliver-to party.

An intra-community supply (VAT category ``K``) must say the country it was
delivered to and when (BR-IC-11, BR-IC-12); a document that needs them and
gives none takes the buyer's country, and the service period for the date.

>>> import datetime as dt
>>> Delivery(country="de", date=dt.date(2024, 3, 1)).country
'DE'
"""

from __future__ import annotations

import datetime as dt

import attrs

from paxbill.clients.invoicing.parties import (
    to_address,
    to_city,
    to_country,
    to_optional_text,
    to_postcode,
)
from paxbill.core._validators import is_optional_date
from paxbill.core._values import Revalidated

__all__ = ["Delivery"]


def _to_country(value: object) -> str | None:
    return None if value is None else to_country(value)


def _to_name(value: object) -> str | None:
    converted: str | None = to_optional_text("name")(value)
    return converted


@attrs.frozen
class Delivery(Revalidated):
    """The delivery of what is billed (BG-13, BG-15).

    Args:
        date: the actual delivery date (BT-72).
        country: the deliver-to country (BT-80), an ISO 3166 alpha-2 code.
        name: the deliver-to party's name (BT-70), such as a site.
        address: the street lines of the deliver-to address, at most three.
        postcode: its post code.
        city: its city.
    """

    date: dt.date | None = attrs.field(default=None, validator=is_optional_date)
    country: str | None = attrs.field(default=None, converter=_to_country)
    name: str | None = attrs.field(default=None, converter=_to_name)
    address: tuple[str, ...] = attrs.field(default=(), converter=to_address)
    postcode: str | None = attrs.field(default=None, converter=to_postcode)
    city: str | None = attrs.field(default=None, converter=to_city)

    @property
    def has_place(self) -> bool:
        """Whether it names a place, by a name, address lines, post code or city."""
        return bool(self.name or self.address or self.postcode or self.city)
