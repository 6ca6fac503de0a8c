"""myPaxton accounts and their payment rules: due dates and automatic payment.

=====================  ==============  =================  ==========================
account type           manual payment  automatic payment  automatic payment taken
=====================  ==============  =================  ==========================
approved installer     allowed         allowed            end of the credit period
system manager         not allowed     mandatory          the 1st of each month
=====================  ==============  =================  ==========================

>>> from datetime import date
>>> due_date(AccountType.APPROVED_INSTALLER, date(2024, 5, 1))
datetime.date(2024, 5, 31)
>>> due_date(AccountType.SYSTEM_MANAGER, date(2024, 5, 1))
datetime.date(2024, 5, 1)
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Final

import attrs

from paxbill.core._dates import days_after, first_of_month_from, to_date
from paxbill.core._numbers import to_count
from paxbill.core._values import Revalidated
from paxbill.exceptions import (
    ArgumentTypeError,
    AutopayRequiredError,
    InvalidCountError,
    PaymentMethodNotAllowedError,
)

__all__ = [
    "DEFAULT_CREDIT_DAYS",
    "Account",
    "AccountType",
    "PaymentMethod",
    "autopay_date",
    "check_payment_method",
    "due_date",
]

#: An approved installer's credit period, in days.
DEFAULT_CREDIT_DAYS = 30


class AccountType(enum.Enum):
    """The kind of myPaxton account, which sets how its invoices are paid."""

    APPROVED_INSTALLER = "approved_installer"
    SYSTEM_MANAGER = "system_manager"


class PaymentMethod(enum.Enum):
    """How an invoice was paid: the portal's invoice *type*."""

    MANUAL = "manual"
    AUTOMATIC = "automatic"


def to_account_type(value: object) -> AccountType:
    """Return *value* if it is an AccountType, else raise ArgumentTypeError."""
    if not isinstance(value, AccountType):
        raise ArgumentTypeError(value, "an AccountType", what="account_type")
    return value


def _check_account_id(
    instance: Account, attribute: attrs.Attribute[str], value: str
) -> None:
    if not isinstance(value, str) or not value:
        raise ArgumentTypeError(value, "a non-empty str", what="account_id")


def _default_autopay(instance: Account) -> bool:
    return instance.account_type is AccountType.SYSTEM_MANAGER


def _check_autopay(
    instance: Account, attribute: attrs.Attribute[bool], value: bool
) -> None:
    if not isinstance(value, bool):
        raise ArgumentTypeError(value, "True or False", what="autopay")
    if instance.account_type is AccountType.SYSTEM_MANAGER and not value:
        raise AutopayRequiredError(instance.account_id)


def to_credit_days(value: object) -> int:
    """Return *value* as a credit period in days, a whole number 0 or more."""
    days = to_count(value, what="credit_days")
    if days < 0:
        raise InvalidCountError(days, what="credit_days")
    return days


@attrs.frozen
class Account(Revalidated):
    """A myPaxton account: who Paxton bills, and how it pays.

    Args:
        account_id: the account's identifier.
        account_type: an :class:`AccountType`.
        autopay: whether automatic payment is on; by default on for a system
            manager (for whom it is mandatory) and off for an approved installer.
        credit_days: an approved installer's credit period, 30 days by default.

    Raises:
        AutopayRequiredError: a system manager's account without autopay.

    >>> Account("ACME", AccountType.SYSTEM_MANAGER).autopay
    True
    """

    account_id: str = attrs.field(validator=_check_account_id)
    account_type: AccountType = attrs.field(converter=to_account_type)
    autopay: bool = attrs.field(
        default=attrs.Factory(_default_autopay, takes_self=True),
        validator=_check_autopay,
    )
    credit_days: int = attrs.field(
        default=DEFAULT_CREDIT_DAYS, converter=to_credit_days, kw_only=True
    )

    def due_date(self, issue_date: dt.date) -> dt.date:
        """Return when an invoice issued on *issue_date* falls due."""
        issued = to_date(issue_date, what="issue_date")
        return _due_after(self.account_type, issued, self.credit_days)

    def autopay_date(self, issue_date: dt.date) -> dt.date | None:
        """Return when automatic payment is taken, or None if autopay is off."""
        if not self.autopay:
            return None
        return autopay_date(self.account_type, issue_date, credit_days=self.credit_days)


def due_date(
    account_type: AccountType,
    issue_date: dt.date,
    *,
    credit_days: int = DEFAULT_CREDIT_DAYS,
) -> dt.date:
    """Return the due date of an invoice issued on *issue_date*.

    An approved installer has *credit_days* of credit; a system manager's
    invoice is due on its issue date.

    >>> due_date(AccountType.APPROVED_INSTALLER, dt.date(2024, 2, 1))
    datetime.date(2024, 3, 2)
    """
    issued = to_date(issue_date, what="issue_date")
    return _due_after(
        to_account_type(account_type), issued, to_credit_days(credit_days)
    )


# Looked up once: on Python 3.11, comparing with an enum member read off its
# class takes some 150 ns each time; with a module constant, under 20.
_SYSTEM_MANAGER: Final = AccountType.SYSTEM_MANAGER


def _due_after(account_type: AccountType, issued: dt.date, credit_days: int) -> dt.date:
    """The due date, from values already checked: the rule itself."""
    if account_type is _SYSTEM_MANAGER:
        return issued
    return days_after(issued, credit_days)


def autopay_date(
    account_type: AccountType,
    issue_date: dt.date,
    *,
    credit_days: int = DEFAULT_CREDIT_DAYS,
) -> dt.date:
    """Return when automatic payment is taken for an invoice issued on *issue_date*.

    For a system manager, on the 1st day of the month: the issue date itself
    when it is a 1st, as invoices are, else the next 1st. For an approved
    installer, at the end of the credit period, which is the due date.

    >>> autopay_date(AccountType.SYSTEM_MANAGER, dt.date(2024, 6, 1))
    datetime.date(2024, 6, 1)
    >>> autopay_date(AccountType.APPROVED_INSTALLER, dt.date(2024, 6, 1))
    datetime.date(2024, 7, 1)
    """
    issued = to_date(issue_date, what="issue_date")
    if to_account_type(account_type) is AccountType.SYSTEM_MANAGER:
        return first_of_month_from(issued)
    return due_date(account_type, issued, credit_days=credit_days)


def check_payment_method(account: Account, method: PaymentMethod) -> None:
    """Raise if *account* may not pay by *method*.

    Raises:
        PaymentMethodNotAllowedError: a manual payment on a system manager's
            account, or an automatic one on an account without autopay.
    """
    if not isinstance(method, PaymentMethod):
        raise ArgumentTypeError(method, "a PaymentMethod", what="method")
    if method is PaymentMethod.MANUAL and (
        account.account_type is AccountType.SYSTEM_MANAGER
    ):
        raise PaymentMethodNotAllowedError(
            account.account_type,
            method,
            "a system manager's account is paid automatically only",
        )
    if method is PaymentMethod.AUTOMATIC and not account.autopay:
        raise PaymentMethodNotAllowedError(
            account.account_type,
            method,
            f"account {account.account_id!r} has automatic payment off; "
            "turn autopay on or pay manually",
        )
