"""Reading invoices and clients from JSON or CSV files, with errors that point."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import enum
import itertools
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any, TypeVar

from paxbill.cli._common import BadInput, warn
from paxbill.cli._source import read_text, text_of
from paxbill.clients.bundles import Bundle
from paxbill.clients.cashflow import Client
from paxbill.clients.contracts import ClientContract
from paxbill.clients.invoicing.parties import Party
from paxbill.core._currency import currency_code
from paxbill.core.formatting import parse_locale
from paxbill.core.money import Money
from paxbill.core.periods import BillingFrequency, BillingPeriod
from paxbill.exceptions import InvalidDocumentError, PaxbillError
from paxbill.io.dates import parse_date
from paxbill.io.serialization import TYPE_NAMES, from_dict
from paxbill.paxton.accounts import Account, AccountType, PaymentMethod
from paxbill.paxton.app_users import AppUser
from paxbill.paxton.invoices import APP_USERS, Invoice, InvoiceLine, Payment

T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)

INVOICE_COLUMNS = (
    "number",
    "account_id",
    "account_type",
    "period_start",
    "period_end",
    "users",
    "unit_price",
    "currency",
)
INVOICE_OPTIONAL = ("autopay", "paid_on", "method")
CLIENT_COLUMNS = ("client_id", "users", "price", "currency", "billing")


#: What ``--format`` may say, when a file's name does not tell.
FORMATS = ("csv", "json")


def each_invoice(
    path: str,
    *,
    form: str | None = None,
    decimal_comma: bool = False,
    locale: str | None = None,
    strict: bool = False,
) -> Iterator[Invoice]:
    """Read invoices from a JSON file (to_dict documents) or a CSV file.

    *path* ``-`` reads standard input; *form* (``csv`` or ``json``) says
    which when the name does not; *decimal_comma* reads ``4,00`` as 4.00.
    One invoice at a time: a CSV file is read row by row, never held whole.
    """
    return _each_of(
        path,
        form,
        ("invoices", Invoice),
        (INVOICE_COLUMNS, INVOICE_OPTIONAL),
        lambda row, field: _invoice_row(row, field, _dates(locale)),
        decimal_comma,
        strict,
    )


def each_client(
    path: str,
    *,
    form: str | None = None,
    decimal_comma: bool = False,
    strict: bool = False,
) -> Iterator[Client]:
    """Read clients from a JSON file (to_dict documents) or a CSV file.

    One at a time, as :func:`each_invoice` reads invoices.
    """
    return _each_of(
        path,
        form,
        ("clients", Client),
        (CLIENT_COLUMNS, ()),
        _client_row,
        decimal_comma,
        strict,
    )


def _each_of(
    path: str,
    form: str | None,
    document: tuple[str, type[T]],
    columns: tuple[tuple[str, ...], tuple[str, ...]],
    build: Callable[[Mapping[str, str], Callable[[str, Callable[[str], Any]], Any]], T],
    decimal_comma: bool,
    strict: bool,
) -> Iterator[T]:
    """Each item of *path*: a JSON *document* (its key and kind) or CSV rows."""
    with text_of(path) as source:
        if not _is_csv(path, source.first, form):
            yield from _read_json(path, source.text.read(), *document)
            return
        yield from _read_csv(path, source.text, *columns, build, decimal_comma, strict)


def add_input_options(command: argparse.ArgumentParser, what: str) -> None:
    """Add FILE (or - for standard input) and --format, for commands that read."""
    command.add_argument(
        "file", help=f"a .json file of {what}, or a .csv file; - reads standard input"
    )
    command.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="csv or json, when the file's name does not tell",
    )
    command.add_argument(
        "--strict",
        action="store_true",
        help="refuse a CSV column paxbill does not know (by default it is ignored,"
        " with a warning)",
    )


def decimal_comma(locale: object) -> bool:
    """Whether *locale* writes a decimal comma, as fr_FR and de_DE do."""
    from babel.numbers import get_decimal_symbol

    return bool(get_decimal_symbol(parse_locale(locale)) == ",")


def _is_csv(path: str, first: str, form: str | None) -> bool:
    """By --format, else by the name, else by the first character written."""
    if form is not None:
        return form == "csv"
    name = path.lower()
    if name.endswith((".csv", ".json")):
        return name.endswith(".csv")
    return first not in ("{", "[")


def read_object(path: str, kinds: tuple[type, ...]) -> Any:
    """Read one object, of one of *kinds*, from a JSON file of its to_dict document."""
    document = _load_json(path, read_text(path))
    try:
        value = from_dict(document) if isinstance(document, dict) else None
    except InvalidDocumentError as error:
        raise BadInput(f"{path}: {error}") from None
    if not isinstance(value, kinds):
        names = " or ".join(kind.__name__ for kind in kinds)
        raise BadInput(f"{path}: expected one {names} document")
    return value


#: The deepest nesting a JSON input may have: far beyond any paxbill document.
MAX_JSON_DEPTH = 64


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise _DuplicateKey(key)
        found[key] = value
    return found


class _DuplicateKey(ValueError):
    """A JSON object that gives one key twice."""


def _depth(text: str) -> int:
    """The deepest nesting of brackets in a JSON text, strings left aside."""
    depth = deepest = 0
    inside = escaped = False
    for character in text:
        if inside:
            if escaped:
                escaped = False
            elif character == "\\":
                escaped = True
            elif character == '"':
                inside = False
        elif character == '"':
            inside = True
        elif character in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif character in "]}":
            depth -= 1
    return deepest


def _load_json(path: str, text: str) -> Any:
    if _depth(text) > MAX_JSON_DEPTH:
        raise BadInput(
            f"{path}: nested more than {MAX_JSON_DEPTH} deep: not a paxbill document"
        )
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as error:
        raise BadInput(
            f"{path}: line {error.lineno}, column {error.colno}: not JSON ({error.msg})"
        ) from None
    except _DuplicateKey as error:
        raise BadInput(f"{path}: the key {error.args[0]!r} is given twice") from None
    except ValueError as error:  # an integer of more digits than Python reads
        raise BadInput(f"{path}: not JSON paxbill reads ({error})") from None


def _read_json(path: str, text: str, key: str, kind: type[T]) -> list[T]:
    document = _load_json(path, text)
    items = document.get(key) if isinstance(document, dict) else document
    if not isinstance(items, list):
        raise BadInput(f"{path}: expected a list of {key}, or an object with {key!r}")
    prefix = key if isinstance(document, dict) else ""
    result = []
    for index, item in enumerate(items):
        where = f"{prefix}[{index}]"
        if isinstance(item, dict) and "type" not in item:
            expected = TYPE_NAMES[kind][0]
            raise BadInput(f'{path}: {where}: has no "type": give "type": "{expected}"')
        try:
            value = from_dict(item, path=where)
        except InvalidDocumentError as error:
            raise BadInput(f"{path}: {error}") from None
        if not isinstance(value, kind):
            raise BadInput(f"{path}: {where}.type: expected a {kind.__name__}")
        result.append(value)
    return result


def _read_csv(
    path: str,
    lines: Iterable[str],
    required: tuple[str, ...],
    optional: tuple[str, ...],
    build: Callable[[Mapping[str, str], Callable[[str, Callable[[str], Any]], Any]], T],
    decimal_comma: bool,
    strict: bool = False,
) -> Iterator[T]:
    """Each row of a CSV file, built as it is read.

    Headers are read in any case and spacing.
    A column paxbill does not know is named in a warning and ignored, or
    refused when *strict*.
    """
    rest = iter(lines)
    header = next(rest, "")
    # French spreadsheets write ';' between fields, and decimal commas.
    separator = ";" if header.count(";") > header.count(",") else ","
    comma = decimal_comma or separator == ";"
    reader = csv.DictReader(itertools.chain([header], rest), delimiter=separator)
    written = list(reader.fieldnames or [])
    columns = [_header(name) for name in written]
    reader.fieldnames = columns
    known = ", ".join((*required, *optional))
    for name in required:
        if name not in columns:
            raise BadInput(f"{path}: missing column {name!r}: the columns are {known}")
    unknown = [
        given
        for given, name in zip(written, columns, strict=True)
        if name not in required and name not in optional
    ]
    if unknown and strict:
        raise BadInput(
            f"{path}: unknown column {unknown[0].strip()!r}: the columns are {known}"
        )
    if unknown:
        names = ", ".join(repr(name.strip()) for name in unknown)
        warn(f"{path}: ignoring the column(s) {names}: the columns are {known}")
    rows = 0
    for row in reader:
        number = reader.line_num
        rows += 1

        def field(
            name: str,
            read: Callable[[str], Any],
            row: Mapping[str, str] = row,
            number: int = number,
        ) -> Any:
            text = (row.get(name) or "").strip()
            if comma and _DECIMAL_COMMA.fullmatch(text):
                text = text.replace(",", ".")
            try:
                return read(text)
            except (PaxbillError, ValueError, KeyError) as error:
                raise BadInput(
                    f"{path}: line {number}, column {name!r}: {_reason(error, text)}"
                ) from None

        try:
            yield build(row, field)
        except PaxbillError as error:
            raise BadInput(f"{path}: line {number}: {error}") from None
    if not rows:
        raise BadInput(f"{path}: no rows under its header")


def _header(name: str) -> str:
    """A column's name as paxbill spells it: ``Client ID`` is ``client_id``."""
    return "_".join(name.strip().lower().replace("-", " ").split())


_DECIMAL_COMMA = re.compile(r"-?\d+,\d+")


class _NotOneOf(ValueError):
    """A value that is not one of an enum's, with the allowed ones listed."""


def _one_of(kind: type[E]) -> Callable[[str], E]:
    """Read one of *kind*'s values, in any case, with - or space for _."""

    def read(text: str) -> E:
        try:
            return kind(text.strip().lower().replace("-", "_").replace(" ", "_"))
        except ValueError:
            allowed = ", ".join(str(member.value) for member in kind)
            raise _NotOneOf(f"{text!r} is not one of {allowed}") from None

    return read


def _reason(error: Exception, text: str) -> str:
    if isinstance(error, PaxbillError | _NotOneOf):
        return str(error)
    return f"{text!r} is not valid here"


def _dates(locale: str | None) -> Callable[[str], dt.date]:
    """The reader of a file's dates: ISO, or the order of the --locale given."""

    def read(text: str) -> dt.date:
        return parse_date(text, locale)

    return read


def _decimal(text: str) -> Decimal:
    if not re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", text):
        raise _NotOneOf(f"{text!r} is not a number such as 20 or 5.5")
    return Decimal(text)


def _whole(text: str) -> int:
    if not re.fullmatch(r"-?[0-9]+", text):
        raise ValueError(text)
    return int(text)


def _yes(text: str) -> bool:
    if text.lower() not in ("", "true", "false", "yes", "no", "1", "0"):
        raise ValueError(text)
    return text.lower() in ("true", "yes", "1")


def _invoice_row(
    row: Mapping[str, str],
    field: Callable[[str, Callable[[str], Any]], Any],
    _date: Callable[[str], dt.date],
) -> Invoice:
    account_type = field("account_type", _one_of(AccountType))
    autopay = (
        field("autopay", _yes)
        if row.get("autopay")
        else account_type is AccountType.SYSTEM_MANAGER
    )
    account = Account(field("account_id", str), account_type, autopay)
    currency = field("currency", currency_code)
    period = BillingPeriod(field("period_start", _date), field("period_end", _date))
    line = InvoiceLine(
        APP_USERS,
        field("users", _whole),
        field("unit_price", lambda t: Money(t, currency)),
    )
    invoice = Invoice(field("number", str), account, period, (line,))
    if (row.get("paid_on") or "").strip():
        method = field("method", _one_of(PaymentMethod))
        payment = Payment(field("paid_on", _date), method)
        invoice = invoice.pay(payment.on, payment.method)
    return invoice


def _client_row(
    row: Mapping[str, str], field: Callable[[str, Callable[[str], Any]], Any]
) -> Client:
    currency = field("currency", currency_code)
    return Client(
        field("client_id", str),
        field("users", _whole),
        field("billing", _one_of(BillingFrequency)),
        field("price", lambda text: Money(text, currency)),
    )


CONTRACT_COLUMNS = ("client_id", "currency", "billing")
CONTRACT_OPTIONAL = (
    "price",
    "users",
    "name",
    "country",
    "vat_id",
    "legal_id",
    "siret",
    "address",
    "postcode",
    "city",
    "electronic_address",
    "term_start",
    "vat_category",
    "vat_rate",
    "exemption_reason",
    "bundle_fee",
)
_PARTY_COLUMNS = (
    "vat_id",
    "legal_id",
    "siret",
    "postcode",
    "city",
    "electronic_address",
)
USER_COLUMNS = ("user_id", "client_id", "activated_on")
USER_OPTIONAL = ("deactivated_on",)


def read_contracts(
    path: str,
    *,
    seller_country: str,
    app_price: Money,
    decimal_comma: bool = False,
    locale: str | None = None,
    strict: bool = False,
) -> tuple[list[ClientContract], dict[str, int]]:
    """Read the clients' contracts from a CSV file, or a JSON file of them.

    A CSV row names the client (``name``, ``country`` and the other
    columns of a :class:`~paxbill.Party`; the client id and the seller's
    country by default), its billing, price and currency, and may give a
    ``users`` count (for a month end without a users file) and a
    ``bundle_fee`` (billed instead of a price per user). Returns the
    contracts and the counts given.
    """
    counts: dict[str, int] = {}
    _date = _dates(locale)

    def build(
        row: Mapping[str, str], field: Callable[[str, Callable[[str], Any]], Any]
    ) -> ClientContract:
        currency = field("currency", currency_code)
        client_id = field("client_id", _name)

        def money(text: str) -> Money:
            amount, _, code = text.partition(" ")
            if code and currency_code(code) != currency:
                raise _NotOneOf(f"{text!r} is in {code}, the client in {currency}")
            return Money(amount, currency)

        def given(name: str) -> bool:
            return bool((row.get(name) or "").strip())

        frequency = field("billing", _one_of(BillingFrequency))
        billing: BillingFrequency | Bundle = frequency
        if given("bundle_fee"):
            fee = field("bundle_fee", money)
            billing = Bundle(fee, frequency, 0, app_price, fee * 0)
        if given("users"):
            counts[client_id] = field("users", _whole)
        party = {name: field(name, str) for name in _PARTY_COLUMNS if given(name)}
        if given("address"):
            party["address"] = [field("address", str)]
        buyer = field(
            "name",
            lambda text: Party(
                text or client_id,
                field("country", str) if given("country") else seller_country,
                **party,
            ),
        )
        options: dict[str, Any] = {}
        if given("term_start"):
            options["term_start"] = field("term_start", _date)
        if given("vat_category"):
            options["vat_category"] = field("vat_category", str)
        if given("vat_rate"):
            options["vat_rate"] = field("vat_rate", _decimal)
        if given("exemption_reason"):
            options["exemption_reason"] = field("exemption_reason", str)
        price = field("price", money) if given("price") else None
        return ClientContract(client_id, buyer, billing, price, **options)

    with text_of(path) as source:
        if not _is_csv(path, source.first, None):
            text = source.text.read()
            return _read_json(path, text, "clients", ClientContract), counts
        rows = _read_csv(
            path,
            source.text,
            CONTRACT_COLUMNS,
            CONTRACT_OPTIONAL,
            build,
            decimal_comma,
            strict,
        )
        return list(rows), counts


def read_app_users(
    path: str, *, clients: set[str], locale: str | None = None, strict: bool = False
) -> dict[str, list[AppUser]]:
    """Read app users from a CSV file: each with its client, one of *clients*."""
    _date = _dates(locale)
    users: dict[str, list[AppUser]] = {}

    def known(text: str) -> str:
        if text not in clients:
            raise _NotOneOf(f"{text!r} is the id of no client in the clients' file")
        return text

    def build(
        row: Mapping[str, str], field: Callable[[str, Callable[[str], Any]], Any]
    ) -> None:
        until = (row.get("deactivated_on") or "").strip()
        user = AppUser(
            field("user_id", _name),
            field("activated_on", _date),
            field("deactivated_on", _date) if until else None,
        )
        users.setdefault(field("client_id", known), []).append(user)

    with text_of(path) as source:
        rows = _read_csv(
            path, source.text, USER_COLUMNS, USER_OPTIONAL, build, False, strict
        )
        for _ in rows:
            pass
    return users


def _name(text: str) -> str:
    if not text:
        raise _NotOneOf("is empty: give an identifier")
    return text
