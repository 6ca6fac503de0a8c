"""The ``paxbill`` command line: what an installer asks, answered in a terminal.

Every subcommand prints for people (``--locale``) or for programs (``--json``,
amounts as strings). Bad input prints one line to stderr and exits with 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from paxbill.cli import _commands
from paxbill.cli._common import EXIT_BAD_INPUT, BadInput, add_output_options, iso_date
from paxbill.cli._demo import demo
from paxbill.clients.proration import ProrationMethod
from paxbill.core.periods import BillingFrequency
from paxbill.exceptions import PaxbillError
from paxbill.paxton.accounts import AccountType

__all__ = ["main"]


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, then exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message}\n")


def _choice(
    kind: type[BillingFrequency] | type[ProrationMethod] | type[AccountType],
) -> Callable[[str], object]:
    def read(text: str) -> object:
        try:
            return kind(text.lower().replace("-", "_"))
        except ValueError:
            allowed = ", ".join(m.value for m in kind)
            raise argparse.ArgumentTypeError(
                f"{text!r} is not one of {allowed}"
            ) from None

    read.__name__ = kind.__name__
    return read


def _build_parser() -> _Parser:
    parser = _Parser(
        prog="paxbill",
        description="Exact billing figures for the Paxton Entry app subscription.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(
        name: str, summary: str, run: Callable[[argparse.Namespace], str]
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=summary, description=summary)
        sub.set_defaults(run=run)
        return sub

    estimate = command(
        "estimate",
        "the next Paxton invoice for a number of app users",
        _commands.estimate,
    )
    estimate.add_argument("--users", type=int, required=True, help="active app users")
    estimate.add_argument(
        "--list-price", required=True, help="list price per user per month, e.g. 3.00"
    )
    estimate.add_argument(
        "--discount", default="0", help="partner discount in per cent, e.g. 15"
    )
    add_output_options(estimate)

    invoices = command(
        "invoices",
        "invoices from a JSON or CSV file, with their states",
        _commands.invoices,
    )
    invoices.add_argument("file", help="a .json file of invoices, or a .csv file")
    invoices.add_argument(
        "--as-of",
        type=iso_date,
        required=True,
        help="the day to tell states on, YYYY-MM-DD",
    )
    add_output_options(invoices, currency=False)

    quote = command("quote", "what to bill a client in advance", _commands.quote)
    quote.add_argument("--users", type=int, required=True, help="app users")
    quote.add_argument(
        "--price", required=True, help="price per user per month to the client"
    )
    quote.add_argument(
        "--discount", default=None, help="a discount off that price, in per cent"
    )
    quote.add_argument(
        "--frequency",
        type=_choice(BillingFrequency),
        default=BillingFrequency.ANNUAL,
        help="monthly, quarterly or annual (annual)",
    )
    quote.add_argument(
        "--start",
        type=iso_date,
        required=True,
        help="first day of the term, YYYY-MM-DD",
    )
    add_output_options(quote)

    prorate = command(
        "prorate",
        "the share of an amount for part of a period",
        _commands.prorate_command,
    )
    prorate.add_argument("--amount", required=True, help="what the whole period costs")
    prorate.add_argument(
        "--start", type=iso_date, required=True, help="first day of the period"
    )
    prorate.add_argument(
        "--end", type=iso_date, required=True, help="day after its last day"
    )
    prorate.add_argument(
        "--part-start", type=iso_date, required=True, help="first day of the part"
    )
    prorate.add_argument(
        "--part-end",
        type=iso_date,
        default=None,
        help="day after the part's last day (the period's end)",
    )
    prorate.add_argument(
        "--method",
        type=_choice(ProrationMethod),
        default=ProrationMethod.DAYS,
        help="days or months (days)",
    )
    add_output_options(prorate)

    review = command(
        "review",
        "whether a prepaid balance pays Paxton to the end of the term",
        _commands.review,
    )
    review.add_argument("--balance", required=True, help="the client's prepaid balance")
    review.add_argument(
        "--monthly-cost",
        required=True,
        help="what Paxton charges for the client each month",
    )
    review.add_argument(
        "--as-of", type=iso_date, required=True, help="the review date, YYYY-MM-DD"
    )
    review.add_argument(
        "--term-end",
        type=iso_date,
        required=True,
        help="the day after the term, YYYY-MM-DD",
    )
    add_output_options(review)

    bundle = command(
        "bundle", "the app's share of a fixed-fee contract", _commands.bundle
    )
    bundle.add_argument("--fee", required=True, help="the contract's fee per period")
    bundle.add_argument(
        "--frequency",
        type=_choice(BillingFrequency),
        default=BillingFrequency.MONTHLY,
        help="monthly or annual (monthly)",
    )
    bundle.add_argument("--users", type=int, required=True, help="app users covered")
    bundle.add_argument(
        "--app-price", required=True, help="Paxton's list price per user per month"
    )
    bundle.add_argument("--discount", default="0", help="partner discount in per cent")
    bundle.add_argument(
        "--other-costs", default="0", help="the other services' cost per period"
    )
    add_output_options(bundle)

    compare = command(
        "compare",
        "cash flow of billing strategies for clients in a file",
        _commands.compare,
    )
    compare.add_argument("file", help="a .json file of clients, or a .csv file")
    compare.add_argument(
        "--start", type=iso_date, required=True, help="first month, YYYY-MM-DD"
    )
    compare.add_argument(
        "--months", type=int, default=12, help="months to project (12)"
    )
    compare.add_argument(
        "--paxton-price",
        default="3.00",
        help="Paxton's list price per user per month (3.00)",
    )
    compare.add_argument(
        "--discount", default="15", help="partner discount in per cent (15)"
    )
    compare.add_argument(
        "--account-type",
        type=_choice(AccountType),
        default=AccountType.APPROVED_INSTALLER,
        help="approved_installer or system_manager",
    )
    add_output_options(compare)

    tour = command(
        "demo", "every capability on the vendor's note's sample account", demo
    )
    add_output_options(tour, currency=False)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``).

    Returns:
        The exit status: 0 on success, 2 on bad input.
    """
    parser = _build_parser()
    args = parser.parse_args(argv)
    try:
        output = args.run(args)
    except (PaxbillError, BadInput) as error:
        message = " ".join(str(error).split())
        print(f"paxbill {args.command}: error: {message}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(output)
    return 0
