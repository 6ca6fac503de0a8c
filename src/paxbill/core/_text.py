"""Text that an e-invoice can carry: the characters of XML 1.0, and no others.

A C0 control character other than tab, line feed and carriage return, a
lone surrogate, U+FFFE or U+FFFF cannot be written in XML 1.0: a text
holding one is refused where it enters, by the field's name and the
character's code point, rather than written into a file no parser reads.

>>> xml_text("Badges 🔑 & « accès »", what="description")
'Badges 🔑 & « accès »'
>>> try:
...     xml_text("Entry" + chr(27) + "[31m", what="description")
... except ValueError as error:
...     print(error)
description holds U+001B, a character an e-invoice cannot carry: remove it
"""

from __future__ import annotations

import re

from paxbill.exceptions import InvalidTextError

__all__ = ["xml_text"]

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str, *, what: str) -> str:
    """Return *text* when XML 1.0 can carry every character of it.

    Raises:
        InvalidTextError: a character XML cannot carry, named by its code point.
    """
    found = _NOT_XML.search(text)
    if found is not None:
        raise InvalidTextError(what, found.group())
    return text
