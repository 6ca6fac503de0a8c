"""Tests for the command line, run as a user would, through a subprocess."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from paxbill import Money, PerUserPrice
from paxbill.cli import main

PORTAL = ["--users", "70", "--list-price", "3.00", "--discount", "15"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m paxbill`` with *args*."""
    return subprocess.run(
        [sys.executable, "-m", "paxbill", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def test_estimate_json_gives_the_portal_figures() -> None:
    """It prints one JSON object whose amounts are strings: 2.55 and 178.50."""
    result = run("estimate", *PORTAL, "--currency", "EUR", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["currency"] == "EUR"
    assert data["net_price"] == "2.55"
    assert data["total"] == "178.50"
    assert data["list_price"] == "3.00"
    assert data["users"] == 70
    assert all(isinstance(data[k], str) for k in ("net_price", "total", "list_price"))


def test_estimate_json_agrees_with_the_python_api() -> None:
    """Its JSON figures are the library's, read back without losing a cent."""
    result = run(
        "estimate",
        "--users",
        "13",
        "--list-price",
        "2.99",
        "--discount",
        "15",
        "--currency",
        "gbp",
        "--json",
    )
    data = json.loads(result.stdout)
    price = PerUserPrice(Money("2.99", "GBP"), 15)
    assert Money(data["net_price"], data["currency"]) == price.net
    assert Money(data["total"], data["currency"]) == price.monthly_total(13)


def test_estimate_in_french() -> None:
    """It prints the breakdown with French labels and French figures."""
    result = run("estimate", *PORTAL, "--currency", "EUR", "--locale", "fr_FR")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "Remise partenaire" in result.stdout
    assert any(line.endswith("178,50\xa0€") for line in lines)
    assert any(line.endswith("2,55\xa0€") for line in lines)
    assert any(line.endswith("15\xa0%") for line in lines)


def test_estimate_in_english_lines_up() -> None:
    """It prints English labels, and the figures end in one column."""
    result = run("estimate", *PORTAL)
    assert result.returncode == 0, result.stderr
    rows = result.stdout.splitlines()[1:]
    assert rows[-1].startswith("Estimated monthly total")
    assert rows[-1].endswith("€178.50")
    assert len({len(row) for row in rows}) == 1


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--users", "-1"], "negative"),
        (["--users", "x"], "--users"),
        (["--users", "1.5"], "--users"),
        (["--currency", "XYZ"], "XYZ"),
        (["--list-price", "abc"], "abc"),
        (["--list-price", "2.5e99"], "is not an amount: write digits"),
        (["--list-price", "3.005"], "has 3 decimals, EUR has 2"),
        (["--list-price", "-3"], "argument --list-price: -3 is negative"),
        (["--list-price", "-3"], "negative"),
        (["--discount", "120"], "120"),
        (["--locale", "zz_ZZ"], "zz_ZZ"),
    ],
)
def test_bad_input_is_one_line_and_status_2(args: list[str], words: str) -> None:
    """It prints one readable line to stderr and exits with 2, no traceback."""
    base = {"--users": "70", "--list-price": "3.00", "--discount": "15"}
    base.update(dict(zip(args[::2], args[1::2], strict=True)))
    result = run("estimate", *[x for pair in base.items() for x in pair])
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert words in result.stderr


def test_no_command_is_bad_input() -> None:
    """Without a command: the usage and the commands, then one error line; 2."""
    result = run()
    assert result.returncode == 2
    assert result.stderr.startswith("usage: paxbill")
    assert "check-einvoice" in result.stderr
    assert result.stderr.strip().splitlines()[-1] == (
        "paxbill: error: give a COMMAND, such as 'paxbill demo'"
    )
    assert result.stdout == ""


def test_main_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    """main() returns the exit status and prints the figures."""
    assert main(["estimate", *PORTAL, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == "178.50"
    assert main(["estimate", "--users", "-1", "--list-price", "3"]) == 2
    assert "negative" in capsys.readouterr().err


ARGUMENT_TEXT = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["-1", "0", "1e99", "nan", "2024-02-30", "12.5", "", "EUR", "xx"]),
    # Dates and counts at the edges of the calendar and beyond any bound.
    st.sampled_from(
        ["9999-12-01", "9999-12-31", "0001-01-01", "200000", "99999999999", "1200"]
    ),
)


@settings(max_examples=100)
@given(
    st.sampled_from(
        [
            ["estimate", "--users", "{0}", "--list-price", "{1}", "--discount", "{2}"],
            ["quote", "--users", "{0}", "--price", "{1}", "--start", "{2}"],
            [
                "prorate",
                "--amount",
                "{0}",
                "--start",
                "{1}",
                "--end",
                "2025-01-01",
                "--part-start",
                "{2}",
            ],
            [
                "review",
                "--balance",
                "{0}",
                "--monthly-cost",
                "{1}",
                "--as-of",
                "{2}",
                "--term-end",
                "2025-01-01",
            ],
            ["bundle", "--fee", "{0}", "--users", "{1}", "--app-price", "{2}"],
            [
                "quote",
                "--users",
                "1",
                "--price",
                "{0}",
                "--start",
                "{1}",
                "--frequency",
                "{2}",
            ],
            [
                "review",
                "--balance",
                "10",
                "--monthly-cost",
                "{0}",
                "--as-of",
                "{1}",
                "--term-end",
                "{2}",
            ],
        ]
    ),
    st.tuples(ARGUMENT_TEXT, ARGUMENT_TEXT, ARGUMENT_TEXT),
    st.sampled_from(["en_GB", "fr_FR", "zz", "de-DE"]),
)
def test_any_input_ends_in_0_or_2_never_a_traceback(
    template: list[str], values: tuple[str, str, str], locale: str
) -> None:
    """Law: whatever the input, the command succeeds or exits 2 with one line."""
    argv = [part.format(*values) for part in template] + ["--locale", locale]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(argv)
        except SystemExit as exit_:
            status = exit_.code  # type: ignore[assignment]
    assert status in (0, 2)
    if status == 2:
        assert len(err.getvalue().strip().splitlines()) == 1


@pytest.mark.parametrize(
    "args",
    [
        ["demo"],
        ["demo", "--locale", "fr_FR"],
        ["--help"],
        ["estimate", *PORTAL, "--json"],
    ],
)
def test_a_closed_pipe_ends_quietly(args: list[str]) -> None:
    """A reader that closes early (``| head -c1``): no traceback, no message, 0."""
    process = subprocess.Popen(
        [sys.executable, "-m", "paxbill", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    process.stdout.close()  # before the command has written a byte
    _, err = process.communicate(timeout=60)
    assert err == b""
    assert process.returncode == 0


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (
            [
                "quote",
                "--users",
                "3",
                "--price",
                "2",
                "--start",
                "9999-12-01",
                "--frequency",
                "annual",
            ],
            "9999-12-01 +12 months is outside the years",
        ),
        (
            [
                "review",
                "--balance",
                "10",
                "--monthly-cost",
                "2",
                "--as-of",
                "9999-12-01",
                "--term-end",
                "9999-12-31",
            ],
            "outside the years 1 to 9999",
        ),
        (
            ["compare", "x.csv", "--start", "2024-01-01", "--months", "200000"],
            "200000 is not 1 to 1,200",
        ),
        (
            ["estimate", "--users", "99999999999", "--list-price", "3"],
            "is more than 1,000,000,000",
        ),
    ],
)
def test_out_of_range_is_one_line_and_status_2(args: list[str], words: str) -> None:
    """Dates beyond year 9999 and counts beyond their bounds: one line, status 2."""
    result = run(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert words in result.stderr


def test_version_and_no_abbreviations() -> None:
    """--version names the installed version; an abbreviated option is refused."""
    from importlib.metadata import version

    import paxbill

    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"paxbill {version('paxbill')}"
    assert paxbill.__version__ == version("paxbill")
    short = run("estimate", "--user", "70", "--list-price", "3.00")
    assert short.returncode == 2
    assert "Traceback" not in short.stderr


def test_former_option_names_still_read() -> None:
    """The former --app-price of bundle still reads, as --list-price, unshown."""
    args = ["bundle", "--fee", "150", "--users", "20", "--discount", "15", "--json"]
    new = run(*args, "--list-price", "3.00")
    old = run(*args, "--app-price", "3.00")
    assert new.returncode == old.returncode == 0
    assert json.loads(new.stdout) == json.loads(old.stdout)
    assert json.loads(new.stdout)["app_cost"] == "51.00"  # 20 x 2.55
    assert "--app-price" not in run("bundle", "--help").stdout


def test_shell_completion_knows_every_command_and_option(tmp_path: Path) -> None:
    """With argcomplete (paxbill[completion]) the shell completes commands, options."""
    pytest.importorskip("argcomplete")
    import os

    def complete(line: str) -> str:
        out = tmp_path / "completions"
        env = dict(
            os.environ,
            COMP_LINE=line,
            COMP_POINT=str(len(line)),
            _ARGCOMPLETE="1",
            _ARGCOMPLETE_STDOUT_FILENAME=str(out),
        )
        subprocess.run(
            [sys.executable, "-m", "paxbill"],
            env=env,
            check=False,
            timeout=60,
            capture_output=True,
        )
        return out.read_text()

    assert "compare" in complete("paxbill comp")
    assert "--account-type" in complete("paxbill compare --acc")
