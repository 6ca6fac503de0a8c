"""Text an e-invoice cannot carry is refused where it enters; the rest is written."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paxbill import (
    ClientInvoice,
    ClientInvoiceLine,
    InvalidTextError,
    Money,
    Note,
    Party,
    to_cii_xml,
    to_ubl_xml,
)

SELLER = Party("Sécurité Dupont SARL", "FR", vat_id="FR40303265045")


def line(description: str) -> ClientInvoiceLine:
    return ClientInvoiceLine(description, 1, Money("4.00", "EUR"), "S", "20")


@pytest.mark.parametrize(
    ("character", "code"),
    [
        ("\x1b", "U+001B"),
        ("\x00", "U+0000"),
        ("\ufffe", "U+FFFE"),
        ("\ud800", "U+D800"),
    ],
)
def test_each_field_refuses_what_xml_cannot_carry(character: str, code: str) -> None:
    """A control character, a non-character or a lone surrogate, named."""
    text = f"Entry{character}app"
    code = re.escape(code)
    with pytest.raises(InvalidTextError, match=f"description holds {code}"):
        line(text)
    with pytest.raises(InvalidTextError, match=f"name holds {code}"):
        Party(text, "FR")
    with pytest.raises(InvalidTextError, match=f"address holds {code}"):
        Party("Dupont", "FR", address=[text])
    with pytest.raises(InvalidTextError, match=f"city holds {code}"):
        Party("Dupont", "FR", city=text)
    with pytest.raises(InvalidTextError, match=f"note text holds {code}"):
        Note(text)
    with pytest.raises(InvalidTextError, match=f"number holds {code}"):
        ClientInvoice(text, dt.date(2024, 1, 2), SELLER, SELLER, [line("App")])


#: Any text a field takes: every character XML 1.0 allows, tab and newlines too.
texts = st.text(
    st.characters(
        blacklist_categories=["Cs"], blacklist_characters="\ufffe\uffff"
    ).filter(lambda c: c in "\t\n\r" or ord(c) >= 0x20),
    min_size=1,
).filter(str.strip)


@given(description=texts, name=texts, note=texts)
def test_any_text_accepted_gives_xml_a_parser_reads(
    description: str, name: str, note: str
) -> None:
    """Law: whatever text a document takes, lxml parses its CII and UBL."""
    from lxml import etree  # type: ignore[import-untyped,import-not-found,unused-ignore]

    invoice = ClientInvoice(
        "F2024-0001",
        dt.date(2024, 1, 2),
        SELLER,
        Party(name, "FR"),
        [line(description)],
        notes=[Note(note)],
    )
    for xml in (to_cii_xml(invoice), to_ubl_xml(invoice)):
        etree.fromstring(xml)
