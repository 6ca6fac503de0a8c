"""The ``paxbill`` command line: what an installer asks, answered in a terminal.

Every subcommand prints for people (``--locale``) or for programs (``--json``,
amounts as strings). Bad input prints one line to stderr and exits with 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from decimal import Decimal
from typing import NoReturn

from paxbill._labels import text
from paxbill.discount import Discount
from paxbill.exceptions import PaxbillError
from paxbill.formatting import format_number, format_percent_value, parse_locale
from paxbill.money import Money
from paxbill.pricing import PerUserPrice

__all__ = ["main"]

EXIT_BAD_INPUT = 2


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, then exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message}\n")


def _build_parser() -> _Parser:
    parser = _Parser(
        prog="paxbill",
        description="Exact billing figures for the Paxton Entry app subscription.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    estimate = commands.add_parser(
        "estimate",
        help="the next Paxton invoice for a number of app users",
        description="Estimate the next monthly Paxton invoice, as the portal shows it.",
    )
    estimate.add_argument("--users", type=int, required=True, help="active app users")
    estimate.add_argument(
        "--list-price", required=True, help="list price per user per month, e.g. 3.00"
    )
    estimate.add_argument(
        "--discount", default="0", help="partner discount in per cent, e.g. 15"
    )
    estimate.add_argument("--currency", default="EUR", help="ISO 4217 code (EUR)")
    _add_output_options(estimate)
    estimate.set_defaults(run=_estimate)
    return parser


def _add_output_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--locale", default="en_GB", help="locale for people, e.g. fr_FR (en_GB)"
    )
    command.add_argument(
        "--json", action="store_true", help="print one JSON object for programs"
    )


def _plain(amount: Decimal) -> str:
    return f"{amount:f}"


def _estimate(args: argparse.Namespace) -> str:
    locale = parse_locale(args.locale)
    price = PerUserPrice(Money(args.list_price, args.currency), Discount(args.discount))
    total = price.monthly_total(args.users)
    discount = price.discount or Discount(0)
    if args.json:
        return json.dumps(
            {
                "currency": price.currency,
                "list_price": _plain(price.list_price.amount),
                "discount_percent": _plain(discount.percent),
                "net_price": _plain(price.net.amount),
                "users": args.users,
                "total": _plain(total.amount),
            }
        )
    rows = [
        (text("list_price", locale), price.list_price.format(locale)),
        (text("discount", locale), format_percent_value(discount.percent, locale)),
        (text("net_price", locale), price.net.format(locale)),
        (text("users", locale), format_number(args.users, locale)),
        (text("total", locale), total.format(locale)),
    ]
    return "\n".join([text("estimate.title", locale), *_table(rows)])


def _table(rows: Sequence[tuple[str, str]]) -> list[str]:
    """Line up labels on the left and figures on the right."""
    left = max(len(name) for name, _ in rows)
    right = max(len(value) for _, value in rows)
    return [f"{name:<{left}}  {value:>{right}}" for name, value in rows]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``).

    Returns:
        The exit status: 0 on success, 2 on bad input.
    """
    parser = _build_parser()
    args = parser.parse_args(argv)
    try:
        output = args.run(args)
    except PaxbillError as error:
        print(f"paxbill {args.command}: error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(output)
    return 0
