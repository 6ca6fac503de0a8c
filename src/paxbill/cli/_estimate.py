"""``paxbill estimate``: the next Paxton invoice for a number of app users."""

from __future__ import annotations

import argparse

from paxbill.cli._common import (
    add_output_options,
    amount_option,
    dumps,
    integer,
    pairs,
    plain,
)
from paxbill.core.discount import Discount
from paxbill.core.formatting import format_number, format_percent_value, parse_locale
from paxbill.core.pricing import PerUserPrice
from paxbill.io._words import text


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options of ``paxbill estimate``."""
    parser.add_argument("--users", type=integer, required=True, help="active app users")
    parser.add_argument(
        "--list-price", required=True, help="list price per user per month, e.g. 3.00"
    )
    parser.add_argument(
        "--discount", default="0", help="partner discount in per cent, e.g. 15"
    )
    add_output_options(parser)


def run(args: argparse.Namespace) -> str:
    """The next Paxton invoice for a number of users."""
    locale = parse_locale(args.locale)
    price = PerUserPrice(
        amount_option(args, "--list-price", args.currency), Discount(args.discount)
    )
    total = price.monthly_total(args.users)
    discount = price.discount or Discount(0)
    if args.json:
        return dumps(
            {
                "currency": price.currency,
                "list_price": plain(price.list_price),
                "discount_percent": f"{discount.percent:f}",
                "net_price": plain(price.net),
                "users": args.users,
                "total": plain(total),
            }
        )
    rows = [
        (text("list_price", locale), price.list_price.format(locale)),
        (text("discount", locale), format_percent_value(discount.percent, locale)),
        (text("net_price", locale), price.net.format(locale)),
        (text("users", locale), format_number(args.users, locale)),
        (text("total", locale), total.format(locale)),
    ]
    return "\n".join([text("estimate.title", locale), *pairs(rows)])
