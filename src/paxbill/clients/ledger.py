"""A client's prepaid balance: the client's prepayments in, Paxton's charges out.

>>> import datetime as dt
>>> from paxbill import Money
>>> ledger = ClientLedger("ACME", "GBP")
>>> ledger = ledger.credit(dt.date(2024, 1, 1), Money("30.00", "GBP"))
>>> ledger.debit(dt.date(2024, 2, 1), Money("2.50", "GBP")).balance
Money('27.50', 'GBP')
"""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from paxbill.clients.reviews import BalanceReview, review_balance
from paxbill.core._currency import currency_code
from paxbill.core._dates import days_after, to_date
from paxbill.core._notebook import ShowsInNotebook
from paxbill.core._validators import instance_of, is_date
from paxbill.core._values import Revalidated
from paxbill.core.money import Money, total
from paxbill.exceptions import (
    ArgumentTypeError,
    CurrencyMismatchError,
    InvalidAmountError,
)
from paxbill.paxton.accounts import (
    DEFAULT_CREDIT_DAYS,
    AccountType,
)

__all__ = ["ClientLedger", "EntryKind", "LedgerEntry"]


class EntryKind(enum.Enum):
    """Whether a ledger entry adds to the balance or takes from it."""

    CREDIT = "credit"
    DEBIT = "debit"


def _check_positive(
    instance: LedgerEntry, attribute: attrs.Attribute[Money], value: Money
) -> None:
    instance_of(Money, "a Money")(instance, attribute, value)
    if value.amount < 0:
        raise InvalidAmountError(
            value,
            what="entry amount",
            reason="is negative: a credit or debit is 0 or more",
        )


@attrs.frozen
class LedgerEntry(Revalidated):
    """One dated movement of a client's prepaid balance.

    Args:
        on: the day of the movement.
        kind: a credit (the client's prepayment) or a debit (Paxton's charge).
        amount: how much, 0 or more.
        description: what it is, for people.
    """

    on: dt.date = attrs.field(validator=is_date)
    kind: EntryKind = attrs.field(validator=instance_of(EntryKind, "an EntryKind"))
    amount: Money = attrs.field(validator=_check_positive)
    description: str = attrs.field(default="", validator=instance_of(str, "a str"))

    @property
    def signed(self) -> Money:
        """The amount as it moves the balance, positive for a credit."""
        return self.amount if self.kind is EntryKind.CREDIT else -self.amount


def _to_entries(value: object) -> tuple[LedgerEntry, ...]:
    if not isinstance(value, tuple | list):
        raise ArgumentTypeError(value, "a sequence of LedgerEntry", what="entries")
    for entry in value:
        if not isinstance(entry, LedgerEntry):
            raise ArgumentTypeError(entry, "a LedgerEntry", what="each entry")
    # Sorted by date, stable, so that equal ledgers compare equal.
    return tuple(sorted(value, key=lambda entry: entry.on))


def _check_currency(
    instance: ClientLedger,
    attribute: attrs.Attribute[tuple[LedgerEntry, ...]],
    entries: tuple[LedgerEntry, ...],
) -> None:
    for entry in entries:
        if entry.amount.currency != instance.currency:
            raise CurrencyMismatchError(
                instance.currency, entry.amount.currency, operation="record"
            )


@attrs.frozen
class ClientLedger(ShowsInNotebook, Revalidated):
    """A client's prepaid balance: dated credits and debits in one currency.

    Adding an entry returns a new ledger.

    >>> ledger = ClientLedger("ACME", "GBP")
    >>> ledger = ledger.credit(dt.date(2024, 1, 1), Money("30.00", "GBP"))
    >>> ledger = ledger.debit(dt.date(2024, 2, 1), Money("2.50", "GBP"))
    >>> ledger.balance_on(dt.date(2024, 1, 31)), ledger.balance_on(dt.date(2024, 2, 1))
    (Money('30.00', 'GBP'), Money('27.50', 'GBP'))
    """

    client_id: str = attrs.field(validator=instance_of(str, "a str"))
    currency: str = attrs.field(converter=currency_code)
    entries: tuple[LedgerEntry, ...] = attrs.field(
        default=(), converter=_to_entries, validator=_check_currency
    )

    def credit(self, on: dt.date, amount: Money, description: str = "") -> ClientLedger:
        """Return the ledger with a credit (a prepayment by the client)."""
        entry = LedgerEntry(on, EntryKind.CREDIT, amount, description)
        return attrs.evolve(self, entries=(*self.entries, entry))

    def debit(self, on: dt.date, amount: Money, description: str = "") -> ClientLedger:
        """Return the ledger with a debit (a charge by Paxton)."""
        entry = LedgerEntry(on, EntryKind.DEBIT, amount, description)
        return attrs.evolve(self, entries=(*self.entries, entry))

    def balance_on(self, day: dt.date) -> Money:
        """Return the balance at the end of *day*: its entries included."""
        when = to_date(day, what="day")
        return total([e.signed for e in self.entries if e.on <= when], self.currency)

    def balance_before(self, day: dt.date) -> Money:
        """Return the balance at the start of *day*: its entries excluded."""
        return self.balance_on(days_after(to_date(day, what="day"), -1))

    @property
    def balance(self) -> Money:
        """The balance after every entry."""
        return total([e.signed for e in self.entries], self.currency)

    def balance_for_review(self, day: dt.date) -> Money:
        """Return the balance a review on *day* counts on.

        Every credit up to *day* included (a prepayment made on the review
        day is there), every debit before it (a charge that falls on the
        review day is still to come).
        """
        when = to_date(day, what="day")
        return total(
            [
                e.signed
                for e in self.entries
                if e.on < when or (e.on == when and e.kind is EntryKind.CREDIT)
            ],
            self.currency,
        )

    def review(
        self,
        monthly_cost: Money,
        *,
        as_of: dt.date,
        term_end: dt.date,
        term_start: dt.date | None = None,
        account_type: AccountType = AccountType.SYSTEM_MANAGER,
        credit_days: int = DEFAULT_CREDIT_DAYS,
    ) -> BalanceReview:
        """Review :meth:`balance_for_review` on *as_of*, as :func:`review_balance`."""
        day = to_date(as_of, what="as_of")
        return review_balance(
            self.balance_for_review(day),
            monthly_cost,
            as_of=day,
            term_end=term_end,
            term_start=term_start,
            account_type=account_type,
            credit_days=credit_days,
        )
