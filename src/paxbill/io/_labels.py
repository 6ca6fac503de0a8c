"""The word for each of paxbill's enums, in the language of a locale.

>>> from paxbill import InvoiceStatus, label
>>> [label(InvoiceStatus.OVERDUE, loc) for loc in ("fr_FR", "en_GB", "de_DE")]
['en retard', 'overdue', 'überfällig']
"""

from __future__ import annotations

import enum

from paxbill.core.periods import BillingTerm
from paxbill.exceptions import ArgumentTypeError
from paxbill.io._words import text

__all__ = ["label"]


def label(value: enum.Enum | BillingTerm | None, locale: object) -> str:
    """Return the word for one of paxbill's enums in the language of *locale*.

    It names invoice states, payment methods, account types, billing
    frequencies and terms, in English where paxbill has no words in that
    language. None, the type of an unpaid invoice, is ``"-"``.

    Raises:
        ArgumentTypeError: *value* is not one of those enums.
        UnknownLocaleError: babel does not know *locale*.

    >>> from paxbill import AccountType
    >>> label(AccountType.APPROVED_INSTALLER, "fr_FR")
    'installateur agréé'
    >>> label(None, "fr_FR"), label(BillingTerm(6), "fr_FR")
    ('-', '6 mois')
    """
    if value is None:
        return "-"
    if isinstance(value, BillingTerm):
        return text("term", locale).format(months=value.months)
    try:
        # Each enum member's word is kept under the key "Class.MEMBER".
        return text(f"{type(value).__name__}.{value.name}", locale)
    except (KeyError, AttributeError):
        raise ArgumentTypeError(
            value,
            "an InvoiceStatus, PaymentMethod, AccountType, BillingFrequency or"
            " BillingTerm",
            what="value to label",
        ) from None
