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
from functools import cache, lru_cache
from typing import Any

import attrs

from paxbill.clients.bundles import Bundle
from paxbill.clients.cashflow import (
    CashFlowMonth,
    CashFlowProjection,
    Client,
    StrategyComparison,
)
from paxbill.clients.contracts import ClientContract, Installer
from paxbill.clients.invoicing.allowances import Allowance, Charge
from paxbill.clients.invoicing.credit_notes import CreditNote
from paxbill.clients.invoicing.delivery import Delivery
from paxbill.clients.invoicing.invoices import ClientInvoice, ClientPayment
from paxbill.clients.invoicing.late_payment import LatePaymentCharges, Reminder
from paxbill.clients.invoicing.lines import ClientInvoiceLine
from paxbill.clients.invoicing.notes import Note
from paxbill.clients.invoicing.numbering import NumberingReport, NumberSeries
from paxbill.clients.invoicing.parties import Party
from paxbill.clients.invoicing.payment_instructions import PaymentInstructions
from paxbill.clients.invoicing.payment_terms import PaymentTerms
from paxbill.clients.invoicing.vat import VatBreakdown
from paxbill.clients.ledger import ClientLedger, LedgerEntry
from paxbill.clients.prepayment import PrepaymentQuote
from paxbill.clients.reviews import BalanceReview
from paxbill.core._currency import currency_code
from paxbill.core._numbers import to_decimal
from paxbill.core.discount import Discount
from paxbill.core.exchange import ExchangeRate, RateTable
from paxbill.core.money import Money
from paxbill.core.periods import BillingPeriod, BillingTerm
from paxbill.core.pricing import PerUserPrice
from paxbill.core.schedules import PriceSchedule
from paxbill.exceptions import ArgumentTypeError, InvalidDocumentError, PaxbillError
from paxbill.io.notebook import InvoiceList
from paxbill.paxton.accounts import Account
from paxbill.paxton.activity import AccountActivity
from paxbill.paxton.app_users import AppUser, AppUserColumns
from paxbill.paxton.invoices import Invoice, InvoiceLine, Payment
from paxbill.portfolio.billing import PortfolioResult
from paxbill.portfolio.sites import Portfolio, Site

__all__ = ["from_dict", "to_dict"]

#: Each object's ``"type"``, and the worked-out figures written beside its fields.
TYPE_NAMES: dict[type, tuple[str, tuple[str, ...]]] = {
    Money: ("money", ()),
    Discount: ("discount", ()),
    PerUserPrice: ("per_user_price", ("net",)),
    PriceSchedule: ("price_schedule", ()),
    ExchangeRate: ("exchange_rate", ()),
    RateTable: ("rate_table", ()),
    BillingPeriod: ("billing_period", ("days",)),
    BillingTerm: ("billing_term", ()),
    AppUser: ("app_user", ()),
    AppUserColumns: ("app_user_columns", ()),
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
    Party: ("party", ()),
    PaymentTerms: ("payment_terms", ()),
    PaymentInstructions: ("payment_instructions", ()),
    Note: ("note", ()),
    Delivery: ("delivery", ()),
    Allowance: ("allowance", ()),
    Charge: ("charge", ()),
    ClientInvoiceLine: ("client_invoice_line", ("net_amount",)),
    VatBreakdown: ("vat_breakdown", ("tax_amount",)),
    ClientPayment: ("client_payment", ()),
    CreditNote: (
        "credit_note",
        ("net_total", "vat_breakdown", "vat_total", "gross_total"),
    ),
    ClientInvoice: (
        "client_invoice",
        (
            "net_total",
            "vat_breakdown",
            "vat_total",
            "gross_total",
            "amount_due",
            "due_date",
        ),
    ),
    NumberSeries: ("number_series", ()),
    NumberingReport: ("numbering_report", ("ok",)),
    LatePaymentCharges: ("late_payment_charges", ("total",)),
    Reminder: ("reminder", ()),
    Installer: ("installer", ()),
    ClientContract: ("client_contract", ()),
}
TYPES_BY_NAME = {name: kind for kind, (name, _) in TYPE_NAMES.items()}

JSONValue = None | bool | int | str | list["JSONValue"] | dict[str, "JSONValue"]

# Each class is read and written by a decoder and an encoder made once, from
# its attrs fields and type hints, on first use. A bad field raises _Bad,
# which collects the keys of its path on its way out: no path is built while
# a document reads well.


class _Bad(Exception):
    """A field that cannot be read, and the keys of its path, innermost first."""

    def __init__(self, reason: str, *keys: str | int) -> None:
        self.reason = reason
        self.keys = list(keys)


def _join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def _kind(value: object) -> str:
    return "null" if value is None else type(value).__name__


Encoder = Callable[[Any], JSONValue]
Decoder = Callable[[Any], Any]


def to_dict(value: object) -> dict[str, JSONValue]:
    """Return a paxbill value object as a dict of JSON types.

    Raises:
        ArgumentTypeError: *value* is not one of paxbill's value objects.

    >>> from paxbill import BillingPeriod
    >>> to_dict(BillingPeriod.month(2024, 6))
    {'type': 'billing_period', 'start': '2024-06-01', 'end': '2024-07-01', 'days': 30}
    """
    try:
        encode = _ENCODERS[type(value)]
    except KeyError:
        if type(value) not in TYPE_NAMES:
            raise ArgumentTypeError(
                value, "a paxbill value object", what="to_dict()"
            ) from None
        encode = _ENCODERS[type(value)] = _object_encoder(type(value))
    return encode(value)  # type: ignore[return-value]


def from_dict(document: Mapping[str, Any], *, path: str = "") -> Any:
    """Return the paxbill value object a :func:`to_dict` document describes.

    Args:
        document: a dict with a ``"type"``, as :func:`to_dict` writes it.
        path: where the document stands in a larger one, for error messages.

    Raises:
        InvalidDocumentError: the document is malformed; the error names the
            path of the bad field, such as ``invoices[2].total.amount``.
    """
    try:
        # The usual document, a dict of a known type, goes straight to its
        # decoder; anything else is taken apart by the general reader.
        name = document.get("type") if type(document) is dict else None
        kind = TYPES_BY_NAME.get(name) if type(name) is str else None
        decode = None if kind is None else _DECODERS.get(kind)
        if decode is not None:
            return decode(document)
        return _decode_any_object(document)
    except _Bad as bad:
        where = path
        for key in reversed(bad.keys):
            where = _join(where, key)
        raise InvalidDocumentError(where or "document", bad.reason) from None
    except RecursionError:
        raise InvalidDocumentError(
            path or "document", "is nested too deep to be a paxbill document"
        ) from None


# -- writing --------------------------------------------------------------


def _encode_money(money: Money) -> JSONValue:
    return {
        "type": "money",
        "amount": _encode_decimal(money.amount),
        "currency": money.currency,
    }


def _encode_value(value: object) -> JSONValue:
    """Any value, by its type: for worked-out figures and mixed fields."""
    if value is None or isinstance(value, bool | int | str):
        return value
    kind = type(value)
    encode = _ENCODERS.get(kind)
    if encode is not None:
        return encode(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return _encode_value(value.value)
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, tuple | list):
        return [_encode_value(item) for item in value]
    return to_dict(value)


def _encoder_for(hint: Any) -> Encoder | None:
    """The encoder of a field's type hint; None where the value is JSON as it is."""
    if hint in (str, int, bool, Any):
        return None
    if hint is dt.date:
        return dt.date.isoformat
    if hint is Decimal:
        return _encode_decimal
    if hint is Money:
        return _encode_money
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return _encode_enum
    if hint in TYPE_NAMES:
        return _encode_object
    options = typing.get_args(hint)
    if (
        typing.get_origin(hint) in _UNIONS
        and len(options) == 2
        and type(None) in options
    ):
        # An optional field: null, or the one kind of value it holds.
        (kind,) = (option for option in options if option is not type(None))
        inner = _encoder_for(kind)
        if inner is not None and inner is not _encode_value:
            return lambda value: None if value is None else inner(value)
    if typing.get_origin(hint) is tuple:
        arguments = typing.get_args(hint)
        if len(arguments) == 2 and arguments[1] is Ellipsis:
            item = _encoder_for(arguments[0])
            if item is None:
                return list
            return lambda items: [item(value) for value in items]
    return _encode_value


def _encode_decimal(value: Decimal) -> str:
    """Every digit, never an exponent: ``str`` where it already says so."""
    text = str(value)
    # The caller's context may spell an exponent "e": either way, none is kept.
    return f"{value:f}" if "E" in text or "e" in text else text


def _encode_object(value: object) -> JSONValue:
    """A value object in a field of its type, by its own encoder."""
    encode = _ENCODERS.get(type(value))
    return to_dict(value) if encode is None else encode(value)


def _encode_enum(value: enum.Enum) -> JSONValue:
    return value.value  # type: ignore[no-any-return]


def _derived_encoder(kind: type, attribute: str) -> Encoder | None:
    """The encoder of a worked-out figure, by its property's return type."""
    prop = getattr(kind, attribute, None)
    if isinstance(prop, property) and prop.fget is not None:
        try:
            returns = typing.get_type_hints(prop.fget).get("return")
        except NameError:  # pragma: no cover - a hint only a type checker sees
            returns = None
        if returns is not None:
            return _encoder_for(returns)
    return _encode_value


def _object_encoder(kind: type) -> Encoder:
    """The encoder of one class: one dict display, written once from its fields."""
    name, derived = TYPE_NAMES[kind]
    hints = field_hints(kind)
    plan = [
        (field.name, _encoder_for(hints[field.name]))
        for field in attrs.fields(kind)
        # Derived state, such as an index, is not written.
        if field.init
    ]
    plan += [(attribute, _derived_encoder(kind, attribute)) for attribute in derived]
    scope: dict[str, Any] = {}
    items = [f"'type': {name!r}"]
    for index, (key, encode_field) in enumerate(plan):
        access = f"value.{key}"
        if encode_field is None:
            items.append(f"{key!r}: {access}")
        elif encode_field is dt.date.isoformat:
            items.append(f"{key!r}: {access}.isoformat()")
        elif encode_field is _encode_enum:
            items.append(f"{key!r}: {access}.value")
        else:
            scope[f"write{index}"] = encode_field
            items.append(f"{key!r}: write{index}({access})")
    source = "def encode(value):\n    return {" + ", ".join(items) + "}\n"
    exec(compile(source, f"<paxbill encoder of {kind.__name__}>", "exec"), scope)
    encode: Encoder = scope["encode"]
    return encode


_ENCODERS: dict[type, Encoder] = {Money: _encode_money}


# -- reading --------------------------------------------------------------


def _decode_any_object(value: object) -> Any:
    """An object of any paxbill type, by its ``"type"``."""
    return _decode_object_of(value, None)


def _decode_object_of(value: object, expected: tuple[type, ...] | None) -> Any:
    if type(value) is not dict and not isinstance(value, Mapping):
        raise _Bad(f"expected an object, not {_kind(value)}")
    name = value.get("type")
    kind = TYPES_BY_NAME.get(name) if isinstance(name, str) else None
    if kind is None:
        if name is None:
            wanted = (
                " or ".join(repr(TYPE_NAMES[k][0]) for k in expected)
                if expected is not None
                else '"money"'
            )
            raise _Bad(f'has no "type": give it, such as "type": {wanted}', "type")
        raise _Bad(f"unknown type {name!r}", "type")
    if expected is not None and kind not in expected:
        names = " or ".join(TYPE_NAMES[k][0] for k in expected)
        raise _Bad(f"expected {names}, not {name}", "type")
    return _decoder_of(kind)(value)


def _decode_money(value: Mapping[str, Any]) -> Money:
    # The usual document reads in one step; only a bad one is taken apart to
    # say which of its fields is wrong.
    if len(value) == 3 and "amount" in value and "currency" in value:
        amount, currency = value["amount"], value["currency"]
        if type(amount) is str and type(currency) is str:
            try:
                return _money(amount, currency)
            except PaxbillError:
                pass
    for key in value:
        if key not in ("type", "amount", "currency"):
            raise _Bad("unknown field", key)
    for key in ("amount", "currency"):
        if key not in value:
            raise _Bad("missing", key)
    try:
        amount = to_decimal(value["amount"])
    except PaxbillError as error:
        raise _Bad(str(error), "amount") from None
    try:
        return Money(amount, currency_code(value["currency"]))
    except PaxbillError as error:
        raise _Bad(str(error), "currency") from None


#: Money from its two strings, remembered: a document repeats its prices.
_money = lru_cache(maxsize=1024)(Money)


def _object_decoder(kind: type) -> Callable[[Mapping[str, Any]], Any]:
    """The decoder of one class: straight-line code, written once from its fields.

    It reads the fields in order, refuses an unknown or missing one, builds
    the object through its own ``__init__`` (so every rule of the class
    holds) and then checks the worked-out figures the document gives.
    """
    if kind is Money:
        return _decode_money
    _, derived = TYPE_NAMES[kind]
    hints = field_hints(kind)
    fields = [field for field in attrs.fields(kind) if field.init]
    known = frozenset(["type", *(field.name for field in fields), *derived])
    scope: dict[str, Any] = {
        "_Bad": _Bad,
        "PaxbillError": PaxbillError,
        "MISSING": _MISSING,
        "kind": kind,
        "known": known,
        "check": _check_derived,
    }
    body = [
        "if not known.issuperset(value):",
        "    raise _Bad('unknown field', next(k for k in value if k not in known))",
    ]
    arguments = []
    optional = any(field.default is not attrs.NOTHING for field in fields)
    if optional:
        body.append("optional = {}")
    for index, field in enumerate(fields):
        name, local = field.name, f"v{index}"
        read = _field_reader(hints[name], local, name, scope)
        body.append(f"{local} = value.get({name!r}, MISSING)")
        if field.default is attrs.NOTHING:
            body += [f"if {local} is MISSING:", f"    raise _Bad('missing', {name!r})"]
            body += read
            arguments.append(f"{field.alias}={local}")
        else:
            body.append(f"if {local} is not MISSING:")
            body += [f"    {line}" for line in read]
            body.append(f"    optional[{field.alias!r}] = {local}")
    if optional:
        arguments.append("**optional")
    body += [
        "try:",
        f"    result = kind({', '.join(arguments)})",
        "except PaxbillError as error:",
        "    raise _Bad(str(error)) from None",
    ]
    for attribute in derived:
        # A figure written as it is computed (a count, a flag) is equal and
        # of the same type; any other is compared by the slower rule.
        body += [
            f"given = value.get({attribute!r}, MISSING)",
            "if given is not MISSING:",
            f"    computed = result.{attribute}",
            "    if type(given) is not type(computed) or given != computed:",
            f"        check(given, computed, {attribute!r})",
        ]
    body.append("return result")
    source = "def decode(value):\n" + "".join(f"    {line}\n" for line in body)
    exec(compile(source, f"<paxbill decoder of {kind.__name__}>", "exec"), scope)
    decode: Callable[[Mapping[str, Any]], Any] = scope["decode"]
    if all(_is_flat(hints[field.name]) for field in fields):
        return _remembered(decode)
    return decode


def _is_flat(hint: Any) -> bool:
    """Whether a field's value is a JSON scalar, never an object or a list."""
    options = typing.get_args(hint) if typing.get_origin(hint) in _UNIONS else (hint,)
    return all(
        option in _FLAT or (isinstance(option, type) and issubclass(option, enum.Enum))
        for option in options
    )


_UNIONS = (typing.Union, types.UnionType)
_FLAT = frozenset({str, int, bool, dt.date, Decimal, type(None)})


def _remembered(
    decode: Callable[[Mapping[str, Any]], Any],
) -> Callable[[Mapping[str, Any]], Any]:
    """*decode*, remembering the objects of the documents it read last.

    A document of scalars only, such as an account or a period, recurs in a
    large document (every invoice of an account holds it): it is read once,
    and the same immutable object is given for each copy. The types of the
    values are part of what is remembered, so that ``1`` is not ``true``.
    """

    @lru_cache(maxsize=512)
    def read(items: tuple[tuple[str, object], ...], kinds: object) -> Any:
        return decode(dict(items))

    def remembered(value: Mapping[str, Any]) -> Any:
        try:
            return read(tuple(value.items()), tuple(map(type, value.values())))
        except TypeError:  # a value that is not a scalar: refused by decode
            return decode(value)

    return remembered


#: A field the document does not give.
_MISSING: Any = object()
#: Field types whose value a document gives as it is: read only when it is not.
_PLAIN = {str: "str", int: "int", bool: "bool"}


def _field_reader(hint: Any, local: str, name: str, scope: dict[str, Any]) -> list[str]:
    """The lines that read one field held in *local*, naming it when it fails."""
    if hint is Any:
        return []
    reader = f"read_{local}"
    scope[reader] = _decoder_for(hint)
    read = [
        "try:",
        f"    {local} = {reader}({local})",
        "except _Bad as bad:",
        f"    bad.keys.append({name!r})",
        "    raise",
    ]
    plain = _PLAIN.get(hint)
    if plain is not None:
        # A value already of the exact type needs no reading.
        return [f"if type({local}) is not {plain}:", *(f"    {line}" for line in read)]
    if hint is dt.date:
        # The usual date is read here; any other value, or a bad one, by
        # the reader, which names the fault.
        scope["fromiso"] = dt.date.fromisoformat
        fast = [
            f"if type({local}) is str and len({local}) == 10:",
            "    try:",
            f"        {local} = fromiso({local})",
            "    except ValueError:",
            f"        {local} = {reader}({local})",
            "else:",
        ]
    elif type(None) in typing.get_args(hint):
        # An optional field written as null is None: nothing to read.
        return [f"if {local} is not None:", *(f"    {line}" for line in read)]
    elif hint in TYPE_NAMES and hint not in _BUILDING:
        # An object of its one type goes straight to that type's decoder.
        scope[f"object_{local}"] = _decoder_of(hint)
        written = TYPE_NAMES[hint][0]
        fast = [
            f"if type({local}) is dict and {local}.get('type') == {written!r}:",
            f"    {local} = object_{local}({local})",
            "else:",
        ]
    else:
        return read
    return [
        "try:",
        *(f"    {line}" for line in fast),
        f"        {local} = {reader}({local})",
        "except _Bad as bad:",
        f"    bad.keys.append({name!r})",
        "    raise",
    ]


#: The classes whose decoders are being written: a class that holds itself
#: reads its own kind through the lazy reader.
_BUILDING: set[type] = set()


def _decoder_of(kind: type) -> Callable[[Mapping[str, Any]], Any]:
    """The decoder of *kind*, written on first use."""
    decode = _DECODERS.get(kind)
    if decode is None:
        _BUILDING.add(kind)
        try:
            decode = _DECODERS[kind] = _object_decoder(kind)
        finally:
            _BUILDING.discard(kind)
    return decode


def _check_derived(given: object, computed: object, key: str) -> None:
    """Refuse a written figure that the object's own fields contradict."""
    if type(computed) is Money:
        # As written by to_dict, a figure reads back without being parsed;
        # any other spelling is read as money and compared by value.
        if given == _encode_money(computed):
            return
        try:
            if _decode_object_of(given, (Money,)) == computed:
                return
        except _Bad as bad:
            bad.keys.append(key)
            raise
    elif type(computed) is dt.date:
        if given == computed.isoformat():
            return
    elif _encode_value(computed) == given:
        return
    raise _Bad(
        f"is {_shown(given)} but the fields give {_shown(_encode_value(computed))}: "
        "the written totals are checked against the lines; delete them to have "
        "them worked out",
        key,
    )


def _shown(value: object) -> str:
    """A written figure as a person reads it: ``600.40 EUR`` rather than its dict."""
    if isinstance(value, Mapping) and value.get("type") == "money":
        return f"{value.get('amount')} {value.get('currency')}"
    return repr(value)


@cache
def field_hints(kind: type) -> dict[str, Any]:
    return typing.get_type_hints(kind)


def _decoder_for(hint: Any) -> Decoder:
    """The decoder of a field's type hint, made once per field."""
    scalar = _SCALARS.get(hint)
    if scalar is not None:
        return scalar
    origin, arguments = typing.get_origin(hint), typing.get_args(hint)
    if origin in _UNIONS:
        return _union_decoder(arguments)
    if origin is tuple:
        if len(arguments) == 2 and arguments[1] is Ellipsis:
            return _list_decoder(_decoder_for(arguments[0]))
        return _fixed_decoder(tuple(_decoder_for(a) for a in arguments))
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return _enum_decoder(hint)
    if hint in TYPE_NAMES:
        return _single_decoder(hint)
    raise TypeError(f"cannot read a {hint!r}")  # pragma: no cover


def _single_decoder(kind: type) -> Decoder:
    """The decoder of a field that holds an object of one class."""
    expected, name = (kind,), TYPE_NAMES[kind][0]
    found: Callable[[Mapping[str, Any]], Any] | None = None

    def decode(value: object) -> Any:
        nonlocal found
        if type(value) is dict and value.get("type") == name:
            if found is None:
                found = _decoder_of(kind)
            return found(value)
        return _decode_object_of(value, expected)

    return decode


def _union_decoder(arguments: tuple[Any, ...]) -> Decoder:
    optional = type(None) in arguments
    options = tuple(a for a in arguments if a is not type(None))
    objects = tuple(a for a in options if a in TYPE_NAMES)
    decoders = [_decoder_for(option) for option in options]

    def decode(value: object) -> Any:
        if value is None and optional:
            return None
        if isinstance(value, Mapping):
            return _decode_object_of(value, objects)
        errors = []
        for decode_option in decoders:
            try:
                return decode_option(value)
            except _Bad as bad:
                errors.append(bad)
        raise errors[0]

    return decode


def _list_decoder(item: Decoder) -> Decoder:
    def decode(value: object) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise _Bad(f"expected a list, not {_kind(value)}")
        try:
            return tuple([item(element) for element in value])
        except _Bad as bad:
            # Find which item it was: decoding is deterministic, so the
            # first item that fails again is the one.
            for index, element in enumerate(value):  # pragma: no branch
                try:
                    item(element)
                except _Bad:
                    bad.keys.append(index)
                    raise bad from None
            raise  # pragma: no cover

    return decode


def _fixed_decoder(items: tuple[Decoder, ...]) -> Decoder:
    def decode(value: object) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise _Bad(f"expected a list, not {_kind(value)}")
        if len(value) != len(items):
            raise _Bad(f"expected {len(items)} items")
        result = []
        for index, (element, item) in enumerate(zip(value, items, strict=True)):
            try:
                result.append(item(element))
            except _Bad as bad:
                bad.keys.append(index)
                raise
        return tuple(result)

    return decode


def _enum_decoder(kind: type[enum.Enum]) -> Decoder:
    allowed = ", ".join(repr(m.value) for m in kind)

    def decode(value: object) -> enum.Enum:
        try:
            return kind(value)
        except ValueError:
            raise _Bad(f"expected one of {allowed}") from None

    return decode


def _expect(kind: type, name: str) -> Decoder:
    def decode(value: object) -> Any:
        if type(value) is kind:
            return value
        if not isinstance(value, kind) or (
            isinstance(value, bool) and kind is not bool
        ):
            raise _Bad(f"expected {name}, not {_kind(value)}")
        return value

    return decode


def _decode_date(value: object) -> dt.date:
    if not isinstance(value, str):
        raise _Bad(f"expected a date as 'YYYY-MM-DD', not {_kind(value)}")
    try:
        if len(value) != 10:
            raise ValueError
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _Bad(f"{value!r} is not a date as 'YYYY-MM-DD'") from None


def _decode_decimal(value: object) -> Decimal:
    try:
        return to_decimal(value, what="number")
    except PaxbillError as error:
        raise _Bad(str(error)) from None


_SCALARS: dict[Any, Decoder] = {
    str: _expect(str, "a string"),
    int: _expect(int, "a whole number"),
    bool: _expect(bool, "true or false"),
    dt.date: _decode_date,
    Decimal: _decode_decimal,
    Any: lambda value: value,
}
_DECODERS: dict[type, Callable[[Mapping[str, Any]], Any]] = {}
