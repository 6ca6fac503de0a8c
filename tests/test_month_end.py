"""The month end: its figures by hand, run twice, interrupted, dry, and fed bad rows.

The library's :func:`run_month_end` runs against SQLite and, where one is
given, PostgreSQL (the ``where`` fixture of ``tests/test_register.py``);
``paxbill month-end`` runs on the example files, a year of months.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from paxbill import (
    Account,
    AccountType,
    AppUser,
    BillingFrequency,
    BillingPeriod,
    BillingTerm,
    Bundle,
    ClientContract,
    CurrencyMismatchError,
    Installer,
    InvalidContractError,
    InvoiceLine,
    Money,
    MonthEndReport,
    Party,
    PaymentMethod,
    PerUserPrice,
    Register,
    RegisterError,
    run_month_end,
)
from paxbill.cli._example import example_text
from paxbill.paxton.invoices import APP_USERS, Invoice
from paxbill.register._database import connect
from paxbill.register._schema import MIGRATIONS, SCHEMA_VERSION
from tests.test_cli_commands import run

D = dt.date
SELLER = Party("Sécurité Dupont SARL", "FR", vat_id="FR40303265045")
TILLEULS = Party("Résidence Les Tilleuls", "FR")
PRICE = PerUserPrice(Money("3.00", "EUR"), 15)  # the note's 2.55 net


def eur(amount: str) -> Money:
    return Money(amount, "EUR")


def installer(account_type: AccountType = AccountType.SYSTEM_MANAGER) -> Installer:
    return Installer(SELLER, Account("PAX-1", account_type), PRICE)


QUARTERLY = ClientContract(
    "RES-TILLEULS", TILLEULS, BillingFrequency.QUARTERLY, eur("4.00")
)
SEVENTY = [AppUser(n, D(2024, 1, 1)) for n in range(70)]


def month(year: int, number: int) -> BillingPeriod:
    return BillingPeriod.month(year, number)


def april_to_july(register: Register) -> list[MonthEndReport]:
    """The month ends of April to July 2025 of the quarterly client's 70 users."""
    return [
        run_month_end(
            register,
            month(2025, m),
            installer=installer(),
            contracts=[QUARTERLY],
            users={"RES-TILLEULS": SEVENTY},
        )
        for m in (4, 5, 6, 7)
    ]


def test_a_quarter_of_month_ends_by_hand(where: str) -> None:
    """70 users at 4.00 a month, billed quarterly; Paxton 2.55, a system manager.

    April 1: F2025-0001 bills April to June, 70 x 3 x 4.00 = 840.00, the
    ledger's credit. Paxton's invoice of March, 70 x 2.55 = 178.50; March is
    in no term billed, so no debit. The review: 840.00 against April, May
    and June, paid May 1, June 1 and July 1: 3 x 178.50 = 535.50, enough.
    June 1: April's charge, paid May 1, is gone: 840.00 - 178.50 = 661.50
    for May and June (May's, paid on the review day, still to come), 357.00.
    July 1: F2025-0002, 840.00 more; June's charge (of the term before,
    paid on July 1) is owed: 1,680.00 - 357.00 - 178.50 = 1,144.50.
    """
    with Register.open(where) as register:
        april, may, june, july = april_to_july(register)
        assert [(i.number, i.net_total) for i in april.issued] == [
            ("F2025-0001", eur("840.00"))
        ]
        assert april.issued[0].service_period == BillingPeriod(
            D(2025, 4, 1), D(2025, 7, 1)
        )
        assert april.paxton_invoice is not None
        assert april.paxton_invoice.total == eur("178.50")
        assert april.debits == ()
        assert april.reviews[0].review.balance == eur("840.00")
        assert april.reviews[0].review.total_due == eur("535.50")
        assert april.reviews[0].review.sufficient
        assert may.issued == ()
        assert june.issued == ()
        assert [(d.entry.on, d.entry.amount) for d in may.debits] == [
            (D(2025, 5, 1), eur("178.50"))
        ]
        assert june.reviews[0].review.balance == eur("661.50")
        assert june.reviews[0].review.total_due == eur("357.00")
        assert [i.number for i in july.issued] == ["F2025-0002"]
        assert july.reviews[0].review.balance == eur("1144.50")
        # At the end of the day: 840.00 - April's and May's 357.00 by June 30;
        # July 1 brings 840.00 in and June's 178.50 out.
        assert register.balance("RES-TILLEULS", D(2025, 6, 30)) == eur("483.00")
        assert register.balance("RES-TILLEULS", D(2025, 7, 1)) == eur("1144.50")
        # The same review, asked of the register on the day.
        asked = register.review(
            "RES-TILLEULS", D(2025, 7, 1), eur("178.50"), installer().account
        )
        assert asked == july.reviews[0].review
        assert [p.period for p in register.paxton_invoices()] == [
            month(2025, m) for m in (3, 4, 5, 6)
        ]
        assert register.verify().ok
        assert register.check_numbering()["F2025-"].ok


def test_an_approved_installer_pays_thirty_days_later() -> None:
    """Paxton's charge of April, invoiced May 1, is paid May 31 (30 days)."""
    import tempfile

    with (
        tempfile.TemporaryDirectory() as folder,
        Register.open(Path(folder) / "r.sqlite") as register,
    ):
        for m in (4, 5):
            report = run_month_end(
                register,
                month(2025, m),
                installer=installer(AccountType.APPROVED_INSTALLER),
                contracts=[QUARTERLY],
                users={"RES-TILLEULS": 70},
            )
        assert [d.entry.on for d in report.debits] == [D(2025, 5, 31)]


def _export(register: Register, path: Path) -> str:
    register.export_jsonl(path)
    return path.read_text(encoding="utf-8")


def test_a_month_end_run_twice_does_it_once(tmp_path: Path) -> None:
    contracts = [
        QUARTERLY,
        ClientContract(
            "GARAGE",
            Party("Garage Central", "FR"),
            BillingFrequency.MONTHLY,
            eur("3.80"),
        ),
    ]
    users: dict[str, int | list[AppUser]] = {"RES-TILLEULS": SEVENTY, "GARAGE": 5}
    with Register.open(tmp_path / "once.sqlite") as once:
        run_month_end(
            once,
            month(2025, 4),
            installer=installer(),
            contracts=contracts,
            users=users,
        )
        clean = _export(once, tmp_path / "once.jsonl")
    with Register.open(tmp_path / "twice.sqlite") as twice:
        first = run_month_end(
            twice,
            month(2025, 4),
            installer=installer(),
            contracts=contracts,
            users=users,
        )
        again = run_month_end(
            twice,
            month(2025, 4),
            installer=installer(),
            contracts=contracts,
            users=users,
        )
        assert first.changed
        assert not again.changed
        assert again.issued == ()
        assert not again.paxton_recorded
        assert _export(twice, tmp_path / "twice.jsonl") == clean


def test_a_dry_run_changes_nothing_and_says_what_a_run_does(where: str) -> None:
    with Register.open(where) as register:
        dry = run_month_end(
            register,
            month(2025, 4),
            installer=installer(),
            contracts=[QUARTERLY],
            users={"RES-TILLEULS": 70},
            dry_run=True,
        )
        assert dry.dry_run
        assert register.documents() == ()
        assert register.paxton_invoices() == ()
        assert register.series() == ()
        real = run_month_end(
            register,
            month(2025, 4),
            installer=installer(),
            contracts=[QUARTERLY],
            users={"RES-TILLEULS": 70},
        )
        assert [i.number for i in dry.issued] == [i.number for i in real.issued]
        assert dry.issued == real.issued


def test_a_bundle_bills_its_fee_and_keeps_no_balance(tmp_path: Path) -> None:
    """A bundle of 120.00 a month: one line of 120.00, no ledger, no review."""
    bundle = Bundle(eur("120.00"), BillingFrequency.MONTHLY, 0, eur("2.55"), eur("0"))
    garage = ClientContract("GARAGE", Party("Garage Central", "FR"), bundle)
    with Register.open(tmp_path / "r.sqlite") as register:
        report = run_month_end(
            register,
            month(2025, 4),
            installer=installer(),
            contracts=[garage],
            users={"GARAGE": 6},
        )
        assert [line.net_amount for line in report.issued[0].lines] == [eur("120.00")]
        assert report.issued[0].gross_total == eur("144.00")  # 20 % VAT
        assert report.reviews == ()
        assert report.debits == ()
        with pytest.raises(RegisterError, match="no prepaid ledger"):
            register.ledger("GARAGE")


def test_a_client_without_users_is_not_billed(tmp_path: Path) -> None:
    with Register.open(tmp_path / "r.sqlite") as register:
        report = run_month_end(
            register,
            month(2025, 4),
            installer=installer(),
            contracts=[QUARTERLY],
            users={},
        )
        assert report.issued == ()
        assert report.without_users == ("RES-TILLEULS",)
        assert register.documents() == ()


def test_bad_contracts_are_refused_before_anything_is_written(tmp_path: Path) -> None:
    with pytest.raises(CurrencyMismatchError):
        ClientContract(
            "X",
            TILLEULS,
            Bundle(eur("10.00"), BillingFrequency.MONTHLY, 0, eur("2.55"), eur("0")),
            Money("4.00", "GBP"),
        )
    with pytest.raises(InvalidContractError, match="term_start"):
        ClientContract("X", TILLEULS, BillingTerm.of(5), eur("4.00"))
    with pytest.raises(InvalidContractError, match="without spaces"):
        Installer(
            SELLER, Account("P", AccountType.SYSTEM_MANAGER), PRICE, series="F 2025-"
        )
    pounds = ClientContract(
        "UK", Party("Flat Co", "GB"), BillingFrequency.ANNUAL, Money("2.50", "GBP")
    )
    with Register.open(tmp_path / "r.sqlite") as register:
        with pytest.raises(InvalidContractError, match="Paxton in EUR"):
            run_month_end(
                register,
                month(2025, 4),
                installer=installer(),
                contracts=[pounds],
                users={"UK": 1},
            )
        with pytest.raises(InvalidContractError, match="without a contract"):
            run_month_end(
                register,
                month(2025, 4),
                installer=installer(),
                contracts=[],
                users={"NOBODY": 1},
            )
        assert register.documents() == ()
        assert register.series() == ()


def test_paxton_s_invoices_against_what_the_users_make(where: str) -> None:
    """The note's 335218: 70 users of May 2024 at 2.55 = 178.50, paid by hand."""
    account = Account("PAX-DEMO-INSTALLER", AccountType.APPROVED_INSTALLER)
    invoice = Invoice(
        "335218", account, month(2024, 5), [InvoiceLine(APP_USERS, 70, eur("2.55"))]
    )
    with Register.open(where) as register:
        register.record_paxton_invoice(invoice)
        with pytest.raises(RegisterError, match="already stored"):
            register.record_paxton_invoice(invoice)
        paid = register.pay_paxton_invoice(
            "335218", D(2024, 6, 20), PaymentMethod.MANUAL
        )
        assert register.paxton_invoices() == (paid,)
        check = register.check_paxton_invoice(month(2024, 5), PRICE, SEVENTY)
        assert check.matches
        assert check.difference == eur("0.00")
        fewer = register.check_paxton_invoice(month(2024, 5), PRICE, SEVENTY[:69])
        assert fewer.difference == eur("2.55")  # one user the portal billed more
        with pytest.raises(RegisterError, match="no Paxton invoice"):
            register.check_paxton_invoice(month(2024, 6), PRICE, 70)
        assert register.verify().ok


def test_a_ledger_kept_by_hand(tmp_path: Path) -> None:
    """The note's UK case: 30.00 prepaid, 2.50 a month out."""
    with Register.open(tmp_path / "r.sqlite") as register:
        register.credit_ledger("UK", D(2024, 1, 1), Money("30.00", "GBP"), "year")
        ledger = register.debit_ledger("UK", D(2024, 2, 1), Money("2.50", "GBP"))
        assert ledger.balance == Money("27.50", "GBP")
        assert register.ledger("UK") == ledger
        assert register.balance("UK", D(2024, 1, 31)) == Money("30.00", "GBP")
        with pytest.raises(CurrencyMismatchError):
            register.debit_ledger("UK", D(2024, 3, 1), eur("2.50"))
        assert register.ledger("UK") == ledger  # the refused entry left no row
        assert register.verify().ok


def test_an_older_register_is_migrated(tmp_path: Path) -> None:
    """A register of schema version 1 opens as version 2, its rows kept."""
    path = tmp_path / "old.sqlite"
    database = connect(path)
    with database.transaction() as db:
        MIGRATIONS[1](db)
        db.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    database.close()
    with Register.open(path) as register:
        register.add_series(__import__("paxbill").NumberSeries("F-"))
    with sqlite3.connect(path) as connection:
        version = connection.execute(
            "SELECT value FROM meta WHERE key = 'schema_version'"
        ).fetchone()[0]
        tables = {
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
            )
        }
    assert int(version) == SCHEMA_VERSION == 2
    assert {"ledger", "paxton_invoices", "reviews", "month_ends"} <= tables


# -- the command ---------------------------------------------------------------


@pytest.fixture
def examples(tmp_path: Path) -> Path:
    """The example files of ``paxbill example``, written in a folder."""
    for name, file_name in (
        ("installer", "installer.json"),
        ("contracts", "clients.csv"),
        ("users", "users.csv"),
    ):
        (tmp_path / file_name).write_text(example_text(name), encoding="utf-8")
    return tmp_path


def month_end(
    folder: Path, month_text: str, *extra: str
) -> subprocess.CompletedProcess[str]:
    return run(
        "month-end",
        "--register",
        str(folder / "billing.sqlite"),
        "--month",
        month_text,
        "--clients",
        str(folder / "clients.csv"),
        "--users",
        str(folder / "users.csv"),
        "--out",
        str(folder / "out"),
        "--no-pdf",
        *extra,
    )


def test_a_year_of_month_ends_on_the_example_files(examples: Path) -> None:
    """Twelve months: every invoice numbered without a gap, each with its files."""
    first = month_end(
        examples, "2025-04", "--installer", str(examples / "installer.json")
    )
    assert first.returncode == 0, first.stderr
    months = [f"2025-{m:02d}" for m in range(5, 13)] + ["2026-01", "2026-02", "2026-03"]
    for text in months:
        result = month_end(examples, text, "--json")
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout)["changed"]
    again = month_end(examples, "2026-03")
    assert "was already run: nothing to issue" in again.stdout
    with Register.open(examples / "billing.sqlite") as register:
        documents = register.documents()
        assert register.verify().ok
        assert all(report.ok for report in register.check_numbering().values())
        # A monthly client, a monthly bundle and a quarterly client: 12 + 12 + 4
        # invoices; the annual client's term from 2025-03-01 was billed before
        # the register, its next on 2026-03-01.
        assert len(documents) == 12 + 12 + 4 + 1
        assert len(register.paxton_invoices()) == 12
        assert len(register.month_ends()) == 12
        for document in documents:
            for suffix in ("xml", "html"):
                assert (examples / "out" / f"{document.number}.{suffix}").exists()
            assert (examples / "out" / f"{document.number}.xml").read_bytes() == (
                register.xml(document.number)
            )
        # Every quarter of the quarterly client reviewed, each month.
        reviewed = [r.on for r in register.reviews("RES-TILLEULS")]
        assert reviewed == [D(2025, m, 1) for m in range(4, 13)] + [
            D(2026, m, 1) for m in (1, 2, 3)
        ]


def test_a_dry_run_of_the_command_writes_nothing(examples: Path) -> None:
    result = month_end(
        examples,
        "2025-04",
        "--installer",
        str(examples / "installer.json"),
        "--dry-run",
    )
    assert result.returncode == 0, result.stderr
    assert "dry run: nothing is written" in result.stdout
    assert "F2025-0001" in result.stdout
    assert not (examples / "out").exists()
    assert not (examples / "billing.sqlite").exists()  # no register made
    month_end(examples, "2025-04", "--installer", str(examples / "installer.json"))
    before = (examples / "billing.sqlite").read_bytes()
    again = month_end(examples, "2025-05", "--dry-run")
    assert "F2025-0004" in again.stdout  # May's invoices, after April's three
    with Register.open(examples / "billing.sqlite") as register:
        assert [d.number for d in register.documents()][-1] == "F2025-0003"
    assert (examples / "billing.sqlite").read_bytes() == before


@pytest.mark.parametrize(
    ("file_name", "line", "new", "message"),
    [
        (
            "users.csv",
            4,
            "U0003,RES-TILLEULS,2025-13-01,",
            "users.csv: line 4, column 'activated_on': '2025-13-01' is not a day",
        ),
        (
            "clients.csv",
            2,
            "RES-TILLEULS,Résidence Les Tilleuls,,,,,,,quarterly,4.00 GBP,EUR,,",
            "clients.csv: line 2, column 'price': '4.00 GBP' is in GBP, "
            "the client in EUR",
        ),
        (
            "users.csv",
            2,
            "U0001,NOBODY,2024-01-01,",
            "users.csv: line 2, column 'client_id': 'NOBODY' is the id of no client",
        ),
    ],
)
def test_a_bad_row_stops_the_run_before_anything_is_written(
    examples: Path, file_name: str, line: int, new: str, message: str
) -> None:
    path = examples / file_name
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[line - 1] = new
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = month_end(
        examples, "2025-04", "--installer", str(examples / "installer.json")
    )
    assert result.returncode == 2
    assert message in result.stderr
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    assert not (examples / "billing.sqlite").exists()


def test_the_command_refuses_what_is_not_a_register(examples: Path) -> None:
    (examples / "billing.sqlite").write_text("not a register" * 100)
    result = month_end(
        examples, "2025-04", "--installer", str(examples / "installer.json")
    )
    assert result.returncode == 2
    assert "not a register" in result.stderr
    result = month_end(examples, "2025-4")
    assert result.returncode == 2
    assert "is not a month" in result.stderr
    (examples / "billing.sqlite").unlink()
    result = month_end(examples, "2025-04")  # no --installer, no register
    assert result.returncode == 2
    assert "give --installer" in result.stderr


def test_an_interrupted_month_end_run_again_is_one_clean_run(examples: Path) -> None:
    """Killed at random moments, then run again: the register and files of one run.

    The month end writes its rows in one transaction: killed, it leaves all
    of them or none; its files are written after, and a run again writes
    those missing.
    """
    big = examples / "big"
    big.mkdir()
    (big / "installer.json").write_text(example_text("installer"), encoding="utf-8")
    rows = ["client_id,name,billing,price,currency,users"]
    rows += [f"C{n:04d},Client {n},quarterly,4.00,EUR,{1 + n % 40}" for n in range(400)]
    (big / "clients.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    command = [
        sys.executable,
        "-m",
        "paxbill",
        "month-end",
        "--month",
        "2025-04",
        "--installer",
        str(big / "installer.json"),
        "--clients",
        str(big / "clients.csv"),
        "--no-pdf",
    ]
    env = dict(os.environ)  # the installed paxbill, as a user runs it

    def month_end_in(folder: Path) -> list[str]:
        return [
            *command,
            "--register",
            str(folder / "r.sqlite"),
            "--out",
            str(folder / "out"),
        ]

    clean = big / "clean"
    clean.mkdir()
    subprocess.run(month_end_in(clean), env=env, check=True, capture_output=True)
    with Register.open(clean / "r.sqlite") as register:
        expected = _export(register, big / "clean.jsonl")
    files = {p.name: p.read_bytes() for p in (clean / "out").iterdir()}
    assert len(files) == 2 * 400
    chance = random.Random(20250430)
    for attempt in range(8):
        folder = big / f"killed-{attempt}"
        folder.mkdir()
        args = month_end_in(folder)
        worker = subprocess.Popen(
            args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(chance.uniform(0.2, 3.0))
        worker.send_signal(signal.SIGKILL)
        worker.wait()
        subprocess.run(args, env=env, check=True, capture_output=True)
        with Register.open(folder / "r.sqlite") as register:
            assert register.verify().ok
            assert _export(register, folder / "export.jsonl") == expected
        written = {p.name: p.read_bytes() for p in (folder / "out").iterdir()}
        assert written == files


def test_a_terminal_sees_the_progress_a_pipe_does_not(examples: Path) -> None:
    import contextlib
    import io

    from paxbill.cli import main

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    args = [
        "month-end",
        "--register",
        str(examples / "billing.sqlite"),
        "--month",
        "2025-04",
        "--installer",
        str(examples / "installer.json"),
        "--clients",
        str(examples / "clients.csv"),
        "--users",
        str(examples / "users.csv"),
        "--out",
        str(examples / "out"),
        "--no-pdf",
    ]
    terminal, out = Terminal(), io.StringIO()
    with contextlib.redirect_stderr(terminal), contextlib.redirect_stdout(out):
        assert main(args) == 0
    # Three terms start in April: the monthly client, the bundle, the quarter.
    assert terminal.getvalue().endswith("\rissuing invoices: 3/3\n")
    piped = month_end(examples, "2025-05")
    assert piped.returncode == 0
    assert piped.stderr == ""


def test_a_backup_of_month_ends_restores_row_by_row(where: str, tmp_path: Path) -> None:
    """Ledgers, Paxton's invoices, reviews and runs restore as documents do."""
    with Register.open(where) as register:
        april_to_july(register)
        register.pay_paxton_invoice("2025-03", D(2025, 4, 1), PaymentMethod.AUTOMATIC)
        first = _export(register, tmp_path / "first.jsonl")
        tables = {json.loads(line)["table"] for line in first.splitlines()}
        assert tables == {
            "series",
            "documents",
            "ledger",
            "paxton_invoices",
            "paxton_payments",
            "reviews",
            "month_ends",
        }
        ledger, reviews = register.ledger("RES-TILLEULS"), register.reviews()
    with Register.open(tmp_path / "restored.sqlite") as restored:
        restored.import_jsonl(tmp_path / "first.jsonl")
        assert _export(restored, tmp_path / "again.jsonl") == first
        assert restored.verify().ok
        assert restored.ledger("RES-TILLEULS") == ledger
        assert restored.reviews() == reviews
    with sqlite3.connect(tmp_path / "restored.sqlite") as connection:
        connection.execute("UPDATE ledger SET body = replace(body, '178.50', '178.40')")
    with Register.open(tmp_path / "restored.sqlite") as tampered:
        problems = tampered.verify().problems
    assert any(
        p.startswith("the ledger entry RES-TILLEULS debit 2025-04") for p in problems
    )
