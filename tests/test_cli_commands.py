"""Tests for every subcommand after estimate, run in this process.

``paxbill.cli.main`` runs with its output captured, as ``python -m paxbill``
would run it; ``tests/test_cli.py`` covers what only a real process shows
(the entry point, closed pipes, no traceback whatever the input).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from paxbill import (
    BillingFrequency,
    BillingPeriod,
    Bundle,
    Client,
    Money,
    compare_strategies,
    prorate,
    quote_prepayment,
    rebill,
    review_balance,
    to_dict,
)
from paxbill.cli import main
from tests.examples import INSTALLER, PORTAL_PRICE, portal_invoices

D = dt.date


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``paxbill`` with *args* in this process: its status and output."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(list(args))
        except SystemExit as stop:  # argparse's own exit, on bad options
            status = stop.code if isinstance(stop.code, int) else 2
    return subprocess.CompletedProcess(args, status, out.getvalue(), err.getvalue())


def ok(*args: str) -> str:
    """Run a command that must succeed; return its output."""
    result = run(*args)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def run_with_input(text: str, *args: str) -> str:
    """Run a command that must succeed with *text* on standard input."""
    result = subprocess.run(
        [sys.executable, "-m", "paxbill", *args],
        input=text,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def bad(*args: str) -> str:
    """Run a command that must fail on bad input; return its one error line."""
    result = run(*args)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.fixture
def invoice_file(tmp_path: Path) -> Path:
    """The portal's three invoices as a JSON file."""
    invoices = portal_invoices()
    path = tmp_path / "invoices.json"
    path.write_text(json.dumps({"invoices": [to_dict(i) for i in invoices]}))
    return path


CSV_HEADER = (
    "number,account_id,account_type,period_start,period_end,"
    "users,unit_price,currency,paid_on,method\n"
)


@pytest.fixture
def invoice_csv(tmp_path: Path) -> Path:
    """The same invoices as a CSV file."""
    path = tmp_path / "invoices.csv"
    path.write_text(
        CSV_HEADER
        + "335218,INST-1,approved_installer,2024-05-01,2024-06-01,70,2.55,EUR,,\n"
        + "335217,INST-1,approved_installer,2024-04-01,2024-05-01,70,2.55,EUR,,\n"
        + "335216,INST-1,approved_installer,2024-03-01,2024-04-01,70,2.55,EUR,"
        + "2024-04-20,manual\n"
    )
    return path


class TestInvoices:
    def test_states_in_french(self, invoice_file: Path) -> None:
        """It lists the portal's invoices with their French states on 2024-06-05."""
        out = ok(
            "invoices", str(invoice_file), "--as-of", "2024-06-05", "--locale", "fr_FR"
        )
        rows = out.splitlines()
        assert rows[0] == "Factures au 05/06/2024"
        assert "FACTURE" in rows[2]
        assert rows[2].startswith("335218")
        assert "EN RETARD" in rows[3]
        assert "PAYÉ" in rows[4]
        assert "manuel" in rows[4]
        assert "178,50\xa0€" in rows[2]

    def test_states_in_english_from_csv(self, invoice_csv: Path) -> None:
        """It reads CSV as well, and prints English states."""
        out = ok("invoices", str(invoice_csv), "--as-of", "2024-06-05")
        assert ["INVOICED" in out, "OVERDUE" in out, "PAID" in out] == [True] * 3
        assert "€178.50" in out

    def test_spreadsheet_csvs(self, invoice_csv: Path, tmp_path: Path) -> None:
        """Excel's BOM, French ';' and '2,55', CRLF and any case: read as the CSV."""
        expected = ok("invoices", str(invoice_csv), "--as-of", "2024-06-05", "--json")
        plain_text = invoice_csv.read_text()
        bom = tmp_path / "bom.csv"
        bom.write_bytes(b"\xef\xbb\xbf" + plain_text.encode())
        french = tmp_path / "french.csv"
        french_text = plain_text.replace(",", ";").replace("2.55", "2,55")
        french_text = french_text.replace("approved_installer", "Approved_Installer")
        french.write_bytes(french_text.replace("\n", "\r\n").encode("utf-8-sig"))
        for path in (bom, french):
            got = ok("invoices", str(path), "--as-of", "2024-06-05", "--json")
            assert got == expected, path.name
        quoted = tmp_path / "quoted.csv"
        quoted.write_text(plain_text.replace(",2.55,", ',"2,55",'))
        assert (
            ok(
                "invoices",
                str(quoted),
                "--as-of",
                "2024-06-05",
                "--json",
                "--locale",
                "fr_FR",
            )
            == expected
        )
        piped = run_with_input(
            plain_text,
            "invoices",
            "-",
            "--format",
            "csv",
            "--as-of",
            "2024-06-05",
            "--json",
        )
        assert piped == expected

    def test_an_unknown_enum_value_lists_the_allowed_ones(
        self, invoice_csv: Path, tmp_path: Path
    ) -> None:
        """'installer' is not an account type: the error names the allowed ones."""
        wrong = tmp_path / "wrong.csv"
        wrong.write_text(
            invoice_csv.read_text().replace("approved_installer", "installer", 1)
        )
        line = bad("invoices", str(wrong), "--as-of", "2024-06-05")
        assert "line 2, column 'account_type'" in line
        assert "approved_installer, system_manager" in line

    def test_json_agrees_with_the_api(self, invoice_file: Path) -> None:
        """Its JSON gives each invoice as a document, and its state apart."""
        data = json.loads(
            ok("invoices", str(invoice_file), "--as-of", "2024-06-05", "--json")
        )
        assert [s["status"] for s in data["states"]] == ["invoiced", "overdue", "paid"]
        assert [i["due_date"] for i in data["invoices"]] == [
            "2024-07-01",
            "2024-05-31",
            "2024-05-01",
        ]
        assert {i["total"]["amount"] for i in data["invoices"]} == {"178.50"}
        assert data["states"][2]["method"] == "manual"

    def test_json_reads_back(self, invoice_file: Path, tmp_path: Path) -> None:
        """What --json prints, the command reads again: the same invoices."""
        out = ok("invoices", str(invoice_file), "--as-of", "2024-06-05", "--json")
        again = tmp_path / "out.json"
        again.write_text(out, encoding="utf-8")
        assert ok("invoices", str(again), "--as-of", "2024-06-05", "--json") == out
        from_stdin = run_with_input(
            out, "invoices", "-", "--as-of", "2024-06-05", "--json"
        )
        assert from_stdin == out

    def test_bad_files(self, tmp_path: Path, invoice_file: Path) -> None:
        """A missing, malformed or wrong file is one line naming file, row and field."""
        assert "no such file" in bad(
            "invoices", str(tmp_path / "nope.json"), "--as-of", "2024-06-05"
        )
        broken = tmp_path / "broken.json"
        broken.write_text("{not json")
        assert "line 1" in bad("invoices", str(broken), "--as-of", "2024-06-05")
        document = json.loads(invoice_file.read_text())
        document["invoices"][2]["total"]["amount"] = 178.5
        floats = tmp_path / "floats.json"
        floats.write_text(json.dumps(document))
        line = bad("invoices", str(floats), "--as-of", "2024-06-05")
        assert "floats.json" in line
        assert "invoices[2].total.amount" in line
        assert "float" in line

    def test_bad_csv(self, tmp_path: Path) -> None:
        """An unknown column or a bad field in CSV names the file, row and field."""
        unknown = tmp_path / "unknown.csv"
        unknown.write_text("number,colour\n1,red\n")
        assert "missing column 'account_id': the columns are number" in bad(
            "invoices", str(unknown), "--as-of", "2024-06-05"
        )
        dated = tmp_path / "dated.csv"
        dated.write_text(
            CSV_HEADER + "1,A,approved_installer,2024-13-01,2024-06-01,70,2.55,EUR,,\n"
        )
        line = bad("invoices", str(dated), "--as-of", "2024-06-05")
        assert "dated.csv: line 2, column 'period_start'" in line
        floaty = tmp_path / "floaty.csv"
        floaty.write_text(
            CSV_HEADER
            + "1,A,approved_installer,2024-05-01,2024-06-01,seventy,2.55,EUR,,\n"
        )
        assert "line 2, column 'users'" in bad(
            "invoices", str(floaty), "--as-of", "2024-06-05"
        )

    def test_bad_date_argument(self, invoice_file: Path) -> None:
        """A date that is not a date is one line, status 2."""
        assert "--as-of" in bad("invoices", str(invoice_file), "--as-of", "05/06/2024")


class TestQuote:
    ARGS = (
        "quote",
        "--users",
        "1",
        "--price",
        "2.50",
        "--currency",
        "GBP",
        "--start",
        "2024-01-01",
    )

    def test_a_price_change_during_the_term(self) -> None:
        """4.00, then 4.40 from July: a quarter from June is (4.00 + 2 x 4.40) x 10."""
        data = json.loads(
            ok(
                *("quote", "--users", "10", "--price", "4.00", "--json"),
                *("--price-from", "2024-07-01", "4.40", "--frequency", "quarterly"),
                *("--start", "2024-06-01"),
            )
        )
        assert data["monthly_prices"] == ["4.00", "4.40", "4.40"]
        assert data["total"] == "128.00"
        assert "YYYY-MM-DD" in bad(
            *("quote", "--users", "10", "--price", "4.00", "--start", "2024-06-01"),
            *("--price-from", "01/07/2024", "4.40"),
        )

    def test_a_half_year_from_the_31st(self) -> None:
        """``--frequency 6`` quotes six months: 6 x 2.50, to 2025-02-28."""
        args = (*self.ARGS[:-1], "2024-08-31", "--frequency", "6")
        data = json.loads(ok(*args, "--json"))
        assert (data["months"], data["total"]) == (6, "15.00")
        assert data["period_end"] == "2025-02-28"
        assert "6 mois" in ok(*args, "--locale", "fr_FR")
        assert "a number of months" in bad(*self.ARGS, "--frequency", "fortnightly")
        assert "term" in bad(*self.ARGS, "--frequency", "0")

    def test_uk_example(self) -> None:
        """One user at GBP 2.50, annual: GBP 30.00, as the API quotes it."""
        data = json.loads(ok(*self.ARGS, "--json"))
        expected = quote_prepayment(
            Money("2.50", "GBP"), 1, BillingFrequency.ANNUAL, D(2024, 1, 1)
        )
        assert (
            Money(data["total"], data["currency"])
            == expected.total
            == Money("30.00", "GBP")
        )
        assert (data["period_start"], data["period_end"]) == (
            "2024-01-01",
            "2025-01-01",
        )

    def test_text(self) -> None:
        """It prints the quote for people in English and in French."""
        assert "£30.00" in ok(*self.ARGS)
        french = ok(*self.ARGS, "--frequency", "quarterly", "--locale", "fr_FR")
        assert "trimestriel" in french
        assert "7,50" in french

    def test_bad(self) -> None:
        """Bad users or frequency are one line, status 2."""
        assert "negative" in bad(
            "quote", "--users", "-1", "--price", "2.50", "--start", "2024-01-01"
        )
        assert "weekly" in bad(*self.ARGS, "--frequency", "weekly")


class TestProrate:
    ARGS = (
        "prorate",
        "--amount",
        "30.00",
        "--currency",
        "GBP",
        "--start",
        "2024-01-01",
        "--end",
        "2025-01-01",
        "--part-start",
        "2024-07-01",
    )

    def test_by_days_and_months(self) -> None:
        """GBP 30.00 from 2024-07-01: 15.08 by days, 15.00 by months."""
        days = json.loads(ok(*self.ARGS, "--json"))
        months = json.loads(ok(*self.ARGS, "--method", "months", "--json"))
        year = BillingPeriod(D(2024, 1, 1), D(2025, 1, 1))
        half = BillingPeriod(D(2024, 7, 1), D(2025, 1, 1))
        assert Money(days["share"], "GBP") == prorate(Money("30.00", "GBP"), year, half)
        assert (days["share"], months["share"]) == ("15.08", "15.00")
        assert "15,08" in ok(*self.ARGS, "--locale", "fr_FR")
        english = ok(*self.ARGS, "--method", "months", "--locale", "en_GB")
        assert english.splitlines()[-1].startswith("Share for the part")
        assert english.splitlines()[-1].endswith("£15.00")

    def test_months_along_an_anchor(self) -> None:
        """--anchor counts the months of the billing anchor, not the period's.

        2024-02-29/03-31 is one month of an anchor on the 31st; its part from
        03-15 is 16 of 31 days: 31.00 x 16/31 = 16.00.
        """
        args: tuple[str, ...] = ("prorate", "--amount", "31.00", "--currency", "EUR")
        args += ("--start", "2024-02-29", "--end", "2024-03-31")
        args += ("--part-start", "2024-03-15", "--method", "months", "--json")
        anchored = json.loads(ok(*args, "--anchor", "2024-01-31"))
        assert anchored["share"] == "16.00"
        assert json.loads(ok(*args))["share"] != "16.00"

    def test_part_outside(self) -> None:
        """A part outside its period is one line, status 2."""
        line = bad(*self.ARGS[:-1], "2023-12-01")
        assert "argument --start: 2024-01-01 is after --part-start 2023-12-01" in line

    def test_a_part_after_the_period_names_the_part(self) -> None:
        """A part that starts after the period is the part's fault, not the period's."""
        line = bad(*self.ARGS[:-1], "2025-03-01")
        assert "argument --part-start: 2025-03-01 is after --end" in line


class TestReview:
    ARGS = (
        "review",
        "--balance",
        "200.00",
        "--monthly-cost",
        "25.00",
        "--currency",
        "GBP",
        "--as-of",
        "2024-04-01",
        "--term-end",
        "2025-01-01",
    )

    def test_shortfall(self) -> None:
        """GBP 200.00 at 25.00: 10 remain, 8 covered, 50.00 short, out on 2024-12-01.

        Every charge still to pay counts: March's usage, paid on 1 April (the
        review day), to December's, paid on 1 January; the ninth, on 1
        December, is not covered.
        """
        data = json.loads(ok(*self.ARGS, "--json"))
        expected = review_balance(
            Money("200.00", "GBP"),
            Money("25.00", "GBP"),
            as_of=D(2024, 4, 1),
            term_end=D(2025, 1, 1),
        )
        assert data["months_remaining"] == expected.months_remaining == 10
        assert data["months_covered"] == 8
        assert Money(data["shortfall"], "GBP") == expected.shortfall
        assert data["shortfall"] == "50.00"
        assert data["runs_out_on"] == "2024-12-01"
        assert data["sufficient"] is False
        assert "01/12/2024" in ok(*self.ARGS, "--locale", "fr_FR")
        english = ok(*self.ARGS, "--locale", "en_GB").splitlines()
        assert english[0] == "Prepaid balance review"
        assert english[5].startswith("Shortfall")
        assert "£50.00" in english[5]
        assert english[-1] == "The balance does not pay every charge: bill the client."

    def test_a_prepaid_year_for_an_approved_installer(self) -> None:
        """The 27.50 year: twelve charges, the last paid on 2025-01-31 (issue 10)."""
        data = json.loads(
            ok(
                "review",
                *("--balance", "27.50", "--monthly-cost", "2.50", "--currency", "GBP"),
                *("--as-of", "2024-01-02", "--term-start", "2024-01-01"),
                *("--term-end", "2025-01-01", "--account-type", "approved_installer"),
                "--json",
            )
        )
        assert (data["months_remaining"], data["months_covered"]) == (12, 11)
        assert data["shortfall"] == "2.50"
        assert data["runs_out_on"] == "2025-01-31"
        assert data["charges"][0] == {
            "usage_month": "2024-01",
            "invoiced_on": "2024-02-01",
            "paid_on": "2024-03-02",
            "amount": "2.50",
        }

    def test_paxton_paid_in_another_currency(self) -> None:
        """GBP 1,800.00 against 12 x EUR 178.50 at 0.85: 12 x 151.73, 20.76 short."""
        args = (
            *("review", "--balance", "1800.00", "--monthly-cost", "178.50"),
            *("--currency", "GBP", "--paxton-currency", "EUR"),
            *("--as-of", "2024-01-02", "--term-end", "2025-01-01"),
        )
        data = json.loads(ok(*args, "--rate", "0.85", "--json"))
        assert data["charges"][0]["amount"] == "151.73"
        assert data["shortfall"] == "20.76"
        assert "--rate" in bad(*args)

    def test_term_before_review(self) -> None:
        """A term that ends before the review is one line, status 2."""
        assert "term" in bad(*self.ARGS[:-1], "2024-01-01")


class TestBundle:
    ARGS = (
        "bundle",
        "--fee",
        "150.00",
        "--users",
        "20",
        "--app-price",
        "3.00",
        "--discount",
        "15",
        "--other-costs",
        "80.00",
    )

    def test_share_margin_break_even(self) -> None:
        """It gives the app's cost, its share, the margin and the break-even."""
        data = json.loads(ok(*self.ARGS, "--json"))
        bundle = Bundle(
            Money("150.00", "EUR"),
            BillingFrequency.MONTHLY,
            20,
            PORTAL_PRICE,
            Money("80.00", "EUR"),
        )
        assert (
            Money(data["app_cost"], "EUR") == bundle.app_cost == Money("51.00", "EUR")
        )
        assert Money(data["margin"], "EUR") == Money("19.00", "EUR")
        assert data["break_even_users"] == 28
        assert data["app_share"] == "0.3400"
        assert "34\xa0%" in ok(*self.ARGS, "--locale", "fr_FR")
        english = ok(*self.ARGS, "--locale", "en_GB")
        assert "App's share of the fee" in english
        assert "34%" in english
        assert "€19.00" in english

    def test_bad(self) -> None:
        """A quarterly fee is one line, status 2."""
        line = bad(*self.ARGS, "--frequency", "quarterly")
        assert "billed monthly or annual" in line
        assert "not quarterly" in line


class TestCompare:
    def test_strategies_from_a_file(self, tmp_path: Path) -> None:
        """It projects the clients as billed and each strategy, as the API does."""
        clients = [
            Client("A", 30, BillingFrequency.MONTHLY, Money("4.00", "EUR")),
            Client("B", 25, BillingFrequency.ANNUAL, Money("3.50", "EUR")),
        ]
        path = tmp_path / "clients.json"
        path.write_text(json.dumps([to_dict(c) for c in clients]))
        # The portal's price and an approved installer, stated: no default assumes them.
        portal = ("--discount", "15", "--account-type", "approved_installer")
        data = json.loads(
            ok("compare", str(path), "--start", "2024-07-01", "--json", *portal)
        )
        expected = compare_strategies(
            {
                "as_billed": clients,
                **{f.value: rebill(clients, f) for f in BillingFrequency},
            },
            paxton_price=PORTAL_PRICE,
            account=INSTALLER,
            start=D(2024, 7, 1),
            months=12,
        )
        for got, (name, projection) in zip(
            data["strategies"], expected.projections, strict=True
        ):
            assert got["name"] == name
            assert Money(got["lowest_position"], "EUR") == projection.lowest_position
            assert Money(got["money_in"], "EUR") == projection.total_in
            assert len(got["months"]) == 12
        english = ok("compare", str(path), "--start", "2024-07-01", "--locale", "en_GB")
        assert english.splitlines()[0] == "Cash flow over 12 months from Jul 2024"
        assert "quarterly" in english
        text = ok("compare", str(path), "--start", "2024-07-01", "--locale", "fr_FR")
        assert "annuel" in text
        assert "trimestriel" in text

    def test_clients_in_gbp_paxton_in_eur(self, tmp_path: Path) -> None:
        """GBP clients and Paxton in EUR at 0.85 project as the API does."""
        path = tmp_path / "clients.csv"
        path.write_text(
            "client_id,users,price,currency,billing\nA,70,3.00,GBP,annual\n"
        )
        data = json.loads(
            ok(
                *("compare", str(path), "--start", "2024-01-01", "--json"),
                *("--currency", "GBP", "--paxton-currency", "EUR", "--rate", "0.85"),
                *("--account-type", "system_manager", "--discount", "15"),
            )
        )
        # Eleven EUR 178.50 invoices paid in the year, each 151.7250 -> 151.73.
        assert data["currency"] == "GBP"
        assert data["strategies"][0]["money_out"] == "1669.03"
        assert data["strategies"][0]["exchange_result"] == "0.00"
        assert "--rate" in bad(
            *("compare", str(path), "--start", "2024-01-01"),
            *("--currency", "GBP", "--paxton-currency", "EUR"),
        )

    def test_clients_from_csv_and_bad_rows(self, tmp_path: Path) -> None:
        """It reads clients from CSV and names the row of a bad one."""
        good = tmp_path / "clients.csv"
        good.write_text(
            "client_id,users,price,currency,billing\nA,30,4.00,EUR,monthly\n"
        )
        assert "€" in ok("compare", str(good), "--start", "2024-07-01")
        worse = tmp_path / "worse.csv"
        worse.write_text(
            "client_id,users,price,currency,billing\nA,30,4.00,EUR,weekly\n"
        )
        assert "worse.csv: line 2, column 'billing'" in bad(
            "compare", str(worse), "--start", "2024-07-01"
        )


class TestDemo:
    def test_demo_walks_through_the_note(self) -> None:
        """It needs no input and shows every capability, in English and French."""
        english = ok("demo")
        for words in ("€178.50", "OVERDUE", "£30.00", "Runs out on", "annual"):
            assert words in english
        french = ok("demo", "--locale", "fr_FR")
        for words in ("178,50\xa0€", "EN RETARD", "PAYÉ", "30,00", "Épuisé le"):
            assert words in french

    def test_demo_json(self) -> None:
        """Its JSON holds every section, with amounts as strings."""
        data = json.loads(ok("demo", "--json"))
        assert set(data) == {
            "estimate",
            "invoices",
            "quote",
            "review",
            "prorate",
            "bundle",
            "client_invoice",
            "comparison",
        }
        assert data["estimate"]["total"] == "178.50"
        assert [s["status"] for s in data["invoices"]["states"]] == [
            "invoiced",
            "overdue",
            "paid",
        ]
        assert data["quote"]["total"] == "30.00"
        # The sample installer pays 30 days after each invoice: on 1 April,
        # March's charge (paid 1 May) to December's (31 January 2025) remain,
        # 10 x 25.00 = 250.00, 50.00 more than the balance.
        assert data["review"]["months_remaining"] == 10
        assert data["review"]["shortfall"] == "50.00"
        # GBP 30.00 a year, from 1 July: 184 of 366 days = 15.08.
        assert data["prorate"]["share"] == "15.08"
        # 70 users at 2.55 = 178.50 of a 300.00 fee: 121.50 left.
        assert data["bundle"]["margin"] == "121.50"
        # The example invoice: 70 x 12.00 + 150.00, and 20 % VAT.
        assert data["client_invoice"]["gross_total"]["amount"] == "1188.00"


# -- client-invoice ----------------------------------------------------------


@pytest.fixture
def client_invoice_file(tmp_path: Path) -> Path:
    """The centralised invoice of the issue, 300.00 paid, as a JSON file."""
    from paxbill import ClientInvoice, ClientInvoiceLine, Party

    invoice = ClientInvoice(
        "F2024-0001",
        D(2024, 1, 2),
        Party("Sécurité Dupont SARL", "FR", vat_id="FR40303265045"),
        Party("Résidence Les Tilleuls", "FR"),
        [
            ClientInvoiceLine("Entry app users", 70, Money("4.00", "EUR"), "S", "20"),
            ClientInvoiceLine("Maintenance", 1, Money("150.00", "EUR"), "S", "20"),
            ClientInvoiceLine("Works", 1, Money("80.00", "EUR"), "S", "5.5"),
        ],
    ).pay(Money("300.00", "EUR"), D(2024, 1, 20))
    path = tmp_path / "invoice.json"
    path.write_text(json.dumps(to_dict(invoice), ensure_ascii=False), encoding="utf-8")
    return path


def test_client_invoice_prints_totals_and_writes_files(
    client_invoice_file: Path, tmp_path: Path
) -> None:
    """Totals on screen; the HTML page and the XML written where asked."""
    html, xml = tmp_path / "f.html", tmp_path / "f.xml"
    out = ok(
        "client-invoice",
        str(client_invoice_file),
        "--as-of",
        "2024-02-05",
        "--locale",
        "fr_FR",
        "--html",
        str(html),
        "--xml",
        str(xml),
    )
    assert "Total TTC" in out
    assert "600,40" in out  # 510.00 + 86.00 + 4.40
    assert "300,40" in out  # still due on 5 February
    assert "en retard" in out
    assert "Autoliquidation" not in out
    assert "D441-5" in html.read_text(encoding="utf-8")
    assert b"<ram:GrandTotalAmount>600.40</ram:GrandTotalAmount>" in xml.read_bytes()


def test_client_invoice_json_reads_back(
    client_invoice_file: Path, tmp_path: Path
) -> None:
    """--json prints the document, which the command reads again."""
    from paxbill import from_dict

    out = ok("client-invoice", str(client_invoice_file), "--json")
    document = json.loads(out)
    assert document["gross_total"] == {
        "type": "money",
        "amount": "600.40",
        "currency": "EUR",
    }
    again = tmp_path / "again.json"
    again.write_text(out, encoding="utf-8")
    assert json.loads(ok("client-invoice", str(again), "--json")) == document
    assert from_dict(document).number == "F2024-0001"


def test_client_invoice_refuses_a_wrong_total(
    client_invoice_file: Path, tmp_path: Path
) -> None:
    """A document whose written total its lines contradict is one line, status 2."""
    document = json.loads(client_invoice_file.read_text(encoding="utf-8"))
    document["gross_total"]["amount"] = "601.00"
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps(document), encoding="utf-8")
    assert "gross_total" in bad("client-invoice", str(wrong))
    assert "no such file" in bad("client-invoice", str(tmp_path / "none.json"))
    money = tmp_path / "money.json"
    money.write_text(json.dumps(to_dict(Money("1.00", "EUR"))), encoding="utf-8")
    assert "expected one ClientInvoice or CreditNote" in bad(
        "client-invoice", str(money)
    )


# -- schema and example --------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "command"),
    [
        ("invoices", ["invoices", "-", "--as-of", "2024-06-05", "--json"]),
        ("clients", ["compare", "-", "--start", "2024-07-01", "--json"]),
        ("client-invoice", ["client-invoice", "-", "--json"]),
    ],
)
def test_each_example_runs_its_command(name: str, command: list[str]) -> None:
    """Paxbill example NAME | paxbill COMMAND - works, for every example."""
    text = ok("example", name)
    data = json.loads(run_with_input(text, *command))
    assert data
    assert name in ok("example")


def test_the_example_client_invoice_by_hand() -> None:
    """The shipped invoice: 70 x 4.00 x 3 + 150.00 = 990.00 net, 198.00 VAT."""
    data = json.loads(
        run_with_input(ok("example", "client-invoice"), "client-invoice", "-", "--json")
    )
    assert data["net_total"]["amount"] == "990.00"
    assert data["vat_total"]["amount"] == "198.00"
    assert data["gross_total"]["amount"] == "1188.00"


def test_schema_prints_a_schema_that_validates_the_json() -> None:
    """Paxbill schema client_invoice validates what client-invoice --json prints."""
    jsonschema = pytest.importorskip("jsonschema")
    names = ok("schema").split()
    assert {"invoice", "client_invoice", "credit_note", "money"} <= set(names)
    schema = json.loads(ok("schema", "client_invoice"))
    document = json.loads(
        run_with_input(ok("example", "client-invoice"), "client-invoice", "-", "--json")
    )
    jsonschema.Draft202012Validator(schema).validate(document)
    assert "paxbill schema" in bad("schema", "nope")
    assert "give one of" in bad("example", "nope")


# -- e-invoices ------------------------------------------------------------------


def test_client_invoice_writes_ubl_and_check_einvoice_reads_both(
    client_invoice_file: Path, tmp_path: Path
) -> None:
    """--ubl beside --xml; check-einvoice gives the same totals from either syntax.

    70 x 4.00 + 150.00 = 430.00 at 20 % and 80.00 at 5.5 %: VAT 86.00 +
    4.40 = 90.40, gross 510.00 + 90.40 = 600.40; the 300.00 paid on 20
    January is after the issue date, so the e-invoice states 600.40 due.
    """
    cii, ubl = tmp_path / "f.xml", tmp_path / "f.ubl.xml"
    ok("client-invoice", str(client_invoice_file), "--xml", str(cii), "--ubl", str(ubl))
    assert b'<cbc:PayableAmount currencyID="EUR">600.40' in ubl.read_bytes()
    outputs = []
    for path, syntax in ((cii, "CII"), (ubl, "UBL")):
        out = ok("check-einvoice", str(path), "--locale", "en_GB")
        assert out.startswith(f"{syntax} e-invoice: Invoice F2024-0001 of 02/01/2024")
        assert "€600.40" in out
        assert "€90.40" in out
        assert "No problem" in out
        outputs.append(out.splitlines()[1:])
    assert outputs[0] == outputs[1]


def test_check_einvoice_lists_the_french_problems_with_status_2(
    client_invoice_file: Path, tmp_path: Path
) -> None:
    """Without SIREN and electronic addresses, the French rules fail: status 2."""
    cii = tmp_path / "f.xml"
    ok("client-invoice", str(client_invoice_file), "--xml", str(cii))
    result = run("check-einvoice", str(cii), "--france", "--json")
    assert result.returncode == 2
    rules = [problem["rule"] for problem in json.loads(result.stdout)["problems"]]
    assert "BR-FR-10_BT-30" in rules  # the seller's SIREN
    assert "BR-FR-13_BT-34" in rules  # the seller's electronic address
    assert result.stderr == ""


def test_check_einvoice_refuses_what_it_cannot_read(
    client_invoice_file: Path, tmp_path: Path
) -> None:
    """Not XML, not CII or UBL, a wrong total: one line each, status 2."""
    assert "not well-formed XML" in bad("check-einvoice", str(client_invoice_file))
    html = tmp_path / "page.xml"
    html.write_text("<html/>", encoding="utf-8")
    assert "neither CII nor UBL: its root is html" in bad("check-einvoice", str(html))
    cii = tmp_path / "f.xml"
    ok("client-invoice", str(client_invoice_file), "--xml", str(cii))
    altered = tmp_path / "altered.xml"
    altered.write_bytes(cii.read_bytes().replace(b">600.40<", b">600.41<"))
    assert "BT-112" in bad("check-einvoice", str(altered))
    assert "cannot read it" in bad("check-einvoice", str(tmp_path / "none.xml"))


def test_the_commands_speak_the_document_s_language(
    client_invoice_file: Path, tmp_path: Path
) -> None:
    """A French invoice is shown in French unless --locale says another."""
    cii = tmp_path / "f.xml"
    out = ok("client-invoice", str(client_invoice_file), "--xml", str(cii))
    assert out.startswith("Facture F2024-0001 · 02/01/2024")
    assert ok("check-einvoice", str(cii)).startswith(
        "Facture électronique CII : Facture F2024-0001 du 02/01/2024"
    )
    german = ok("client-invoice", str(client_invoice_file), "--locale", "de_DE")
    assert german.startswith("Rechnung F2024-0001 · 02.01.2024")
    assert "no page in 'es_ES'" in bad(
        "client-invoice",
        str(client_invoice_file),
        "--locale",
        "es_ES",
        "--html",
        str(tmp_path / "f.html"),
    )


def test_client_invoice_tells_what_to_refund(tmp_path: Path) -> None:
    """Paid in full, then credited 40.00 net at 20 %: 48.00 to refund."""
    from paxbill import ClientInvoice, ClientInvoiceLine, Party

    invoice = ClientInvoice(
        "F2024-0002",
        D(2024, 1, 2),
        Party("Sécurité Dupont SARL", "FR", vat_id="FR40303265045"),
        Party("Résidence Les Tilleuls", "FR"),
        [ClientInvoiceLine("Entry app users", 70, Money("4.00", "EUR"), "S", "20")],
    ).pay(Money("336.00", "EUR"), D(2024, 1, 10))
    line = ClientInvoiceLine("Geste commercial", 1, Money("40.00", "EUR"), "S", "20")
    invoice = invoice.apply_credit(invoice.credit("AV-1", D(2024, 1, 15), [line]))
    path = tmp_path / "paid.json"
    path.write_text(json.dumps(to_dict(invoice), ensure_ascii=False), encoding="utf-8")
    out = ok("client-invoice", str(path), "--as-of", "2024-01-20")
    assert "Montant à rembourser au 20/01/2024" in out
    assert "48,00\xa0€" in out


def test_files_to_standard_output_and_the_schema_by_the_command_s_name(
    client_invoice_file: Path,
) -> None:
    """--xml - writes the XML alone to standard output; schema takes client-invoice."""
    out = ok("client-invoice", str(client_invoice_file), "--xml", "-")
    assert out.startswith("<?xml version='1.0' encoding='utf-8'?>")
    assert "<ram:GrandTotalAmount>600.40</ram:GrandTotalAmount>" in out
    assert "Total" not in out.split("</rsm:CrossIndustryInvoice>")[-1]
    schema = json.loads(ok("schema", "client-invoice"))
    assert schema["title"] == "ClientInvoice"


def test_an_edited_example_says_the_totals_may_be_deleted(tmp_path: Path) -> None:
    """Quantity 70 → 80 in the example: the message says why, and what to do."""
    document = json.loads(ok("example", "client-invoice"))
    document["lines"][0]["quantity"] = "80"
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(document), encoding="utf-8")
    message = bad("client-invoice", str(edited))
    # 70 x 12.00 = 840.00 written; 80 x 12.00 = 960.00 by the fields.
    assert "is 840.00 EUR but the fields give 960.00 EUR" in message
    assert "delete them to have them worked out" in message
    del document["type"]
    untyped = tmp_path / "untyped.json"
    untyped.write_text(json.dumps(document), encoding="utf-8")
    assert 'has no "type": give it, such as "type": ' in bad(
        "client-invoice", str(untyped)
    )


def test_a_negative_quote_and_files_without_rows_or_with_unknown_columns(
    tmp_path: Path,
) -> None:
    """Refused, each in one line that says what is accepted."""
    assert "argument --price: -4.00 is negative: give 0 or more" in bad(
        "quote", "--users", "70", "--price", "-4.00", "--start", "2024-04-01"
    )
    empty = tmp_path / "clients.csv"
    header = ok("example", "clients").splitlines()[0]
    empty.write_text(header + "\n", encoding="utf-8")
    assert "no rows under its header" in bad(
        "compare", str(empty), "--start", "2024-07-01"
    )
    unknown = tmp_path / "more.csv"
    unknown.write_text(header + ",notes\n", encoding="utf-8")
    message = bad("compare", str(unknown), "--start", "2024-07-01", "--strict")
    assert "unknown column 'notes': the columns are" in message


def test_json_that_is_too_deep_repeats_a_key_or_has_a_huge_integer(
    tmp_path: Path,
) -> None:
    """One line each, status 2, never a traceback."""
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert "nested more than 64 deep" in bad("client-invoice", str(deep))
    twice = tmp_path / "twice.json"
    twice.write_text('{"type": "money", "type": "party"}', encoding="utf-8")
    assert "the key 'type' is given twice" in bad("client-invoice", str(twice))
    huge = tmp_path / "huge.json"
    huge.write_text('{"type": "money", "amount": ' + "9" * 5000 + "}", encoding="utf-8")
    assert "not JSON paxbill reads" in bad("client-invoice", str(huge))


def test_ctrl_c_ends_a_command_with_one_line_and_130() -> None:
    """SIGINT to a command waiting on its input: « interrupted », status 130."""
    process = subprocess.Popen(
        [sys.executable, "-m", "paxbill", "compare", "-", "--start", "2024-07-01"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(3)  # started, and reading its standard input
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 130
    assert err.strip() == "paxbill: interrupted"
    assert out == ""


@pytest.mark.parametrize("delay", [0.3, 1.0])
def test_ctrl_c_during_a_long_command_is_one_line_and_130(
    tmp_path: Path, delay: float
) -> None:
    """SIGINT while `invoices` reads and states 300,000 rows: no traceback."""
    big = tmp_path / "invoices.csv"
    with big.open("w", encoding="utf-8") as handle:
        handle.write(
            "number,account_id,account_type,period_start,period_end,users,"
            "unit_price,currency,paid_on,method\n"
        )
        for n in range(300_000):
            handle.write(
                f"{n},INST-1,approved_installer,2024-05-01,2024-06-01,70,2.55,EUR,,\n"
            )
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "paxbill",
            "invoices",
            str(big),
            "--as-of",
            "2024-06-05",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(delay)
    assert process.poll() is None, "the command ended before it was interrupted"
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert err == "paxbill: interrupted\n"
    assert out == ""


def test_control_characters_are_shown_not_obeyed(tmp_path: Path) -> None:
    """An escape sequence in an invoice's number reaches the terminal as text."""
    invoices = tmp_path / "invoices.csv"
    invoices.write_text(
        "number,account_id,account_type,period_start,period_end,users,unit_price,"
        "currency,paid_on,method\n"
        "33\x1b]0;owned\x0752,INST-1,approved_installer,2024-05-01,2024-06-01,70,"
        "2.55,EUR,,\n",
        encoding="utf-8",
    )
    out = ok("invoices", str(invoices), "--as-of", "2024-06-05")
    assert "\x1b" not in out
    assert "\x07" not in out
    assert "33\\x1b]0;owned\\x0752" in out


def test_rates_and_currencies_that_would_be_ignored_are_refused(tmp_path: Path) -> None:
    """--rate without another Paxton currency, a late rate out of range, GBP clients."""
    clients = tmp_path / "clients.csv"
    clients.write_text(ok("example", "clients"), encoding="utf-8")
    start = ["--start", "2024-07-01"]
    assert "--rate: 0.85 converts only when Paxton bills in another currency" in bad(
        "compare", str(clients), *start, "--rate", "0.85"
    )
    gbp = tmp_path / "gbp.csv"
    gbp.write_text(ok("example", "clients").replace("EUR", "GBP"), encoding="utf-8")
    message = bad("compare", str(gbp), *start)
    assert "billed in GBP, not --currency EUR" in message
    assert message.endswith("give --currency GBP")
    assert ok("compare", str(gbp), *start, "--currency", "GBP")
    invoice = tmp_path / "invoice.json"
    invoice.write_text(ok("example", "client-invoice"), encoding="utf-8")
    for rate, words in (("-5", "not a yearly rate of 0 to 100"), ("abc", "not a rate")):
        assert words in bad("client-invoice", str(invoice), "--late-rate", rate)


def test_a_price_change_before_the_start_is_refused() -> None:
    """--price-from on or before --start would leave --price unbilled: refused."""
    message = bad(
        "quote",
        "--users",
        "70",
        "--price",
        "4.00",
        "--start",
        "2024-04-01",
        "--price-from",
        "2024-03-01",
        "4.50",
    )
    assert "--price-from: 2024-03-01 is not after --start 2024-04-01" in message


def test_a_quarterly_bundle_says_what_a_bundle_is_billed() -> None:
    message = bad(
        "bundle",
        "--frequency",
        "quarterly",
        "--fee",
        "100",
        "--users",
        "10",
        "--list-price",
        "3.00",
    )
    assert message.endswith(
        "argument --frequency: a bundled contract is billed monthly or annual, "
        "not quarterly"
    )


def test_a_quote_over_a_price_change_shows_each_price() -> None:
    """70 users, 4.00 for January to March and 4.50 for April to June.

    70 x (3 x 4.00 + 3 x 4.50) = 70 x 25.50 = 1,785.00.
    """
    shown = ok(
        "quote",
        "--users",
        "70",
        "--price",
        "4.00",
        "--frequency",
        "6",
        "--start",
        "2024-01-01",
        "--price-from",
        "2024-04-01",
        "4.50",
    )
    rows = [line.split() for line in shown.splitlines()]
    dash = "\N{EN DASH}"
    assert ["01/01/2024", dash, "31/03/2024", "€4.00", "x", "3"] == rows[3][-6:]
    assert ["01/04/2024", dash, "30/06/2024", "€4.50", "x", "3"] == rows[4][-6:]
    assert shown.splitlines()[-1].endswith("€1,785.00")


def test_client_invoice_json_on_a_day_gives_the_state_and_what_is_due(
    tmp_path: Path,
) -> None:
    """The example invoice, 1,188.00, due 2024-02-01 and unpaid on 2024-02-05."""
    path = tmp_path / "invoice.json"
    path.write_text(ok("example", "client-invoice"), encoding="utf-8")
    told = json.loads(
        ok("client-invoice", str(path), "--as-of", "2024-02-05", "--json")
    )
    assert (told["state"], told["amount_due"], told["refund_due"]) == (
        "overdue",
        "1188.00",
        "0.00",
    )
    assert told["document"]["number"] == "F2024-0001"


def test_amounts_on_the_command_line_are_read_as_people_write_them() -> None:
    """3,00 under a French locale is 3.00; 3.005 EUR is not a price; names in words."""
    french = json.loads(
        ok(
            "estimate",
            "--users",
            "70",
            "--list-price",
            "3,00",
            "--discount",
            "15",
            "--locale",
            "fr_FR",
            "--json",
        )
    )
    assert french["total"] == "178.50"  # 70 x 2.55
    assert "argument --list-price: 3.005 has 3 decimals, EUR has 2" in bad(
        "estimate", "--users", "70", "--list-price", "3.005"
    )
    assert "argument --balance: '1e30' is not an amount" in bad(
        "review",
        "--balance",
        "1e30",
        "--monthly-cost",
        "25",
        "--as-of",
        "2024-04-01",
        "--term-end",
        "2025-01-01",
    )
    line = bad(
        "review",
        "--balance",
        "100",
        "--monthly-cost",
        "25",
        "--as-of",
        "2025-02-01",
        "--term-end",
        "2025-01-01",
    )
    assert "argument --as-of: 2025-02-01 is after --term-end 2025-01-01" in line
    assert "as_of" not in line
    assert "Money(" not in line


def test_a_file_s_dates_are_read_in_the_locale_given(tmp_path: Path) -> None:
    """01/05/2024 is 1 May under fr_FR; without --locale it could be either."""
    french = tmp_path / "factures.csv"
    french.write_text(
        "number,account_id,account_type,period_start,period_end,users,unit_price,"
        "currency\n335218,INST-1,approved_installer,01/05/2024,01/06/2024,70,2,55,EUR\n".replace(
            "2,55", '"2,55"'
        ),
        encoding="utf-8",
    )
    read = json.loads(
        ok(
            "invoices",
            str(french),
            "--as-of",
            "2024-06-05",
            "--locale",
            "fr_FR",
            "--json",
        )
    )
    assert read["invoices"][0]["period"]["start"] == "2024-05-01"
    assert read["invoices"][0]["total"]["amount"] == "178.50"  # 70 x 2.55
    line = bad("invoices", str(french), "--as-of", "2024-06-05")
    assert "line 2, column 'period_start': '01/05/2024' could be 1/5 or 5/1" in line


def test_headers_in_any_case_unknown_columns_and_windows_1252(tmp_path: Path) -> None:
    """`Client ID` is client_id; `notes` is ignored with a warning; cp1252 is read."""
    text = ok("example", "clients").replace("client_id,", "Client ID,", 1)
    lines = text.splitlines()
    lines[0] += ",notes"
    lines[1:] = [line + ",à revoir" for line in lines[1:]]
    path = tmp_path / "clients.csv"
    path.write_bytes(("\n".join(lines) + "\n").encode("cp1252"))
    result = run("compare", str(path), "--start", "2024-07-01", "--json")
    assert result.returncode == 0, result.stderr
    warnings = result.stderr.splitlines()
    assert len(warnings) == 2
    assert "is not UTF-8: read as Windows-1252" in warnings[0]
    assert "ignoring the column(s) 'notes': the columns are client_id" in warnings[1]
    plain = tmp_path / "plain.csv"
    plain.write_text(ok("example", "clients"), encoding="utf-8")
    same = run("compare", str(plain), "--start", "2024-07-01", "--json")
    assert json.loads(result.stdout) == json.loads(same.stdout)
    strict = run("compare", str(path), "--start", "2024-07-01", "--strict")
    assert strict.returncode == 2
    assert "unknown column 'notes'" in strict.stderr.splitlines()[-1]
    broken = tmp_path / "broken.csv"
    broken.write_bytes(b"client_id\x81,users\n")  # 0x81: not Windows-1252 either
    assert "not UTF-8 text" in bad("compare", str(broken), "--start", "2024-07-01")
    assert "save it as « CSV UTF-8 »" in bad(
        "compare", str(broken), "--start", "2024-07-01"
    )


def test_the_words_of_a_frequency_agree_with_what_they_describe() -> None:
    """« Facturation trimestrielle », « forfait annuel », « jährliche Pauschale »."""
    french = ok(
        "quote",
        "--users",
        "70",
        "--price",
        "4.00",
        "--frequency",
        "quarterly",
        "--start",
        "2024-01-01",
        "--locale",
        "fr_FR",
    )
    assert french.splitlines()[2].split() == ["Facturation", "trimestrielle"]
    bundle = ("bundle", "--fee", "300", "--users", "70", "--list-price", "3.00")
    assert ok(*bundle, "--frequency", "annual", "--locale", "fr_FR").startswith(
        "Contrat groupé (forfait annuel)"
    )
    assert ok(*bundle, "--frequency", "annual", "--locale", "de_DE").startswith(
        "Paketvertrag (jährliche Pauschale)"
    )
    assert ok(*bundle, "--locale", "de_DE").startswith(
        "Paketvertrag (monatliche Pauschale)"
    )


def test_compare_json_reads_back_and_a_client_without_type_is_named(
    tmp_path: Path,
) -> None:
    """What `compare --json` prints, `compare` reads: the same projection again."""
    clients = tmp_path / "clients.csv"
    clients.write_text(ok("example", "clients"), encoding="utf-8")
    first = ok("compare", str(clients), "--start", "2024-07-01", "--json")
    out = tmp_path / "out.json"
    out.write_text(first, encoding="utf-8")
    assert ok("compare", str(out), "--start", "2024-07-01", "--json") == first
    assert json.loads(first)["clients"][0]["client_id"] == "RES-TILLEULS"
    bare = tmp_path / "bare.json"
    bare.write_text('{"clients": [{"client_id": "A", "users": 3}]}', encoding="utf-8")
    assert 'clients[0]: has no "type": give "type": "client"' in bad(
        "compare", str(bare), "--start", "2024-07-01"
    )


def test_the_example_credit_note_credits_ten_users_of_the_example_invoice(
    tmp_path: Path,
) -> None:
    """10 of the 70 users at 12.00 the quarter: 120.00 + 20 % VAT = 144.00."""
    from paxbill import ClientInvoice, CreditNote, en16931_problems, from_dict

    note = from_dict(json.loads(ok("example", "credit-note")))
    invoice = from_dict(json.loads(ok("example", "client-invoice")))
    assert isinstance(note, CreditNote)
    assert isinstance(invoice, ClientInvoice)
    assert note.invoice_number == invoice.number
    assert note.gross_total == Money("144.00", "EUR")
    credited = invoice.apply_credit(note)
    assert credited.amount_due_on(D(2024, 2, 15)) == Money(
        "1044.00", "EUR"
    )  # 1188 - 144
    assert en16931_problems(note, france=True) == ()
