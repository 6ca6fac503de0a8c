"""Tests for paxbill.io.serialization: every value object through JSON and back."""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import functools
import json
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paxbill import (
    Account,
    AccountType,
    AppUserColumns,
    ArgumentTypeError,
    BillingFrequency,
    BillingPeriod,
    Bundle,
    Client,
    ClientLedger,
    Discount,
    InvalidDocumentError,
    Invoice,
    InvoiceLine,
    InvoiceList,
    Money,
    NumberSeries,
    Payment,
    PaymentMethod,
    PerUserPrice,
    Portfolio,
    Site,
    account_activity,
    bill_portfolio,
    check_numbering,
    compare_strategies,
    issue_invoice,
    late_payment_charges,
    project_cash_flow,
    quote_prepayment,
    reminder_schedule,
    review_balance,
)
from paxbill.io.schemas import json_schema, schema_names
from paxbill.io.serialization import from_dict, to_dict
from tests.strategies import (
    app_users,
    billings,
    client_invoices,
    client_lines,
    dates,
    money,
    parties,
    periods,
)

D = dt.date
ids = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-", min_size=1, max_size=8)
cents = st.integers(0, 10**6)
eur = cents.map(lambda c: Money.from_minor_units(c, "EUR"))
discounts = st.decimals(0, 100, places=2).map(Discount)
prices = st.builds(PerUserPrice, eur, st.none() | discounts)
accounts = st.one_of(
    st.builds(Account, ids, st.just(AccountType.SYSTEM_MANAGER)),
    st.builds(
        Account,
        ids,
        st.just(AccountType.APPROVED_INSTALLER),
        st.booleans(),
        credit_days=st.integers(0, 90),
    ),
)
lines = st.builds(InvoiceLine, st.text(max_size=20), st.integers(0, 500), eur)


@st.composite
def invoices(draw: st.DrawFn) -> Invoice:
    """An invoice, paid or not."""
    account = draw(accounts)
    invoice = Invoice(
        draw(ids),
        account,
        draw(periods()),
        draw(st.lists(lines, min_size=1, max_size=4)),
    )
    if draw(st.booleans()):
        method = PaymentMethod.AUTOMATIC if account.autopay else PaymentMethod.MANUAL
        invoice = invoice.pay(
            invoice.issue_date + dt.timedelta(draw(st.integers(0, 60))), method
        )
    return invoice


@st.composite
def ledgers(draw: st.DrawFn) -> ClientLedger:
    """A ledger of a few credits and debits."""
    ledger = ClientLedger(draw(ids), "EUR")
    for on, credit, amount in draw(
        st.lists(st.tuples(dates, st.booleans(), eur), max_size=5)
    ):
        ledger = (
            ledger.credit(on, amount, "in")
            if credit
            else ledger.debit(on, amount, "out")
        )
    return ledger


bundles = st.builds(
    Bundle,
    eur,
    st.sampled_from([BillingFrequency.MONTHLY, BillingFrequency.ANNUAL]),
    st.integers(0, 200),
    st.one_of(eur, prices),
    eur,
)
clients = st.one_of(
    st.builds(
        Client,
        ids,
        st.lists(app_users(), max_size=3),
        billings,
        eur,
        term_start=st.none() | dates,
    ),
    st.builds(
        Client,
        ids,
        st.integers(0, 300),
        billings,
        st.one_of(eur, prices),
    ),
    st.builds(Client, ids, st.integers(0, 300), bundles),
)


def _projection(
    group: list[Client], account: Account, start: dt.date, months: int
) -> Any:
    return project_cash_flow(
        group,
        paxton_price=Money("2.55", "EUR"),
        account=account,
        start=start,
        months=months,
    )


user_columns = st.lists(app_users(), max_size=4).map(
    lambda users: AppUserColumns(
        [n for n, _ in enumerate(users)],
        [u.activated_on for u in users],
        [u.deactivated_on for u in users],
    )
)


@st.composite
def portfolios(draw: st.DrawFn) -> Portfolio:
    """A small portfolio of one or two accounts."""
    found = draw(
        st.lists(accounts, min_size=1, max_size=2, unique_by=lambda a: a.account_id)
    )
    sites = [
        Site(
            f"S{n}",
            draw(st.sampled_from(found)).account_id,
            draw(st.lists(app_users(), max_size=3) | user_columns),
            draw(st.one_of(eur, prices)),
            draw(billings),
        )
        for n in range(draw(st.integers(0, 3)))
    ]
    return Portfolio(found, sites)


INVOICING = st.one_of(
    client_invoices(),
    client_invoices().map(
        lambda invoice: (
            invoice.credit_notes[0]
            if invoice.credit_notes
            else invoice.credit("AV-1", invoice.issue_date)
        )
    ),
    parties,
    client_lines(),
    client_invoices(settled=False).map(lambda invoice: invoice.vat_breakdown[0]),
    st.builds(NumberSeries, st.sampled_from(["F2024-", "AV-"]), st.integers(1, 10**6)),
    st.lists(st.integers(1, 30)).map(
        lambda numbers: check_numbering(
            [f"F-{n:04d}" for n in numbers], NumberSeries("F-")
        )
    ),
    st.builds(
        lambda invoice, days: late_payment_charges(
            invoice, invoice.due_date + dt.timedelta(days), annual_rate="10.5"
        ),
        client_invoices(),
        st.integers(0, 90),
    ),
    client_invoices()
    .map(lambda invoice: reminder_schedule(invoice))
    .filter(bool)
    .map(lambda reminders: reminders[0]),
)

VALUE_OBJECTS = st.one_of(
    INVOICING,
    portfolios(),
    st.builds(
        lambda p, day: bill_portfolio(
            p,
            year=2024,
            paxton_price=PerUserPrice(Money("3", "EUR"), 15),
            review_on=day,
        ),
        portfolios(),
        st.dates(min_value=D(2024, 1, 1), max_value=D(2024, 12, 31)),
    ),
    st.builds(InvoiceList, st.lists(invoices(), max_size=3), dates),
    money(),
    discounts,
    prices,
    periods(),
    app_users(),
    user_columns,
    accounts,
    lines,
    st.builds(Payment, dates, st.sampled_from(list(PaymentMethod))),
    invoices(),
    st.builds(
        lambda invs, year: account_activity(invs, year, currency="EUR"),
        st.lists(invoices(), max_size=4),
        st.integers(2000, 2099),
    ),
    st.builds(
        quote_prepayment,
        st.one_of(eur, prices),
        st.integers(0, 300),
        billings,
        dates,
    ),
    ledgers(),
    st.builds(
        lambda balance, cost, start, days: review_balance(
            balance, cost, as_of=start, term_end=start + dt.timedelta(days)
        ),
        eur,
        eur,
        dates,
        st.integers(0, 500),
    ),
    bundles,
    clients,
    st.builds(
        _projection, st.lists(clients, max_size=3), accounts, dates, st.integers(0, 14)
    ),
    st.builds(
        lambda group, account, start: compare_strategies(
            {"as is": group, "annual": tuple(c for c in group)},
            paxton_price=PerUserPrice(Money("3.00", "EUR"), 15),
            account=account,
            start=start,
            months=6,
        ),
        st.lists(clients, max_size=3),
        accounts,
        dates,
    ),
)


@given(VALUE_OBJECTS)
def test_every_value_object_round_trips_through_json(value: object) -> None:
    """Law: from_dict(json.loads(json.dumps(to_dict(x)))) == x, and no float appears."""
    document = to_dict(value)
    text = json.dumps(document)
    back = from_dict(json.loads(text))
    assert back == value
    assert type(back) is type(value)

    def no_floats(node: object) -> None:
        assert not isinstance(node, float)
        if isinstance(node, dict):
            for child in node.values():
                no_floats(child)
        elif isinstance(node, list):
            for child in node:
                no_floats(child)

    no_floats(json.loads(text))


def portal_invoice() -> Invoice:
    """The portal's invoice 335217."""
    return issue_invoice(
        335217,
        Account("INST-1", AccountType.APPROVED_INSTALLER),
        PerUserPrice(Money("3.00", "EUR"), 15),
        70,
        BillingPeriod.month(2024, 4),
    )


def test_document_of_an_invoice() -> None:
    """An invoice is written with amounts as strings, dates ISO, and its total."""
    document = to_dict(portal_invoice())
    assert document["total"] == {"type": "money", "amount": "178.50", "currency": "EUR"}
    assert document["issue_date"] == "2024-05-01"
    assert document["due_date"] == "2024-05-31"
    assert document["payment"] is None


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (
            lambda d: d.update(
                total={"type": "money", "amount": 178.5, "currency": "EUR"}
            ),
            "invoices[2].total.amount",
        ),
        (
            lambda d: d.update(
                total={"type": "money", "amount": "170.00", "currency": "EUR"}
            ),
            "invoices[2].total",
        ),
        (
            lambda d: d["lines"][0]["unit_price"].update(currency="XYZ"),
            "invoices[2].lines[0].unit_price.currency",
        ),
        (lambda d: d.update(issue_date="01/05/24"), "invoices[2].issue_date"),
        (
            lambda d: d["account"].update(account_type="installer"),
            "invoices[2].account.account_type",
        ),
        (lambda d: d.update(colour="red"), "invoices[2].colour"),
        (lambda d: d.pop("number"), "invoices[2].number"),
        (lambda d: d.update(type="receipt"), "invoices[2].type"),
        (lambda d: d.update(lines={"a": 1}), "invoices[2].lines"),
        (
            lambda d: d["lines"][0].update(quantity="70"),
            "invoices[2].lines[0].quantity",
        ),
        (
            lambda d: d["lines"][0]["unit_price"].update(colour="red"),
            "invoices[2].lines[0].unit_price.colour",
        ),
        (
            lambda d: d["lines"][0]["unit_price"].pop("currency"),
            "invoices[2].lines[0].unit_price.currency",
        ),
        (
            lambda d: d.update(account={"type": "money", "amount": "1.00"}),
            "invoices[2].account.type",
        ),
        (lambda d: d.update(period="2024-05"), "invoices[2].period"),
        (
            lambda d: d["period"].update(start="2024-02-30"),
            "invoices[2].period.start",
        ),
        (lambda d: d["period"].update(end=20240601), "invoices[2].period.end"),
        (
            lambda d: d["account"].update(credit_days=[30]),
            "invoices[2].account.credit_days",
        ),
        (
            lambda d: d["account"].update(autopay=1),
            "invoices[2].account.autopay",
        ),
        (
            lambda d: d["lines"].append(dict(d["lines"][0], quantity=-1)),
            "invoices[2].lines[1]",
        ),
        (lambda d: d.update(due_date="2024-06-02"), "invoices[2].due_date"),
    ],
)
def test_malformed_documents_name_the_bad_field(change: Any, path: str) -> None:
    """It raises InvalidDocumentError, a ValueError, naming the bad field's path."""
    document = to_dict(portal_invoice())
    change(document)
    with pytest.raises(InvalidDocumentError) as raised:
        from_dict(document, path="invoices[2]")
    assert isinstance(raised.value, ValueError)
    assert raised.value.path == path
    assert str(raised.value).startswith(path)


def test_a_recurring_document_reads_as_the_same_value() -> None:
    """A repeated account or price reads the same each time.

    A value of another JSON type is never taken for an equal one.
    """
    document: Any = to_dict(portal_invoice())
    first, second = from_dict(document), from_dict(copy.deepcopy(document))
    assert first == second
    assert first.account == second.account
    for spelling in (1, 1.0):
        changed = copy.deepcopy(document)
        changed["account"]["autopay"] = spelling
        with pytest.raises(InvalidDocumentError) as raised:
            from_dict(changed)
        assert raised.value.path == "account.autopay"
    changed = copy.deepcopy(document)
    changed["account"]["credit_days"] = float(document["account"]["credit_days"])
    with pytest.raises(InvalidDocumentError):
        from_dict(changed)


def test_not_a_value_object() -> None:
    """It refuses to write what is not a paxbill value object, or read a non-object."""
    with pytest.raises(ArgumentTypeError):
        to_dict({"amount": "1"})
    with pytest.raises(InvalidDocumentError):
        from_dict([1, 2])  # type: ignore[arg-type]


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


def _leaves(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(node, dict):
        return [p for key, child in node.items() for p in _leaves(child, (*path, key))]
    if isinstance(node, list):
        return [p for i, child in enumerate(node) for p in _leaves(child, (*path, i))]
    return [path]


@given(VALUE_OBJECTS, st.data())
def test_a_corrupted_document_fails_only_with_a_clear_error(
    value: object, data: st.DataObject
) -> None:
    """Law: any field replaced by any JSON reads back, or fails naming its path."""
    document = json.loads(json.dumps(to_dict(value)))
    leaves = _leaves(document)
    path = data.draw(st.sampled_from(leaves))
    replacement = data.draw(json_values)
    node = document
    for key in path[:-1]:
        node = node[key]
    if path:
        node[path[-1]] = replacement
    failure = None
    try:
        from_dict(document)
    except InvalidDocumentError as error:
        failure = error
    if failure is not None:
        assert failure.path
        assert failure.reason


@given(json_values)
def test_any_json_fails_only_with_a_clear_error(document: Any) -> None:
    """Law: arbitrary JSON never escapes as anything but InvalidDocumentError."""
    with contextlib.suppress(InvalidDocumentError):
        from_dict(document)


@given(st.decimals(allow_nan=False, allow_infinity=False))
def test_amounts_are_written_with_every_digit_and_no_exponent(value: Any) -> None:
    """Law: a written amount is the number's fixed-point text, whatever its exponent."""
    from paxbill.io.serialization import _encode_decimal

    assert _encode_decimal(value) == f"{value:f}"
    assert "E" not in _encode_decimal(value)


@functools.cache
def _schema_validator(name: str) -> Any:
    """One validator per document type (each schema is checked just below)."""
    jsonschema = pytest.importorskip("jsonschema")
    return jsonschema.Draft202012Validator(json_schema(name))


@given(VALUE_OBJECTS)
def test_every_document_matches_its_schema(value: object) -> None:
    """Law: to_dict(x) is valid against json_schema(its type), draft 2020-12."""
    document = to_dict(value)
    _schema_validator(str(document["type"])).validate(document)


@pytest.mark.parametrize("name", schema_names())
def test_every_schema_is_a_valid_schema(name: str) -> None:
    """Each schema is itself valid, titled, and refuses a float amount."""
    jsonschema = pytest.importorskip("jsonschema")
    schema = json_schema(name)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["properties"]["type"] == {"const": name}
    assert schema["additionalProperties"] is False


def test_a_schema_refuses_what_from_dict_refuses() -> None:
    """A float amount, a missing field or an unknown one fail the schema too."""
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(json_schema("invoice"))
    good = to_dict(portal_invoice())
    assert validator.is_valid(good)
    changes: list[Callable[[dict[str, Any]], object]] = [
        lambda d: d["lines"][0]["unit_price"].update(amount=2.55),
        lambda d: d.pop("account"),
        lambda d: d.update(colour="blue"),
        lambda d: d.update(issue_date="1 May 2024"),
    ]
    for change in changes:
        bad_document = json.loads(json.dumps(good))
        change(bad_document)
        assert not validator.is_valid(bad_document)
        with pytest.raises(InvalidDocumentError):
            from_dict(bad_document)


def test_a_document_nested_too_deep_is_a_paxbill_error() -> None:
    """Money nested 1,000 deep: an InvalidDocumentError with a short message.

    Never a RecursionError, whether the reading or the message's repr of the
    value would recurse.
    """
    from paxbill import InvalidDocumentError, from_dict

    document: dict[str, object] = {"type": "money", "amount": "1", "currency": "EUR"}
    for _ in range(1_000):
        document = {"type": "money", "amount": document, "currency": "EUR"}
    with pytest.raises(InvalidDocumentError) as caught:
        from_dict(document)
    assert len(str(caught.value)) < 400


def test_an_error_message_shortens_a_huge_value() -> None:
    """An int of 5,000 digits in an error: its size, not a ValueError."""
    from paxbill import Money, PaxbillError

    with pytest.raises(PaxbillError, match="an int of 16610 bits"):
        Money("1.00", 10**5000)  # type: ignore[arg-type]
