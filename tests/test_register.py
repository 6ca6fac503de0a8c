"""The register, against a real SQLite file and, where one is given, a real PostgreSQL.

``PAXBILL_POSTGRES_URL`` names a PostgreSQL database the tests may empty
(``.ci/run`` starts a server and sets it); without it the PostgreSQL cases
skip, unless ``PAXBILL_REQUIRE_POSTGRES`` is set: then they fail.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from paxbill import (
    ClientInvoice,
    ClientInvoiceLine,
    CreditExceedsInvoiceError,
    CreditNote,
    InvalidInvoiceError,
    Money,
    NumberSeries,
    OverpaymentError,
    Party,
    Register,
    RegisterError,
)

D = dt.date
ROOT = Path(__file__).parent.parent
SELLER = Party("Sécurité Dupont SARL", "FR", vat_id="FR40303265045")
BUYER = Party("Résidence Les Tilleuls", "FR")
OTHER = Party("Copropriété Les Cèdres", "FR")


def eur(amount: str) -> Money:
    return Money(amount, "EUR")


def line(users: int = 70) -> ClientInvoiceLine:
    return ClientInvoiceLine("Entry app users", users, eur("4.00"), "S", "20")


@pytest.fixture
def register(where: str) -> Iterator[Register]:
    with Register.open(where) as opened:
        opened.add_series(NumberSeries("F2025-"))
        opened.add_series(NumberSeries("AV2025-"))
        yield opened


APRIL = D(2025, 4, 1)


def issue(register: Register, day: dt.date = APRIL, **extras: Any) -> ClientInvoice:
    fields: dict[str, Any] = {"seller": SELLER, "buyer": BUYER, "lines": [line()]}
    return register.issue("F2025-", issue_date=day, **{**fields, **extras})


def test_numbers_follow_one_another_and_a_refused_invoice_takes_none(
    register: Register,
) -> None:
    first = issue(register)
    with pytest.raises(InvalidInvoiceError):
        issue(register, lines=[line(-5)])  # billed below zero: refused
    second = issue(register)
    assert (first.number, second.number) == ("F2025-0001", "F2025-0002")
    assert [d.number for d in register.documents()] == ["F2025-0001", "F2025-0002"]
    assert register.series()[1] == NumberSeries("F2025-", 3)


def test_payments_and_credits_are_recorded_against_the_invoice(
    register: Register,
) -> None:
    """336.00 billed (70 x 4.00 + 20 %); 100.00 paid; 10 users credited: 48.00."""
    issue(register)
    register.pay("F2025-0001", eur("100.00"), D(2025, 4, 10))
    note = register.credit(
        "F2025-0001", D(2025, 4, 15), [(0, 10)], series="AV2025-", reason="Départs"
    )
    assert note.number == "AV2025-0001"
    assert note.gross_total == eur("48.00")
    invoice = register.document("F2025-0001")
    assert isinstance(invoice, ClientInvoice)
    assert invoice.amount_due_on(D(2025, 4, 30)) == eur("188.00")  # 336 - 100 - 48
    assert [n.number for n in invoice.credit_notes] == ["AV2025-0001"]
    assert isinstance(register.document("AV2025-0001"), CreditNote)
    assert [(i.number, due) for i, due in register.due_on(D(2025, 4, 30))] == [
        ("F2025-0001", eur("188.00"))
    ]
    with pytest.raises(OverpaymentError):
        register.pay("F2025-0001", eur("188.01"), D(2025, 4, 20))
    assert register.verify().ok


def test_an_issue_date_before_the_last_one_is_refused(register: Register) -> None:
    issue(register, D(2025, 4, 2))
    with pytest.raises(RegisterError, match="the numbers follow the dates"):
        issue(register, D(2025, 4, 1))


def test_the_register_refuses_what_is_not_one(tmp_path: Path) -> None:
    text = tmp_path / "notes.sqlite"
    text.write_text("not a database at all, but long enough to be read" * 40)
    with pytest.raises(RegisterError, match="not a register"):
        Register.open(text)
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE clients (name TEXT)")
    with pytest.raises(RegisterError, match="not a register"):
        Register.open(other)


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "billing.sqlite"
    Register.open(path).close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(RegisterError, match="schema version 99"):
        Register.open(path)


def test_bad_series_are_refused(register: Register) -> None:
    with pytest.raises(RegisterError, match="without spaces"):
        register.add_series(NumberSeries("F 2025-"))
    with pytest.raises(RegisterError, match="already declared"):
        register.add_series(NumberSeries("F2025-"))
    with pytest.raises(RegisterError, match="no series 'X-'"):
        register.issue(
            "X-", issue_date=D(2025, 4, 1), seller=SELLER, buyer=BUYER, lines=[line()]
        )
    with pytest.raises(RegisterError, match="no invoice"):
        register.pay("F2025-0099", eur("1.00"), D(2025, 4, 1))


def test_a_byte_changed_or_a_row_deleted_is_named(tmp_path: Path) -> None:
    path = tmp_path / "billing.sqlite"
    with Register.open(path) as register:
        register.add_series(NumberSeries("F2025-"))
        for _ in range(3):
            issue(register)
        register.pay("F2025-0002", eur("10.00"), D(2025, 4, 5))
        assert register.verify().ok
    with sqlite3.connect(path) as connection:
        connection.execute(
            "UPDATE documents SET body = replace(body, '\"70\"', '\"71\"')"
            " WHERE number = 'F2025-0002'"
        )
    with Register.open(path) as register:
        report = register.verify()
    assert not report.ok
    assert report.problems == ("F2025-0002 (row 2) was altered",)
    with sqlite3.connect(path) as connection:
        connection.execute("DELETE FROM payments")
        connection.execute("PRAGMA foreign_keys = OFF")
        connection.execute("DELETE FROM documents WHERE number = 'F2025-0001'")
    with Register.open(path) as register:
        problems = register.verify().problems
    assert any("rows 1 to 1 are missing, before F2025-0002" in p for p in problems)
    assert any("rows after 3 are missing" in p for p in problems)


def test_four_processes_issue_distinct_consecutive_numbers(where: str) -> None:
    """Four processes issuing 1,000 invoices each: numbers 1 to 4,000, each once."""
    with Register.open(where) as register:
        register.add_series(NumberSeries("F-"))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.register_worker", where, "1000"], env=env
        )
        for _ in range(4)
    ]
    assert [worker.wait(timeout=900) for worker in workers] == [0, 0, 0, 0]
    with Register.open(where) as register:
        numbers = [document.number for document in register.documents()]
        assert sorted(numbers) == [f"F-{n:04d}" for n in range(1, 4001)]
        assert register.check_numbering()["F-"].ok
        assert register.verify().ok


def test_a_process_killed_at_any_moment_leaves_the_register_whole(
    tmp_path: Path,
) -> None:
    """Fifty SIGKILLs at random moments, each into a register of its own.

    Every time, the register opens, its chain holds, its numbers have no gap
    and no duplicate, every document reads back whole, and the series goes
    on from the last number stored.
    """
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    chance = random.Random(20250401)
    for attempt in range(50):
        where = str(tmp_path / f"billing-{attempt}.sqlite")
        with Register.open(where) as register:
            register.add_series(NumberSeries("F-"))
        worker = subprocess.Popen(
            [sys.executable, "-m", "tests.register_worker", where, "0"], env=env
        )
        time.sleep(chance.uniform(0.3, 0.9))
        worker.send_signal(signal.SIGKILL)
        worker.wait()
        with Register.open(where) as register:
            assert register.verify().ok
            assert register.check_numbering()["F-"].ok
            documents = register.documents()
            assert all(d.gross_total == eur("336.00") for d in documents)
            assert register.series()[0].next_number == len(documents) + 1


operations = st.lists(
    st.one_of(
        st.tuples(st.just("issue"), st.integers(1, 200)),
        st.tuples(st.just("pay"), st.integers(1, 5_000)),
        st.tuples(st.just("credit"), st.integers(1, 50)),
    ),
    max_size=12,
)


@settings(max_examples=25, deadline=None)
@given(steps=operations)
def test_the_register_owes_what_the_objects_owe(steps: list[tuple[str, int]]) -> None:
    """Law: the register owes what the in-memory invoices owe.

    After any sequence of issues, payments and credits, each invoice's amount
    due and refund are those of the same steps run on the objects.
    """
    import tempfile

    with (
        tempfile.TemporaryDirectory() as folder,
        Register.open(Path(folder) / "billing.sqlite") as register,
    ):
        register.add_series(NumberSeries("F-"))
        register.add_series(NumberSeries("AV-"))
        memory: dict[str, ClientInvoice] = {}
        day = D(2025, 4, 1)
        for kind, value in steps:
            day += dt.timedelta(days=1)
            if kind == "issue":
                invoice = register.issue(
                    "F-",
                    issue_date=day,
                    seller=SELLER,
                    buyer=BUYER,
                    lines=[line(value)],
                )
                memory[invoice.number] = invoice
            elif memory and kind == "pay":
                number = sorted(memory)[value % len(memory)]
                amount = Money.from_minor_units(value, "EUR")
                try:
                    memory[number] = memory[number].pay(amount, day)
                except OverpaymentError:
                    with pytest.raises(OverpaymentError):
                        register.pay(number, amount, day)
                    continue
                register.pay(number, amount, day)
            elif memory and kind == "credit":
                number = sorted(memory)[value % len(memory)]
                users = min(value, int(memory[number].lines[0].quantity))
                try:
                    name = f"x{len(memory[number].credit_notes)}"
                    memory[number] = memory[number].apply_credit(
                        memory[number].credit(name, day, [(0, users)])
                    )
                except (CreditExceedsInvoiceError, OverpaymentError):
                    with pytest.raises(CreditExceedsInvoiceError):
                        register.credit(number, day, [(0, users)], series="AV-")
                    continue
                register.credit(number, day, [(0, users)], series="AV-")
        end = day + dt.timedelta(days=1)
        stored = {
            d.number: d for d in register.documents() if isinstance(d, ClientInvoice)
        }
        assert stored.keys() == memory.keys()
        for number, invoice in memory.items():
            assert stored[number].amount_due_on(end) == invoice.amount_due_on(end)
            assert stored[number].refund_due_on(end) == invoice.refund_due_on(end)
        assert register.verify().ok


def test_an_export_restores_an_identical_register(where: str, tmp_path: Path) -> None:
    """Export, import into a new register: the same rows, and the chain holds."""
    with Register.open(where) as register:
        register.add_series(NumberSeries("F2025-"))
        register.add_series(NumberSeries("AV2025-"))
        issue(register)
        issue(register, buyer=OTHER)
        register.pay("F2025-0001", eur("100.00"), D(2025, 4, 10))
        register.credit("F2025-0002", D(2025, 4, 12), series="AV2025-")
        first = tmp_path / "first.jsonl"
        assert register.export_jsonl(first) == 2 + 4  # two series, four rows
        documents = register.documents()
    with Register.open(tmp_path / "restored.sqlite") as restored:
        assert restored.import_jsonl(first) == 6
        again = tmp_path / "again.jsonl"
        restored.export_jsonl(again)
        assert again.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")
        assert restored.verify().ok
        assert restored.documents() == documents
        with pytest.raises(RegisterError, match="empty one only"):
            restored.import_jsonl(first)
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"table": "documents", "seq": 1}\n', encoding="utf-8")
    with Register.open(tmp_path / "other.sqlite") as other:
        with pytest.raises(RegisterError, match="line 1: not a row"):
            other.import_jsonl(broken)
        assert other.documents() == ()


def test_a_client_s_documents_and_the_spreadsheet(
    register: Register, tmp_path: Path
) -> None:
    """Two clients; the CSV has one row per document with its exact totals."""
    issue(register)
    issue(register, buyer=OTHER, lines=[line(10)])  # 40.00 + 8.00 VAT = 48.00
    register.credit("F2025-0002", D(2025, 4, 3), series="AV2025-")
    assert [d.number for d in register.documents_of(OTHER.name)] == [
        "F2025-0002",
        "AV2025-0001",
    ]
    path = tmp_path / "documents.csv"
    assert register.export_csv(path) == 3
    rows = path.read_text(encoding="utf-8").splitlines()
    assert rows[0] == (
        "number,kind,issue_date,buyer,credits,currency,net_total,vat_total,gross_total"
    )
    assert rows[3] == (
        "AV2025-0001,credit_note,2025-04-03,Copropriété Les Cèdres,F2025-0002,EUR,"
        "40.00,8.00,48.00"
    )
