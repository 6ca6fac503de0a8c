"""Tests for paxbill.paxton.accounts: account types, due dates and automatic payment."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given

from paxbill import (
    Account,
    AccountType,
    ArgumentTypeError,
    AutopayRequiredError,
    InvalidCountError,
    autopay_date,
    due_date,
)
from tests.strategies import dates

D = dt.date
INSTALLER = AccountType.APPROVED_INSTALLER
MANAGER = AccountType.SYSTEM_MANAGER


def test_installer_due_after_30_days() -> None:
    """An approved installer's invoice of 2024-05-01 is due on 2024-05-31."""
    assert due_date(INSTALLER, D(2024, 5, 1)) == D(2024, 5, 31)
    assert due_date(INSTALLER, D(2024, 2, 1)) == D(2024, 3, 2)  # leap February
    assert due_date(INSTALLER, D(2024, 5, 1), credit_days=45) == D(2024, 6, 15)


def test_system_manager_due_on_issue() -> None:
    """A system manager's invoice is due on its issue date."""
    assert due_date(MANAGER, D(2024, 5, 1)) == D(2024, 5, 1)


def test_autopay_dates() -> None:
    """Automatic payment: on the 1st for a system manager, at the due date otherwise."""
    assert autopay_date(MANAGER, D(2024, 6, 1)) == D(2024, 6, 1)
    assert autopay_date(MANAGER, D(2024, 6, 15)) == D(2024, 7, 1)
    assert autopay_date(MANAGER, D(2024, 12, 2)) == D(2025, 1, 1)
    assert autopay_date(INSTALLER, D(2024, 6, 1)) == D(2024, 7, 1)
    assert autopay_date(INSTALLER, D(2024, 6, 1), credit_days=10) == D(2024, 6, 11)


@given(dates)
def test_autopay_for_an_installer_is_the_due_date(issued: dt.date) -> None:
    """Law: an approved installer's automatic payment is taken on the due date."""
    assert autopay_date(INSTALLER, issued) == due_date(INSTALLER, issued)
    taken = autopay_date(MANAGER, issued)
    assert taken.day == 1
    assert issued <= taken < issued + dt.timedelta(days=31)


def test_account_defaults() -> None:
    """Autopay is on by default for a system manager and off for an installer."""
    assert Account("SM", MANAGER).autopay is True
    assert Account("AI", INSTALLER).autopay is False
    assert Account("AI", INSTALLER, True).autopay_date(D(2024, 6, 1)) == D(2024, 7, 1)
    assert Account("AI", INSTALLER).autopay_date(D(2024, 6, 1)) is None
    assert Account("AI", INSTALLER, credit_days=14).due_date(D(2024, 6, 1)) == D(
        2024, 6, 15
    )


def test_system_manager_without_autopay() -> None:
    """It raises AutopayRequiredError, a ValueError: autopay is mandatory."""
    with pytest.raises(AutopayRequiredError) as raised:
        Account("SM-9", MANAGER, autopay=False)
    assert isinstance(raised.value, ValueError)
    assert raised.value.account_id == "SM-9"


def test_bad_account_fields() -> None:
    """It refuses a type that is not an AccountType, a bad id, autopay or credit."""
    with pytest.raises(ArgumentTypeError):
        Account("A", "approved_installer")
    with pytest.raises(ArgumentTypeError):
        Account("", INSTALLER)
    with pytest.raises(ArgumentTypeError):
        Account("A", INSTALLER, autopay="yes")  # type: ignore[arg-type]
    with pytest.raises(InvalidCountError):
        Account("A", INSTALLER, credit_days=-1)
    with pytest.raises(ArgumentTypeError):
        due_date("system manager", D(2024, 5, 1))  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError):
        due_date(INSTALLER, dt.datetime(2024, 5, 1))
