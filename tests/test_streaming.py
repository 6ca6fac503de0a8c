"""`invoices` and `compare` read row by row: the output held whole, in little memory.

The memory tests write a million rows and run each command in its own
process: they are marked slow, and ``nox -s slow`` runs them.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from babel.dates import format_skeleton

from paxbill import (
    Account,
    AccountType,
    BillingFrequency,
    Client,
    Money,
    PerUserPrice,
    StrategyComparison,
    compare_strategies,
    rebill,
    to_dict,
)
from paxbill.cli import main
from paxbill.cli._common import dumps
from paxbill.cli._files import each_client, each_invoice
from paxbill.cli._render import render
from paxbill.io._reports import comparison_report, day, invoices_report, month
from paxbill.io._words import text
from paxbill.paxton.autopay import apply_automatic_payments
from tests.examples import portal_invoices

HEADER = (
    "number,account_id,account_type,period_start,period_end,users,"
    "unit_price,currency,autopay,paid_on,method\n"
)


def _rows(count: int) -> str:
    """*count* rows of every kind: autopay or not, paid or not, two currencies."""
    lines = []
    for n in range(count):
        month_ = n % 12 + 1
        end = f"{2024 if month_ == 12 else 2023}-{month_ % 12 + 1:02d}-01"
        kind = "system_manager" if n % 5 == 0 else "approved_installer"
        autopay = "" if kind == "system_manager" else ("yes", "no", "")[n % 3]
        paid = f"{end[:8]}2{n % 9}" if n % 4 == 0 else ""
        method = ("automatic" if kind == "system_manager" else "manual") if paid else ""
        lines.append(
            f"F-{n},A{n % 7},{kind},2023-{month_:02d}-01,{end},{n % 900},"
            f"{n % 997 / 100 + 0.01:.2f},{('EUR', 'GBP')[n % 2]},{autopay},"
            f"{paid},{method}\n"
        )
    return HEADER + "".join(lines)


def _cli(*args: str) -> str:
    out = subprocess.run(
        [sys.executable, "-m", "paxbill", *args],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert out.stderr == ""
    return out.stdout


@pytest.mark.parametrize("locale", ["en_GB", "fr_FR", "de_DE", "ja_JP", "ar_EG"])
def test_the_streamed_list_is_the_report_laid_out_whole(
    tmp_path: Path, locale: str
) -> None:
    """Row by row, the text is the notebook's Report laid out in one piece."""
    path = tmp_path / "invoices.csv"
    path.write_text(_rows(600), encoding="utf-8")

    held = list(each_invoice(str(path)))
    expected = render(invoices_report(held, dt.date(2024, 6, 5), locale))
    out = _cli("invoices", str(path), "--as-of", "2024-06-05", "--locale", locale)
    assert out == expected + "\n"
    assert len(out.splitlines()) == 600 + 2  # the caption, the header, the rows


def test_the_streamed_json_is_the_object_dumped_whole(tmp_path: Path) -> None:
    """--json, written in pieces, is byte for byte the one object json writes."""
    path = tmp_path / "invoices.csv"
    path.write_text(_rows(400), encoding="utf-8")

    as_of = dt.date(2024, 6, 5)
    settled = apply_automatic_payments(list(each_invoice(str(path))), as_of)
    expected = {
        "as_of": "2024-06-05",
        "invoices": [to_dict(i) for i in settled],
        "states": [
            {
                "number": i.number,
                "status": i.status_on(as_of).value,
                "method": None if i.method is None else i.method.value,
                "paid_on": None if i.payment is None else i.payment.on.isoformat(),
            }
            for i in settled
        ],
    }
    out = _cli("invoices", str(path), "--as-of", "2024-06-05", "--json")
    assert out == dumps(expected) + "\n"
    assert json.loads(out) == expected


def test_an_empty_list_in_json_is_still_one_object(tmp_path: Path) -> None:
    path = tmp_path / "invoices.json"
    path.write_text('{"invoices": []}', encoding="utf-8")
    out = _cli("invoices", str(path), "--as-of", "2024-06-05", "--json")
    assert json.loads(out) == {"as_of": "2024-06-05", "invoices": [], "states": []}


def test_a_bad_row_late_in_the_file_prints_nothing_but_the_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Nothing half-printed: the rows before the bad one are not on stdout."""
    path = tmp_path / "invoices.csv"
    path.write_text(_rows(300) + "F-X,A1,approved_installer,2024-05-01,,1,1,EUR,,,\n")
    for json_flag in ([], ["--json"]):
        assert main(["invoices", str(path), "--as-of", "2024-06-05", *json_flag]) == 2
        out, err = capsys.readouterr()
        assert out == ""
        assert "line 302" in err
        assert len(err.splitlines()) == 1


@pytest.mark.parametrize(
    "locale", ["en_GB", "en_US", "fr_FR", "de_DE", "ja_JP", "ar_EG", "fa_IR", "hi_IN"]
)
def test_dates_are_written_as_babels_skeletons_write_them(locale: str) -> None:
    """The pattern found once per locale writes what format_skeleton writes."""
    for value in (dt.date(2024, 6, 5), dt.date(1999, 12, 31), dt.date(2031, 1, 1)):
        assert day(value, locale) == format_skeleton("yMMdd", value, locale=locale)
        assert month(value, locale) == format_skeleton("yMMM", value, locale=locale)


def test_the_portal_list_is_unchanged_by_streaming() -> None:
    """The note's three invoices: the report still has one row each."""
    report = invoices_report(portal_invoices(), dt.date(2024, 6, 5), "en_GB")
    assert [row[0] for row in report.rows] == [i.number for i in portal_invoices()]


MILLION = 1_000_000
#: The memory docs/cli.md promises for a million rows.
LIMIT_MB = 300


#: A small process that runs a command and tells its peak memory: a child
#: forked from this test run would count the run's own memory in its peak
#: (Linux keeps the parent's high-water mark across fork and exec).
_MEASURE = """
import os, subprocess, sys
child = subprocess.Popen(sys.argv[1:])
_, status, usage = os.wait4(child.pid, 0)
print(usage.ru_maxrss, file=sys.stderr)
sys.exit(os.waitstatus_to_exitcode(status))
"""


def _peak_mb(output: Path, *args: str) -> float:
    """Run paxbill with *args*, its output to *output*: its peak memory, in MB."""
    with output.open("w", encoding="utf-8") as out:
        result = subprocess.run(
            [sys.executable, "-c", _MEASURE, sys.executable, "-m", "paxbill", *args],
            stdout=out,
            stderr=subprocess.PIPE,
            text=True,
            check=True,
            timeout=1800,
        )
    return int(result.stderr.split()[-1]) / 1024  # kilobytes on Linux


@pytest.mark.slow
def test_a_million_rows_take_less_than_300_mb(tmp_path: Path) -> None:
    """The process's peak resident memory on a 70 MB file of a million rows."""
    path = tmp_path / "million.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write(HEADER)
        row = "{},INST-1,approved_installer,2024-05-01,2024-06-01,70,2.55,EUR,,,\n"
        handle.writelines(row.format(n) for n in range(MILLION))
    output = tmp_path / "out.txt"
    peak_mb = _peak_mb(output, "invoices", str(path), "--as-of", "2024-06-05")
    lines = output.read_text(encoding="utf-8").splitlines()
    assert len(lines) == MILLION + 2
    # 70 users at 2.55: 178.50, due a month after the 1 June issue date.
    assert lines[-1].split() == [
        str(MILLION - 1),
        "01/06/2024",
        "€178.50",
        "-",
        "INVOICED",
        "01/07/2024",
    ]
    assert peak_mb < LIMIT_MB, f"peak {peak_mb:.0f} MB"


CLIENT_HEADER = "client_id,users,price,currency,billing\n"


def _client_rows(count: int) -> str:
    kinds = ("monthly", "quarterly", "annual")
    return CLIENT_HEADER + "".join(
        f"C{n},{n % 301},{n % 613 / 100:.2f},EUR,{kinds[n % 3]}\n" for n in range(count)
    )


def _comparison(path: Path) -> tuple[StrategyComparison, list[Client]]:
    """The comparison of the clients in *path*, held whole.

    As compare_strategies makes it from rebill.
    """
    clients = list(each_client(str(path)))
    result = compare_strategies(
        {
            "as_billed": clients,
            **{f.value: rebill(clients, f) for f in BillingFrequency},
        },
        paxton_price=PerUserPrice(Money("3.00", "EUR")),
        account=Account("installer", AccountType.SYSTEM_MANAGER),
        start=dt.date(2024, 7, 1),
        months=12,
    )
    return result, clients


@pytest.mark.parametrize("locale", ["en_GB", "fr_FR"])
def test_compare_streamed_is_the_comparison_held_whole(
    tmp_path: Path, locale: str
) -> None:
    path = tmp_path / "clients.csv"
    path.write_text(_client_rows(500), encoding="utf-8")
    result, _ = _comparison(path)
    title = text("compare.title", locale).format(
        months=12, start=month(dt.date(2024, 7, 1), locale)
    )
    expected = render(comparison_report(result, locale, title))
    out = _cli("compare", str(path), "--start", "2024-07-01", "--locale", locale)
    assert out == expected + "\n"


def test_compare_json_streamed_is_the_object_dumped_whole(tmp_path: Path) -> None:
    path = tmp_path / "clients.csv"
    path.write_text(_client_rows(300), encoding="utf-8")
    result, clients = _comparison(path)
    out = json.loads(_cli("compare", str(path), "--start", "2024-07-01", "--json"))
    assert out["clients"] == [to_dict(c) for c in clients]
    nets = {s["name"]: Decimal(s["net"]) for s in out["strategies"]}
    assert nets == {name: p.net.amount for name, p in result.projections}
    # Read back, the clients make the same comparison.
    again = tmp_path / "again.json"
    again.write_text(json.dumps({"clients": out["clients"]}), encoding="utf-8")
    assert (
        json.loads(_cli("compare", str(again), "--start", "2024-07-01", "--json"))
        == out
    )


def test_compare_names_every_currency_of_the_file(tmp_path: Path) -> None:
    """Read to its end: the currencies before and after the first foreign one."""
    path = tmp_path / "clients.csv"
    path.write_text(
        CLIENT_HEADER + "A,1,2.00,EUR,monthly\nB,1,2.00,USD,monthly\n"
        "C,1,2.00,GBP,monthly\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "paxbill", "compare", str(path), "--start", "2024-07-01",
         "--currency", "CHF"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert "billed in EUR, GBP, USD, not --currency CHF" in result.stderr
    assert result.stdout == ""


@pytest.mark.slow
def test_a_million_clients_compared_take_less_than_300_mb(tmp_path: Path) -> None:
    """Compare --json on a million clients: bounded memory, every client written."""
    path = tmp_path / "million.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write(CLIENT_HEADER)
        handle.writelines(f"C{n},10,4.00,EUR,monthly\n" for n in range(MILLION))
    output = tmp_path / "out.json"
    peak_mb = _peak_mb(output, "compare", str(path), "--start", "2024-07-01", "--json")
    document = json.loads(output.read_text(encoding="utf-8"))
    assert len(document["clients"]) == MILLION
    as_billed = document["strategies"][0]
    # A million clients of 10 users at 4.00, twelve months: 480,000,000.00 in.
    assert (
        Decimal(as_billed["money_in"]) == Decimal(MILLION) * 10 * Decimal("4.00") * 12
    )
    assert peak_mb < LIMIT_MB, f"peak {peak_mb:.0f} MB"


def test_a_temporary_file_that_cannot_be_made_is_one_line_and_status_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The spool's directory is gone: the system's reason, not a traceback."""
    import tempfile

    path = tmp_path / "invoices.csv"
    path.write_text(_rows(3))
    gone = tmp_path / "gone"
    monkeypatch.setattr(tempfile, "tempdir", str(gone))
    assert main(["invoices", str(path), "--as-of", "2024-06-05"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(f"paxbill: error: No such file or directory ({gone}")
    assert err.endswith(")\n")
    assert len(err.splitlines()) == 1
