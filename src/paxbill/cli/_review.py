"""``paxbill review``: whether a prepaid balance pays Paxton to the end of the term."""

from __future__ import annotations

import argparse

from paxbill.cli._common import (
    add_account_type,
    add_exchange_options,
    add_output_options,
    amount_option,
    dumps,
    exchange_rates,
    in_order,
    iso_date,
    plain,
)
from paxbill.cli._render import render
from paxbill.clients.reviews import review_balance
from paxbill.core.formatting import parse_locale
from paxbill.io._reports import review_report


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options of ``paxbill review``."""
    parser.add_argument("--balance", required=True, help="the client's prepaid balance")
    parser.add_argument(
        "--monthly-cost",
        required=True,
        help="what Paxton charges for the client each month",
    )
    parser.add_argument(
        "--as-of", type=iso_date, required=True, help="the review date, YYYY-MM-DD"
    )
    parser.add_argument(
        "--term-end",
        type=iso_date,
        required=True,
        help="the day after the term, YYYY-MM-DD",
    )
    parser.add_argument(
        "--term-start",
        type=iso_date,
        default=None,
        help="the first day of the term, YYYY-MM-DD; without it every charge still"
        " to pay counts",
    )
    add_account_type(parser)
    add_exchange_options(parser)
    add_output_options(parser)


def run(args: argparse.Namespace) -> str:
    """The monthly review of a prepaid balance."""
    locale = parse_locale(args.locale)
    in_order(("--term-start", args.term_start), ("--term-end", args.term_end))
    in_order(("--as-of", args.as_of), ("--term-end", args.term_end))
    result = review_balance(
        amount_option(args, "--balance", args.currency, negative=True),
        amount_option(args, "--monthly-cost", args.paxton_currency or args.currency),
        as_of=args.as_of,
        term_end=args.term_end,
        term_start=args.term_start,
        account_type=args.account_type,
        credit_days=args.credit_days,
        rates=exchange_rates(args, args.as_of),
    )
    if args.json:
        return dumps(
            {
                "currency": result.balance.currency,
                "balance": plain(result.balance),
                "monthly_cost": plain(result.monthly_cost),
                "months_remaining": result.months_remaining,
                "months_covered": result.months_covered,
                "sufficient": result.sufficient,
                "shortfall": plain(result.shortfall),
                "runs_out_on": None
                if result.runs_out_on is None
                else result.runs_out_on.isoformat(),
                "charges": [
                    {
                        "usage_month": month.start.isoformat()[:7],
                        "invoiced_on": month.end.isoformat(),
                        "paid_on": paid.isoformat(),
                        "amount": plain(amount),
                    }
                    for month, paid, amount in zip(
                        result.usage_months,
                        result.charge_dates,
                        result.charges,
                        strict=True,
                    )
                ],
            }
        )
    return render(review_report(result, locale))
