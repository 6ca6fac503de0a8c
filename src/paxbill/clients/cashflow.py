"""Cash flow: money in from clients against money out to Paxton, month by month.

Clients are billed in advance, at the start of each of their billing periods;
Paxton bills the installer each month in arrears and is paid on the due date
of the installer's account type. Comparing strategies shows what billing a
year in advance does to an installer's cash.

>>> from datetime import date
>>> from paxbill import Account, AccountType, BillingFrequency, Money, PerUserPrice
>>> paxton = PerUserPrice(Money("3.00", "EUR"), 15)
>>> account = Account("INST-1", AccountType.APPROVED_INSTALLER)
>>> clients = [Client("ACME", 70, BillingFrequency.ANNUAL, Money("4.00", "EUR"))]
>>> projection = project_cash_flow(
...     clients, paxton_price=paxton, account=account, start=date(2024, 1, 1), months=12
... )
>>> projection.total_in, projection.total_out, projection.lowest_position
(Money('3360.00', 'EUR'), Money('1963.50', 'EUR'), Money('1396.50', 'EUR'))

The client pays 70 x 4.00 x 12 = 3360.00 in January. Paxton's invoices for
January to November usage (11 x 178.50) are paid within the year; December's,
issued on 1 January 2025, falls due after it.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

import attrs

from paxbill.clients.bundles import Bundle
from paxbill.clients.prepayment import (
    monthly_unit_prices,
    prepayment_total,
    term_bill,
    unit_price_of,
)
from paxbill.core._currency import currency_code
from paxbill.core._dates import months_after, to_date
from paxbill.core._items import each_item, to_items
from paxbill.core._notebook import ShowsInNotebook
from paxbill.core._numbers import to_count, to_user_count
from paxbill.core._validators import (
    instance_of,
    is_optional_date,
    named_tuple_of,
    optional_of,
    tuple_of,
)
from paxbill.core._values import Revalidated
from paxbill.core.exchange import RateTable
from paxbill.core.money import Money, total
from paxbill.core.periods import (
    BillingFrequency,
    BillingPeriod,
    BillingTerm,
    Frequency,
    billing_periods,
    term_starts,
)
from paxbill.core.pricing import PerUserPrice
from paxbill.core.schedules import PriceSchedule, net_in_force, paxton_prices
from paxbill.exceptions import (
    ArgumentTypeError,
    CurrencyMismatchError,
    InvalidAmountError,
    InvalidCountError,
)
from paxbill.paxton.accounts import Account
from paxbill.paxton.app_users import AppUser
from paxbill.paxton.counting import active_users

__all__ = [
    "CashFlowMonth",
    "CashFlowProjection",
    "Client",
    "StrategyComparison",
    "compare_billing",
    "compare_strategies",
    "project_cash_flow",
    "rebill",
]


def _check_billing(
    instance: Client,
    attribute: attrs.Attribute[Frequency | Bundle],
    value: Frequency | Bundle,
) -> None:
    if not isinstance(value, BillingFrequency | BillingTerm | Bundle):
        raise ArgumentTypeError(
            value, "a BillingFrequency, a BillingTerm or a Bundle", what="billing"
        )


def _check_price(
    instance: Client,
    attribute: attrs.Attribute[Money | PerUserPrice | PriceSchedule | None],
    value: Money | PerUserPrice | PriceSchedule | None,
) -> None:
    if value is None:
        if not isinstance(instance.billing, Bundle):
            raise ArgumentTypeError(
                value,
                "a price per user per month unless billed by a bundle",
                what="price",
            )
        return
    unit_price_of(value)


def _to_users(value: int | Iterable[AppUser]) -> int | tuple[AppUser, ...]:
    if isinstance(value, int) and not isinstance(value, bool):
        return to_user_count(value)
    if isinstance(value, Iterable):
        users = tuple(value)
        for user in users:
            if not isinstance(user, AppUser):
                raise ArgumentTypeError(user, "an AppUser", what="each user")
        return users
    raise ArgumentTypeError(value, "a number of users or AppUsers", what="users")


@attrs.frozen
class Client(Revalidated):
    """A client site: its app users and how the installer bills it.

    Args:
        client_id: the client's identifier.
        users: its app users, whom Paxton bills the installer for: a number,
            the same every month, or AppUsers, counted in each month they
            are active on at least one day.
        billing: a BillingFrequency or a BillingTerm (billed in advance for
            that many months at *price*) or a Bundle (its fixed fee).
        price: the price per user per month to the client: a Money, or a
            PerUserPrice whose net is used; not needed with a Bundle.
        term_start: the first day of one of its terms, any day; its terms
            run from there every ``billing``'s months, before and after. By
            default, from the first day of the projection.
    """

    client_id: str = attrs.field(validator=instance_of(str, "a str"))
    users: int | tuple[AppUser, ...] = attrs.field(converter=_to_users)
    billing: Frequency | Bundle = attrs.field(validator=_check_billing)
    price: Money | PerUserPrice | PriceSchedule | None = attrs.field(
        default=None, validator=_check_price
    )
    term_start: dt.date | None = attrs.field(
        default=None, validator=is_optional_date, kw_only=True
    )

    def users_in(self, month: BillingPeriod) -> int:
        """How many of the client's users Paxton bills for *month*."""
        if isinstance(self.users, int):
            return self.users
        return active_users(self.users, month)

    def billed_in(self, month: BillingPeriod, index: int) -> Money | None:
        """What the client is billed in *month*, the *index*-th of a projection.

        Without a term start, its terms start with the projection: it is
        billed at the start of every ``billing.months``-th month. With one,
        it is billed on each of its terms' first days that falls in *month*.
        A term billed in advance counts the users of its first month.
        """
        return _billed_in(self, self.billing, month, index)


def _billed_in(
    client: Client, billing: Frequency | Bundle, month: BillingPeriod, index: int
) -> Money | None:
    """:meth:`Client.billed_in`, with *client* billed by *billing*."""
    every = _every(billing)
    if client.term_start is None:
        if index % every.months:
            return None
        return billed_for(billing, client.price, month.start, client.users_in(month))
    bills = []
    for start in term_starts(client.term_start, every, month.start, month.end):
        first = BillingPeriod(start, months_after(start, 1))
        users = client.users_in(first)
        bills.append(billed_for(billing, client.price, start, users))
    return total(bills) if bills else None


def _every(billing: Frequency | Bundle) -> Frequency:
    return billing.frequency if isinstance(billing, Bundle) else billing


def billed_for(
    billing: Frequency | Bundle,
    price: Money | PerUserPrice | PriceSchedule | None,
    start: dt.date,
    users: int,
) -> Money:
    """What a client is billed for a term that starts on *start*.

    A bundle's fee; else *users* at the price in force for each month of the
    term, rounded once.
    """
    if isinstance(billing, Bundle):
        return billing.fee
    assert price is not None  # checked when the client was made
    if not isinstance(price, PriceSchedule):  # one price: one product
        return prepayment_total(unit_price_of(price), users, billing.months)
    return term_bill(monthly_unit_prices(price, start, billing.months), users)


@attrs.frozen
class CashFlowMonth(Revalidated):
    """One month of a projection.

    Args:
        period: the calendar month.
        money_in: what clients were billed in it.
        money_out: what was paid to Paxton in it.
        cumulative: the running position at its end.
        paxton_out: what was paid to Paxton, in Paxton's currency, where it
            is not the installer's; None otherwise.
    """

    period: BillingPeriod = attrs.field(
        validator=instance_of(BillingPeriod, "a BillingPeriod")
    )
    money_in: Money = attrs.field(validator=instance_of(Money, "a Money"))
    money_out: Money = attrs.field(validator=instance_of(Money, "a Money"))
    cumulative: Money = attrs.field(validator=instance_of(Money, "a Money"))
    paxton_out: Money | None = attrs.field(
        validator=optional_of(Money, "a Money"), default=None
    )

    @property
    def net(self) -> Money:
        """Money in less money out."""
        return self.money_in - self.money_out


def _check_positions(
    instance: object,
    attribute: attrs.Attribute[tuple[CashFlowMonth, ...]],
    months: tuple[CashFlowMonth, ...],
) -> None:
    """Each month's position is the one before plus its money in less its out.

    The position is a running figure: a projection read back whose months
    were altered one by one is refused, as a total that its lines do not give.
    """
    position: Money | None = None
    for number, month in enumerate(months, start=1):
        net = month.money_in - month.money_out
        expected = net if position is None else position + net
        if month.cumulative != expected:
            raise InvalidAmountError(
                month.cumulative,
                what=f"the position at the end of month {number}",
                reason=f"is not the month before's plus money in less money "
                f"out: {expected}",
            )
        position = month.cumulative


@attrs.frozen
class CashFlowProjection(ShowsInNotebook, Revalidated):
    """Month-by-month money in and out, with the running position.

    Args:
        months: the months, in order.
        currency: the installer's currency, of every figure but *paxton_out*.
        exchange_result: where Paxton is paid in another currency, what the
            rate's changes gained (positive) or lost (negative) against
            paying every bill at the rate of the projection's first day.
    """

    months: tuple[CashFlowMonth, ...] = attrs.field(
        validator=[tuple_of(CashFlowMonth, "a CashFlowMonth"), _check_positions]
    )
    currency: str = attrs.field(validator=instance_of(str, "a str"))
    exchange_result: Money | None = attrs.field(
        validator=optional_of(Money, "a Money"), default=None
    )

    @property
    def paxton_total_out(self) -> Money | None:
        """Everything paid to Paxton, in Paxton's currency; None if the same."""
        amounts = [m.paxton_out for m in self.months if m.paxton_out is not None]
        return total(amounts) if amounts else None

    @property
    def total_in(self) -> Money:
        """Everything the clients were billed over the projection."""
        return total([m.money_in for m in self.months], self.currency)

    @property
    def total_out(self) -> Money:
        """Everything paid to Paxton over the projection."""
        return total([m.money_out for m in self.months], self.currency)

    @property
    def net(self) -> Money:
        """Money in less money out over the projection."""
        return self.total_in - self.total_out

    @property
    def lowest_position(self) -> Money:
        """The lowest running position at the end of any month (zero if none)."""
        return min(
            (m.cumulative for m in self.months), default=Money.zero(self.currency)
        )

    @property
    def months_in_red(self) -> int:
        """How many months end with a negative running position."""
        return sum(1 for m in self.months if m.cumulative.amount < 0)


def project_cash_flow(
    clients: Iterable[Client],
    *,
    paxton_price: Money | PerUserPrice | PriceSchedule,
    account: Account,
    start: dt.date,
    months: int,
    currency: str | None = None,
    rates: RateTable | None = None,
) -> CashFlowProjection:
    """Project money in from *clients* and out to Paxton over *months* months.

    Each client is billed at the start of each of its billing periods: from
    *start*, or from its own term start. Paxton bills each usage month on the
    1st of the next, and is paid on the due date of *account*; a payment that
    falls after the last month is outside the projection. Prices given as
    a :class:`~paxbill.PriceSchedule` are taken as in force on the first day
    of each month they bill.

    Args:
        clients: the clients, all billed in the installer's currency: any
            iterable, read once and not kept (a generator of a million
            clients takes no more memory than a list of ten).
        paxton_price: Paxton's price per user per month.
        account: the installer's account, whose type dates the payments.
        start: the first day of the projection.
        months: how many months to project.
        currency: the installer's currency, by default Paxton's.
        rates: where the two differ, the rates that convert each payment to
            Paxton, on its day, rounded once.

    Raises:
        CurrencyMismatchError: a client is billed in another currency than
            the installer's, or Paxton's differs with no *rates*.
        NoExchangeRateError: *rates* has no rate for a payment's day.
        InvalidCountError: *months* is negative.
    """
    group = each_item(clients, what="clients", expected="a sequence of Client")
    tally = _Tally(_plan(paxton_price, account, start, months, currency, rates))
    for client in group:
        tally.add(_checked(client, tally.plan.currency))
    return tally.projection()


def compare_billing(
    clients: Iterable[Client],
    *,
    paxton_price: Money | PerUserPrice | PriceSchedule,
    account: Account,
    start: dt.date,
    months: int,
    currency: str | None = None,
    rates: RateTable | None = None,
) -> StrategyComparison:
    """Project *clients* as billed, then all billed monthly, quarterly, annually.

    The strategies ``as_billed``, ``monthly``, ``quarterly`` and ``annual``
    of :func:`compare_strategies` with :func:`rebill` (a bundled client
    keeps its fee), in one pass over *clients*: any iterable, read once and
    not kept, so that a million clients read from a file take no more
    memory than ten. The arguments are :func:`project_cash_flow`'s.

    >>> from paxbill import AccountType, Money, PerUserPrice
    >>> clients = [Client("ACME", 70, BillingFrequency.MONTHLY, Money("4.00", "EUR"))]
    >>> comparison = compare_billing(
    ...     iter(clients),
    ...     paxton_price=PerUserPrice(Money("3.00", "EUR"), 15),
    ...     account=Account("INST-1", AccountType.APPROVED_INSTALLER),
    ...     start=dt.date(2024, 1, 1), months=12,
    ... )
    >>> [name for name, _ in comparison.projections]
    ['as_billed', 'monthly', 'quarterly', 'annual']
    >>> comparison.safest
    'annual'
    """
    group = each_item(clients, what="clients", expected="a sequence of Client")
    plan = _plan(paxton_price, account, start, months, currency, rates)
    as_billed = _Tally(plan)
    rebilled = [(frequency, _Tally(plan)) for frequency in BillingFrequency]
    for client in group:
        as_billed.add(_checked(client, plan.currency))
        bundled = isinstance(client.billing, Bundle)
        for frequency, tally in rebilled:
            tally.add(client, client.billing if bundled else frequency)
    return StrategyComparison(
        (
            ("as_billed", as_billed.projection()),
            *((f.value, tally.projection()) for f, tally in rebilled),
        )
    )


class _Plan(NamedTuple):
    """What a projection is made with, each argument checked."""

    calendar: tuple[BillingPeriod, ...]
    price: PerUserPrice | PriceSchedule
    account: Account
    currency: str
    rates: RateTable | None


def _plan(
    paxton_price: Money | PerUserPrice | PriceSchedule,
    account: Account,
    start: dt.date,
    months: int,
    currency: str | None,
    rates: RateTable | None,
) -> _Plan:
    if not isinstance(account, Account):
        raise ArgumentTypeError(account, "an Account", what="account")
    first = to_date(start, what="start")
    # Paxton's price takes its one form here, and is read in it below.
    price = paxton_prices(paxton_price)
    paxton_currency = net_in_force(price, first).currency
    installer = paxton_currency if currency is None else currency_code(currency)
    if rates is not None and not isinstance(rates, RateTable):
        raise ArgumentTypeError(rates, "a RateTable", what="rates")
    if installer != paxton_currency and rates is None:
        raise CurrencyMismatchError(installer, paxton_currency, operation="project")
    count = to_count(months, what="months")
    if count < 0:
        raise InvalidCountError(count, what="months")
    calendar = tuple(billing_periods(first, BillingFrequency.MONTHLY, count))
    return _Plan(calendar, price, account, installer, rates)


def _checked(client: Client, currency: str) -> Client:
    if not isinstance(client, Client):
        raise ArgumentTypeError(client, "a Client", what="each client")
    billed = (
        client.billing.fee
        if isinstance(client.billing, Bundle)
        else unit_price_of(client.price)  # type: ignore[arg-type]
    )
    if billed.currency != currency:
        raise CurrencyMismatchError(currency, billed.currency, operation="project")
    return client


class _Tally:
    """A projection's running figures: each month's bills and users.

    A month keeps what it was billed, summed into one every _BATCH bills
    (exactly: a total is not rounded), so that a stream of clients of any
    length takes the same memory.
    """

    def __init__(self, plan: _Plan) -> None:
        self.plan = plan
        self._billed: list[list[Money]] = [[] for _ in plan.calendar]
        self._users = [0] * len(plan.calendar)

    def add(self, client: Client, billing: Frequency | Bundle | None = None) -> None:
        """Count *client*, billed its own way or by *billing*."""
        way = client.billing if billing is None else billing
        for index, month in enumerate(self.plan.calendar):
            bill = _billed_in(client, way, month, index)
            if bill is not None:
                bills = self._billed[index]
                bills.append(bill)
                if len(bills) == _BATCH:
                    bills[:] = [total(bills, self.plan.currency)]
            self._users[index] += client.users_in(month)

    def projection(self) -> CashFlowProjection:
        """The projection of the clients added."""
        plan = self.plan
        money_in = [total(bills, plan.currency) for bills in self._billed]
        paxton_bills = [
            net_in_force(plan.price, month.start) * users
            for month, users in zip(plan.calendar, self._users, strict=True)
        ]
        return cash_flow(
            plan.calendar, money_in, paxton_bills, plan.account, plan.currency,
            plan.rates,
        )  # fmt: skip


#: How many of a month's bills are kept before they are summed into one.
_BATCH = 4096


_new = object.__new__
_set_period, _set_in, _set_out, _set_cumulative, _set_paxton_out = (
    vars(CashFlowMonth)[name].__set__
    for name in ("period", "money_in", "money_out", "cumulative", "paxton_out")
)


def _month(
    period: BillingPeriod,
    money_in: Money,
    money_out: Money,
    cumulative: Money,
    paxton_out: Money | None,
) -> CashFlowMonth:
    """A CashFlowMonth of figures :func:`cash_flow` worked out, set unchecked."""
    month = _new(CashFlowMonth)
    _set_period(month, period)
    _set_in(month, money_in)
    _set_out(month, money_out)
    _set_cumulative(month, cumulative)
    _set_paxton_out(month, paxton_out)
    return month


def cash_flow(
    calendar: Sequence[BillingPeriod],
    money_in: Sequence[Money],
    paxton_bills: Sequence[Money],
    account: Account,
    currency: str,
    rates: RateTable | None = None,
    due_dates: Sequence[dt.date] | None = None,
) -> CashFlowProjection:
    """Lay money in and Paxton's bills out month by month, with the position.

    Each usage month's bill is paid on its invoice's due date (the invoice is
    issued on the month's end: *due_dates* where its invoices say it
    already); a bill paid after the last month is left out.
    A bill in another currency than *currency* is converted at the rate of
    *rates* in force on its day, and the projection tells what the rates'
    changes gained or lost against the rate of its first day.
    """
    starts = [month.start for month in calendar]
    paid: list[list[tuple[Money, dt.date]]] = [[] for _ in calendar]
    if due_dates is None:
        due_dates = [account.due_date(month.end) for month in calendar]
    for bill, due in zip(paxton_bills, due_dates, strict=True):
        index = bisect_right(starts, due) - 1
        if index >= 0 and due < calendar[index].end:
            paid[index].append((bill, due))
    foreign = rates is not None and any(
        bill.currency != currency for bill in paxton_bills
    )
    rows = []
    gains = []
    zero = position = Money.zero(currency)
    for month, received, bills in zip(calendar, money_in, paid, strict=True):
        if foreign:
            assert rates is not None
            converted = [rates.convert(bill, currency, day) for bill, day in bills]
            gains += [
                rates.convert(bill, currency, calendar[0].start) - amount
                for (bill, _), amount in zip(bills, converted, strict=True)
            ]
            out = total(converted, currency)
            paxton_out: Money | None = total(
                [bill for bill, _ in bills], paxton_bills[0].currency
            )
        else:
            out = total([bill for bill, _ in bills], currency) if bills else zero
            paxton_out = None
        position = position + received - out
        rows.append(_month(month, received, out, position, paxton_out))
    result = total(gains, currency) if foreign else None
    return CashFlowProjection(tuple(rows), currency, result)


def rebill(
    clients: Iterable[Client], billing: Frequency | Bundle
) -> tuple[Client, ...]:
    """Return the same clients, billed another way (same users and price)."""
    group = to_items(clients, what="clients", expected="a sequence of Client")
    for client in group:
        if not isinstance(client, Client):
            raise ArgumentTypeError(client, "a Client", what="each client")
    return tuple(attrs.evolve(client, billing=billing) for client in group)


@attrs.frozen
class StrategyComparison(ShowsInNotebook, Revalidated):
    """Projections of the same clients under several billing strategies.

    Args:
        projections: each strategy's name and projection, in the order given.
    """

    projections: tuple[tuple[str, CashFlowProjection], ...] = attrs.field(
        validator=named_tuple_of(CashFlowProjection, "CashFlowProjection")
    )

    def rows(self) -> tuple[tuple[str, Money, int, Money, Money, Money], ...]:
        """Return one row per strategy.

        Each row is: name, lowest position, months in the red, money in,
        money out and net.
        """
        return tuple(
            (name, p.lowest_position, p.months_in_red, p.total_in, p.total_out, p.net)
            for name, p in self.projections
        )

    @property
    def safest(self) -> str:
        """The strategy whose lowest position is highest (first on a tie)."""
        return max(self.projections, key=lambda item: item[1].lowest_position)[0]


def compare_strategies(
    strategies: Mapping[str, Iterable[Client]],
    *,
    paxton_price: Money | PerUserPrice | PriceSchedule,
    account: Account,
    start: dt.date,
    months: int,
    currency: str | None = None,
    rates: RateTable | None = None,
) -> StrategyComparison:
    """Project each strategy's clients and set the projections side by side.

    Each is :func:`project_cash_flow` of its clients, with the same
    *currency* and *rates*.

    >>> from paxbill import AccountType, Money, PerUserPrice
    >>> clients = [Client("ACME", 70, BillingFrequency.MONTHLY, Money("4.00", "EUR"))]
    >>> comparison = compare_strategies(
    ...     {f.value: rebill(clients, f) for f in BillingFrequency},
    ...     paxton_price=PerUserPrice(Money("3.00", "EUR"), 15),
    ...     account=Account("INST-1", AccountType.APPROVED_INSTALLER),
    ...     start=dt.date(2024, 1, 1), months=12,
    ... )
    >>> comparison.safest
    'annual'
    """
    if not isinstance(strategies, Mapping):
        raise ArgumentTypeError(
            strategies, "a mapping of names to clients", what="strategies"
        )
    return StrategyComparison(
        tuple(
            (
                name,
                project_cash_flow(
                    clients,
                    paxton_price=paxton_price,
                    account=account,
                    start=start,
                    months=months,
                    currency=currency,
                    rates=rates,
                ),
            )
            for name, clients in strategies.items()
        )
    )
