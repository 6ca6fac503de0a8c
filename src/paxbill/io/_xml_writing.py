"""What the CII and UBL writers share: prefixed element names, amounts, numbers.

>>> from decimal import Decimal
>>> tree = Tree({"ex": "urn:example"})
>>> root = tree.element("ex:Invoice")
>>> _ = tree.add(root, "ex:Rate", number(Decimal("5.50")))
>>> b"<ex:Rate>5.50</ex:Rate>" in serialise(root)
True
"""

from __future__ import annotations

from decimal import Decimal
from xml.etree import ElementTree as ET

from paxbill.clients.invoicing._amounts import round_amount
from paxbill.core.money import Money

__all__ = ["Tree", "amount", "number", "serialise"]


class Tree:
    """Makes the elements of one XML vocabulary from ``prefix:Local`` names."""

    __slots__ = ("_namespaces",)

    def __init__(self, namespaces: dict[str, str]) -> None:
        self._namespaces = namespaces
        for prefix, uri in namespaces.items():
            ET.register_namespace(prefix, uri)

    def tag(self, name: str) -> str:
        """The element's name in Clark notation, ``{uri}Local``."""
        prefix, local = name.split(":")
        return f"{{{self._namespaces[prefix]}}}{local}"

    def element(self, name: str, **attrib: str) -> ET.Element:
        """A root element."""
        return ET.Element(self.tag(name), attrib)

    def add(
        self, parent: ET.Element, name: str, text: str | None = None, **attrib: str
    ) -> ET.Element:
        """A child of *parent*, with *text* when given."""
        element = ET.SubElement(parent, self.tag(name), attrib)
        if text is not None:
            element.text = text
        return element

    def optional(self, parent: ET.Element, name: str, text: str | None) -> None:
        """A child of *parent* holding *text*, when *text* is not None."""
        if text is not None:
            self.add(parent, name, text)


def amount(money: Money) -> str:
    """An amount as EN 16931 writes it: rounded to the minor unit, never exponent."""
    return f"{round_amount(money).amount:f}"


def number(value: Decimal) -> str:
    """A quantity, price or rate, never in exponent form."""
    return f"{value:f}"


def serialise(root: ET.Element) -> bytes:
    """The tree as indented UTF-8 XML, with its declaration."""
    ET.indent(root)
    xml: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return xml
