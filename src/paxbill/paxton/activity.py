"""A year's account activity: what was invoiced each month, as the portal's bars.

>>> from paxbill import Account, AccountType, BillingPeriod, Money, PerUserPrice
>>> from paxbill import issue_invoice
>>> account = Account("INST-1", AccountType.APPROVED_INSTALLER)
>>> price = PerUserPrice(Money("3.00", "EUR"), 15)
>>> months = [BillingPeriod.month(2024, n) for n in (3, 4, 5)]
>>> invoices = [issue_invoice(n, account, price, 70, m) for n, m in enumerate(months)]
>>> activity = account_activity(invoices, 2024)
>>> [str(m) for m in activity.totals[3:7]]
['178.50 EUR', '178.50 EUR', '178.50 EUR', '0.00 EUR']
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from paxbill.core._items import to_items
from paxbill.core._notebook import ShowsInNotebook
from paxbill.core._numbers import to_count
from paxbill.core._validators import instance_of, is_count, tuple_of
from paxbill.core._values import Revalidated
from paxbill.core.money import Money, total
from paxbill.exceptions import ArgumentTypeError, CurrencyMismatchError
from paxbill.paxton.accounts import Account
from paxbill.paxton.invoices import Invoice

__all__ = ["AccountActivity", "account_activity"]


@attrs.frozen
class AccountActivity(ShowsInNotebook, Revalidated):
    """The totals invoiced in each month of *year*, January first.

    Args:
        year: the calendar year.
        currency: the currency of every total.
        totals: twelve amounts, one a month, by the invoices' issue dates.
    """

    year: int = attrs.field(validator=is_count)
    currency: str = attrs.field(validator=instance_of(str, "a str"))
    totals: tuple[Money, ...] = attrs.field(validator=tuple_of(Money, "a Money"))

    def by_month(self) -> tuple[tuple[int, Money], ...]:
        """Return ``(month number, total)`` pairs, 1 for January."""
        return tuple(enumerate(self.totals, start=1))

    @property
    def total(self) -> Money:
        """The year's total."""
        return total(self.totals, self.currency)


def account_activity(
    invoices: Iterable[Invoice],
    year: int,
    *,
    account: Account | None = None,
    currency: str | None = None,
) -> AccountActivity:
    """Return the year's activity: the total of the invoices issued each month.

    Args:
        invoices: invoices of any dates; those issued in *year* count.
        year: the calendar year.
        account: count only this account's invoices; all by default.
        currency: the currency, needed when no invoice may count.

    Raises:
        CurrencyMismatchError: invoices in two currencies, or not *currency*.
        ArgumentTypeError: no invoice counts and no *currency* was given.
    """
    wanted = to_count(year, what="year")
    counted = []
    for invoice in to_items(
        invoices, what="invoices", expected="a sequence of Invoice"
    ):
        if not isinstance(invoice, Invoice):
            raise ArgumentTypeError(invoice, "an Invoice", what="each invoice")
        if invoice.issue_date.year == wanted and (
            account is None or invoice.account == account
        ):
            counted.append(invoice)
    code = currency or (counted[0].currency if counted else None)
    if code is None:
        raise ArgumentTypeError(
            None, "a currency when no invoice is in the year", what="currency"
        )
    code = Money.zero(code).currency
    months: list[list[Money]] = [[] for _ in range(12)]
    for invoice in counted:
        if invoice.currency != code:
            raise CurrencyMismatchError(code, invoice.currency, operation="total")
        months[invoice.issue_date.month - 1].append(invoice.total)
    return AccountActivity(wanted, code, tuple(total(m, code) for m in months))
