"""What the CII and UBL writers share: prefixed element names, amounts, numbers.

>>> from decimal import Decimal
>>> tree = Tree({"ex": "urn:example"})
>>> root = tree.element("ex:Invoice")
>>> _ = tree.add(root, "ex:Rate", number(Decimal("5.50")))
>>> b"<ex:Rate>5.50</ex:Rate>" in tree.serialise(root)
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

    def serialise(self, root: ET.Element) -> bytes:
        """The tree *root* as indented UTF-8 XML: see :func:`serialise`."""
        return serialise(root, self._namespaces)

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


def _escape_text(text: str) -> str:
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def _escape_attribute(text: str) -> str:
    text = _escape_text(text)
    for raw, entity in (
        ('"', "&quot;"),
        ("\r", "&#13;"),
        ("\n", "&#10;"),
        ("\t", "&#09;"),
    ):
        if raw in text:
            text = text.replace(raw, entity)
    return text


def serialise(root: ET.Element, namespaces: dict[str, str]) -> bytes:
    """The tree as indented UTF-8 XML, with its declaration.

    The very bytes of ``ET.indent`` then ``ET.tostring(root, "utf-8",
    xml_declaration=True)`` on a tree whose text is on its leaves and whose
    *namespaces* (prefix to URI) are registered, written in one pass,
    without ElementTree's per-element cost.
    """
    prefixes = {uri: prefix for prefix, uri in namespaces.items()}
    names: dict[str, str] = {}
    used: dict[str, str] = {}

    def name(tag: str) -> str:
        found = names.get(tag)
        if found is None:
            uri, _, local = tag[1:].partition("}")
            prefix = prefixes[uri]
            used[uri] = prefix
            found = names[tag] = f"{prefix}:{local}"
        return found

    out: list[str] = []

    def write(element: ET.Element, depth: int) -> None:
        tag = name(element.tag)
        out.append(f"<{tag}")
        for key, value in element.attrib.items():
            out.append(
                f' {name(key) if key[:1] == "{" else key}="{_escape_attribute(value)}"'
            )
        if len(element):
            out.append(">")
            pad = "\n" + "  " * (depth + 1)
            for child in element:
                out.append(pad)
                write(child, depth + 1)
            out.append(f"\n{'  ' * depth}</{tag}>")
        elif element.text:
            out.append(f">{_escape_text(element.text)}</{tag}>")
        else:
            out.append(" />")

    write(root, 0)
    declarations = "".join(
        f' xmlns:{prefix}="{_escape_attribute(uri)}"'
        for uri, prefix in sorted(used.items(), key=lambda item: item[1])
    )
    head = names[root.tag]
    body = "".join(out)
    # The root's namespaces are declared on it, before its own attributes.
    body = f"<{head}{declarations}{body[len(head) + 1 :]}"
    return ("<?xml version='1.0' encoding='utf-8'?>\n" + body).encode("utf-8")
