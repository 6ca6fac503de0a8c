"""Tests for paxbill.label: the portal's words in French and English."""

from __future__ import annotations

import enum

import pytest

from paxbill import (
    AccountType,
    ArgumentTypeError,
    BillingFrequency,
    InvoiceStatus,
    PaymentMethod,
    UnknownLocaleError,
    label,
)

FRENCH = {
    InvoiceStatus.INVOICED: "facture",
    InvoiceStatus.OVERDUE: "en retard",
    InvoiceStatus.PAID: "payé",
    PaymentMethod.MANUAL: "manuel",
    PaymentMethod.AUTOMATIC: "automatique",
    AccountType.APPROVED_INSTALLER: "installateur agréé",
    AccountType.SYSTEM_MANAGER: "gestionnaire de système",
}
ENGLISH = {
    InvoiceStatus.INVOICED: "invoiced",
    InvoiceStatus.OVERDUE: "overdue",
    InvoiceStatus.PAID: "paid",
    PaymentMethod.MANUAL: "manual",
    PaymentMethod.AUTOMATIC: "automatic",
    AccountType.APPROVED_INSTALLER: "approved installer",
    AccountType.SYSTEM_MANAGER: "system manager",
}


@pytest.mark.parametrize(("value", "word"), FRENCH.items())
def test_french_as_the_portal_writes_them(value: enum.Enum, word: str) -> None:
    """It gives the portal's French words, case aside."""
    assert label(value, "fr_FR") == word
    assert label(value, "fr_BE") == word


@pytest.mark.parametrize(("value", "word"), ENGLISH.items())
def test_english(value: enum.Enum, word: str) -> None:
    """It gives the English words."""
    assert label(value, "en_GB") == word


def test_every_enum_member_has_every_language() -> None:
    """Every member of every labelled enum has its word in each catalog."""
    for kind in (InvoiceStatus, PaymentMethod, AccountType, BillingFrequency):
        for member in kind:
            english = label(member, "en_GB")
            assert label(member, "fr_FR") != english or english == "annual"
            assert label(member, "de_DE") != english
            assert label(member, "it_IT") == english  # no catalog: English


def test_unpaid_type_and_bad_values() -> None:
    """None is "-"; anything else that is not a labelled enum is refused."""
    assert label(None, "fr_FR") == "-"
    with pytest.raises(ArgumentTypeError):
        label("paid", "en_GB")  # type: ignore[arg-type]
    with pytest.raises(UnknownLocaleError):
        label(InvoiceStatus.PAID, "xx_YY")
