"""paxbill's XML writer gives the very bytes ElementTree gives, faster."""

from __future__ import annotations

import copy
from xml.etree import ElementTree as ET

from hypothesis import given
from hypothesis import strategies as st

from paxbill import ClientInvoice, CreditNote, to_cii_xml, to_ubl_xml
from paxbill.io._xml_writing import Tree
from tests.strategies import CURRENCIES, client_invoices


def by_element_tree(root: ET.Element) -> bytes:
    tree = copy.deepcopy(root)
    ET.indent(tree)
    xml: bytes = ET.tostring(tree, encoding="utf-8", xml_declaration=True)
    return xml


texts = st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]))


@given(texts=st.lists(texts, min_size=1, max_size=5), value=texts)
def test_the_bytes_are_element_tree_s(texts: list[str], value: str) -> None:
    """Escaped text and attributes, empty and nested elements, as ET writes them."""
    tree = Tree({"a": "urn:example:a", "b": "urn:example:b"})
    root = tree.element("a:Root", id=value)
    holder = tree.add(root, "b:Holder")
    tree.add(holder, "a:Empty")
    for text in texts:
        tree.add(holder, "b:Text", text, code=value)
    assert tree.serialise(root) == by_element_tree(root)


@given(invoice=client_invoices(currencies=CURRENCIES))
def test_each_e_invoice_is_what_element_tree_writes(invoice: ClientInvoice) -> None:
    """Law: the CII and UBL of any document, read and written again by ET, agree."""
    documents: list[ClientInvoice | CreditNote] = [invoice, *invoice.credit_notes]
    for write in (to_cii_xml, to_ubl_xml):
        for document in documents:
            xml = write(document)
            assert by_element_tree(ET.fromstring(xml)) == xml
