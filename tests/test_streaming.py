"""`invoices` read row by row: the output of the list held whole, in little memory.

The memory test writes a million rows and runs the command in its own
process: it is marked slow, and ``nox -s slow`` runs it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from babel.dates import format_skeleton

from paxbill import to_dict
from paxbill.cli import main
from paxbill.cli._common import dumps
from paxbill.cli._render import render
from paxbill.io._reports import day, invoices_report, month
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
    from paxbill.cli._files import read_invoices

    held = read_invoices(str(path))
    expected = render(invoices_report(held, dt.date(2024, 6, 5), locale))
    out = _cli("invoices", str(path), "--as-of", "2024-06-05", "--locale", locale)
    assert out == expected + "\n"
    assert len(out.splitlines()) == 600 + 2  # the caption, the header, the rows


def test_the_streamed_json_is_the_object_dumped_whole(tmp_path: Path) -> None:
    """--json, written in pieces, is byte for byte the one object json writes."""
    path = tmp_path / "invoices.csv"
    path.write_text(_rows(400), encoding="utf-8")
    from paxbill.cli._files import read_invoices

    as_of = dt.date(2024, 6, 5)
    settled = apply_automatic_payments(read_invoices(str(path)), as_of)
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


@pytest.mark.slow
def test_a_million_rows_take_less_than_300_mb(tmp_path: Path) -> None:
    """The process's peak resident memory on a 70 MB file of a million rows."""
    path = tmp_path / "million.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write(HEADER)
        row = "{},INST-1,approved_installer,2024-05-01,2024-06-01,70,2.55,EUR,,,\n"
        handle.writelines(row.format(n) for n in range(MILLION))
    output = tmp_path / "out.txt"
    with output.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "paxbill", "invoices", str(path), "--as-of",
             "2024-06-05"],
            stdout=out,
        )  # fmt: skip
        # This child's own peak, not that of others the test run started.
        _, status, usage = os.wait4(process.pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    peak_mb = usage.ru_maxrss / 1024  # kilobytes on Linux
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
