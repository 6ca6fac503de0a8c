"""JSON for integration scripts: every value object to a dict and back.

Documents hold only JSON types: amounts are strings with their currency
(never numbers), dates ISO 8601 strings, enums their lower-case value. Each
object carries its ``"type"``. Figures that are worked out, such as an
invoice's total, are written for readers and checked when read back.

>>> from paxbill import Money
>>> to_dict(Money("178.50", "EUR"))
{'type': 'money', 'amount': '178.50', 'currency': 'EUR'}
>>> from_dict({'type': 'money', 'amount': '178.50', 'currency': 'EUR'})
Money('178.50', 'EUR')
>>> try:
...     from_dict({'type': 'money', 'amount': 178.5, 'currency': 'EUR'})
... except ValueError as error:
...     print(error.path)
amount
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from collections.abc import Callable, Mapping
from decimal import Decimal
from functools import cache
from typing import Any

import attrs

from paxbill.clients.balances import BalanceReview, ClientLedger, LedgerEntry
from paxbill.clients.bundles import Bundle
from paxbill.clients.cashflow import (
    CashFlowMonth,
    CashFlowProjection,
    Client,
    StrategyComparison,
)
from paxbill.clients.prepayment import PrepaymentQuote
from paxbill.core._currency import currency_code
from paxbill.core._numbers import to_decimal
from paxbill.core.discount import Discount
from paxbill.core.money import Money
from paxbill.core.periods import BillingPeriod
from paxbill.core.pricing import PerUserPrice
from paxbill.exceptions import ArgumentTypeError, InvalidDocumentError, PaxbillError
from paxbill.io.notebook import InvoiceList
from paxbill.paxton.accounts import Account
from paxbill.paxton.activity import AccountActivity
from paxbill.paxton.app_users import AppUser
from paxbill.paxton.invoices import Invoice, InvoiceLine, Payment
from paxbill.portfolio.billing import PortfolioResult
from paxbill.portfolio.sites import Portfolio, Site

__all__ = ["from_dict", "to_dict"]

#: Each object's ``"type"``, and the worked-out figures written beside its fields.
_TYPES: dict[type, tuple[str, tuple[str, ...]]] = {
    Money: ("money", ()),
    Discount: ("discount", ()),
    PerUserPrice: ("per_user_price", ("net",)),
    BillingPeriod: ("billing_period", ("days",)),
    AppUser: ("app_user", ()),
    Account: ("account", ()),
    InvoiceLine: ("invoice_line", ("amount",)),
    Payment: ("payment", ()),
    Invoice: ("invoice", ("total", "due_date")),
    AccountActivity: ("account_activity", ("total",)),
    PrepaymentQuote: ("prepayment_quote", ("total",)),
    LedgerEntry: ("ledger_entry", ()),
    ClientLedger: ("client_ledger", ("balance",)),
    BalanceReview: (
        "balance_review",
        (
            "months_remaining",
            "months_covered",
            "shortfall",
            "runs_out_on",
            "sufficient",
        ),
    ),
    Bundle: ("bundle", ("app_cost", "margin", "break_even_users")),
    Client: ("client", ()),
    CashFlowMonth: ("cash_flow_month", ("net",)),
    CashFlowProjection: (
        "cash_flow_projection",
        ("total_in", "total_out", "lowest_position", "months_in_red"),
    ),
    StrategyComparison: ("strategy_comparison", ()),
    Site: ("site", ()),
    Portfolio: ("portfolio", ()),
    PortfolioResult: ("portfolio_result", ()),
    InvoiceList: ("invoice_list", ()),
}
_BY_NAME = {name: kind for kind, (name, _) in _TYPES.items()}

JSONValue = None | bool | int | str | list["JSONValue"] | dict[str, "JSONValue"]


def to_dict(value: object) -> dict[str, JSONValue]:
    """Return a paxbill value object as a dict of JSON types.

    Raises:
        ArgumentTypeError: *value* is not one of paxbill's value objects.

    >>> from paxbill import BillingPeriod
    >>> to_dict(BillingPeriod.month(2024, 6))
    {'type': 'billing_period', 'start': '2024-06-01', 'end': '2024-07-01', 'days': 30}
    """
    if type(value) not in _TYPES:
        raise ArgumentTypeError(value, "a paxbill value object", what="to_dict()")
    encoded = _encode(value)
    assert isinstance(encoded, dict)
    return encoded


def _encode(value: object) -> JSONValue:
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Money):
        return {
            "type": "money",
            "amount": f"{value.amount:f}",
            "currency": value.currency,
        }
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return _encode(value.value)
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, tuple | list):
        return [_encode(item) for item in value]
    name, derived = _TYPES[type(value)]
    document: dict[str, JSONValue] = {"type": name}
    for field in attrs.fields(type(value)):  # type: ignore[arg-type]
        if field.init:  # derived state, such as an index, is not written
            document[field.name] = _encode(getattr(value, field.name))
    for attribute in derived:
        document[attribute] = _encode(getattr(value, attribute))
    return document


def from_dict(document: Mapping[str, Any], *, path: str = "") -> Any:
    """Return the paxbill value object a :func:`to_dict` document describes.

    Args:
        document: a dict with a ``"type"``, as :func:`to_dict` writes it.
        path: where the document stands in a larger one, for error messages.

    Raises:
        InvalidDocumentError: the document is malformed; the error names the
            path of the bad field, such as ``invoices[2].total.amount``.
    """
    return _decode_object(document, None, path)


def _join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def _decode_object(value: object, expected: tuple[type, ...] | None, path: str) -> Any:
    where = path or "document"
    if not isinstance(value, Mapping):
        raise InvalidDocumentError(where, f"expected an object, not {_kind(value)}")
    name = value.get("type")
    kind = _BY_NAME.get(name) if isinstance(name, str) else None
    if kind is None:
        raise InvalidDocumentError(_join(path, "type"), f"unknown type {name!r}")
    if expected is not None and kind not in expected:
        names = " or ".join(_TYPES[k][0] for k in expected)
        raise InvalidDocumentError(_join(path, "type"), f"expected {names}, not {name}")
    if kind is Money:
        return _decode_money(value, path)
    _, derived = _TYPES[kind]
    hints = _hints(kind)
    fields = {f.name: f for f in attrs.fields(kind) if f.init}
    for key in value:
        if key != "type" and key not in fields and key not in derived:
            raise InvalidDocumentError(_join(path, key), "unknown field")
    arguments = {}
    for field_name, field in fields.items():
        if field_name not in value:
            if field.default is attrs.NOTHING:
                raise InvalidDocumentError(_join(path, field_name), "missing")
            continue
        arguments[field_name] = _decode(
            value[field_name], hints[field_name], _join(path, field_name)
        )
    try:
        result = kind(**arguments)
    except PaxbillError as error:
        raise InvalidDocumentError(where, str(error)) from None
    for attribute in derived:
        if attribute in value:
            _check_derived(
                value[attribute], getattr(result, attribute), _join(path, attribute)
            )
    return result


def _check_derived(given: object, computed: object, path: str) -> None:
    """Refuse a written figure that the object's own fields contradict."""
    if isinstance(computed, Money):
        if _decode_object(given, (Money,), path) == computed:
            return
    elif _encode(computed) == given:
        return
    raise InvalidDocumentError(
        path, f"is {given!r} but the fields give {_encode(computed)!r}"
    )


def _decode_money(value: Mapping[str, Any], path: str) -> Money:
    for key in value:
        if key not in ("type", "amount", "currency"):
            raise InvalidDocumentError(_join(path, key), "unknown field")
    for key in ("amount", "currency"):
        if key not in value:
            raise InvalidDocumentError(_join(path, key), "missing")
    try:
        amount = to_decimal(value["amount"])
    except PaxbillError as error:
        raise InvalidDocumentError(_join(path, "amount"), str(error)) from None
    try:
        return Money(amount, currency_code(value["currency"]))
    except PaxbillError as error:
        raise InvalidDocumentError(_join(path, "currency"), str(error)) from None


@cache
def _hints(kind: type) -> dict[str, Any]:
    return typing.get_type_hints(kind)


def _decode(value: object, hint: Any, path: str) -> Any:
    decoder = _SCALARS.get(hint)
    if decoder is not None:
        return decoder(value, path)
    origin, arguments = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in arguments:
            return None
        options = tuple(a for a in arguments if a is not type(None))
        if isinstance(value, Mapping):
            return _decode_object(value, tuple(a for a in options if a in _TYPES), path)
        errors = []
        for option in options:
            try:
                return _decode(value, option, path)
            except InvalidDocumentError as error:
                errors.append(error)
        raise errors[0]
    if origin is tuple:
        if not isinstance(value, list):
            raise InvalidDocumentError(path, f"expected a list, not {_kind(value)}")
        if len(arguments) == 2 and arguments[1] is Ellipsis:
            return tuple(
                _decode(item, arguments[0], _join(path, i))
                for i, item in enumerate(value)
            )
        if len(value) != len(arguments):
            raise InvalidDocumentError(path, f"expected {len(arguments)} items")
        return tuple(
            _decode(item, a, _join(path, i))
            for i, (item, a) in enumerate(zip(value, arguments, strict=True))
        )
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        try:
            return hint(value)
        except ValueError:
            allowed = ", ".join(repr(m.value) for m in hint)
            raise InvalidDocumentError(path, f"expected one of {allowed}") from None
    if hint in _TYPES:
        return _decode_object(value, (hint,), path)
    raise InvalidDocumentError(path, f"cannot read a {hint!r}")  # pragma: no cover


def _kind(value: object) -> str:
    return "null" if value is None else type(value).__name__


def _expect(kind: type, name: str) -> Callable[[object, str], Any]:
    def decode(value: object, path: str) -> Any:
        if not isinstance(value, kind) or (
            isinstance(value, bool) and kind is not bool
        ):
            raise InvalidDocumentError(path, f"expected {name}, not {_kind(value)}")
        return value

    return decode


def _decode_date(value: object, path: str) -> dt.date:
    if not isinstance(value, str):
        raise InvalidDocumentError(
            path, f"expected a date as 'YYYY-MM-DD', not {_kind(value)}"
        )
    try:
        if len(value) != 10:
            raise ValueError
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidDocumentError(
            path, f"{value!r} is not a date as 'YYYY-MM-DD'"
        ) from None


def _decode_decimal(value: object, path: str) -> Decimal:
    try:
        return to_decimal(value, what="number")
    except PaxbillError as error:
        raise InvalidDocumentError(path, str(error)) from None


_SCALARS: dict[Any, Callable[[object, str], Any]] = {
    str: _expect(str, "a string"),
    int: _expect(int, "a whole number"),
    bool: _expect(bool, "true or false"),
    dt.date: _decode_date,
    Decimal: _decode_decimal,
    Any: lambda value, path: value,
}
