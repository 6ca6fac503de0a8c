"""Reading invoices and clients from JSON or CSV files, with errors that point."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, TypeVar

from paxbill.cli._common import BadInput
from paxbill.clients.cashflow import Client
from paxbill.core._currency import currency_code
from paxbill.core.money import Money
from paxbill.core.periods import BillingFrequency, BillingPeriod
from paxbill.exceptions import InvalidDocumentError, PaxbillError
from paxbill.io.serialization import from_dict
from paxbill.paxton.accounts import Account, AccountType, PaymentMethod
from paxbill.paxton.invoices import APP_USERS, Invoice, InvoiceLine, Payment

T = TypeVar("T")

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


def read_invoices(path: str) -> list[Invoice]:
    """Read invoices from a JSON file (to_dict documents) or a CSV file."""
    if path.lower().endswith(".csv"):
        return list(_read_csv(path, INVOICE_COLUMNS, INVOICE_OPTIONAL, _invoice_row))
    return _read_json(path, "invoices", Invoice)


def read_clients(path: str) -> list[Client]:
    """Read clients from a JSON file (to_dict documents) or a CSV file."""
    if path.lower().endswith(".csv"):
        return list(_read_csv(path, CLIENT_COLUMNS, (), _client_row))
    return _read_json(path, "clients", Client)


def _open(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BadInput(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise BadInput(f"{path}: cannot read it ({error})") from None


def read_object(path: str, kinds: tuple[type, ...]) -> Any:
    """Read one object, of one of *kinds*, from a JSON file of its to_dict document."""
    document = _load_json(path)
    try:
        value = from_dict(document) if isinstance(document, dict) else None
    except InvalidDocumentError as error:
        raise BadInput(f"{path}: {error}") from None
    if not isinstance(value, kinds):
        names = " or ".join(kind.__name__ for kind in kinds)
        raise BadInput(f"{path}: expected one {names} document")
    return value


def _load_json(path: str) -> Any:
    text = _open(path)
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise BadInput(
            f"{path}: line {error.lineno}, column {error.colno}: not JSON ({error.msg})"
        ) from None


def _read_json(path: str, key: str, kind: type[T]) -> list[T]:
    document = _load_json(path)
    items = document.get(key) if isinstance(document, dict) else document
    if not isinstance(items, list):
        raise BadInput(f"{path}: expected a list of {key}, or an object with {key!r}")
    prefix = key if isinstance(document, dict) else ""
    result = []
    for index, item in enumerate(items):
        where = f"{prefix}[{index}]"
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
    required: tuple[str, ...],
    optional: tuple[str, ...],
    build: Callable[[Mapping[str, str], Callable[[str, Callable[[str], Any]], Any]], T],
) -> Iterator[T]:
    lines = _open(path).splitlines()
    reader = csv.DictReader(lines)
    columns = reader.fieldnames or []
    for name in columns:
        if name not in required and name not in optional:
            raise BadInput(f"{path}: unknown column {name!r}")
    for name in required:
        if name not in columns:
            raise BadInput(f"{path}: missing column {name!r}")
    for number, row in enumerate(reader, start=2):

        def field(
            name: str,
            read: Callable[[str], Any],
            row: Mapping[str, str] = row,
            number: int = number,
        ) -> Any:
            text = (row.get(name) or "").strip()
            try:
                return read(text)
            except (PaxbillError, ValueError, KeyError) as error:
                raise BadInput(
                    f"{path}: row {number}, field {name!r}: {_reason(error, text)}"
                ) from None

        try:
            yield build(row, field)
        except PaxbillError as error:
            raise BadInput(f"{path}: row {number}: {error}") from None


def _reason(error: Exception, text: str) -> str:
    if isinstance(error, PaxbillError):
        return str(error)
    return f"{text!r} is not valid here"


def _date(text: str) -> dt.date:
    if len(text) != 10:
        raise ValueError(text)
    return dt.date.fromisoformat(text)


def _whole(text: str) -> int:
    if not text.lstrip("-").isdigit():
        raise ValueError(text)
    return int(text)


def _yes(text: str) -> bool:
    if text.lower() not in ("", "true", "false", "yes", "no", "1", "0"):
        raise ValueError(text)
    return text.lower() in ("true", "yes", "1")


def _invoice_row(
    row: Mapping[str, str], field: Callable[[str, Callable[[str], Any]], Any]
) -> Invoice:
    account_type = field("account_type", AccountType)
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
        payment = Payment(field("paid_on", _date), field("method", PaymentMethod))
        invoice = invoice.pay(payment.on, payment.method)
    return invoice


def _client_row(
    row: Mapping[str, str], field: Callable[[str, Callable[[str], Any]], Any]
) -> Client:
    currency = field("currency", currency_code)
    return Client(
        field("client_id", str),
        field("users", _whole),
        field("billing", BillingFrequency),
        field("price", lambda text: Money(text, currency)),
    )
