"""``paxbill bundle``: the app's share of a fixed-fee contract."""

from __future__ import annotations

import argparse

from paxbill.cli._common import (
    BadInput,
    add_list_price,
    add_output_options,
    amount_option,
    choice,
    dumps,
    integer,
    list_price,
    pairs,
    plain,
)
from paxbill.clients.bundles import Bundle
from paxbill.core.discount import Discount
from paxbill.core.formatting import format_number, format_percent_value, parse_locale
from paxbill.core.periods import BillingFrequency
from paxbill.core.pricing import PerUserPrice
from paxbill.io._words import text


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options of ``paxbill bundle``."""
    parser.add_argument("--fee", required=True, help="the contract's fee per period")
    parser.add_argument(
        "--frequency",
        type=choice(BillingFrequency),
        default=BillingFrequency.MONTHLY,
        help="monthly or annual (monthly)",
    )
    parser.add_argument(
        "--users", type=integer, required=True, help="app users covered"
    )
    add_list_price(parser, aliases=["--app-price"])
    parser.add_argument(
        "--other-costs", default="0", help="the other services' cost per period"
    )
    add_output_options(parser)


def run(args: argparse.Namespace) -> str:
    """The app's share of a fixed-fee contract."""
    locale = parse_locale(args.locale)
    if args.frequency not in (BillingFrequency.MONTHLY, BillingFrequency.ANNUAL):
        raise BadInput(
            f"argument --frequency: a bundled contract is billed monthly or annual, "
            f"not {args.frequency.value}"
        )
    app_price = PerUserPrice(
        amount_option(args, "--list-price", args.currency, text=list_price(args)),
        Discount(args.discount),
    )
    result = Bundle(
        amount_option(args, "--fee", args.currency),
        args.frequency,
        args.users,
        app_price,
        amount_option(args, "--other-costs", args.currency),
    )
    if args.json:
        return dumps(
            {
                "currency": result.fee.currency,
                "fee": plain(result.fee),
                "frequency": result.frequency.value,
                "users": result.users,
                "app_cost": plain(result.app_cost),
                "app_share": f"{result.app_share:f}",
                "other_costs": plain(result.other_costs),
                "margin": plain(result.margin),
                "break_even_users": result.break_even_users,
            }
        )
    breaks = result.break_even_users
    rows = [
        (text("bundle.fee", locale), result.fee.format(locale)),
        (text("users", locale), format_number(result.users, locale)),
        (text("bundle.app_cost", locale), result.app_cost.format(locale)),
        (
            text("bundle.app_share", locale),
            format_percent_value(result.app_share * 100, locale),
        ),
        (text("bundle.other_costs", locale), result.other_costs.format(locale)),
        (text("bundle.margin", locale), result.margin.format(locale)),
        (
            text("bundle.break_even", locale),
            "-" if breaks is None else format_number(breaks, locale),
        ),
    ]
    title = text(f"bundle.title.{result.frequency.value}", locale)
    return "\n".join([title, *pairs(rows)])
